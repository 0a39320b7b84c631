"""The grammar of time expressions: one regular-expression rule per family (clock times, calendar dates,
relative dates, durations, sets), each with the reading that turns a match into TIMEX3 type and value.

The patterns are assembled from the word tables in data/time_words.json. spaCy's DATE/TIME entities miss or
over-extend too many news expressions ("at 4.35", "Ravensholm a few hours earlier") to be the detector, and
no Python library normalises to TIMEX3; the parse is used to read tense and to reject false friends
("May" the modal or the surname, "2,010" the number).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from spacy.tokens import Doc, Span as SpacySpan, Token

from . import timex
from .parse import governing_verb
from .timex import WORDS

Found = tuple[int, int, str, str]  # start, end, TIMEX3 type, value


def trie(words: set[str]) -> str:
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
        return f"(?:{trie({form for word in words for form in (word.capitalize(), word.upper())})})"
    return f"(?i:{trie({word.lower() for word in words})})"


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
ZONE = rf"(?:{trie(set(WORDS['time_zones']))})\b"  # upper case only: "pt" or "et" in lower case is no zone
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Holiday names as written: each word capitalised, straight or curly apostrophe.
HOLIDAY = "(?:" + "|".join(sorted((re.escape(name.title().replace("'S", "'s")).replace("'", "['’]").replace(r"\ ", r"\s+")
                                   for name in WORDS["holidays"]), key=len, reverse=True)) + ")"

# (name, pattern) in priority order: at equal length the earlier rule wins. A group named "x", when
# present, is the expression's extent; the rest of the match is context.
RULE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso_date", rf"\b(?P<year>{YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("full_date", rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
                  rf"(?P<mon2>{MONTH})\.?|(?P<mon>{MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b)"
                  rf"(?:,?\s+(?P<year>{YEAR}))?\b"),
    ("date_pair", rf"\b(?P<first>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?i:and|or|to)\s+|\s*[-–]\s*)(?P<day>[0-3]?\d)"
                  rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})\.?(?:,?\s+(?P<year>{YEAR}))?\b"
                  rf"|\b(?P<mon2>{MONTH})\.?\s+(?P<first2>[0-3]?\d)(?:st|nd|rd|th)?"
                  rf"(?:\s+(?i:and|or|to)\s+|\s*[-–]\s*)"
                  rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year2>{YEAR}))?\b"),
    ("fiscal_year", rf"\bFY\s?(?P<fy>\d{{4}}|\d\d)\b|\b(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<year>{YEAR})\b"),
    ("month", rf"\b(?:(?P<edge>{EDGE})[\s-]+)?(?:(?P<rel>(?i:last|this|next|this past|the coming|the previous|"
              rf"the following))\s+)?(?P<mon>{MONTH})\.?(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?\b"),
    ("holiday", rf"\b(?:(?P<rel>(?i:last|this|next))\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<year>{YEAR}))?\b"),
    ("hms", r"\b(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)\b"),
    ("clock", rf"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)(?![a-z]))"
              rf"(?:\s+{ZONE})?"
              rf"|\b(?P<h2>\d{{1,2}}|{NUMBER_WORD})\s+o['’]clock\b"),
    ("bare_clock", rf"\b{alternation(['at', 'by', 'until', 'till', 'from', 'around', 'about', 'before', 'after', 'since', 'to', 'between', 'and'])}\s+"
                   rf"(?P<x>(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:\s+{ZONE})?)\b"
                   r"(?![.,]?\d|\s*(?:%|per\b|a\s+share))"),
    ("named_hour", r"\b(?i:(?P<x>noon|midday|midnight))\b"),
    ("weekday", rf"\b(?:(?P<edge>(?i:early|late))\s+(?:(?i:on)\s+)?)?"
                rf"(?:(?P<rel>(?i:last|this|next|this past|this coming|coming|past|a\s+week\s+on))\s+)?"
                rf"(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<pod>{DAYPART})|\s+(?P<week>week)\b)?\b"),
    ("decade", rf"(?i:\b(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?)(?:\b(?P<dec>1[5-9]\d0|20\d0){APOSTROPHE}?s"
               rf"|{APOSTROPHE}(?P<dec2>\d0)s)\b"),
    ("century", rf"\b(?i:(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?(?P<ord>{ORDINAL})[\s-]+century)\b"),
    ("year_range", rf"\b(?P<year>{YEAR})\s*[-–]\s*(?P<year2>\d\d(?:\d\d)?)\b(?!\s*%)"),
    ("year", rf"\b(?:(?P<edge>(?i:early|mid|late))[\s-]+)?(?P<year>{YEAR})\b(?![,.]\d|\s*%)"),
    ("season", rf"\b(?P<x>(?:(?P<edge>(?i:early|late|mid))[\s-]+)?(?:(?P<rel>(?i:last|this|next|this past|"
               rf"the coming|the|this coming))\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?)\b"),
    ("quarter", rf"\b(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
                rf"(?P<kind>quarter|half)(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?)\b"
                rf"|\bQ(?P<q>[1-4])(?:\s+(?P<qyear>{YEAR}))?\b"),
    ("relative", r"\b(?i:(?:(?P<edge>earlier|later|early|late|the end of|the start of|the beginning of|"
                 r"the middle of|end of|mid)[\s-]+)?(?P<rel>this|last|next|the previous|the past|the coming|"
                 r"the following|the next|the last|the current|the same|that|a|the)\s+(?P<unit>week|weekend|"
                 r"month|year|quarter|decade|century))\b"),
    ("deictic", rf"\b(?i:(?:(?P<edge>earlier|later|early|late)\s+)?(?P<deixis>today|tonight|yesterday|tomorrow)"
                rf"(?:\s+(?P<pod>{DAYPART}))?)\b"),
    ("daypart", rf"\b(?i:(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>{DAYPART}))\b"),
    ("other_day", rf"\b(?i:(?P<x>the\s+(?P<pod>day|week|month|year|{DAYPART})\s+(?P<side>before|after)"
                  rf"(?=\s*(?:[,.;:)]|$))))"
                  rf"|\b(?i:(?P<x2>the\s+(?P<pod2>day|week|month|year|{DAYPART}))\s+(?:before|after))\b"
                  rf"|\b(?i:(?P<x3>(?:the\s+(?P<which>next|following|previous|same)|(?P<which2>that))\s+"
                  rf"(?P<pod3>day|{DAYPART})))\b"),
    ("ref", rf"\b(?P<x>{alternation(WORDS['present_words'] + WORDS['past_words'] + WORDS['future_words'])})\b"),
    # "since then", "by then": the time mentioned last; a bare "then" is as often "next".
    ("then", r"\b(?i:since|until|till|by|before|after)\s+(?P<x>(?i:then))\b"),
    # "overnight next Tuesday", "overnight on Sunday": the day named after it says which night.
    ("overnight", rf"\b(?P<x>(?i:overnight))\b(?!\s+(?:(?i:on|next|this|last|into)\s+)?(?:{WEEKDAY}|"
                  rf"(?i:today|tonight|tomorrow|yesterday)\b|[0-3]?\d(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\.?\s+\d))"),
    ("season_ref", r"\b(?i:(?P<rel>this|last|next)\s+season)\b"),
    ("set_every", rf"\b(?i:(?P<x>(?:every|each)\s+(?:(?P<num>{NUMBER})\s+)?(?:other\s+)?(?P<unit>{UNIT}|"
                  rf"{DAYPART}|{SEASON}|{alternation(WORDS['set_day_kinds'])})))\b|\b(?i:every)\s+(?P<wd>{WEEKDAY})\b"),
    ("set_rate", rf"\b(?i:(?P<x>(?:(?P<times>once|twice|thrice|{NUMBER}\s+times|(?P<each>{NUMBER}\s+{UNIT}))\s+)?"
                 rf"(?:a|an|per)\s+"
                 rf"(?P<unit>{UNIT_SINGULAR})))\b"),
    ("set_adverb", rf"\b(?P<x>{alternation(WORDS['set_frequencies'])})\b"),
    ("duration_compound", rf"\b(?P<x>{NUMBER}\s+{UNIT}(?:,?\s+(?i:and\s+)?{NUMBER}\s+{UNIT})+)\b"),
    ("duration_range", rf"\b(?P<low>\d+|{NUMBER_WORD})(?:\s+(?i:and|to|or)\s+|\s*[-–]\s*)(?P<x>(?P<num>{NUMBER})\s+"
                       rf"(?P<unit>{UNIT_PLURAL}))\b"),
    ("duration", rf"\b(?P<x>(?:(?P<which>(?i:the\s+(?:past|last|next|coming|previous|following|first|final)))\s+"
                 rf"(?!(?i:an?)\s))?"
                 rf"(?:(?P<mod>{APPROX})\s+)?(?:(?P<fuzzy>{FUZZY})|(?P<num>{NUMBER}))(?P<half>\s+(?i:and\s+a\s+half))?"
                 rf"(?:\s+(?i:more|further|extra|additional|straight|consecutive))?\s+(?P<unit>{UNIT})"
                 rf"(?P<half2>\s+(?i:and\s+a\s+(?:half|quarter)))?(?:{APOSTROPHE}(?![a-z]))?(?:(?P<ago>\s+(?i:ago))"
                 rf"|(?P<later>\s+(?i:later|earlier)))?)\b"),
    ("duration_adjective", rf"\b(?P<x>(?P<num>{NUMBER})(?P<half>-(?i:and-a-half))?-(?P<unit>{UNIT_SINGULAR})"
                           rf"(?P<more>(?:-(?i:and-)?{NUMBER}-{UNIT_SINGULAR})+)?)\b(?!-old|\s+old\b)"),
    ("duration_bare", rf"(?i:\b(?:for|take|takes|took|taking|lasted|lasting|spent|spend|within|waited|wait)\s+"
                      rf"(?P<x>(?P<unit>{UNIT_PLURAL}))\b|\b(?P<x2>(?P<unit2>{UNIT_PLURAL}))\s+(?P<after>before|"
                      rf"after|later|earlier|of|ago)\b)"),
    ("duration_recent", rf"\b(?i:(?P<x>(?:the\s+)?(?P<which>recent|past|last|next|coming|following)\s+"
                        rf"(?:(?P<fuzzy>few|several|many|couple\s+of)\s+)?(?P<unit>{UNIT_PLURAL})))\b"),
    ("duration_vague", r"\b(?i:(?:for|in|after)\s+(?P<x>(?:quite\s+)?(?:some|a\s+long|a\s+short|a\s+little)\s+time"
                       r"|a\s+(?:long\s+)?while))\b"),
)
RULES = tuple((name, re.compile(pattern)) for name, pattern in RULE_PATTERNS)
# Words without which a rule cannot match. Each rule runs only on the stretches of text around them, so
# the big patterns do not have to be tried at every character of the article.
KEY_UNIT = rf"\b{alternation(sorted(set(WORDS['units']) | {'centuries', 'millennia'}))}"
RULE_KEYS = {name: re.compile(key) for name, key in (
    ("full_date", MONTH), ("date_pair", MONTH), ("fiscal_year", "FY|(?i:fiscal)"),
    ("month", MONTH), ("weekday", WEEKDAY), ("season", SEASON),
    ("century", "(?i:century)"), ("holiday", HOLIDAY), ("quarter", r"(?i:quarter|half)|\bQ[1-4]"), ("decade", r"0['’]?s\b"),
    ("hms", r"\d:\d\d:\d"), ("iso_date", r"\d{4}-\d\d-\d\d"), ("named_hour", "(?i:noon|midday|midnight)"),
    ("duration_vague", "(?i:time|while)"), ("year_range", r"\d{4}\s*[-–]\s*\d"), ("bare_clock", r"\d[:.]\d\d"),
    ("clock", r"(?i:[ap]\.?m\b|o['’]clock)"), ("deictic", "(?i:today|tonight|yesterday|tomorrow)"),
    ("daypart", DAYPART), ("other_day", rf"\b(?:(?i:day|week|month|year)|{DAYPART})\b"), ("relative", KEY_UNIT),
    ("set_rate", KEY_UNIT),
    ("set_every", "(?i:every|each)"), ("overnight", "(?i:overnight)"), ("then", "(?i:then)"),
    ("season_ref", "(?i:season)"), ("duration", KEY_UNIT), ("duration_compound", KEY_UNIT),
    ("duration_range", KEY_UNIT), ("duration_adjective", KEY_UNIT), ("duration_bare", KEY_UNIT),
    ("duration_recent", KEY_UNIT))}
# How far an expression reaches on either side of its key word ("the second half of 2024", "almost seven
# years"): the longest pattern is well inside it.
KEY_REACH = 60
PRIORITY = {name: rank for rank, (name, _) in enumerate(RULES)}

# Words before a bare year that make it a year and not a count; spaCy's DATE tag is the other evidence.
YEAR_CUES = {"in", "since", "by", "until", "till", "from", "before", "after", "of", "during", "between", "and",
             "to", "through", "early", "late", "mid", "year", "around", "circa", "spring", "summer", "autumn",
             "fall", "winter", "christmas", "'s", "the", "that", "this", "-", "–"}
NAMED_TYPES = {"PERSON", "ORG", "FAC", "GPE", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"}
MODALS = {"can", "could", "may", "might", "must", "should", "would"}
FUTURE_HEADS = {"due", "go", "expect", "plan", "set", "schedule", "intend", "aim", "hope"}
# Predicates that put their own time ahead: "results are due on Friday", "a ruling is expected in May".
SCHEDULING = {"due", "expect", "schedule", "slate", "plan"}


@dataclass
class Reading:
    """What normalisation needs to know about the article."""

    doc: Doc
    text: str  # the article text, kept because spaCy's Doc.text is rebuilt from the tokens on every call
    anchor: date | None
    explicit_hours: list[float] = field(default_factory=list)

    def span(self, start: int, end: int) -> SpacySpan | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def tense(self, start: int, end: int) -> int:
        """-1 for past narration, +1 for future, 0 otherwise, read from the verb the expression hangs on."""
        span = self.span(start, end)
        if span is None:
            return 0
        verb = governing_verb(span.root)
        return verb_tense(verb) if verb is not None else 0


def verb_tense(verb: Token) -> int:
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
    if verb.tag_ == "VBN" and any(child.lemma_ == "have" for child in auxiliaries):
        return -1
    if "would" in words and verb.dep_ == "ccomp":  # "said the library would reopen in March": still ahead
        return 1
    if "to" in words and verb.head.lemma_ in FUTURE_HEADS:
        return 1
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):  # "agreed to sell": the head's tense
        return verb_tense(verb.head)
    if verb.tag_ in ("VBN", "VBG") and not auxiliaries and verb.dep_ in ("acl", "advcl"):
        # "a survey held in December drew …", "will rise starting in January": the clause's tense; but
        # "ballots postmarked by Friday will count" were postmarked before, not after, the counting
        clause_verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        tense = verb_tense(clause_verb) if clause_verb is not None else 0
        return 0 if verb.tag_ == "VBN" and tense > 0 else tense
    return 0


def has_modal(reading: Reading, start: int, end: int) -> bool:
    span = reading.span(start, end)
    if span is None:
        return False
    verb = span.root.head
    return any(child.lower_ in MODALS for child in verb.children if child.dep_ == "aux")


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


def part_of_name(word: SpacySpan) -> bool:
    """'Theresa May', 'Man Friday': a calendar word straight after a capitalised word inside a sentence."""
    before = word.doc[word.start - 1] if word.start > 0 else None
    return (before is not None and not word[0].is_sent_start and before.is_title and before.pos_ == "PROPN"
            and before.lower_ not in WORDS["months"] and before.lower_ not in WORDS["weekdays"])


# Normalisers: one per rule, (match, reading) → found expressions ([] rejects the match).

def norm_iso_date(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span(), "DATE", f"{match['year']}-{match['mon']}-{match['day']}")]


def yearless_day(reading: Reading, month: int, day: int, span: tuple[int, int]) -> str | None:
    """A day and month written without a year: the year the tense points to, which past narration leaves
    open to the year of the story's last date (`timex.yearless`); None for a day the month lacks."""
    if reading.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    tense = reading.tense(*span)
    try:
        value = date(timex.month_year(reading.anchor, month, tense), month, day).isoformat()
    except ValueError:
        return None
    return timex.yearless(month, day, value) if tense < 0 else value


