"""Finding names: spaCy's named entities with their typical slips on news repaired, and the names NER missed
(`untagged`), in the order `name_candidates` runs the finders.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..lexicon import HONORIFICS, MONTHS_AND_DAYS, ORG_HEADS, PERSON_ROLE_NOUNS, PLACE_HEADS, SURNAME_PARTICLES
from .bodies import bodies_named_alone, constituencies, national_bodies, party_words, places_opening_bodies
from .candidates import Candidate
from .layout import (
    datelines, newspapers, party_hometowns, place_headings, result_rows, transcript_speakers, untagged_outlets,
)
from .ner_spans import ROAD_NUMBER_WORDS, from_ner_span, numbered_road, personal_words
from .types import NOT_SURNAMES
from .untagged import (
    bare_titles, descriptive_mentions, double_first_names, flight_numbers, named_after_organisation_noun,
    named_events, named_sites, police_of_places, prefixed_places, shared_surnames, styles_of_office, titled_names,
    titles_after_nouns, titles_of_place, untagged_addressed_names, untagged_areas, untagged_employers,
    untagged_full_names, untagged_institutions, untagged_known_places, untagged_places,
    untagged_places_with_common_heads, untagged_works,
)
from .words import (
    CLUB_ENDINGS, COMPANY_ENDINGS, ENTITY_WORDS, TOWNSPEOPLE_NOUNS, first_name_gender, is_capitalised, is_first_name,
    lower_key, normalise, standing_alone, title_at, tokens_spelling,
)


DASHES = {"-", "–", "—"}  # a dateline's dash before the name NER ran into it


def name_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Names and titles of the article, with NER's typical slips on news repaired."""
    candidates = titles_of_place(doc, text)
    taken = {i for c in candidates for i in range(c.start, c.end)}
    candidates += transcript_speakers(doc, text, taken)
    candidates += datelines(doc, text, taken)
    candidates += newspapers(doc, text, taken)
    candidates += prefixed_places(doc, text, taken)
    candidates += place_headings(doc, text, taken)
    candidates += party_hometowns(doc, text, taken)
    candidates += _numbered_bills(doc, text, taken)
    candidates += constituencies(doc, text, taken)
    candidates += party_words(doc, text, taken)
    candidates += bodies_named_alone(doc, text, taken)
    candidates += police_of_places(doc, text, taken)
    candidates += titles_after_nouns(doc, text, taken)
    candidates += flight_numbers(doc, text, taken)
    candidates += named_after_organisation_noun(doc, text, taken)
    candidates += result_rows(doc, text, taken)
    candidates += styles_of_office(doc, text, taken)
    candidates += double_first_names(doc, text, taken)
    addressed = _addressed_words(doc, text)
    person_words = personal_words(doc)
    headline_names = _title_case_headline_names(doc, text)
    byline = _first_line_byline(doc, text)
    ents = [part for ent in doc.ents for part in (headline_names.trim(ent) if ent.end <= headline_names.end else [ent])
            if not _in_writers_role(part, byline)]
    ents = _names_with_particles(doc, ents)
    ents = _names_joined(doc, ents)
    for ent in ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            # NER ran a dateline into the name after it ('KELSBY (Acme News) - Kelsby Foods PLC'): the rest is a name
            after = max(i for i in range(ent.start, ent.end) if i in taken) + 1
            marks = list(itertools.takewhile(lambda t: t.is_punct, doc[after:ent.end]))
            after += len(marks)
            if ent.start not in taken or after >= ent.end or not any(t.text in DASHES for t in marks):
                continue
            ent = Span(doc, after, ent.end, label=ent.label_)
        for candidate in from_ner_span(doc, ent, addressed, person_words):
            candidates.append(candidate)
            taken.update(range(candidate.start, candidate.end))
    candidates += named_events(doc, text, taken)
    candidates += named_sites(doc, text, taken)
    candidates += _untagged_roads(doc, text, taken)
    candidates += untagged_addressed_names(doc, text, taken)
    candidates += untagged_full_names(doc, taken)
    candidates += untagged_employers(doc, taken)
    candidates += untagged_outlets(doc, taken)
    candidates += titled_names(doc, text, taken)
    candidates += national_bodies(doc, text, taken)
    candidates += untagged_institutions(doc, text, taken)
    candidates += untagged_places(doc, taken)
    candidates += untagged_known_places(doc, taken)
    candidates += untagged_places_with_common_heads(doc, text, taken)
    candidates += untagged_areas(doc, text, taken)
    candidates += _places_of_people(doc, text, taken)
    candidates += untagged_works(doc, taken)
    candidates += bare_titles(doc, text, taken)
    candidates += descriptive_mentions(doc, candidates)
    candidates += places_opening_bodies(doc, candidates)
    candidates += _places_with_their_noun(doc, candidates)
    candidates = _names_joined_over_and(doc, candidates)
    return sorted(shared_surnames(doc, candidates), key=lambda c: (c.start, -c.end))


