"""Word helpers the steps of the entity stage share: tokens looked up by spelling, titles and forms of
address, first-name genders, the words that bring in another name, and the normal form of a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.attrs import IDX, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..lexicon import HONORIFICS, HONORIFIC_GENDER_OVERRIDES, KINSHIP, data_table
from ..quote_marks import Quotation, quotations


# The entity stage's word tables in data/entity_words.json.
ENTITY_WORDS = data_table("entity_words")
# Last words of a sports club's name: 'Kelsby Rovers' is a club; 'Kelsby City' one only when NER calls it an
# organisation.
CLUB_ENDINGS = frozenset(ENTITY_WORDS["club_endings"])
CLUB_OR_PLACE_ENDINGS = frozenset(ENTITY_WORDS["club_or_place_endings"])
COMPANY_ENDINGS = frozenset(ENTITY_WORDS["company_endings"])
# Legal forms after a company's name: 'Acme Foods plc' is 'Acme Foods'.
LEGAL_FORMS = frozenset(ENTITY_WORDS["legal_forms"])
COMMON_PLACE_HEADS = frozenset(ENTITY_WORDS["common_place_heads"])
# Lower-case nouns for an administrative area that news writes after its name ('Kelsby district', 'the Kelsby
# region'), from Indian, Chilean, Italian, Japanese and Irish usage in English; not 'department', also a ministry's.
AREA_NOUNS = frozenset({"district", "region", "province", "county", "prefecture", "municipality", "neighbourhood",
                        "neighborhood", "governorate", "state", "borough", "parish", "commune", "tehsil", "taluk"})
# Nouns for a kind of organisation, place or work ("the museum", "his memoir"): what a thing is, not who.
KIND_NOUNS = frozenset(ENTITY_WORDS["kind_nouns"])
# Last words of a newspaper's name ('the Kelsby Gazette').
NEWSPAPER_ENDINGS = frozenset(ENTITY_WORDS["newspaper_endings"])

# Prepositions after which a lone word NER calls a person, never given a first name or title, is a place
# ('born in Kelsby'); 'from', 'at' or 'with' are as often said of people.
PLACE_PREPOSITIONS = {"in", "near", "outside", "inside", "across", "throughout", "around"}

# Nouns for people a town's name comes before in news ('a Kelsby mother', 'Kelsby man'), from UK and Australian
# local news; not nouns for people of a body ('an Acme nurse', 'a Kelsby fan', 'an Eton pupil').
TOWNSPEOPLE_NOUNS = frozenset({"man", "woman", "boy", "girl", "mother", "father", "mum", "dad", "grandmother",
                               "grandfather", "pensioner", "retiree", "teenager", "couple", "widow", "widower",
                               "resident", "native", "father-of-two", "mother-of-two", "grandmother-of-two"})


# Verbs that make their complement a description of their subject ('Ann Lee remains honorary chairman').
COPULAS = {"be", "become", "remain"}
# What spaCy splits off a kinship noun of marriage: 'brother-in-law' is five tokens.
IN_LAW = ("-", "in", "-", "law")
# Familiar kinship nouns and the one they mean, so that 'my dad' finds the person told as someone's father.
FAMILIAR_KIN = {"dad": "father", "mum": "mother", "mom": "mother"}


def kin_noun(noun: Token) -> tuple[str, int]:
    """The lexicon.KINSHIP key a kinship noun stands for ('brother' of 'brother-in-law' is 'brother-in-law', 'dad' is
    'father'), and the token index where the noun ends."""
    following = tuple(t.lower_ for t in noun.doc[noun.i + 1:noun.i + 1 + len(IN_LAW)])
    if following == IN_LAW and f"{noun.lemma_.lower()}-in-law" in KINSHIP:
        return f"{noun.lemma_.lower()}-in-law", noun.i + 1 + len(IN_LAW)
    lemma = noun.lemma_.lower()
    return FAMILIAR_KIN.get(lemma, lemma), noun.i + 1


def kin_noun_beside(name: Token, start: int) -> Token | None:
    """The kinship noun a name (its root `name`, its first word at `start`) is set beside: 'his wife, Ruth Hale'
    (an apposition), 'their son Tom' (right before it, over one comma at most)."""
    if name.dep_ == "appos" and name.head.lemma_.lower() in KINSHIP:
        return name.head
    before = start - 1 - (start > 0 and name.doc[start - 1].text == ",")
    word = name.doc[before] if before >= 0 else None
    return word if word is not None and word.pos_ == "NOUN" and word.lemma_.lower() in KINSHIP else None


def lower_key(token: Token) -> str:
    return token.lower_.rstrip(".")


def title_at(doc: Doc, i: int, table) -> tuple[str, int] | None:
    """The title or form of address from `table` that starts at token i, and its length in tokens."""
    single = lower_key(doc[i])
    if i + 1 < len(doc):
        two = f"{single} {lower_key(doc[i + 1])}"
        if two in table:
            return two, 2
    return (single, 1) if single in table else None


@lru_cache(maxsize=32)
def _word_pattern(words: frozenset[str]) -> re.Pattern:
    alternatives = sorted((re.escape(word) for word in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


# A word the tokenizer keeps whole, so it can be looked up by a token's spelling ('mr', "o'brien", 'st.').
ONE_TOKEN_WORD = re.compile(r"[\w'’.]+")
WORD_INDEX = "newsfacts_word_hashes"
TAG_INDEX = "newsfacts_tag_hashes"
POS_INDEX = "newsfacts_part_of_speech_hashes"
TOKEN_STARTS = "newsfacts_token_starts"


def _word_index(doc: Doc) -> dict[int, list[int]]:
    """Token indices by the hash of their lower-case spelling, built once per Doc: the entity stage asks for
    tokens by spelling a dozen times per article."""
    return _positions(doc, LOWER, WORD_INDEX)


def _positions(doc: Doc, attribute: int, name: str) -> dict[int, list[int]]:
    """Token indices by the hash of an attribute's value, kept in the Doc's user data under `name`. Read from the
    Doc's arrays (sorted, then cut where the value changes) and kept by hash: a Token object, or a string from the
    vocabulary, per word costs more than the lookups."""
    index = doc.user_data.get(name)
    if index is None:
        values = doc.to_array(attribute)
        order = values.argsort(kind="stable")  # stable: each value's positions stay in text order
        ordered = values[order]
        cuts = [0, *((ordered[1:] != ordered[:-1]).nonzero()[0] + 1).tolist(), len(ordered)]
        positions = order.tolist()
        index = doc.user_data[name] = {key: positions[start:end] for key, start, end
                                       in zip(ordered[cuts[:-1]].tolist(), cuts, cuts[1:])} if len(values) else {}
    return index


def _token_starts(doc: Doc) -> dict[int, int]:
    """The token starting at each character offset where one starts, built once per Doc."""
    starts = doc.user_data.get(TOKEN_STARTS)
    if starts is None:
        starts = {offset: i for i, offset in enumerate(doc.to_array(IDX).tolist())}
        doc.user_data[TOKEN_STARTS] = starts
    return starts


@lru_cache(maxsize=256)
def _by_tokenizing(words: frozenset[str]) -> tuple[frozenset[int], frozenset[str], tuple[str, ...]]:
    """The hashes of the words the tokenizer keeps whole, lower-cased, also with a closing full stop ('mr' is
    also 'mr.'), the other words as written, and those folded: worked out once per word table."""
    whole = {word.lower() for word in words if ONE_TOKEN_WORD.fullmatch(word.lower())}
    hashes = frozenset(get_string_id(spelling) for word in whole for spelling in (word, word + "."))
    rest = frozenset(word for word in words if not ONE_TOKEN_WORD.fullmatch(word.lower()))
    return hashes, rest, tuple(_folded(word) for word in rest)


# Matching without case reads the Turkish dotted and dotless I as 'i', casefold does not: mapped first, so that
# a word the regex finds is always in the folded text.
_DOTTED_AND_DOTLESS_I = str.maketrans({"ı": "i", "İ": "i"})
FOLDED_TEXT = "newsfacts_folded_text"


def _folded(text: str) -> str:
    return (text.translate(_DOTTED_AND_DOTLESS_I) if "ı" in text or "İ" in text else text).casefold()


def _folded_text(doc: Doc, text: str) -> str:
    """The article's text folded, built once per Doc."""
    folded = doc.user_data.get(FOLDED_TEXT)
    if folded is None or folded[0] != text:
        folded = doc.user_data[FOLDED_TEXT] = (text, _folded(text))
    return folded[1]


