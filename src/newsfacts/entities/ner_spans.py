"""What one span spaCy's NER tagged is on news: its type and its boundaries repaired by the words around it
(`from_ner_span`), which `names.name_candidates` runs on every entity NER found.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    ALIAS_CUES_OF_PEOPLE, BARE_TITLES, COURTESY_TITLES, EVENT_HEADS, HONORIFICS, KINSHIP, MONARCHS, MONTHS_AND_DAYS,
    ORG_HEADS, ORG_NOUNS, PERSON_ROLE_NOUNS, PERSON_ROLES, PLACE_HEADS, PLACE_NOUNS, STATEMENT_VERBS,
    STYLES_BEFORE_NAMES, SURNAME_PARTICLES,
    TITLES_OF_PLACE, WORK_NOUNS, quote_cues,
)
from .bodies import BODIES_NAMED_ALONE, PARTY_WORDS
from .candidates import (
    Candidate, area_place, employer_of_role, first_name_mistagged, generic_organisation_word, is_year,
    kind_opening_sentence, named_by_context, names_work, person_name,
)
from .places import country_code, is_known_place, is_language, is_subdivision, place_kinds
from .types import (
    NOT_SURNAMES, PERSON_LOOKALIKE_LABELS, company_agent, full_personal_name, institution_after_the, legislature_alone,
    lone_name, looks_like_first_name, place_by_context, storm_name, team_by_context, work_noun_before,
)
from .words import (
    AREA_NOUNS, CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, COMPANY_ENDINGS, ENTITY_WORDS, LEGAL_FORMS,
    alias_cue_before, first_name_gender, honorific_gender, is_capitalised, is_first_name, lower_key, normalise,
    standing_alone, title_at, with_article,
)


# spaCy's OntoNotes labels and the entity type each becomes; labels left out are not entities here.
SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
               "EVENT": "EVENT", "WORK_OF_ART": "WORK", "PRODUCT": "WORK"}
LOCATIVE_PREPOSITIONS = {"from", "in", "at", "to", "near", "outside", "inside", "into", "across", "around"}
# Prepositions that end one name and start another when NER runs them together ('X on Bridge Street').
NAME_SPLITTING_PREPOSITIONS = {"on", "in", "at", "near", "outside"}
# The numbers after a monarch's or pope's name ('Henry VIII'), which NER often leaves out of it.
REGNAL_NUMBERS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
                  "XVI", "XVII", "XVIII"}
SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}$")
DECADE = re.compile(r"(1\d|20)\d0s$")
# Dependencies only a verb takes: a word the parser attaches so is no name.
VERB_DEPENDENCIES = {"advcl", "xcomp", "ccomp", "relcl", "acl"}


# Last words of a body's or company's, a body's or club's, and a club's or firm's name: joined once, not per name.
_BODY_OR_COMPANY_ENDINGS = ORG_HEADS | COMPANY_ENDINGS
_BODY_OR_CLUB_ENDINGS = ORG_HEADS | CLUB_ENDINGS
_CLUB_OR_FIRM_ENDINGS = CLUB_ENDINGS | LEGAL_FORMS


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive marker and punctuation from a span, an indefinite article opening it ('A Kelsby
    Act hearing': no name takes one), and a verb opening it ('Defending Tom Reed, Ann Lee said': the parser makes
    the verb's clause of it, NER a name)."""
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in {"'s", "’s"} or end - start > 1 and _run_on_word(doc[end - 1])):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in {"'s", "’s"}
                           or end - start > 1 and doc[start].lower_ in {"a", "an"} and doc[start].pos_ == "DET"
                           or end - start > 1 and kind_opening_sentence(doc[start])
                           or end - start > 1 and doc[start].pos_ == "VERB" and (
                               doc[start].tag_ == "VBG" and doc[start].dep_ in VERB_DEPENDENCIES
                               or doc[start].is_lower)):
        start += 1
    return start, end


def _run_on_word(word: Token) -> bool:
    """A lower-case word NER ran a name on into: 'at the Louvre worthy of…', 'Acme Labs in'; not a particle."""
    return word.is_lower and word.pos_ in {"ADP", "ADJ", "VERB", "ADV", "AUX", "CCONJ", "SCONJ", "PRON"} \
        and word.lower_ not in SURNAME_PARTICLES


