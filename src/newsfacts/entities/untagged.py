"""Names NER missed or cut wrongly: titles held of a place ("the Duke of Glenmoor"), names after a form of
address, double first names, employers before a job, institutions, places after "in", works beside "novel",
bare titles ("the King") and styles ("His Majesty"); events named after a place or a year ("the Kelsby
by-election"), names after a noun for an organisation ("the hacker group Zephyr"); places ISO 3166 or the table
of large cities knows ("D-Nebraska"), a place's police ("Kelsby police"), titles after a noun for a work ("the
show Bread and Circuses") and flights by their number. Names the article's layout gives are in `layout`,
political and public bodies in `bodies`.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    BARE_TITLES, COURTESY_TITLES, DESCRIPTIVE_HEADS, EVENT_HEADS, HONORIFICS, MONARCHS, MONTHS_AND_DAYS, ORG_HEADS,
    ORG_NOUNS, PERSON_ROLE_NOUNS, PLACE_HEADS, PLACE_NOUNS, ROYAL_HONORIFICS, STYLES_OF_OFFICE, SURNAME_PARTICLES,
    TITLES_OF_PLACE, TITLE_SHORT_FORMS, data_table,
)
from .candidates import (
    Candidate, area_place, employer_of_role, first_name_mistagged, generic_organisation_word, is_year,
    kind_opening_sentence, named_by_context, names_work, person_name, role_noun_before,
)
from .layout import MEDIA_NOUNS
from .places import is_known_place, is_subdivision
from .words import (
    AREA_NOUNS, CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, COMPANY_ENDINGS, ENTITY_WORDS,
    PLACE_PREPOSITIONS, first_name_gender, honorific_gender, is_capitalised, is_first_name, lower_key, normalise,
    title_at, tokens_spelling, with_article,
)


# Abbreviations that open the name of a prison or a base: 'HMP Kelsby', 'HMYOI Kelsby', 'RAF Kelsby'.
PLACE_PREFIXES = {"hmp", "hmyoi", "hmp/yoi", "raf"}
# Capitalised words that open the name of a county or a natural place ('Co Kelsby', 'County Kelsby', 'Mount
# Kelsby', 'Loch Kelsby'): the words after them are no person's name, though NER often reads them as one.
PLACE_OPENERS = {"county", "co", "co.", "mount", "mt", "mt.", "lake", "loch", "lough", "isle", "cape", "port", "fort"}
# Last words that make a name opened so another thing's ('Mount Kelsby Hospital', 'County Hall').
_NOT_PLACE_ENDINGS = ORG_HEADS | PLACE_HEADS | EVENT_HEADS | COMPANY_ENDINGS | CLUB_ENDINGS | CLUB_OR_PLACE_ENDINGS \
    | frozenset(ENTITY_WORDS["organisation_endings"])
# First words of an office's title, not of a body's or a company's name ('Deputy Fire Services Director'); joined
# once here, not per name.
_OFFICE_WORDS = HONORIFICS.keys() | PERSON_ROLE_NOUNS
_NOT_FIRST_WORDS_OF_ORGANISATIONS = _OFFICE_WORDS | MONTHS_AND_DAYS


def prefixed_places(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'HMP Kelsby', 'RAF Kelsby': an abbreviation for a prison or base and the capitalised words after it are one
    place, though NER tags only the town in it or nothing. So are 'Co Kelsby', 'Mount Kelsby' (a word opening a
    county's or a natural place's name, itself opening the name, and one or two capitalised words ending it)."""
    found = []
    for prefix in tokens_spelling(doc, text, PLACE_PREFIXES | PLACE_OPENERS):
        end = prefix.i + 1
        while end < len(doc) and is_capitalised(doc[end]) and doc[end].pos_ == "PROPN" and end - prefix.i <= 3:
            end += 1
        if end == prefix.i + 1 or any(i in taken for i in range(prefix.i, end)):
            continue
        if prefix.lower_ in PLACE_OPENERS and not _opens_place_name(doc, prefix, end):
            continue
        if prefix.lower_ in PLACE_PREFIXES and not prefix.is_upper:
            continue
        taken.update(range(prefix.i, end))
        found.append(named_by_context(doc[prefix.i:end], "PLACE"))
    return found


def _opens_place_name(doc: Doc, opener: Token, end: int) -> bool:
    before = doc[opener.i - 1] if opener.i > 0 else None
    # not inside a longer name NER tags ('Kelsby, Co Dunmere' as one place)
    return opener.text[0].isupper() and not opener.is_upper and end - opener.i <= 3 and opener.ent_iob_ != "I" \
        and not (before is not None and is_capitalised(before) and before.pos_ == "PROPN") \
        and doc[end - 1].lower_ not in _NOT_PLACE_ENDINGS and not (end < len(doc) and doc[end].text == "-")


