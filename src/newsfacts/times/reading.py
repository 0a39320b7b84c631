"""What the normalisers know of the article (`Reading`): its parse, its text, the date relative expressions
count from, and the tense the words around an expression are in.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..parse import governing_verb
from ..timex import WORDS
from . import convention
from .patterns import previous_word


Found = tuple[int, int, str, str]  # start, end, TIMEX3 type, value
# NER labels of names: a calendar word inside one is part of the name ("USA Today", "Man Friday").
NAMED_TYPES = {"PERSON", "ORG", "FAC", "GPE", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"}
MODALS = {"can", "could", "may", "might", "must", "should", "would"}
# Verbs whose "to" clause is still ahead: "plans to reopen in May", "is due to rule on Friday".
FUTURE_HEADS = {"due", "go", "expect", "plan", "set", "schedule", "intend", "aim", "hope"}
# Predicates that put their own time ahead: "results are due on Friday", "a ruling is expected in May", "rain
# forecast for the weekend", "flights booked for January".
SCHEDULING = {"due", "expect", "schedule", "slate", "plan", "forecast", "predict", "book"}
# Verbs that make known what is to come, and participles of what opens then: "announced strikes starting in May".
ANNOUNCING_VERBS = {"announce", "call", "plan", "schedule", "propose", "unveil", "confirm", "set", "approve"}
OPENING_VERBS = {"start", "begin", "commence", "run"}


@dataclass
class Reading:
    """What normalisation needs to know about the article."""

    doc: Doc
    text: str  # the article text, kept because spaCy's Doc.text is rebuilt from the tokens on every call
    anchor: date | None
    explicit_hours: list[float] = field(default_factory=list)
    outlet: str | None = None
    source: str | None = None  # the file or web address the article came from

    @cached_property
    def _token_starts(self) -> list[int]:
        return [token.idx for token in self.doc]

    def token_after(self, char: int) -> Token | None:
        """The first word starting at or after a character offset (found by bisection: long articles)."""
        index = bisect_left(self._token_starts, char)
        while index < len(self.doc) and self.doc[index].is_space:
            index += 1
        return self.doc[index] if index < len(self.doc) else None

    @cached_property
    def date_order(self) -> str | None:
        """'MDY' or 'DMY': how the article writes numeric dates (`convention`); None when nothing tells."""
        return convention.date_order(self.doc, self.text, self.outlet, self.source)

    @cached_property
    def country(self) -> str | None:
        return convention.country(self.doc, self.text)

    def span(self, start: int, end: int) -> SpacySpan | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def tense(self, start: int, end: int) -> int:
        """-1 for past narration, +1 for future, 0 otherwise, read from the verb the expression hangs on."""
        span = self.span(start, end)
        if span is None:
            return 0
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        if before == "since":  # "since the summer": a time already gone
            return -1
        if span.root.dep_ == "poss" and span.root.head.lemma_ in CLOSING_NOUNS:
            return -1  # "a premium to Friday's close": a price already struck
        verb = governing_verb(span.root)
        if verb is None:
            return 0
        return _verb_tense(_reported_clause(verb, span) or verb, before in DEADLINE_WORDS)

    def target(self, start: int) -> bool:
        """Whether a day is written as what something is set for ("called a vote for Jan. 19", "adjourned
        until Friday"): it lies after the act, so a past verb says nothing of it."""
        return previous_word(self.text, start) in TARGET_WORDS

    def scheduled(self, start: int, end: int) -> int:
        """+1 when a day hangs straight on a verb in the simple present that has a subject, which news uses
        for what is scheduled ('the strike starts on Monday', 'the council meets Tuesday'), else 0; not a day
        hanging on a noun ('the price is a premium to the close on Friday')."""
        span = self.span(start, end)
        verb = governing_verb(span.root) if span is not None else None
        if verb is None or verb.tag_ not in ("VBZ", "VBP"):
            return 0
        on_verb = span.root.head == verb or span.root.head.head == verb and span.root.head.pos_ == "ADP"
        has_subject = any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)
        plain = not any(child.dep_ in ("aux", "auxpass") for child in verb.children)
        # nor one in a clause under a past one, where the parser more likely mistook a noun for the verb
        under_past = verb.dep_ in ("advcl", "conj") and _verb_tense(verb.head) < 0
        return 1 if on_verb and has_subject and plain and not under_past else 0


# Words before a day that make it what an act was set for.
TARGET_WORDS = {"for", "until", "till"}
# Nouns of a market's last price: a day owning one is over ("Friday's close").
CLOSING_NOUNS = {"close", "closing"}


