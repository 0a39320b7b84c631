"""Which country an article is written from, and so how it writes dates: "03/02/2020" is 2 March in Los
Angeles and 3 February in Leeds; Mother's Day is in May in Ohio and in Lent in Bristol.

The evidence, strongest first: the article's own numeric dates that only one order reads ("14/11/2024"); the
wire it comes from ("(AP)" writes month first wherever it files from) and its outlet's web address; the place
of its dateline ("DAYTON, Ohio —"); how it writes dates in words ("March 5" or "5 March"); the places it
names. When nothing tells, the order stays unknown and the reader leaves the day and month open.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import data_table
from ..timex import WORDS
from .patterns import MONTH

MONTH_FIRST, DAY_FIRST = "MDY", "DMY"
NUMERIC_DATE = re.compile(r"\b([0-3]?\d)([/.-])([0-3]?\d)\2(?:\d{4}|\d\d)\b")
WIRE = re.compile(r"^.{0,120}?\((AP|Reuters|AFP)\)", re.S)
DATELINE = re.compile(r"^\W*([A-Z][\w .'’-]*?)(?:,\s+([A-Z][\w. ]*?))?\s*(?:\([A-Za-z]+\)\s*)?[—–-]{1,2}\s")
WRITTEN_MONTH_DAY = re.compile(rf"\b{MONTH}\.?\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![\d:.]\d)")
WRITTEN_DAY_MONTH = re.compile(rf"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b")
# Web addresses ending in these write dates day first.
DAY_FIRST_DOMAINS = re.compile(r"\.(?:uk|ie|au|nz|in|za|sg|hk|ng|ke|pk)(?:/|$)")
NAMED_PLACE_TYPES = ("GPE", "LOC")
# A name after these is a place whatever the NER calls it ("tenants in Glasgow").
PLACE_PREPOSITIONS = {"in", "at", "near", "outside"}


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    return data_table("places")["places"]


def order_of(country: str | None) -> str | None:
    if country is None or country in WORDS["date_order"]["unknown"]:
        return None
    return MONTH_FIRST if country in WORDS["date_order"]["month_first"] else DAY_FIRST


def _place_country(name: str) -> str | None:
    name = " ".join(name.split()).strip(".,")
    places = _places()
    return places.get(name) or places.get(name + ".") or places.get(name.title())


def dateline_country(text: str) -> str | None:
    """The country of the place a dateline names ("AUSTIN, Texas (AP) —", "ZURICH —")."""
    found = DATELINE.match(text[:200])
    if not found:
        return None
    for name in (found[2], found[1]):
        if name and (country := _place_country(name)):
            return country
    return None


def wire_order(text: str, outlet: str | None, source: str | None) -> str | None:
    wire = WIRE.match(text)
    if wire and wire[1] == "AP" or outlet and re.search(r"\bAssociated Press\b|\bAP\b", outlet):
        return MONTH_FIRST
    if source and DAY_FIRST_DOMAINS.search(source.split("?")[0]):
        return DAY_FIRST
    return None


def numeric_order(text: str) -> str | None:
    """The order the article's own numeric dates show: a first number over 12 is a day."""
    firsts = {MONTH_FIRST: 0, DAY_FIRST: 0}
    for found in NUMERIC_DATE.finditer(text):
        first, second = int(found[1]), int(found[3])
        if first > 12 >= second >= 1:
            firsts[DAY_FIRST] += 1
        elif second > 12 >= first >= 1:
            firsts[MONTH_FIRST] += 1
    return _majority(firsts)


def written_order(text: str) -> str | None:
    counts = {MONTH_FIRST: len(WRITTEN_MONTH_DAY.findall(text)), DAY_FIRST: len(WRITTEN_DAY_MONTH.findall(text))}
    return _majority(counts)


def named_places_country(doc: Doc) -> str | None:
    """The country most of the places an article names are in, when one is more often than any other."""
    counts: dict[str, int] = {}
    for entity in doc.ents:
        after_place_word = entity.root.dep_ == "pobj" and entity.root.head.lower_ in PLACE_PREPOSITIONS
        if (entity.label_ in NAMED_PLACE_TYPES or after_place_word) and (country := _place_country(entity.text)):
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _majority(counts: dict[str, int]) -> str | None:
    (first, many), (_, few) = sorted(counts.items(), key=lambda item: -item[1])
    return first if many > few else None


def country(doc: Doc, text: str) -> str | None:
    """The country an article is written from: its dateline's, else the one the places it names are in."""
    return dateline_country(text) or named_places_country(doc)


def date_order(doc: Doc, text: str, outlet: str | None = None, source: str | None = None) -> str | None:
    """'MDY' or 'DMY', the order the article writes numeric dates in; None when nothing tells."""
    return (numeric_order(text) or wire_order(text, outlet, source) or order_of(dateline_country(text))
            or written_order(text) or order_of(named_places_country(doc)))
