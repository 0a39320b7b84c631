"""Who said what: the quotes stage. Candidates are scored by the attribution model and kept, run-on and floating
quotations are added, and each becomes a `Quote` with its speaker resolved.

    '"We will win," Ana Diaz said.'  ->  Quote(text='We will win,', kind='direct', cue='said',
                                              source='named', speaker=<id of Ana Diaz>)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from spacy.tokens import Doc, Span

from ..lexicon import quote_cues
from ..nlp import Parsed
from ..parse import Mentions
from ..quote_marks import Quotation, QuotedSpans, quotations
from ..schema import FactSheet, Quote
from .candidates import Candidate, HANDED_TO_CUE, candidates
from .model import model, probability
from .speakers import resolve_speaker


# Content at least this share inside quotation marks is a direct quote.
DIRECT_SHARE = 0.8
# A candidate with this share of its content inside a likelier one's reports the same words.
SAME_CONTENT = 0.9
# A line opening the article after a colon ("Oslo: …, police said") that is mostly another cue's content is a
# dateline and that cue's words, not the line's: in the first lines of the text, where datelines stand.
SAME_LINE = 0.6
DATELINE_LINES = 2
# Where a sentence ends, outside quotation marks.
SENTENCE_BREAK = re.compile(r"[.?!][\"”’']*\s")
# A floating quotation is a quoted sentence of this many words or more, at most this many paragraphs
# after the last attributed quote.
FLOATING_MIN_WORDS = 5
FLOATING_MAX_PARAGRAPHS = 2
# Headline and transcript form: "Pence: …", "WALLACE: …" at the start of a line, one to four capitalised words;
# as a subhead, the name may carry a role ("Ann Lee, head of the clinic: …"), and then the words are a quotation.
COLON_FORM = re.compile(r"^[ \t\"“'‘]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)"  # the name
                        r"(,[^:\n\"“”‘’]{3,80})?:[ \t]+(\S[^\n]*)", re.MULTILINE)  # its role, and the words
# NER labels of a name that cannot be a headline's speaker: a place before a colon is a dateline ("Delhi: …").
PLACE_ENTITIES = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"}


def find_quotes(parsed: Parsed, sheet: FactSheet) -> list[Quote]:
    """Every quote and reported statement in the article, in text order, speakers resolved against
    `sheet.entities`: quoted words, and clauses reporting what someone said, wrote or thinks."""
    return _attributions(parsed, sheet, acts=False)


def find_attributions(parsed: Parsed, sheet: FactSheet) -> list[Quote]:
    """As `find_quotes`, and also acts and stances PolNeAR counts as attributions ("praised the crews",
    "denied the claims"): the quotes stage of `sheet.ATTRIBUTION_STAGES`."""
    return _attributions(parsed, sheet, acts=True)


def _attributions(parsed: Parsed, sheet: FactSheet, acts: bool) -> list[Quote]:
    text = parsed.text
    marks = quotations(text)
    scored = [(probability(candidate.features, acts), candidate)
              for candidate in candidates(parsed.doc, text, marks, acts)]
    likely = [(score, candidate) for score, candidate in scored
              if score >= model(acts)["threshold"] or HANDED_TO_CUE in candidate.features]
    # PolNeAR counts a report inside another as an attribution of its own; news counts the outer speaker's words.
    kept = _distinct([candidate for _, candidate in sorted(likely, key=lambda pair: -pair[0])] if acts
                     else _reporters_first(likely + _reporting_reports(scored, likely)))
    transcript = _colon_form(parsed.doc, text, marks, kept)
    # A cue read inside a transcript line's words is one of the words, not their cue.
    kept = [candidate for candidate in kept if not any(
        line.start <= candidate.cue[0].idx < line.end and candidate.start < line.end and line.start < candidate.end
        for line in transcript)]
    kept = sorted(kept + transcript, key=lambda candidate: candidate.start)
    # A transcript line is speech as much as a quotation: the "I" in it is its speaker, not the writer.
    spoken = QuotedSpans(marks + [Quotation(line.start, line.end, line.start, line.end, True) for line in transcript])
    quoted = QuotedSpans(marks)
    mentions = Mentions(parsed.doc, sheet.entities)
    quotes: list[Quote] = []
    for candidate in kept:
        quotes.append(_to_quote(candidate, text, quoted, spoken, sheet, mentions, quotes))
    return _with_floating(text, marks, quotes)


def _with_floating(text: str, marks: list[Quotation], quotes: list[Quote]) -> list[Quote]:
    """Quoted sentences with no cue of their own are quotes of the speaker quoted just before them (as their
    own quotes, not the previous one's continuation: so annotators of news mostly count them); and the
    paragraphs of a quotation that runs over several are all the speaker's whose cue one of them has."""
    quotes = sorted(quotes, key=_start)
    # Quotes overlapping a mark are found by bisection over the quotes by start, back no further than the
    # longest quote reaches: reading every quote for every mark took minutes on 8,000 short quotes.
    longest = max((quote.end - quote.start for quote in quotes), default=0)
    for chain in _paragraph_chains(marks):
        attributed = [quote for mark in chain for quote in _overlapping(quotes, mark, longest) if quote.speaker_mention]
        # A transcript quoted whole has several voices: a paragraph goes on with the one before it, if any.
        one_voice = len({quote.speaker_name for quote in attributed}) == 1
        for number, mark in enumerate(chain):
            words = text[mark.start:mark.end].strip()
            note = words.startswith("(") and words.rstrip(".").endswith(")")  # "(Applause.)"
            if note or _overlapping(quotes, mark, longest):
                continue
            before = [quote for quote in attributed if quote.start < mark.start]
            if before or attributed and one_voice:  # another paragraph of the same quotation has the cue
                source = max(before, key=lambda quote: quote.start) if before else attributed[0]
            elif number == 0 and _floating_sentence(text, mark) and (
                    closing := _closing_cue_quote(text, quotes, mark)) is not None:
                source = closing  # '"A" in a match that "B", the coach said': the sentence's cue is A's too
            elif number == 0 and _floating_sentence(text, mark):
                previous = _last_spoken_before(quotes, mark.start)
                if previous is None or text.count("\n\n", previous.end, mark.start) > FLOATING_MAX_PARAGRAPHS:
                    break
                source = previous
                attributed = [source]
            else:
                break
            insort(quotes, Quote(text=text[mark.start:mark.end], start=mark.start, end=mark.end, kind="direct",
                                 source=source.source, cue=None, speaker=source.speaker,
                                 speaker_mention=source.speaker_mention, speaker_name=source.speaker_name), key=_start)
            longest = max(longest, mark.end - mark.start)
    return quotes


def _floating_sentence(text: str, mark: Quotation) -> bool:
    """A quotation that opens a sentence and is long enough to be one."""
    return len(text[mark.start:mark.end].split()) >= FLOATING_MIN_WORDS and _starts_sentence(text, mark.outer_start)


def _closing_cue_quote(text: str, quotes: list[Quote], mark: Quotation) -> Quote | None:
    """The next quote in the mark's sentence, when its cue and speaker close the sentence after it."""
    following = quotes[bisect_left(quotes, mark.end, key=_start):]
    later = following[0] if following else None
    if later is None or later.cue is None or later.speaker_mention is None or later.speaker_mention.start < later.end:
        return None
    between = text[mark.end:later.start] + " " + text[later.end:later.speaker_mention.start]
    return None if "\n" in between or SENTENCE_BREAK.search(between) else later


def _start(quote: Quote) -> int:
    return quote.start


def _overlapping(quotes: list[Quote], mark: Quotation, longest: int) -> list[Quote]:
    """The quotes (sorted by start, none longer than `longest`) that overlap the mark, in their order."""
    found = []
    for index in range(bisect_left(quotes, mark.end, key=_start) - 1, -1, -1):
        if quotes[index].start + longest <= mark.start:
            break
        if _overlaps(quotes[index], mark):
            found.append(quotes[index])
    return found[::-1]


def _last_spoken_before(quotes: list[Quote], at: int) -> Quote | None:
    """The last quote (sorted by start) with a speaker that ends by `at`."""
    for index in range(bisect_right(quotes, at, key=_start) - 1, -1, -1):
        if quotes[index].end <= at and quotes[index].speaker_mention is not None:
            return quotes[index]
    return None


def _paragraph_chains(marks: list[Quotation]) -> list[list[Quotation]]:
    """Quotations grouped as one per quotation: a paragraph that reopens one joins the one before it."""
    chains: list[list[Quotation]] = []
    for mark in sorted(marks, key=lambda mark: mark.start):
        if mark.continues and chains:
            chains[-1].append(mark)
        else:
            chains.append([mark])
    return chains


def _overlaps(quote: Quote, mark: Quotation) -> bool:
    return quote.start < mark.end and mark.start < quote.end


def _starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at].rstrip(" \t")
    return not before or before[-1] in ".?!\n"


