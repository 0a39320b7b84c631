"""Who is in it: people, organisations, places, events and works, each one entity with all its mentions.

spaCy's NER finds the names. The rest is written here because no maintained library does it for news
in English without a large model: repairing NER's typical slips on news, merging the forms a name takes
("Prince Edmund", "Edmund", "the Duke of Glenmoor", "the Duke"), and resolving the pronouns, kinship
descriptions ("his father") and role descriptions ("the chair of the board", later "the chair", "the
34-year-old", "the company") that point back at a person or organisation. The resolver is deliberately
conservative: two different people must never end up in one entity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    ALIAS_CUES,
    ALIAS_CUES_OF_PEOPLE,
    BARE_TITLES,
    COMPANY_NOUNS,
    COURTESY_TITLES,
    DESCRIPTIVE_HEADS,
    EVENT_HEADS,
    HONORIFIC_GENDER_OVERRIDES,
    HONORIFICS,
    INSTITUTION_SYNONYMS,
    KINSHIP,
    LANDMARK_HEADS,
    MONARCHS,
    MONTHS_AND_DAYS,
    ORG_HEADS,
    ORG_NOUNS,
    OTHER_COMPANY_WORDS,
    PEERAGES,
    PERSON_ROLE_NOUNS,
    PERSONAL_PRONOUNS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLURAL_PRONOUNS,
    REFLEXIVE_PRONOUNS,
    ROYAL_HONORIFICS,
    STATEMENT_VERBS,
    STYLES_BEFORE_NAMES,
    STYLES_OF_OFFICE,
    SURNAME_PARTICLES,
    TEEN_NOUNS,
    TITLES_OF_PLACE,
    UNNAMED_PERSON_NOUNS,
    WORK_NOUNS,
    quote_cues,
)
from .nlp import Parsed
from .parse import sentence_start
from .quote_marks import SINGLE_EITHER, SINGLE_OPEN, quotations
from .schema import Entity, FactSheet, Mention

# spaCy's OntoNotes labels and the entity type each becomes; labels left out are not entities here.
SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
               "EVENT": "EVENT", "WORK_OF_ART": "WORK", "PRODUCT": "WORK"}
LOCATIVE_PREPOSITIONS = {"from", "in", "at", "to", "near", "outside", "inside", "into", "across", "around"}
# Prepositions after which a lone word NER calls a person, never given a first name or title, is a place
# ('born in Kelsby'); 'from', 'at' or 'with' are as often said of people.
PLACE_PREPOSITIONS = {"in", "near", "outside", "inside", "across", "throughout", "around"}
# Prepositions that end one name and start another when NER runs them together ('X on Bridge Street').
NAME_SPLITTING_PREPOSITIONS = {"on", "in", "at", "near", "outside"}
# How many sentences back a pronoun or a kinship description may look for what it refers to.
PRONOUN_WINDOW = 3
KINSHIP_WINDOW = 1
SINGLE_MARKS = SINGLE_OPEN | SINGLE_EITHER
# NER labels of numbers, dates and amounts: a word NER gave one is no surname ('May' the month). Under
# other labels NER dropped ('Cole' as a product) a known person's name word is still theirs.
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Dependencies only a verb takes: a word the parser attaches so is no name.
VERB_DEPENDENCIES = {"advcl", "xcomp", "ccomp", "relcl", "acl"}


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


@dataclass(eq=False)
class Cluster:
    """An entity under construction."""

    type: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start token, end token, kind)
    personal: set[tuple[str, ...]] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    places: set[tuple[str, str]] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    types: Counter = field(default_factory=Counter)
    gender: str | None = None
    kin: dict[str, Cluster] = field(default_factory=dict)  # "father" -> that person's cluster
    described_as: str | None = None  # for a relative known only by description: "father of <cluster>"
    described_of: Cluster | None = None

    @property
    def first(self) -> int:
        return min(start for start, _, _ in self.mentions)

    @property
    def name_tokens(self) -> set[str]:
        return {token for name in self.personal for token in name}

    def add(self, candidate: Candidate) -> None:
        self.mentions.append((candidate.start, candidate.end, candidate.kind))
        if candidate.personal:
            self.personal.add(candidate.personal)
        self.titles |= candidate.titles
        if candidate.place:
            self.places.add((next(iter(candidate.titles)), candidate.place))
        if candidate.key:
            self.keys.add(candidate.key)
        self.types[candidate.type] += 1
        self.gender = self.gender or candidate.gender


def find_entities(parsed: Parsed, sheet: FactSheet) -> list[Entity]:
    """All entities of the article, each with its merged mentions, in order of first mention."""
    doc = parsed.doc
    clusters = cluster_names(doc, parsed.text, name_candidates(doc, parsed.text))
    add_role_descriptions(doc, parsed.text, clusters)
    add_unnamed_people(doc, parsed.text, clusters)
    add_organisation_descriptions(doc, parsed.text, clusters)
    add_place_descriptions(doc, clusters)
    refer_to_named_by_head(doc, parsed.text, [k for k in clusters if k.type == "PLACE"], LANDMARK_HEADS, {})
    resolve_references(doc, parsed.text, clusters)
    resolve_group_pronouns(doc, parsed.text, clusters)
    return to_entities(doc, clusters)


# --- finding names -------------------------------------------------------------------------------------


def lower_key(token: Token) -> str:
    return token.lower_.rstrip(".")


def title_at(doc: Doc, i: int, table) -> tuple[str, int] | None:
    """The title or form of address from `table` that starts at token i, and its length in tokens."""
    if i + 1 < len(doc):
        two = f"{lower_key(doc[i])} {lower_key(doc[i + 1])}"
        if two in table:
            return two, 2
    single = lower_key(doc[i])
    return (single, 1) if single in table else None


@lru_cache(maxsize=32)
def word_pattern(words: frozenset[str]) -> re.Pattern:
    alternatives = sorted((re.escape(word) for word in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


# A word the tokenizer keeps whole, so it can be looked up by a token's spelling ('mr', "o'brien", 'st.').
ONE_TOKEN_WORD = re.compile(r"[\w'’.]+")
WORD_INDEX = "newsfacts_word_index"


def word_index(doc: Doc) -> dict[str, list[int]]:
    """Token indices by lower-case spelling, also without a closing full stop ('Mr.'), built once per Doc:
    the entity stage asks for tokens by spelling a dozen times per article."""
    index = doc.user_data.get(WORD_INDEX)
    if index is None:
        index = {}
        for token in doc:
            index.setdefault(token.lower_, []).append(token.i)
            if len(token) > 1 and token.lower_.endswith("."):
                index.setdefault(token.lower_[:-1], []).append(token.i)
        doc.user_data[WORD_INDEX] = index
    return index


def tokens_spelling(doc: Doc, text: str, words) -> list[Token]:
    """Tokens that start one of `words` (any case), in text order: words the tokenizer keeps whole are looked
    up by spelling, others ('start-up') found by a regex over the text."""
    index = word_index(doc)
    positions = set()
    rest = set()
    for word in words:
        key = word.lower()
        if ONE_TOKEN_WORD.fullmatch(key):
            positions.update(index.get(key, ()))
        else:
            rest.add(word)
    for match in word_pattern(frozenset(rest)).finditer(text) if rest else ():
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and span.start_char == match.start():
            positions.add(span.start)
    return [doc[i] for i in sorted(positions)]


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def honorific_gender(key: str) -> str | None:
    return HONORIFIC_GENDER_OVERRIDES.get(key, HONORIFICS.get(key))


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive marker and punctuation from a span."""
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def with_article(doc: Doc, start: int) -> int:
    return start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start


def name_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Names and titles of the article, with NER's typical slips on news repaired."""
    candidates = titles_of_place(doc, text)
    taken = {i for c in candidates for i in range(c.start, c.end)}
    candidates += transcript_speakers(doc, text, taken)
    candidates += datelines(doc, text, taken)
    candidates += styles_of_office(doc, text, taken)
    candidates += double_first_names(doc, text, taken)
    addressed = addressed_words(doc, text)
    headline_names = title_case_headline_names(doc, text)
    ents = [part for ent in doc.ents for part in (headline_names.trim(ent) if ent.end <= headline_names.end else [ent])]
    for ent in ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        for candidate in from_ner(doc, ent, addressed):
            candidates.append(candidate)
            taken.update(range(candidate.start, candidate.end))
    candidates += untagged_addressed_names(doc, text, taken)
    candidates += untagged_full_names(doc, taken)
    candidates += untagged_employers(doc, taken)
    candidates += untagged_institutions(doc, text, taken)
    candidates += untagged_places(doc, taken)
    candidates += untagged_works(doc, taken)
    candidates += bare_titles(doc, text, taken)
    candidates += descriptive_mentions(doc, candidates)
    return sorted(candidates, key=lambda c: (c.start, -c.end))


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


@dataclass
class HeadlineNames:
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


