"""Names an article's layout gives that NER misses: a transcript's speaker labels, a results table's rows,
a heading of two places, a wire story's dateline and the agency it credits, and the news outlets it cites
("told The Kelsby Courier", "state broadcaster KTV", "the KXE")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..lexicon import HONORIFICS, PERSON_ROLE_NOUNS
from .candidates import Candidate, named_by_context, person_name
from .places import is_known_place
from .words import ENTITY_WORDS, NEWSPAPER_ENDINGS, first_name_gender, is_capitalised, normalise, tokens_spelling


# A transcript line's speaker label: 'HOST:', 'COLLINS:' at the start of a line.
SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):", re.MULTILINE)


def transcript_speakers(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """In a transcript (two or more lines opening with a label), a label is a person when its words are
    written as a name elsewhere in the article ('THORNE:' after 'Mayor Thorne'), and no name otherwise
    ('HOST:'); all its tokens are taken either way, so NER's guesses on capitals are dropped."""
    labels = [doc.char_span(m.start(1), m.end(1)) for m in SPEAKER_LABEL.finditer(text)]
    labels = [label for label in labels
              if label is not None and not any(i in taken for i in range(label.start, label.end))]
    if len(labels) < 2:
        return []
    written_names = {t.lower_ for t in doc if t.pos_ == "PROPN" and is_capitalised(t) and not t.is_upper}
    found = []
    for label in labels:
        taken.update(range(label.start, label.end))
        if all(t.lower_ in written_names for t in label) and (person := person_name(doc, label.start, label.end)):
            found.append(person)
    return found


# A row of a results table: a name, a count and a share in brackets ('Kelsby First 1,204 (38.2 per cent, +4.1)').
RESULT_ROW = re.compile(r"(?:^|(?<=\) )|(?<=\)\n))"
                        r"((?:[A-Z][\w'’.-]*|&|and|of|the)(?: (?:[A-Z][\w'’.-]*|&|and|of|the))*)"
                        r" \d[\d,]* \(\d+(?:\.\d+)?(?: per cent|%)", re.MULTILINE)


