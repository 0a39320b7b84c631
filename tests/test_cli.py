"""The `newsfacts extract` and `schema` commands, as a user runs them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.schema import SCHEMA_VERSION

STORY = "Mayor Ines Falk opened the new library on Monday. Falk said it cost less than planned.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "library.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_one_article_gives_one_json_sheet(runner, story):
    result = runner.invoke(app, ["extract", str(story), "--published", "2024-05-08"])
    assert result.exit_code == 0, result.output
    sheet = json.loads(result.stdout)
    assert sheet["schema_version"] == SCHEMA_VERSION
    assert sheet["id"] == "library" and sheet["text"] == STORY and sheet["published"] == "2024-05-08"
    mayor = next(e for e in sheet["entities"] if e["type"] == "PERSON")
    for mention in mayor["mentions"]:
        assert STORY[mention["start"]:mention["end"]] == mention["text"]
    assert {"quotes", "times", "events", "relations", "checks"} <= sheet.keys()


def test_several_articles_give_json_lines_and_errors_do_not_stop_the_run(runner, story, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(story), str(empty), str(story)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["library", "empty", "library"]
    assert "error" in lines[1] and "empty" in lines[1]["error"]
    assert "entities" in lines[2]


def test_jsonl_corpus_echoes_ids(runner, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"n{i}", "text": STORY, "outlet": "Gazette"}) for i in range(3)))
    result = runner.invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["n0", "n1", "n2"]


def test_text_summary_and_output_file(runner, story, tmp_path):
    result = runner.invoke(app, ["extract", str(story), "--format", "text"])
    assert result.exit_code == 0
    assert "Who is in it" in result.stdout and "Ines Falk" in result.stdout
    out = tmp_path / "out" / "sheet.json"
    result = runner.invoke(app, ["extract", str(story), "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text())["id"] == "library"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["extract", "no/such/file.txt"], "no such file"),
        (["extract", "STORY", "--published", "last week"], "YYYY-MM-DD"),
        (["extract", "STORY", "--model", "xx_no_such_pipeline"], "not installed"),
    ],
)
def test_bad_input_is_one_line_not_a_traceback(runner, story, arguments, message):
    arguments = [str(story) if a == "STORY" else a for a in arguments]
    result = runner.invoke(app, arguments)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_binary_input_from_stdin(runner):
    result = runner.invoke(app, ["extract", "-"], input=b"\x00\x01\x02binary")
    assert result.exit_code == 1
    assert "binary" in result.stderr


def test_schema_command_prints_the_json_schema(runner):
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    assert {"entities", "quotes", "times", "relations", "checks"} <= schema["properties"].keys()


def test_error_text_is_shown_as_written_not_as_markup(runner, tmp_path):
    path = tmp_path / "[bold]odd[/bold].txt"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "[bold]odd[/bold].txt" in result.stderr
