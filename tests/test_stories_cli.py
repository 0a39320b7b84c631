"""The story commands: compare (files and a store), schema --story, stories, the story questions, and
eval on a story gold file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.store import Store
from newsfacts.stories.sheet import StorySheet
from story_sheets import at, flood_story

FIRST = ("Storms cut power to 3,000 homes in Bexley on Tuesday, the utility said. Engineer Carla Mendes said: "
         "\"We expect every home to be back on by Thursday night.\"")
SECOND = ("About 3,500 homes in Bexley lost power in Tuesday's storms. \"We expect every home to be back on by "
          "Thursday,\" Carla Mendes, an engineer, told the Bexley Echo.")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "story.jsonl"
    records = [{"id": "one", "text": FIRST, "published": "2024-11-05", "outlet": "Metro Wire"},
               {"id": "two", "text": SECOND, "published": "2024-11-06", "outlet": "Bexley Echo"}]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_compare_prints_a_story_sheet(runner, corpus):
    result = runner.invoke(app, ["compare", str(corpus)])
    assert result.exit_code == 0, result.output
    sheet = StorySheet.model_validate_json(result.stdout)
    assert [article.outlet for article in sheet.articles] == ["Metro Wire", "Bexley Echo"]
    assert len(sheet.quotes) == 1 and sheet.quotes[0].differs


def test_compare_text_and_html(runner, corpus, tmp_path):
    result = runner.invoke(app, ["compare", str(corpus), "--format", "text"])
    assert result.exit_code == 0 and "Quotes across outlets" in result.stdout
    page = tmp_path / "story.html"
    result = runner.invoke(app, ["compare", str(corpus), "--format", "html", "-o", str(page)])
    assert result.exit_code == 0 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("arguments, message", [
    (["compare"], "give the articles"),
    (["compare", "--store", "x.duckdb"], "give the articles"),
])
def test_compare_needs_articles_or_a_stored_story(runner, arguments, message):
    result = runner.invoke(app, arguments)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_compare_needs_two_articles(runner, tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(FIRST, encoding="utf-8")
    result = runner.invoke(app, ["compare", str(one)])
    assert result.exit_code == 1 and "at least two articles" in result.output


def test_schema_story(runner):
    result = runner.invoke(app, ["schema", "--story"])
    assert json.loads(result.stdout)["title"] == "newsfacts story sheet"


@pytest.fixture
def store(tmp_path):
    """A store holding the hand-made flood story's sheets and one unrelated article."""
    path = tmp_path / "corpus.duckdb"
    sheets = flood_story()
    other = sheets[0].model_copy(update={"id": "other", "text": "The library opened a new wing for children.",
                                         "quotes": [], "figures": [], "times": [], "entities": [], "checks": []})
    with Store(path) as corpus:
        corpus.write([*sheets, other], corpus.start_run("local", "test", []))
    return path


def test_stories_fill_the_store_and_answer_the_story_questions(runner, store):
    result = runner.invoke(app, ["stories", "--store", str(store)])
    assert result.exit_code == 0, result.output
    with Store(store, read_only=True) as corpus:
        _, rows = corpus.query("SELECT story_id, article_id FROM story_articles ORDER BY article_id")
    assert rows == [("S1", "a"), ("S1", "b"), ("S1", "c")]
    result = runner.invoke(app, ["query", "disagreements", "--store", str(store), "--format", "json"])
    rows = json.loads(result.stdout)
    assert {row["value"] for row in rows} >= {"9 people", "12 people"}
    result = runner.invoke(app, ["query", "quote-variants", "--store", str(store), "--format", "json"])
    assert {row["article_id"] for row in json.loads(result.stdout)} == {"a", "b", "c"}
    result = runner.invoke(app, ["compare", "--store", str(store), "--story", "S1"])
    assert StorySheet.model_validate_json(result.stdout).id == "S1"


def test_story_questions_before_stories_say_what_to_run(runner, store):
    result = runner.invoke(app, ["query", "disagreements", "--store", str(store)])
    assert result.exit_code == 1 and "newsfacts stories" in result.output


def test_eval_scores_a_story_gold_file(runner, tmp_path, corpus):
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    start, end = at(SECOND, "told the Bexley Echo")
    gold = {"gold_file": "gold.jsonl", "facts": [], "disagreements": [], "quotes": [], "internal_inconsistencies": [],
            "citations": [{"article": "two", "cites": "Bexley Echo", "cited_report_in_set": None,
                           "span": {"text": "told the Bexley Echo", "start": start, "end": end}}]}
    (tmp_path / "story.facts.json").write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path / "story.facts.json"), "--json"])
    assert result.exit_code == 0, result.output
    (figures,) = json.loads(result.stdout)["stories"].values()
    assert (figures["citations_found"], figures["citations_gold"]) == (1, 1)


def test_an_unreadable_article_is_reported_and_the_rest_compared(runner, corpus, tmp_path):
    out = tmp_path / "story.json"
    result = runner.invoke(app, ["compare", str(corpus), str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 1 and "missing.txt" in result.output
    assert len(StorySheet.model_validate_json(out.read_text(encoding="utf-8")).articles) == 2