def norm_full_date(match: re.Match, reading: Reading) -> list[Found]:
    month = WORDS["months"][(match["mon"] or match["mon2"]).lower().rstrip(".")]
    day = int(match["day"] or match["day2"])
    if not 1 <= day <= 31:
        return []
    if not match["year"]:
        value = yearless_day(reading, month, day, match.span())
        return [(*match.span(), "DATE", value)] if value else []
    try:
        return [(*match.span(), "DATE", date(int(match["year"]), month, day).isoformat())]
    except ValueError:
        return []


def norm_date_pair(match: re.Match, reading: Reading) -> list[Found]:
    """'22 and 23 February', 'Sept. 3-5': two days of one month, the first written without it."""
    first_group, day_group = ("first", "day") if match["first"] else ("first2", "day2")
    first, last = int(match[first_group]), int(match[day_group])
    if not 1 <= first < last <= 31:
        return []
    month = WORDS["months"][(match["mon"] or match["mon2"]).lower().rstrip(".")]
    year_text = match["year"] or match["year2"]
    try:
        values = [date(int(year_text), month, day).isoformat() if year_text
                  else yearless_day(reading, month, day, match.span()) for day in (first, last)]
    except ValueError:
        return []
    if None in values:
        return []
    if match["first"]:  # "22 and 23 February": the second day carries the month
        spans = [match.span("first"), (match.start("day"), match.end())]
    else:  # "Sept. 3-5": the first carries it
        spans = [(match.start(), match.end("first2")), (match.start("day2"), match.end())]
    return [(*span, "DATE", value) for span, value in zip(spans, values)]


