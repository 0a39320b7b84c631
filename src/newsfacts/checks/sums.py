"""`total`: parts against a whole across a passage, read off the sheet's figures.

- a breakdown in brackets: '5 (3 from one country, 1 …, 1 …)';
- a list under a 'Total …: N' line, one figure a line;
- groups that between them make up a whole ('28 children and 30 adults', 'four women, three men and two
  children', 'three critical, one serious and one stable') against the count of the same sense the passage
  gives ('At least 68 people were killed …'), sentences apart;
- any count that is exactly the sum of a run of counts beside it ('270 monks … 70 escaped, 50 were found dead
  and 150 are unaccounted for'), which is agreement only: a sum that does not come out is no evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from ..lexicon import data_table
from ..nlp import Parsed
from ..schema import Check, FactSheet
from .common import CUES, GROUP_FORMS, PARTITIONS, side_by_side, verdict, words_pattern
from .values import Value, shown, values

_STRUCK = {word: tuple(senses) for word, senses in CUES["struck_words"].items() if not word.startswith("_")}
_LARGEST_PARTITION = max(len(row) for row in PARTITIONS)  # a list of counts is read no longer than this
_REMAINDER = re.compile(rf"\b(?:{words_pattern(CUES['remainder_unknown'])})\b", re.I)
_SENSES = {word: sense for sense, words in data_table("story_words")["senses"].items() if not sense.startswith("_")
           for word in words}
_PART_KINDS = ("count", "number", "money")
# A noun whose 'of' phrase the groups are ('a jury of', 'the crew of'): their whole, which the article does not count.
_OWN_WHOLE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?:[a-z][\w-]*\s+){1,3}of\s+$", re.I)
_EARLIER_VALUE = re.compile(r"\b(?:from|compared\s+with|compared\s+to|against)\s+(?:an?\s+)?$", re.I)
# "three other men", "two more people": parts beside others counted apart, so not the whole of it
_BESIDE_OTHERS = re.compile(r"^(?:\s+[\w'’-]+)?\s+(?:other|others|more|additional|further)\b", re.I)
# Between two items of one list: a few words, a comma, 'and', 'while', 'but'.
_LIST_GAP = re.compile(r"^(?![^.]*\b(?:than|of)\b)[^.;:()\d]{0,60}$")
# How far apart, in sentences, a whole and the list of its parts may stand.
_PARTITION_REACH = 4
_SENSE_WORDS = 5
_SUM_REACH = 1
# No sum in news lists this many parts: a whole in a longer run of figures (a table, a text of numbers) reads
# this many on each side of it and no further, so that each whole's work is bounded.
_MOST_PARTS = 100
_CUED_REACH = 2
_TOTAL_CUE = re.compile(r"\b(?:a\s+total\s+of|in\s+total|total(?:ling|ing)?|in\s+all|altogether|combined)\s+$", re.I)


def sum_checks(parsed: Parsed, sheet: FactSheet) -> Iterator[Check]:
    found = [v for v in values(parsed, sheet) if v.kind in _PART_KINDS or v.kind == "ratio"]
    items = _items(found)
    text = parsed.text
    sentences = list(parsed.doc.sents)
    yield from _brackets(text, items)
    yield from _total_lines(text, items)
    yield from _partitions(text, sentences, items)
    yield from _exact_sums(text, items)
    yield from _differences(text, items)
    yield from _changes_by(text, items)


def _items(found: list[Value]) -> list[Value]:
    """Counts and sums of money, a ratio ('25 of the 34') as its part and its whole."""
    items = []
    for v in found:
        if v.kind == "ratio":
            if " in " in v.text or not v.figure.upper:
                continue
            whole = float(v.figure.upper)
            items.append(Value(v.figure.model_copy(update={"text": v.text.split()[0], "kind": "count",
                                                           "end": v.start + len(v.text.split()[0])}),
                               v.value, v.value, v.value, v.sentence))
            last = v.text.split()[-1]
            items.append(Value(v.figure.model_copy(update={"text": last, "kind": "count",
                                                           "start": v.end - len(last)}),
                               whole, whole, whole, v.sentence))
        else:
            items.append(v)
    return sorted(items, key=lambda v: v.start)


def _same_unit(a: Value, b: Value) -> bool:
    return (a.kind == "money") == (b.kind == "money") and (a.kind != "money" or a.unit == b.unit)


def _noun(value: Value) -> str | None:
    """The noun a count counts, in one form ('child' and 'children' alike); a plain number's `measures` is
    what it is said of, not a noun it counts."""
    if value.kind == "number":
        return None
    noun = (value.figure.measures or "").lower()
    return GROUP_FORMS.get(noun, noun) or None


def _about(text: str, value: Value) -> str:
    """A figure as the check names it: with the noun it counts when that follows ('28 children')."""
    noun = value.figure.measures
    if noun and value.kind != "money":
        found = re.match(rf"(?:\s+[\w'’-]+){{0,2}}?\s+{re.escape(noun)}\b", text[value.end:value.end + 40], re.I)
        if found:
            return text[value.start:value.end + found.end()]
    return value.text


def _check(text: str, whole: Value, parts: list[Value], status: str, note: str = "") -> Check:
    summed = sum(p.value for p in parts)
    stated = f"{whole.figure.hedge} {whole.text}" if whole.figure.hedge else whole.text
    return Check(kind="total", status=status, about=[_about(text, whole), *(_about(text, p) for p in parts)],
                 working=f"{' + '.join(shown(p.value) for p in parts)} = {shown(summed)}; stated total {stated}"
                         f"{note}: {status}")


def _fits(whole: Value, summed: float) -> bool:
    return whole.low - 1e-9 <= summed <= whole.high + 1e-9


def _brackets(text: str, items: list[Value]) -> Iterator[Check]:
    """'Non-residents: 5 (3 …, 1 … and 1 …)': the figures in brackets right after a whole break it down."""
    for index, whole in enumerate(items):
        opening = re.match(r"\s*\(", text[whole.end:])
        if opening is None:
            continue
        close = text.find(")", whole.end)
        parts = [v for v in items[index + 1:] if v.end <= close and _same_unit(v, whole)]
        if len(parts) < 2 or any(p.value >= whole.value for p in parts):
            continue
        summed = sum(p.value for p in parts)
        if _fits(whole, summed):
            yield _check(text, whole, parts, "consistent")
        elif summed > whole.high:  # parts beyond the whole cannot be a part of it
            yield _check(text, whole, parts, "inconsistent")


# "Total captured: 251", "- Total: 1,204": a list's total line; the lines after it give one part each.
_TOTAL_LINE = re.compile(r"^\s*(?:[-•*–]\s*)?(?:total|in\s+total|overall)\b[^:\n]{0,40}:\s*$", re.I)
_ITEM_LINE = re.compile(r"^\s*[-•*–]\s*[^:\n]{1,80}:\s*$")


def _total_lines(text: str, items: list[Value]) -> Iterator[Check]:
    lines = {v.start: text.rfind("\n", 0, v.start) + 1 for v in items}
    for index, whole in enumerate(items):
        if not _TOTAL_LINE.match(text[lines[whole.start]:whole.start]):
            continue
        parts, line_end = [], text.find("\n", whole.end)
        for item in items[index + 1:]:
            start = lines[item.start]
            if start <= line_end or any(p.start >= start for p in parts):
                continue  # one figure a line: the first
            if start != line_end + 1 or not _ITEM_LINE.match(text[start:item.start]):
                break
            parts.append(item)
            line_end = text.find("\n", item.end) if text.find("\n", item.end) >= 0 else len(text)
        if len(parts) >= 2 and all(_same_unit(p, whole) and p.value < whole.value for p in parts):
            summed = sum(p.value for p in parts)
            yield _check(text, whole, parts, verdict(_fits(whole, summed)))


def _partitions(text: str, sentences, items: list[Value]) -> Iterator[Check]:
    """Parts naming every group of a partition ('28 children and 30 adults') against the whole the passage
    counts in the same sense."""
    for start in range(len(items)):
        run = [items[start]]
        for item in items[start + 1:]:
            if len(run) == _LARGEST_PARTITION or not _LIST_GAP.match(text[run[-1].end:item.start]) \
                    or item.sentence != run[0].sentence:
                break
            run.append(item)
        nouns = [_noun(v) for v in run]
        for size in range(len(run), 1, -1):
            named = frozenset(nouns[:size])
            if len(named) == size and named in PARTITIONS and (start == 0 or _noun(items[start - 1]) not in named
                                                                or items[start - 1].sentence != run[0].sentence):
                parts = run[:size]
                if _OWN_WHOLE.search(text[max(0, parts[0].start - 40):parts[0].start]):
                    break  # 'the jury of seven women and five men': the groups are the jury's, not another count's
                whole, others = _whole_for(text, sentences, items, parts)
                check = _partition_check(text, sentences, whole, parts, others) if whole is not None else None
                if check is not None:
                    yield check
                break


def _senses(sentence) -> set[str]:
    return {_SENSES[token.lower_] for token in sentence if token.lower_ in _SENSES}


def _senses_near(doc, value: Value) -> set[str]:
    """The senses of the words a few places either side of a figure, in its sentence ('killing at least 12
    people' is dead; 'leaving 16 others with critical injuries' injured and critical)."""
    span = doc.char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return set()
    sentence = span.sent
    window = doc[max(sentence.start, span.start - _SENSE_WORDS):min(sentence.end, span.end + _SENSE_WORDS)]
    return _senses(window)


def _content(sentence) -> set[str]:
    return {token.lemma_.lower() for token in sentence if token.pos_ in ("NOUN", "PROPN") and not token.like_num}


def _struck(sentence) -> set[str]:
    """The senses a word for those an event struck may stand for ('the victims': the dead, the injured)."""
    return {sense for token in sentence for sense in _STRUCK.get(token.lower_, ())}


def _whole_for(text: str, sentences, items: list[Value], parts: list[Value]) -> tuple[Value | None, list[Value]]:
    """The count the parts are parts of: in their sentence or one of the few before it, of the same sense
    (killed and dead; injured) and sharing most words with their sentence, bigger than every part. Parts said
    of 'the victims' may be parts of the dead or of the injured: the counts of the other senses it may stand
    for come second, as another whole the parts may make up with it."""
    own = sentences[parts[0].sentence]
    senses, words = _senses(own), _content(own)
    struck = _struck(own) if not senses else set()
    best, best_score = None, 0
    others: dict[str, Value] = {}
    for whole in items:
        if whole in parts or not 0 <= parts[0].sentence - whole.sentence <= _PARTITION_REACH:
            continue
        if not _same_unit(whole, parts[0]) or _noun(whole) in {_noun(p) for p in parts}:
            continue
        if whole.sentence == parts[0].sentence and whole.start > parts[0].start:
            continue
        if _EARLIER_VALUE.search(text[max(0, whole.start - 20):whole.start]):
            continue  # "41 dead, up from 27 a day earlier": the 27 is what the count was before
        theirs = sentences[whole.sentence]
        near = _senses_near(theirs.doc, whole)
        if senses and not senses & near:
            continue
        if struck and near & struck:
            for sense in near & struck:
                others.setdefault(sense, whole)
        if any(p.value >= whole.value for p in parts):
            continue
        score = len(words & _content(theirs)) + (2 if whole.sentence == parts[0].sentence else 0) + (
            1 if near & struck else 0)
        if score > best_score or score == best_score and best is not None and whole.start > best.start:
            best, best_score = whole, score
    return best, [other for other in others.values() if other is not best]


def _partition_check(text: str, sentences, whole: Value, parts: list[Value], others: list[Value]) -> Check | None:
    summed = sum(p.value for p in parts)
    passage = text[sentences[whole.sentence].start_char:sentences[parts[-1].sentence].end_char]
    if _fits(whole, summed):
        return _check(text, whole, parts, "consistent")
    if any(_BESIDE_OTHERS.match(text[p.end:p.end + 24]) for p in parts):
        return None
    # 'the victims' may be the injured, or the dead and the injured together: wrong only if no reading fits
    readings = [(o.low, o.high) for o in others] + [(whole.low + sum(o.low for o in others),
                                                     whole.high + sum(o.high for o in others))] if others else []
    if any(low - 1e-9 <= summed <= high + 1e-9 for low, high in readings):
        return None
    if summed < whole.low and _REMAINDER.search(passage):
        # "15 children and 19 adults; the remaining bodies have not been identified": parts need not reach it
        return _check(text, whole, parts, "consistent", " (the rest not counted)")
    return _check(text, whole, parts, "inconsistent")


def _exact_sums(text: str, items: list[Value]) -> Iterator[Check]:
    """A count that is exactly the sum of a run of two or more counts told next to it, before or after (in
    its sentence or the one beside it): a run whose items are joined as one list, set off from the whole by
    more than a list's comma ('10, 20 and 30' is a list of three), none of them a difference ('62 more
    than …'), a part of a total ('of the total'), a hedged figure or a measure ('two miles')."""
    parts = [v for v in items if not _MEASURE.match(v.figure.measures or "")
             and not _DIFFERENCE.match(text[v.end:v.end + 16]) and not _SUB_PART.search(text[max(0, v.start - 16):v.start])
             and not _EARLIER_VALUE.search(text[max(0, v.start - 20):v.start]) and not _OF_THEM.match(text, v.end)]
    part_sentences = [v.sentence for v in parts]  # in text order: the parts near a whole are a slice of them
    part_starts = [v.start for v in parts]
    for index, whole in enumerate(items):
        if whole.value < 3 or whole.kind == "number" and whole.figure.measures is None and whole.value < 10:
            continue
        if _NOT_A_WHOLE.match(text[whole.end:whole.end + 20]):
            continue
        # "at least 68 … at least 11 more …, a toll of at least 79": parts hedged as their whole is, or not
        # "…, giving a total of 2,320": a whole said to be a total gathers its parts from further back
        reach = _CUED_REACH if _TOTAL_CUE.search(text[max(0, whole.start - 24):whole.start]) else _SUM_REACH
        at = bisect_left(part_starts, whole.start)
        near = [v for v in parts[max(bisect_left(part_sentences, whole.sentence - reach), at - _MOST_PARTS):
                                 min(bisect_right(part_sentences, whole.sentence + reach), at + _MOST_PARTS)]
                if v is not whole and _same_unit(v, whole) and v.figure.hedge in (None, whole.figure.hedge)]
        after = [v for v in near if v.start >= whole.end]
        before = [v for v in near if v.end <= whole.start]
        # "won 25 of the 34 games … seven ended in a draw, they lost two": a ratio's part opens the run
        ratio_part = items[index - 1] if index and _RATIO_GAP.fullmatch(text[items[index - 1].end:whole.start]) \
            else None
        runs = [_run_summing(text, ([ratio_part] if ratio_part else []) + after, whole, forward=True,
                             ratio_part=ratio_part),
                _run_summing(text, list(reversed(before)), whole, forward=False)]
        run = next((run for run in runs if run), None)
        if run:
            yield _check(text, whole, sorted(run, key=lambda v: v.start), "consistent")


_RATIO_GAP = re.compile(r"\s+(?:out\s+)?of(?:\s+(?:the|its|their|his|her|our|all))?(?:\s+[\w-]+['’]s)?\s+", re.I)
# "$4bn of the total", "62 more than": a part or a difference, not a whole
_NOT_A_WHOLE = re.compile(r"\s+(?:of\s+(?:the|its|their)\s+total|more|fewer|less|ahead|behind|short|shy|up|down)\b",
                          re.I)
_DIFFERENCE = re.compile(r"\s+(?:more|fewer|less)\s+than\b|\s+(?:ahead|behind|short|shy)\s+of\b", re.I)
# "164 passengers, among them three infants": what another figure includes is no further part
_SUB_PART = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+which)\s+$", re.I)
# "five of them in a critical condition": some of what the figures before it count ("305 of whom received the
# drug and 307 a placebo" is the first of the parts)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.I)
_MEASURE = re.compile(r"(?:miles?|km|kilometres?|kilometers?|metres?|meters?|feet|ft|inches|tonnes?|tons?|kg|"
                      r"kilos?|grams?|mph|km/h|degrees?|acres?|hectares?|litres?|liters?|gallons?|per)$", re.I)
