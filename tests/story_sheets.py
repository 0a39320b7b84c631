"""Hand-made fact sheets of short invented articles, for the story tests: figures filled in by hand."""

from __future__ import annotations

import re

from newsfacts.schema import Check, Entity, FactSheet, Figure, Mention, Quote, TimeExpression


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    return start, start + len(phrase)


def figure(text: str, phrase: str, kind: str, value, measures: str | None = None, hedge: str | None = None,
           upper: float | None = None, unit: str | None = None) -> Figure:
    start, end = at(text, phrase)
    return Figure(text=phrase, start=start, end=end, kind=kind, value=value, upper=upper, unit=unit,
                  measures=measures, hedge=hedge)


def time(text: str, phrase: str, kind: str, value: str) -> TimeExpression:
    start, end = at(text, phrase)
    return TimeExpression(text=phrase, start=start, end=end, type=kind, value=value)


def quote(text: str, phrase: str, speaker: Entity | None, name: str | None = None) -> Quote:
    start, end = at(text, phrase)
    return Quote(text=phrase, start=start, end=end, kind="direct", source="named" if speaker else "anonymous",
                 cue="said", speaker=speaker.id if speaker else None, speaker_name=name)


def person(text: str, name: str, number: int = 1) -> Entity:
    start, end = at(text, name)
    return Entity(id=f"E{number}", name=name, type="PERSON", mentions=[Mention(text=name, start=start, end=end)])


def sheet(article_id: str, text: str, published: str, outlet: str, **parts) -> FactSheet:
    return FactSheet(id=article_id, text=text, published=published, outlet=outlet, **parts)


def flood_story() -> list[FactSheet]:
    """Three outlets on an invented flood: the toll differs, one hedges the missing, the quotes drift."""
    a = ("Floods in Marlow Vale killed 12 people on Monday, officials said. About 40 people are still missing. "
         "The river burst its banks at 6.15am. \"We will rebuild every home in this valley,\" Mayor Ida Brandt said.")
    b = ("The flood in Marlow Vale has killed 9 people, police said. Some 43 people are missing. "
         "The river burst its banks at 6.15am. \"We will rebuild every home in the valley,\" Brandt said.")
    c = ("At least 12 people were killed by the Marlow Vale flood. Officials said 43 people were missing. "
         "Water rose for three hours after the river burst its banks at 6.15am, according to the Vale Courier. "
         "\"We will rebuild every single home in this valley,\" said Ida Brandt.")
    ida_a, ida_b, ida_c = person(a, "Ida Brandt"), person(b, "Brandt"), person(c, "Ida Brandt")
    return [
        sheet("a", a, "2024-03-04", "Northern Post", entities=[ida_a],
              figures=[figure(a, "12 people", "count", 12, "people"),
                       figure(a, "40 people", "count", 40, "people", hedge="about")],
              times=[time(a, "Monday", "DATE", "2024-03-04"), time(a, "6.15am", "TIME", "2024-03-04T06:15")],
              quotes=[quote(a, "We will rebuild every home in this valley,", ida_a)]),
        sheet("b", b, "2024-03-04", "Vale Courier", entities=[ida_b],
              figures=[figure(b, "9 people", "count", 9, "people"),
                       figure(b, "43 people", "count", 43, "people", hedge="some")],
              times=[time(b, "6.15am", "TIME", "2024-03-04T06:15")],
              quotes=[quote(b, "We will rebuild every home in the valley,", ida_b)]),
        sheet("c", c, "2024-03-05", "Daily Lantern", entities=[ida_c],
              figures=[figure(c, "12 people", "count", 12, "people", hedge="at least"),
                       figure(c, "43 people", "count", 43, "people")],
              times=[time(c, "three hours", "DURATION", "PT3H"), time(c, "6.15am", "TIME", "2024-03-05T06:15")],
              quotes=[quote(c, "We will rebuild every single home in this valley,", ida_c)],
              checks=[Check(kind="total", status="inconsistent", about=["12 people", "43 people"],
                            working="invented: does not add up")]),
    ]
