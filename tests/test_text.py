"""The Rich terminal summary (render/text.py)."""

from __future__ import annotations

import io

from rich.console import Console

from newsfacts.render.text import summary
from newsfacts.schema import Check, Entity, FactSheet, Figure, Mention, Quote, TimeExpression


def rendered(sheet: FactSheet, width: int = 100) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(summary(sheet))
    return console.export_text()


def test_square_brackets_in_the_article_are_shown_as_written_not_read_as_markup():
    text = 'Ann Vole [the mayor] said the plan was "a [/b] mess [sic]".'
    start = text.index("a [/b]")
    end = text.index('".')
    sheet = FactSheet(
        id="[draft] vole", text=text, title="[red]Budget[/red] row",
        entities=[Entity(id="E1", name="Ann Vole [the mayor]", type="PERSON",
                         mentions=[Mention(text="Ann Vole [the mayor]", start=0, end=20)])],
        quotes=[Quote(text=text[start:end], start=start, end=end, kind="direct", source="named",
                      cue="said", speaker="E1")],
    )
    output = rendered(sheet)
    assert "[red]Budget[/red] row" in output
    assert "Ann Vole [the mayor]" in output
    assert "a [/b] mess [sic]" in output


def test_a_sheet_with_nothing_found_says_so():
    sheet = FactSheet(id="quiet", text="The council met. Roads were discussed.")
    output = rendered(sheet)
    assert "no entities, quotes, time expressions, relations or checks found" in output.lower()


def test_sections_found_are_not_listed_as_missing():
    text = "Ann Vole spoke."
    sheet = FactSheet(id="one", text=text, entities=[
        Entity(id="E1", name="Ann Vole", type="PERSON", mentions=[Mention(text="Ann Vole", start=0, end=8)])])
    output = rendered(sheet).lower()
    assert "who is in it" in output
    assert "no quotes, time expressions, relations or checks found" in output


def test_time_expressions_without_events_are_headed_as_what_they_are():
    text = "The storm lasted three hours."
    start = text.index("three hours")
    sheet = FactSheet(id="storm", text=text, times=[
        TimeExpression(text="three hours", start=start, end=start + 11, type="DURATION", value="PT3H")])
    output = rendered(sheet)
    assert "Time expressions" in output and "What happened when" not in output
    header = next(line for line in output.splitlines() if "as written" in line)
    assert header.split() == ["┃", "value", "┃", "as", "written", "┃", "type", "┃"]


def test_the_heading_names_the_outlet_and_where_the_article_came_from():
    sheet = FactSheet(id="bridge", text="The bridge reopened.", outlet="Tolland Gazette",
                      source="https://news.example/bridge.html", published="2025-09-10")
    heading = rendered(sheet, width=120).splitlines()[1]
    assert "published 2025-09-10 · Tolland Gazette · source: https://news.example/bridge.html" in heading


def test_the_byline_and_the_warnings_are_at_the_top():
    sheet = FactSheet(id="a", text="Ja, sagte er.", author="Ivo Brandt",
                      warnings=["does not look like English; expect few findings"])
    lines = rendered(sheet).splitlines()
    assert "by Ivo Brandt" in lines[1]
    assert "warning: does not look like English" in lines[2]


def test_a_check_shows_its_figures_with_their_hedge_and_what_they_measure():
    text = "About 60 pupils sat it: 41 passed and 19 failed."
    sheet = FactSheet(id="t", text=text, figures=[
        Figure(text="60", start=6, end=8, kind="count", value=60, measures="pupils", hedge="about"),
        Figure(text="41", start=24, end=26, kind="number", value=41)],
        checks=[Check(kind="total", status="consistent", about=["60", "41", "19"], working="41 + 19 = 60")])
    shown = rendered(sheet)
    assert "60 [about, pupils]" in shown and "41;" in shown and "41 [" not in shown
