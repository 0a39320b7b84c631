"""Hostile and odd inputs at every entry point: the library, `extract`, the API and `batch`.

Whatever comes in (arbitrary Unicode, one huge paragraph, unbalanced quotation marks, text with no
sentence, HTML with no body, bytes in mixed encodings, other languages, records nested or sized to break
their readers), no exception escapes, every input gets a sheet or a clear error, and no input of a run is
lost; a store that is damaged or fills the disk, and a batch that is killed, end in one line and leave
nothing running.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.ingest import MAX_ARTICLE_CHARS, IngestError, from_html, from_text, read_inputs
from newsfacts.nlp import Parsed, load_model, parse_text
from newsfacts.quotes import stage as quotes_stage
from newsfacts.schema import Article, ErrorRecord, FactSheet
from newsfacts.sheet import DEFAULT_STAGES, empty_sheet, extract

# Few examples each: every one runs the whole spaCy pipeline.
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)

# Pieces of news-like prose, so that the generated texts reach the quote, time and check rules.
NEWS_PIECES = [
    "said", "told reporters", "according to", "the minister", "Ms Ortega", "Mr Haddad", "she", "he", "his wife",
    "the company", "Northwind Ltd", "on Monday", "last week", "yesterday", "March 3", "in 1998", "aged 52",
    "for 15 years", "40 per cent", "60%", "$3.5 million", "a total of 12", ".", ",", ";", ":", "?", "—", "(", ")",
    "\n", "\n\n", "The", "and", "of", "in", "was", "will", "not",
]
QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」"]
# Short sentences of my own in languages the English model was not trained on.
FOREIGN = [
    "Le ministre a déclaré lundi que le pont serait rouvert.",
    "Die Ministerin sagte am Montag, die Brücke werde wieder geöffnet.",
    "El alcalde dijo el martes que «la obra está terminada».",
    "Министр заявил в понедельник, что мост откроют снова.",
    "部长周一表示，这座桥将重新开放。",
    "قال الوزير يوم الاثنين إن الجسر سيعاد فتحه.",
    "मंत्री ने सोमवार को कहा कि पुल फिर से खुलेगा।",
    "大臣は月曜日に橋を再開すると述べた。",
    "Ο υπουργός είπε τη Δευτέρα ότι η γέφυρα θα ανοίξει ξανά.",
]

news_prose = st.lists(st.sampled_from(NEWS_PIECES), min_size=1, max_size=80).map(" ".join)
unbalanced_quotes = st.lists(st.one_of(st.sampled_from(NEWS_PIECES), st.sampled_from(QUOTE_MARKS)), min_size=1, max_size=80).map(" ".join)
no_sentences = st.text(alphabet=st.characters(categories=["P", "S", "Z", "Cc"]), min_size=1, max_size=200)
foreign = st.lists(st.sampled_from(FOREIGN + NEWS_PIECES), min_size=1, max_size=20).map(" ".join)
article_texts = st.one_of(st.text(max_size=400), news_prose, unbalanced_quotes, no_sentences, foreign)

html_pages = st.one_of(
    st.just("<html><head><title>Only a head</title></head></html>"),
    st.just("<!doctype html><html></html>"),
    st.builds("<html><body><p>{}</p></body></html>".format, news_prose),
    st.builds("<html><body><div><p>{}</div>".format, article_texts),  # unclosed tags
    st.builds("<html><head><meta charset='{}'></head><body>{}</body></html>".format,
              st.sampled_from(["utf-8", "latin-1", "no-such-charset"]), foreign),
    st.text(max_size=200).map(lambda text: "<html>" + text),
)


def encoded(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


# Files as bytes: UTF-8, legacy encodings, a mix of encodings in one file, byte-order marks, binary.
file_bytes = st.one_of(
    article_texts.map(lambda text: encoded(text, "utf-8")),
    st.tuples(foreign, st.sampled_from(["latin-1", "cp1252", "utf-16", "shift_jis", "koi8-r"])).map(lambda pair: encoded(*pair)),
    st.lists(st.tuples(foreign, st.sampled_from(["utf-8", "latin-1", "utf-16-le"])), min_size=2, max_size=4).map(
        lambda parts: b"".join(encoded(text, codec) for text, codec in parts)
    ),
    news_prose.map(lambda text: b"\xef\xbb\xbf" + text.encode()),
    st.binary(max_size=300),
)


def no_dns(host, *args, **kwargs):
    raise socket.gaierror(socket.EAI_NONAME, f"{host}: name resolution is off in this test")


def assert_sheet_fits_its_text(sheet: FactSheet, text: str) -> None:
    """The sheet is of this text, and every span on it points into it."""
    assert sheet.text == text
    spans = [m for e in sheet.entities for m in e.mentions] + list(sheet.quotes) + list(sheet.times)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)


@SETTINGS
@given(article_texts)
def test_library_extract_gives_a_sheet_or_an_ingest_error(text):
    try:
        article = from_text(text, "generated")
    except IngestError as error:
        assert not text.strip() and "empty" in str(error)
        return
    assert_sheet_fits_its_text(extract(article, load_model()), text)


@settings(SETTINGS, max_examples=3)
@given(st.lists(st.sampled_from(NEWS_PIECES + QUOTE_MARKS), min_size=40, max_size=40))
def test_one_huge_paragraph(pieces):
    # About 30,000 characters without a line break.
    text = " ".join(pieces * 120).replace("\n", " ")
    assert_sheet_fits_its_text(extract(from_text(text, "huge"), load_model()), text)


def test_an_article_over_the_limit_is_a_clear_error():
    with pytest.raises(IngestError, match="largest handled"):
        from_text("word " * (MAX_ARTICLE_CHARS // 5 + 1), "enormous")


# Steps once quadratic on a long run of one shape (#17 item 3), each measured on a text and on the same text
# written four times: a step linear in its input does about 4 times the work, one quadratic again 16 times.
# The long text is the short one's parse repeated, so the test pays for one parse; CPU seconds and counts
# of calls, with generous factors, keep it steady on a loaded machine.
def short_and_long(unit: str, times: int) -> tuple[Parsed, Parsed]:
    nlp = load_model()
    short = from_text(unit * times, "short")
    doc = parse_text(short.text, nlp)
    long_doc = Doc.from_docs([doc] * 4, ensure_whitespace=True)
    long = Parsed(from_text(long_doc.text, "long"), long_doc)
    assert long.doc.text == long.article.text
    return Parsed(short, doc), long


def stages_up_to(parsed: Parsed, last: str) -> FactSheet:
    sheet = empty_sheet(parsed.article)
    for field, stage in DEFAULT_STAGES:
        setattr(sheet, field, stage(parsed, sheet))
        if field == last:
            return sheet
    raise ValueError(last)


@pytest.mark.parametrize(("unit", "timed"), [
    # two people sharing a surname, named again and again
    ("Ann Birch met Tom Birch. Birch said it went well. ", {"entities"}),
    # names only
    ("Alder Birch Cedar Dahlia Elm Fern Garnet Hazel Iris Juniper Kestrel Linden Maple Nettle Olive. ", {"entities"}),
    # sums and shares of money
    ("The fund spent $3.5 million, 40 per cent of its $8.75 million budget, on 12 schools. ", {"figures", "checks"}),
])
def test_steps_once_quadratic_take_time_linear_in_the_text(unit, timed):
    def seconds(parsed: Parsed) -> float:
        sheet, spent = empty_sheet(parsed.article), 0.0
        for field, stage in DEFAULT_STAGES:
            started = time.process_time()
            setattr(sheet, field, stage(parsed, sheet))
            spent += time.process_time() - started if field in timed else 0.0
        return spent

    short, long = short_and_long(unit, 40_000 // len(unit))
    seconds(short)  # word tables load on first use
    assert seconds(long) < 10 * seconds(short) + 0.3


@pytest.mark.parametrize("unit", ['"Yes," she said. "No," he said. ',
                                  'The mayor said: "We start today."\n"We will pave the old road again soon."\n'])
def test_quotes_are_matched_to_quotation_marks_in_work_linear_in_the_text(monkeypatch, unit):
    calls = 0
    compared = quotes_stage._overlaps

    def counted(*args):
        nonlocal calls
        calls += 1
        return compared(*args)

    monkeypatch.setattr(quotes_stage, "_overlaps", counted)
    counts = []
    for parsed in short_and_long(unit, 4_000 // len(unit)):
        calls = 0
        stages_up_to(parsed, "quotes")
        counts.append(calls)
    assert 0 < counts[1] < 8 * counts[0]


@SETTINGS
@given(html_pages)
def test_html_gives_a_sheet_or_an_ingest_error(html):
    try:
        article = from_html(html, "page")
    except IngestError as error:
        assert "page" in str(error)
        return
    assert_sheet_fits_its_text(extract(article, load_model()), article.text)


@settings(SETTINGS, max_examples=10)
@given(st.lists(st.one_of(file_bytes, html_pages.map(str.encode)), min_size=1, max_size=6))
def test_cli_extract_answers_every_file(tmp_path_factory, contents):
    folder = tmp_path_factory.mktemp("inputs")
    paths = []
    for number, data in enumerate(contents):
        path = folder / f"input{number}.txt"
        path.write_bytes(data)
        paths.append(str(path))
    out = folder / "sheets.jsonl"
    result = CliRunner().invoke(app, ["extract", *paths, paths[0], "-o", str(out)])  # two: JSON Lines out
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    # Split on newlines only: str.splitlines would also cut at U+0085 or U+2028, which JSON strings may hold raw.
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert [record["id"] for record in records] == [Path(path).stem for path in [*paths, paths[0]]]
    for record in records:
        assert "error" in record or "entities" in record
    assert (result.exit_code == 1) == any("error" in record for record in records)


@settings(SETTINGS, max_examples=15)
@given(st.lists(st.one_of(
    article_texts.map(lambda text: {"text": text}),
    html_pages.map(lambda html: {"html": html}),
    st.dictionaries(st.sampled_from(["text", "html", "published", "title", "url", "extra"]), st.one_of(st.text(max_size=30), st.integers(), st.none())),
), min_size=1, max_size=4))
def test_api_answers_a_sheet_or_a_json_error(served, monkeypatch, bodies):
    real = socket.getaddrinfo

    def only_the_server(host, *args, **kwargs):  # a generated `url` must not reach the network
        return real(host, *args, **kwargs) if host == "127.0.0.1" else no_dns(host)

    monkeypatch.setattr(socket, "getaddrinfo", only_the_server)
    with httpx.Client(base_url=served, timeout=60) as client:
        for body in bodies:
            response = client.post("/api/extract", json=body)
            assert response.status_code in (200, 400, 413, 415, 422, 502), response.text
            if response.status_code == 200:
                FactSheet.model_validate(response.json())
            else:
                assert set(response.json()) == {"error"} and response.json()["error"]


def test_api_answers_raw_bytes_in_any_encoding(served):
    # Not UTF-8: a UTF-16 body, Latin-1, NULs, and a surrogate encoded as bytes (which UTF-8 forbids).
    bodies = [b"\xff\xfe{\x00}\x00", "{\"text\": \"déclaré\"}".encode("latin-1"), b"\x00" * 50,
              b'{"text": "one \xed\xa0\x80 two"}']
    # Unpaired surrogates as JSON escapes: legal JSON in UTF-8, kept as U+FFFD.
    escaped = b'{"text": "one \\ud800 two", "title": "\\udfff", "id": "\\ud83d"}'
    with httpx.Client(base_url=served, timeout=60) as client:
        for body in bodies:
            response = client.post("/api/extract", content=body, headers={"Content-Type": "application/json"})
            assert response.status_code == 422, response.text
            assert response.json()["error"]
        response = client.post("/api/extract", content=escaped, headers={"Content-Type": "application/json"})
        assert response.status_code == 200, response.text
        assert response.json()["text"] == "one \ufffd two"


jsonl_lines = st.one_of(
    article_texts.map(lambda text: json.dumps({"text": text})),
    html_pages.map(lambda html: json.dumps({"html": html, "title": 7})),
    st.dictionaries(st.sampled_from(["id", "text", "html", "published", "title", "outlet"]),
                    st.one_of(st.text(max_size=40), st.integers(), st.lists(st.integers(), max_size=2), st.none())).map(json.dumps),
    st.just('{"text": "The minister said \\ud800 so.", "id": "\\udfff"}'),
    st.text(alphabet=st.characters(exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), min_size=1, max_size=40).filter(str.strip),
)


@settings(SETTINGS, max_examples=5)
@given(st.lists(file_bytes, min_size=1, max_size=5), st.lists(jsonl_lines, min_size=1, max_size=6))
def test_batch_stores_every_input_as_a_sheet_or_an_error(tmp_path_factory, files, lines):
    from newsfacts.store import Store

    folder = tmp_path_factory.mktemp("corpus")
    (folder / "articles").mkdir()
    for number, data in enumerate(files):
        (folder / "articles" / f"file{number}.txt").write_bytes(data)
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    store = folder / "corpus.duckdb"
    result = CliRunner().invoke(app, ["batch", str(folder / "articles"), str(folder / "lines.jsonl"), "--store", str(store)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    with Store(store, read_only=True) as corpus:
        _, stored = corpus.query("SELECT count(*) FROM articles")
        _, failed = corpus.query("SELECT count(*) FROM errors")
    assert stored[0][0] + failed[0][0] == len(files) + len(lines)


# Corpora with records that are not what they should be, stores that fail, runs that are stopped.

NEWS = ["The council in Leeds voted on Tuesday to close the old library, a spokesman said.",
        "Maria Costa, who runs a bakery in Lisbon, said prices had risen by 12 per cent since March.",
        "Flood defences held overnight in Hull, the Environment Agency said on Monday."]


def test_a_huge_csv_field_loses_only_its_row(tmp_path):
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f'id,text\nbefore,"{NEWS[0]}"\nhuge,"')
        for _ in range(70):
            handle.write("word " * 209_716)  # 70 MB in all
        handle.write(f'"\nafter,"{NEWS[1]}"\n')
    items = list(read_inputs([path]))
    assert [item.id for item in items] == ["before", "news:2", "after"]
    assert isinstance(items[1], ErrorRecord) and "over" in items[1].error and isinstance(items[2], Article)


def test_batch_keeps_every_line_of_a_corpus_of_bad_records(tmp_path):
    from newsfacts.store import Store

    lines = ["[" * 50_000, '{"id": ' + "7" * 5_000 + ', "text": ' + json.dumps(NEWS[0]) + "}",
             '{"id": "cut", "text": "unfinished', json.dumps({"id": "fine", "text": NEWS[1]})]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["batch", str(corpus), "--store", str(store)])
    assert result.exit_code == 1 and "2 stored, 2 failed" in result.stderr
    with Store(store, read_only=True) as corpus_store:
        assert len(corpus_store.query("SELECT id FROM articles WHERE id LIKE '7777%'")[1]) == 1


@pytest.mark.parametrize("damage", ["corrupt", "truncated"])
def test_a_damaged_store_is_one_line(tmp_path, damage):
    from newsfacts.store import Store

    store = tmp_path / "s.duckdb"
    Store(store).close()
    data = store.read_bytes()
    store.write_bytes(bytes(len(data)) if damage == "corrupt" else data[:5000])
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": NEWS[0]}) + "\n", encoding="utf-8")
    for command in (["batch", str(corpus), "--store", str(store)], ["query", "top-quoted", "--store", str(store)]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 1 and "cannot open the store" in result.stderr, result.output
        assert len(result.stderr.strip().splitlines()) == 1


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), int(sys.argv[3])))
from newsfacts.cli import app
app(["batch", sys.argv[1], "--store", sys.argv[2]])
"""