# Only a list's comma or "and" between a whole and its parts makes it one more item of the list.
_BARE_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")
# Between the items of a run: no comparison, no other figure, and not a new paragraph.
_RUN_GAP = re.compile(r"^(?![^\n]*\b(?:than|of\s+the\s+total)\b)(?![^\n]*\d(?!\d*(?:st|nd|rd|th)\b))[^\n]{0,120}$",
                      re.I)  # an ordinal ("11th in the table") is no figure


def _nouns_agree(whole: Value, run: list[Value]) -> bool:
    """'28 hostages' and 'five exchanges' are no parts of '33 hostages': when a part counts the whole's noun,
    every part that names a noun names it; and no group of a partition is made of the others."""
    nouns = {_noun(v) for v in run} - {None}
    if nouns and _noun(whole) and side_by_side({_noun(whole), *nouns}):
        return False  # "four men, two women and two children": groups side by side, none the sum of others
    return _noun(whole) not in nouns or nouns == {_noun(whole)}


def _run_summing(text: str, candidates: list[Value], whole: Value, forward: bool,
                 ratio_part: Value | None = None) -> list[Value] | None:
    bigger = next((i for i, item in enumerate(candidates) if item.value >= whole.value), len(candidates))
    candidates = candidates[:bigger]  # a figure as big as the whole ends the stretch its parts may lie in
    for first in range(len(candidates)):
        run: list[Value] = []
        for item in candidates[first:]:
            if run:
                earlier, later = (run[-1], item) if forward else (item, run[-1])
                # a ratio's part opening the run is followed by its whole
                gap_start = max(earlier.end, whole.end) if forward and earlier.start < whole.start else earlier.end
                if not _RUN_GAP.match(text[gap_start:later.start]):
                    break
            elif first == 0 and _BARE_LIST_GAP.match(text[whole.end:item.start] if forward else
                                                     text[item.end:whole.start]) and _noun(item) == _noun(whole):
                break  # "scores of 10, 20 and 30": the last is one more item, not their sum
            run.append(item)
            summed = sum(v.value for v in run)
            if len(run) >= 2 and abs(summed - whole.value) <= 1e-9 * max(1.0, whole.value):
                return run if _nouns_agree(whole, [v for v in run if v is not ratio_part]) else None
            if summed > whole.value:
                break
    return None