def title_case_headline_names(doc: Doc, text: str) -> HeadlineNames:
    line_end = text.find("\n")
    headline = doc.char_span(0, line_end, alignment_mode="expand") if line_end > 0 else None
    words = [t for t in headline if t.is_alpha and len(t) > 3] if headline is not None else []
    if len(words) < HEADLINE_WORDS or sum(map(is_capitalised, words)) < HEADLINE_CAPITALISED_SHARE * len(words):
        return HeadlineNames(text, 0)
    return HeadlineNames(text, words[-1].i + 1, line_end)


# A wire story's dateline: a place in capitals opening a line, before a comma, a bracketed agency or a dash
# ('OSLO, March 3 (Reuters) -', 'SAN FRANCISCO (AP) —', 'WASHINGTON —', 'ST. LOUIS (AP) —').
DATELINE = re.compile(r"^([A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z]){0,3})(?=,| \(| [—–-] )", re.MULTILINE)


# How far into an article its dateline may stand: after the headline and perhaps a standfirst. Capitals
# opening a later paragraph are more often an acronym ('NATO, which…').
DATELINE_REACH = 400


def datelines(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """The dateline is a place, whether NER tags it in full ('PORT ALDEN' as 'ALDEN'), wrongly or not at all."""
    match = DATELINE.search(text, 0, DATELINE_REACH)
    span = doc.char_span(match.start(1), match.end(1)) if match else None
    if span is None or any(i in taken for i in range(span.start, span.end)):
        return []
    taken.update(range(span.start, span.end))
    return [named_by_context(span, "PLACE")]


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
        if j > place_start and not (j < len(doc) and j in person_starts):
            key = match[0]
            place = " ".join(t.lower_ for t in doc[place_start:j])
            found.append(Candidate(with_article(doc, i), j, "PERSON", "title", titles=frozenset([key]),
                                   place=place, gender=honorific_gender(key)))
            resume = j
    return found


def addressed_words(doc: Doc, text: str) -> set[str]:
    """Capitalised words written right after a form of address ('Mr Brannigan'): surnames, whatever NER says."""
    found = set()
    for token in tokens_spelling(doc, text, {title.split()[0] for title in HONORIFICS}):
        match = title_at(doc, token.i, HONORIFICS) if is_capitalised(token) else None
        after = token.i + match[1] if match else len(doc)
        if after < len(doc) and doc[after].pos_ == "PROPN" and is_capitalised(doc[after]):
            found.add(doc[after].lower_)
    return found


def from_ner(doc: Doc, ent: Span, addressed: set[str]) -> list[Candidate]:
    start, end = trim(doc, ent.start, ent.end)
    if start >= end:
        return []
    label = ent.label_
    if (at := preposition_between_names(doc, start, end)) is not None:
        # NER ran a shop and its street into one name: "Hart & Pell on Mill Lane"
        return [candidate for part in (Span(doc, start, at, label=label), Span(doc, at + 1, end, label=label))
                for candidate in from_ner(doc, part, addressed)]
    if label in {"DATE", "TIME"}:
        return place_before_time(doc, start, end)
    words = [t for t in doc[start:end] if t.lower_ != "the"]
    bare = title_at(doc, words[0].i, BARE_TITLES) if words else None
    if bare and bare[1] == len(words) and is_capitalised(words[0]) and with_article(doc, words[0].i) < words[0].i:
        # A title alone after "the", often mis-tagged as an organisation ("the King's" as ORG).
        return [Candidate(with_article(doc, words[0].i), end, "PERSON", "title", titles=frozenset([bare[0]]),
                          gender=honorific_gender(bare[0]))]
    kind = SPACY_TYPES.get(label)
    span = doc[start:end]
    full_name_addressed = len(span) > 1 and all(t.pos_ == "PROPN" for t in span) and span[-1].lower_ in addressed
    address = title_at(doc, words[0].i, HONORIFICS) if words else None
    # "the Rt Rev Ann Lee", "Mr Tom Reed" tagged as an organisation: a form of address only a person takes
    styled = address is not None and address[0] in COURTESY_TITLES | STYLES_BEFORE_NAMES and len(words) > address[1] \
        and all(t.pos_ == "PROPN" and is_capitalised(t) for t in words[address[1]:])
    if label == "PERSON" and len(span) == 1 and (span[0].pos_ == "VERB" or span[0].dep_ in VERB_DEPENDENCIES):
        return []  # "Defending, Tom Reed said": a participle opening a sentence, whatever its tag
    if generic_organisation_word(span):
        return []
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in ORG_HEADS:
        return [named_by_context(span, "ORG")]  # "X Police"
    if label == "PERSON" and start >= 2 and doc[start - 1].lower_ == "of" \
            and (lower_key(doc[start - 2]) in TITLES_OF_PLACE or doc[start - 2].text == ","):
        # "the mayor of Dunmere", "Ana Ruiz, of Kelsby,": what a title is held of, or where someone is from, is a
        # place, whatever NER says
        return [named_by_context(span, "PLACE")]
    if kind not in {None, "PLACE"} and (noun := place_noun_before(doc, start, end)) is not None \
            and (label != "PERSON" or noun.nbor().lower_ == "of"
                 or len(span) == 1 and not first_name_gender(span.text)):
        # "the border town of Kelsby", "the capital, Kelsby,"; but "In the region, Ann Lee said" is a person
        return [named_by_context(span, "PLACE")]
    if label != "WORK_OF_ART" and kind is not None and names_work(span):
        return [named_by_context(span, "WORK")]
    if label != "ORG" and kind is not None and beside_noun(span, ORG_NOUNS):
        return [named_by_context(span, "ORG")]  # "Acme, the Finnish carmaker,"
    if label == "PERSON" and len(span) == 1 and employer_of_role(span[0]):
        return [named_by_context(span, "ORG")]  # "Kelsby manager Ian Teale"
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
    if label == "PERSON" or kind is not None and (beside_person_noun(span) or full_name_addressed or styled
                                                  or alias_cue_before(doc, start, ALIAS_CUES_OF_PEOPLE) is not None):
        person = person_name(doc, start, end)
        return [person] if person else []
    if kind is None:
        return []
    head = doc[end - 1].lower_
    if label == "NORP" and doc[end - 1].tag_ != "NNPS":
        return []  # nationality adjectives ("British") are not organisations
    if label == "PRODUCT" and not beside_work_noun(doc[start:end]):
        return []
    if head in EVENT_HEADS and label not in {"PERSON", "GPE"}:
        kind = "EVENT"
    elif head in PLACE_HEADS and kind == "ORG" or label == "FAC":
        kind = "PLACE"
    elif head in ORG_HEADS and kind == "PLACE":
        kind = "ORG"
    if kind == "PLACE" and (label == "FAC" or head in PLACE_HEADS) and is_speaker(doc[start:end]):
        kind = "ORG"  # "the Palace confirmed": the building stands for the institution
    key = normalise(doc[start:end].text)
    return [Candidate(start, end, kind, "name", key=key)]


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


def first_name_mistagged(doc: Doc, i: int) -> bool:
    """Whether token i is a first name the tagger took for another word ('Per' as a preposition in 'Per Aasen',
    'Will' as a verb in 'Will Toms'): capitalised inside a sentence, a known first name."""
    word = doc[i] if 0 <= i < len(doc) else None
    return word is not None and is_capitalised(word) and not word.is_sent_start and word.pos_ not in {"PROPN", "NOUN"} \
        and lower_key(word) not in HONORIFICS and first_name_gender(word.lower_) is not None


def named_by_context(span: Span, kind: str) -> Candidate:
    """A name whose type the words around it give ('her novel, X'), whatever NER's label."""
    return Candidate(span.start, span.end, kind, "name", key=normalise(span.text), typed_by_context=True)


def preposition_between_names(doc: Doc, start: int, end: int) -> int | None:
    """A lower-case 'on' or 'in' with a name of two words or more either side, not hyphenated into a place name
    ('Southend-on-Sea')."""
    for i in range(start + 2, end - 2):
        if doc[i].lower_ in NAME_SPLITTING_PREPOSITIONS and doc[i].is_lower \
                and not {doc[i - 1].text, doc[i + 1].text} & {"-", "–"} and is_capitalised(doc[i + 1]):
            return i
    return None


def untagged_addressed_names(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """Names NER missed after a form of address: 'Detective Constable Ian Teale', 'Mrs Obiora'."""
    found = []
    for token in tokens_spelling(doc, text, {title.split()[0] for title in HONORIFICS}):
        i, courtesy = token.i, False
        while i < len(doc) and i not in taken and is_capitalised(doc[i]) and (match := title_at(doc, i, HONORIFICS)):
            courtesy = courtesy or match[0] in COURTESY_TITLES
            i += match[1]
        j = i
        while j < len(doc) and j - i < 3 and j not in taken and doc[j].pos_ == "PROPN" and is_capitalised(doc[j]) \
                and not doc[j].ent_type_:
            j += 1
        if i == token.i or j == i or (j - i < 2 and not courtesy) or doc[j - 1].lower_ in PLACE_HEADS | ORG_HEADS:
            continue
        person = person_name(doc, i, j)
        if person is not None and not any(k in taken for k in range(person.start, person.end)):
            found.append(person)
            taken.update(range(person.start, person.end))
    return found


def untagged_full_names(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'Democrat Elena Sandoval won…': a first name and a surname NER missed, when the article uses the surname
    alone elsewhere ('Sandoval said'); else another person sharing the surname would take all its repeats. The
    first name may be one the tagger took for another word ('Per Eide')."""
    proper = [doc[int(i)] for i in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]]
    proper = [t for t in proper if is_capitalised(t)]
    capitalised_elsewhere = Counter(t.lower_ for t in proper)
    found = []
    for first in proper + [doc[t.i - 1] for t in proper if first_name_mistagged(doc, t.i - 1)]:
        surname = doc[first.i + 1] if first.i + 1 < len(doc) else first
        if surname is first or not all((t.pos_ == "PROPN" or t is first) and is_capitalised(t) and not t.is_upper
                                       and t.i not in taken and t.ent_type_ in {"", "PERSON"}
                                       for t in (first, surname)) \
                or first.ent_type_ == surname.ent_type_ == "PERSON" or capitalised_elsewhere[surname.lower_] < 2 \
                or surname.lower_ in PLACE_HEADS | ORG_HEADS | EVENT_HEADS or not first_name_gender(first.lower_):
            continue
        after = doc[surname.i + 1] if surname.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and is_capitalised(after):
            continue  # part of a longer name
        if person := person_name(doc, first.i, surname.i + 1):
            found.append(person)
            taken.update(range(person.start, person.end))
    return found


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
                or surname.lower_ in PLACE_HEADS | ORG_HEADS | EVENT_HEADS or not first_name_gender(first.lower_) \
                or after is not None and after.pos_ == "PROPN" and is_capitalised(after):
            continue
        if "PERSON" in {first.ent_type_, second.ent_type_, surname.ent_type_} \
                or text.count(surname.text) > 1:
            person = person_name(doc, first.i, surname.i + 1)
            if person is not None:
                found.append(person)
                taken.update(range(person.start, person.end))
    return found


def employer_of_role(token: Token) -> bool:
    """'Acme' in 'Acme spokesman Tom Reed': a proper noun modifying a person's job names where they work."""
    role = token.head
    return (token.dep_ == "compound" and token.pos_ == "PROPN" and is_capitalised(token) and role.pos_ == "NOUN"
            and role.is_lower and role.lemma_.lower() in PERSON_ROLE_NOUNS and role.i > token.i)


def untagged_employers(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'Kelsby head coach Tom Reed', 'Acme spokesman Tom Reed': employers NER missed."""
    found = []
    for token in doc:
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


def generic_organisation_word(span: Span) -> bool:
    """'Union' in 'Union leaders said', 'Council' in 'Council officials': a generic organisation word alone,
    capitalised only because it opens a sentence, modifying a plural noun, names no organisation ('Council
    President Ann Lee' does: her body)."""
    word = span[0]
    return len(span) == 1 and word.lower_ in ORG_HEADS and word.dep_ == "compound" and word.head.tag_ == "NNS" \
        and word.head.i > word.i and word.is_sent_start


def untagged_institutions(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Kelsby Police said…': a run of capitalised proper nouns NER missed that ends in an organisation
    word is an organisation."""
    def untagged_name_word(i: int) -> bool:
        return doc[i].pos_ == "PROPN" and is_capitalised(doc[i]) and i not in taken and not doc[i].ent_type_

    found = []
    for head in tokens_spelling(doc, text, ORG_HEADS):
        end = head.i + 1
        if not untagged_name_word(head.i) or end < len(doc) and untagged_name_word(end):
            continue
        start = head.i
        while start > 0 and untagged_name_word(start - 1):
            start -= 1
        if end - start > 1:
            found.append(Candidate(start, end, "ORG", "name", key=normalise(doc[start:end].text)))
            taken.update(range(start, end))
    return found


def untagged_places(doc: Doc, taken: set[int]) -> list[Candidate]:
    """'built in Montauban', 'a hall on Tanner Street': proper nouns NER missed right after 'in', 'near'… (or after
    'on' when they end in a street word) are a place; not a possessor or a first name ('in Ann's view')."""
    found = []
    for index in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]:
        start = int(index)
        preposition = doc[start - 1].lower_ if start > 0 else ""
        if preposition not in PLACE_PREPOSITIONS | {"on"} or start in taken:
            continue
        end = start
        while end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) and not doc[end].ent_type_ \
                and end not in taken and lower_key(doc[end]) not in MONTHS_AND_DAYS:
            end += 1
        last = doc[end - 1] if end > start else None
        if last is None or end < len(doc) and doc[end].tag_ == "POS":
            continue
        if last.lower_ not in PLACE_HEADS and (preposition == "on" or first_name_gender(doc[start].lower_)):
            continue
        found.append(Candidate(start, end, "PLACE", "name", key=normalise(doc[start:end].text)))
        taken.update(range(start, end))
    return found


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
    personal = name_words(doc[inner:end].text)
    if not personal and not titles:
        return None
    if gender is None and len(personal) > 1:
        gender = first_name_gender(personal[0])
    return Candidate(start, end, "PERSON", "name", personal=personal, titles=frozenset(titles), gender=gender)


def name_words(text: str) -> tuple[str, ...]:
    """Lower-cased name words as written, so a hyphenated surname ("Lewis-Jones") stays one; a particle
    written in lower case joins the word after it ("de Vries", "van der Berg")."""
    words = [word.strip(",;:") for word in text.split()]
    words = [word for word in words if word and word.lower() != "the" and any(c.isalpha() for c in word)]
    joined: list[str] = []
    for index, word in enumerate(words):
        particle = " " if word in SURNAME_PARTICLES and index < len(words) - 1 else ""
        if joined and joined[-1].endswith(" "):
            joined[-1] += word.lower() + particle
        else:
            joined.append(word.lower() + particle)
    return tuple(joined)


@lru_cache(maxsize=1)
def first_name_genders():
    # gender-guesser ships a table of ~40,000 first names by country; loaded once per process.
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """'male' or 'female' for first names that are clearly one, else None ('Kim', 'Alex' stay open)."""
    guess = first_name_genders().get_gender(name.capitalize())
    return guess if guess in {"male", "female"} else None


def names_work(span: Span) -> bool:
    """'her debut The Glass Harbour', 'her novel, Still Rivers', 'Still Rivers, a drama': a name set beside a noun for
    a work is a title."""
    root = span.root
    return root.dep_ in {"appos", "compound"} and root.head.lower_ in WORK_NOUNS and root.head.i < span.start or any(
        child.dep_ == "appos" and child.lower_ in WORK_NOUNS for child in root.children)


def untagged_works(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Titles NER missed, set beside a noun for a work: 'his memoir Long Shadows', 'her novel, Still Rivers'."""
    found = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or not is_capitalised(token) or token.ent_type_:
            continue
        span = doc[token.left_edge.i:token.i + 1]
        if names_work(span) and span.root.i == token.i and not any(i in taken for i in range(span.start, span.end)) \
                and all(is_capitalised(t) for t in span):
            found.append(named_by_context(span, "WORK"))
            taken.update(range(span.start, span.end))
    return found


def beside_person_noun(span: Span) -> bool:
    """'its chief executive, Ines Vance', 'her husband, Sean': a name set beside a noun for a person is a
    person's, whatever label NER gave it."""
    return beside_noun(span, PERSON_ROLE_NOUNS | set(KINSHIP))


def beside_noun(span: Span, nouns: set[str]) -> bool:
    """Whether the name is in apposition to one of `nouns`, either side of it."""
    root = span.root
    beside = [root.head] if root.dep_ == "appos" else []
    beside += [child for child in root.children if child.dep_ == "appos"]
    return any(noun.pos_ == "NOUN" and noun.lemma_.lower() in nouns for noun in beside)


def place_before_time(doc: Doc, start: int, end: int) -> list[Candidate]:
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


def beside_work_noun(span: Span) -> bool:
    root = span.root
    return (root.dep_ in {"appos", "compound"} and root.head.lower_ in WORK_NOUNS) or any(
        child.lower_ in WORK_NOUNS for child in root.children
    ) or (span.start > 0 and span.doc[span.start - 1].lower_ in WORK_NOUNS)


def is_speaker(span: Span) -> bool:
    root = span.root
    verb = root.head.lemma_.lower()
    return root.dep_ in {"nsubj", "nsubjpass"} and (verb in quote_cues()["reporting_verbs"] or verb in STATEMENT_VERBS)


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
        found.append(Candidate(i - 1, i + match[1], "PERSON", "title", titles=frozenset([match[0]]),
                               gender=honorific_gender(match[0])))
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


def normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s?$", "", text).strip()


# --- merging names into entities ---------------------------------------------------------------------


def compatible(a: Cluster, b: Cluster) -> bool:
    """Whether two clusters may be one entity: never two different full names, genders or titled places."""
    if a.type != b.type and "PERSON" in (a.type, b.type):
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    full_a = {name for name in a.personal if len(name) > 1}
    full_b = {name for name in b.personal if len(name) > 1}
    if full_a and full_b and not any(same_full_name(x, y) for x in full_a for y in full_b):
        return False
    places_a, places_b = dict(a.places), dict(b.places)
    return not any(places_a[t] != places_b[t] for t in places_a.keys() & places_b.keys())


def same_full_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return a == b or (a[0] == b[0] and a[-1] == b[-1])


def merge(into: Cluster, other: Cluster, clusters: list[Cluster]) -> None:
    into.mentions += other.mentions
    into.personal |= other.personal
    into.titles |= other.titles
    into.places |= other.places
    into.keys |= other.keys
    into.types += other.types
    into.gender = into.gender or other.gender
    clusters.remove(other)


def nearest(clusters: list[Cluster], position: int) -> Cluster | None:
    """The cluster mentioned most recently before `position`, else the first mentioned after it."""
    def distance(cluster: Cluster) -> tuple[int, int]:
        before = [start for start, _, _ in cluster.mentions if start < position]
        return (0, position - max(before)) if before else (1, cluster.first - position)

    return min(clusters, key=distance) if clusters else None


def cluster_names(doc: Doc, text: str, candidates: list[Candidate]) -> list[Cluster]:
    clusters: list[Cluster] = []

    def new(candidate: Candidate) -> None:
        cluster = Cluster(candidate.type)
        cluster.add(candidate)
        clusters.append(cluster)

    # Words the article writes in lower case somewhere: a capitalised one may still be no name.
    lower_case_words = {token.text for token in doc if token.is_lower}
    candidates = settle_lone_words(doc, candidates, lower_case_words)
    people = [c for c in candidates if c.type == "PERSON"]
    # Full names first: they anchor the shorter forms.
    for c in (c for c in people if len(c.personal) > 1):
        match = next((k for k in clusters if any(same_full_name(c.personal, n) for n in k.personal)), None)
        match.add(c) if match else new(c)
    for c in (c for c in people if c.place):
        match = next((k for k in clusters if (next(iter(c.titles)), c.place) in k.places), None)
        match.add(c) if match else new(c)
    for c in (c for c in people if len(c.personal) == 1):
        match = short_name_owner(doc, c, short_name_owners(c, clusters))
        match.add(c) if match else new(c)
    for c in (c for c in people if not c.personal and not c.place):
        title = next(iter(c.titles))
        # "the Justice properties" in a story about Jim Justice: a surname, not a title.
        options = [k for k in clusters if k.type == "PERSON" and title in surnames(k)]
        options = options or [k for k in clusters if k.type == "PERSON" and title in k.titles]
        match = nearest(options, c.start)
        match.add(c) if match else new(c)
    for c in (c for c in candidates if c.type != "PERSON"):
        mistagged = surname_mistagged(c, doc, clusters)
        if mistagged is not None:
            person, name = mistagged
            person.add(name)
            continue
        match = next((k for k in clusters if c.key in k.keys and k.type != "PERSON"), None) or short_form_of(
            c, doc, clusters)
        match.add(c) if match else new(c)
    for cluster in clusters:
        cluster.type = cluster.types.most_common(1)[0][0] if cluster.type != "PERSON" else "PERSON"
    add_untagged_short_names(doc, text, clusters, lower_case_words)
    add_untagged_names_of_things(doc, text, clusters)
    merge_appositions(doc, clusters)
    merge_aliases(doc, clusters)
    merge_peerage_with_royal_name(clusters)
    merge_first_word_of_organisation(clusters)
    return clusters


def merge_first_word_of_organisation(clusters: list[Cluster]) -> None:
    """'Halvik' before 'Halvik Lines' is named, as well as after: an organisation known only by one word is the one
    company whose longer name starts with it. Not an institution named after its place ('Kelsby Magistrates'
    Court', 'Kelsby Police'), whose first word alone is the place."""
    organisations = [k for k in clusters if k.type == "ORG"]
    institution_words = (ORG_HEADS | PLACE_HEADS | {"court", "hospital"}) - COMPANY_NOUNS \
        - {"corporation", "plc", "inc", "ltd"}
    for short in organisations:
        words = {key for key in short.keys if " " not in key}
        if len(words) != 1 or words != short.keys:
            continue
        longer = [k for k in organisations if k is not short and any(
            key.split()[0] in words and " " in key and key.split()[-1] not in institution_words for key in k.keys)]
        if len(longer) == 1:
            merge(longer[0], short, clusters)


def alias_cue_before(doc: Doc, start: int, cues: set[tuple[str, ...]]) -> int | None:
    """Where the words bringing in another name ('born', 'known as') start, when they end right before token
    `start`."""
    if start == 0 or doc[start - 1].lower_ not in {cue[-1] for cue in cues}:
        return None
    for cue in cues:
        begin = start - len(cue)
        if begin >= 0 and tuple(t.lower_ for t in doc[begin:start]) == cue:
            return begin
    return None


def merge_aliases(doc: Doc, clusters: list[Cluster]) -> None:
    """'Lane, born Ana Ortiz,', 'the rapper known as Lil Vex, whose real name is Tom Reed': a birth name, stage
    name or nickname is another name of the person named last before it in the sentence, though two full names
    are otherwise never one person."""
    for alias in [k for k in clusters if k.type == "PERSON"]:
        for start, _, kind in sorted(alias.mentions):
            cue = alias_cue_before(doc, start, ALIAS_CUES) if kind == "name" else None
            if cue is None:
                continue
            sentence_start = doc[start].sent.start
            earlier = [(s, k) for k in clusters if k.type == "PERSON" and k is not alias
                       for s, e, _ in k.mentions if sentence_start <= s and e <= cue]
            named = max(earlier, key=lambda item: item[0])[1] if earlier else None
            if named is None:
                continue
            # Only a form of address tells a gender here: one guessed from a stage name's first word ('Lil')
            # is no evidence against the birth name's.
            addressed = {gender for k in (named, alias) for t in k.titles if (gender := honorific_gender(t))}
            if len(addressed) > 1:
                continue
            agreed = named.gender if named.gender == alias.gender else None
            merge(named, alias, clusters)
            named.gender = next(iter(addressed), agreed)
            break


def short_name_owners(name: Candidate, clusters: list[Cluster]) -> list[Cluster]:
    """The people a lone name word ('Brannigan', 'Mr Brannigan') may mean: those whose name holds it, of a fitting
    gender; when one of them was already called the same way ('Mr Brannigan' again), that one only."""
    word = name.personal[-1]
    options = [k for k in clusters if k.type == "PERSON" and word in k.name_tokens and gender_fits(k, name.gender)]
    addressed = [k for k in options if name.titles & k.titles]
    return addressed or options


def short_name_owner(doc: Doc, name: Candidate, options: list[Cluster]) -> Cluster | None:
    """Who a lone name word means: of the people sharing it (`options`), the one named last before it, but not
    one brought in only as someone's relative ('Bill Clinton … his wife Hillary Clinton … Clinton said'): news
    keeps the bare surname for the principal."""
    principals = [k for k in options if not introduced_as_relative(doc, k)]
    return nearest(principals or options, name.start)


def introduced_as_relative(doc: Doc, cluster: Cluster) -> bool:
    """Whether a person's first name mention stands beside a kinship noun ('his brother, Ray Brannigan')."""
    names = [(start, end) for start, end, kind in cluster.mentions if kind == "name"]
    if not names:
        return False
    root = doc[slice(*min(names))].root
    return root.dep_ == "appos" and root.head.lemma_.lower() in KINSHIP


def settle_lone_words(doc: Doc, candidates: list[Candidate], lower_case_words: set[str]) -> list[Candidate]:
    """A name's type as the words around one of its mentions show it ('her novel, Still Rivers') holds for all
    its mentions. NER's person label on a lone word with no first name or form of address anywhere in the
    article is weak: such a word is an organisation or place if NER calls it one elsewhere ('Kelsby' a
    person once, a club three times), or when it opens an organisation's name ('Kelsby' after 'Kelsby
    Robotics'), and no name at all if the article writes it in lower case ('Library advocates…')."""
    named = {w for c in candidates if c.type == "PERSON" and (len(c.personal) > 1 or c.titles) for w in c.personal}
    others = Counter((c.key, c.type) for c in candidates if c.type != "PERSON" and c.kind == "name")
    others.update((c.key.split()[0], "ORG") for c in candidates
                  if c.type == "ORG" and c.kind == "name" and " " in c.key)
    by_context = {c.key: c.type for c in candidates if c.typed_by_context}
    settled = []
    for c in candidates:
        key = c.key or normalise(doc[c.start:c.end].text)
        if c.kind == "name" and not c.titles and by_context.get(key, c.type) != c.type:
            # The words around one mention ("her novel, Still Rivers") settle the type of all.
            c = Candidate(c.start, c.end, by_context[key], "name", key=key, typed_by_context=True)
        elif c.type == "PERSON" and c.kind == "name" and len(c.personal) == 1 and not c.titles \
                and c.personal[0] not in named:
            votes = [(count, kind) for (key, kind), count in others.items() if key == c.personal[0]]
            if votes:
                c = Candidate(c.start, c.end, max(votes)[1], "name", key=c.personal[0])
            elif c.personal[0] in lower_case_words:
                continue
            elif (start := place_after_preposition(doc, c.start, c.end)) is not None:
                c = Candidate(start, c.end, "PLACE", "name", key=normalise(doc[start:c.end].text))
        settled.append(c)
    return settled


def place_after_preposition(doc: Doc, start: int, end: int) -> int | None:
    """Where a place name starts when the name at [start, end) ends one after 'in', 'near'…, with the capitalised
    words before it ('in French Guiana'); None when no such preposition comes before it, or it owns a noun."""
    while start > 0 and is_capitalised(doc[start - 1]) and doc[start - 1].pos_ in {"PROPN", "ADJ"}:
        start -= 1
    owns = end < len(doc) and doc[end].tag_ == "POS"
    return start if start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS and not owns else None


def add_untagged_names_of_things(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """NER misses repeats of other names too ('Acme spokesman', a book's title); one already found is a
    mention wherever it stands as written, alone."""
    taken = {i for k in clusters for start, end, _ in k.mentions for i in range(start, end)}
    for cluster in [k for k in clusters if k.type != "PERSON"]:
        names = {doc[start:end].text for start, end, kind in cluster.mentions if kind == "name"}
        names = {re.sub(r"^[Tt]he ", "", name) for name in names}
        for name in names:
            for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                span = doc.char_span(match.start(), match.end())
                if span is None or any(t.i in taken or t.ent_type_ for t in span):
                    continue
                neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
                if any(t.pos_ == "PROPN" and is_capitalised(t) for t in neighbours):
                    continue  # part of a longer name
                end = span.end + (cluster.type == "ORG" and name_word_read_as_noun(doc, span.end))
                cluster.mentions.append((span.start, end, "name"))
                taken.update(range(span.start, end))


def name_word_read_as_noun(doc: Doc, i: int) -> bool:
    """'Lines' in 'Kelsby Lines will cut jobs': a capitalised word inside a sentence that the tagger reads as a
    common noun, ending the name of a company it follows; not a job ('Acme Chairman Tom Reed')."""
    word = doc[i] if i < len(doc) else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return word is not None and word.pos_ == "NOUN" and is_capitalised(word) and not word.is_sent_start \
        and not word.ent_type_ and lower_key(word) not in HONORIFICS.keys() | PERSON_ROLE_NOUNS \
        and not (after is not None and is_capitalised(after) and after.is_alpha)


def add_untagged_short_names(doc: Doc, text: str, clusters: list[Cluster], lower_case_words: set[str]) -> None:
    """NER misses many repeats of a surname ('Delgado thanked…'); a known person's name word is a mention."""
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for name in cluster.personal:
            if len(name) > 1:
                for word in {name[0], name[-1]}:
                    owners.setdefault(word, []).append(cluster)
    taken = {i for k in clusters for start, end, _ in k.mentions for i in range(start, end)}
    # The tagger takes some unfamiliar surnames for other words ('Okonjo now has…' as an adverb); a word the
    # article never writes in lower case is a name all the same.
    for token in tokens_spelling(doc, text, owners) if owners else []:
        looks_common = token.pos_ != "PROPN" and (token.is_stop or token.lower_ in lower_case_words)
        if token.i in taken or not is_capitalised(token) or token.ent_type_ in NUMERIC_LABELS or looks_common:
            continue
        name = person_name(doc, token.i, token.i + 1)  # with the form of address before it: 'Mr Brannigan'
        if name is None or any(i in taken for i in range(name.start, name.end)):
            continue
        people = short_name_owners(name, clusters)
        if len(people) > 1:  # two people share the name: only those already named can be meant
            people = [k for k in people if k.first < name.start]
        owner = short_name_owner(doc, name, people)
        if owner is not None:
            owner.add(name)


def surname_mistagged(candidate: Candidate, doc: Doc, clusters: list[Cluster]) -> tuple[Cluster, Candidate] | None:
    """NER often tags a bare surname as an organisation ('Halloran said'), or a first name ('Ines built it');
    a full name holding it settles it. Returns the person and the name as a person's."""
    if candidate.kind != "name" or " " in candidate.key:
        return None
    # A first name alone is rarely a place, and must be a known first name ('Halden' of 'Halden Marine' is not).
    positions = (0, -1) if candidate.type == "ORG" and first_name_gender(candidate.key) else (-1,)
    full = [k for k in clusters if k.type == "PERSON" and any(
        len(n) > 1 and any(n[p] == candidate.key for p in positions) for n in k.personal)]
    name = person_name(doc, candidate.start, candidate.end) if full else None
    owner = short_name_owner(doc, name, [k for k in short_name_owners(name, clusters) if k in full]) if name else None
    return (owner, name) if owner else None


def short_form_of(candidate: Candidate, doc: Doc, clusters: list[Cluster]) -> Cluster | None:
    """An acronym ('FBI') or a last word ('the Post') standing for a longer organisation name."""
    text = candidate.key
    if " " in text or text in PLACE_HEADS:
        return None
    acronym = doc[candidate.start:candidate.end].text.strip().isupper() and 2 <= len(text) <= 6
    options = []
    for cluster in clusters:
        if cluster.type == "PERSON":
            continue
        for key in cluster.keys:
            words = key.split()
            if len(words) < 2:
                continue
            initials = "".join(w[0] for w in words if w not in {"of", "the", "and", "for", "&"})
            # "the Gazette" for "the Riverton Gazette"; "Acme", after "Acme Robotics", for it.
            if (acronym and initials == text) or (not acronym and candidate.type == "ORG" and (
                    words[-1] == text or words[0] == text and cluster.first < candidate.start)):
                options.append(cluster)
                break
    return options[0] if len(options) == 1 else None


def merge_appositions(doc: Doc, clusters: list[Cluster]) -> None:
    """'Prince Edmund, the Duke of Glenmoor,': two names of a person set side by side are one entity."""
    for index in (doc.to_array("DEP") == doc.vocab.strings["appos"]).nonzero()[0]:
        token = doc[int(index)]
        a, b = cluster_of(clusters, token.i), cluster_of(clusters, token.head.i)
        if a and b and a is not b and a.type == b.type == "PERSON" and compatible(a, b):
            merge(b, a, clusters)


def merge_peerage_with_royal_name(clusters: list[Cluster]) -> None:
    """A peer known only by title ('the Duke of X') and the one royal named in the story are one person.

    News about royals alternates between the peerage and the royal name; with exactly one royal named
    (Prince/Princess + name) who holds no other title, that is who the title means, when the title comes
    first, as in a lede. A peer first named after the royal ('Prince Tom … his younger son, the Duke of X')
    is someone else: the story would have said so when it brought the title in.
    """
    for titled in [k for k in clusters if k.type == "PERSON" and not k.personal and k.places]:
        if not {title for title, _ in titled.places} <= PEERAGES:
            continue
        royals = [k for k in clusters if k.type == "PERSON" and k.personal and k.titles & ROYAL_HONORIFICS
                  and not k.places and compatible(k, titled) and titled.first < k.first]
        if len(royals) == 1:
            merge(royals[0], titled, clusters)


def cluster_of(clusters: list[Cluster], token_index: int) -> Cluster | None:
    for cluster in clusters:
        for start, end, _ in cluster.mentions:
            if start <= token_index < end:
                return cluster
    return None


# --- descriptions: 'the chair of the committee', 'the striker', 'the 34-year-old' ----------------------

AGE_REFERENCE = re.compile(r"\b[Tt]he (\d{1,3})-year-old\b")


def add_role_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """A noun phrase set beside a person's name is a mention of them ('Ann Lee, the chair of the board,');
    so, later, is 'the' with a role they were given ('striker Tom Reed' … 'the striker', 'Judge Ann Lee' …
    'the judge') or with their age ('Tom Reed, 34,' … 'the 34-year-old'), when no one else was given it."""
    roles: dict[str, dict[Cluster, int]] = {}  # role lemma or age -> the people given it, and where first

    def give(role: str, cluster: Cluster, at: int) -> None:
        holders = roles.setdefault(role, {})
        holders[cluster] = min(at, holders.get(cluster, at))

    for cluster in (k for k in clusters if k.type == "PERSON"):
        for title in cluster.titles:
            give(title, cluster, cluster.first)
        for start, end, kind in list(cluster.mentions):
            if kind != "name":
                continue
            root = doc[start:end].root
            described = described_spans(root, lambda noun: noun.lemma_.lower() not in KINSHIP)
            for first, last, noun in described + description_hung_on_a_name(root):
                if not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                    give(noun.lemma_.lower(), cluster, start)
            # "the painter Ida Holm": the parser often sets the name beside the role right before it
            phrase_start = root.head.left_edge.i if root.dep_ == "appos" and root.head.i == start - 1 \
                else root.left_edge.i
            if (described_before := role_before_name(doc, phrase_start, start)) is not None:
                cluster.mentions.append((described_before, end, "description"))  # "the actress Ann Lee"
            for child in root.children:
                if child.dep_ == "compound" and child.i < start and (
                        child.pos_ == "NOUN" and child.is_lower or lower_key(child) in PERSON_ROLE_NOUNS):
                    give(child.lemma_.lower(), cluster, start)  # "striker Tom Reed", "head coach Tom Reed"
                if child.dep_ == "appos" and child.like_num or child.dep_ == "amod" and child.lower_ == "old":
                    age = next((t.text for t in child.subtree if t.like_num), None)
                    if age:
                        give(age, cluster, start)  # "Tom Reed, 34," or "34-year-old Tom Reed"
    for noun in doc:
        if noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.is_lower and noun.dep_ != "compound" \
                and noun.lemma_.lower() in roles:
            start = noun.left_edge.i
            # One person is "the campaigner": a plural or bare "campaigners" is a group, not them.
            of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            # "the striker", "the club captain", "the Dutch physicist": only words that say what the role is
            if doc[start].lower_ != "the" or not all(t.i == start or t.dep_ == "compound" and t.is_lower
                                                     or t.ent_type_ == "NORP" for t in doc[start:noun.i]):
                continue
            if of is None:
                refer_back(roles[noun.lemma_.lower()], start, noun.i + 1, clusters)
            elif noun.lemma_.lower() in TITLES_OF_PLACE:
                # "the president of Cyprus" is whoever holds that office, not the president named before
                introduce_by_office(roles[noun.lemma_.lower()], noun, start, of.right_edge.i + 1)
    for match in AGE_REFERENCE.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        if match.group(1) in roles:
            refer_back(roles[match.group(1)], span.start, span.end, clusters)
        elif not re.search(rf"\b{match.group(1)}\b", text[:match.start()]):
            # An age first told as "the 29-year-old" is the one person named in that sentence or the one before.
            window = sentence_start(doc, span.sent.start, 1)
            named = {k for k in clusters if k.type == "PERSON" for start, _, kind in k.mentions
                     if kind == "name" and (window if window is not None else span.sent.start) <= start < span.start}
            if len(named) == 1:
                refer_back({named.pop(): 0}, span.start, span.end, clusters)


# Participles that place a company ('the Oslo-based firm', 'the Texas-headquartered group').
BASED_WORDS = {"base", "based", "headquarter", "headquartered"}
# Words a role written before a name may hold besides its nouns: articles, adjectives, an employer's name and its
# possessive ('the American director', "Acme's chief executive").
ROLE_PHRASE_TAGS = {"DT", "JJ", "NN", "NNP", "POS", "HYPH"}


def role_before_name(doc: Doc, first: int, start: int) -> int | None:
    """Where 'the actress Ann Lee', 'Acme spokesperson Ann Lee' starts, when the name at `start` has a role written
    before it as part of one noun phrase (from `first`, the phrase's left edge): a mention of the person as a whole."""
    words = doc[first:start]
    if not words or not all(t.tag_ in ROLE_PHRASE_TAGS for t in words) \
            or not any(t.pos_ == "NOUN" and t.is_lower for t in words):
        return None
    return first


AGED_PERSON = re.compile(r"\b([Aa]n?) (\d{1,2})-year-old (" + "|".join(UNNAMED_PERSON_NOUNS) + r")\b")
CALLED_BACK = re.compile(r"\b[Tt]he (" + "|".join(UNNAMED_PERSON_NOUNS) + r")\b")


def add_unnamed_people(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'A 17-year-old boy has been charged … The teenager appeared in court': a person the story brings in by age
    and never names is one person, called back by 'the' and the same noun (or 'the teenager' when under 20). Only
    when the article names no one of that age ('Tom Reed, 17,' would be the one) and only one such person is
    brought in."""
    intros = list(AGED_PERSON.finditer(text))
    if len(intros) != 1:
        return
    intro = intros[0]
    span = doc.char_span(intro.start(), intro.end())
    aged = any(end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text == intro.group(2)
               for k in clusters if k.type == "PERSON" for _, end, kind in k.mentions if kind == "name")
    if span is None or cluster_of(clusters, span.start) is not None or aged:
        return
    age, noun = int(intro.group(2)), intro.group(3)
    person = Cluster("PERSON", gender=UNNAMED_PERSON_NOUNS[noun])
    person.mentions.append((span.start, span.end, "description"))
    for later in CALLED_BACK.finditer(text, intro.end()):
        same = later.group(1) == noun or later.group(1) in TEEN_NOUNS and age < 20
        back = doc.char_span(later.start(), later.end()) if same else None
        if back is not None and cluster_of(clusters, back.start) is None and doc[back.end - 1].tag_ == "NN":
            person.mentions.append((back.start, back.end, "description"))
    clusters.append(person)


def add_organisation_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Acme, the Finnish carmaker,' is a mention of Acme; later 'the company' or 'the firm' is one of the
    organisation named most often so far, when one is named more often than any other. Other nouns point back
    only at the one organisation described so ('a venture fund, Oakline' … 'the fund', 'the band X' … 'the
    band')."""
    organisations = [k for k in clusters if k.type == "ORG"]
    described: dict[str, dict[Cluster, int]] = {}  # noun -> the organisations it was set beside, and where first
    for cluster in organisations:
        for start, end, kind in list(cluster.mentions):
            root = doc[start:end].root
            for first, last, noun in described_spans(root, lambda noun: noun.lemma_.lower() in ORG_NOUNS):
                if kind == "name" and not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                    described.setdefault(noun.lemma_.lower(), {}).setdefault(cluster, start)
    refer_to_named_by_head(doc, text, organisations, ORG_HEADS, INSTITUTION_SYNONYMS)
    # the company nouns are read below; one fixed word list keeps the regex compiled once
    for noun in tokens_spelling(doc, text, ORG_NOUNS - COMPANY_NOUNS) if set(described) - COMPANY_NOUNS else []:
        if noun.lemma_.lower() in described and noun.tag_ == "NN" and noun.i > 0 and doc[noun.i - 1].lower_ == "the" \
                and noun.left_edge.i == noun.i - 1 and cluster_of(organisations, noun.i) is None:
            refer_back(described[noun.lemma_.lower()], noun.i - 1, noun.i + 1, clusters)
    for noun in doc:
        if not (noun.lemma_.lower() in COMPANY_NOUNS and noun.is_lower and noun.tag_ == "NN" and noun.i > 0):
            continue
        lefts = list(noun.lefts)
        if not (lefts and lefts[0].lower_ == "the" and lefts[0].i == noun.left_edge.i
                and all(industry_or_nationality(t) for t in lefts[1:])):
            continue
        if cluster_of(organisations, lefts[0].i) is not None:
            continue  # it may sit inside a person's description: 'the company's president'
        counts = sorted(((sum(kind == "name" and start < noun.i for start, _, kind in k.mentions), id(k), k)
                         for k in organisations), key=lambda item: item[:2], reverse=True)
        if counts and counts[0][0] and (len(counts) == 1 or counts[0][0] > counts[1][0]):
            counts[0][2].mentions.append((lefts[0].i, noun.i + 1, "description"))


def add_place_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """'the capital, Kelsby,' is a mention of Kelsby; so, later, is 'the capital' or, after 'the border town of
    Kelsby', 'the town', when no other place was called so."""
    nouns: dict[str, dict[Cluster, int]] = {}  # place noun -> the places given it, and where first
    for cluster in (k for k in clusters if k.type == "PLACE"):
        for start, end, kind in list(cluster.mentions):
            noun = place_noun_before(doc, start, end) if kind == "name" else None
            if noun is None:
                continue
            if doc[start - 1].text == ",":
                cluster.mentions.append((noun.left_edge.i, noun.i + 1, "description"))
            nouns.setdefault(noun.lemma_.lower(), {}).setdefault(cluster, start)
    for noun in (t for t in doc if t.lemma_.lower() in nouns and t.tag_ == "NN" and t.is_lower) if nouns else []:
        start = noun.left_edge.i
        if doc[start].lower_ == "the" and start == noun.i - 1:
            refer_back(nouns[noun.lemma_.lower()], start, noun.i + 1, clusters)


def refer_to_named_by_head(doc: Doc, text: str, named: list[Cluster], heads: set[str],
                           synonyms: dict[str, set[str]]) -> None:
    """'the university' after 'the University of Kelsby', 'the council' after 'Dunmere City Council', 'the abbey'
    after 'Kelsby Abbey': the one organisation or place named before whose name holds that generic word."""
    by_word: dict[str, list[Cluster]] = {}
    for cluster in named:
        for word in {word for key in cluster.keys for word in key.split() if word in heads}:
            for generic in {word} | synonyms.get(word, set()):
                by_word.setdefault(generic, []).append(cluster)
    generic_words = heads | {word for words in synonyms.values() for word in words}
    for noun in tokens_spelling(doc, text, generic_words) if by_word else []:
        if noun.lower_ not in by_word or noun.tag_ not in {"NN", "NNP"} or not noun.is_lower or noun.i == 0 \
                or doc[noun.i - 1].lower_ != "the" \
                or noun.left_edge.i != noun.i - 1 or cluster_of(named, noun.i) is not None:
            continue  # it may sit inside a person's description: 'a surgeon at the university'
        named_before = [k for k in by_word[noun.lower_] if k.first < noun.i]
        if len(by_word[noun.lower_]) == 1 and named_before:
            named_before[0].mentions.append((noun.i - 1, noun.i + 1, "description"))


def industry_or_nationality(modifier: Token) -> bool:
    """'mining' or 'Chilean' in 'the Chilean mining group', 'Oslo' in 'the Oslo firm' or 'the Oslo-based firm' say
    what or where the company is; 'rival' or 'parent' in 'the rival company' point at another one."""
    if modifier.ent_type_ in {"NORP", "GPE"} or modifier.dep_ == "amod" and modifier.lemma_.lower() in BASED_WORDS:
        return True
    return modifier.dep_ == "compound" and modifier.is_lower and modifier.pos_ == "NOUN" \
        and modifier.lower_ not in OTHER_COMPANY_WORDS


def introduce_by_office(holders: dict[Cluster, int], noun: Token, start: int, end: int) -> None:
    """A lede's 'The mayor of Dunmere has…' is the one person the article later calls 'Mayor Thorne', when
    no one else holds that title and the name comes in a later sentence ('talks between the president of
    Cyprus and President Lee' are two people)."""
    if len(holders) != 1:
        return
    owner, given_at = next(iter(holders.items()))
    place = " ".join(t.lower_ for t in noun.doc[noun.i + 2:end] if t.lower_ != "the")
    if given_at >= noun.sent.end and dict(owner.places).get(noun.lemma_.lower(), place) == place:
        owner.mentions.append((start, end, "description"))


def refer_back(holders: dict[Cluster, int], start: int, end: int, clusters: list[Cluster]) -> None:
    """Attach 'the <role>' at [start, end) to the one person given that role, if given it before."""
    if len(holders) != 1:
        return
    owner, given_at = next(iter(holders.items()))
    # It may sit inside another person's mention ("the mayor" in "the mayor's aide, Tom Reed"), not repeat a
    # mention or sit inside one of its owner's own.
    repeats = any((s, e) == (start, end) for k in clusters for s, e, _ in k.mentions) or any(
        s <= start and end <= e for s, e, _ in owner.mentions)
    if given_at < start and not repeats:
        owner.mentions.append((start, end, "description"))


def description_hung_on_a_name(root: Token) -> list[tuple[int, int, Token]]:
    """'The head of the Red Cross delegation in Kelsby, Ann Lee,': the parser hangs the person's name on the last name
    of the phrase before it ('Kelsby'); the description is the whole noun phrase up to the comma, headed by the
    noun the chain of 'of'/'in' phrases climbs to."""
    doc = root.doc
    if root.dep_ != "appos" or root.head.pos_ != "PROPN" or root.left_edge.i < 1 \
            or doc[root.left_edge.i - 1].text != ",":
        return []
    token = root.head
    while token.dep_ in {"pobj", "prep"} and token.head.i < token.i:
        token = token.head
    if token is root.head or token.pos_ != "NOUN" or token.tag_ == "NNS" or token.left_edge.pos_ != "DET":
        return []
    return [(token.left_edge.i, root.left_edge.i - 1, token)]


def described_spans(root: Token, fits) -> list[tuple[int, int, Token]]:
    """Noun phrases in apposition to a name, either side of it, whose head noun `fits`: the token span of the
    noun with its left modifiers and an 'of'/'at' phrase ('the chair of the Treasury Committee'), and the noun.
    Spans that touch are one phrase: the parser splits 'vice-captain' into three appositives."""
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [child for child in root.children if child.dep_ == "appos"]
    spans: list[list] = []
    for noun in sorted(nouns, key=lambda n: n.i):
        if noun.pos_ != "NOUN" or noun.tag_ == "NNS" or not fits(noun):
            continue
        end = noun.i + 1
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in {"of", "at", "for"}:
                end = child.right_edge.i + 1
            break
        if spans and spans[-1][1] >= noun.left_edge.i:
            spans[-1][1:] = [max(spans[-1][1], end), noun]
        else:
            spans.append([noun.left_edge.i, end, noun])
    return [(first, last, noun) for first, last, noun in spans]


# --- pronouns and kinship descriptions ---------------------------------------------------------------


SUBJECT_DEPENDENCIES = {"nsubj", "nsubjpass"}


def salience(token: Token) -> tuple[int, int, int]:
    """How central a mention is to its sentence, lowest first: shallow in the parse, a subject, recent."""
    return depth(token), token.dep_ not in SUBJECT_DEPENDENCIES, -token.i


def depth(token: Token) -> int:
    """Distance to the root of the sentence: the lower, the more central a mention is to it."""
    steps = 0
    while token.head.i != token.i:
        token = token.head
        steps += 1
    return steps


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotation marks, in text order, paired as the quotes stage pairs them:
    pronouns there speak from the quoted person's view."""
    return [(q.start, q.end) for q in quotations(text) if text[q.outer_start:q.start] not in SINGLE_MARKS]


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def gender_fits(cluster: Cluster, gender: str | None) -> bool:
    return gender is None or cluster.gender in (None, gender)


def resolve_references(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """Attach pronouns and kinship descriptions, in reading order, to the people they refer to."""
    people = [k for k in clusters if k.type == "PERSON"]
    seen: list[tuple[Token, Cluster]] = sorted(
        ((doc[start:end].root, k) for k in people for start, end, _ in k.mentions), key=lambda item: item[0].i
    )
    quoted = quoted_spans(text)
    in_titles = {i for k in people for start, end, kind in k.mentions if kind == "title" for i in range(start, end)}
    words = set(PERSONAL_PRONOUNS) | set(KINSHIP)
    for token in tokens_spelling(doc, text, words):
        if inside(quoted, token.idx) or token.i in in_titles:  # "His" of "His Majesty"
            continue
        referent = None
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            referent = resolve_pronoun(token, seen)
            if referent:
                referent.mentions.append((token.i, token.i + 1, "pronoun"))
                referent.gender = referent.gender or PERSONAL_PRONOUNS[token.lower_]
        elif token.lemma_.lower() in KINSHIP and token.pos_ == "NOUN":
            referent = resolve_kinship(doc, token, seen, clusters)
        if referent is not None:
            seen.append((token, referent))
            seen.sort(key=lambda item: item[0].i)


def resolve_group_pronouns(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'The Rovers defended their coach': a plural pronoun whose own clause has an organisation or group as subject
    is that one; so is 'Their' opening a sentence after one whose subject is an organisation ('The duo were shut
    out. Their manager said…'). Nothing else is guessed: 'they' is most often people the story never names."""
    organisations = [k for k in clusters if k.type == "ORG"]
    quoted = quoted_spans(text)
    for pronoun in tokens_spelling(doc, text, PLURAL_PRONOUNS) if organisations else []:
        if pronoun.pos_ != "PRON" or inside(quoted, pronoun.idx):
            continue
        subject = clause_subject(pronoun)
        if pronoun.i == pronoun.sent.start and pronoun.tag_ == "PRP$" and pronoun.i > 0:
            before = doc[pronoun.i - 1].sent
            subjects = [t for t in before if t.dep_ in SUBJECT_DEPENDENCIES]  # the main verb's, else the first
            subject = next((t for t in subjects if t.head == before.root), subjects[0] if subjects else None)
        group = cluster_of(organisations, subject.i) if subject is not None else None
        if group is not None:
            group.mentions.append((pronoun.i, pronoun.i + 1, "pronoun"))


def resolve_pronoun(pronoun: Token, seen: list[tuple[Token, Cluster]]) -> Cluster | None:
    gender = PERSONAL_PRONOUNS[pronoun.lower_]
    sentence = pronoun.sent
    subject_of_clause = {t.i for t in pronoun.head.children if t.dep_ in {"nsubj", "nsubjpass"}}
    subject_clusters = [k for t, k in seen if t.i in subject_of_clause]
    reported_clauses = [c for c in pronoun.head.children if c.dep_ == "ccomp"]

    def fits(token: Token, cluster: Cluster) -> bool:
        if not gender_fits(cluster, gender):
            return False
        if pronoun.lower_ in REFLEXIVE_PRONOUNS:
            return True
        if pronoun.dep_ in SUBJECT_DEPENDENCIES and clause_verb(token) in reported_clauses:
            return False  # "Tom had left, he said": a subject is not someone named in the clause it reports
        # "Edmund saw him", "he expected him back": an object pronoun is not the subject of its own verb.
        return not (pronoun.dep_ in {"dobj", "dative"} and (token.i in subject_of_clause or any(
            cluster is k for k in subject_clusters)))

    earlier = [(t, k) for t, k in seen if sentence.start <= t.i < pronoun.i and fits(t, k)]
    # "Dale had involved his son": a possessive or object is first of all the subject of its own clause.
    own_subject = clause_subject(pronoun)
    by_own_subject = next((k for t, k in earlier if own_subject is not None and t.i == own_subject.i), None)
    if by_own_subject is not None:
        return by_own_subject
    reporter, reported = reporting_subject(pronoun)
    # "The coach said he expected…": in what someone says or thinks, a pronoun is most often that someone,
    # unless the reported clause names someone before it ("denied that Dale had involved his son").
    reported_by = next((k for t, k in earlier if reporter is not None and t.i == reporter.i), None)
    if reported_by is not None and not any(reported.is_ancestor(t) or t == reported for t, _ in earlier):
        return reported_by
    if earlier:
        return min(earlier, key=lambda item: salience(item[0]))[1]
    if pronoun.tag_ == "PRP$" and in_subject(pronoun):
        # "His memoir left Edmund adrift": a possessive inside the subject may point forward to a name,
        # though not to one set beside its own noun ("His wife, Ruth," is someone else).
        own_phrase = range(pronoun.head.left_edge.i, pronoun.head.right_edge.i + 1)
        later = [(t, k) for t, k in seen if pronoun.i < t.i < sentence.end and t.i not in own_phrase
                 and k.personal and fits(t, k)]
        if later:
            return later[0][1]
    for back in range(1, PRONOUN_WINDOW + 1):
        start = sentence_start(pronoun.doc, sentence.start, back)
        if start is None:
            break
        end = sentence_start(pronoun.doc, sentence.start, back - 1)
        options = [(t, k) for t, k in seen if start <= t.i < end and fits(t, k)]
        if options:
            return min(options, key=lambda item: salience(item[0]))[1]
    return None


def clause_verb(token: Token) -> Token:
    """The verb of the clause a word stands in."""
    while token.head.i != token.i and (token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"aux", "auxpass"}):
        token = token.head
    return token


def clause_subject(pronoun: Token) -> Token | None:
    """The subject of the verb whose clause holds the pronoun, when the pronoun is not that subject; a verb
    with none takes the one of the verb it depends on ('she would take a break to spend time with her family')."""
    verb = clause_verb(pronoun)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPENDENCIES), None)
    while subject is None and verb.dep_ in {"xcomp", "advcl", "conj"} and verb.head.i != verb.i:
        verb = clause_verb(verb.head)
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPENDENCIES), None)
    return None if subject is None or subject.i == pronoun.i else subject


def reporting_subject(pronoun: Token) -> tuple[Token | None, Token | None]:
    """The subject of the reporting verb ('said', 'thought') whose reported clause holds the pronoun, and the
    head of that clause."""
    token = pronoun
    while token.head.i != token.i:
        if token.dep_ == "ccomp":
            verb = token.head
            if verb.lemma_.lower() in quote_cues()["reporting_verbs"]:
                return next((c for c in verb.children if c.dep_ in SUBJECT_DEPENDENCIES), None), token
            return None, None
        token = token.head
    return None, None


def in_subject(token: Token) -> bool:
    while token.head.i != token.i:
        if token.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            return True
        token = token.head
    return False


def resolve_kinship(doc: Doc, noun: Token, seen: list[tuple[Token, Cluster]], clusters: list[Cluster]) -> Cluster | None:
    """'his father', 'the mayor's eldest daughter': the relative of a known person, as one of the people."""
    possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessive is None:
        return None
    owner = next((k for t, k in seen if t.i == possessive.i), None) or cluster_of(clusters, possessive.i)
    if owner is None or owner.type != "PERSON":
        return None
    relation = noun.lemma_.lower()
    gender = KINSHIP[relation].gender
    start = possessive.left_edge.i
    referent = named_in_apposition(noun, clusters) or owner.kin.get(relation) or reciprocal(owner, relation, clusters)
    if referent is None:
        window_start = sentence_start(doc, noun.sent.start, KINSHIP_WINDOW) or 0
        options = [(t, k) for t, k in seen if window_start <= t.i < start and k is not owner
                   and gender_fits(k, gender) and same_family(k, owner) and not is_kin_of(k, owner)]
        referent = options[-1][1] if options else None
    if referent is None and KINSHIP[relation].relation == "parent_of" and owner.titles & ROYAL_HONORIFICS:
        # "Prince Tom … when he succeeds his father": a prince's parent is the one monarch of the story
        monarchs = [k for k in clusters if k is not owner and k.type == "PERSON" and k.titles & MONARCHS
                    and gender_fits(k, gender)]
        referent = monarchs[0] if len(monarchs) == 1 else None
    if referent is None:
        referent = Cluster("PERSON", described_as=relation, described_of=owner)
        clusters.append(referent)
    if referent is owner or not gender_fits(referent, gender):
        return None
    referent.mentions.append((start, noun.i + 1, "description"))
    referent.gender = referent.gender or gender
    owner.kin[relation] = referent
    return referent


def surnames(cluster: Cluster) -> set[str]:
    return {name[-1] for name in cluster.personal if len(name) > 1}


def same_family(a: Cluster, b: Cluster) -> bool:
    """Whether two people can be kin by their names: a shared surname, or both royals (who go by no surname)."""
    if surnames(a) & surnames(b):
        return True
    royal = {"king", "queen"} | ROYAL_HONORIFICS | PEERAGES
    return not surnames(a) and not surnames(b) and bool(a.titles & royal) and bool(b.titles & royal)


def named_in_apposition(noun: Token, clusters: list[Cluster]) -> Cluster | None:
    """'her brother the Earl of Brackley', 'his wife, Jane': the relative is named beside the noun."""
    for child in noun.children:
        if child.dep_ == "appos":
            cluster = cluster_of(clusters, child.i)
            if cluster is not None and cluster.type == "PERSON":
                return cluster
    return None


def reciprocal(owner: Cluster, relation: str, clusters: list[Cluster]) -> Cluster | None:
    """If A is B's father, B is A's son: known kinship read from the other side."""
    for other in clusters:
        for their_relation, relative in other.kin.items():
            if relative is owner and KINSHIP[their_relation].reciprocal.get(other.gender) == relation:
                return other
    return None


def is_kin_of(candidate: Cluster, owner: Cluster) -> bool:
    return candidate in owner.kin.values() or owner in candidate.kin.values()


# --- output --------------------------------------------------------------------------------------------


def to_entities(doc: Doc, clusters: list[Cluster]) -> list[Entity]:
    clusters = [k for k in clusters if k.mentions]
    clusters.sort(key=lambda k: k.first)
    entities = []
    for number, cluster in enumerate(clusters, start=1):
        mentions = sorted({(start, end, kind) for start, end, kind in cluster.mentions})
        entities.append(Entity(
            id=f"E{number}",
            name=entity_name(doc, cluster, clusters),
            type=cluster.type,
            gender=cluster.gender if cluster.type == "PERSON" else None,
            mentions=[
                Mention(text=doc[start:end].text, start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]),
                        kind=kind)
                for start, end, kind in mentions
            ],
        ))
    return entities


def entity_name(doc: Doc, cluster: Cluster, clusters: list[Cluster]) -> str:
    """A readable canonical name: the fullest personal name, else the commonest title or name."""
    def text(start: int, end: int) -> str:
        return doc[start:end].text

    names = [(s, e) for s, e, kind in cluster.mentions if kind == "name"]
    if cluster.type == "PERSON" and names:
        s, e = max(names, key=lambda span: (len(doc[span[0]:span[1]]), -span[0]))
        return text(s, e)
    titled = [text(s, e) for s, e, kind in cluster.mentions if kind in {"name", "title"}]
    if titled:
        counts = Counter(titled)
        return max(counts, key=lambda t: (counts[t], not t.isupper(), len(t)))  # "Oslo" over a dateline's "OSLO"
    if cluster.described_of is not None and cluster.described_of in clusters:
        owner = entity_name(doc, cluster.described_of, clusters)
        return f"{owner}'s {cluster.described_as}"
    return text(*cluster.mentions[0][:2])
