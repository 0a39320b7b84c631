"""The grammar of time expressions: one row per rule, in priority order: its name, its pattern, the key words
without which it cannot match, and the normaliser that turns a match into a TIMEX3 type and value.

spaCy's DATE/TIME entities miss or over-extend too many news expressions ("at 4.35", "Ravensholm a few hours
earlier") to be the detector, and no Python library normalises to TIMEX3; the normalisers (`dates`,
`relative`, `clock`, `durations`) use the parse to read tense and to reject false friends ("May" the modal or
the surname, "2,010" the number).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..timex import WORDS
from .clock import (
    norm_bare_clock, norm_clock, norm_clock_words, norm_hms, norm_military_clock, norm_named_hour,
)
from .dates import (
    norm_century, norm_date_pair, norm_decade, norm_decade_words, norm_fiscal_year, norm_full_date, norm_holiday,
    norm_iso_date, norm_month, norm_month_range_quarter, norm_nth_weekday, norm_numeric_date, norm_quarter,
    norm_season, norm_seasons_ago, norm_short_year, norm_spelled_year, norm_weekday, norm_weekday_after_next,
    norm_weekday_the_nth, norm_year, norm_year_range,
)
from .durations import (
    norm_duration, norm_duration_adjective, norm_duration_bare, norm_duration_compound, norm_duration_range,
    norm_duration_recent, norm_duration_vague, norm_set_adverb, norm_set_every, norm_set_rate,
)
from .patterns import (
    APOSTROPHE, CLOCK_24, CLOCK_PART, DAYPART, DECADE_WORD, EDGE, FUZZY, HOLIDAY, HOUR_WORDS, KEY_UNIT, MERIDIEM, MONTH,
    NUMBER, NUMBER_WORD, ORDINAL, SEASON, SHORT_YEAR, SPELLED_YEAR, UNIT, UNIT_PLURAL, UNIT_SINGULAR,
    WEEKDAY, YEAR, ZONE, alternation,
)
from .reading import Found, Reading
from .relative import (
    norm_counted_from, norm_daypart, norm_deictic, norm_new_year, norm_other_day, norm_part_of_told_day, norm_overnight, norm_ref, norm_relative,
    norm_season_ref, norm_then,
)


@dataclass(frozen=True)
class Rule:
    """A rule of the grammar. In its pattern a group named "x", when present, is the expression's extent; the
    rest of the match is context. The rule runs only on the stretches of text around its key words (within
    `KEY_REACH`), so the big patterns are not tried at every character of the article; a rule with no key
    runs on the whole text. Its normaliser returns the expressions a match is, or [] to reject it."""

    name: str
    pattern: re.Pattern  # written as a string, compiled once
    key: re.Pattern | None
    normalise: Callable[[re.Match, Reading], list[Found]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.pattern))
        if self.key is not None:
            object.__setattr__(self, "key", re.compile(self.key))


# What counts from a day: "three days after", "two weeks from", "the day before".
COUNTED_FROM = rf"(?:(?P<num>{NUMBER})\s+(?P<unit>{UNIT})|(?i:the\s+day))\s+(?P<rel>(?i:from|after|before))\s+"
DEIXIS = "(?i:today|tonight|yesterday|tomorrow)"

# In priority order: at equal length the earlier rule wins.
RULES: tuple[Rule, ...] = (
    Rule("iso_date", rf"\b(?P<year>{YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:\b|(?=T\d))"
                     rf"(?:[T ]{CLOCK_24}(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d:])",
         key=r"\d{4}-\d\d-\d\d", normalise=norm_iso_date),
    # "11/14/2003", "21.03.24", "8-2-19", "14/11/2024 21:47", "due 10/1"
    Rule("numeric_date", rf"(?<![\w/.,-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{{4}}|\d\d)"
                         rf"(?![\w/]|[.,:-]\d)(?:,?\s+(?:at\s+)?{CLOCK_24}(?![\d:]))?"
                         rf"|(?<![\w/.,-])(?P<a2>[01]?\d)/(?P<b2>[0-3]?\d)(?![\w/]|[.,:-]\d)",
         key=r"\d[/.-]\d", normalise=norm_numeric_date),
    Rule("full_date", rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
                      rf"(?P<mon2>{MONTH})\.?|(?P<mon>{MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b)"
                      rf"(?:,?\s+(?P<year>{YEAR}|{SHORT_YEAR}|\d\d(?![\d,:%]|\.\d))"
                      rf"|\s+(?:(?i:of)\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year))?\b",
         key=MONTH, normalise=norm_full_date),
    Rule("date_pair", rf"\b(?P<first>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?i:and|or|to)\s+|\s*[-–]\s*)(?P<day>[0-3]?\d)"
                      rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})\.?(?:,?\s+(?P<year>{YEAR}))?\b"
                      rf"|\b(?P<mon2>{MONTH})\.?\s+(?P<first2>[0-3]?\d)(?:st|nd|rd|th)?"
                      rf"(?:\s+(?i:and|or|to)\s+|\s*[-–]\s*)"
                      rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year2>{YEAR}))?\b",
         key=MONTH, normalise=norm_date_pair),
    Rule("fiscal_year", rf"\bFY\s?(?P<fy>\d{{4}}|\d\d)\b|\b(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<year>{YEAR})\b",
         key="FY|(?i:fiscal)", normalise=norm_fiscal_year),
    Rule("month", rf"\b(?:(?P<edge>{EDGE})[\s-]+)?(?:(?P<rel>(?i:last|this|next|this past|the coming|the previous|"
                  rf"the following))\s+)?(?P<mon>{MONTH})\.?(?:,?\s+(?:of\s+)?(?P<year>{YEAR})"
                  rf"|\s+(?:(?i:of)\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year))?\b",
         key=MONTH, normalise=norm_month),
    Rule("holiday", rf"\b(?:(?P<rel>(?i:last|this|next))\s+)?(?P<name>{HOLIDAY})"
                    rf"(?:\s+(?P<year>{YEAR}|{SHORT_YEAR}))?(?:\s+(?P<pod>{DAYPART}))?\b",
         key=HOLIDAY, normalise=norm_holiday),
    Rule("hms", rf"\b(?P<h>\d{{1,2}}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)\b(?:\s*{MERIDIEM})?",
         key=r"\d:\d\d:\d", normalise=norm_hms),
    Rule("clock", rf"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*{MERIDIEM}(?:\s+{ZONE})?"
                  rf"|\b(?P<h2>\d{{1,2}}|{NUMBER_WORD})\s+o['’]clock\b{CLOCK_PART}",
         key=r"(?i:[ap]\.?m\b|o['’]clock)", normalise=norm_clock),
    # "a quarter past ten", "half past six in the evening", "ten to eight"
    Rule("clock_words", rf"\b(?i:(?P<min>(?:a\s+)?quarter|half|{NUMBER_WORD}|\d{{1,2}})(?:\s+minutes)?\s+"
                        rf"(?P<dir>past|after|to)\s+(?P<hour>{NUMBER_WORD}|\d{{1,2}}|noon|midnight))\b"
                        rf"(?:\s+o['’]clock\b)?(?:\s*{MERIDIEM})?{CLOCK_PART}",
         key=rf"(?:past|after|to) (?:{HOUR_WORDS}|noon|midnight|\d\d?)\b", normalise=norm_clock_words),
    # "1645 GMT", "at 0900 hours": the 24-hour clock written without a colon
    Rule("military_clock", rf"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:(?P<hours>(?i:hours|hrs))\b|{ZONE})",
         key=r"\d\d\d\d\s*[A-Zh]", normalise=norm_military_clock),
    Rule("bare_clock", rf"\b{alternation(['at', 'by', 'until', 'till', 'from', 'around', 'about', 'before', 'after', 'since', 'to', 'between', 'and'])}\s+"
                       rf"(?P<x>(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:\s+{ZONE})?)\b"
                       r"(?![.,]?\d|\s*(?:%|per\b|a\s+share|(?i:[mb]illion|bn|trillion|pence|percent|points?|cents?|"
                       r"pounds|dollars|euros|times)\b))",
         key=r"\d[:.]\d\d", normalise=norm_bare_clock),
    # "17:00 CET": a zone makes it a clock time without a preposition before it
    Rule("zoned_clock", rf"\b(?P<x>(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s+{ZONE})",
         key=r"\d[:.]\d\d\s+[A-Z]", normalise=norm_bare_clock),
    Rule("named_hour", r"\b(?i:(?P<x>(?:12\s+)?(?:noon|midday|midnight)))\b",
         key="(?i:noon|midday|midnight)", normalise=norm_named_hour),
    Rule("weekday", rf"\b(?:(?P<edge>(?i:early|late))\s+(?:(?i:on)\s+)?)?"
                    rf"(?:(?P<rel>(?i:last|this|next|this past|this coming|coming|past|a\s+week\s+on))\s+)?"
                    rf"(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<pod>{DAYPART})(?P<pods>s)?"
                    rf"|\s+(?i:at)\s+(?P<night>(?i:night))"
                    rf"|\s+(?P<week>week)\b"
                    rf"|\s+(?:(?i:of)\s+)?(?P<wrel>(?i:last|this|next))\s+(?i:week)\b)?\b",
         key=WEEKDAY, normalise=norm_weekday),
    # "the second Monday of June", "the last Friday of the month", "the first Tuesday in July"
    Rule("nth_weekday", rf"\b(?i:the)\s+(?P<ord>(?i:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th))"
                        rf"\s+(?P<wd>{WEEKDAY})\s+(?i:of|in)\s+(?:(?P<mon>{MONTH})(?:\s+(?P<year>{YEAR}))?"
                        rf"|(?i:the\s+month)|(?P<rel>(?i:this|next|last))\s+(?i:month)|(?P<every>(?i:every|each))\s+(?i:month))\b",
         key=WEEKDAY, normalise=norm_nth_weekday),
    # "the July-September quarter"
    Rule("month_range_quarter", rf"\b(?i:the)\s+(?P<mon>{MONTH})\s*[-–]\s*(?P<mon2>{MONTH})\s+(?i:quarter)\b",
         key=MONTH, normalise=norm_month_range_quarter),
    # "Friday the 13th": the nearest Friday falling on a 13th
    Rule("weekday_the_nth", rf"\b(?:(?P<rel>(?i:this|next|last))\s+)?(?P<wd>{WEEKDAY}),?\s+(?i:the)\s+"
                            rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:(?i:of)\s+)?{MONTH})",
         key=WEEKDAY, normalise=norm_weekday_the_nth),
    # "the Monday after next"
    Rule("weekday_after_next", rf"\b(?i:the)\s+(?P<wd>{WEEKDAY})\s+(?i:after\s+next)\b",
         key=WEEKDAY, normalise=norm_weekday_after_next),
    Rule("decade", rf"(?i:\b(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?)(?:\b(?P<dec>1[5-9]\d0|20\d0){APOSTROPHE}?s"
                   rf"|(?:{APOSTROPHE}|(?<=the\s))(?P<dec2>\d0)s)\b",
         key=r"0['’]?s\b", normalise=norm_decade),
    Rule("decade_words", rf"\b(?i:the\s+(?:(?P<edge>early|mid|late)[\s-]+)?(?:(?P<century>nineteen|eighteen|twenty)"
                         rf"[\s-]+)?(?P<decade>{DECADE_WORD}))\b",
         key=r"ties\b", normalise=norm_decade_words),  # every decade word ends so ("the Eighties")
    Rule("spelled_year", rf"\b(?P<x>{SPELLED_YEAR})\b(?!-)",
         key=r"e(?:en|lve|ven)\b|nty\b|sand", normalise=norm_spelled_year),  # the endings of its first word
    Rule("century", rf"\b(?i:(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?(?P<ord>{ORDINAL})[\s-]+century)\b",
         key="(?i:century)", normalise=norm_century),
    Rule("year_range", rf"\b(?P<year>{YEAR})\s*[-–]\s*(?P<year2>\d\d(?:\d\d)?)\b(?!\s*%)",
         key=r"\d{4}\s*[-–]\s*\d", normalise=norm_year_range),
    Rule("short_year", rf"(?<!\w)(?P<x>{SHORT_YEAR})(?!['’]?s\b)",
         key=SHORT_YEAR, normalise=norm_short_year),
    Rule("year", rf"\b(?:(?P<edge>(?i:early|mid|late))[\s-]+)?(?P<year>{YEAR})\b(?![,.]\d|\s*[%°])",
         key=None, normalise=norm_year),
    Rule("season", rf"\b(?P<x>(?:(?P<edge>(?i:early|late|mid))[\s-]+)?(?:(?P<rel>(?i:last|this|next|this past|"
                   rf"the coming|the|this coming))\s+)?(?P<season>{SEASON})"
                   rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}|{SHORT_YEAR})(?:[-–/](?:\d\d){{1,2}})?)?)\b",
         key=SEASON, normalise=norm_season),
    # "two summers ago"
    Rule("seasons_ago", rf"\b(?P<x>(?P<num>{NUMBER})\s+(?P<season>{SEASON})s?\s+(?i:ago))\b",
         key=SEASON, normalise=norm_seasons_ago),
    Rule("quarter", rf"\b(?i:(?:the\s+)?(?:(?P<year0>{YEAR})\s+)?"
                    rf"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
                    rf"(?P<kind>quarter|half)(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?)\b"
                    rf"|\bQ(?P<q>[1-4])(?:\s+(?P<qyear>{YEAR}))?\b",
         key=r"(?i:quarter|half)|\bQ[1-4]", normalise=norm_quarter),
    Rule("relative", r"\b(?i:(?:(?P<edge>earlier|later|early|late|the end of|the start of|the beginning of|"
                     r"the middle of|end of|mid)[\s-]+)?(?P<rel>this|last|next|the previous|the prior|prior|the past|"
                     r"the coming|the following|the next|the last|the current|the same|this coming|that|a|the)\s+"
                     r"(?P<unit>week|weekend|month|year|quarter|decade|century))\b",
         key=KEY_UNIT, normalise=norm_relative),
    Rule("deictic", rf"\b(?i:(?:(?P<edge>earlier|later|early|late)\s+)?(?P<deixis>today|tonight|yesterday|tomorrow)"
                    rf"(?:\s+(?P<pod>{DAYPART}))?)\b",
         key=DEIXIS, normalise=norm_deictic),
    Rule("daypart", rf"\b(?i:(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>{DAYPART}))\b",
         key=DAYPART, normalise=norm_daypart),
    Rule("other_day", rf"\b(?i:(?P<x>the\s+(?P<pod>day|week|month|year|{DAYPART})\s+(?P<side>before|after)"
                      rf"(?=\s*(?:[,.;:)]|$))))"
                      rf"|\b(?i:(?P<x2>the\s+(?P<pod2>day|week|month|year|{DAYPART}))\s+(?:before|after))\b"
                      rf"|\b(?i:(?P<x3>(?:the\s+(?P<which>next|following|previous|same)|(?P<which2>that))\s+"
                      rf"(?P<pod3>day|{DAYPART})))\b",
         key=rf"\b(?:(?i:day|week|month|year)|{DAYPART})\b", normalise=norm_other_day),
    Rule("ref", rf"\b(?P<x>{alternation(WORDS['present_words'] + WORDS['past_words'] + WORDS['future_words'])})\b",
         key=None, normalise=norm_ref),
    # "since then", "by then": the time mentioned last; a bare "then" is as often "next".
    Rule("then", r"\b(?i:since|until|till|by|before|after)\s+(?P<x>(?i:then))\b",
         key="(?i:then)", normalise=norm_then),
    # "overnight next Tuesday", "overnight on Sunday": the day named after it says which night.
    Rule("overnight", rf"\b(?P<x>(?i:overnight))\b(?!\s+(?:(?i:on|next|this|last|into)\s+)?(?:{WEEKDAY}|"
                      rf"(?i:today|tonight|tomorrow|yesterday)\b|[0-3]?\d(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\.?\s+\d))",
         key="(?i:overnight)", normalise=norm_overnight),
    # "worked through the night", "answered phones in the afternoon": that part of the day told of last
    Rule("part_of_told_day", r"\b(?i:through|throughout|during|in|into|until|till|to|by)\s+"
                             r"(?P<x>(?i:the)\s+(?P<pod>(?i:morning|afternoon|evening|night)))\b"
                             r"(?!\s+(?i:of|before|after)\b)",
         key="(?i:morning|afternoon|evening|night)", normalise=norm_part_of_told_day),
    # "in the new year": the year about to begin, said late in a year
    Rule("new_year", r"\b(?i:the\s+new\s+year)\b(?!['’]s)", key="(?i:new)", normalise=norm_new_year),
    Rule("season_ref", r"\b(?i:(?P<rel>this|last|next)\s+season)\b",
         key="(?i:season)", normalise=norm_season_ref),
    Rule("set_every", rf"\b(?i:(?P<x>(?:every|each)\s+(?:(?P<num>{NUMBER})\s+)?(?:other\s+)?(?P<unit>{UNIT}|"
                      rf"{DAYPART}|{SEASON}|{alternation(WORDS['set_day_kinds'])})))\b"
                      rf"|\b(?i:every|each)\s+(?:(?i:other)\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH}))\b"
                      rf"|\b(?i:the)\s+(?P<ord>{ORDINAL})\s+(?i:(?:day\s+)?of\s+(?:every|each|the)\s+month)\b",
         key="(?i:every|each)", normalise=norm_set_every),
    Rule("set_rate", rf"\b(?i:(?P<x>(?:(?P<times>once|twice|thrice|{NUMBER}\s+times|(?P<each>{NUMBER}\s+{UNIT}))\s+)?"
                     rf"(?:a|an|per)\s+"
                     rf"(?P<unit>{UNIT_SINGULAR})))\b",
         key=KEY_UNIT, normalise=norm_set_rate),
    Rule("set_adverb", rf"\b(?P<x>(?:(?i:once|twice|thrice)\s+)?(?P<adverb>{alternation(WORDS['set_frequencies'])}))\b",
         key=None, normalise=norm_set_adverb),
    # "three days after tomorrow", "two weeks from Monday", "the day before yesterday"; "eight years from now"
    # is a length and "now", as TimeML marks it
    Rule("counted_from_deixis", rf"\b(?P<x>{COUNTED_FROM}(?P<base>(?i:today|tomorrow|yesterday)))\b",
         key=DEIXIS, normalise=norm_counted_from),
    Rule("counted_from_weekday", rf"\b(?P<x>{COUNTED_FROM}(?P<base>{WEEKDAY}))\b",
         key=WEEKDAY, normalise=norm_counted_from),
    Rule("duration_compound", rf"\b(?P<x>{NUMBER}\s+{UNIT}(?:,?\s+(?i:and\s+)?{NUMBER}\s+{UNIT})+)\b",
         key=KEY_UNIT, normalise=norm_duration_compound),
    Rule("duration_range", rf"\b(?P<low>\d+|{NUMBER_WORD})(?:\s+(?i:and|to|or)\s+|\s*[-–]\s*)(?P<x>(?P<num>{NUMBER})\s+"
                           rf"(?P<unit>{UNIT_PLURAL}))\b",
         key=KEY_UNIT, normalise=norm_duration_range),
    Rule("duration", rf"\b(?P<x>(?:(?P<which>(?i:the\s+(?:past|last|next|coming|previous|following|first|final)))\s+"
                     rf"(?!(?i:an?)\s))?"
                     rf"(?:(?P<fuzzy>{FUZZY})|(?P<num>{NUMBER}))(?P<half>[\s-]+(?i:and[\s-]+a[\s-]+half))?"
                     rf"(?:\s+(?i:more|further|extra|additional|straight|consecutive))?\s+(?P<unit>{UNIT})"
                     rf"(?P<half2>\s+(?i:and\s+a\s+(?:half|quarter)))?(?:{APOSTROPHE}(?![a-z]))?(?:(?P<ago>\s+(?i:ago))"
                     rf"(?:\s+(?i:this)\s+(?P<ago_unit>(?i:month|week)))?"
                     rf"|(?P<later>\s+(?i:later|earlier)))?)\b",
         key=KEY_UNIT, normalise=norm_duration),
    Rule("duration_adjective", rf"\b(?P<x>(?P<num>{NUMBER})(?P<half>-(?i:and-a-half))?-(?P<unit>{UNIT_SINGULAR})"
                               rf"(?P<more>(?:-(?i:and-)?{NUMBER}-{UNIT_SINGULAR})+)?)\b(?!-old|\s+old\b)",
         key=KEY_UNIT, normalise=norm_duration_adjective),
    Rule("duration_bare", rf"(?i:\b(?:for|take|takes|took|taking|lasted|lasting|spent|spend|within|waited|wait)\s+"
                          rf"(?P<x>(?P<unit>{UNIT_PLURAL}))\b|\b(?P<x2>(?P<unit2>{UNIT_PLURAL}))\s+(?P<after>before|"
                          rf"after|later|earlier|of|ago)\b)",
         key=KEY_UNIT, normalise=norm_duration_bare),
    Rule("duration_recent", rf"\b(?i:(?P<x>(?:the\s+)?(?P<which>recent|past|last|next|coming|following)\s+"
                            rf"(?:(?P<fuzzy>few|several|many|couple\s+of)\s+)?(?P<unit>{UNIT_PLURAL})))\b",
         key=KEY_UNIT, normalise=norm_duration_recent),
    Rule("duration_vague", r"\b(?i:(?:for|in|after)\s+(?P<x>(?:quite\s+)?(?:some|a\s+long|a\s+short|a\s+little)\s+time"
                           r"|a\s+(?:long\s+)?while))\b",
         key="(?i:time|while)", normalise=norm_duration_vague),
)
PRIORITY = {rule.name: rank for rank, rule in enumerate(RULES)}
# How far an expression reaches on either side of its key word ("the second half of 2024", "almost seven
# years"): the longest pattern is well inside it.
KEY_REACH = 60
