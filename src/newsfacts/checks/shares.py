"""`percentages`: shares against the counts they are shares of ('812 votes (35.0 per cent)' in a result whose
counts add up to 2,320; 'turnout was 24.2% with 3,050 votes from a roll of 12,623'; '4,423 people, or 91 per
cent'), and shares in words against shares in figures ('nearly half (47%)')."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from ..nlp import Parsed
from ..schema import Check, FactSheet
from .changes import direction
from .common import CUES, HEDGED, verdict, words_pattern
from .values import Value, overlaps, shown, values

# Between a count and its share: "323 (32.0 per cent", "1,486 votes (51.2%", "4,423 people, or 91 per cent".
_COUNT_THEN_SHARE = re.compile(r"^(?:\s+[a-z]+){0,2}\s*(?:\(|,\s+or\s+|\s+or\s+)$", re.I)
# Between a share and its count: "58 per cent of participants (2,819".
_SHARE_THEN_COUNT = re.compile(r"^(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s*\($", re.I)
# A results list's shares make (nearly) all of one whole: the rest may be left unlisted, never more than 100.
_LEAST_LISTED = 90.0
# Shares and counts further apart than this, in sentences, are not read as one.
_REACH = 2
_COUNT_KINDS = ("count", "number", "money")
_FRACTION_LOOSENESS = (0.85, 1.15)  # "half" unwritten with a hedge is still a round figure


def share_checks(parsed: Parsed, sheet: FactSheet) -> Iterator[Check]:
    found = values(parsed, sheet)
    text = parsed.text
    shares = [v for v in found if v.kind == "percent" and v.unit == "percent" and not v.text[:1].isalpha()
              and not _is_change(text, v)]
    counts = [v for v in found if v.kind in _COUNT_KINDS]
    pairs = _pairs(text, counts, shares)
    # Read once, not once per share (quadratic on a text of figures).
    by_sentence: dict[int, list[Value]] = {}
    for count in counts:
        by_sentence.setdefault(count.sentence, []).append(count)
    ratio_wholes = [_whole_of_ratio(v) for v in found if v.kind == "ratio" and v.figure.upper]
    done: set[int] = set()
    lists_of_one_whole = []
    for group in _results(text, pairs):
        check = _results_check(group)
        if check is None:
            # told after the shares it takes in, so that each share is still checked on its own
            lists_of_one_whole.append(_results_of_a_whole(group, counts))
        if check is not None:
            done.update(share.start for _, share in group)
            yield check
            if check.status == "consistent":
                total = _total_of_results(text, group, counts)
                if total is not None:
                    yield total
    for check, share in _derived_shares(parsed, counts, shares):
        done.add(share.start)
        yield check
    for share in shares:
        if share.start in done:
            continue
        paired = next((count for count, other in pairs if other is share), None)
        check = _share_of_counts(share, paired, counts, by_sentence, ratio_wholes)
        if check is not None:
            yield check
    for check, share in _shares_of_ratios(text, found):
        done.add(share.start)
        yield check
    yield from (check for check in lists_of_one_whole if check is not None)
    yield from _shares_in_words(text, [v for v in found if v.start not in done])


# Between a ratio and the share restating it: "nine of the 24 posts — 37.5% —", "45 of 60 seats (75%)", "60 of
# its 180 pupils, a third of the roll"; a dash, a bracket or ', or' restates it, a comma may only.
_RATIO_THEN_SHARE = re.compile(rf"^(?P<words>(?:\s+[\w'’-]+){{0,10}})\s*(?P<how>[—–(]|-\s|,\s+or\b|,)\s*{HEDGED}$",
                               re.I)
# More words than this between a ratio and its share ('210 of the 840 flights due that day had been cancelled, or
# about 25%') may tell of something else: the share is then only ever found to agree.
_RATIO_REACH = 3


def _shares_of_ratios(text: str, found: list[Value]) -> Iterator[tuple[Check, Value]]:
    """A share told right after the ratio it restates, against part over whole; inconsistent only when a
    share in figures is set off by a dash, a bracket or ', or' as the same thing."""
    shares = [v for v in found if v.kind == "percent" and v.unit == "percent"]
    for ratio in (v for v in found if v.kind == "ratio" and v.figure.upper and " in " not in v.text):
        share = next((v for v in shares if v.start >= ratio.end), None)
        gap = _RATIO_THEN_SHARE.match(text[ratio.end:share.start]) if share is not None else None
        if gap is None or _is_change(text, share):
            continue
        whole = float(ratio.figure.upper)
        computed = ratio.value / whole * 100
        if share.text[:1].isalpha() and not share.figure.hedge:
            low, high = share.value * _FRACTION_LOOSENESS[0], share.value * _FRACTION_LOOSENESS[1]
        else:
            low, high = share.low, share.high
        fits = overlaps(ratio.low / whole * 100, ratio.high / whole * 100, low, high, 0.0051)
        # "— 30% more than in 2019 —", "— 2% of the county's posts —" may be other figures
        other = re.match(r"\s+(?:of|more|less|fewer|higher|lower|than|up|down)\b", text[share.end:], re.I)
        far = len(gap["words"].split()) > _RATIO_REACH
        if not fits and (share.text[:1].isalpha() or share.figure.hedge or ratio.figure.hedge or gap["how"] == ","
                         or other or far):
            continue
        status = verdict(fits)
        yield Check(kind="percentages", status=status, about=[ratio.text, share.text],
                    working=f"{shown(ratio.value)} / {shown(whole)} = {computed:.1f}%; stated {share.text}: "
                            f"{status}"), share


def _is_change(text: str, share: Value) -> bool:
    """'up 6%', 'a 12.4% rise': a change, which changes.py checks, not a share of a whole."""
    return direction(text, share) is not None


def _pairs(text: str, counts: list[Value], shares: list[Value]) -> list[tuple[Value, Value]]:
    """Counts with their shares written side by side ('323 (32.0 per cent)', '58 per cent of them (2,819)')."""
    paired = []
    # The count ending last before a share and the one starting first after it, by bisection (reading every
    # count for each share was quadratic); of counts ending or starting at the same place, the first.
    by_end, by_start = sorted(counts, key=lambda c: c.end), sorted(counts, key=lambda c: c.start)
    ends, starts = [c.end for c in by_end], [c.start for c in by_start]
    for share in shares:
        last_end = bisect_right(ends, share.start)
        before = by_end[bisect_left(ends, ends[last_end - 1])] if last_end else None
        first_start = bisect_left(starts, share.end)
        after = by_start[first_start] if first_start < len(starts) else None
        if before is not None and _COUNT_THEN_SHARE.match(text[before.end:share.start]):
            paired.append((before, share))
        elif after is not None and _SHARE_THEN_COUNT.match(text[share.end:after.start]):
            paired.append((after, share))
    return paired


def _results(text: str, pairs: list[tuple[Value, Value]]) -> list[list[tuple[Value, Value]]]:
    """Counts with their shares listed one after another in a paragraph: a result, a breakdown."""
    groups: list[list[tuple[Value, Value]]] = []
    for count, share in pairs:
        last = groups[-1][-1] if groups else None
        if last is not None and "\n" not in text[last[1].end:min(count.start, share.start)] \
                and min(count.sentence, share.sentence) - last[1].sentence <= 1 and count.unit == last[0].unit:
            groups[-1].append((count, share))
        else:
            groups.append([(count, share)])
    return [group for group in groups if len(group) >= 2]


def _results_check(group: list[tuple[Value, Value]]) -> Check | None:
    """A results list: each share against its count over the counts' sum; when they do not fit, inconsistent
    only if no one whole could give all the shares printed."""
    listed = sum(share.value for _, share in group)
    if not _LEAST_LISTED <= listed <= 100 + 0.05 * len(group) + 0.01:
        return None
    whole = sum(count.value for count, _ in group)
    about = [text for count, share in group for text in (count.text, share.text)]
    fits = [overlaps(count.value / whole * 100, count.value / whole * 100, share.low, share.high, 0.0051)
            for count, share in group]
    computed = ", ".join(f"{shown(count.value)} = {count.value / whole * 100:.1f}%" for count, _ in group)
    if all(fits):
        return Check(kind="percentages", status="consistent", about=about,
                     working=f"of {shown(whole)} in all: {computed}; stated shares: consistent")
    # the whole each printed share implies, as its rounding allows
    low = max(count.value / share.high * 100 for count, share in group if share.high)
    high = min(count.value / share.low * 100 if share.low else float("inf") for count, share in group)
    if low <= high:
        return None  # one whole (valid votes, say) gives every share: it is just not the sum listed
    wrong = [share.text for (count, share), fit in zip(group, fits, strict=True) if not fit]
    return Check(kind="percentages", status="inconsistent", about=about,
                 working=f"of {shown(whole)} in all: {computed}; stated {', '.join(wrong)}, and no one whole gives "
                         f"every share printed: inconsistent")


def _results_of_a_whole(group: list[tuple[Value, Value]], counts: list[Value]) -> Check | None:
    """'polled 84,231 votes (48.9%) against 71,825 (41.7%)', the rest unlisted: every share of the list against
    its count over one whole the article states (the votes counted) — found only when one whole gives them all."""
    parts = [count for count, _ in group]
    for whole in counts:
        if whole in parts or whole.unit != parts[0].unit or whole.value <= sum(part.value for part in parts):
            continue
        # a whole bounded below by nothing ('up to 5,000') gives no share at all
        if whole.low and all(overlaps(count.value / whole.high * 100, count.value / whole.low * 100, share.low,
                                      share.high, 0.0051) for count, share in group):
            computed = ", ".join(f"{shown(count.value)} = {count.value / whole.value * 100:.1f}%" for count, _ in group)
            return Check(kind="percentages", status="consistent",
                         about=[text for count, share in group for text in (count.text, share.text)] + [whole.text],
                         working=f"of {shown(whole.value)}: {computed}; stated shares: consistent")
    return None


# "A total of 2,930 votes were cast", "2,320 valid votes in all": the whole of a results list, stated
_TOTAL_CUE = re.compile(r"\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether|overall|total(?:ling|ing)?|combined)\s+$",
                        re.I)
_TOTAL_AFTER = re.compile(r"^(?:\s+[\w-]+){0,2}\s+(?:in\s+all|in\s+total|altogether|were\s+cast|was\s+cast)\b", re.I)


def _total_of_results(text: str, group: list[tuple[Value, Value]], counts: list[Value]) -> Check | None:
    """A results list whose shares fit its counts and make 100% lists every part: their sum against the whole
    the article states for it ('A total of 2,930 votes were cast'), or a figure equal to it elsewhere."""
    listed = sum(share.value for _, share in group)
    if abs(listed - 100) > 0.05 * len(group) + 0.01:
        return None
    parts = [count for count, _ in group]
    summed = sum(part.value for part in parts)
    last = max(max(count.sentence, share.sentence) for count, share in group)
    stated = [c for c in counts if c not in parts and c.unit == parts[0].unit and c.sentence in (last, last + 1)
              and c.start > parts[-1].end and (_TOTAL_CUE.search(text[max(0, c.start - 20):c.start])
                                                or _TOTAL_AFTER.match(text[c.end:c.end + 30]))]
    equal = [c for c in counts if c not in parts and c.unit == parts[0].unit and c.value == summed]
    whole = stated[0] if stated else equal[0] if equal else None
    if whole is None or any(part.value >= whole.value for part in parts):
        return None
    status = "consistent" if whole.low <= summed <= whole.high else "inconsistent"
    return Check(kind="total", status=status, about=[whole.text, *(part.text for part in parts)],
                 working=f"{' + '.join(shown(part.value) for part in parts)} = {shown(summed)} (their shares make "
                         f"{listed:.1f}%); stated total {whole.text}: {status}")


def _share_of_counts(share: Value, paired: Value | None, counts: list[Value], by_sentence: dict[int, list[Value]],
                     ratio_wholes: list[Value]) -> Check | None:
    """A share against a part and a whole it can be the share of: its own count (or the counts of its sentence,
    or of the sentences near it) over another figure of the same unit. Only agreement is claimed: which
    whole a share is of is rarely certain enough to call it wrong."""
    near = by_sentence.get(share.sentence) or by_sentence.get(share.sentence - 1, [])
    parts = [paired] if paired is not None else sorted((c for c in near if _tight(c)),
                                                       key=lambda c: abs(c.start - share.start))
    wholes = counts + ratio_wholes
    if paired is None:  # a share told apart from its count: its whole is told near it too
        wholes = [w for w in wholes if abs(w.sentence - share.sentence) <= _REACH and _tight(w)]
    for part in parts:
        for whole in sorted((w for w in wholes if w.value > part.value and w.unit == part.unit and w is not part),
                            key=lambda w: abs(w.start - share.start)):
            computed = part.value / whole.value * 100
            low = part.low / whole.high * 100 if whole.high else computed
            high = part.high / whole.low * 100 if whole.low else computed
            if overlaps(low, high, share.low, share.high, 0.0051):
                return Check(kind="percentages", status="consistent", about=[part.text, share.text, whole.text],
                             working=f"{shown(part.value)} / {shown(whole.value)} = {computed:.1f}%; stated "
                                     f"{share.text}: consistent")
    return None


# How far a figure may range, high over low, to be the part or whole of a share found only by agreeing: "under
# 45" (an age, as it happens) or "more than 200" would agree with too many.
_LOOSEST = 1.3


def _tight(value: Value) -> bool:
    return value.low > 0 and value.high <= value.low * _LOOSEST


# "Of the 1,250 residents who replied, 820 …": a sentence opening on the whole its counts break down.
_WHOLE_OPENING = re.compile(r"\s*of\s+(?:the|all|its|their|his|her|our)?\s*", re.I)
_DERIVED = re.compile(rf"(?<![\w.])(?:{words_pattern(CUES['derived_cues']['words'])})(?![\w])", re.I)
_REST = re.compile(r"\b(?:the\s+rest|the\s+remainder|the\s+remaining|the\s+others)\b", re.I)
# "of those who …", "of them": a share of some of the whole, not of all of it
_OF_SOME = re.compile(r"\bof\s+(?:those|them|these|whom)\b", re.I)
_BASE = re.compile(r"\bof\s+(?:the\s+|all\s+)?(?P<base>[a-z][\w-]*)", re.I)
# The letters two forms of one word share ('respondents', 'responded'), for a share's base against its whole.
_STEM = 6
_MOST_PARTS = 5


def _derived_shares(parsed: Parsed, counts: list[Value], shares: list[Value]) -> Iterator[tuple[Check, Value]]:
    """'Of the 1,250 residents who replied, 820 backed the plan and 310 opposed it. That means 72.6 per cent were
    in favour': a share the article says follows from a whole and its parts ('that means', 'meaning') must be
    one part, or some of them together, over the whole. Inconsistent when none gives it, unless the share
    names another whole ('72.6 per cent of those who gave a view')."""
    text = parsed.text
    sentences = list(parsed.doc.sents)
    for whole in counts:
        opening = sentences[whole.sentence]
        comma = text.find(",", whole.end, opening.end_char)
        if comma < 0 or not _WHOLE_OPENING.fullmatch(text[opening.start_char:whole.start]):
            continue
        parts = [c for c in counts if c.sentence == whole.sentence and c.start > comma and c.unit == whole.unit
                 and (c.kind == "money") == (whole.kind == "money") and c.value < whole.value][:_MOST_PARTS]
        if not parts:
            continue
        if _REST.search(text[comma:opening.end_char]) and sum(p.value for p in parts) < whole.value:
            rest = whole.value - sum(p.value for p in parts)
            readings = list(_sums(parts, rest))
        else:
            readings = list(_sums(parts, None))
        for share in shares:
            if share.sentence not in (whole.sentence, whole.sentence + 1) or share.start < parts[-1].end:
                continue
            sentence = sentences[share.sentence]
            cue = _DERIVED.search(text[max(sentence.start_char, parts[-1].end):share.start])
            if cue is None:
                continue
            said = text[max(sentence.start_char, parts[-1].end) + cue.end():share.start] + text[share.end:sentence.end_char]
            base = _BASE.search(said)
            if _OF_SOME.search(said) or (base is not None and not _names_whole(text, whole, comma, base["base"])):
                continue
            fitting = [(chosen, value) for chosen, value in readings
                       if overlaps(value / whole.value * 100, value / whole.value * 100, share.low, share.high, 0.0051)]
            status = verdict(bool(fitting))
            named = fitting[0][0] if fitting else parts
            computed = "; ".join(f"{_summed(chosen, value)} / "
                                 f"{shown(whole.value)} = {value / whole.value * 100:.1f}%"
                                 for chosen, value in (fitting[:1] or readings[:len(parts) + 1]))
            yield Check(kind="percentages", status=status, about=[whole.text, *(p.text for p in named), share.text],
                        working=f"{computed}; stated {share.text}: {status}"), share


def _summed(chosen: list[Value], value: float) -> str:
    """How a reading is made: '820', '(640 + 300)', 'the rest 120', '(820 + the rest 120)'."""
    rest = value - sum(p.value for p in chosen)
    written = [shown(p.value) for p in chosen] + ([f"the rest {shown(rest)}"] if rest > 1e-9 else [])
    return f"({' + '.join(written)})" if len(written) > 1 else written[0]


def _sums(parts: list[Value], rest: float | None) -> Iterator[tuple[list[Value], float]]:
    """Each part alone, the rest, then two or more parts together."""
    for part in parts:
        yield [part], part.value
    if rest is not None:
        yield [], rest
    count = len(parts)
    for mask in range(1, 2 ** count):
        chosen = [parts[i] for i in range(count) if mask >> i & 1]
        if len(chosen) > 1:
            yield chosen, sum(p.value for p in chosen)


# "Of the 1,250 residents who responded": the words naming a whole are its noun and the verb saying who they are.
_WHO = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:who|that|which)\s+(?:have\s+|had\s+)?(?P<verb>[a-z][\w-]*)", re.I)


def _names_whole(text: str, whole: Value, comma: int, base: str) -> bool:
    """Whether the whole a share names ('of respondents') is the one the breakdown opened on ('Of the 1,250
    residents who responded'): its noun, or the verb saying who they are, shares the base's first letters."""
    words = [whole.figure.measures or ""]
    who = _WHO.match(text, whole.end, comma)
    if who is not None:
        words.append(who["verb"])
    return any(word.lower()[:_STEM] == base.lower()[:_STEM] for word in words if word)


def _whole_of_ratio(ratio: Value) -> Value:
    """'187 of the 189' as its whole, 189."""
    whole = float(ratio.figure.upper)
    return Value(ratio.figure, whole, whole, whole, ratio.sentence)


def _shares_in_words(text: str, found: list[Value]) -> Iterator[Check]:
    """'nearly half (47%)', 'almost a quarter' against a share in figures that fits it; wrong only when the
    figure stands right beside the words and outside their hedge."""
    figures = [v for v in found if v.kind == "percent" and v.unit == "percent" and not v.text[:1].isalpha()]
    for words in found:
        if words.kind == "percent" and words.text[:1].isalpha():
            value = words.value
        elif words.kind == "ratio" and words.text[:1].isalpha() and words.figure.upper:
            value = words.value / float(words.figure.upper) * 100
        else:
            continue
        low, high = (words.low / words.value * value, words.high / words.value * value) if words.figure.hedge else (
            value * _FRACTION_LOOSENESS[0], value * _FRACTION_LOOSENESS[1])
        beside = next((f for f in figures if 0 <= f.start - words.end <= 4
                       and re.fullmatch(r"\s*(?:\(|[–—-])\s*", text[words.end:f.start])), None)
        if beside is not None:
            fits = overlaps(low, high, beside.low, beside.high)
            if fits or words.figure.hedge:
                yield _words_check(words, beside, value, fits)
            continue
        # a share in figures elsewhere (a headline's "almost a quarter" and the body's 23.3%); in its own sentence
        # a figure not beside the words is another share of a list ("half, a quarter and 25%")
        fitting = [f for f in figures if overlaps(low, high, f.low, f.high) and abs(f.value - value) <= 0.15 * value
                   and f.sentence != words.sentence]
        if fitting:
            nearest = min(fitting, key=lambda f: (abs(f.sentence - words.sentence), abs(f.start - words.start)))
            yield _words_check(words, nearest, value, True)


def _words_check(words: Value, figure: Value, value: float, fits: bool) -> Check:
    stated = f"{words.figure.hedge} {words.text}" if words.figure.hedge else words.text
    status = verdict(fits)
    return Check(kind="percentages", status=status, about=[stated, figure.text],
                 working=f"{stated} = {'about ' if not words.figure.hedge else ''}{value:.0f}%; stated {figure.text}: "
                         f"{status}")
