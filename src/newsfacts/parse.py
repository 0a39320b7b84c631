"""Reading the parse: helpers every stage uses, written once.

Where a token lies (`token_index_from`, `sentence_start`), what it hangs on (`governing_verb`,
`subject_of`, `relative_antecedent`), and which of the sheet's entities a token refers to (`Mentions`).
Stages read each other's results only through the sheet; these are what they share of the parse.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

from .schema import Entity, Mention

# Dependencies of a verb's subject (spaCy's ClearNLP labels).
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Penn tags of relative pronouns (who, which, that), which stand for the noun their clause hangs on, and
# the dependencies of such a clause.
RELATIVE_TAGS = ("WP", "WDT")
NOUN_ATTACHED_DEPS = ("relcl", "acl")


def token_index_from(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after character `char` (`len(doc)` if none), by binary search:
    a Doc maps tokens to characters, not characters to tokens."""
    low, high = 0, len(doc)
    while low < high:
        middle = (low + high) // 2
        if doc[middle].idx < char:
            low = middle + 1
        else:
            high = middle
    return low


def sentence_start(doc: Doc, start: int, back: int) -> int | None:
    """Token index where the sentence `back` sentences before the one starting at `start` begins; None
    before the first sentence."""
    for _ in range(back):
        if start == 0:
            return None
        start = doc[start - 1].sent.start
    return start


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def governing_verb(token: Token, verb: Callable[[Token], bool] = is_verb, reach: int | None = None) -> Token | None:
    """The first of `token` and the words above it in the parse that `verb` accepts: 'said' for 'aide' in
    '"…," Jane Doe, an aide, said'. It climbs at most `reach` heads (up to the root when None), and gives
    None when it meets no verb."""
    steps = 0
    while not verb(token):
        if token.head.i == token.i or reach is not None and steps == reach:
            return None
        token, steps = token.head, steps + 1
    return token


def depth(token: Token) -> int:
    """Distance to the root of the sentence: the lower, the more central a word is to it."""
    steps = 0
    while token.head.i != token.i:
        token = token.head
        steps += 1
    return steps


def link_up(token: Token, deps: Collection[str]) -> Token | None:
    """The first word on the way from `token` up to its sentence's root (the token itself, not the root) hung on
    its head by one of `deps`: the clause or phrase the token lies in."""
    while token.head.i != token.i:
        if token.dep_ in deps:
            return token
        token = token.head
    return None


def subject_of(verb: Token, through: Collection[str] | None = None, reach: int | None = None) -> Token | None:
    """The subject of `verb` or, when it has none, of the word it hangs on, and so on up: 'Ann' for 'meeting'
    in 'Ann was pictured meeting the crew'. The climb goes only through the dependencies `through` (any when
    None) and at most `reach` heads up (to the root when None)."""
    steps = 0
    while True:
        subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
        if subject is not None or verb.head.i == verb.i or through is not None and verb.dep_ not in through \
                or reach is not None and steps == reach:
            return subject
        verb, steps = verb.head, steps + 1


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: 'residents' in 'residents who say …', 'Hale' in 'Ann Hale, who
    has died aged 80,'."""
    clause = pronoun.head
    if pronoun.tag_ in RELATIVE_TAGS and clause.dep_ in NOUN_ATTACHED_DEPS and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return None


class Mentions:
    """Which of the sheet's entities each token of the parse refers to, indexed once per article.

    Mentions nest ("his" inside "his father" is someone else), so a token may lie in several: `at` gives
    them all in sheet order, `of_token` the tightest (the first in sheet order among equally tight ones).
    """

    def __init__(self, doc: Doc, entities: list[Entity]):
        in_sheet_order = [(mention, entity) for entity in entities for mention in entity.mentions]
        self.items = sorted(in_sheet_order, key=lambda item: item[0].end - item[0].start)  # tightest first
        # The longest mention starting or ending at a character: "the Prince of Wales", not "Wales".
        self.starting: dict[int, tuple[Mention, Entity]] = {}
        self.ending: dict[int, tuple[Mention, Entity]] = {}
        for mention, entity in reversed(self.items):
            self.starting.setdefault(mention.start, (mention, entity))
            self.ending.setdefault(mention.end, (mention, entity))
        self._by_token: dict[int, list[tuple[Mention, Entity]]] = {}
        for mention, entity in in_sheet_order:
            for index in _tokens_overlapping(doc, mention.start, mention.end):
                self._by_token.setdefault(index, []).append((mention, entity))

    def at(self, token: Token) -> list[tuple[Mention, Entity]]:
        """Every mention that overlaps the token, with its entity, in sheet order."""
        return self._by_token.get(token.i, [])

    def of_token(self, token: Token) -> tuple[Mention, Entity] | None:
        return min(self.at(token), key=lambda item: item[0].end - item[0].start, default=None)

    def entity_of(self, token: Token) -> Entity | None:
        found = self.of_token(token)
        return found[1] if found else None


def _tokens_overlapping(doc: Doc, start: int, end: int) -> range:
    """Indices of the tokens that share a character with [start, end) (or hold `start`, when it is empty)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    if span is not None:  # spaCy's own lookup, for a stretch inside the text
        return range(span.start, span.end)
    first = token_index_from(doc, start)
    if first > 0 and doc[first - 1].idx + len(doc[first - 1]) > start:
        first -= 1
    return range(first, max(first, token_index_from(doc, end)))
