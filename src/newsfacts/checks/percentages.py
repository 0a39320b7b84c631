"""`percentages`: shares of one whole, shares against counts, changes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, pairwise

from .. import timex
from ..nlp import Parsed
from ..schema import Check, FactSheet
from .common import CUES, NUMBER_WORDS, ONE_IN, Sentence, plain, proportion, verdict, words_pattern


REMAINDER_CUE = re.compile(rf"\b(?:{words_pattern(CUES['remainder_cues'])})\b", re.I)
PARTITION_CUE = re.compile(rf"\b(?:{words_pattern(CUES['partition_cues'])})\b", re.I)
PERCENT = re.compile(rf"(?<![\d.])(?P<n>\d+(?:\.\d+)?|\b(?:{NUMBER_WORDS})(?:-(?:{NUMBER_WORDS}))?)\s*"
                     r"(?:%|per\s*cent\b|percent\b)", re.I)
# A share written as a fraction of something: "half of the budget", "a third of voters", "two-thirds of them".
FRACTIONS = {words: share for words, share in CUES["fractions"].items() if not words.startswith("_")}
FRACTION = re.compile(r"\b(?P<n>" + words_pattern(list(FRACTIONS)).replace(r"\s+", r"[\s-]+") + r")(?=\s+of\b)", re.I)
FRACTION_HINT = re.compile(r"half|third|quarter|fifth|tenth")
# "Two-thirds of the money comes from taxes and a third from fees": a later fraction may leave out the "of".
LISTED_FRACTION = re.compile(r"(?:,|\band)\s+(?P<n>" + words_pattern(list(FRACTIONS)).replace(r"\s+", r"[\s-]+")
                             + r")\b(?!\s+an?\b)", re.I)
# The most words between two shares of one listed breakdown ("55% backed the plan, 38% opposed it and"),
# names not counted ("51% to Smith's 46%, with independent candidate Ray Dunn taking 3%").
MAX_SHARE_WORDS = 6
# A head-to-head split names the other side's share: "won 58% to Millbridge's 42%", "to her rival's 40%".
HEAD_TO_HEAD = re.compile(r"\bto\s+(?:(?:the|her|his|their|its)\s+)?(?:[\w.'’-]+\s+){0,2}[\w.-]*\w['’]s?\s*$")
# A share whose verb is left out because it is the one before ("Smith took 44% and Jones 56%", "wind 35%,
# gas 40%"): the same measure of another part of one whole.
GAPPED = re.compile(r"(?:,|\band)\s+(?:the\s+)?(?!(?:in|at|on|of|for|by|to|from|with|than)\b)[A-Za-z][\w'’-]*\s+$")

# ------------------------------------------------------------------------------------------ percentages

@dataclass(frozen=True)
class Share:
    value: float
    text: str
    start: int  # offsets within the sentence
    end: int
    fraction: bool = False  # written in words ("a third"), so rounded


def shares_in(text: str) -> list[Share]:
    # The patterns hold long alternations of number words; most sentences hold no share at all.
    lowered = text.lower()
    found = [Share(timex.number_value(m["n"]), m.group(0), m.start(), m.end()) for m in PERCENT.finditer(text)
             ] if "%" in text or "cent" in lowered else []
    fractions = list(FRACTION.finditer(text)) if FRACTION_HINT.search(lowered) else []
    if fractions:
        fractions += [m for m in LISTED_FRACTION.finditer(text, fractions[0].end())
                      if all(m.start("n") != f.start("n") for f in fractions)]
    found += [Share(FRACTIONS[" ".join(m["n"].lower().replace("-", " ").split())], m["n"], m.start("n"),
                    m.end("n"), fraction=True) for m in fractions]
    # "one in five" is read only beside other shares: two of them alone are rarely one whole's
    for m in ONE_IN.finditer(text) if found else []:
        if (share := proportion(m)) is not None:
            found.append(Share(share, m["n"], m.start(), m.end(), fraction=True))
    return sorted((share for share in found if share.value is not None), key=lambda share: share.start)


SUBSHARE = re.compile(r"\b(?:including|includes|of\s+whom|among\s+them)\s+(?:[\w'’-]+\s+)?$", re.I)


def in_brackets(text: str, offset: int) -> bool:
    return text.rfind("(", 0, offset) > text.rfind(")", 0, offset)


def head_to_head(text: str, first: Share, second: Share) -> bool:
    """'won 58% to Millbridge's 42%', 'by 72% to 28%'."""
    between = text[first.end:second.start]
    return HEAD_TO_HEAD.search(between) is not None or re.fullmatch(r" to (?:her |his |their |its )?", between) is not None