def result_rows(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """In an election results table, the name before each count and share is a party's (or a candidate's, when
    it opens with a first name), whatever NER makes of the table."""
    found = []
    for match in RESULT_ROW.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or span[0].lower_ in ENTITY_WORDS["not_contestants"] \
                or any(i in taken for i in range(span.start, span.end)):
            continue
        person = person_name(doc, span.start, span.end) if len(span) > 1 and first_name_gender(span[0].lower_) \
            else None
        found.append(person or Candidate(span.start, span.end, "ORG", "name", key=normalise(span.text),
                                         typed_by_context=True))
        taken.update(range(span.start, span.end))
    return found


# A heading line of two places joined by a dash, the larger first ('Kelsby – Mill Ward', 'Dunmere – North & East').
PLACE_HEADING = re.compile(r"^((?:[A-Z][\w'’.-]*|&|and|of|St)(?:,? (?:[A-Z][\w'’.-]*|&|and|of))*) [–—-] "
                           r"((?:[A-Z][\w'’.-]*|&|and|of|St)(?:,? (?:[A-Z][\w'’.-]*|&|and|of))*)$", re.MULTILINE)


def place_headings(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """A line holding only two capitalised names joined by a dash heads a results table or a section: an area and
    a ward within it, both places."""
    found = []
    for match in PLACE_HEADING.finditer(text):
        for group in (1, 2):
            span = doc.char_span(match.start(group), match.end(group))
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            found.append(named_by_context(span, "PLACE"))
            taken.update(range(span.start, span.end))
    return found


# A wire story's dateline: a place in capitals opening a line, before a comma, a bracketed agency or a dash
# ('OSLO, March 3 (Reuters) -', 'SAN FRANCISCO (AP) —', 'WASHINGTON —', 'ST. LOUIS (AP) —').
DATELINE = re.compile(r"^([A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z]){0,3})(?=,| \(| [—–-] )", re.MULTILINE)


# 'KELSBY: The police…', the dateline of South Asian papers; 'UPDATE:' or 'EXCLUSIVE:' open a story alike.
COLON_DATELINE = re.compile(r"^([A-Z][A-Z'’-]*[A-Z](?: [A-Z][A-Z'’-]*[A-Z]){0,2}): [A-Z]", re.MULTILINE)


def _colon_dateline(text: str) -> re.Match | None:
    """A dateline before a colon, taken only when it names a known place (a country, a subdivision or a city of
    100,000 people), which no label such as 'UPDATE' is."""
    match = COLON_DATELINE.search(text, 0, DATELINE_REACH)
    return match if match is not None and is_known_place(match.group(1).lower()) else None


# How far into an article its dateline may stand: after the headline and perhaps a standfirst. Capitals
# opening a later paragraph are more often an acronym ('NATO, which…').
DATELINE_REACH = 400


# The news agency a dateline credits, in brackets before the dash: 'KELSBY, May 2 (Acme News) -'.
DATELINE_AGENCY = re.compile(r"[^\n()]{0,40}\(([A-Za-z][\w.&'’ -]{0,40}[\w.])\) ?[—–-] ")


def datelines(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """The dateline is a place, whether NER tags it in full ('PORT ALDEN' as 'ALDEN'), wrongly or not at all;
    the agency it credits is an organisation."""
    match = DATELINE.search(text, 0, DATELINE_REACH) or _colon_dateline(text)
    span = doc.char_span(match.start(1), match.end(1)) if match else None
    if span is None or any(i in taken for i in range(span.start, span.end)):
        return []
    taken.update(range(span.start, span.end))
    found = [named_by_context(span, "PLACE")]
    agency = DATELINE_AGENCY.match(text, match.end(1))
    credited = doc.char_span(agency.start(1), agency.end(1)) if agency else None
    if credited is not None and not any(i in taken for i in range(credited.start, credited.end)):
        taken.update(range(credited.start, credited.end))
        found.append(named_by_context(credited, "ORG"))
    return found


def newspapers(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'told the Courier', 'the Sunday Mercury reported': capitalised words after 'the' ending in a newspaper's word
    name a newspaper, whatever NER makes of them (a person, a day and a planet); not when the name runs on ('the Post
    Office', 'the Journal of Kelsby Studies') or opens a sentence where the tagger reads a common noun ('The Sun
    rose')."""
    found = []
    for word in tokens_spelling(doc, text, NEWSPAPER_ENDINGS):
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        joined = after is not None and after.lower_ in {"of", "&", "and", "-", "–"} and word.i + 2 < len(doc) \
            and is_capitalised(doc[word.i + 2])  # 'the Medical Journal of Kelsby'
        if not is_capitalised(word) or word.is_upper or joined or after is not None and is_capitalised(after) \
                and after.pos_ == "PROPN":
            continue
        start = word.i
        while start > 0 and is_capitalised(doc[start - 1]) and doc[start - 1].lower_ != "the" \
                and not doc[start - 1].is_sent_start and start > word.i - 3:
            start -= 1
        article = doc[start - 1] if start > 0 else None
        if article is None or article.lower_ != "the" or article.is_sent_start and word.pos_ != "PROPN" \
                or any(i in taken for i in range(start, word.i + 1)):
            continue
        taken.update(range(start, word.i + 1))
        found.append(named_by_context(doc[start:word.i + 1], "ORG"))
    return found


# Nouns for a news outlet written before its name: 'state broadcaster KTV', 'the news agency AFX'.
MEDIA_NOUNS = {"broadcaster", "channel", "network", "agency", "outlet", "newspaper", "daily", "tabloid", "website",
               "radio", "television", "station", "paper", "wire"}


def untagged_outlets(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'told KTV', 'told NewsWire', 'public broadcaster KTV', 'on the KSE': an abbreviation, or a word with a capital
    inside ('NewsWire'), NER missed that someone tells something to, that a noun for a news outlet comes before,
    or that stands alone after 'the' (an abbreviation that is no job's, place's or common noun's), is an
    organisation."""
    found = []
    for word in doc:
        if not word.is_alpha or word.is_lower or word.i in taken or word.ent_type_:
            continue  # a word in lower case is neither an abbreviation nor has a capital inside
        camel = is_capitalised(word) and not word.is_title and INNER_CAPITAL.search(word.text) is not None
        if not (word.is_upper and 2 <= len(word) <= 6 or camel) or word.is_sent_start:
            continue
        told = word.dep_ in {"dobj", "dative"} and word.head.lemma_ == "tell"
        outlet = any(c.dep_ == "compound" and c.lemma_.lower() in MEDIA_NOUNS for c in word.children)
        alone = not camel and word.i > 0 and doc[word.i - 1].lower_ == "the" and word.pos_ == "PROPN" \
            and word.dep_ not in {"compound", "amod", "nmod", "poss"} \
            and word.lower_ not in _NOT_OUTLETS \
            and not is_known_place(word.lower_)
        if told or outlet or alone:
            taken.add(word.i)
            found.append(named_by_context(doc[word.i:word.i + 1], "ORG"))
    return found


COMMON_ABBREVIATIONS = frozenset(ENTITY_WORDS["common_abbreviations"])
# A word in capitals after "the" that is no outlet: a job, a form of address, a common abbreviation.
_NOT_OUTLETS = PERSON_ROLE_NOUNS | HONORIFICS.keys() | COMMON_ABBREVIATIONS
# A capital after a small letter inside a word: 'NewsWire', not the plural 'MPs'.
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


# US news writes a legislator's party and home after the name: 'Sen. Ann Lee, D-Kelsby,', 'Rep. Tom Reed (R-Ohio)'.
# The letter is the party (Democrat, Republican, Independent); what follows the hyphen is a town or a state.
PARTY_HOME = re.compile(r"(?:(?<=, )|(?<=\())[DRI]-([A-Z][A-Za-z.'’]*(?: [A-Z][A-Za-z.'’]*){0,2})(?=[,)])")


def party_hometowns(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Ann Lee, R-Kelsby,': the town or state after a party's letter and a hyphen is a place, which NER tags with the
    letter ('D-Kelsby' as one place) or not at all."""
    found = []
    for match in PARTY_HOME.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        found.append(named_by_context(span, "PLACE"))
    return found
