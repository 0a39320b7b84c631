"""The building blocks of the grammar's patterns, assembled from the word tables in data/time_words.json
(month and weekday names, units, number words …), and helpers that read a match.
"""

from __future__ import annotations

import re

from ..timex import WORDS


def _trie(words: set[str]) -> str:
    """The words as a regex trie ("t(?:en|wo)"): Python's engine tries a flat alternation word by word
    at every position, which made these tables the bulk of the stage's time. Longer words still win."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + render(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(root)


def alternation(words, capitalised: bool = False) -> str:
    """A regex matching any of the words; `capitalised` accepts only their Title and UPPER case forms."""
    if capitalised:
        return f"(?:{_trie({form for word in words for form in (word.capitalize(), word.upper())})})"
    return f"(?i:{_trie({word.lower() for word in words})})"


MONTH = alternation(WORDS["months"], capitalised=True)
WEEKDAY = alternation(WORDS["weekdays"], capitalised=True)
SEASON = alternation(WORDS["seasons"])
DAYPART = alternation(p for p in WORDS["parts_of_day"] if p not in ("overnight", "daytime"))
UNIT_SINGULAR = alternation(WORDS["units"])
UNIT = alternation(sorted({u for u in WORDS["units"]} | {u + "s" for u in WORDS["units"]}
                          | {"centuries", "millennia"}))
UNIT_PLURAL = alternation(["seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
                           "centuries"])
NUMBER_WORD = alternation(w for w in WORDS["number_words"] if w not in ("a", "an"))
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORD}(?:[-\s]{NUMBER_WORD})?|(?i:an?))"
FUZZY = alternation(WORDS["fuzzy_amounts"])
ORDINAL = alternation(WORDS["ordinals"])
# Hedges kept inside the expression, as TimeML does ("almost seven years").
APPROX = alternation(["about", "around", "almost", "nearly", "roughly", "approximately", "more than", "over",
                      "less than", "under", "at least", "up to", "some", "barely", "well over"])
EDGE = alternation(["early", "mid", "late", "the end of", "the beginning of", "the start of", "the middle of",
                    "end of", "beginning of", "start of", "the first half of", "the second half of"])
APOSTROPHE = "['’]"
ZONE = rf"(?:{_trie(set(WORDS['time_zones']))})\b"  # upper case only: "pt" or "et" in lower case is no zone
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Holiday names as written: each word capitalised, straight or curly apostrophe.
HOLIDAY = "(?:" + "|".join(sorted((re.escape(name.title().replace("'S", "'s")).replace("'", "['’]").replace(r"\ ", r"\s+")
                                   for name in WORDS["holidays"]), key=len, reverse=True)) + ")"
# The key words of the rules that count in units (`grammar.Rule.key`): any unit of time.
KEY_UNIT = rf"\b{alternation(sorted(set(WORDS['units']) | {'centuries', 'millennia'}))}"


def group(match: re.Match, name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def extent(match: re.Match) -> tuple[int, int]:
    for name in ("x", "x2"):
        if group(match, name):
            return match.span(name)
    return match.span()


def previous_word(text: str, start: int) -> str:
    found = re.search(r"(\S+)\s*$", text[max(0, start - 30):start])
    return found.group(1).lower() if found else ""
