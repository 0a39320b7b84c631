"""A name found in the text (`Candidate`), before it is merged into an entity, and the ways the finders make
one: a person's name with the forms of address before it, a name typed by the words around it, and the tests
both NER's names and the ones it missed go through.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import HONORIFICS, ORG_HEADS, PERSON_ROLE_NOUNS, SURNAME_PARTICLES, WORK_NOUNS
from .words import (
    TOWNSPEOPLE_NOUNS, first_name_gender, honorific_gender, is_capitalised, lower_key, normalise, title_at,
)


@dataclass
class Candidate:
    """A name or title found in the text, before it is merged into an entity."""

    start: int  # token indices, end exclusive
    end: int
    type: str
    kind: str  # "name" or "title"
    personal: tuple[str, ...] = ()  # lower-cased personal-name tokens ("edmund"); empty for titles and non-persons
    titles: frozenset[str] = frozenset()  # forms of address or titles it carries ("prince", "duke")
    place: str | None = None  # "glenmoor" in "the Duke of Glenmoor"
    gender: str | None = None
    key: str = ""  # normalised text, for organisations, places, events and works
    typed_by_context: bool = False  # its type comes from the words around it, not from NER's label
    bare_start: int | None = None  # where a full name starts after the forms of address before it ('Rep. Ann Lee')


def first_name_mistagged(doc: Doc, i: int) -> bool:
    """Whether token i is a first name the tagger took for another word ('Per' as a preposition in 'Per Aasen',
    'Will' as a verb in 'Will Toms'): capitalised inside a sentence, a known first name."""
    word = doc[i] if 0 <= i < len(doc) else None
    return word is not None and is_capitalised(word) and not word.is_sent_start and word.pos_ not in {"PROPN", "NOUN"} \
        and lower_key(word) not in HONORIFICS and first_name_gender(word.lower_) is not None


def is_year(token: Token) -> bool:
    """'1990': four figures in the years news writes of."""
    return token.is_digit and len(token) == 4 and 1000 < int(token.text) < 2100


def area_place(doc: Doc, start: int, name_end: int, noun_end: int) -> list[Candidate]:
    """'Kelsby district': a place named with its area noun and without, as news writes either; keyed by the name."""
    key = normalise(doc[start:name_end].text)
    return [Candidate(start, noun_end, "PLACE", "name", key=key), Candidate(start, name_end, "PLACE", "name", key=key)]


def named_by_context(span: Span, kind: str) -> Candidate:
    """A name whose type the words around it give ('her novel, X'), whatever NER's label."""
    return Candidate(span.start, span.end, kind, "name", key=normalise(span.text), typed_by_context=True)


# Nouns for a kind of business that open a sentence before the name of one ('Developer Acme Homes Ltd said'), capitalised
# only there; not words that also open names ('Channel 4', 'Team Sky', 'Group Lotus').
KIND_NOUNS_BEFORE_NAMES = {"developer", "retailer", "carmaker", "chipmaker", "automaker", "drugmaker", "publisher",
                           "startup", "start-up", "lender", "insurer", "broadcaster", "manufacturer", "supplier",
                           "airline", "operator", "regulator", "conglomerate", "brewer", "miner", "rival", "charity",
                           "firm", "housebuilder", "builder", "contractor", "distributor", "wholesaler"}


def kind_opening_sentence(word: Token) -> bool:
    """'Developer' in 'Developer Acme Homes Ltd said': a noun for a kind of business opening a sentence, set before
    the capitalised name it describes, is no part of that name."""
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return word.is_sent_start and word.lower_ in KIND_NOUNS_BEFORE_NAMES and after is not None \
        and after.pos_ == "PROPN" and is_capitalised(after)


def employer_of_role(token: Token) -> bool:
    """'Acme' in 'Acme spokesman Tom Reed': a proper noun modifying a person's job names where they work; not where
    they live ('Kelsby pensioner Ann Lee')."""
    role = token.head
    return (token.dep_ == "compound" and token.pos_ == "PROPN" and is_capitalised(token) and role.pos_ == "NOUN"
            and role.is_lower and role.lemma_.lower() in PERSON_ROLE_NOUNS and role.i > token.i
            and role.lower_ not in TOWNSPEOPLE_NOUNS)