def _reporting_reports(scored: list[tuple[float, Candidate]],
                       likely: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """Unlikely candidates that report a likely one: a reporting verb with a speaker whose content holds the cue
    of a report ('Pupils had been warned by inspectors that …, the council told reporters')."""
    cues = sorted(candidate.cue[0].idx for _, candidate in likely)
    found = []
    for score, candidate in scored:
        if score >= model(False)["threshold"] or "negated" in candidate.features or not _closes_its_words(candidate):
            continue
        at = bisect_left(cues, candidate.start)
        if at < len(cues) and cues[at] < candidate.end:
            found.append((score, candidate))
    return found


def _closes_its_words(candidate: Candidate) -> bool:
    """'…, the agency said': a reporting verb with a speaker after the words it reports, closing them."""
    return candidate.cue[0].idx >= candidate.end and candidate.speaker is not None and (
        "reporting_verb" in candidate.features)


def _reporters_first(scored: list[tuple[float, Candidate]]) -> list[Candidate]:
    """Candidates likeliest first, but a report nested in the words of one whose cue closes them after it: in
    'Pupils had been warned by inspectors that …, the council said' the words are the council's, who reports the
    warning."""
    closing = [candidate for _, candidate in scored if _closes_its_words(candidate)]
    by_start = sorted((candidate.start, candidate.end) for candidate in closing)
    starts = [start for start, _ in by_start]
    # The furthest any content starting at or before each place reaches, to find a cue inside one by bisection.
    reach = []
    for _, end in by_start:
        reach.append(max(end, reach[-1]) if reach else end)

    def nested(candidate: Candidate) -> bool:
        cue = candidate.cue[0].idx
        index = bisect_right(starts, cue) - 1
        return index >= 0 and reach[index] > cue and not candidate.start <= cue < candidate.end

    return [candidate for _, candidate in sorted(scored, key=lambda pair: (nested(pair[1]), -pair[0]))]


def _distinct(ranked: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose content lies within a likelier one's (two cues read off one quotation)."""
    kept: list[Candidate] = []
    # The kept ones in text order. None holds another (it would share all its content), so their starts and
    # ends both ascend, and those touching a candidate are a slice found by bisection (all was quadratic).
    in_order: list[Candidate] = []
    starts: list[int] = []
    ends: list[int] = []
    for candidate in ranked:
        length = candidate.end - candidate.start
        touching = in_order[bisect_left(ends, candidate.start):bisect_right(starts, candidate.end)]
        if not any(min(candidate.end, other.end) - max(candidate.start, other.start)
                   >= SAME_CONTENT * min(length, other.end - other.start) for other in touching):
            kept.append(candidate)
            at = bisect_left(starts, candidate.start)
            in_order.insert(at, candidate)
            starts.insert(at, candidate.start)
            ends.insert(at, candidate.end)
    return kept


def _colon_form(doc: Doc, text: str, marks: list[Quotation], kept: list[Candidate]) -> list[Candidate]:
    """Lines such as 'Pence: We will win' whose content no kept candidate already covers; when the words
    after the colon open with a quotation ('Pence: "We will win" in Ohio'), the quotation is the content."""
    opening = {mark.outer_start: mark for mark in marks}
    labels = quote_cues()["colon_labels"]
    found = []
    for match in COLON_FORM.finditer(text):
        start, end = match.span(3)
        quoted = start in opening
        if quoted:
            start, end = opening[start].start, opening[start].end
        elif match.group(2):
            continue  # "Ann Lee, head of the clinic:" introduces a quotation; other words are a label's
        if any(candidate.start <= start and end <= candidate.end and candidate.cue_text == ":" for candidate in kept):
            continue
        opening_lines = text.count("\n", 0, match.start()) <= DATELINE_LINES
        if not quoted and opening_lines and any(start <= candidate.cue[0].idx < end and min(end, candidate.end)
                                                - max(start, candidate.start) >= SAME_LINE * (end - start)
                                                for candidate in kept):
            continue  # a dateline, "Oslo: Two climbers were rescued, police said": the words have a cue of their own
        speaker = doc.char_span(*match.span(1), alignment_mode="expand")
        colon_at = match.end(2) if match.group(2) else match.end(1)
        colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
        if speaker is None or colon is None or _is_label(speaker, labels):
            continue
        role = doc.char_span(*match.span(2), alignment_mode="expand") if match.group(2) else None
        if role is not None and any(token.pos_ in ("VERB", "AUX") for token in role):
            continue  # "Ann Lee, who chairs the board, said:" has a cue of its own
        if not quoted and not any(char.isalpha() for char in text[start:end]):
            continue  # "Attendance: 18,412."
        headline = text[:match.start()].strip() == ""
        if not headline and not any(t.pos_ == "PROPN" or t.ent_type_ or t.is_upper for t in speaker):
            continue
        words = doc.char_span(start, end, alignment_mode="expand")
        if not headline and not quoted and words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words):
            continue  # "Louvre Heist: Key Facts" is a heading, not what someone said
        found.append(Candidate([colon[0]], start, end, speaker))
    return found


def _is_label(phrase: Span, labels: frozenset[str]) -> bool:
    """A section label ("The Latest", "Explainer", "SOURCE") or a dateline's place ("Delhi") before a colon:
    not a speaker."""
    words = phrase.text.lower().removeprefix("the ").strip()
    return words in labels or phrase.text.lower() in labels or all(t.ent_type_ in PLACE_ENTITIES for t in phrase)


def _to_quote(candidate: Candidate, text: str, quoted: QuotedSpans, spoken: QuotedSpans, sheet: FactSheet,
              mentions: Mentions, earlier: list[Quote]) -> Quote:
    start, end = candidate.start, candidate.end
    # '"A," she said, "B."' is direct too: quoted words at both ends, only the cue between them.
    split = quoted.share(start, start + 1) == 1 and quoted.share(end - 1, end) == 1
    kind = "direct" if split or quoted.share(start, end) >= DIRECT_SHARE else "indirect"
    speaker, mention, source, name = resolve_speaker(candidate.speaker, sheet, mentions, spoken, earlier, (start, end))
    return Quote(text=text[start:end], start=start, end=end, kind=kind, source=source,
                 cue=candidate.cue_text, speaker=speaker.id if speaker else None,
                 speaker_mention=mention, speaker_name=name)