# "polled 1,402 votes, 38 short of the 1,440 needed", "won 640, 90 more than the 550 of her rival"
_DIFFERENCE_OF = re.compile(r"^\s+(?:(?P<more>more|higher|ahead)|(?P<less>fewer|less|lower|short|shy|behind))\s+"
                            r"(?:than|of)\b[^.;\d]{0,60}$", re.I)


def _differences(text: str, items: list[Value]) -> Iterator[Check]:
    """A figure, a difference and the figure it is counted against, told as one clause: the difference is the
    gap between the two. Agreement only: which figure a difference is measured from is rarely certain."""
    for index in range(1, len(items) - 1):
        first, gap, other = items[index - 1], items[index], items[index + 1]
        if not (first.sentence == gap.sentence == other.sentence and _same_unit(first, other)
                and _same_unit(first, gap)) or first.figure.hedge or gap.figure.hedge:
            continue
        between = _DIFFERENCE_OF.match(text[gap.end:other.start])
        if between is None or not re.fullmatch(r"[^.;\d]{0,80}", text[first.end:gap.start]):
            continue
        expected = first.value - other.value if between["more"] else other.value - first.value
        if abs(expected - gap.value) <= 1e-9 * max(1.0, gap.value):
            whole, parts = (first, [other, gap]) if between["more"] else (other, [first, gap])
            yield _check(text, whole, parts, "consistent", " (a difference)")