def from_ner_span(doc: Doc, ent: Span, addressed: set[str], person_words: dict[str, tuple[int, int]]) -> list[Candidate]:
    start, end = trim(doc, ent.start, ent.end)
    while end - start > 1 and doc[end - 1].text[:1].isdigit() and SCORE.match(doc[end - 1].text):
        end -= 1  # "beat Kelsby Rovers 2-1": NER ran on into the score
    if start >= end:
        return []
    if (road := numbered_road(doc, start, end)) is not None:
        return [road]
    if (church := _church_of_saint(doc, start, end)) is not None:
        return [church]
    label = ent.label_
    if label == "PERSON" and end < len(doc) and doc[end].text in REGNAL_NUMBERS and doc[end - 1].pos_ == "PROPN" \
            and (doc[end].text != "I" or lower_key(doc[start]) in MONARCHS and end - start == 2):
        end += 1  # "King Louis XIV", "Pope Pius II"; "I" only after a monarch's title and one name
    slashes = [i for i in range(start + 1, end - 1) if doc[i].text == "/"]
    if len(slashes) > 1:
        # "Radio Kelsby/Kelsby Post/KTV": names listed with slashes, run into one; each keeps the label NER gives it
        # where it stands alone. Two names and one slash are as often one pair named together ('AC/DC', a
        # dateline's two towns).
        bounds = [start - 1] + slashes + [end]
        return [candidate for a, b in zip(bounds, bounds[1:])
                for candidate in from_ner_span(doc, Span(doc, a + 1, b, label=_label_alone(doc, a + 1, b) or label),
                                           addressed, person_words)]
    if label == "LAW":
        # 'the Clean Water Act', 'the Fifth Amendment' are works; NER also calls 'Greens 9' or 'Round 2' a law
        return [named_by_context(doc[start:end], "WORK")] if doc[end - 1].lower_ in LAW_WORDS else []
    if label in NUMBER_LABELS:
        return _name_in_number(doc, start, end)
    if label == "EVENT" and start > 0 and is_year(doc[start - 1]):
        start -= 1  # "the 1990 World Cup": the year is part of the event's name
    if label != "EVENT" and end - start > 1 and DECADE.match(doc[start].text):
        start += 1  # "in 1970s Kelsby": the decade says when, the name is the place's
    owner = next((i for i in range(start + 1, end - 1) if doc[i].lower_ in {"'s", "’s"}), None)
    if label != "PERSON" and owner is not None and owner < end - 2 and first_name_gender(doc[owner + 1].lower_) \
            and all(t.pos_ == "PROPN" for t in doc[owner + 1:end]):
        # "Kelsby's Ana Ruiz" as one organisation: the club, then the player
        person = person_name(doc, owner + 1, end)
        return from_ner_span(doc, Span(doc, start, owner, label=label), addressed, person_words) \
            + ([person] if person else [])
    if label not in {"PERSON", "WORK_OF_ART"} and owner is not None and _owner_and_name(doc, start, owner, end):
        # "Kelsby's Market Hall", "Acme's Dunmore plant" as one name: the owner, then the name of what it owns
        rest, address = doc[owner + 1:end], title_at(doc, owner + 1, HONORIFICS)
        rest_label = "PERSON" if first_name_gender(rest[0].lower_) or address else \
            "GPE" if is_known_place(normalise(rest.text)) else label
        owned = [] if address and address[1] >= len(rest) else \
            from_ner_span(doc, Span(doc, rest.start, end, label=rest_label), addressed, person_words)
        # a form of address alone ("Acme's Detective | Inspector Ann Lee"): the person's name NER tagged takes it
        return from_ner_span(doc, Span(doc, start, owner, label=_label_alone(doc, start, owner) or label), addressed,
                             person_words) + owned
    if label == "PERSON" and owner is not None and " ".join(t.lower_ for t in doc[start:owner]) in BODIES_NAMED_ALONE:
        # "Plaid Cymru's Cllr Ann Lee" as one person: the party, then its member
        person = person_name(doc, owner + 1, end)
        return [named_by_context(doc[start:owner], "ORG")] + ([person] if person else [])
    if label in {"PERSON", "ORG", "NORP", "FAC", "LOC"} and end - start > 1 and doc[end - 1].is_lower \
            and doc[end - 1].lower_ in AREA_NOUNS and all(is_capitalised(t) for t in doc[start:end - 1]):
        # "the Tai Lam district" tagged as a person: a name and its area noun are a place, with the noun and without
        return area_place(doc, start, end - 1, end)
    if label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"} \
            and (head := _common_place_head(doc, start, end)):
        # "the Dorva valley", "Kelsby station": the noun after the name is part of the place's name
        return [named_by_context(doc[start:head + 1], "PLACE")]
    if (at := _preposition_between_names(doc, start, end, label)) is not None:
        # NER ran a shop and its street into one name: "Hart & Pell on Mill Lane"
        return [candidate for part in (Span(doc, start, at, label=label), Span(doc, at + 1, end, label=label))
                for candidate in from_ner_span(doc, part, addressed, person_words)]
    if label != "PERSON" and (of := _person_of_place(doc, start, end)) is not None:
        # "Walt Reed of Kelsby" as one organisation: a person, and the place they are from
        person = person_name(doc, start, of)
        return ([person] if person else []) + [Candidate(of + 1, end, "PLACE", "name", key=normalise(doc[of + 1:end].text))]
    if label in {"DATE", "TIME"}:
        return _place_before_time(doc, start, end)
    if label != "PERSON" and _portfolio_before_title(doc, start, end):
        return []  # "Interior Minister Ann Lee": the portfolio is part of her title
    if label != "PERSON" and (person := _person_at_the_end(doc, start, end, addressed, person_words)) is not None:
        # "Director of Fire Services Ann Lee" read as one organisation: the office, then her name
        rest = [] if person.start - start < 2 or doc[person.start - 1].lower_ not in ORG_HEADS else \
            from_ner_span(doc, Span(doc, start, person.start, label=label), addressed, person_words)
        return rest + [person]
    words = [t for t in doc[start:end] if t.lower_ != "the"]
    bare = title_at(doc, words[0].i, BARE_TITLES) if words else None
    if bare and bare[1] == len(words) and is_capitalised(words[0]) and with_article(doc, words[0].i) < words[0].i:
        # A title alone after "the", often mis-tagged as an organisation ("the King's" as ORG).
        return [Candidate(with_article(doc, words[0].i), end, "PERSON", "title", titles=frozenset([bare[0]]),
                          gender=honorific_gender(bare[0]))]
    kind = SPACY_TYPES.get(label)
    span = doc[start:end]
    if label in BASED_LABELS and lone_name(span) and _based_or_born_after(span):
        return [named_by_context(span, "PLACE")]  # "the Leeds-based group" read as a product or a company
    full_name_addressed = len(span) > 1 and all(t.pos_ == "PROPN" for t in span) and span[-1].lower_ in addressed
    address = title_at(doc, words[0].i, HONORIFICS) if words else None
    # "the Rt Rev Ann Lee", "Mr Tom Reed" tagged as an organisation: a form of address only a person takes
    styled = address is not None and address[0] in PERSONAL_ADDRESSES and len(words) > address[1] \
        and all(t.pos_ == "PROPN" and is_capitalised(t) or t.lower_ in SURNAME_PARTICLES or t.text == "-"
                for t in words[address[1]:])
    if label == "PERSON" and len(span) == 1 and (span[0].pos_ == "VERB" or span[0].dep_ in VERB_DEPENDENCIES):
        return []  # "Defending, Tom Reed said": a participle opening a sentence, whatever its tag
    if generic_organisation_word(span):
        return []
    if _party_alone(span, words):
        return [named_by_context(span, "ORG")]  # "the Lib Dems" as a person: a party's name, whatever NER says
    if kind is not None and storm_name(span):
        return [named_by_context(span, "EVENT")]  # "Hurricane Ida", whatever NER says
    if label == "PERSON" and words and (area := _area_noun_after(doc, start, end)) is not None \
            and not first_name_gender(words[0].lower_):
        # "in the Lai Chi Wan district" read as a person: a name an area noun follows is a place, with it and
        # without, over the words NER left off before it
        first = words[0].i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and is_capitalised(doc[first - 1]) \
                and not doc[first - 1].ent_type_ and doc[first - 1].dep_ == "compound":
            first -= 1
        return area_place(doc, first, end, area + 1)
    if label == "PERSON" and len(span) > 1 and (span[-1].lower_ in _BODY_OR_COMPANY_ENDINGS
                                                or span[-1].lower_ in CLUB_ENDINGS
                                                and not is_first_name(words[0].lower_)):
        return [named_by_context(span, "ORG")]  # "X Police", "X Rovers", "X Holdings"
    if kind not in {None, "ORG", "WORK"} and work_noun_before(span):
        return [named_by_context(span, "WORK")]  # "the crime drama X"
    if label == "PERSON" and start >= 2 and doc[start - 1].lower_ == "of" \
            and (lower_key(doc[start - 2]) in TITLES_OF_PLACE or doc[start - 2].text == ","):
        # "the mayor of Dunmere", "Ana Ruiz, of Kelsby,": what a title is held of, or where someone is from, is a
        # place, whatever NER says
        return [named_by_context(span, "PLACE")]
    if label == "PERSON" and _family_by_surname(span, person_words):
        # "the Reeds", when a Reed is named: the family (typed here only: "the Reeds' son" stays with the kinship step)
        return [Candidate(start, end, "ORG", "name", key=normalise(span.text))]
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in CLUB_OR_PLACE_ENDINGS - {"county"} \
            and not is_first_name(words[0].lower_) and not is_known_place(normalise(span.text)):
        return [named_by_context(span, "ORG")]  # "X Town" as a person: no place acts so, its club does
    if label == "PERSON" and len(span) > 1 and span[-1].tag_ == "NNPS" and not is_first_name(words[0].lower_) \
            and words[0].lower_ not in HONORIFICS:
        return [named_by_context(span, "ORG")]  # "the Young Greens": a plural name with no first name is a group
    if label == "PERSON" and _place_after_place(span):
        return [named_by_context(span, "PLACE")]  # "Mill Road, Kelsby": the town a street or building is in
    if kind not in {None, "PLACE"} and (noun := place_noun_before(doc, start, end)) is not None \
            and (label != "PERSON" or noun.nbor().lower_ == "of"
                 or len(span) == 1 and not first_name_gender(span.text)):
        # "the border town of Kelsby", "the capital, Kelsby,"; but "In the region, Ann Lee said" is a person
        return [named_by_context(span, "PLACE")]
    if label != "WORK_OF_ART" and kind is not None and names_work(span):
        return [named_by_context(span, "WORK")]
    if label != "ORG" and kind is not None and _beside_noun(span, ORG_NOUNS):
        return [named_by_context(span, "ORG")]  # "Acme, the Finnish carmaker,"
    if label == "PERSON" and institution_after_the(span):
        return [named_by_context(span, "ORG")]  # "the Louvre reopened": no person's name takes 'the'
    if label == "PERSON" and len(span) == 1 and employer_of_role(span[0]) \
            and span[0].head.lemma_.lower() not in OTHER_ROLES:
        return [named_by_context(span, "ORG")]  # "Kelsby manager Ian Teale"; not "a Kelsby farmer"
    if label == "PERSON" and lone_name(span) and not _after_capitalised_word(doc, start) \
            and place_by_context(span) \
            and (not is_first_name(words[0].lower_) or place_by_context(span, strong_only=True)):
        # "a pensioner from X,"; after a capitalised word merging widens the place over it ('in French X')
        return [Candidate(start, end, "PLACE", "name", key=normalise(span.text))]
    if label == "PERSON" and len(span) > 1 and company_agent(span) and not is_first_name(words[0].lower_):
        return [named_by_context(span, "ORG")]  # "owned by X Y"
    if label == "PERSON" and len(span) > 1 \
            and (not is_first_name(words[0].lower_) or country_code(normalise(span.text)) is not None) \
            and _known_place(span):
        return [named_by_context(span, "PLACE")]  # "Le Marche" as a person: ISO 3166 knows it (lone words: short_names)
    role = next((t for t in reversed(span[:-1]) if t.is_lower and t.lemma_.lower() in PERSON_ROLE_NOUNS), None)
    if label == "PERSON" and role is not None:
        # NER ran a job and its employer into the name: "Acme spokesperson Ann Lee".
        person = person_name(doc, role.i + 1, end)
        employer = [t for t in doc[start:role.i] if t.pos_ == "PROPN" and is_capitalised(t)]
        found = [named_by_context(doc[employer[0].i:employer[-1].i + 1], "ORG")] if employer else []
        return found + ([person] if person else [])
    given_before = first_name_mistagged(doc, start - 1)
    if kind is not None and (given_before or len(span) > 1 and first_name_mistagged(doc, start)):
        # "Per Aasen": a first name the tagger took for another word ('Per' a preposition), before or in the name
        person = person_name(doc, start - given_before, end)
        return [person] if person else []
    surnamed = start > 0 and doc[start - 1].lower_ == "surnamed"  # "a shopkeeper surnamed Lam"
    full_name = label in PERSON_LOOKALIKE_LABELS \
        and full_personal_name(span, label, _surname_known(span, addressed, person_words))  # "Ann Lee said"
    if label == "PERSON" or kind is not None and (_beside_person_noun(span) or _relative_of(span) or surnamed
                                                  or full_name_addressed or styled or full_name
                                                  or alias_cue_before(doc, start, ALIAS_CUES_OF_PEOPLE) is not None):
        person = person_name(doc, start, end)
        if person is not None and surnamed:  # it types every mention of the name: 'Ng said' too
            person.key, person.typed_by_context = normalise(span.text), True
        return [person] if person else []
    if kind is None:
        return []
    head = doc[end - 1].lower_
    if label == "NORP" and _town_after_preposition(span):
        return [named_by_context(span, "PLACE")]  # 'a plant at Kelsby' read as a nationality
    if label == "NORP" and doc[end - 1].tag_ != "NNPS":
        return []  # nationality adjectives ("British") are not organisations
    if label == "PRODUCT" and not _beside_work_noun(doc[start:end]) and not _proper_name(doc[start:end]):
        return []  # 'a Model 3', 'the iPhone'; but a name in capitals NER calls a product is mostly some other name
    key = normalise(doc[start:end].text)
    if head in EVENT_HEADS and label not in {"PERSON", "GPE"}:
        kind = "EVENT"
    elif legislature_alone(span) or len(span) > 1 and head in _CLUB_OR_FIRM_ENDINGS \
            and country_code(key) is None:
        kind = "ORG"  # 'the House'; a club or a firm, whatever NER says ('X Rangers', 'X Y LLP' as a building)
    elif head in PLACE_HEADS and kind == "ORG" or label == "FAC" or kind == "ORG" and head in ORG_HEADS \
            and country_code(key) is not None:
        kind = "PLACE"  # a building, or a country whose name ends in an organisation word ('the Union of the Comoros')
    elif head in ORG_HEADS and kind == "PLACE" and country_code(key) is None:
        kind = "ORG"
    elif kind == "PLACE" and team_by_context(span):
        # "X beat Dunmere", "X's goalkeeper": the town's club or the country's side, in all its mentions
        return [named_by_context(span, "ORG")]
    elif kind == "ORG" and lone_name(span) and not team_by_context(span) \
            and (place_by_context(span) and (not looks_like_first_name(span)
                                             or place_by_context(span, strong_only=True))
                 or label == "ORG" and _country_or_state(key) and doc[start].lower_ != "the"
                 and (start == 0 or doc[start - 1].lower_ != "the")):
        # "born in X", "a pensioner from X,", "the MP for X"; a country or a state ISO 3166 knows, unless its side
        kind = "PLACE"
    if kind == "PLACE" and (label == "FAC" or head in PLACE_HEADS) and _is_speaker(doc[start:end]):
        kind = "ORG"  # "the Palace confirmed": the building stands for the institution
    if kind in {"PLACE", "ORG"} and (area := _area_noun_after(doc, start, end)) is not None:
        # 'Kelsby district'; an area noun makes a place of a name NER took for an organisation too ('the Marle
        # district')
        return area_place(doc, start, end, area + 1)
    return [Candidate(start, end, kind, "name", key=key)]


