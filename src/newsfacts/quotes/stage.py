"""Who said what: the quotes stage. Candidates are scored by the attribution model and kept, run-on and floating
quotations are added, and each becomes a `Quote` with its speaker resolved.

    '"We will win," Ana Diaz said.'  ->  Quote(text='We will win,', kind='direct', cue='said',
                                              source='named', speaker=<id of Ana Diaz>)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

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
# A floating quotation is a quoted sentence of this many words or more, at most this many paragraphs
# after the last attributed quote.
FLOATING_MIN_WORDS = 5
FLOATING_MAX_PARAGRAPHS = 2
# Headline and transcript form: "Pence: …", "WALLACE: …" at the start of a line, one to four capitalised words.
COLON_FORM = re.compile(r"^[ \t\"“'‘]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*):[ \t]+(\S[^\n]*)", re.MULTILINE)


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
    kept = _distinct([candidate for score, candidate in sorted(scored, key=lambda pair: -pair[0])
                      if score >= model(acts)["threshold"] or HANDED_TO_CUE in candidate.features])
    transcript = _colon_form(parsed.doc, text, marks, kept)
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
    own quotes, not the previous one's continuation: so annotators of news mostly count them)."""
    quotes = sorted(quotes, key=lambda quote: quote.start)
    for mark in marks:
        if len(text[mark.start:mark.end].split()) < FLOATING_MIN_WORDS or not _starts_sentence(text, mark.outer_start):
            continue
        if any(quote.start < mark.end and mark.start < quote.end for quote in quotes):
            continue
        previous = [quote for quote in quotes if quote.end <= mark.start and quote.speaker_mention is not None]
        if not previous or text.count("\n\n", previous[-1].end, mark.start) > FLOATING_MAX_PARAGRAPHS:
            continue
        last = previous[-1]
        quotes.append(Quote(text=text[mark.start:mark.end], start=mark.start, end=mark.end, kind="direct",
                            source=last.source, cue=None, speaker=last.speaker, speaker_mention=last.speaker_mention,
                            speaker_name=last.speaker_name))
        quotes.sort(key=lambda quote: quote.start)
    return quotes


def _starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at].rstrip(" \t")
    return not before or before[-1] in ".?!\n"


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
    found = []
    for match in COLON_FORM.finditer(text):
        start, end = match.span(2)
        if start in opening:
            start, end = opening[start].start, opening[start].end
        if any(candidate.start <= start and end <= candidate.end and candidate.cue_text == ":" for candidate in kept):
            continue
        speaker = doc.char_span(*match.span(1), alignment_mode="expand")
        colon = doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
        if speaker is None or colon is None:
            continue
        headline = text[:match.start()].strip() == ""
        if not headline and not any(t.pos_ == "PROPN" or t.ent_type_ or t.is_upper for t in speaker):
            continue
        found.append(Candidate([colon[0]], start, end, speaker))
    return found


def _to_quote(candidate: Candidate, text: str, quoted: QuotedSpans, spoken: QuotedSpans, sheet: FactSheet,
              mentions: Mentions, earlier: list[Quote]) -> Quote:
    start, end = candidate.start, candidate.end
    # '"A," she said, "B."' is direct too: quoted words at both ends, only the cue between them.
    split = quoted.share(start, start + 1) == 1 and quoted.share(end - 1, end) == 1
    kind = "direct" if split or quoted.share(start, end) >= DIRECT_SHARE else "indirect"
    speaker, mention, source, name = resolve_speaker(candidate.speaker, sheet, mentions, spoken, earlier)
    return Quote(text=text[start:end], start=start, end=end, kind=kind, source=source,
                 cue=candidate.cue_text, speaker=speaker.id if speaker else None,
                 speaker_mention=mention, speaker_name=name)