def _names_joined_over_and(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'Kelsby Fire | and | Rescue Service', 'the Kelsby Trade | and | Markets Commission': the two names either side of
    'and' that `_one_name_with_and` reads as one, whichever finder found each (NER a person, the other none), when the
    first is of two words or more and written nowhere else in the article (a name of its own is: 'talks between
    Acme Foods and Kelsby Council')."""
    ending = {c.end: c for c in candidates if c.kind == "name"}
    joined: dict[int, Candidate] = {}
    for right in (c for c in candidates if c.kind == "name" and c.type in {"ORG", "PLACE"} and c.start >= 2):
        left = ending.get(right.start - 1)
        if left is None or id(left) in joined or doc[right.start - 1].lower_ != "and" \
                or not _one_name_with_and(doc[left.start:left.end], doc[right.start:right.end]):
            continue
        words = doc[left.start + (doc[left.start].lower_ == "the"):left.end]
        if len(words) < 2 or len(list(standing_alone(words.text, doc.text))) > 1:
            continue  # one word alone ('Acme and Kelsby Council') is as often a name of its own
        name = Candidate(left.start, right.end, right.type, "name", key=normalise(doc[left.start:right.end].text),
                         typed_by_context=True)
        joined[id(left)] = joined[id(right)] = name
    if not joined:
        return candidates
    kept = [c for c in candidates if id(c) not in joined]
    return kept + list({id(name): name for name in joined.values()}.values())


# A bill by its chamber and number ('Senate Bill 214', 'House Bill 5', 'Assembly Bill 12') or its Canadian letter and
# number ('Bill C-21'), which NER reads as a chamber and a man called Bill.
NUMBERED_BILL = re.compile(r"\b(?:(?:Senate|House|Assembly) Bill \d{1,5}|Bill [A-Z]-\d{1,4})\b")


def _numbered_bills(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Senate Bill 214', 'Bill C-21': a bill's name, a work, whatever NER makes of it."""
    found = []
    for match in NUMBERED_BILL.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        found.append(Candidate(span.start, span.end, "WORK", "name", key=normalise(span.text), typed_by_context=True))
    return found


# Nouns of a kind of place whose 'of' phrase, after 'the', is that place itself ('the village of Kelsby' is Kelsby);
# not 'capital' ('the capital of Dunmere' is another place) nor a part of one ('a district of Kelsby').
PLACE_OF_NOUNS = {"town", "city", "village", "hamlet", "island", "county", "province", "region", "municipality",
                  "port", "enclave", "suburb", "state", "parish", "borough", "shire"}


def _places_with_their_noun(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'the village of Kelsby', 'the neighbouring town of Kelsby': the noun phrase is a mention of the place as well
    as its name."""
    found = []
    for place in (c for c in candidates if c.type == "PLACE" and c.kind == "name"):
        of = doc[place.start - 1] if place.start >= 2 else None
        noun = doc[place.start - 2] if of is not None else None
        if of is None or of.lower_ != "of" or not noun.is_lower or noun.lemma_.lower() not in PLACE_OF_NOUNS \
                or of.head.i != noun.i or doc[noun.left_edge.i].lower_ != "the":
            continue
        found.append(Candidate(noun.left_edge.i, place.end, "PLACE", "description", key=place.key))
    return found


def _places_of_people(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Kelsby mother Ann Lee', 'a Kelsby pensioner': capitalised proper nouns NER left untagged right before a noun
    for a person by where they live are that place; not a first name ('Ann mother')."""
    found = []
    for noun in tokens_spelling(doc, text, TOWNSPEOPLE_NOUNS):
        if not noun.is_lower or noun.i == 0:
            continue
        start = end = noun.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and is_capitalised(doc[start - 1]) \
                and not doc[start - 1].ent_type_ and start - 1 not in taken and end - start < 3:
            start -= 1
        if start == end or doc[start].head.i != noun.i and doc[end - 1].head.i != noun.i \
                or first_name_gender(doc[start].lower_) is not None or lower_key(doc[start]) in HONORIFICS:
            continue
        taken.update(range(start, end))
        found.append(Candidate(start, end, "PLACE", "name", key=normalise(doc[start:end].text)))
    return found


def _untagged_roads(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Route 9 reopened' where NER tags nothing: a road word and its number, with the capitalised words before it
    ('State Route 9'), are a road."""
    found = []
    for word in tokens_spelling(doc, text, ROAD_NUMBER_WORDS):
        start = word.i
        while start > 0 and is_capitalised(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" \
                and not doc[start - 1].is_sent_start and start > word.i - 2:
            start -= 1
        road = numbered_road(doc, start, word.i + 1)
        if road is not None and not any(i in taken for i in range(road.start, road.end)):
            taken.update(range(road.start, road.end))
            found.append(road)
    return found


def _names_with_particles(doc: Doc, ents: list[Span]) -> list[Span]:
    """NER cuts names at their particles: 'Anouk | van der Velde' as a place and a person, 'Van der | Velde', 'Bram
    | ten | Hove' as a person, a number and a company. A name takes the particles before it (a person's in any case)
    and, when it then starts with one, the first name before it; a person's name takes lower-case particles and
    the capitalised surname after it."""
    joined: list[Span] = []
    for ent in ents:
        if joined and ent.start < joined[-1].end:
            continue  # taken by the name before, grown over its particles
        start, end, label = ent.start, ent.end, ent.label_
        while label in {"PERSON", "ORG"} and start > 0 and doc[start - 1].lower_ in SURNAME_PARTICLES \
                and doc[start - 1].whitespace_ and (label == "PERSON" or doc[start - 1].is_lower):
            start -= 1  # 'ten Hove said' read as the number ten and a company
        if label in {"PERSON", "ORG"} and doc[start].lower_ in SURNAME_PARTICLES and doc[start].is_lower \
                and start > 0 and doc[start - 1].pos_ == "PROPN" and is_capitalised(doc[start - 1]) \
                and (first_name_gender(doc[start - 1].lower_) is not None or doc[start - 1].ent_type_ == "PERSON"):
            start, label = start - 1, "PERSON"
        after = end
        while label == "PERSON" and after < len(doc) and doc[after].is_lower and doc[after].lower_ in SURNAME_PARTICLES:
            after += 1
        if after > end and after < len(doc) and doc[after].pos_ == "PROPN" and is_capitalised(doc[after]):
            end = after + 1  # 'Bram' then 'ten Hove'
        while joined and joined[-1].end > start:
            joined.pop()  # the first name NER took for a name of its own
        joined.append(Span(doc, start, end, label=label) if (start, end) != (ent.start, ent.end) else ent)
    return joined


SAINTS = {"st", "saint", "ste"}
INSTITUTION_ENDINGS = frozenset(ENTITY_WORDS["organisation_endings"])


def _names_joined(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names NER cuts in two or runs short: 'the Workers Party | of | Britain' (a body's name runs on over 'of' and
    the place it is of), "St Ann's | Parish Church" (a church named after a saint), and a capitalised word NER left
    out before a name it is a compound of ('Kelsby | House', 'Ana | Ruiz')."""
    joined: list[Span] = []
    for ent in ents:
        start, end, label = ent.start, ent.end, ent.label_
        previous = joined[-1] if joined else None
        if previous is not None and previous.label_ in {"ORG", "NORP"} and doc[previous.end - 1].lower_ in ORG_HEADS \
                and start == previous.end + 1 and doc[previous.end].lower_ == "of" and label == "GPE" \
                and not (end < len(doc) and is_capitalised(doc[end]) and doc[end].pos_ == "PROPN"):
            joined[-1] = Span(doc, previous.start, end, label="ORG")
            continue
        if previous is not None and start == previous.end and doc[start - 1].tag_ == "POS" \
                and lower_key(doc[previous.start]) in SAINTS and doc[end - 1].lower_ in PLACE_HEADS:
            joined[-1] = Span(doc, previous.start, end, label="FAC")
            continue
        left_end = previous.end - 1 if previous is not None and doc[previous.end - 1].lower_ == "and" else \
            previous.end if previous is not None else None
        if left_end is not None and start == left_end + 1 and doc[left_end].lower_ == "and" \
                and _one_name_with_and(doc[previous.start:left_end], doc[start:end]):
            joined[-1] = Span(doc, previous.start, end, label=label)
            continue
        while start > 0 and (previous is None or start - 1 >= previous.end) \
                and _left_out_compound(doc[start - 1], end) \
                and (label != "PERSON" or first_name_gender(doc[start - 1].lower_) is not None):
            start -= 1  # a person's name takes a first name only ('Premier Ann Lee' is no name of three words)
        end = _glued_hyphen_end(doc, end)
        if label == "PERSON" and (named_after := _named_after_person_end(doc, end)) is not None:
            # 'the Ann Lee Memorial Hospital', 'Tom Reed International Airport': a place or body named after someone
            end, label = named_after, "FAC" if doc[named_after - 1].lower_ in PLACE_HEADS else "ORG"
        joined.append(Span(doc, start, end, label=label) if (start, end) != (ent.start, ent.end) else ent)
    return joined


# Last words of the names of buildings and bodies often named after a person ('Ann Lee Memorial Hospital').
NAMED_AFTER_ENDINGS = PLACE_HEADS | ORG_HEADS | {"hospital", "centre", "center", "library", "museum", "gallery",
                                                 "foundation", "institute", "prize", "award", "trophy"}


def _named_after_person_end(doc: Doc, end: int) -> int | None:
    """Where a name runs on after a person's name NER ended too soon: capitalised words NER left untagged, the last a
    word ending the names of buildings and bodies ('Tom Reed | International Airport'), with no mark between."""
    last = end
    while last < len(doc) and last - end < 4 and doc[last].pos_ == "PROPN" and is_capitalised(doc[last]) \
            and doc[last].ent_type_ in {"", "FAC", "ORG"} and doc[last - 1].whitespace_:
        last += 1
    return last if last > end and doc[last - 1].lower_ in NAMED_AFTER_ENDINGS else None


# Last words of a body's name, and those and the last words of a company's or club's: joined once, not per name.
_BODY_HEADS = ORG_HEADS | PLACE_HEADS | INSTITUTION_ENDINGS | {"hospital", "hospitals", "infirmary"}
_NAME_HEADS = _BODY_HEADS | COMPANY_ENDINGS | CLUB_ENDINGS


def _one_name_with_and(left: Span, right: Span) -> bool:
    """'Kelsby Fire | and | Rescue Service': capitalised words with no head of their own before 'and' and a body's
    name ending in its head are one name; 'Acme Foods and Kelsby Council' are two."""
    words = [t for t in left if t.lower_ != "the"]
    return right[-1].lower_ in _BODY_HEADS and len(right) > 1 and 0 < len(words) <= 3 \
        and all(t.pos_ == "PROPN" and is_capitalised(t) and t.lower_ not in _NAME_HEADS
                for t in words) and not is_first_name(words[0].lower_) and right[0].lower_ != "the"


def _glued_hyphen_end(doc: Doc, end: int) -> int:
    """'Kelsby-on-Sea', 'Kelsby-le-Dale': a place's name goes on over hyphens with no space around them to a capitalised
    last word (not 'Kelsby-based')."""
    last = end
    while last + 1 < len(doc) and doc[last].text == "-" and not doc[last - 1].whitespace_ \
            and not doc[last].whitespace_ and doc[last + 1].is_alpha:
        last += 2
    return last if last > end and is_capitalised(doc[last - 1]) else end


# Words before a name that are no part of it: forms of address, roles, months and days.
_NOT_NAME_WORDS = HONORIFICS.keys() | PERSON_ROLE_NOUNS | MONTHS_AND_DAYS


def _left_out_compound(word: Token, end: int) -> bool:
    """A capitalised proper noun NER left untagged, a compound of a word of the name right after it."""
    return word.pos_ == "PROPN" and word.dep_ == "compound" and word.i < word.head.i < end and is_capitalised(word) \
        and not word.ent_type_ and not word.is_sent_start and not word.is_upper \
        and lower_key(word) not in _NOT_NAME_WORDS


@dataclass
class _HeadlineNames:
    """In a headline in title case every word is capitalised, so NER runs names on over the verb ('Union Boss
    Slams Rail Bill' as one organisation): there a name keeps only the runs of words the story also writes
    capitalised ('Fans Cheer Ruiz' keeps 'Ruiz' when the story does too), with a first name before one of
    them ('Fans Cheer Ana Ruiz' keeps 'Ana Ruiz' when the story calls her 'Ruiz')."""

    text: str
    end: int  # token index where the headline ends; 0 when the first line is no title-case headline
    story_start: int = 0  # character offset where the story after it starts

    @cached_property
    def capitalised_in_story(self) -> set[str]:
        # A regex over the text is far faster than a token loop, and splits words as the tokenizer does.
        return {word.lower() for word in CAPITALISED_WORD.findall(self.text, self.story_start)}

    def trim(self, ent: Span) -> list[Span]:
        def written(token: Token) -> bool:
            return token.lower_ in self.capitalised_in_story and not token.is_stop

        def known(token: Token) -> bool:
            return written(token) or token.i + 1 < ent.end and written(ent.doc[token.i + 1]) \
                and first_name_gender(token.lower_) is not None

        runs, i = [], ent.start
        while i < ent.end:
            if not known(ent.doc[i]):
                i += 1
                continue
            end = i + 1
            while end < ent.end and (known(ent.doc[end]) or not ent.doc[end].is_alpha):
                end += 1
            runs.append(Span(ent.doc, i, end, label=ent.label_))
            i = end
        return runs


CAPITALISED_WORD = re.compile(r"\b[A-Z]\w*")
# Fewest words a first line needs, and the share of its longer words that must be capitalised, to be taken
# for a title-case headline.
HEADLINE_WORDS = 3
HEADLINE_CAPITALISED_SHARE = 0.8


def _title_case_headline_names(doc: Doc, text: str) -> _HeadlineNames:
    line_end = text.find("\n")
    headline = doc.char_span(0, line_end, alignment_mode="expand") if line_end > 0 else None
    words = [t for t in headline if t.is_alpha and len(t) > 3] if headline is not None else []
    if len(words) < HEADLINE_WORDS or sum(map(is_capitalised, words)) < HEADLINE_CAPITALISED_SHARE * len(words) \
            or _byline(headline):
        return _HeadlineNames(text, 0)
    return _HeadlineNames(text, words[-1].i + 1, line_end)


def _byline(line: Span) -> bool:
    """'By Ann Lee, Health Editor', 'Ann Lee in Kelsby': a first line naming the writer is no headline, though
    its words are capitalised; it opens with 'By', or with a person's name NER tags followed by 'in' or a comma."""
    first = line[0]
    if first.lower_ == "by" and len(line) > 1 and is_capitalised(line[1]):
        return True
    name_end = first.i
    while name_end < line.end and line.doc[name_end].ent_type_ == "PERSON":
        name_end += 1
    return name_end - first.i >= 2 and name_end < line.end and line.doc[name_end].text in {"in", ","} \
        and first_name_gender(first.lower_) is not None


def _in_writers_role(ent: Span, byline: Span | None) -> bool:
    """'Arts' in 'By Ann Lee, Arts Correspondent': a name in a byline after the writer's, before a
    noun for a job on the same line, is part of the writer's title."""
    if byline is None or ent.label_ == "PERSON" or ent.end > byline.end \
            or not any(t.text == "," for t in byline[:ent.start - byline.start]):
        return False  # the writer's name comes before the comma
    return any(t.lower_ in PERSON_ROLE_NOUNS for t in ent.doc[ent.end:byline.end])


def _first_line_byline(doc: Doc, text: str) -> Span | None:
    line_end = text.find("\n")
    line = doc.char_span(0, line_end, alignment_mode="expand") if line_end > 0 else None
    return line if line is not None and _byline(line) else None


def _addressed_words(doc: Doc, text: str) -> set[str]:
    """Capitalised words written right after a form of address ('Mr Brannigan'): surnames, whatever NER says."""
    found = set()
    for token in tokens_spelling(doc, text, {title.split()[0] for title in HONORIFICS}):
        match = title_at(doc, token.i, HONORIFICS) if is_capitalised(token) else None
        after = token.i + match[1] if match else len(doc)
        if after < len(doc) and doc[after].pos_ == "PROPN" and is_capitalised(doc[after]) \
                and doc[after].lower_ not in NOT_SURNAMES:  # 'General Hospital' names no General
            found.add(doc[after].lower_)
    return found
