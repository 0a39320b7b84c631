"""Events: each dated expression tied to the clause it modifies (who did what, where), with the entities
taking part, sorted into a timeline.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span as SpacySpan, Token

from .. import timex
from ..nlp import Parsed
from ..parse import SUBJECT_DEPS, Mentions, governing_verb, subject_of
from ..schema import Event, FactSheet, Span


# Dependents of a verb that describe its event (who, what, where); clauses hanging off it are other events.
CLAUSE_PARTS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "prt", "dobj", "dative", "attr", "acomp", "oprd",
                "prep", "agent"}
PRUNED = {"relcl", "advcl", "ccomp", "acl", "parataxis", "punct", "mark", "xcomp", "csubj", "appos"}
MAX_PREPOSITIONS = 2
MAX_WORDS = 16


def _dated_verb(span: SpacySpan) -> Token | None:
    """The verb a time expression modifies: its head in the parse, or the nearest verb before it in the
    sentence when that is closer (the small parser often hangs "back in July" on a distant root)."""
    head = governing_verb(span.root)
    head = head if head is not None and head.sent == span.sent else None
    before = next((token for token in reversed(span.doc[span.sent.start:span.start]) if token.pos_ == "VERB"), None)
    candidates = [token for token in (head, before) if token is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda token: min(abs(token.i - span.start), abs(token.i - span.end + 1)))


def _named_actor_verb(verb: Token) -> Token:
    """For a clause whose subject is a pronoun ("as it pulled out"), the verb it subordinates to when that
    one names its actor ("once Edmund had departed, … as it pulled out"): the timeline then says who."""
    current = verb
    for step in range(4):
        subject = next((child for child in current.children if child.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.pos_ != "PRON" or subject is None and step == 0:
            return current
        if current.dep_ not in ("advcl", "conj", "xcomp") or current.head.pos_ not in ("VERB", "AUX"):
            break
        current = current.head
    return verb


def _phrase(token: Token, excluded: set[int]) -> list[Token]:
    """A dependent's words, without the clauses and punctuation hanging off it."""
    if token.i in excluded:
        return []
    words = [token]
    for child in token.children:
        if child.dep_ not in PRUNED:
            words += _phrase(child, excluded)
    return words


def _clause(verb: Token, excluded: set[int]) -> list[Token]:
    """Who did what where: the verb with its subject, objects and first prepositional phrases, kept short
    by dropping the last prepositional phrases first."""
    words = [verb]
    prepositions: list[list[Token]] = []
    for child in verb.children:
        if child.dep_ not in CLAUSE_PARTS or child.i in excluded:
            continue
        part = _phrase(child, excluded)
        if child.dep_ == "prep":
            if len(part) >= 2 and len(prepositions) < MAX_PREPOSITIONS:
                prepositions.append(part)
            continue
        words += part
    relative = next((word for word in words if word.dep_ in SUBJECT_DEPS and word.tag_ in ("WP", "WDT")), None)
    if relative is not None and verb.dep_ == "relcl":  # "Jane Smith, who was born …": say who
        words = [word for word in words if word is not relative] + _phrase(verb.head, excluded | {verb.i})
    elif not any(word.dep_ in SUBJECT_DEPS for word in words) and verb.head.i != verb.i:
        subject = subject_of(verb.head, reach=2)  # "he was ready to do it", "was pictured meeting …"
        if subject is not None:
            words += _phrase(subject, excluded)
            if any(child.lower_ == "to" for child in verb.children):  # "he was ready to do it", not "he to do it"
                head = verb.head
                words += [head] + [child for child in head.children
                                   if child.dep_ in ("aux", "auxpass", "neg", "acomp") and child.i not in excluded]
                if head.pos_ == "ADJ" and head.head.pos_ == "AUX":  # "was ready to"
                    words.append(head.head)
    while prepositions and len(words) + sum(map(len, prepositions)) > MAX_WORDS:
        prepositions.pop()
    return sorted(set(words).union(*prepositions), key=lambda word: word.i)


def _joined(words: list[Token]) -> str:
    text = ""
    for previous, word in zip([None, *words], words):
        if previous is not None:
            text += previous.whitespace_ if word.i == previous.i + 1 else " "
        text += word.text
    return text.strip(" ,;:–-")


def _timeline_key(event: Event) -> tuple:
    """Resolved dates first, in calendar order (a week or season sorts at its start); the rest keep text order."""
    start = timex.start_of(event.when)
    return (0, start, event.time.start if event.time else 0) if start else (1, "", event.time.start if event.time else 0)


def find_events(parsed: Parsed, sheet: FactSheet) -> list[Event]:
    """One event per dated expression: the clause it modifies, when, and the entities taking part."""
    doc = parsed.doc
    time_tokens = set()
    for time in sheet.times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        time_tokens |= set(range(span.start, span.end)) if span is not None else set()
    # A clause stays in its sentence, so only that sentence's time tokens are excluded from it: copying them
    # all for every time was quadratic.
    time_tokens_in_order = sorted(time_tokens)
    mentions = Mentions(doc, sheet.entities)
    events, seen = [], set()
    for time in sheet.times:
        if time.type not in ("DATE", "TIME") or time.value.endswith("_REF"):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        verb = _dated_verb(span) if span is not None else None
        if verb is None:
            continue
        verb = _named_actor_verb(verb)
        # Keep the time's own preposition out of the clause ("at 4.35", "on Monday").
        sentence = verb.sent
        excluded = set(time_tokens_in_order[bisect_left(time_tokens_in_order, sentence.start):
                                            bisect_left(time_tokens_in_order, sentence.end)])
        excluded |= {token.i for token in span.root.ancestors
                     if token.dep_ == "prep" and token.head == verb and token.i < span.start
                     and token.i >= span.start - 2}
        words = _clause(verb, excluded)
        while words and words[-1].pos_ == "ADP" and words[-1].dep_ != "prt":  # "repaired by": the time was its object
            words.pop()
        what = _joined(words)
        if len(words) < 2 or (what, time.value) in seen:
            continue
        seen.add((what, time.value))
        # A word in nested mentions stands for the entity the article brought in first.
        entity_ids = list(dict.fromkeys(mentions.at(word)[0][1].id for word in words if mentions.at(word)))
        events.append(Event(what=what, when=time.value, time=Span(text=time.text, start=time.start, end=time.end),
                            entities=entity_ids))
    # "met at 6pm on Wednesday" is one event: keep the most precise of the times dating the same clause.
    # A time is less precise when it begins another's value for the same clause (2025-09-10 of
    # 2025-09-10T18:00): looked up among the beginnings of every value, as comparing all pairs was quadratic.
    beginnings = {(event.what, event.when[:end]) for event in events for end in range(len(event.when))}
    precise = [event for event in events if (event.what, event.when) not in beginnings]
    return sorted(precise, key=_timeline_key)
