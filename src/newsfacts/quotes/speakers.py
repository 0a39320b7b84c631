"""Who speaks: the phrase the parse gives a cue as its source ("Ana Diaz", "a senior official", "who"), and what
it resolves to on the sheet: the speaker's entity, whether the source is named, anonymous or the writer, and the
name to show. Generic sources ("officials", "a source") are anonymous; the journalist's own "I"/"we" is the
writer.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import PERSONAL_PRONOUNS, quote_cues
from ..parse import Mentions, NOUN_ATTACHED_DEPS, relative_antecedent, sentence_start
from ..quote_marks import QuotedSpans
from ..schema import Entity, FactSheet, Quote, Span as TextSpan


# Dependents that carry the clause a cue verb reports (spaCy's ClearNLP labels); a cue heading one of them
# keeps its own speaker ("X insisted that …, claiming …": X claims). `candidates` reads the content from them.
CLAUSE_DEPS = ("ccomp", "parataxis")
# Dependents that are a cue's speaker.
SUBJECT_DEPS = ("nsubj", "csubj")
# A verb without a subject of its own shares its head's: "He stood up and said …", "…, adding that …".
SHARED_SUBJECT_DEPS = ("conj", "advcl", "xcomp", "ccomp", "pcomp")
# A participle clause that closes a report and reports words of its own: "…, adding that …", "…, calling it …".
TRAILING_REPORT_DEPS = ("advcl", "conj", "xcomp")
# Right dependents that belong to a speaker phrase: "aides to the governor", "people familiar with the talks".
PHRASE_RIGHT_DEPS = ("compound", "flat", "nummod", "prep", "amod")
# Punctuation a speaker phrase does not run across (a hyphen inside 'anti-war activists' it does).
PHRASE_BREAKS = {",", ";", ":", "(", ")", "—", "–", "―"}


def _noun_phrase(head: Token) -> Span:
    """The speaker phrase: the head noun with its left dependents, without appositions or clauses."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in PHRASE_RIGHT_DEPS and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    # Leftwards up to a mark or comma: a parse may hang the quotation before a name on it.
    start = head.i
    while start > head.left_edge.i and not ((doc[start - 1].is_quote and doc[start - 1].tag_ != "POS")
                                            or doc[start - 1].is_space or doc[start - 1].text in PHRASE_BREAKS):
        start -= 1
    # A comma after the head opens an aside: "a person familiar with the talks, who spoke on condition …".
    end = next((token.i for token in doc[head.i + 1:end] if token.text == ","), end)
    return doc[start:end]


def speaker_of(verb: Token) -> Span | None:
    """The phrase that says, writes or thinks what `verb` reports, following shared subjects upwards."""
    token = verb
    if is_trailing_report(verb) and verb.head.dep_ in CLAUSE_DEPS:
        token = verb.head.head  # "X insisted that …, claiming …": X claims, not the clause's subject
    for _ in range(4):
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS:
                return _noun_phrase(child)
            if child.dep_ == "agent":  # passive: "was told by X"
                objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                if objects:
                    return _noun_phrase(objects[0])
        if any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children) or (
                token.tag_ == "VBN" and token.dep_ == "advcl"):
            # "she is said to …", "he was told …", "Asked about it, she said …": the subject heard it,
            # someone unnamed said it
            return None
        if (slipped := _slipped_subject(token)) is not None:
            return slipped
        if token.dep_ in NOUN_ATTACHED_DEPS and (token.head.pos_ in ("NOUN", "PROPN", "PRON") or is_age(token.head)):
            # "who said": the relative pronoun's antecedent is the noun the clause hangs on ("the 22-year-old
            # posted" may be parsed so too).
            return _noun_phrase(token.head)
        if token.dep_ not in SHARED_SUBJECT_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _slipped_subject(verb: Token) -> Span | None:
    """A subject the parse hung on the verb in pieces: in '"…," the 34-year-old said' the small model often
    attaches 'the' and 'old' to 'said' as a determiner and a modifier; a verb takes neither."""
    pieces = [child for child in verb.lefts if child.dep_ in ("det", "amod")]
    if not pieces or verb.i == 0 or pieces[-1].right_edge.i != verb.i - 1:
        return None
    return verb.doc[pieces[0].left_edge.i:verb.i]


def is_trailing_report(token: Token) -> bool:
    return (token.dep_ in TRAILING_REPORT_DEPS and token.tag_ == "VBG"
            and token.lemma_.lower() in quote_cues()["reporting_verbs"]
            and not any(child.dep_ in SUBJECT_DEPS for child in token.children))