def norm_fiscal_year(match: re.Match, reading: Reading) -> list[Found]:
    """'FY2025', 'FY25', 'fiscal 2024': TIMEX writes a fiscal year with its FY prefix."""
    year = match["year"] or match["fy"]
    if len(year) == 2:
        year = "20" + year
    return [(*match.span(), "DATE", f"FY{year}")]


def norm_month(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span()
    name_start, name_end = match.span("mon")
    name = reading.span(name_start, name_end)
    if name is None or name.root.tag_ == "MD" or name.root.ent_type_ in NAMED_TYPES or part_of_name(name):
        return []
    month = WORDS["months"][match["mon"].lower().rstrip(".")]
    year_text = match["year"]
    relation = (match["rel"] or "").lower()
    if year_text:
        year = int(year_text)
    elif reading.anchor is None:
        return [(start, end, "DATE", f"XXXX-{month:02d}")]
    elif relation in ("last", "the previous", "this past"):
        year = timex.month_year(reading.anchor, month, -1)
        year -= 1 if month == reading.anchor.month else 0
    elif relation in ("next", "the coming", "the following"):
        year = timex.month_year(reading.anchor, month, 1)
        year += 1 if month == reading.anchor.month else 0
    else:
        year = timex.month_year(reading.anchor, month, reading.tense(start, end))
    return [(start, end, "DATE", f"{year:04d}-{month:02d}")]


def norm_holiday(match: re.Match, reading: Reading) -> list[Found]:
    """'Christmas', 'last Thanksgiving', 'Easter 2019': the year from the relation, else from the tense."""
    rule = WORDS["holidays"][" ".join(match["name"].lower().replace("’", "'").split())]
    name = reading.span(*match.span("name"))
    following = reading.doc[name.end] if name is not None and name.end < len(reading.doc) else None
    if name is None or following is not None and following.is_title and following.pos_ == "PROPN":
        return []  # "Christmas Island", "Easter Rising"
    if match["year"]:
        day = timex.holiday_date(rule, int(match["year"]))
    elif reading.anchor is None:
        return [(*match.span(), "DATE", "XXXX-" + rule["date"] if "date" in rule else "XXXX-XX-XX")]
    else:
        relation = (match["rel"] or "").lower()
        direction = {"last": -1, "next": 1}.get(relation) or (0 if relation else reading.tense(*match.span()))
        year = reading.anchor.year
        this_year = timex.holiday_date(rule, year)
        if direction < 0 and this_year > reading.anchor:
            year -= 1
        elif direction > 0 and this_year < reading.anchor:
            year += 1
        day = timex.holiday_date(rule, year)
    return [(*match.span(), "DATE", day.isoformat())]


def norm_hms(match: re.Match, reading: Reading) -> list[Found]:
    h, m, s = int(match["h"]), int(match["m"]), int(match["s"])
    if previous_word(reading.text, match.start()) in ("at", "by", "until", "from"):
        return [(*match.span(), "TIME", f"T{h:02d}:{m:02d}:{s:02d}")]
    parts = "".join(f"{n}{code}" for n, code in ((h, "H"), (m, "M"), (s, "S")) if n)
    return [(*match.span(), "DURATION", f"PT{parts or '0S'}")]


def twelve_hour(hour: int, meridiem: str) -> int:
    if meridiem == "pm":
        return hour if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


def norm_clock(match: re.Match, reading: Reading) -> list[Found]:
    if match["h2"]:
        hour = timex.number_value(match["h2"])
        if hour is None or not 1 <= hour <= 12:
            return []
        hour, minute = likely_hour(int(hour), reading, *match.span()), 0
    else:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12:
            return []
        hour = twelve_hour(hour, match["ap"].lower().replace(".", ""))
    return [(*match.span(), "TIME", f"T{hour:02d}:{minute:02d}")]


def likely_hour(hour: int, reading: Reading, start: int, end: int) -> int:
    """Morning or afternoon for a clock time written without am/pm: the reading closest to the story's
    explicit clock times, else the part of day named in the sentence, else as written."""
    if hour > 12 or hour == 0:
        return hour
    readings = (hour % 12, hour % 12 + 12)
    if reading.explicit_hours:
        return min(readings, key=lambda h: min(abs(h - other) for other in reading.explicit_hours))
    span = reading.span(start, end)
    if span is not None:
        for token in span.sent:
            meridiem = WORDS["part_of_day_hours"].get(WORDS["parts_of_day"].get(token.lower_, ""))
            if token.lower_ == "tonight" or meridiem == "pm":
                return readings[1]
            if meridiem == "am":
                return readings[0]
    return hour


def norm_bare_clock(match: re.Match, reading: Reading) -> list[Found]:
    hour, minute = int(match["h"]), int(match["m"])
    start, end = match.span("x")
    if ":" not in match["x"] and not hour:
        return []
    if not match["h"].startswith("0"):  # "02:14" is the 24-hour clock, written as meant
        hour = likely_hour(hour, reading, start, end)
    return [(start, end, "TIME", f"T{hour:02d}:{minute:02d}")]


def norm_named_hour(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span("x"), "TIME", "T24:00" if match["x"].lower() == "midnight" else "T12:00")]


