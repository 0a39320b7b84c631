"""A name's type from the words around it, where spaCy's small NER model mistypes news names: a full name of a
person read as an organisation, a town read as a company or a person, a club or national side read as its town,
a company read as a person, a storm read as a place. Each test reads one mention; `names` types the mention by
it, and the mentions of a name then vote (`short_names.settle_lone_words`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import (
    EVENT_HEADS, HONORIFICS, KINSHIP, ORG_HEADS, PERSON_ROLE_NOUNS, PLACE_HEADS, PLACE_NOUNS,
    SURNAME_PARTICLES, UNNAMED_PERSON_NOUNS, WORK_NOUNS, quote_cues,
)
from .candidates import role_noun_before
from .places import country_code, is_subdivision
from .words import (
    CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, COMPANY_ENDINGS, ENTITY_WORDS, KIND_NOUNS, LEGAL_FORMS,
    NEWSPAPER_ENDINGS, first_name_gender, is_capitalised, lower_key,
)

PLACE_CUES = {group: frozenset(words) for group, words in ENTITY_WORDS["place_cues"].items()}
# 'Co Kerry', 'County Clare': the word opening an Irish or British county's name.
COUNTY_ABBREVIATIONS = {"co", "co.", "county"}
TEAM_CUES = {group: frozenset(words) for group, words in ENTITY_WORDS["team_cues"].items()}
STORM_WORDS = frozenset(ENTITY_WORDS["storm_words"])
# Nouns of a side's players and staff a name modifies only when it is the side ('the X captain'); not 'team' or
# 'manager', which a town or firm has too.
SIDE_NOUNS = TEAM_CUES["squad_nouns"] & {"side", "squad", "coach", "goalkeeper", "keeper", "striker", "captain",
                                         "defender", "midfielder", "winger", "skipper", "goalscorer"}
COMPANY_AGENTS = frozenset(ENTITY_WORDS["company_agents"])
# Last words that end names of organisations, places, events and works, never a surname.
NOT_SURNAMES = ORG_HEADS | PLACE_HEADS | EVENT_HEADS | COMPANY_ENDINGS | CLUB_ENDINGS | CLUB_OR_PLACE_ENDINGS \
    | NEWSPAPER_ENDINGS | LEGAL_FORMS | COMMON_PLACE_HEADS | KIND_NOUNS | {"centre", "center"}
# Last words of names that are no town's ('Kelsby Rovers', 'Kelsby Museum'); 'Kelsby Centre' may be one.
NOT_TOWN_ENDINGS = ORG_HEADS | EVENT_HEADS | COMPANY_ENDINGS | CLUB_ENDINGS | CLUB_OR_PLACE_ENDINGS \
    | NEWSPAPER_ENDINGS | LEGAL_FORMS | KIND_NOUNS
PEOPLE_FROM = PLACE_CUES["people_from"] | set(UNNAMED_PERSON_NOUNS) | set(KINSHIP)
# Prepositions whose object is a place whatever they hang on ('near X', 'the hillside above X'); not 'outside',
# said of shops too.
PLACE_PREPOSITIONS = {"near", "above", "below", "beyond", "throughout", "across"}
# NER labels under which a person's full name turns up on news; a place's name may open with a first name
# ('Santa Fe', 'Victoria Falls').
PERSON_LOOKALIKE_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC"}
# Dependencies by which a name modifies the noun after it ('a Kelsby solicitor', 'Acme stores').
MODIFIER_DEPENDENCIES = {"compound", "amod", "nmod", "npadvmod"}


def full_personal_name(span: Span, label: str, surname_known: bool) -> bool:
    """A person's full name NER gave another label ('Olivia Reed said', 'Nurse Ann Lee'): after any forms of
    address or job titles, a first name of clear gender and one or two capitalised words (a surname, with its
    particles), none a word that ends the names of organisations, places or works; not after 'the' ('the Mona
    Lisa'), not modifying a noun as a brand does ('Ann Lee stores'), not what made or owns something ('made by
    Ann Lee'). Some common words pass for first names ('Night', 'Marine'), so the words around it must also show
    a person: a title or a job noun before it ('striker Ann Lee'), a reporting verb it is the subject of, a 'by'
    it follows ('chaired by', a byline), or its surname written elsewhere as a person's (`surname_known`)."""
    if label not in PERSON_LOOKALIKE_LABELS or not _first_name_and_surname(span) or span[0].lower_ == "the" \
            or span.start > 0 and span.doc[span.start - 1].lower_ == "the" or company_agent(span):
        return False
    root, first = span.root, span[0]
    titled = lower_key(first) in HONORIFICS or first.lower_ in PERSON_ROLE_NOUNS or role_noun_before(first)
    speaks = root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in quote_cues()["reporting_verbs"]
    by = root.dep_ == "pobj" and root.head.lower_ == "by"
    return titled or speaks or by or surname_known


def _first_name_and_surname(span: Span) -> bool:
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "PROPN" and is_capitalised(before) or span[-1].tag_ == "NNPS":
        return False  # the end of a longer name ('Kelsby | Marine Lines'), or a plural one
    words = list(span)
    while len(words) > 2 and (lower_key(words[0]) in HONORIFICS or words[0].lower_ in PERSON_ROLE_NOUNS):
        words = words[1:]
    if not 2 <= len(words) <= 3 or first_name_gender(words[0].lower_) is None or not is_capitalised(words[0]):
        return False
    surname = words[1:]
    if not all(t.pos_ == "PROPN" and is_capitalised(t) or t.lower_ in SURNAME_PARTICLES for t in surname) \
            or surname[-1].lower_ in NOT_SURNAMES or not is_capitalised(surname[-1]):
        return False
    root = span.root
    return not (root.dep_ in MODIFIER_DEPENDENCIES and root.head.pos_ == "NOUN" and root.head.i > root.i)


def lone_name(span: Span) -> bool:
    """A name of one to three capitalised words (particles aside: 'Val di X'), the last no word that ends the name
    of an organisation, event or institution: what a town, a club or a company called after its town is called."""
    words = [t for t in span if t.lower_ != "the"]
    return 0 < len(words) <= 3 and words[-1].lower_ not in NOT_TOWN_ENDINGS and is_capitalised(words[0]) \
        and all(is_capitalised(t) or not t.is_alpha or t.lower_ in SURNAME_PARTICLES for t in words)


def looks_like_first_name(span: Span) -> bool:
    """Whether the name opens with a first name of clear gender ('Paris', 'Gordon'): then only a strong cue makes
    it a place."""
    return first_name_gender(span[0].lower_) is not None


def place_by_context(span: Span, strong_only: bool = False) -> bool:
    """Whether the words around a lone name make it a place. Strong cues, which hold even for a word that is also
    a first name: 'X-born', 'X-based', 'the X ward', 'the MP for X', 'the seat of X', 'the mayor of X'. Weak cues,
    for a name without 'the': 'in X' (not 'shares in X'), 'near X', 'above X', 'born at X', 'a pensioner from X,',
    '58, from X,', 'the trip to X', 'the service from X', 'traffic between X and Kelsby', 'in X, Kelsbyshire',
    'north of X', 'their X home', 'X and Kelsby' beside a place NER knows, 'flew to X', "X's airport", 'X, Ohio'."""
    doc, root = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.lower_ in {"-based", "-born"} or after.text == "-" and span.end + 1 < len(doc)
                              and doc[span.end + 1].lower_ in {"based", "born"}):
        return True
    if root.dep_ == "compound" and root.head.i > root.i and root.head.lower_ in PLACE_CUES["constituency_words"]:
        return True  # 'the Kelsby ward'
    preposition = _preposition_over(root)
    word = preposition.lower_ if preposition is not None else ""
    lemma = preposition.head.lemma_.lower() if preposition is not None else ""
    if word in {"of", "for"} and lemma in PLACE_CUES["constituency_words"] or word == "for" \
            and lemma in PLACE_CUES["members_for"] or word == "of" and lemma in PLACE_CUES["titles_of"]:
        return True  # 'the seat of X', 'the MP for X', 'the mayor of X'
    if strong_only or span[0].lower_ == "the" or span.start > 0 and doc[span.start - 1].lower_ == "the":
        return False  # a town's name comes without 'the' ('the Scottish Parliament')
    if root.dep_ == "compound" and root.head.i > root.i \
            and root.head.lower_ in PLACE_CUES["compound_heads"] | PLACE_NOUNS:
        return True  # 'their Kelsby home', 'the Kelsby district'
    if root.dep_ == "conj" and root.head.ent_type_ in {"GPE", "LOC"} and root.head.i < span.start \
            or any(child.dep_ == "conj" and child.ent_type_ in {"GPE", "LOC"} for child in root.children):
        return True  # 'Kelsby and X', where NER knows Kelsby as a place
    if root.dep_ == "poss" and root.head.lower_ in PLACE_CUES["possessed_places"] or _region_after(span):
        return True  # "X's airport", 'X, Ohio,'
    if preposition is None:
        return False
    head = preposition.head
    if word == "in" and lemma not in PLACE_CUES["organisation_cues"] or word in PLACE_PREPOSITIONS \
            or word == "at" and lemma in PLACE_CUES["locating_verbs"]:
        return True
    comma_after = after is None or after.text in {",", ".", ";", ")"} or after.is_space
    if word == "from" and comma_after and (lemma in PEOPLE_FROM and head.pos_ == "NOUN" or head.like_num
                                           or head.ent_type_ == "PERSON"):
        return True  # 'a pensioner from X,', 'Ann Lee, 58, from X,'
    if word == "of" and lemma in PLACE_CUES["directions_of"]:
        return True  # '25 km north of X', 'the outskirts of X'
    return word in {"to", "for", "from", "between"} and lemma in PLACE_CUES["journey_words"] \
        or word == "to" and head.pos_ == "VERB" and lemma in PLACE_CUES["arrival_verbs"]  # 'flew to X'