def role_noun_before(first: Token) -> bool:
    """'director Ann Lee', 'fly-half Ann Lee': a lower-case noun for a person's job right before the first name."""
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    hyphened = "".join(t.text for t in doc[max(first.i - 3, 0):first.i]).lower()
    return before is not None and before.pos_ == "NOUN" and (before.is_lower or before.is_sent_start) \
        and (before.lemma_.lower() in PERSON_ROLE_NOUNS or "-" in hyphened and hyphened in PERSON_ROLE_NOUNS)


def generic_organisation_word(span: Span) -> bool:
    """'Union' in 'Union leaders said', 'Council' in 'Council officials': a generic organisation word alone,
    capitalised only because it opens a sentence, modifying a plural noun, names no organisation ('Council
    President Ann Lee' does: her body)."""
    word = span[0]
    return len(span) == 1 and word.lower_ in ORG_HEADS and word.dep_ == "compound" and word.head.tag_ == "NNS" \
        and word.head.i > word.i and word.is_sent_start


def person_name(doc: Doc, start: int, end: int) -> Candidate | None:
    """A person's name, widened leftwards over forms of address ('Prince Edmund', 'Sen. Jane Whitfield');
    None when the span holds no name word at all."""
    titles = set()
    gender = None
    while end - start > 1 and lower_key(doc[start]) in PERSON_ROLE_NOUNS and lower_key(doc[start]) not in HONORIFICS:
        start += 1  # "Striker Leon Marsh" at a sentence start: the role is no part of the name
    while start > 0:
        match = None
        for length in (2, 1):
            if start - length >= 0:
                found = title_at(doc, start - length, HONORIFICS)
                if found and found[1] == length and is_capitalised(doc[start - length]):
                    match = found
                    break
        if not match:
            break
        titles.add(match[0])
        gender = gender or honorific_gender(match[0])
        start -= match[1]
    inner = start
    while inner < end:  # forms of address NER kept inside the span
        found = title_at(doc, inner, HONORIFICS)
        if not found or inner + found[1] >= end:
            break
        titles.add(found[0])
        gender = gender or honorific_gender(found[0])
        inner += found[1]
    while end > inner + 1 and not any(c.isalpha() for c in doc[end - 1].text):
        end -= 1  # "Kelsby 2-0": NER ran on into the score
    personal = _name_words(doc[inner:end].text)
    if not personal and not titles:
        return None
    if gender is None and len(personal) > 1:
        gender = first_name_gender(personal[0])
    # A full name is a mention with its form of address and without it ('Sen. Ann Lee', 'Ann Lee'): news gold and
    # readers take either. A surname alone keeps its form of address: 'Mr Hale' and 'Mrs Hale' are two people.
    bare_start = inner if inner > start and len(personal) > 1 else None
    return Candidate(start, end, "PERSON", "name", personal=personal, titles=frozenset(titles), gender=gender,
                     bare_start=bare_start)


def _name_words(text: str) -> tuple[str, ...]:
    """Lower-cased name words as written, so a hyphenated surname ("Lewis-Jones") stays one; a particle
    written in lower case joins the word after it ("de Vries", "van der Berg"), and so does one opening the name
    capitalised ("Van der Berg said", "De Vries"), when it is no first name ("Del", "Al")."""
    words = [word.strip(",;:") for word in text.split()]
    words = [word for word in words if word and word.lower() != "the" and any(c.isalpha() for c in word)]
    joined: list[str] = []
    for index, word in enumerate(words):
        opening = index == 0 and word.lower() in SURNAME_PARTICLES and not first_name_gender(word.lower())
        particle = " " if (word in SURNAME_PARTICLES or opening) and index < len(words) - 1 else ""
        if joined and joined[-1].endswith(" "):
            joined[-1] += word.lower() + particle
        else:
            joined.append(word.lower() + particle)
    return tuple(joined)


def names_work(span: Span) -> bool:
    """'her debut The Glass Harbour', 'her novel, Still Rivers', 'Still Rivers, a drama': a name set beside a noun for
    a work is a title."""
    root = span.root
    return root.dep_ in {"appos", "compound"} and root.head.lower_ in WORK_NOUNS and root.head.i < span.start or any(
        child.dep_ == "appos" and child.lower_ in WORK_NOUNS for child in root.children)