# Titles of place held as an office rather than a rank ('the Mayor of Kelsby').
OFFICES_OF_PLACE = {"mayor", "governor", "president", "premier", "chancellor", "bishop", "archbishop"}
# Last words of institutions and prizes often named after a rank's title ('the Duke of Kelsby Hospital', 'the
# Princess of Dunmere Cup'), from UK, Commonwealth and Hong Kong usage.
NAMED_AFTER_RANKS = {"hospital", "hospice", "infirmary", "clinic", "school", "college", "academy", "university",
                     "institute", "museum", "gallery", "library", "theatre", "theater", "hotel", "stadium", "arena",
                     "barracks", "prison", "bridge", "award", "awards", "prize", "trophy", "cup", "foundation", "trust",
                     "fund", "centre", "center"}


def titles_of_place(doc: Doc, text: str) -> list[Candidate]:
    """'the Duke of Glenmoor', 'the Mayor of London': a person named by a title held of a place."""
    found = []
    person_starts = {ent.start for ent in doc.ents if ent.label_ == "PERSON"}
    resume = 0
    for token in tokens_spelling(doc, text, TITLES_OF_PLACE):
        i = token.i
        match = title_at(doc, i, TITLES_OF_PLACE) if i >= resume and is_capitalised(token) else None
        of = i + match[1] if match else None
        if not match or of + 1 >= len(doc) or doc[of].lower_ != "of":
            continue
        j = of + 1 + (doc[of + 1].lower_ == "the")
        place_start = j
        while j < len(doc) and doc[j].pos_ == "PROPN" and is_capitalised(doc[j]) and (
            j == place_start or j not in person_starts
        ):
            j += 1
        # 'the Duke of Dunmore Hospital', 'the Earl of Kelsby Academy': a rank's title names the thing it ends in;
        # 'the President of Kelsby University' holds an office of it
        named_after = j > place_start and doc[j - 1].lower_ in NAMED_AFTER_RANKS and match[0] not in OFFICES_OF_PLACE
        if j > place_start and not (j < len(doc) and j in person_starts) and not named_after:
            key = match[0]
            place = " ".join(t.lower_ for t in doc[place_start:j])
            # 'the Dowager Countess of X' is the widow of an earlier holder: another woman than 'the Countess of X'
            dowager = i > 0 and doc[i - 1].lower_ == "dowager"
            found.append(Candidate(with_article(doc, i - dowager), j, "PERSON", "title",
                                   titles=frozenset([f"dowager {key}" if dowager else key]), place=place,
                                   gender=honorific_gender(key)))
            resume = j
    return found