def _area_noun_after(doc: Doc, start: int, end: int) -> int | None:
    """Where a lower-case area noun the place's name modifies stands right after it, unless the noun itself modifies
    one ('the Kelsby district council')."""
    noun = doc[end] if end < len(doc) else None
    if noun is None or not noun.is_lower or noun.lower_ not in AREA_NOUNS or noun.dep_ in {"compound", "amod"} \
            or doc[start:end].root.head.i != end:
        return None
    return end


def _town_after_preposition(span: Span) -> bool:
    """'the plant at Kelsby', 'a hall in Kelsby': one proper noun NER calls a nationality, the object of a preposition
    of place and modifying nothing, is a town (a people is named in the plural, a nationality before a noun)."""
    root = span.root
    return len(span) == 1 and root.tag_ == "NNP" and root.dep_ == "pobj" \
        and root.head.lower_ in LOCATIVE_PREPOSITIONS and is_capitalised(root) and not is_language(root.lower_)


# Nouns for a house of worship, and the words that open a saint's name in English and the Romance languages: a
# church is named after its saint ('the Church of St Ann', 'the church of San Marco').
WORSHIP_NOUNS = {"church", "chapel", "cathedral", "basilica", "abbey", "priory", "shrine", "oratory", "parish"}
SAINT_WORDS = {"st", "st.", "saint", "ste", "san", "santa", "santo", "sant", "sainte", "são", "sankt"}