def _region_after(span: Span) -> bool:
    """'X, Ohio', 'X, Co Kerry': a comma and a region or country ISO 3166 knows, or a county, after the name: the way
    news places a town."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    words = [doc[span.end + 1]]
    while words[-1].i + 1 < min(len(doc), span.end + 4) and doc[words[-1].i + 1].pos_ == "PROPN" \
            and is_capitalised(doc[words[-1].i + 1]):
        words.append(doc[words[-1].i + 1])
    after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
    if not is_capitalised(words[0]) or after is not None and after.text in {"-", "–"}:
        return False  # not 'Acme, Ohio-based'
    if lower_key(words[0]) in COUNTY_ABBREVIATIONS and len(words) > 1:
        return True
    return any(is_subdivision(key) or country_code(key) is not None
               for key in (" ".join(t.lower_ for t in words[:n]) for n in range(len(words), 0, -1)))


def _preposition_over(root: Token) -> Token | None:
    """The preposition whose object the name is, also as the second of two ('in Kelsby and X')."""
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root.head if root.dep_ == "pobj" else None


def company_agent(span: Span) -> bool:
    """'made by X', 'owned by X': the 'by' phrase of a verb of making or owning, which names a company more often
    than a person."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_.lower() in COMPANY_AGENTS


def team_by_context(span: Span) -> bool:
    """Whether the words around a town's or country's name make it its club or national side: the subject or
    object of a match verb ('X beat Dunmere', 'thrashed X'), the owner of a squad noun ('X's goalkeeper'), the
    'for' of caps or goals ('40 caps for X'), or a club's last word written after it ('X FC')."""
    doc, root = span.doc, span.root
    if span.end < len(doc) and doc[span.end].lower_ in CLUB_ENDINGS and is_capitalised(doc[span.end]):
        return True
    head = root.head
    if root.dep_ in {"nsubj", "dobj"} and head.pos_ == "VERB" and head.lemma_.lower() in TEAM_CUES["match_verbs"] \
            and not any(child.dep_ == "prt" for child in head.children):
        return True  # not 'beat back'
    if root.dep_ == "poss" and head.lower_ in TEAM_CUES["squad_nouns"] \
            or root.dep_ == "compound" and head.i > root.i and head.lower_ in SIDE_NOUNS:
        return True  # 'X's goalkeeper', 'the X captain'

    return root.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in TEAM_CUES["cap_nouns"]