def share_runs(text: str, shares: list[Share]) -> list[list[Share]]:
    """The shares of a sentence in runs that read as one list: few words, besides names, between each."""
    runs: list[list[Share]] = []
    for index, share in enumerate(shares):
        if SUBSHARE.search(text[max(0, share.start - 25):share.start]):
            continue  # "46% positive -- including 16% who would be enthusiastic --" is a part of a share
        between = text[runs[-1][-1].end:share.start] if runs else ""
        # "(20 percent to 45 percent) … (55 percent to 12 percent)": an aside in brackets, or a pair set
        # one to the other followed by another such pair, is a whole of its own
        paired = (runs and len(runs[-1]) >= 2 and head_to_head(text, *runs[-1][-2:]) and index + 1 < len(shares)
                  and head_to_head(text, share, shares[index + 1]))
        aside = ")" in between and len(runs[-1]) >= 2 and all(in_brackets(text, s.start) for s in runs[-1][-2:]) if runs else False
        if runs and ("(" in between or aside or paired):
            runs.append([share])
            continue
        words = len(re.findall(r"\b[a-z][\w'’-]*", between))
        # "the remaining 75%", "the rest, 15%" closes the list however far from the rest of it.
        closes = re.search(rf"(?:{REMAINDER_CUE.pattern})\W*$", between, re.I) is not None
        # A left-out verb ("… power last year, gas 40%", "… for 65% of sales and the home market for 35%"), or a
        # fraction after fractions, goes a little further.
        carried = runs and (GAPPED.search(between) or (share.fraction and runs[-1][-1].fraction)
                            or parallel(text, runs[-1][-1], share))
        if runs and (closes or words <= MAX_SHARE_WORDS or (carried and words <= 2 * MAX_SHARE_WORDS)):
            runs[-1].append(share)
        else:
            runs.append([share])
    return runs


# "The rest, 15%, had no view.", "The remaining 40% …"; not "The rest of the field polled below 5%."
OPENS_ON_REST = re.compile(r"\s*(?:the\s+)?(?:rest|remainder|remaining|others?)\s*(?:,|\d)", re.I)


def share_passages(spans: list[Sentence]) -> list[Sentence]:
    """Sentences, a sentence opening on the rest ('The rest, 15%, had no view.') joined to the one before."""
    passages: list[Sentence] = []
    for sentence in spans:
        if passages and OPENS_ON_REST.match(sentence.text):
            last = passages.pop()
            sentence = Sentence(last.start, sentence.end, last.text + " " * (sentence.start - last.end) + sentence.text)
        passages.append(sentence)
    return passages


def percentage_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """Shares of one whole that should make 100 %: a run of shares listed together, with a cue that they
    split a whole ('in favour', 'against', 'the rest', 'undecided', 'A's 46%'), or three or more of them."""
    for sentence in share_passages(spans):
        runs = share_runs(sentence.text, shares_in(sentence.text))
        for index, shares in enumerate(runs):
            # The run's stretch of the sentence, which its cues must stand in: up to the runs beside it.
            begin = runs[index - 1][-1].end if index else 0
            end = runs[index + 1][0].start if index + 1 < len(runs) else len(sentence.text)
            check = share_check(sentence.text, shares, begin, end)
            if check is not None and check.status == "inconsistent" and len(runs) > 1:
                # "46% of them said by car, 27% by bus … The remaining 4%": a list whose opening share stood
                # too far off to join the run is one whole with it; never wrong for a list cut short
                whole = [share for run in runs for share in run]
                joined = share_check(sentence.text, whole, 0, len(sentence.text))
                check = joined if joined is not None and joined.status == "consistent" else None
            if check is not None:
                yield check


# "20% other parties", "3% for others": a share of the rest of a whole.
OTHERS = re.compile(r"\s+(?:for\s+|to\s+)?(?:all\s+)?others?\b", re.I)
OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?!(?:it|them|these|those)\b(?!\s+who))([\w-]+)")


def parallel(text: str, first: Share, second: Share) -> bool:
    """'58 per cent voted to leave and 47 per cent to remain': the second share leaves out the verb the first
    has before the same preposition, so both are answers to one question."""
    verb = re.match(r"\s+[a-z]+\s+(to|for|against|with)\b", text[first.end:], re.I)
    if verb is not None and re.match(rf"\s+{verb[1]}\b", text[second.end:], re.I):
        return True
    # "Exports account for 65% of sales and the home market for 35%"
    before = re.search(r"\b[a-z]+\s+(to|for|by|with)\s+$", text[:first.start], re.I)
    return before is not None and re.search(rf"(?:,|\band)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}{before[1]}\s+$",
                                            text[first.end:second.start], re.I) is not None


# "the two sisters each hold 20%", "take 20% apiece": a share told once stands for several parts of the whole.
EACH_BEFORE = re.compile(r"\beach\s+(?:[a-z]+\s+){0,2}$", re.I)
EACH_AFTER = re.compile(r"\s*,?\s*(?:each|apiece)\b", re.I)