def _church_of_saint(doc: Doc, start: int, end: int) -> Candidate | None:
    """'the Church of St Ann', or 'the church of San Marco' with NER tagging only the saint's name: a house of worship
    named after its saint is a place, never a person, a town or an organisation."""
    first = start + (doc[start].lower_ == "the")
    if first + 2 < end and doc[first].lower_ in WORSHIP_NOUNS and doc[first + 1].lower_ == "of" \
            and doc[first + 2].lower_ in SAINT_WORDS:
        return named_by_context(doc[start:end], "PLACE")
    if start >= 2 and doc[start].lower_ in SAINT_WORDS and doc[start - 1].lower_ == "of" \
            and doc[start - 2].lower_ in WORSHIP_NOUNS and end - start > 1:
        return named_by_context(doc[start - 2:end], "PLACE")
    return None


# Words a road's number comes after ('Route 9', 'Interstate 71', 'Highway 1'), from US, Canadian and Australian usage.
ROAD_NUMBER_WORDS = {"route", "highway", "interstate", "motorway", "freeway", "expressway", "turnpike"}
ROAD_NUMBER = re.compile(r"\d{1,4}[A-Z]?$")


def numbered_road(doc: Doc, start: int, end: int) -> Candidate | None:
    """'State Route 9', 'Route 9' where NER tags 'Route' alone or as an organisation: a road word and the number after
    it are a road's name, a place. Its key is the road word and number, so 'State Route 9' and 'Route 9' are one."""
    road = next((i for i in range(end - 1, start - 1, -1) if doc[i].lower_ in ROAD_NUMBER_WORDS), None)
    if road is None or not is_capitalised(doc[road]):
        return None
    if road == end - 1 and end < len(doc) and ROAD_NUMBER.match(doc[end].text):
        end += 1  # the number NER left out
    if road != end - 2 or not ROAD_NUMBER.match(doc[end - 1].text):
        return None
    return Candidate(start, end, "PLACE", "name", key=normalise(doc[road:end].text), typed_by_context=True)


