"""Who said what: direct and reported speech, their cues and speakers.

    '"We will win," Ana Diaz said.'  ->  Quote(text='We will win,', kind='direct', cue='said',
                                              source='named', speaker=<id of Ana Diaz>)

Candidates come from the parse (`quote_candidates`) and the quotation marks (`quote_marks`); a linear model
trained on PolNeAR (`data/quote_model.json`, `scripts/train_quote_model.py`) keeps the attributions.
Speakers resolve to entities through the entity stage; generic sources ("officials", "a source") are
anonymous, and the journalist's own "I"/"we" is the writer.
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc, Span, Token

from .nlp import Parsed
from .parse import Mentions, relative_antecedent, sentence_start
from .lexicon import PERSONAL_PRONOUNS, data_table, quote_cues
from .quote_candidates import HANDED_TO_CUE, Candidate, candidates, noun_phrase, speaker_head
from .quote_marks import Quotation, quotations
from .schema import Entity, FactSheet, Quote
from .schema import Span as TextSpan

# Content at least this share inside quotation marks is a direct quote.
DIRECT_SHARE = 0.8
# Words that point back at someone the article has named: "the company said", "this official".
DEFINITE = {"the", "this", "that", "these", "those"}
# How many sentences back a pronoun may find the unnamed source it stands for.
UNNAMED_WINDOW = 2
# Penn tags of plural nouns: "officials" can be "they", not "she".
PLURAL_TAGS = ("NNS", "NNPS")
# How a quote from the journalist's own "I"/"we" names its speaker.
WRITER = "the writer"
# A candidate with this share of its content inside a likelier one's reports the same words.
SAME_CONTENT = 0.9
# A floating quotation is a quoted sentence of this many words or more, at most this many paragraphs
# after the last attributed quote.
FLOATING_MIN_WORDS = 5
FLOATING_MAX_PARAGRAPHS = 2
# Headline and transcript form: "Pence: …", "WALLACE: …" at the start of a line, one to four capitalised words.
COLON_FORM = re.compile(r"^[ \t\"“'‘]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*):[ \t]+(\S[^\n]*)", re.MULTILINE)


# The trained models: reported words only (the default), or every attribution PolNeAR counts, acts included.
MODEL_FILES = {False: "quote_model", True: "quote_model_acts"}


def model(acts: bool = False) -> dict:
    return data_table(MODEL_FILES[acts])


def probability(features: list[str], acts: bool = False) -> float:
    weights = model(acts)["weights"]
    score = model(acts)["bias"] + sum(weights.get(feature, 0.0) for feature in features)
    return 1 / (1 + math.exp(-score))


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
    kept = distinct([candidate for score, candidate in sorted(scored, key=lambda pair: -pair[0])
                     if score >= model(acts)["threshold"] or HANDED_TO_CUE in candidate.features])
    transcript = colon_form(parsed.doc, text, marks, kept)
    kept = sorted(kept + transcript, key=lambda candidate: candidate.start)
    # A transcript line is speech as much as a quotation: the "I" in it is its speaker, not the writer.
    spoken = marks + [Quotation(line.start, line.end, line.start, line.end, True) for line in transcript]
    mentions = Mentions(parsed.doc, sheet.entities)
    quotes: list[Quote] = []
    for candidate in kept:
        quotes.append(to_quote(candidate, text, marks, spoken, sheet, mentions, quotes))
    return with_floating(text, marks, quotes)


def with_floating(text: str, marks: list[Quotation], quotes: list[Quote]) -> list[Quote]:
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


def distinct(ranked: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose content lies within a likelier one's (two cues read off one quotation)."""
    kept: list[Candidate] = []
    for candidate in ranked:
        length = candidate.end - candidate.start
        if not any(min(candidate.end, other.end) - max(candidate.start, other.start)
                   >= SAME_CONTENT * min(length, other.end - other.start) for other in kept):
            kept.append(candidate)
    return kept


def colon_form(doc: Doc, text: str, marks: list[Quotation], kept: list[Candidate]) -> list[Candidate]:
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


def _quoted_share(start: int, end: int, marks: list[Quotation]) -> float:
    covered = sum(max(0, min(end, mark.end) - max(start, mark.start)) for mark in marks
                  if mark.start < end and start < mark.end)
    return covered / max(1, end - start)


def to_quote(candidate: Candidate, text: str, marks: list[Quotation], spoken: list[Quotation], sheet: FactSheet,
             mentions: Mentions, earlier: list[Quote]) -> Quote:
    start, end = candidate.start, candidate.end
    # '"A," she said, "B."' is direct too: quoted words at both ends, only the cue between them.
    split = _quoted_share(start, start + 1, marks) == 1 and _quoted_share(end - 1, end, marks) == 1
    kind = "direct" if split or _quoted_share(start, end, marks) >= DIRECT_SHARE else "indirect"
    speaker, mention, source, name = resolve_speaker(candidate.speaker, sheet, mentions, spoken, earlier)
    return Quote(text=text[start:end], start=start, end=end, kind=kind, source=source,
                 cue=candidate.cue_text, speaker=speaker.id if speaker else None,
                 speaker_mention=mention, speaker_name=name)