def untagged_addressed_names(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """Names NER missed after a form of address: 'Detective Constable Ian Teale', 'Mrs Obiora'."""
    found = []
    # A form of address inside a run already read ('Mr. Mr. Mr. …') gives nothing the run's first did not:
    # skipping it keeps the step linear.
    resume = 0
    for token in tokens_spelling(doc, text, {title.split()[0] for title in HONORIFICS}):
        if token.i < resume:
            continue
        i, courtesy = token.i, False
        while i < len(doc) and i not in taken and is_capitalised(doc[i]) and (match := title_at(doc, i, HONORIFICS)):
            # a monarch or a prince is named by one name as 'Mr' names by the surname ('Empress Maud')
            courtesy = courtesy or match[0] in COURTESY_TITLES | MONARCHS | ROYAL_HONORIFICS
            i += match[1]
        resume = i
        j = i
        while j < len(doc) and doc[j].is_lower and doc[j].lower_ in SURNAME_PARTICLES and j + 1 < len(doc):
            j += 1  # 'Ms de Vries'
        words = 0
        while j < len(doc) and words < 3 and j not in taken and doc[j].pos_ == "PROPN" and is_capitalised(doc[j]) \
                and not doc[j].ent_type_:
            j, words = j + 1, words + 1
            if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
                j += 1  # 'Ms Lewis-Jones': the hyphen of a double surname
        if i == token.i or words == 0 or (words < 2 and not courtesy) or doc[j - 1].lower_ in PLACE_HEADS | ORG_HEADS:
            continue
        if doc[j - 1].lower_ in NAMED_AFTER_RANKS:
            # 'Princess Ann Hospital': an institution named after the person
            found.append(named_by_context(doc[token.i:j], "ORG"))
            taken.update(range(token.i, j))
            continue
        person = person_name(doc, i, j)
        if person is not None and not any(k in taken for k in range(person.start, person.end)):
            found.append(person)
            taken.update(range(person.start, person.end))
    return found


# Last words of the names of places, bodies and events: no surname.
_NAME_HEADS = PLACE_HEADS | ORG_HEADS | EVENT_HEADS


def untagged_full_names(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'Democrat Elena Sandoval won…': a first name and a surname NER missed (perhaps with particles between), when
    the article uses the surname alone elsewhere ('Sandoval said') or says where the person is from ('Elena
    Sandoval of Texas', "Kelsby's Elena Sandoval"); else another person sharing the surname would take all its
    repeats. The first name may be one the tagger took for another word ('Per Eide')."""
    proper = [doc[int(i)] for i in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]]
    proper = [t for t in proper if is_capitalised(t)]
    capitalised_elsewhere = Counter(t.lower_ for t in proper)
    found = []
    for first in proper + [doc[t.i - 1] for t in proper if first_name_mistagged(doc, t.i - 1)]:
        last = first.i + 1
        while last + 1 < len(doc) and doc[last].is_lower and doc[last].lower_ in SURNAME_PARTICLES:
            last += 1  # 'Bram ten Hove', 'Ana de la Cruz'
        surname = doc[last] if last < len(doc) else first
        if surname is first or not all((t.pos_ == "PROPN" or t is first) and is_capitalised(t) and not t.is_upper
                                       and t.i not in taken and t.ent_type_ in {"", "PERSON"}
                                       for t in (first, surname)) \
                or first.ent_type_ == surname.ent_type_ == "PERSON" \
                or capitalised_elsewhere[surname.lower_] < 2 and not _from_a_place(surname) \
                and not _after_a_possessive_name(first) and not _aged(surname) and not role_noun_before(first) \
                and not _described_after(surname) \
                or surname.lower_ in _NAME_HEADS \
                or not first_name_gender(first.lower_) and last == first.i + 1 and not _aged(surname):
            continue  # a particle ('Bram ten Hove') or an age ('Ana Ruiz, 52,') makes a name as a first name does
        after = doc[surname.i + 1] if surname.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and is_capitalised(after):
            continue  # part of a longer name
        if person := person_name(doc, first.i, surname.i + 1):
            found.append(person)
            taken.update(range(person.start, person.end))
    return found


def _described_after(surname: Token) -> bool:
    """'Ann Lee, director of the group, said', 'Ann Lee of the tenants' group Acme': a noun for a person's job set
    beside the name, or 'of' and an organisation right after it."""
    doc = surname.doc
    if any(child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_ROLE_NOUNS
           and child.i > surname.i for child in surname.children):
        return True
    after = doc[surname.i + 1:surname.i + 6]
    if len(after) < 2 or after[0].lower_ != "of":
        return False
    body = next((t for t in after[1:] if not (t.is_lower and t.pos_ in {"DET", "ADJ", "NOUN"})
                 or t.lower_ in ORG_NOUNS), None)
    return body is not None and (body.lower_ in ORG_NOUNS or body.ent_type_ == "ORG" and body.ent_iob_ == "B")


def _aged(surname: Token) -> bool:
    """', 52,' or ', now 52 and…' right after the name: an age."""
    words = [t.text for t in surname.doc[surname.i + 1:surname.i + 5]]
    if len(words) > 1 and words[1] == "now":
        del words[1]
    return len(words) >= 3 and words[0] == "," and words[1].isdigit() and len(words[1]) <= 3 \
        and words[2] in {",", ".", "and"}


def _after_a_possessive_name(first: Token) -> bool:
    """"Kelsby's Tom Reed": a club's, company's or country's possessive right before a first name."""
    doc = first.doc
    return first.i >= 2 and doc[first.i - 1].tag_ == "POS" and is_capitalised(doc[first.i - 2]) \
        and doc[first.i - 2].pos_ == "PROPN"


def _from_a_place(surname: Token) -> bool:
    """'… Sandoval of Texas': 'of' and a place NER or ISO 3166 knows right after the name."""
    doc = surname.doc
    if surname.i + 2 >= len(doc) or doc[surname.i + 1].lower_ != "of":
        return False
    place = doc[surname.i + 2]
    return place.ent_type_ in {"GPE", "LOC"} or is_capitalised(place) and is_subdivision(place.lower_)


# A hyphen joining two capitalised words with no space around it: 'Ann-Marie', 'Rolls-Royce'.
GLUED_HYPHEN = re.compile(r"(?<=[a-z])-(?=[A-Z])")


def double_first_names(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Ann-Marie Pike': NER often stops at the hyphen of a double first name ('Ann' a person, 'Marie Pike' another);
    a known first name, a hyphen, a second capitalised word and a surname NER calls a person or the story repeats
    are one name."""
    found = []
    for match in GLUED_HYPHEN.finditer(text):
        hyphen = doc.char_span(match.start(), match.end())
        if hyphen is None or hyphen.start < 1 or hyphen.end + 1 >= len(doc):
            continue
        first, second, surname = doc[hyphen.start - 1], doc[hyphen.end], doc[hyphen.end + 1]
        after = doc[surname.i + 1] if surname.i + 1 < len(doc) else None
        if first.whitespace_ or not all(t.pos_ == "PROPN" and is_capitalised(t) and not t.is_upper and t.i not in taken
                                        for t in (first, second, surname)) \
                or surname.lower_ in _NAME_HEADS or not first_name_gender(first.lower_) \
                or after is not None and after.pos_ == "PROPN" and is_capitalised(after):
            continue
        if "PERSON" in {first.ent_type_, second.ent_type_, surname.ent_type_} \
                or text.count(surname.text) > 1:
            person = person_name(doc, first.i, surname.i + 1)
            if person is not None:
                found.append(person)
                taken.update(range(person.start, person.end))
    return found


def untagged_employers(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'Kelsby head coach Tom Reed', 'Acme spokesman Tom Reed': employers NER missed."""
    found = []
    for index in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]:
        token = doc[int(index)]
        role = token.head
        if not employer_of_role(token):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].head.i in (role.i, token.i) and is_capitalised(doc[start - 1]):
            start -= 1
        if any(i in taken or doc[i].ent_type_ for i in range(start, token.i + 1)) \
                or generic_organisation_word(doc[start:token.i + 1]):
            continue
        found.append(named_by_context(doc[start:token.i + 1], "ORG"))
        taken.update(range(start, token.i + 1))
    return found


# Last words of the names of shops, hospitals and waterside sites the place tables leave out ('Kelsby Mall', 'the Kelsby
# Infirmary'), from British, Irish, American and Australian usage; not words that are also surnames ('Pike').
BUILDING_AND_SITE_ENDINGS = {"mall", "infirmary", "plaza", "arcade", "wharf", "quay", "pier", "marina", "racecourse",
                             "showground", "showgrounds", "fairground", "fairgrounds", "precinct"}
ORGANISATION_ENDINGS = ORG_HEADS | CLUB_ENDINGS | COMPANY_ENDINGS | frozenset(ENTITY_WORDS["organisation_endings"])
# Last words of a place's name, written capitalised as part of it ('Mill Street', 'Kelsby District'); not those a
# club's name ends in as often ('Kelsby Town'), though a county NER missed is most often the place.
PLACE_ENDINGS = (PLACE_HEADS | PLACE_NOUNS | COMMON_PLACE_HEADS | BUILDING_AND_SITE_ENDINGS) \
    - (CLUB_OR_PLACE_ENDINGS - {"county"})
_INSTITUTION_HEADS = frozenset(ORGANISATION_ENDINGS | PLACE_ENDINGS | EVENT_HEADS)


def untagged_institutions(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Kelsby Police said…', 'Kelsby Athletic won', 'from Kelsby Fire Station': a run of capitalised proper nouns
    NER missed that ends in an organisation word, a club's or a company's is an organisation; one ending in a
    place's word a place, in an event's word an event."""
    def untagged_name_word(i: int) -> bool:
        return i not in taken and _untagged_name_word(doc[i])

    found = []
    for head in tokens_spelling(doc, text, _INSTITUTION_HEADS):
        end = head.i + 1
        if not untagged_name_word(head.i) or end < len(doc) and untagged_name_word(end):
            continue
        start = head.i
        while start > 0 and untagged_name_word(start - 1):
            start -= 1
        start += end - start > 2 and kind_opening_sentence(doc[start])  # 'Developer Acme Homes Ltd said'
        if end - start < 2 or lower_key(doc[start]) in _OFFICE_WORDS:
            continue  # 'Deputy Fire Services Director Ann Lee': an office's title, not a body
        word = head.lower_
        kind = "ORG" if word in ORGANISATION_ENDINGS else "EVENT" if word in EVENT_HEADS else "PLACE"
        found.append(Candidate(start, end, kind, "name", key=normalise(doc[start:end].text)))
        taken.update(range(start, end))
    return found


EVENT_NAME_NOUNS = frozenset(ENTITY_WORDS["event_name_nouns"]) | {
    noun for group in ENTITY_WORDS["event_nouns"] for noun in group}
# Lower-case words that may stand between a name and the event noun ('the Kelsby air disaster'), and the most
# words an event's name takes before it.
EVENT_MODIFIERS = 2
EVENT_NAME_WORDS = 6


def named_events(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the Kelsby by-election', 'the 1990 flood', 'the Kelsby air disaster': a lower-case noun for a happening with a
    name or a year before it names one event. The place or body it is named after keeps its own mention."""
    return _named_by_noun(doc, text, taken, EVENT_NAME_NOUNS, "EVENT")


SITE_NOUNS = frozenset(ENTITY_WORDS["site_nouns"])


def named_sites(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the Kelsby industrial estate', 'the Mill Road rail depot': a lower-case noun for a site with a name before it
    is one place; the street it is named after keeps its own mention. Not after a company's name: 'the Acme plant'
    is read as a description of Acme."""
    return [site for site in _named_by_noun(doc, text, taken, SITE_NOUNS, "PLACE")
            if not is_year(doc[site.start]) and doc[site.start].ent_type_ != "ORG"]


def _named_by_noun(doc: Doc, text: str, taken: set[int], nouns: frozenset[str], kind: str) -> list[Candidate]:
    found = []
    for noun in tokens_spelling(doc, text, nouns):
        end = noun.i + next((length for length in (3, 2) if " ".join(t.lower_ for t in doc[noun.i:noun.i + length])
                             in nouns), 1)  # 'industrial estate'
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_:
            end += 2  # 'by-election' is three tokens
        last = doc[end - 1]
        if not noun.is_lower or last.pos_ not in {"NOUN", "PROPN"} or any(i in taken for i in range(noun.i, end)) \
                or end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]):
            continue
        start, modifiers, named = noun.i, 0, False
        while start > 0:
            word = doc[start - 1]
            if is_capitalised(word) and word.pos_ in {"PROPN", "ADJ"} and not word.is_sent_start \
                    and lower_key(word) not in HONORIFICS and noun.i - start < EVENT_NAME_WORDS or is_year(word):
                named = True
            elif word.is_lower and word.pos_ in {"NOUN", "ADJ"} and not named and modifiers < EVENT_MODIFIERS \
                    and word.dep_ in {"compound", "amod", "nmod"}:
                modifiers += 1
            else:
                break
            start -= 1
        while start < noun.i and not named:
            start += 1
        if not named or doc[start].ent_type_ == "PERSON" and doc[start].pos_ == "PROPN" \
                and first_name_gender(doc[start].lower_):
            continue  # 'the Ann Lee trial' is about a person, and her name is hers
        found.append(named_by_context(doc[start:end], kind))
        taken.update(range(noun.i, end))
    return found


# Last words of a police force's name after 'Police' ('Kelsby Police Department').
POLICE_FORCE_WORDS = r"(?:Department|Dept\.?|Service|Force|Constabulary)"


def police_of_places(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Kelsby police said': a place's name before a lower-case 'police' is that place's force, one with the
    'Kelsby Police Department' the article may name in full; the place keeps its own mention."""
    found = []
    for police in tokens_spelling(doc, text, {"police"}):
        start = police.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and is_capitalised(doc[start - 1]) \
                and doc[start - 1].ent_type_ != "NORP" and start - 1 not in taken:
            start -= 1
            if start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                    and not doc[start - 2].whitespace_ and is_capitalised(doc[start - 2]):
                start -= 2  # 'Kelsby-Dunmore police'
        if start == police.i or not police.is_lower or police.i in taken or police.i - start > 3 \
                or any(t.ent_type_ == "PERSON" and is_first_name(t.lower_) for t in doc[start:police.i]) \
                or lower_key(doc[start]) in HONORIFICS or doc[start].is_sent_start and start + 1 == police.i \
                and not doc[start].ent_type_:
            continue
        place = doc[start:police.i].text
        full = re.search(rf"\b{re.escape(place)} Police {POLICE_FORCE_WORDS}", text)
        key = normalise(full.group()) if full else normalise(doc[start:police.i + 1].text)
        found.append(Candidate(start, police.i + 1, "ORG", "name", key=key, typed_by_context=True))
        taken.add(police.i)
    return found


# A flight's number: the airline's two-character IATA code and up to four figures ('BA117', 'KX-42').
FLIGHT_CODE = re.compile(r"[A-Z0-9]{2}-?\d{1,4}[A-Z]?")


def flight_numbers(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'flight KX1462', 'Flight KX-417', 'Flight 93': a flight by its number is one event (the journey, and what
    befell it); figures alone only after 'Flight' capitalised."""
    found = []
    for flight in tokens_spelling(doc, text, {"flight"}):
        code = doc[flight.i + 1] if flight.i + 1 < len(doc) else None
        if code is None or not FLIGHT_CODE.fullmatch(code.text) or flight.i in taken or code.i in taken \
                or code.text.isdigit() and not is_capitalised(flight):
            continue
        found.append(named_by_context(doc[flight.i:code.i + 1], "EVENT"))
        taken.update((flight.i, code.i))
    return found


TITLE_NOUNS = frozenset(ENTITY_WORDS["title_nouns"])
# Small words a title keeps inside it ('Bread and Circuses', 'Lord of the Flies').
TITLE_SMALL_WORDS = {"and", "of", "the", "a", "an", "in", "on", "to", "for", "&"}
TITLE_WORDS = 8


def titles_after_nouns(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the quiz show Bread and Circuses', 'her novel Lord of the Flies': the capitalised words right after a
    lower-case noun for a named work, small words and all, are its title, however NER cuts them (a company and a
    person); not a person's full name NER tags ('the film Ann Lee made')."""
    found = []
    for noun in tokens_spelling(doc, text, TITLE_NOUNS):
        start = end = noun.i + 1
        while end < len(doc) and end - start < TITLE_WORDS and end not in taken \
                and (is_capitalised(doc[end]) and doc[end].is_alpha
                     or doc[end].lower_ in TITLE_SMALL_WORDS and end > start and end + 1 < len(doc)
                     and is_capitalised(doc[end + 1])):
            end += 1
        # the tagger reads 'the quiz show' as a verb too; not 'photos show X', 'to play X'
        read_as_noun = noun.pos_ == "NOUN" or noun.i > 0 and (doc[noun.i - 1].pos_ in {"DET", "ADJ"}
                                                             or doc[noun.i - 1].tag_ == "NN")
        if not noun.is_lower or not read_as_noun or end == start or lower_key(doc[start]) in MONTHS_AND_DAYS \
                or doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "B" and end - start == 2 \
                and first_name_gender(doc[start].lower_) or end < len(doc) and doc[end].tag_ == "POS":
            continue
        found.append(named_by_context(doc[start:end], "WORK"))
        taken.update(range(start, end))
    return found


def titled_names(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'told The Courier', 'posted on The Beacon': 'The' written capitalised inside a sentence opens a title, and the
    proper nouns after it name an outlet (or a band, a work), whatever NER makes of them (a creed, nothing)."""
    found = []
    for article in tokens_spelling(doc, text, {"the"}):
        if article.text != "The" or article.is_sent_start or article.i in taken \
                or article.i > 0 and (doc[article.i - 1].is_punct or doc[article.i - 1].is_space):
            continue  # after a colon, a quotation mark or a line break 'The' may open a sentence
        end = article.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) and end not in taken \
                and doc[end].ent_type_ in {"", "NORP", "PRODUCT", "WORK_OF_ART"} and end - article.i <= 3:
            end += 1
        if end == article.i + 1 or end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) \
                or lower_key(doc[article.i + 1]) in MONTHS_AND_DAYS:
            continue
        found.append(named_by_context(doc[article.i:end], "ORG"))
        taken.update(range(article.i, end))
    return found


def named_after_organisation_noun(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the hacker group Zephyr', 'the news agency KTV', 'environmental charity Greenleaf': a proper noun right
    after a lower-case noun for an organisation is that organisation's name, whatever NER makes of it."""
    found = []
    for noun in tokens_spelling(doc, text, ORG_NOUNS | MEDIA_NOUNS):
        if not (noun.is_lower and noun.pos_ == "NOUN"):
            continue
        start = end = noun.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) \
                and doc[end].ent_type_ in {"", "PRODUCT", "ORG", "WORK_OF_ART", "NORP"} and end - start < 4:
            end += 1
        if end == start or any(i in taken for i in range(start, end)) or doc[start].is_sent_start \
                or lower_key(doc[start]) in _NOT_FIRST_WORDS_OF_ORGANISATIONS \
                or first_name_gender(doc[start].lower_) or end < len(doc) and doc[end].tag_ == "POS":
            continue
        found.append(named_by_context(doc[start:end], "ORG"))
        taken.update(range(start, end))
    return found


def untagged_places(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'built in Montauban', 'a hall on Tanner Street', 'Ann Lee of Montauban': proper nouns NER missed right after
    'in', 'near'… (or after 'on' or 'at' when they end in a street or building word, or after a person's name and
    'of') are a place; not a possessor or a first name ('in Ann's view')."""
    found = []
    for index in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]:
        start = int(index)
        preposition = doc[start - 1].lower_ if start > 0 else ""
        from_a_place = preposition == "of" and start > 1 and doc[start - 2].ent_type_ == "PERSON"
        if preposition not in PLACE_PREPOSITIONS | {"on", "at"} and not from_a_place or start in taken:
            continue
        end = start
        while end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) and not doc[end].ent_type_ \
                and end not in taken and lower_key(doc[end]) not in MONTHS_AND_DAYS:
            end += 1
        last = doc[end - 1] if end > start else None
        if last is None or end < len(doc) and doc[end].tag_ == "POS":
            continue
        # a first name after 'in' may be a person's ('in Ann's view'); alone after 'Ann Lee of' it is the place
        if last.lower_ not in PLACE_HEADS and (preposition in {"on", "at"} or first_name_gender(doc[start].lower_)
                                                and not (from_a_place and end - start == 1)):
            continue
        found.append(Candidate(start, end, "PLACE", "name", key=normalise(doc[start:end].text)))
        taken.update(range(start, end))
    return found


# Words before a place's name that make a word that is also a first name the place ('Bob Lee of Virginia').
PLACE_WORDS_BEFORE = {"of", "in", "from", "near", "-"}
# Shortest name read as a known place when NER left it untagged: shorter ones are as often abbreviations or words.
KNOWN_PLACE_LETTERS = 4
# 'South', 'Central': words for a part of a place, which some countries also call a subdivision.
PLACE_QUALIFIERS = frozenset(data_table("relations")["place_qualifiers"]["words"])


def untagged_known_places(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'a Nebraska Democrat', 'D-Nebraska', 'near Kendal, Cumbria,', 'Osaka-based': capitalised proper nouns NER left
    untagged that name a country, a subdivision (ISO 3166) or a city of 100,000 people (GeoNames), or 'Greater'
    and such a city, are that place;
    a name that is also a first name only after 'of', 'in', 'from', 'near' or a hyphen. Not before another name
    ('Del. Ann Lee': a title), though before a party's member ('a Nebraska Democrat')."""
    found = []
    for index in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]:
        start = int(index)
        if start in taken or doc[start].ent_type_ or start > 0 and _untagged_name_word(doc[start - 1]):
            continue
        end = start
        while end < len(doc) and end - start < 3 and end not in taken and _untagged_name_word(doc[end]):
            end += 1
        span = doc[start:end]
        before = doc[start - 1] if start > 0 else None
        if end == start or end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) \
                and doc[end].ent_type_ != "NORP" \
                or len(span.text) < KNOWN_PLACE_LETTERS \
                or span[0].is_sent_start or any(t.is_upper for t in span) or not _known_place_name(span) \
                or span[0].lower_ in PLACE_QUALIFIERS \
                or before is not None and (lower_key(before) in HONORIFICS or before.tag_ == "POS"
                                           or before.ent_type_ == "PERSON" and not before.is_punct) \
                or is_first_name(span[0].lower_) and (before is None or before.lower_ not in PLACE_WORDS_BEFORE):
            continue
        found.append(Candidate(start, end, "PLACE", "name", key=normalise(span.text)))
        taken.update(range(start, end))
    return found


def _known_place_name(span: Span) -> bool:
    """A known place, or 'Greater' and a known city ('Greater Kelsby': the city and the towns around it)."""
    key = normalise(span.text)
    return is_known_place(key) or len(span) > 1 and span[0].lower_ == "greater" \
        and is_known_place(key[len("greater "):])


def _untagged_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and is_capitalised(token) and not token.ent_type_


def untagged_places_with_common_heads(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'trains stop at Vellano station': proper nouns NER missed before a lower-case place noun they modify are
    one place with it."""
    found = []
    for noun in tokens_spelling(doc, text, COMMON_PLACE_HEADS):
        start = noun.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and is_capitalised(doc[start - 1]) \
                and doc[start - 1].head.i == noun.i and doc[start - 1].dep_ == "compound" \
                and not doc[start - 1].ent_type_ and start - 1 not in taken:
            start -= 1
        if start == noun.i or not noun.is_lower or noun.tag_ != "NN" or noun.i in taken:
            continue
        found.append(named_by_context(doc[start:noun.i + 1], "PLACE"))
        taken.update(range(start, noun.i + 1))
    return found


def untagged_areas(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'in the Tai Lam neighbourhood': proper nouns NER missed before a lower-case area noun they modify are a
    place, named with its noun and without, as news writes either."""
    found = []
    for noun in tokens_spelling(doc, text, AREA_NOUNS):
        start = noun.i
        while start > 0 and _untagged_name_word(doc[start - 1]) and start - 1 not in taken:
            start -= 1
        if start == noun.i or not noun.is_lower or noun.tag_ != "NN" or noun.i in taken \
                or noun.dep_ in {"compound", "amod"} or doc[start:noun.i].root.head.i != noun.i \
                or start > 0 and is_capitalised(doc[start - 1]):  # a name cut short by a word NER tagged
            continue
        found += area_place(doc, start, noun.i, noun.i + 1)
        taken.update(range(start, noun.i + 1))
    return found


# Longer runs of capitals are not a title, and finding the root of each such run for each of its words
# grew with the square of the run ('Mr. ' 49,000 times took minutes).
WORK_TITLE_TOKENS = 12


def untagged_works(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Titles NER missed, set beside a noun for a work: 'his memoir Long Shadows', 'her novel, Still Rivers'."""
    found = []
    for index in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]:
        token = doc[int(index)]
        if token.i in taken or not is_capitalised(token) or token.ent_type_:
            continue
        span = doc[token.left_edge.i:token.i + 1]
        if len(span) > WORK_TITLE_TOKENS:
            continue
        if names_work(span) and span.root.i == token.i and not any(i in taken for i in range(span.start, span.end)) \
                and all(is_capitalised(t) for t in span):
            found.append(named_by_context(span, "WORK"))
            taken.update(range(span.start, span.end))
    return found


def bare_titles(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the King', 'the Prime Minister': a capitalised title after 'the' standing for one person."""
    found = []
    for token in tokens_spelling(doc, text, {title.split()[0] for title in BARE_TITLES}):
        i = token.i
        if i == 0 or i in taken or doc[i - 1].lower_ != "the" or not is_capitalised(token):
            continue
        match = title_at(doc, i, BARE_TITLES)
        if not match or not all(is_capitalised(t) for t in doc[i:i + match[1]]):
            continue
        after = doc[i + match[1]] if i + match[1] < len(doc) else None
        if after is not None and (after.pos_ == "PROPN" or after.lower_ == "of"):
            continue  # a form of address before a name, or a title of a place
        named_after = i + match[1] + 1 < len(doc) and after.lower_ in {"'s", "’s"} and is_capitalised(
            doc[i + match[1] + 1])
        if named_after:
            continue  # "the Queen's Medical Centre": part of the name of a place or body
        title = TITLE_SHORT_FORMS.get(match[0], match[0])  # "the PM" is "the Prime Minister"
        found.append(Candidate(i - 1, i + match[1], "PERSON", "title", titles=frozenset([title]),
                               gender=honorific_gender(title)))
        taken.update(range(i - 1, i + match[1]))
    return found


def styles_of_office(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'His Majesty', 'His Holiness': the style stands for the one holding that title ('the King')."""
    found = []
    for token in tokens_spelling(doc, text, {style.split()[-1] for style in STYLES_OF_OFFICE}):
        for length in (3, 2):
            words = doc[max(token.i - length + 1, 0):token.i + 1]
            title = STYLES_OF_OFFICE.get(" ".join(t.lower_ for t in words)) if len(words) == length else None
            if title is None or not all(is_capitalised(t) for t in words) or any(t.i in taken for t in words):
                continue
            after = doc[words.end:words.end + 2]
            if len(after) == 2 and after[0].lower_ in {"'s", "’s"} and is_capitalised(after[1]):
                break  # "Her Majesty's Prison Service": part of a name
            found.append(Candidate(words.start, words.end, "PERSON", "title", titles=frozenset([title]),
                                   gender=honorific_gender(title)))
            taken.update(range(words.start, words.end))
            break
    return found


def descriptive_mentions(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'an Ashford Games event': a name modifying a generic noun of its type refers to the same thing."""
    found = []
    for candidate in candidates:
        heads = DESCRIPTIVE_HEADS.get(candidate.type)
        if not heads:
            continue
        root = doc[candidate.start:candidate.end].root
        head = root.head
        if root.dep_ == "compound" and head.i >= candidate.end and head.lower_ in heads:
            found.append(Candidate(head.left_edge.i, head.i + 1, candidate.type, "description", key=candidate.key))
    return found


def shared_surnames(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'Ann and Tom Reed': a first name, 'and', then a full name share its surname, so the first is Ann Reed, whatever
    NER makes of 'Ann' (a person, a place, nothing); not after a capitalised word ('Ann Lee and Tom Reed') or a
    person's name and 'of' ('Ann Lee of Kelsby and Tom Reed of Dunmore': where she is from), nor when the article gives
    that first name another surname."""
    surnames = {c.personal[0]: c.personal[-1] for c in candidates if c.type == "PERSON" and len(c.personal) > 1}
    at = {(c.start, c.end): c for c in candidates}
    covered = {i: c for c in candidates for i in range(c.start, c.end)}
    found = []
    for full in (c for c in candidates if c.type == "PERSON" and len(c.personal) > 1 and not c.titles):
        i = full.start - 2
        if i < 0 or doc[full.start - 1].lower_ != "and" or not is_capitalised(doc[i]) \
                or first_name_gender(doc[i].lower_) is None \
                or i > 0 and is_capitalised(doc[i - 1]) and doc[i - 1].pos_ == "PROPN" \
                or i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].ent_type_ == "PERSON" \
                or i in covered and (i, i + 1) not in at \
                or surnames.get(doc[i].lower_, full.personal[-1]) != full.personal[-1]:
            continue
        found.append(Candidate(i, i + 1, "PERSON", "name", personal=(doc[i].lower_, full.personal[-1]),
                               gender=first_name_gender(doc[i].lower_)))
    replaced = {(c.start, c.end) for c in found}
    return [c for c in candidates if (c.start, c.end) not in replaced] + found