def _party_alone(span: Span, words: list[Token]) -> bool:
    """'the Lib Dems', or a party's word between brackets after a name ('Cllr Ann Lee (Lib Dem)'): a party."""
    doc, name = span.doc, " ".join(t.lower_ for t in words)
    return name in BODIES_NAMED_ALONE or name in PARTY_WORDS and 0 < span.start and span.end < len(doc) \
        and doc[span.start - 1].text == "(" and doc[span.end].text == ")"


PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Forms of address only a person takes ('Cllr', 'Sen.'), unlike titles that open other names too ('General Motors',
# 'Princess Maud Hospital').
PERSONAL_ADDRESSES = COURTESY_TITLES | STYLES_BEFORE_NAMES | {"cllr", "councillor", "coun", "cr", "sen", "rep",
                                                            "congressman", "congresswoman", "councilman",
                                                            "councilwoman", "alderman"}
# Roles whose holder a name before them does not employ ('a Kelsby farmer' lives there).
OTHER_ROLES = PERSON_ROLES["other_roles"]
# NER's labels of amounts, which sometimes take in the name after a number ('one FA Cup' as money).
NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "ORDINAL", "PERCENT"}


def _proper_name(span: Span) -> bool:
    """Capitalised proper nouns with no figure in them ('Kelsby Gallery', not 'Model 3')."""
    words = [t for t in span if t.lower_ != "the"]
    return bool(words) and all(t.pos_ == "PROPN" and is_capitalised(t) and t.is_alpha for t in words)