# "to 84,560 from 83,442", "from 83,442 to 84,560": a value and the one it was before.
_TO_FROM = re.compile(r"\s+from\s+")
_FROM_TO = re.compile(r"\s+to\s+")


def _changes_by(text: str, items: list[Value]) -> Iterator[Check]:
    """'added 1,118 staff, taking its headcount to 84,560 from 83,442': a change told beside the values it went
    from and to is their difference. Agreement only: a figure of the same unit nearby may be another change."""
    for first, second in zip(items, items[1:]):
        if first.sentence != second.sentence or not _same_unit(first, second) or first.figure.hedge \
                or second.figure.hedge:
            continue
        before = text[max(0, first.start - 8):first.start]
        between = text[first.end:second.start]
        if _TO_FROM.fullmatch(between) and re.search(r"\bto\s+$", before):
            new, old = first, second
        elif _FROM_TO.fullmatch(between) and re.search(r"\bfrom\s+$", before):
            old, new = first, second
        else:
            continue
        gap = abs(new.value - old.value)
        change = next((v for v in items if v.sentence == first.sentence and v not in (first, second)
                       and _same_unit(v, first) and not v.figure.hedge and gap
                       and abs(v.value - gap) <= 1e-9 * max(1.0, gap)), None)
        if change is not None:
            whole, rest = (new, old) if new.value > old.value else (old, new)
            yield _check(text, whole, [rest, change], "consistent", " (a change between them)")
