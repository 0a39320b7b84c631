"""What a figure is a number of, and how sure the article is of it: the hedge written before it and the noun
it counts or measures, read off the parse."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..parse import SUBJECT_DEPS
from .numbers import WORDS, alternatives

HEDGES = {word: tuple(bounds) for word, bounds in WORDS["hedges"].items() if not word.startswith("_")}
_HEDGE_BEFORE = re.compile(rf"(?<![\w-])(?P<hedge>{alternatives(HEDGES)})\s+(?:an?\s+)?$", re.I)
NOUNS = ("NOUN", "PROPN")
# How a number hangs on the noun it counts ("28 children", "about 40 people", "a three-goal lead").
_COUNTING_DEPS = ("nummod", "amod", "compound", "quantmod", "nmod")


def hedge_before(text: str, start: int) -> str | None:
    """The approximator written straight before a figure ('about', 'more than', 'just over'), lower case."""
    found = _HEDGE_BEFORE.search(text[max(0, start - 22):start])
    return " ".join(found["hedge"].lower().split()) if found else None


_HEDGE_OPENING = re.compile(rf"(?P<hedge>{alternatives(HEDGES)})\s+(?=\S)", re.I)


def leading_hedge(text: str) -> tuple[str, int] | None:
    """The approximator an expression opens on ('almost eight hours' → 'almost') and where the rest starts."""
    found = _HEDGE_OPENING.match(text)
    return (" ".join(found["hedge"].lower().split()), found.end()) if found else None


def _number_root(span: Span) -> Token:
    """The word a number's span hangs by: '28' in '28', 'five' in 'twenty - five' (its last number word)."""
    token = span.root
    while token.dep_ in ("quantmod", "compound", "nummod") and token.head.pos_ == "NUM" and token.head in span:
        token = token.head
    return token


def counted_noun(span: Span) -> Token | None:
    """The noun a number counts: 'children' in '28 children', 'crew' in '9 crew', 'people' in 'Seven people'."""
    token = _number_root(span)
    if token.dep_ in _COUNTING_DEPS and token.head.pos_ in NOUNS and token.head.i > token.i:
        return token.head
    following = span.doc[span.end] if span.end < len(span.doc) else None
    # the parse sometimes hangs the noun on the number instead ("60 crew" read as crew → 60)
    if following is not None and following.pos_ in NOUNS and following.head == token:
        return following
    return None


def said_of(span: Span) -> Token | None:
    """The thing a figure is said of: the noun it modifies ('an eight-hour operation'), the noun whose 'of'
    it follows ('revenue of £2.31bn'), or its verb's subject ('Turnout was 24.2%', 'profit rose to £2bn')."""
    token = _number_root(span)
    for _ in range(3):  # "the £36m", "to £2bn": climb from the numeral to the word heading its phrase
        if token.dep_ in ("nummod", "quantmod", "compound", "nmod") and token.head.pos_ in ("NUM", "SYM", "NOUN") \
                and token.head not in span and token.head.i - span.end < 2 and token.head.pos_ != "NOUN":
            token = token.head
        else:
            break
    if token.dep_ in ("amod", "compound", "nummod", "appos") and token.head.pos_ in NOUNS and token.head not in span:
        return token.head
    if token.dep_ == "pobj":
        preposition = token.head
        if preposition.head.pos_ in NOUNS and preposition.lower_ == "of":
            return preposition.head
        if preposition.head.pos_ in ("VERB", "AUX"):
            token = preposition
    if token.dep_ in ("attr", "dobj", "npadvmod", "prep", "oprd", "acomp", "advmod", "nsubj"):
        verb = token.head
        if verb.pos_ in ("VERB", "AUX"):
            subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS and child not in span),
                           None)
            if subject is not None and subject.pos_ in NOUNS:
                return subject
    return None


def words_of(token: Token | None) -> str | None:
    """A noun as the article writes it, lower case; None for no noun."""
    return token.text.lower() if token is not None else None
