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


def test_extract_reads_folders_csv_and_parquet_corpora(runner, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "news.csv").write_text(f'id,text\nc1,"{STORY.strip()}"\n', encoding="utf-8")
    pq.write_table(pa.table({"id": ["p1"], "text": [STORY]}), tmp_path / "old.parquet")
    for name, ids in (("desk", ["one"]), ("news.csv", ["c1"]), ("old.parquet", ["p1"])):
        result = runner.invoke(app, ["extract", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ids


def test_html_report_of_one_article_into_a_folder(runner, story, tmp_path):
    result = runner.invoke(app, ["extract", str(story), "--format", "html", "-o", f"{tmp_path}/reports/"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / "library.html").read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("target", ["FOLDER", "FOLDER/", "FILE/sheet.json"])
def test_an_output_that_cannot_be_written_is_one_line(runner, story, tmp_path, target):
    (tmp_path / "taken").write_text("a file")
    target = target.replace("FOLDER", str(tmp_path)).replace("FILE", str(tmp_path / "taken"))
    result = runner.invoke(app, ["extract", str(story), "-o", target])
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_text_summary_fits_the_terminal_it_is_drawn_on(story, monkeypatch):
    import io

    from rich.text import Text

    from newsfacts.cli.articles import OutputFormat, write_sheet
    from newsfacts.ingest import read_file
    from newsfacts.nlp import load_model
    from newsfacts.sheet import extract

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("COLUMNS", "80")
    out = Terminal()
    write_sheet(extract(read_file(story), load_model()), OutputFormat.text, out, as_lines=False)
    lines = Text.from_ansi(out.getvalue()).plain.splitlines()
    assert "Who is in it" in out.getvalue()
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize("engine", [["--workers", "2"], ["--engine", "dask"]])
def test_batch_with_workers_and_a_missing_model_is_one_line(tmp_path, engine):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": STORY}) + "\n")
    store = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["batch", str(corpus), "--store", str(store), *engine,
                                      "--model", "xx_no_such_pipeline"])
    assert result.exit_code == 1 and "not installed" in result.stderr
    assert "Traceback" not in result.output + result.stderr and not store.exists()


def test_query_rows_are_printed_as_written_not_as_markup(tmp_path):
    from newsfacts.store import Store

    Store(tmp_path / "s.duckdb").close()
    result = CliRunner().invoke(app, ["query", "--sql", "SELECT 'a [/b] mess [sic]' AS said",
                                      "--store", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0, result.output
    assert "a [/b] mess [sic]" in result.stdout


def test_serve_refuses_a_port_out_of_range_and_a_port_in_use(tmp_path):
    import socket

    out_of_range = CliRunner().invoke(app, ["serve", "--port", "99999"])
    assert out_of_range.exit_code == 2 and "Traceback" not in out_of_range.output
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        in_use = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert in_use.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in in_use.stderr
    assert "serving on" not in in_use.stderr


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("just text")
    result = CliRunner().invoke(app, ["serve", "--store", str(not_a_store)])
    assert result.exit_code == 1 and "cannot open the store" in result.stderr


def test_an_html_report_is_not_poured_into_a_terminal(runner, story, monkeypatch):
    import typer.testing

    monkeypatch.setattr(typer.testing._NamedTextIOWrapper, "isatty", lambda self: True, raising=False)
    result = runner.invoke(app, ["extract", str(story), "--format", "html"])
    assert result.exit_code == 1 and "give -o report.html" in result.stderr
    assert result.stdout == ""


def test_an_article_not_in_english_gets_a_warning_and_its_sheet(runner, tmp_path):
    path = tmp_path / "nieuws.txt"
    path.write_text("De minister zei dinsdag dat het nieuwe ziekenhuis in het voorjaar opengaat en dat de bouw "
                    "binnen het budget is gebleven, aldus een woordvoerder van het ministerie.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    assert "nieuws: does not look like English" in result.stderr
    sheet = json.loads(result.stdout)
    assert sheet["id"] == "nieuws" and any("does not look like English" in warning for warning in sheet["warnings"])


def test_an_english_article_gets_no_language_warning(runner, tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("The minister said on Tuesday that the new hospital would open in the spring and that the work "
                    "had stayed within its budget, according to a spokesman for the ministry.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0 and "English" not in result.stderr


def test_ctrl_c_says_how_far_the_run_got(runner, story, monkeypatch):
    import newsfacts.sheet

    real = newsfacts.sheet.extract_many

    def interrupted(items, nlp, **options):
        yield next(real(items, nlp, **options))
        raise KeyboardInterrupt

    monkeypatch.setattr(newsfacts.sheet, "extract_many", interrupted)
    result = runner.invoke(app, ["extract", str(story), str(story)])
    assert result.exit_code == 130
    assert "stopped after 1 article;" in result.stderr
    assert json.loads(result.stdout)["id"] == "library"


def test_html_pages_of_several_articles_need_a_folder_not_a_page_name(runner, story, tmp_path):
    several = [str(story), str(story)]
    refused = runner.invoke(app, ["extract", *several, "--format", "html", "-o", str(tmp_path / "r.html")])
    assert refused.exit_code == 1 and "give -o a folder" in refused.stderr
    assert not (tmp_path / "r.html").exists()
    done = runner.invoke(app, ["extract", str(story), "--format", "html", "-o", str(tmp_path / "pages") + "/"])
    assert done.exit_code == 0 and f"1 page written to {tmp_path / 'pages'}/" in done.stderr


def test_the_server_address_shown_can_be_opened_for_ipv4_and_ipv6():
    from newsfacts.cli.serving import server_url

    assert server_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert server_url("::1", 8080) == "http://[::1]:8080/"


def test_a_failure_in_a_text_summary_of_several_is_the_red_line_only(runner, story, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(story), str(empty), "--format", "text"])
    assert result.exit_code == 1 and "the input is empty" in result.stderr
    assert "Ines Falk" in result.stdout and '"error"' not in result.stdout


def test_relative_times_without_a_publication_date_get_a_hint(runner, story):
    undated = runner.invoke(app, ["extract", str(story)])
    assert "library: no publication date, so 1 relative time expression is left unresolved" in undated.stderr
    assert "--published" in undated.stderr
    assert "no publication date" in json.loads(undated.stdout)["warnings"][0]
    dated = runner.invoke(app, ["extract", str(story), "--published", "2024-05-08"])
    assert "publication date" not in dated.stderr


def test_inputs_with_no_articles_are_said_to_hold_none(runner, tmp_path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "page1.png").write_bytes(b"\x89PNG")
    extracted = runner.invoke(app, ["extract", str(tmp_path / "scans")])
    assert extracted.exit_code == 1 and "no articles in" in extracted.stderr
    batch = runner.invoke(app, ["batch", str(tmp_path / "scans"), "--store", str(tmp_path / "s.duckdb")])
    assert batch.exit_code == 0 and "no articles in" in batch.stderr


def test_a_negative_row_limit_is_refused_by_the_option_itself(runner, tmp_path):
    from newsfacts.store import Store

    Store(tmp_path / "s.duckdb").close()
    result = runner.invoke(app, ["query", "top-quoted", "--limit", "-1", "--store", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2 and "Binder Error" not in result.output + result.stderr


def test_standard_input_from_a_terminal_says_how_to_end_the_article(runner, monkeypatch):
    import typer.testing

    monkeypatch.setattr(typer.testing._NamedTextIOWrapper, "isatty", lambda self: True, raising=False)
    result = runner.invoke(app, ["extract", "-"], input="The mayor said the bridge would reopen on Monday.\n")
    assert "then Ctrl-D" in result.stderr


def test_pages_of_articles_with_the_same_file_name_do_not_overwrite_each_other(runner, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": article_id, "text": STORY}) + "\n" for article_id in ("a/b", "a_b")))
    result = runner.invoke(app, ["extract", str(corpus), "--format", "html", "-o", str(tmp_path / "pages")])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "pages").iterdir()) == ["a_b-2.html", "a_b.html"]


def test_a_json_record_gives_one_sheet_and_a_json_list_gives_json_lines(runner, tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "o1", "text": STORY}), encoding="utf-8")
    single = runner.invoke(app, ["extract", str(one)])
    assert single.exit_code == 0 and json.loads(single.stdout)["text"] == STORY
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"id": "l1", "text": STORY}, {"id": "l2", "text": STORY}]), encoding="utf-8")
    lines = runner.invoke(app, ["extract", str(listed)]).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["l1", "l2"]


def test_extract_acts_counts_acts_as_attributions(runner, tmp_path):
    path = tmp_path / "match.txt"
    path.write_text("The coach praised the crowd after the match.", encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["extract", str(path)]).stdout)
    acts = json.loads(runner.invoke(app, ["extract", str(path), "--acts"]).stdout)
    assert plain["quotes"] == [] and [quote["cue"] for quote in acts["quotes"]] == ["praised"]