def _reported_clause(verb: Token, span: SpacySpan) -> Token | None:
    """The reported clause a time stands in when the parse hangs it on the reporting verb after it: "will
    be open Monday, the school said" dates the opening, not the saying."""
    if span.end > verb.i:
        return None
    return next((child for child in verb.children
                 if child.dep_ == "ccomp" and child.i < verb.i
                 and child.left_edge.i < span.start <= child.right_edge.i + 1), None)


# Prepositions that make a time a limit rather than when something happened ("postmarked by Friday").
DEADLINE_WORDS = {"by", "until", "till", "before"}


def _lemma_in(word: Token, lemmas: set[str]) -> bool:
    """Whether a word's lemma is one of `lemmas`, also when the small model's lemmatiser dropped a silent e
    ("hoped" → "hop")."""
    return word.lemma_ in lemmas or word.lemma_ + "e" in lemmas and word.lower_.startswith(word.lemma_ + "e")


def _verb_tense(verb: Token, deadline: bool = False) -> int:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & {"will", "shall", "'ll", "wo"}:
        return 1
    past = verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries)
    if verb.lemma_ in SCHEDULING or any(child.dep_ == "acomp" and child.lemma_ in SCHEDULING
                                        for child in verb.children):
        if not past or verb.dep_ == "ccomp":  # "warned that rain was due on Friday": reported, still ahead
            return 1
    if past:
        return -1
    if verb.tag_ in ("VBN", "VBG") and any(child.lemma_ == "have" for child in auxiliaries):
        return -1  # "has reopened", "has been waiting since …"
    reported = verb.dep_ == "ccomp" or verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
    if "would" in words and reported:  # "said the library would reopen in March": still ahead
        return 1
    if "to" in words and _lemma_in(verb.head, FUTURE_HEADS):
        return 1
    if "to" in words and verb.dep_ in ("relcl", "acl") and not _picked_out(verb.head):
        # "more acts to be announced in the spring", "a vote to be held in May"; but "the attempt to land
        # on Friday failed" tells what was done
        done = verb.head.dep_ == "nsubj" and _verb_tense(verb.head.head) < 0
        return -1 if done else 1
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "acl", "advcl") and _lemma_in(verb, OPENING_VERBS):
        announcing = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if announcing is not None and _lemma_in(announcing, ANNOUNCING_VERBS):
            return 1  # "has announced ten days of strikes starting on 3 February": what is announced is ahead
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):  # "agreed to sell": the head's tense
        return _verb_tense(verb.head)
    if verb.tag_ in ("VBN", "VBG") and not auxiliaries and verb.dep_ in ("acl", "advcl"):
        # "a survey held in December drew …", "will rise starting in January": the clause's tense; a past
        # participle tells of something done ("the book, published in March, follows …", "the plan announced
        # in January will …"), unless its time is a limit: "ballots postmarked by Friday will count" were
        # postmarked before, not after, the counting
        clause_verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        tense = _verb_tense(clause_verb) if clause_verb is not None else 0
        if verb.tag_ == "VBN" and tense >= 0:
            return 0 if deadline else -1
        return tense
    return 0


# Words that pick one out of a series, after which an infinitive tells what was done: "the first woman to
# win in May" (against "a vote to be held in May").
SERIES_WORDS = {"first", "last", "only", "next", "second", "third", "latest"}


def _picked_out(noun: Token) -> bool:
    return any(child.lower_ in SERIES_WORDS or child.tag_ == "JJS" for child in noun.children)


def has_modal(reading: Reading, start: int, end: int) -> bool:
    span = reading.span(start, end)
    if span is None:
        return False
    verb = span.root.head
    return any(child.lower_ in MODALS for child in verb.children if child.dep_ == "aux")


def part_of_name(word: SpacySpan) -> bool:
    """'Theresa May', 'Man Friday': a calendar word straight after a capitalised word inside a sentence, unless
    that word is a plural ('joined Democrats Tuesday')."""
    before = word.doc[word.start - 1] if word.start > 0 else None
    return (before is not None and not word[0].is_sent_start and before.is_title and before.pos_ == "PROPN"
            and before.tag_ != "NNPS" and before.lower_ not in WORDS["months"]
            and before.lower_ not in WORDS["weekdays"])


# Words between a calendar word and a capitalised one that keep them one name ("the March for Hope").
NAME_LINKS = {"for", "of", "against"}


def part_of_title(word: SpacySpan) -> bool:
    """'the Friday Club', 'the March for Hope': a calendar word after 'the' and before a capitalised word."""
    doc = word.doc
    if word.start == 0 or doc[word.start - 1].lower_ != "the":
        return False
    after = doc[word.end:word.end + 2]
    if len(after) and after[0].lower_ in NAME_LINKS:
        after = after[1:]
    return (len(after) > 0 and after[0].is_title and after[0].pos_ == "PROPN"
            and after[0].lower_ not in WORDS["months"] and after[0].lower_ not in WORDS["weekdays"])