QUOTATIONS = "newsfacts_quotations"


def quotations_in(doc: Doc, text: str) -> list[Quotation]:
    """The article's quotations (`quote_marks.quotations`), read once per Doc: several steps ask, some once per
    phrase."""
    found = doc.user_data.get(QUOTATIONS)
    if found is None or found[0] != text:
        found = doc.user_data[QUOTATIONS] = (text, tuple(quotations(text)))
    return list(found[1])


def tokens_spelling(doc: Doc, text: str, words) -> list[Token]:
    """Tokens that start one of `words` (any case), in text order: words the tokenizer keeps whole are looked
    up by spelling, others ('start-up') found by a regex over the text, run only when one of them is in it (the
    regex scans the whole text: a tenth of a millisecond each time)."""
    index = _word_index(doc)
    hashes, rest, folded_rest = _by_tokenizing(words if isinstance(words, frozenset) else frozenset(words))
    positions = set()
    for key in index.keys() & hashes:
        positions.update(index[key])
    if any(word in _folded_text(doc, text) for word in folded_rest):
        starts = _token_starts(doc)
        for match in _word_pattern(rest).finditer(text):
            if (start := starts.get(match.start())) is not None:
                positions.add(start)
    return [doc[i] for i in sorted(positions)]


def tokens_tagged(doc: Doc, tags: frozenset[str], parts_of_speech: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens with one of the fine-grained part-of-speech `tags` ('NN') or coarse `parts_of_speech` ('NOUN'), in
    text order, from indexes of them built once per Doc: a loop over every word makes a Token object of each
    (several steps read every noun)."""
    by_tag, by_part = _positions(doc, TAG, TAG_INDEX), _positions(doc, POS, POS_INDEX) if parts_of_speech else {}
    positions = {i for tag in _hashes_of(tags) for i in by_tag.get(tag, ())}
    positions.update(i for part in _hashes_of(parts_of_speech) for i in by_part.get(part, ()))
    return [doc[i] for i in sorted(positions)]


@lru_cache(maxsize=16)
def _hashes_of(tags: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(tag) for tag in tags)


# The tags of a singular noun, common or proper (a role or title may be either), and of a singular common noun.
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
SINGULAR_COMMON_NOUN_TAGS = frozenset({"NN"})
# The Penn Treebank's tags of a verb.
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


def head_word(key: str) -> str:
    """The head word of a name's normal form: 'bureau' of 'bureau of transport statistics', 'board' of 'water board'."""
    words = key.split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def honorific_gender(key: str) -> str | None:
    return HONORIFIC_GENDER_OVERRIDES.get(key, HONORIFICS.get(key))


def with_article(doc: Doc, start: int) -> int:
    return start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start


@lru_cache(maxsize=1)
def _first_name_genders():
    # gender-guesser ships a table of ~40,000 first names by country; loaded once per process.
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def _gender_guess(name: str) -> str:
    """gender-guesser's answer for a word, remembered: it weighs the name's countries again on every call, and
    the entity stage asks about the same words dozens of times an article."""
    return _first_name_genders().get_gender(name.capitalize())


def is_first_name(name: str) -> bool:
    """Whether a word is a first name at all, of either or no clear gender ('Meredith', 'Kim')."""
    return _gender_guess(name) != "unknown"


def first_name_gender(name: str) -> str | None:
    """'male' or 'female' for first names that are clearly one, else None ('Kim', 'Alex' stay open)."""
    guess = _gender_guess(name)
    return guess if guess in {"male", "female"} else None


def first_name_leaning(name: str) -> str | None:
    """'male' or 'female' for first names that are mostly one ('Tracey'), else None: enough to doubt a form of
    address of the other gender, not to give one."""
    guess = _gender_guess(name)
    return guess.removeprefix("mostly_") if guess.removeprefix("mostly_") in {"male", "female"} else None


@lru_cache(maxsize=1)
def _nicknames():
    # The `nicknames` package: a hand-curated table of English given names and their short forms (88 KB), loaded
    # once per process in about 20 ms.
    from nicknames import NickNamer

    return NickNamer()


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names can be one person's: the same, or one a short form of the other ('Bill',
    'William')."""
    return a == b or a in _nicknames().nicknames_of(b) or b in _nicknames().nicknames_of(a)


# A name's normal form: its runs of white space one space, no opening 'the', no closing possessive.
_SPACES = re.compile(r"\s+")
_OPENING_THE = re.compile(r"^the ")
_CLOSING_POSSESSIVE = re.compile(r"'s?$")


def normalise(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("’", "'")).strip().lower()
    text = _OPENING_THE.sub("", text)
    return _CLOSING_POSSESSIVE.sub("", text).strip()


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


def standing_alone(name: str, text: str) -> Iterator[tuple[int, int]]:
    """Where `name` stands in `text` as written, with no letter, digit, underscore or hyphen on either side: the
    offsets of the regex that says so with look-arounds. By hand because a pattern opening with a look-behind has
    no literal to jump to, so its matcher runs at every character (3 ms an article; str.find takes 0.3)."""
    position = text.find(name) if name else -1
    while position >= 0:
        end = position + len(name)
        if not _joins_a_word(text, position - 1) and not _joins_a_word(text, end):
            yield position, end
            position = text.find(name, end)
        else:
            position = text.find(name, position + 1)


def _joins_a_word(text: str, i: int) -> bool:
    """Whether the character at i would make a name there part of a longer word or a hyphened compound."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")
