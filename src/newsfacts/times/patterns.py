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
_NUMBER_WORDS = WORDS["number_words"]
UNIT_WORD = alternation(w for w, n in _NUMBER_WORDS.items() if 1 <= n <= 9 and " " not in w and w not in ("a", "an"))
TEEN_WORD = alternation(w for w, n in _NUMBER_WORDS.items() if 10 <= n <= 19 and " " not in w)
TENS_WORD = alternation(w for w, n in _NUMBER_WORDS.items() if 20 <= n <= 90 and n % 10 == 0)
# A year in words: "nineteen eighty-four", "eighteen hundred", "nineteen-oh-six", "two thousand and eight".
_TWO_DIGITS = rf"{TENS_WORD}(?:[\s-]{UNIT_WORD})?|{TEEN_WORD}"
SPELLED_YEAR = (rf"(?P<high>{TEEN_WORD}|(?i:twenty))[\s-]+"
                rf"(?:(?P<hundred>(?i:hundred))|(?i:oh|o)[\s-]+(?P<oh>{UNIT_WORD})|(?P<low>{_TWO_DIGITS}))"
                rf"|(?P<thousands>(?i:two\s+thousand)(?:\s+(?i:and))?(?:[\s-]+(?:{_TWO_DIGITS}|{UNIT_WORD}))?)")
# The hours in words, as a key word's plain alternation (no case folding, which the regex engine scans slowly).
HOUR_WORDS = "|".join(sorted(w for w, n in _NUMBER_WORDS.items()
                             if 1 <= n <= 12 and w.isalpha() and w not in ("a", "an", "dozen")))
DECADE_WORD = alternation(WORDS["decade_words"])
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORD}(?:[-\s]{NUMBER_WORD})?|(?i:an?))"
FUZZY = alternation(WORDS["fuzzy_amounts"])
ORDINAL = alternation(WORDS["ordinals"])
EDGE = alternation(["early", "mid", "late", "the end of", "the beginning of", "the start of", "the middle of",
                    "end of", "beginning of", "start of", "the first half of", "the second half of"])
APOSTROPHE = "['’]"
ZONE = rf"(?:{_trie(set(WORDS['time_zones']))})\b"  # upper case only: "pt" or "et" in lower case is no zone
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# A year written with its last two digits ("Easter '92", "the spring of '85").
SHORT_YEAR = r"['’]\d\d\b"
# A time of day on the 24-hour clock, seconds optional.
CLOCK_24 = r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
MERIDIEM = r"(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)(?![a-z]))"
# A clock time's part of the day written after it ("six o'clock in the evening", "at ten at night").
CLOCK_PART = r"(?:\s+(?i:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night)))?"
# Words a holiday's name keeps in lower case ("Fourth of July").
LOWER_CASE_WORDS = {"of", "the", "and"}


def _holiday_name(name: str) -> str:
    """A holiday's name as written: each word capitalised but the small ones, straight or curly apostrophe,
    "St" with or without its full stop."""
    words = [word if word in LOWER_CASE_WORDS else word[:1].upper() + word[1:] for word in name.split()]
    pattern = r"\s+".join(re.escape(word).replace("'", "['’]") for word in words)
    return pattern.replace(r"St\s+", r"St\.?\s+") if words[0] == "St" else pattern


HOLIDAY = "(?:" + "|".join(sorted((_holiday_name(name) for name in WORDS["holidays"]), key=len, reverse=True)) + ")"
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