# Output shapes, exit codes and conventions


def test_jsonl_gives_json_lines_even_for_one_article(runner, story, tmp_path):
    flagged = runner.invoke(app, ["extract", str(story), "--jsonl"])
    assert flagged.exit_code == 0 and len(flagged.stdout.splitlines()) == 1
    assert json.loads(flagged.stdout)["id"] == "library"
    named = tmp_path / "sheets.jsonl"
    assert runner.invoke(app, ["extract", str(story), "-o", str(named)]).exit_code == 0
    assert [json.loads(line)["id"] for line in named.read_text().splitlines()] == ["library"]
    single = runner.invoke(app, ["extract", str(story)])
    assert single.stdout.startswith("{\n")  # one article without --jsonl: one indented object


def test_an_html_page_can_be_written_for_a_corpus_of_one_record(runner, tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "only", "text": STORY}) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["extract", str(corpus), "--format", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_batch_exits_non_zero_and_says_how_many_failed(runner, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "good", "text": STORY}) + "\n" + json.dumps({"id": "bad"}) + "\n")
    result = runner.invoke(app, ["batch", str(corpus), "--store", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1 and "1 stored, 1 failed" in result.stderr


def test_a_missing_input_or_a_taken_port_is_answered_before_the_model_loads(runner, story, tmp_path, monkeypatch):
    import socket

    import newsfacts.nlp

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(newsfacts.nlp, "load_model", no_model)
    for command in (["extract", str(story), str(tmp_path / "typo.txt")],
                    ["batch", str(tmp_path / "typo.jsonl"), "--store", str(tmp_path / "s.duckdb")]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1 and "typo" in result.stderr and "no such file or folder" in result.stderr
    with socket.create_server(("127.0.0.1", 0)) as taken:
        result = runner.invoke(app, ["serve", "--port", str(taken.getsockname()[1])])
    assert result.exit_code == 1 and "cannot listen" in result.stderr


def test_the_command_does_not_import_spacy_until_it_needs_the_model():
    import subprocess
    import sys

    code = "import sys, newsfacts.cli; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_python_dash_m_runs_the_command():
    import subprocess
    import sys

    from newsfacts import __version__

    done = subprocess.run([sys.executable, "-m", "newsfacts", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"newsfacts {__version__}"


def test_quiet_prints_errors_only(runner, story, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    undated = runner.invoke(app, ["extract", str(story), "-o", str(tmp_path / "s.json"), "--quiet"])
    assert undated.exit_code == 0 and undated.stderr == ""
    assert "no publication date" in json.loads((tmp_path / "s.json").read_text())["warnings"][0]  # the sheet has it
    failed = runner.invoke(app, ["extract", str(story), str(tmp_path / "empty.txt"), "-q"])
    assert failed.exit_code == 1 and failed.stderr.startswith("error:")


@pytest.mark.parametrize("command", ["extract", "batch", "eval", "serve", "query", "export"])
def test_help_names_what_each_parameter_takes_in_words(runner, command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for python_type in ("<bool>", "<str>", "<list[str]>", "<int>", "<path>", "<int range>"):
        assert python_type not in result.stdout, python_type


ESCAPE = "\x1b]0;owned\x07\x1b[2J\x1b[31m"  # retitle the window, clear the screen, turn red


def test_escape_sequences_in_articles_reach_the_terminal_shown_not_obeyed(runner, tmp_path):
    from newsfacts.store import Store

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": f"id{ESCAPE}", "title": f"Title{ESCAPE}",
                                  "text": f"Mayor Ines Falk{ESCAPE} said the library opened. \u009b31m"}) + "\n")
    summary = runner.invoke(app, ["extract", str(corpus), "--format", "text"])
    assert summary.exit_code == 0, summary.output
    assert "\x1b" not in summary.stdout and "\u009b" not in summary.stdout and "\u241b" in summary.stdout
    sheets = runner.invoke(app, ["extract", str(corpus)])
    assert "\x1b" not in sheets.stdout and "\u009b" not in sheets.stdout
    assert json.loads(sheets.stdout)["title"] == f"Title{ESCAPE}"  # JSON keeps the data, escaped
    missing = runner.invoke(app, ["extract", str(tmp_path / f"gone{ESCAPE}.txt")])
    assert "\x1b" not in missing.stderr and "gone\u241b" in missing.stderr
    Store(tmp_path / "s.duckdb").close()
    for output_format in ("table", "csv", "json"):
        rows = runner.invoke(app, ["query", "--sql", f"SELECT '{ESCAPE}' AS said, chr(155) AS csi",
                                   "--store", str(tmp_path / "s.duckdb"), "--format", output_format])
        assert rows.exit_code == 0, rows.output
        raw = output_format == "csv"  # CSV into a pipe keeps the data as stored
        assert ("\x1b" in rows.stdout) == raw and ("\u009b" in rows.stdout) == raw