# A share that names a yardstick ('against a national standard of 75%', 'the 60% target') is what the others are
# compared with, never a part of their whole.
YARDSTICK = re.compile(r"\b(?:standard|target|benchmark|average|goal|threshold|forecast|expectations?|median|norm|"
                       r"requirement|pass\s+mark)\b", re.I)
YARDSTICK_BEFORE = re.compile(rf"{YARDSTICK.pattern}\s+of\s+(?:about\s+|around\s+|just\s+)?$", re.I)
YARDSTICK_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?{YARDSTICK.pattern}", re.I)


def share_check(text: str, shares: list[Share], begin: int, end: int) -> Check | None:
    if len(shares) < 2 or any(EACH_BEFORE.search(text[max(0, share.start - 30):share.start])
                              or EACH_AFTER.match(text, share.end) for share in shares):
        return None
    if any(YARDSTICK_BEFORE.search(text[max(0, share.start - 40):share.start]) or YARDSTICK_AFTER.match(text, share.end)
           for share in shares):
        return None
    # "a quarter of it", "half of them" name the whole told before
    bases = {base.group(1).lower() for share in shares if (base := OF_WHOLE.match(text[share.end:]))}
    if len(bases) > 1:  # "75 percent of Democrats … 55 percent of all voters": shares of different wholes
        return None
    # "rose 6% in London, 4% in Manchester and 90% of buyers were …": a breakdown names its whole first
    if bases and not OF_WHOLE.match(text[shares[0].end:]) and not shares[0].fraction:
        return None
    stretch = text[begin:end]
    values = [share.value for share in shares]
    total = sum(values)
    rounded = all(value == int(value) or share.fraction for value, share in zip(values, shares, strict=True))
    slack = (0.5 if rounded else 0.05) * len(values)
    # "41 percent of the remaining members" names a whole; "on the other hand" no share at all
    remainders = [cue for cue in REMAINDER_CUE.finditer(stretch)
                  if not re.search(r"\bof\s+$", stretch[:cue.start()]) and not stretch.startswith(" hand", cue.end())]
    # "the rest undecided" leaves the gap unnumbered; "7% undecided", "the rest, 20 per cent" number every share.
    unnumbered = [cue for cue in remainders if not any(
        -12 <= share.start - (begin + cue.end()) <= 12 or -12 <= (begin + cue.start()) - share.end <= 12
        for share in shares)]
    if any(re.fullmatch(r"\s*,?\s*or\s+(?:even\s+)?", text[a.end:b.start]) for a, b in pairwise(shares)) or (
            re.search(r"\bfrom\s+$", text[:shares[0].start]) and re.search(r"\bto\b", text[shares[0].end:shares[1].start])):
        return None  # "35 percent or 40 percent" are alternatives, "from 40 percent … to 42 percent" a change
    partition = (bool(remainders) or PARTITION_CUE.search(stretch) is not None
                 or any(OTHERS.match(text, share.end) for share in shares)
                 or any(HEAD_TO_HEAD.search(text[a.end:b.start]) for a, b in pairwise(shares))
                 or any(parallel(text, a, b) for a, b in pairwise(shares)))
    # A left-out verb says the shares measure one thing, though not that they make up all of it.
    gapped = any(GAPPED.search(text[a.end:b.start]) for a, b in pairwise(shares)) or (
        len(shares) == 2 and text[shares[0].end:shares[1].start] == " to "  # "passed by 72% to 28%"
        and not re.search(r"\bfrom\s+$", text[:shares[0].start], re.I))
    rest = ""
    if unnumbered:
        status = verdict(total <= 100 + slack)
        rest = f"; {unnumbered[0].group(0)} {plain(round(max(0.0, 100 - total), 2))}%"
    elif abs(total - 100) <= slack and (partition or gapped or len(values) >= 3
                                        or all(share.fraction for share in shares)):
        status = "consistent"
    elif ((total > 100 + slack and partition and not _whole_within(shares, slack))
          or (total < 100 - slack and remainders)) and not any(
            share.fraction for share in shares):  # "about half", "6 in 10" are too loose to be proved wrong
        status = "inconsistent"
    else:
        return None
    sums = " + ".join(f"{plain(round(value, 2))}%" for value in values)
    return Check(kind="percentages", status=status, about=[share.text for share in shares],
                 working=f"{sums} = {plain(round(total, 2))}%{rest}; shares of one whole: {status}")


MAX_SUBSET_SEARCH = 8


def _whole_within(shares: list[Share], slack: float) -> bool:
    """'With 99% of ballots counted, Ann had 52%, against 48% for Tom': some of the shares make a whole of their own,
    so the others are shares of another. Long lists are not searched (2^n subsets), and read as one whole."""
    return len(shares) <= MAX_SUBSET_SEARCH and any(abs(sum(share.value for share in subset) - 100) <= slack
               for size in range(2, len(shares)) for subset in combinations(shares, size))