def norm_weekday(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span()
    weekday = WORDS["weekdays"][match["wd"].lower()]
    if match["plural"]:
        return [(start, end, "SET", f"XXXX-WXX-{weekday}")]
    mention = reading.span(*match.span("wd"))
    if mention is None or any(t.ent_type_ in NAMED_TYPES for t in mention) or part_of_name(mention):
        return []
    relation = " ".join((match["rel"] or "").lower().split())
    if previous_word(reading.text, start) in ("a", "one"):  # "one Sunday in February": which is not said
        return [(start, end, "DATE", f"XXXX-WXX-{weekday}")]
    if relation == "a week on" or match["week"]:  # British "a week on Saturday", "Saturday week"
        day = timex.weekday_date(reading.anchor, weekday, 1)
        day = day + relativedelta(weeks=1) if day else None
    elif relation in ("last", "this past", "past"):
        day = timex.weekday_date(reading.anchor, weekday, -1, strict=True)
    elif relation in ("next", "this coming", "coming"):
        day = timex.weekday_date(reading.anchor, weekday, 1, strict=True)
    else:
        day = timex.weekday_date(reading.anchor, weekday, reading.tense(start, end))
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    if match["pod"]:
        return [(start, end, "TIME", f"{value}T{WORDS['parts_of_day'][match['pod'].lower()]}")]
    return [(start, end, "DATE", value)]


def norm_decade(match: re.Match, reading: Reading) -> list[Found]:
    if match["dec"]:
        return [(*match.span(), "DATE", match["dec"][:3])]
    two = int(match["dec2"])
    if reading.anchor is None:  # "the '20s": which century is the publication date's call
        return [(*match.span(), "DATE", f"XX{two // 10}")]
    century = 20 if 2000 + two <= reading.anchor.year else 19
    return [(*match.span(), "DATE", f"{century}{two // 10}")]


def norm_century(match: re.Match, reading: Reading) -> list[Found]:
    number = WORDS["ordinals"].get(match["ord"].lower())
    if not number or number < 1:
        return []
    return [(*match.span(), "DATE", f"{number - 1:02d}")]


def norm_year_range(match: re.Match, reading: Reading) -> list[Found]:
    first, second = match["year"], match["year2"]
    last = first[:2] + second if len(second) == 2 else second
    if not int(first) < int(last) <= int(first) + 100:
        return []
    return [(*match.span("year"), "DATE", first), (*match.span("year2"), "DATE", last)]


def norm_year(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("year")
    text = reading.text
    if text[max(0, start - 1):start] in "$£€#" and start > 0:
        return []
    span = reading.span(start, end)
    is_date = span is not None and span.root.ent_type_ == "DATE"
    if not (is_date or match["edge"] or previous_word(text, start) in YEAR_CUES):
        return []
    return [(*match.span(), "DATE", match["year"])]


def norm_season(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("x")
    word, relation = match["season"].lower(), (match["rel"] or "").lower()
    if not (relation or match["year"] or match["edge"]):
        return []
    if relation == "the" and not match["year"] and previous_word(reading.text, start) not in (
            "in", "during", "over", "by", "until", "through", "since", "for", "of"):
        return []
    code = WORDS["seasons"][word]
    if match["year"]:
        return [(start, end, "DATE", f"{match['year']}-{code}")]
    if reading.anchor is None:
        return [(start, end, "DATE", f"XXXX-{code}")]
    relation_key = {"this past": "last", "the coming": "next", "this coming": "next"}.get(relation, relation)
    if relation_key in ("the", ""):  # "in the summer", "in late spring": the one the tense points to
        tense = reading.tense(start, end)
        first, last = timex.SEASON_MONTHS[code]
        relation_key = ("last" if tense < 0 and first > reading.anchor.month
                        else "next" if tense > 0 and last < reading.anchor.month and code != "WI" else "")
    return [(start, end, "DATE", f"{timex.season_year(reading.anchor, code, relation_key):04d}-{code}")]


def norm_quarter(match: re.Match, reading: Reading) -> list[Found]:
    if match["q"]:
        year = match["qyear"] or (str(reading.anchor.year) if reading.anchor else "XXXX")
        return [(*match.span(), "DATE", f"{year}-Q{match['q']}")]
    number = WORDS["ordinals"][match["ord"].lower()]
    kind = "Q" if match["kind"].lower() == "quarter" else "H"
    count = 4 if kind == "Q" else 2
    if number > count or (kind == "H" and not (match["year"] or match["rel"])):
        return []  # "the first half" alone is as often a match's as a year's
    if match["year"]:
        year = match["year"]
    elif reading.anchor:
        year = str(reading.anchor.year + {"last": -1, "next": 1}.get((match["rel"] or "").lower(), 0))
    else:
        year = "XXXX"
    if number == -1:
        if match["year"] or match["rel"]:
            number = count
        elif reading.anchor:  # "the last quarter": the one before this
            this = (reading.anchor.month - 1) * count // 12 + 1
            number, year = (this - 1, year) if this > 1 else (count, str(int(year) - 1))
        else:
            number = count
    return [(*match.span(), "DATE", f"{year}-{kind}{number}")]


LENGTH_PREPOSITIONS = {"over", "for", "during", "within", "throughout"}


def norm_relative(match: re.Match, reading: Reading) -> list[Found]:
    relation, unit = match["rel"].lower(), match["unit"].lower()
    span = match.span()
    counted = unit in timex.NEEDED_PRECISION and not match["edge"]
    before = previous_word(reading.text, span[0]).strip("\"“‘'(")
    if relation in ("the following", "the previous") and counted and before not in LENGTH_PREPOSITIONS:
        # "the following month he was freed"; "over the following month" is a length
        return [(*span, "DATE", timex.anchored(1 if relation == "the following" else -1, unit))]
    if relation in ("the past", "the last", "the next", "the coming", "the following", "the previous", "a"):
        if match["edge"]:
            return []
        return [(*span, "DURATION", timex.duration(1, unit))] if relation != "a" else []
    if relation == "the" and re.match(r"\s+of\s", reading.text[span[1]:span[1] + 4]):
        return []  # "the weekend of 22 and 23 February": the dates that follow say which
    if relation == "the" and unit == "weekend" and not match["edge"]:
        if reading.anchor is None:
            return [(*span, "DATE", timex.UNRESOLVED["WE"])]
        # "over the weekend": the one just gone in past narration, else the coming one (ISO weeks end on Sunday)
        past = reading.tense(*span) < 0 and reading.anchor.isoweekday() < 6
        return [(*span, "DATE", timex.shifted(reading.anchor, "weekend", -1 if past else 0))]
    if relation == "the" and not match["edge"]:
        return []
    steps = {"last": -1, "next": 1}.get(relation, 0)
    if relation in ("the same", "that"):  # "that year": the one mentioned last
        return [(*span, "DATE", timex.anchored(0, unit) if counted else timex.UNRESOLVED[timex.GRANULARITY[unit]])]
    return [(*span, "DATE", timex.shifted(reading.anchor, unit, steps))]


def norm_deictic(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span()
    word = match["deixis"].lower()
    name = reading.span(*match.span("deixis"))
    if name is None or name.root.ent_type_ in NAMED_TYPES:  # "USA Today"
        return []
    pod = match["pod"].lower() if match["pod"] else ("night" if word == "tonight" else "")
    if word == "today" and not match["edge"] and has_modal(reading, start, end):
        return [(start, end, "DATE", "PRESENT_REF")]
    if reading.anchor is None:
        day = "PRESENT_REF" if word in ("today", "tonight") else "XXXX-XX-XX"
    else:
        day = timex.shifted(reading.anchor, "day", WORDS["deictic_days"][word])
    if pod:
        return [(start, end, "TIME", f"{day if day != 'PRESENT_REF' else 'XXXX-XX-XX'}T{WORDS['parts_of_day'][pod]}")]
    return [(start, end, "DATE", day)]


def norm_daypart(match: re.Match, reading: Reading) -> list[Found]:
    relation, pod = match["rel"].lower(), match["pod"].lower()
    steps = {"last": -1 if pod in ("night", "evening") else 0, "yesterday": -1, "tomorrow": 1}.get(relation, 0)
    if relation == "last" and steps == 0:
        return []
    day = timex.shifted(reading.anchor, "day", steps)
    return [(*match.span(), "TIME", f"{day}T{WORDS['parts_of_day'][pod]}")]


# How many days from the date last mentioned each word moves ("the next day", "the night before").
OTHER_DAY_STEPS = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1, "same": 0, "that": 0}


def norm_other_day(match: re.Match, reading: Reading) -> list[Found]:
    """'the day before', 'the next morning', 'that night': counted from the date last mentioned. 'The day
    after the vote' counts from the vote, which is not a date: it stays unresolved."""
    if match["x2"]:
        unit = match["pod2"].lower()
        return [(*match.span("x2"), "DATE", timex.UNRESOLVED[timex.GRANULARITY.get(unit, "D")])]
    word = (match["side"] or match["which"] or match["which2"]).lower()
    pod = (match["pod"] or match["pod3"]).lower()
    if pod in ("week", "month", "year"):  # "the week before"
        return [(*extent(match), "DATE", timex.anchored(OTHER_DAY_STEPS[word], pod))]
    code = "" if pod == "day" else WORDS["parts_of_day"][pod]
    return [(*extent(match), "TIME" if code else "DATE", timex.anchored(OTHER_DAY_STEPS[word], "day", code))]


def norm_overnight(match: re.Match, reading: Reading) -> list[Found]:
    """'flooded overnight': the night before the publication date in past narration, else the coming one;
    'an overnight stay' (the adjective) is not a time."""
    start, end = match.span("x")
    word = reading.span(start, end)
    if word is None or word.root.pos_ == "ADJ":
        return []
    day = timex.shifted(reading.anchor, "day", -1 if reading.tense(start, end) < 0 else 0)
    return [(start, end, "TIME", f"{day}T{WORDS['parts_of_day']['overnight']}")]


def norm_season_ref(match: re.Match, reading: Reading) -> list[Found]:
    """'this season', 'last season': a sporting or theatre season, which no calendar value names."""
    return [(*match.span(), "DATE", WORDS["season_references"][match["rel"].lower()])]


def norm_then(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span("x"), "DATE", timex.THEN)]


def norm_ref(match: re.Match, reading: Reading) -> list[Found]:
    text = " ".join(match["x"].lower().split())
    for kind in ("present", "past", "future"):
        if text in WORDS[f"{kind}_words"]:
            start, end = match.span("x")
            if text.startswith("in ") or text.startswith("at ") and kind != "past":
                start += 3
            last = reading.span(end - 1, end)
            if text.endswith(("past", "future")) and last is not None and last.root.pos_ != "NOUN":
                return []  # "the past nine elections": an adjective, not the past
            return [(start, end, "DATE", f"{kind.upper()}_REF")]
    return []


def norm_set_every(match: re.Match, reading: Reading) -> list[Found]:
    if match["wd"]:
        return [(*match.span(), "SET", f"XXXX-WXX-{WORDS['weekdays'][match['wd'].lower()]}")]
    word = " ".join(match["unit"].lower().split())
    if word in WORDS["set_day_kinds"]:  # "every weekday": daily, on the days of that kind
        return [(*match.span("x"), "SET", WORDS["set_day_kinds"][word])]
    if word in WORDS["parts_of_day"]:
        return [(*match.span("x"), "SET", f"XXXX-XX-XXT{WORDS['parts_of_day'][word]}")]
    if word in WORDS["seasons"]:
        return [(*match.span("x"), "SET", f"XXXX-{WORDS['seasons'][word]}")]
    amount = timex.number_value(match["num"]) if match["num"] else 1
    return [(*match.span("x"), "SET", timex.duration(amount or 1, timex.canonical_unit(word)))]


# "170,000 people a year", "three games a week": a count of things before the unit makes it a rate; a
# preposition between ("2 games in a year") makes it a length.
COUNTED_THING = re.compile(rf"(?:\d|\b{NUMBER_WORD})\s+(?!(?:in|for|within|after|over|of|than|about|under|by|"
                           rf"once|per)\b)[a-z]+\s+$", re.I)


def norm_set_rate(match: re.Match, reading: Reading) -> list[Found]:
    """'twice a week', and 'a year' after an amount ('$5m a year'); a bare 'a year' is a duration."""
    before = reading.text[max(0, match.start() - 30):match.start()]
    if match["each"]:  # "six days a week", "three hours a day": a smaller unit in each larger one
        order = timex.DURATION_ORDER
        each = timex.canonical_unit(match["each"].split()[-1])
        unit = timex.canonical_unit(match["unit"])
        if each not in order or unit not in order or order.index(each) <= order.index(unit):
            return []
    amount_before = re.search(r"(?:\d|%|illion|bn|m|k|[$£€]\S*)\s*$", before) or COUNTED_THING.search(before)
    if not match["times"] and not amount_before:
        return []
    return [(*match.span("x"), "SET", timex.duration(1, timex.canonical_unit(match["unit"])))]


def norm_set_adverb(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span("x"), "SET", WORDS["set_frequencies"][match["x"].lower()])]


def norm_duration(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("x")
    unit = timex.canonical_unit(match["unit"])
    if unit not in WORDS["units"] and unit not in ("millennium",):
        return []
    if unit == "quarter" and re.match(r"\s+of\b", reading.text[end:]):
        return []  # "a quarter of respondents" is a fraction, not three months
    if match["fuzzy"]:
        amount = None
    else:
        amount = timex.number_value(match["num"])
        if amount is None:
            return []
        if match["half"] or match["half2"]:  # "two and a half hours", "three hours and a quarter"
            amount += 0.25 if match["half2"] and match["half2"].lower().endswith("quarter") else 0.5
    if match["ago"]:
        if amount is None or unit not in timex.STEPS:
            return [(start, end, "DATE", "PAST_REF")]
        if unit == "hour" or unit == "minute":
            return [(start, end, "DURATION", timex.duration(amount, unit))]
        return [(start, end, "DATE", timex.shifted(reading.anchor, unit, -int(amount)))]
    if match["later"]:
        if amount is None or amount != int(amount) or unit not in timex.NEEDED_PRECISION:
            end = match.start("later")  # "six minutes later": a length, which checks compare
        else:  # "two days later": a date, counted from the one mentioned last
            sign = -1 if match["later"].strip().lower() == "earlier" else 1
            return [(start, end, "DATE", timex.anchored(sign * int(amount), unit))]
    if unit == "weekend" or (unit == "day" and match["num"] and match["num"].lower() in ("a", "an")
                             and previous_word(reading.text, start) in ("once", "twice", "times")):
        return []
    if re.match(r"\s*-?old\b", reading.text[end:end + 6]):
        return []
    if unit == "second" and amount == 1 and (re.match(r"\s+[a-z]", reading.text[end:end + 3]) and not re.match(
            r"\s+(?:later|earlier|ago|before|after|or|of|to|and|too|longer)\b", reading.text[end:end + 10])
            or ordinal_modifier(reading, start, end)):
        return []  # "a second device", "a second, longer walk": the ordinal
    return [(start, end, "DURATION", timex.duration(amount, unit))]


def ordinal_modifier(reading: Reading, start: int, end: int) -> bool:
    """Whether the parse makes the expression's last word modify a noun ("a second, longer walk")."""
    span = reading.span(start, end)
    return span is not None and span[-1].dep_ == "amod"


DURATION_PIECE = re.compile(rf"(?P<num>{NUMBER})[\s-]+(?P<unit>{UNIT})")


def compound_value(text: str) -> str | None:
    """'two hours and 25 minutes', 'two-hour-25-minute' → PT2H25M: each unit smaller than the one before,
    none repeated; None otherwise."""
    pieces = []
    for piece in DURATION_PIECE.finditer(text):
        value, unit = timex.number_value(piece["num"]), timex.canonical_unit(piece["unit"])
        if value is None or value != int(value) or unit not in timex.DURATION_CODES:
            return None
        pieces.append((int(value), unit))
    order = [unit for unit in timex.DURATION_ORDER]
    ranks = [order.index(unit) if unit in order else -1 for _, unit in pieces]
    if -1 in ranks or ranks != sorted(set(ranks)):
        return None
    return timex.compound_duration(pieces)


def norm_duration_compound(match: re.Match, reading: Reading) -> list[Found]:
    value = compound_value(match["x"])
    return [(*match.span("x"), "DURATION", value)] if value else []


def norm_duration_range(match: re.Match, reading: Reading) -> list[Found]:
    """'between 12 and 18 months': two durations in the unit named once."""
    low, high = timex.number_value(match["low"]), timex.number_value(match["num"])
    if low is None or high is None or low >= high:
        return []
    unit = timex.canonical_unit(match["unit"])
    return [(*match.span("low"), "DURATION", timex.duration(low, unit)),
            (*match.span("x"), "DURATION", timex.duration(high, unit))]


def norm_duration_adjective(match: re.Match, reading: Reading) -> list[Found]:
    if match["more"]:  # "a two-hour-25-minute journey"
        value = compound_value(match["x"])
        return [(*match.span("x"), "DURATION", value)] if value else []
    amount = timex.number_value(match["num"])
    unit = timex.canonical_unit(match["unit"])
    if amount is None or unit == "weekend":
        return []
    amount += 0.5 if match["half"] else 0
    return [(*match.span("x"), "DURATION", timex.duration(amount, unit))]


# Words that make "the … hours" the night after midnight, not a length ("in the early hours of Sunday", "the
# small hours", "the wee hours"), from common English usage.
NIGHT_HOURS_WORDS = {"early", "small", "wee"}


def norm_duration_bare(match: re.Match, reading: Reading) -> list[Found]:
    unit = timex.canonical_unit(match["unit"] or match["unit2"])
    if previous_word(reading.text, match.start()) in NIGHT_HOURS_WORDS:
        return []
    if match["after"] and match["after"].lower() == "ago":
        return [(*match.span("x2"), "DATE", "PAST_REF")]
    return [(*extent(match), "DURATION", timex.duration(None, unit))]


def norm_duration_recent(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("x")
    return [(start, end, "DURATION", timex.duration(None, timex.canonical_unit(match["unit"])))]


def norm_duration_vague(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span("x"), "DURATION", "PX")]


NORMALISERS: dict[str, Callable[[re.Match, Reading], list[Found]]] = {
    name: globals()[f"norm_{name}"] for name, _ in RULE_PATTERNS}