def _label_alone(doc: Doc, start: int, end: int) -> str | None:
    """NER's label for the words of [start, end) where it tags them alone elsewhere in the article."""
    text = doc[start:end].text
    return next((ent.label_ for ent in doc.ents if ent.text == text and ent.start != start), None)


def _name_in_number(doc: Doc, start: int, end: int) -> list[Candidate]:
    """'a 1 Kelsby Open trophy', 'one Kelsby Cup' tagged as an amount: the capitalised words after the number are an
    event's or a body's name when their last word says which."""
    first = start
    while first < end and (doc[first].like_num or doc[first].is_punct):
        first += 1
    last = first
    while last < end and doc[last].pos_ == "PROPN" and is_capitalised(doc[last]):
        last += 1
    if first == start or last == first or last < end:
        return []
    head = doc[last - 1].lower_
    kind = "EVENT" if head in EVENT_HEADS else "ORG" if head in ORG_HEADS else None
    return [Candidate(first, last, kind, "name", key=normalise(doc[first:last].text))] if kind else []


# Words that own the names of colleges, hospitals and places ("King's College", "St John's Wood"), not an owner named
# apart from them.
TITLED_OWNERS = SAINT_WORDS | {"king", "queen", "prince", "princess", "lord", "lady", "duke", "earl", "bishop", "pope"}


_TITLED_OR_ADDRESSED = TITLED_OWNERS | HONORIFICS.keys()
_ONE_WORD_THINGS = ORG_HEADS | PLACE_HEADS | COMMON_PLACE_HEADS | EVENT_HEADS


def _owner_and_name(doc: Doc, start: int, owner: int, end: int) -> bool:
    """Whether a span NER tagged as one name is an owner's name, "'s", and the name of something it owns ("Kelsby's
    Market Hall", "Acme's Dunmore plant"): both capitalised, the owner no title or saint ("King's College", "St Ann's
    Hospital") and written alone elsewhere in the article (a name of its own, not a word of a longer one: "McBride's
    Bar"), or the owned a person's name after a form of address; the owned more than a generic last word ("Kelsby's
    Council")."""
    first = start + (doc[start].lower_ == "the")
    owner_words, owned = doc[first:owner], doc[owner + 1:end]
    if not owner_words or not all(t.pos_ in {"PROPN", "NOUN"} and is_capitalised(t) for t in owner_words) \
            or not all(t.pos_ == "PROPN" and (is_capitalised(t) or t.is_upper) or t.lower_ in SURNAME_PARTICLES
                       for t in owned) \
            or lower_key(owner_words[0]) in _TITLED_OR_ADDRESSED \
            or len(owned) == 1 and owned[0].lower_ in _ONE_WORD_THINGS:
        return False
    # "Acme's Detective Sergeant Ann Lee": a form of address says the owned is a person, whoever the owner is
    return title_at(doc, owned.start, HONORIFICS) is not None or _written_alone_elsewhere(owner_words)


def _written_alone_elsewhere(words: Span) -> bool:
    """Whether the article writes these words elsewhere with no capitalised word right before or after them."""
    doc, text = words.doc, words.text
    for start, end in standing_alone(text, doc.text):
        span = doc.char_span(start, end)
        if span is None or span.start == words.start:
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if not (before is not None and is_capitalised(before) and before.pos_ == "PROPN" and not before.is_sent_start
                or after is not None and (is_capitalised(after) and after.pos_ == "PROPN")):
            return True
    return False


# NER's labels of a town's name written before '-based' or '-born' that are not a place's.
BASED_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "NORP", "PERSON"}


def _based_or_born_after(span: Span) -> bool:
    """'Kelsby-based', 'Kelsby-born': where a company is based or a person was born is a place."""
    doc = span.doc
    after = doc[span.end:span.end + 2]
    return len(after) == 2 and after[0].text in {"-", "–"} and not after[0].whitespace_ \
        and not doc[span.end - 1].whitespace_ and after[1].lower_ in {"based", "born"}


def _person_of_place(doc: Doc, start: int, end: int) -> int | None:
    """Where 'of' stands in a span that is a person's full name (a first name of clear gender and one or two
    capitalised words), 'of' and one or two capitalised words ending in no word of an organisation's or building's name
    ('Ann Lee of Kelsby', not 'Ann Lee of Acme Holdings'); None when it is none."""
    of = next((i for i in range(start + 2, min(end - 1, start + 4)) if doc[i].lower_ == "of"), None)
    if of is None or end - of > 3 or first_name_gender(doc[start].lower_) is None:
        return None
    words = list(doc[start:of]) + list(doc[of + 1:end])
    return of if all(t.pos_ == "PROPN" and is_capitalised(t) and t.lower_ not in NOT_SURNAMES for t in words) else None