def resolve_speaker(phrase: Span | None, sheet: FactSheet, mentions: Mentions, spoken: list[Quotation],
                    earlier: list[Quote]) -> tuple[Entity | None, TextSpan | None, str, str | None]:
    """The speaker's entity, the mention naming it here, whether the source is named, anonymous or the writer
    (an "I" outside `spoken`, the quoted words), and the name to show for it."""
    if phrase is None:  # "is said to", an agentless passive: someone unnamed
        return None, None, "anonymous", None
    shown = phrase
    if phrase.start > 0 and phrase.text in ("'s", "’s") and phrase.doc[phrase.start - 1].lower_ == "let":
        shown = phrase.doc[phrase.start - 1:phrase.end]  # "Let's hope": the mention is "Let's", not "'s"
    mention = TextSpan(text=shown.text, start=shown.start_char, end=shown.end_char)
    head = speaker_head(phrase)
    name = phrase.text
    referent = relative_antecedent(head)
    if referent is not None:  # "residents who say …": the mention is "who", the speaker the residents
        head, name = referent, noun_phrase(referent).text
    # Only the head and the names set with it name the speaker: "sources close to X" and "X's lawyer" are not X.
    entity = mentions.entity_of(head) or named_with(head, mentions)
    lower = head.lower_
    lex = quote_cues()
    first_person = lower in lex["writer_pronouns"] or head.lemma_.lower() in lex["writer_pronouns"]
    if entity is None and first_person and _quoted_share(head.idx, head.idx + 1, spoken) == 0 or (
            phrase.text.lower() in lex["interviewer_labels"]):  # "Q: …" in a transcript is the publication's
        return None, mention, "writer", WRITER
    previous = None
    if entity is None and lower in lex["person_pronouns"]:
        entity, previous = _antecedent(head, sheet, earlier, ("PERSON",), PERSONAL_PRONOUNS.get(lower), plural=False)
    elif entity is None and lower in lex["group_pronouns"]:
        entity, previous = _antecedent(head, sheet, earlier, ("ORG",), None, plural=True)
    if previous is not None:  # "One resident said … 'Why?' she asked": the same unnamed source
        return None, mention, "anonymous", previous.speaker_name
    if entity is None and (head.lemma_.lower() in lex["source_nouns"] or unnamed(phrase, head)):
        return None, mention, "anonymous", name
    return entity, mention, "named", entity.name if entity else name


def named_with(head: Token, mentions: Mentions) -> Entity | None:
    """The name beside the speaker's noun ('Labour's shadow chancellor, Priya Desai, said'), else the one
    it speaks for ('a Treasury spokesman')."""
    for dep in ("appos", "compound"):
        for child in head.children:
            if child.dep_ == dep and (entity := mentions.entity_of(child)):
                return entity
    return None


def unnamed(phrase: Span, head: Token) -> bool:
    """'one senior backbencher', 'critics', 'another': no name, and no 'the' or owner pointing back at one."""
    # A capitalised word is a name; transcripts write them all in capitals ("COLLINS:"), but "A" is a word.
    if any(token.pos_ == "PROPN" or (token.is_upper and token.is_alpha and len(token) > 1) for token in phrase):
        return False
    if phrase[0].lower_ in DEFINITE or any(child.dep_ == "poss" for child in head.children):
        return False
    return head.pos_ == "NOUN" or head.lower_ in quote_cues()["indefinite_pronouns"]


def _antecedent(pronoun: Token, sheet: FactSheet, earlier: list[Quote], wanted: tuple[str, ...],
                gender: str | None, plural: bool) -> tuple[Entity | None, Quote | None]:
    """A pronoun the entity stage left unresolved: the nearest earlier mention of a wanted entity whose gender
    fits, or an earlier quote's unnamed source when that was named nearer; else the last speaker of that type."""
    fits = {entity.id: entity for entity in sheet.entities
            if entity.type in wanted and (gender is None or entity.gender in (None, gender))}
    best, best_start = None, -1
    for entity in fits.values():
        for mention in entity.mentions:
            if best_start < mention.start < pronoun.idx:
                best, best_start = entity, mention.start
    unnamed_source = next((quote for quote in reversed(earlier) if quote.source == "anonymous"
                           and quote.speaker_mention is not None and quote.speaker_mention.start < pronoun.idx), None)
    if unnamed_source is not None and unnamed_source.speaker_mention.start > best_start:
        doc = pronoun.doc
        phrase = doc.char_span(unnamed_source.speaker_mention.start, unnamed_source.speaker_mention.end,
                               alignment_mode="expand")
        window = sentence_start(doc, pronoun.sent.start, UNNAMED_WINDOW) or 0
        if phrase is not None and (phrase.root.tag_ in PLURAL_TAGS) == plural and phrase.start >= window:
            return None, unnamed_source
    if best is not None:
        return best, None
    return next((fits[quote.speaker] for quote in reversed(earlier) if quote.speaker in fits), None), None
