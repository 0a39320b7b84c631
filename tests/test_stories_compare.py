"""The story sheet: articles, facts, quotes, citations, who carried it first, inconsistencies; its text and
HTML renderings, and its JSON Schema."""

from __future__ import annotations

import html
import re

from newsfacts.render.story import render_story_html, story_summary
from newsfacts.stories.compare import compare
from newsfacts.stories.sheet import StorySheet, story_json_schema
from rich.console import Console
from story_sheets import flood_story


def test_story_sheet_holds_every_part():
    sheet = compare(flood_story(), "flood")
    assert [article.outlet for article in sheet.articles] == ["Northern Post", "Vale Courier", "Daily Lantern"]
    assert any(fact.status == "disagree" for fact in sheet.facts)
    assert len(sheet.quotes) == 1
    assert {citation.cites for citation in sheet.citations} == {"Vale Courier"}
    assert all(citation.in_set == "b" for citation in sheet.citations)
    assert [item.article_id for item in sheet.inconsistencies] == ["c"]
    StorySheet.model_validate_json(sheet.model_dump_json())


def test_first_carrier_is_the_earliest_dated_article():
    sheet = compare(flood_story(), "flood")
    quote_first = next(item for item in sheet.first if item.item == "quote")
    assert quote_first.article_ids == ["a", "b"] and quote_first.published == "2024-03-04"
    assert not quote_first.certain  # two articles of the same day


def test_text_summary_names_disagreements_and_outlets():
    console = Console(width=160, record=True)
    console.print(story_summary(compare(flood_story(), "flood")))
    text = console.export_text()
    assert "disagree" in text and "Vale Courier" in text and "Who cites whom" in text


def test_html_report_escapes_article_text_and_runs_no_script():
    sheets = flood_story()
    hostile = '<script>alert(1)</script>'
    sheets[1] = sheets[1].model_copy(update={"outlet": hostile})
    page = render_story_html(compare(sheets, "flood"))
    assert hostile not in page and html.escape(hostile) in page
    assert "script-src 'none'" in page
    assert re.search(r"<script", page) is None


def test_story_schema_is_versioned():
    schema = story_json_schema()
    assert schema["title"] == "newsfacts story sheet" and "facts" in schema["properties"]


def test_first_carrier_is_ordered_by_publication_time_where_known():
    sheets = [sheet.model_copy(update={"published_at": at}) for sheet, at in
              zip(flood_story(), ["2024-03-04T18:00:00+00:00", "2024-03-04T07:30:00+00:00", None])]
    story = compare(sheets, "flood")
    quote_first = next(item for item in story.first if item.item == "quote")
    assert quote_first.article_ids == ["b"] and quote_first.published == "2024-03-04T07:30:00+00:00"
    assert quote_first.certain
    assert {article.id: article.published_at for article in story.articles}["b"] == "2024-03-04T07:30:00+00:00"


def test_a_value_agreeing_with_two_groups_shows_both():
    story = compare(flood_story(), "flood")
    missing = next(fact for fact in story.facts if any(v.text == "40 people" for v in fact.values))
    missing.status = "disagree"
    for value in missing.values:
        value.group = int(value.text != "40 people")
    next(value for value in missing.values if value.text == "40 people").also_agrees_with = [1]
    console = Console(width=160, record=True)
    console.print(story_summary(story))
    assert "[1, also 2]" in console.export_text()
    assert 'title="also agrees with these">2<' in render_story_html(story)