def _common_place_head(doc: Doc, start: int, end: int) -> int | None:
    """Where a lower-case place noun right after a name, of which the name is a modifier, stands ('the Dorva
    valley', 'Kelsby station'); None when there is none."""
    if end >= len(doc):
        return None
    noun = doc[end]
    if not (noun.is_lower and noun.lower_ in COMMON_PLACE_HEADS and noun.tag_ == "NN"):
        return None
    inside = doc[start:end].root
    return end if inside.head.i == end and inside.dep_ in {"compound", "amod", "nmod"} else None


def _known_place(span: Span) -> bool:
    """A name ISO 3166 knows as a country or a subdivision, not an organisation's or a club's."""
    key = normalise(span.text)
    return span[-1].lower_ not in _BODY_OR_CLUB_ENDINGS and (country_code(key) is not None or is_subdivision(key))


def _family_by_surname(span: Span, person_words: dict[str, tuple[int, int]]) -> bool:
    """'the Reeds': 'the' and the plural of a surname NER tags in a person's name elsewhere; not an owner ('the
    Reeds' son' is a person, read as one by the kinship step)."""
    doc, word = span.doc, span[-1]
    plural = word.lower_
    return len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ == "the" and plural.endswith("s") \
        and not (span.end < len(doc) and doc[span.end].tag_ == "POS") \
        and any(person_words.get(surname, (span.end, span.start))[0] < span.start
                for surname in (plural[:-1], plural[:-2] if plural.endswith("es") else ""))


def _country_or_state(key: str) -> bool:
    """A country, or a subdivision ISO 3166 gives a kind ('Kerala' a state): not a city it lists as a district,
    whose name is as often its club's ('Liverpool')."""
    return country_code(key) is not None or bool(place_kinds(key))


def _place_after_place(span: Span) -> bool:
    """A lone word NER calls a person, with no first name, set after a place and a comma, and no subject: the
    larger place the first is in ('born at Mill Road, Kelsby, in 1950'). The first is a place NER knows, or a name
    ending in a word of streets and buildings, which NER often takes for a person's ('Mill Lane, Kelsby')."""
    doc, word = span.doc, span[0]
    before = doc[span.start - 2] if span.start >= 2 else None
    return len(span) == 1 and before is not None and doc[span.start - 1].text == "," \
        and (before.ent_type_ in PLACE_LABELS
             or before.lower_ in STREET_OR_BUILDING_ENDINGS and is_capitalised(before)) \
        and word.dep_ not in {"nsubj", "nsubjpass"} and not is_first_name(word.lower_)


# Last words of the names of streets and buildings (lexicon.PLACE_HEADS and the street words it leaves out).
STREET_OR_BUILDING_ENDINGS = PLACE_HEADS | {"lane", "drive", "crescent", "terrace", "close", "grove", "place"}


PORTFOLIOS = frozenset(ENTITY_WORDS["portfolios"])
LAW_WORDS = frozenset(ENTITY_WORDS["law_words"])
# Titles a portfolio word comes before ('Interior Minister', 'Health Secretary').
PORTFOLIO_TITLES = {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "commissioner", "chief"}


def _portfolio_before_title(doc: Doc, start: int, end: int) -> bool:
    """'Interior' in 'Interior Minister Ann Lee': a portfolio, then a title, then a name."""
    return end + 1 < len(doc) and all(t.lower_ in PORTFOLIOS for t in doc[start:end]) \
        and doc[end].lower_ in PORTFOLIO_TITLES and doc[end + 1].pos_ == "PROPN" and is_capitalised(doc[end + 1])


def _person_at_the_end(doc: Doc, start: int, end: int, addressed: set[str],
                       person_words: dict[str, tuple[int, int]]) -> Candidate | None:
    """The first name and surname ending a longer name NER gave another label, when the surname is written
    again on its own or after a form of address ('Fire Services Ann Lee' … 'Lee said')."""
    full_end = end
    if end - start > 5 and doc[end - 2].text == "-" and is_capitalised(doc[end - 3]) and doc[end - 1].is_lower:
        end -= 3  # 'Fire Services Ann Lee Wai-man': a given name after the surname, as Hong Kong writes it
    if end - start < 3 or not all(t.pos_ == "PROPN" and is_capitalised(t) for t in doc[end - 2:end]) \
            or first_name_gender(doc[end - 2].lower_) is None or doc[end - 3].lower_ in {"of", "and", "&"} \
            or doc[end - 1].lower_ in NOT_SURNAMES:  # 'Kelsby General Hospital': no surname ends a hospital's name
        return None
    return person_name(doc, end - 2, full_end) if _surname_known(doc[start:end], addressed, person_words) else None


def _after_capitalised_word(doc: Doc, start: int) -> bool:
    return start > 0 and is_capitalised(doc[start - 1]) and doc[start - 1].pos_ in {"PROPN", "ADJ"}


def _surname_known(span: Span, addressed: set[str], person_words: dict[str, tuple[int, int]]) -> bool:
    """Whether the name's last word is written after a form of address, or tagged a person's outside the name."""
    surname = span[-1].lower_
    first, last = person_words.get(surname, (span.end, span.start))
    return surname in addressed or first < span.start or last >= span.end