def test_a_full_disk_stops_a_batch_with_one_line_and_the_rerun_goes_on(tmp_path):
    import subprocess
    import sys

    from newsfacts.store import Store

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{number}", "text": " ".join(NEWS * 10)}) + "\n"
                              for number in range(64)), encoding="utf-8")
    store = tmp_path / "s.duckdb"
    # Files of up to 1 MB: the first chunk of 32 articles fits, the second does not.
    full = subprocess.run([sys.executable, "-c", FULL_DISK, str(corpus), str(store), "1000000"],
                          capture_output=True, text=True, timeout=600)
    assert full.returncode == 1 and "Traceback" not in full.stderr, full.stderr
    assert "cannot write to the store" in full.stderr and "run the same command again" in full.stderr
    with Store(store, read_only=True) as kept:
        (stored,) = kept.query("SELECT count(*) FROM articles")[1][0]
    resumed = CliRunner().invoke(app, ["batch", str(corpus), "--store", str(store)])
    assert resumed.exit_code == 0 and f"{64 - stored} stored, 0 failed, {stored} already in" in resumed.stderr


def batch_with_workers(tmp_path: Path):
    """A `batch --workers 2` run in its own process, long enough to be stopped, and its process."""
    import subprocess
    import sys

    import psutil

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{number}", "text": " ".join(NEWS * 4)}) + "\n"
                              for number in range(3000)), encoding="utf-8")
    command = [sys.executable, "-m", "newsfacts", "batch", str(corpus), "--store", str(tmp_path / "s.duckdb"),
               "--workers", "2"]
    parent = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process = psutil.Process(parent.pid)
    for _ in range(600):  # until both workers have started (their model loads then)
        children = process.children(recursive=True)
        if sum("spawn_main" in " ".join(child.cmdline()) for child in children) >= 2:
            return parent, children
        time.sleep(0.1)
    parent.kill()
    raise AssertionError("the workers did not start")


def test_workers_and_the_resource_tracker_end_when_a_batch_is_killed(tmp_path):
    import psutil

    parent, children = batch_with_workers(tmp_path)
    time.sleep(1)
    parent.kill()
    parent.wait()
    _, alive = psutil.wait_procs(children, timeout=20)
    assert not alive, [" ".join(process.cmdline()) for process in alive]


def test_sigterm_stops_a_batch_as_ctrl_c_does(tmp_path):
    import psutil
    import signal

    parent, children = batch_with_workers(tmp_path)
    time.sleep(1)
    parent.send_signal(signal.SIGTERM)
    _, stderr = parent.communicate(timeout=120)
    assert parent.returncode == 130 and "stopped; run the same command again to resume" in stderr
    assert "Traceback" not in stderr
    _, alive = psutil.wait_procs(children, timeout=20)
    assert not alive