def noun_owner(noun: Token) -> Span | None:
    """The owner of a reporting noun: 'his' in 'his claim that …'."""
    owners = [child for child in noun.children if child.dep_ == "poss"]
    return _noun_phrase(owners[0]) if owners else None


def is_age(head: Token) -> bool:
    """'old' in 'the 34-year-old': a person, though NER reads an age."""
    return head.lower_ == "old" and head.ent_type_ == "DATE"


def speaker_head(speaker: Span) -> Token:
    """The word a speaker phrase is about: its root, or its last word when the parse hung the phrase on the
    verb in pieces and a determiner came out as root ('the 34-year-old said')."""
    root = speaker.root
    return speaker[-1] if root.pos_ == "DET" and len(speaker) > 1 else root


def according_source(according: Token, to: Token) -> Span | None:
    objects = [child for child in to.children if child.dep_ == "pobj"] or [
        child for child in according.children if child.dep_ == "pobj"]
    return _noun_phrase(objects[0]) if objects else None


def name_after_dash(doc: Doc, index: int) -> Span | None:
    end = index
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - index < 5:
        end += 1
    return doc[index:end] if end > index else None


def inverted_subject(cue: Token) -> Span | None:
    """The name straight after an inverted cue ('"…," tweeted councillor Ann Lee'), which the small model may
    parse as anything but the cue's subject."""
    doc = cue.doc
    end = cue.i + 1
    while end < len(doc) and (doc[end].pos_ in ("PROPN", "NOUN") or doc[end].pos_ == "DET" and end == cue.i + 1):
        end += 1
    words = doc[cue.i + 1:end]
    return words if any(token.pos_ in ("PROPN", "NOUN") for token in words) else None


# Words that point back at someone the article has named: "the company said", "this official".
DEFINITE = {"the", "this", "that", "these", "those"}
# How many sentences back a pronoun may find the unnamed source it stands for.
UNNAMED_WINDOW = 2
# Penn tags of plural nouns: "officials" can be "they", not "she".
PLURAL_TAGS = ("NNS", "NNPS")
# How a quote from the journalist's own "I"/"we" names its speaker.
WRITER = "the writer"


def resolve_speaker(phrase: Span | None, sheet: FactSheet, mentions: Mentions, spoken: QuotedSpans,
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
        head, name = referent, _noun_phrase(referent).text
    # Only the head and the names set with it name the speaker: "sources close to X" and "X's lawyer" are not X.
    entity = mentions.entity_of(head) or _named_with(head, mentions)
    lower = head.lower_
    lex = quote_cues()
    first_person = lower in lex["writer_pronouns"] or head.lemma_.lower() in lex["writer_pronouns"]
    if entity is None and first_person and spoken.share(head.idx, head.idx + 1) == 0 or (
            phrase.text.lower() in lex["interviewer_labels"]):  # "Q: …" in a transcript is the publication's
        return None, mention, "writer", WRITER
    previous = None
    if entity is None and lower in lex["person_pronouns"]:
        entity, previous = _antecedent(head, sheet, earlier, ("PERSON",), PERSONAL_PRONOUNS.get(lower), plural=False)
    elif entity is None and lower in lex["group_pronouns"]:
        entity, previous = _antecedent(head, sheet, earlier, ("ORG",), None, plural=True)
    if previous is not None:  # "One resident said … 'Why?' she asked": the same unnamed source
        return None, mention, "anonymous", previous.speaker_name
    if entity is None and (head.lemma_.lower() in lex["source_nouns"] or _unnamed(phrase, head)):
        return None, mention, "anonymous", name
    return entity, mention, "named", entity.name if entity else name


def _named_with(head: Token, mentions: Mentions) -> Entity | None:
    """The name beside the speaker's noun ('Labour's shadow chancellor, Priya Desai, said'), else the one
    it speaks for ('a Treasury spokesman')."""
    for dep in ("appos", "compound"):
        for child in head.children:
            if child.dep_ == dep and (entity := mentions.entity_of(child)):
                return entity
    return None


def _unnamed(phrase: Span, head: Token) -> bool:
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
    if not fits:  # not worth looking through every earlier quote (quadratic on a long article)
        return None, None
    return next((fits[quote.speaker] for quote in reversed(earlier) if quote.speaker in fits), None), None