def personal_words(doc: Doc) -> dict[str, tuple[int, int]]:
    """The first and last place of each word NER tags as (part of) a person: whether a surname is written
    outside a span is looked up here, where reading the article for each span was quadratic."""
    places: dict[str, tuple[int, int]] = {}
    for token in (token for ent in doc.ents if ent.label_ == "PERSON" for token in ent):  # not every token: faster
        first, _ = places.get(token.lower_, (token.i, token.i))
        places[token.lower_] = (first, token.i)
    return places


def place_noun_before(doc: Doc, start: int, end: int) -> Token | None:
    """The noun for a kind of place the name at [start, end) is given by: 'the border town of Kelsby', 'the
    capital, Kelsby,' (the parser often misses that apposition, so it is read from the words)."""
    if start < 2 or not doc[start - 2].is_lower or doc[start - 2].lemma_.lower() not in PLACE_NOUNS:
        return None
    noun = doc[start - 2]
    of = doc[start - 1].lower_ == "of"
    # not when the noun hangs on another noun ('the envoy for the region, Ann Lee,' names the envoy)
    beside = doc[start - 1].text == "," and end < len(doc) and doc[end].text in {",", "."} \
        and not (noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"})
    return noun if of or beside else None


def _preposition_between_names(doc: Doc, start: int, end: int, label: str) -> int | None:
    """A lower-case 'on' or 'in' with a name of two words or more either side, or any name before 'in' and a known
    place after it ('Kelsby Camp in Bavaria'; not 'the University of Kelsby at Dunmore', a campus), or a building's
    name before 'in' and a town after it ('the Kelsby Ballroom in Dunmore'), not hyphenated into a place name
    ('Southend-on-Sea')."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in NAME_SPLITTING_PREPOSITIONS and doc[i].is_lower \
                and not {doc[i - 1].text, doc[i + 1].text} & {"-", "–"} and is_capitalised(doc[i + 1]) \
                and (start + 2 <= i < end - 2
                     or doc[i].lower_ == "in" and (is_known_place(normalise(doc[i + 1:end].text))
                                                   or label == "FAC" and _capitalised_words(doc[i + 1:end]))):
            return i
    return None


def _capitalised_words(span: Span) -> bool:
    return all(t.pos_ == "PROPN" and is_capitalised(t) for t in span)


# Nouns for a person, a name beside which is a person's: joined once, not per name.
PERSON_NOUNS = PERSON_ROLE_NOUNS | set(KINSHIP)


def _beside_person_noun(span: Span) -> bool:
    """'its chief executive, Ines Vance', 'her husband, Sean': a name set beside a noun for a person is a
    person's, whatever label NER gave it."""
    return _beside_noun(span, PERSON_NOUNS)


def _relative_of(span: Span) -> bool:
    """'the second wife of Lorenzo': a name after a kinship noun and 'of' is a person's."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lemma_.lower() in KINSHIP


def _beside_noun(span: Span, nouns: set[str]) -> bool:
    """Whether the name is in apposition to one of `nouns`, either side of it, and the noun has no other name
    beside it: in 'told Acme, the mayor of Kelsby, Ann Lee, that…' the mayor is Ann Lee, not Acme."""
    root = span.root
    beside = [root.head] if root.dep_ == "appos" else []
    beside += [child for child in root.children if child.dep_ == "appos"]
    return any(noun.pos_ == "NOUN" and noun.lemma_.lower() in nouns and not _other_name_beside(noun, root)
               for noun in beside)


def _other_name_beside(noun: Token, name: Token) -> bool:
    """Whether a proper noun other than `name` stands in apposition to `noun`, after it (the parser may hang both
    on the first name)."""
    others = [noun.head] if noun.dep_ == "appos" else []
    others += [child for child in noun.children if child.dep_ == "appos"]
    if noun.dep_ == "appos":
        others += [child for child in noun.head.children if child.dep_ == "appos" and child.i > noun.i]
    return any(other.i != name.i and other.i > noun.i and other.pos_ == "PROPN" for other in others)


def _place_before_time(doc: Doc, start: int, end: int) -> list[Candidate]:
    """NER sometimes folds a place into the time after it ('from Ravensholm a few hours earlier')."""
    j = start
    while j < end and doc[j].pos_ == "PROPN" and lower_key(doc[j]) not in MONTHS_AND_DAYS:
        j += 1
    if j == start or j == end:
        return []
    before = doc[start - 1].lower_ if start > 0 else ""
    if before not in LOCATIVE_PREPOSITIONS:
        return []
    return [Candidate(start, j, "PLACE", "name", key=normalise(doc[start:j].text))]


def _beside_work_noun(span: Span) -> bool:
    root = span.root
    return (root.dep_ in {"appos", "compound"} and root.head.lower_ in WORK_NOUNS) or any(
        child.lower_ in WORK_NOUNS for child in root.children
    ) or (span.start > 0 and span.doc[span.start - 1].lower_ in WORK_NOUNS)


def _is_speaker(span: Span) -> bool:
    root = span.root
    verb = root.head.lemma_.lower()
    return root.dep_ in {"nsubj", "nsubjpass"} and (verb in quote_cues()["reporting_verbs"] or verb in STATEMENT_VERBS)