def institution_after_the(span: Span) -> bool:
    """'the Louvre reopened', 'told the Flash': one capitalised word after 'the' that is no title and modifies no
    noun names an institution, a paper or a place, never a person ('Tom Reed', not 'the Reed')."""
    doc, word = span.doc, span[-1]
    return len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ == "the" and is_capitalised(word) \
        and word.dep_ not in MODIFIER_DEPENDENCIES and word.tag_ != "NNPS" and lower_key(word) not in HONORIFICS \
        and word.lower_ not in PERSON_ROLE_NOUNS


def storm_name(span: Span) -> bool:
    """'Hurricane Ida', 'Storm Babet': a storm's name, an event."""
    first = span[1] if span[0].lower_ == "the" and len(span) > 1 else span[0]
    return first.i + 1 < span.end and first.lower_ in STORM_WORDS and is_capitalised(first)


def legislature_alone(span: Span) -> bool:
    """'the House' alone, capitalised: the legislature, not a building (which has a name before 'House')."""
    return span[-1].text == "House" and (len(span) == 1 or len(span) == 2 and span[0].lower_ == "the")


def work_noun_before(span: Span) -> bool:
    """A lower-case noun for a work right before the name ('the crime drama X', 'her novel X'), when the name is
    no person's full name."""
    noun = span.doc[span.start - 1] if span.start > 0 else None
    return noun is not None and noun.is_lower and noun.pos_ == "NOUN" and noun.lemma_.lower() in WORK_NOUNS \
        and not _first_name_and_surname(span)