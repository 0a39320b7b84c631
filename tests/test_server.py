"""The web app and JSON API, served on 127.0.0.1 as `newsfacts serve` serves it (see conftest's `served` and
`bare` servers): articles in, fact sheets and reports out, errors as JSON, analysis in worker processes."""

from __future__ import annotations

import gzip
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

from local_site import ARTICLE_HTML, serve_pages
from newsfacts import server
from newsfacts.fetch import Page
from newsfacts.schema import FactSheet
from newsfacts.web import jobs, work

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "The harbour bridge will reopen next Monday, the city council said on Tuesday. "
    '"The repairs are finished," said Maria Okafor, the council\'s head of transport.'
)
# Over the long-article mark (web.lanes.LONG_ARTICLE_CHARS), in words of our own.
LONG_STORY = "The council met again on Tuesday to discuss the harbour bridge. " * 400


def assert_json_error(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    reason = response.json()["error"]
    assert words in reason
    assert "Traceback" not in reason


def test_extract_text_returns_the_fact_sheet(served):
    response = httpx.post(f"{served}/api/extract", json={"text": STORY, "published": "2025-03-04", "id": "bridge"},
                          timeout=60)
    assert response.status_code == 200, response.text
    sheet = FactSheet.model_validate(response.json())
    assert (sheet.id, sheet.text, sheet.published) == ("bridge", STORY, "2025-03-04")
    assert any(entity.name == "Maria Okafor" for entity in sheet.entities)


def test_extract_html_reads_the_main_text_and_title(served):
    response = httpx.post(f"{served}/api/extract", json={"html": ARTICLE_HTML}, timeout=60)
    assert response.status_code == 200, response.text
    sheet = response.json()
    assert "The harbour bridge will reopen to traffic" in sheet["text"]
    assert sheet["title"].startswith("Harbour bridge to reopen")


def test_the_api_answer_carries_the_warnings_and_a_dateline_date(served):
    german = ("Die Ministerin sagte am Montag, die neue Br\u00fccke werde im Fr\u00fchjahr wieder ge\u00f6ffnet, und "
              "die Arbeiten seien im Rahmen des Budgets geblieben, so ein Sprecher des Ministeriums.")
    with httpx.Client(base_url=served, timeout=60) as client:
        sheet = client.post("/api/extract", json={"text": german, "published": "2025-03-04"}).json()
        assert any("does not look like English" in warning for warning in sheet["warnings"])
        dateline = "HULL, March 3, 2025 (Wire) \u2014 " + STORY
        undated = client.post("/api/extract", json={"text": dateline}).json()
        assert undated["published"] == "2025-03-03" and "read from the dateline" in undated["warnings"][0]
        dated = client.post("/api/extract", json={"text": dateline, "published": "2025-03-04"}).json()
        assert dated["published"] == "2025-03-04" and dated["warnings"] == []


def test_extract_url_from_an_allowed_network(served):
    with serve_pages({"/story.html": (200, {"Content-Type": "text/html"}, ARTICLE_HTML.encode())}) as (base, _):
        response = httpx.post(f"{served}/api/extract", json={"url": f"{base}/story.html"}, timeout=60)
    assert response.status_code == 200, response.text
    assert response.json()["source"] == f"{base}/story.html"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("gopher://127.0.0.1:70/", "only http and https"),
        ("http://127.0.0.1:8000/admin", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://10.0.0.8/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://metadata.cloud.example/computeMetadata/v1/", "metadata"),
        ("http://intranet.example/", "private"),
        ("http://printer.example/", "link-local"),
    ],
)
def test_server_refuses_urls_it_must_not_fetch(bare, monkeypatch, url, words):
    names = {"metadata.cloud.example": "169.254.169.254", "intranet.example": "192.168.1.20", "printer.example": "169.254.3.3"}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[host], port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)  # the server's fetch thread runs in this process
    assert_json_error(httpx.post(f"{bare}/api/extract", json={"url": url}, timeout=30), 400, words)


def test_request_errors_are_json_with_a_reason(served):
    with httpx.Client(base_url=served, timeout=60) as client:
        json_type = {"Content-Type": "application/json"}
        assert_json_error(client.post("/api/extract", content=b'{"text": "a', headers=json_type), 422, "malformed JSON")
        assert_json_error(client.post("/api/extract", content=b"text=a", headers={"Content-Type": "text/plain"}), 415, "JSON")
        assert_json_error(client.post("/api/extract", json={"text": "a", "url": "http://x.example/"}), 422, "exactly one")
        assert_json_error(client.post("/api/extract", json={"text": "   "}), 422, "empty")
        assert_json_error(client.post("/api/extract", json={"text": "a", "published": "last week"}), 422, "YYYY-MM-DD")
        assert_json_error(client.post("/api/extract", json={"html": "<html><body></body></html>"}), 422, "no article text")
        assert_json_error(client.post("/api/extract", json=["a list"]), 422, "")
        assert_json_error(client.get("/api/nowhere"), 404, "Not Found")


def test_the_publication_date_is_read_whole(served):
    for value in ("2025-09-10junk", "2025-09-10T12:00", "2025-02-30", " 2025-09-10 x"):
        response = httpx.post(f"{served}/api/extract", json={"text": STORY, "published": value}, timeout=60)
        assert_json_error(response, 422, "published")
    form = httpx.post(f"{served}/report", data={"text": STORY, "published": "2025-09-10junk"}, timeout=60)
    assert_json_error(form, 422, "YYYY-MM-DD")


def test_an_error_reason_stays_short_whatever_the_body(served):
    body = json.dumps({f"key{number}": 1 for number in range(20_000)}).encode()  # 300 KB; 800 KB of reasons
    response = httpx.post(f"{served}/api/extract", content=body, headers={"Content-Type": "application/json"},
                          timeout=60)
    assert_json_error(response, 422, "and 19,995 more")
    assert len(response.content) < 1_000


def test_bodies_over_the_limit_get_413_whether_declared_or_streamed(bare):
    def chunks():
        for _ in range(20):
            yield b'{"text": "' + b"x" * 100 + b'", '

    with httpx.Client(base_url=bare, timeout=30) as client:
        assert_json_error(client.post("/api/extract", json={"text": "word " * 300}), 413, "1,000-byte limit")
        streamed = client.post("/api/extract", content=chunks(), headers={"Content-Type": "application/json"})
        assert_json_error(streamed, 413, "1,000-byte limit")
        assert streamed.headers["connection"] == "close"  # the rest of the stream is not read
        upload = client.post("/report", files={"file": ("long.txt", b"word " * 300, "text/plain")})
        assert_json_error(upload, 413, "1,000-byte limit")


def test_uploads_that_are_not_text_get_415(served):
    with httpx.Client(base_url=served, timeout=60) as client:
        image = client.post("/report", files={"file": ("photo.png", b"\x89PNG\r\n\x1a\n\0\0", "image/png")})
        assert_json_error(image, 415, "photo.png is image/png, not an article")
        disguised = client.post("/report", files={"file": ("notes.txt", b"\x00\x01\x02binary\x03", "text/plain")})
        assert_json_error(disguised, 415, "binary")
        latin1 = client.post("/report", files={"file": ("note.txt", "Le maire a déclaré".encode("latin-1"), "text/plain")},
                             follow_redirects=True)
        assert latin1.status_code == 200 and "déclaré" in latin1.text  # read in the encoding detected, and said
        assert "read as" in latin1.text


def test_the_form_sends_the_browser_to_a_report_it_can_share(served):
    with httpx.Client(base_url=served, timeout=60) as client:
        made = client.post("/report", data={"source": "text", "text": STORY, "published": "2025-03-04"})
        assert made.status_code == 303
        address = made.headers["location"]
        assert address.startswith("/report/") and len(address) > len("/report/") + 20  # a random id, not a count
        report = client.get(address)
        assert report.status_code == 200 and report.headers["content-encoding"] == "gzip"
        assert "Maria Okafor" in report.text and report.text.startswith("<!DOCTYPE html>")
        assert "frame-ancestors 'none'" in report.headers["content-security-policy"]
        assert "script-src 'sha256-" in report.headers["content-security-policy"]
        assert report.headers["x-frame-options"] == "DENY"
        assert httpx.get(f"{served}{address}", timeout=30).text == report.text  # another client, same report


def test_a_script_asking_for_json_gets_the_reports_address(served):
    made = httpx.post(f"{served}/report", data={"text": STORY}, headers={"Accept": "application/json"}, timeout=60)
    assert made.status_code == 201
    assert made.json()["url"] == made.headers["location"] == f"/report/{made.json()['id']}"
    plain = httpx.get(f"{served}{made.json()['url']}", headers={"Accept-Encoding": "identity"}, timeout=30)
    assert "content-encoding" not in plain.headers and "Maria Okafor" in plain.text


def test_uploads_are_read_by_their_kind_and_named_by_their_file(served):
    with httpx.Client(base_url=served, timeout=60, follow_redirects=True) as client:
        uploaded = client.post("/report", files={"file": ("story.html", ARTICLE_HTML.encode(), "text/html")},
                               data={"source": "file"})
        assert uploaded.status_code == 200, uploaded.text
        assert "eastern side of the crossing" in uploaded.text
        plain = client.post("/report", files={"file": ("bridge-story.txt", STORY.encode(), "text/plain")})
        assert "<h1>bridge-story</h1>" in plain.text  # the file's name identifies an untitled article


def test_the_form_reads_one_input_only(served, monkeypatch):
    def no_fetching(*args, **kwargs):
        raise AssertionError("the server fetched a URL the reader did not choose")

    monkeypatch.setattr(jobs, "fetch", no_fetching)
    with httpx.Client(base_url=served, timeout=60, follow_redirects=True) as client:
        both = {"text": STORY, "url": "https://example.com/other-story"}
        assert_json_error(client.post("/report", data=both), 422, "pasted text and a web address were both sent")
        chosen = client.post("/report", data={"source": "text", **both})
        assert chosen.status_code == 200 and "Maria Okafor" in chosen.text
        assert_json_error(client.post("/report", data={"source": "url", "text": STORY}), 422, "web address field is empty")
        assert_json_error(client.post("/report", data={"source": "fax", "text": STORY}), 422, "source must be one of")
        assert_json_error(client.post("/report", data={}), 422, "no article")


def test_reports_are_kept_within_their_memory_and_then_said_to_be_gone(bare):
    with httpx.Client(base_url=bare, timeout=60) as client:
        first = client.post("/report", data={"text": "The mayor spoke on Monday."}).headers["location"]
        assert client.get(first).status_code == 200
        second = client.post("/report", data={"text": "The mayor spoke on Tuesday."}).headers["location"]
        assert client.get(second).status_code == 200
        assert_json_error(client.get(first), 404, "not kept any more")  # room for one report: the older went
        page = client.get(first, headers={"Accept": "text/html"})
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "not kept any more" in page.text and "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_index_page_offers_one_input_at_a_time_and_openapi(bare):
    with httpx.Client(base_url=bare, timeout=30) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert 'action="/report"' in page.text and 'name="published"' in page.text
        assert page.text.count('name="source"') == 3 and 'value="text" checked' in page.text
        assert "script-src 'self'" in page.headers["content-security-policy"] and "<script>" not in page.text
        assert client.get("/index.js").headers["content-type"].startswith("text/javascript")
        assert "function openReport" in client.get("/form.js").text  # the forms' shared script
        paths = client.get("/openapi.json").json()["paths"]
        assert {"/api/extract", "/api/articles", "/api/quotes", "/report"} <= set(paths)
        docs = client.get("/docs")
        assert docs.status_code == 200 and "/openapi.json" in docs.text
        script = next(line for line in docs.text.splitlines() if "swagger-ui-bundle.js" in line)
        assert "https://" not in script  # served by the app itself: the docs work offline
        assert client.get(script.split('src="')[1].split('"')[0]).status_code == 200


def test_a_failing_stage_is_a_json_500_that_closes_its_connection(served):
    with httpx.Client(base_url=served, timeout=60) as client:
        failed = client.post("/api/extract", json={"text": "The mayor spoke. [[fail]]"})
        assert_json_error(failed, 500, "stage exploded")
        assert failed.headers["connection"] == "close"
        assert client.get("/api/health").status_code == 200  # the client's next request goes on a new connection


def test_an_unexpected_error_is_a_json_500_and_the_next_request_is_answered(served, monkeypatch):
    def broken(*args):
        raise KeyError("nothing of the kind")

    monkeypatch.setattr(server, "chosen_input", broken)
    with httpx.Client(base_url=served, timeout=60) as client:
        response = client.post("/report", data={"text": STORY})
        assert_json_error(response, 500, "internal error (KeyError)")
        assert response.headers["connection"] == "close"
        assert client.get("/api/health").status_code == 200


def test_long_articles_wait_in_their_own_lane_while_others_are_answered(served):
    """Two long articles that take seconds each fill their lane; a third is told to come back; a small
    article and /api/health are answered while they run."""
    long_body = {"text": LONG_STORY + " [[sleep 4]]"}
    results: dict[str, list] = {"long": []}

    def send_long() -> None:
        results["long"].append(httpx.post(f"{served}/api/extract", json=long_body, timeout=120))

    senders = [threading.Thread(target=send_long) for _ in range(2)]
    for sender in senders:
        sender.start()
    time.sleep(1.5)
    with httpx.Client(base_url=served, timeout=60) as client:
        busy = client.post("/api/extract", json=long_body)
        assert_json_error(busy, 503, "busy")
        assert busy.headers["retry-after"]
        assert client.get("/api/health").status_code == 200
        assert client.post("/api/extract", json={"text": STORY}).status_code == 200
        assert not results["long"]  # both long ones still running
    for sender in senders:
        sender.join(120)
    assert [response.status_code for response in results["long"]] == [200, 200]


def test_an_analysis_over_the_time_limit_is_stopped_and_the_next_is_served(bare):
    with httpx.Client(base_url=bare, timeout=120) as client:
        started = time.monotonic()
        assert_json_error(client.post("/api/extract", json={"text": "Slow. [[sleep 60]]"}), 504, "over 5 s")
        assert time.monotonic() - started < 30
        again = client.post("/api/extract", json={"text": "The mayor spoke on Monday."})
        assert again.status_code == 200, again.text


def test_slow_sites_hold_only_the_fetch_threads(served):
    """Pages that never come hold the server's fetches (MAX_FETCHES at once); one more is told to come back,
    and everything else is answered meanwhile."""
    stalled: list[socket.socket] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    done = threading.Event()

    def hold_connections() -> None:  # a site that accepts and never answers
        while not done.is_set():
            try:
                stalled.append(listener.accept()[0])
            except TimeoutError:
                pass

    holder = threading.Thread(target=hold_connections, daemon=True)
    holder.start()
    slow_url = f"http://127.0.0.1:{listener.getsockname()[1]}/story.html"
    results: list[int] = []

    def fetch() -> None:
        results.append(httpx.post(f"{served}/api/extract", json={"url": slow_url}, timeout=60).status_code)

    fetchers = [threading.Thread(target=fetch) for _ in range(server.MAX_FETCHES)]
    try:
        for fetcher in fetchers:
            fetcher.start()
        deadline = time.monotonic() + 30
        while len(stalled) < server.MAX_FETCHES and time.monotonic() < deadline:
            time.sleep(0.1)
        with httpx.Client(base_url=served, timeout=60) as client:
            assert_json_error(client.post("/api/extract", json={"url": slow_url}), 503, "fetching")
            assert client.post("/api/extract", json={"text": STORY}).status_code == 200
            assert client.get("/api/articles").status_code == 200
            upload = client.post("/report", files={"file": ("story.txt", STORY.encode(), "text/plain")})
            assert upload.status_code == 303
        assert not results  # the slow fetches are still waiting
    finally:
        done.set()
        holder.join(5)
        for connection in stalled:
            connection.close()
        for fetcher in fetchers:
            fetcher.join(60)
        listener.close()
    assert results == [502] * server.MAX_FETCHES


def test_fifty_concurrent_requests_all_succeed_with_memory_bounded(served):
    articles = [f"Report {n}. " + STORY.replace("Monday", ["Monday", "Friday"][n % 2]) * (1 + n % 4) for n in range(50)]

    def resident() -> int:
        return sum(child.memory_info().rss for child in psutil.Process().children(recursive=True))

    httpx.post(f"{served}/api/extract", json={"text": articles[0]}, timeout=60)  # warm-up
    baseline = resident()
    answers: list[tuple[int, bool]] = []

    def one(text: str) -> None:
        response = httpx.post(f"{served}/api/extract", json={"text": text}, timeout=120)
        answers.append((response.status_code, response.json().get("text") == text))

    senders = [threading.Thread(target=one, args=(text,)) for text in articles]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(180)
    assert answers == [(200, True)] * 50
    assert resident() - baseline < 300 * 2**20


def test_worker_analysis_leaves_the_shared_vocabulary_as_it_found_it(nlp):
    analysis = work.Analysis()
    work.sheet_json(work.Job("warm", text=STORY), analysis)
    before = len(nlp.vocab.strings)
    for n in range(5):
        text = f"Councillor Zyx{n}qor said the Blorv{n}ik bridge opened. " + STORY
        assert json.loads(work.sheet_json(work.Job("a", text=text), analysis))["text"] == text
    assert len(nlp.vocab.strings) == before


def test_a_worker_reads_html_and_keeps_the_requests_date_and_title():
    job = work.Job("page", html=ARTICLE_HTML, published="2025-03-04", title="Our title")
    article = work.read(job)
    assert (article.published, article.title) == ("2025-03-04", "Our title")
    assert "eastern side" in article.text
    downloaded = Page(url="https://example.com/news/bridge.html", body=ARTICLE_HTML.encode(), media_type="text/html",
                      charset="utf-8")
    fetched = work.read(work.Job("x", page=downloaded, url="https://example.com/bridge"))
    assert fetched.title.startswith("Harbour bridge to reopen") and "eastern side" in fetched.text
    assert (fetched.id, fetched.source) == ("bridge", "https://example.com/news/bridge.html")
    said = work.read(work.Job("upload", text=STORY, warnings=("upload.txt: read as Windows-1252",)))
    assert said.warnings == ["upload.txt: read as Windows-1252"]
    page = work.page_of(FactSheet(id="t", text=STORY))
    assert gzip.decompress(page.body).startswith(b"<!DOCTYPE html>") and "script-src" in page.policy


def test_store_listings(served):
    with httpx.Client(base_url=served, timeout=30) as client:
        articles = client.get("/api/articles").json()
        assert [(a["id"], a["quotes"], a["failed_checks"]) for a in articles] == [("news/a3", 1, 0), ("a2", 1, 1),
                                                                                   ("a1", 1, 0)]
        quotes = client.get("/api/quotes", params={"speaker": "ana lima"}).json()
        assert [(q["speaker"], q["text"]) for q in quotes] == [("Ana Lima", "We will build it"),
                                                               ("Ana Lima", "The hall stays open")]
        assert len(client.get("/api/quotes").json()) == 3
        assert_json_error(client.get("/api/articles", params={"limit": 0}), 422, "limit")


def test_store_listings_without_a_store_say_how_to_get_one(bare):
    assert_json_error(httpx.get(f"{bare}/api/articles", timeout=30), 404, "--store")


def test_an_article_over_the_largest_handled_gets_413(served):
    from newsfacts.ingest import MAX_ARTICLE_CHARS

    response = httpx.post(f"{served}/api/extract", json={"text": "a" * (MAX_ARTICLE_CHARS + 1)}, timeout=60)
    assert_json_error(response, 413, "largest handled")


def test_serve_refuses_a_missing_store_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from newsfacts.cli import app

    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert "no such store" in result.output and "Traceback" not in result.output


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serving() -> tuple[subprocess.Popen, str]:
    """`newsfacts serve` on a free port, once it answers /api/health."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([sys.executable, "-m", "newsfacts.cli", "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for _ in range(240):  # bounded wait while the worker loads the model
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.5)
    process.kill()
    pytest.fail("newsfacts serve did not answer /api/health")


def analyse_in_the_background(url: str, text: str) -> None:
    def send() -> None:
        try:
            httpx.post(f"{url}/api/extract", json={"text": text}, timeout=120)
        except httpx.TransportError:  # the server was stopped under it
            pass

    threading.Thread(target=send, daemon=True).start()
    time.sleep(2)  # the article is being analysed


def test_serve_logs_each_request_and_stops_promptly_on_sigterm_mid_analysis():
    process, url = start_serving()
    try:
        helpers = psutil.Process(process.pid).children(recursive=True)  # the workers, multiprocessing's tracker
        analyse_in_the_background(url, (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8") * 40)
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        assert process.wait(30) == 130
        assert time.monotonic() - started < 15
        assert not [helper for helper in helpers if helper.is_running() and helper.status() != psutil.STATUS_ZOMBIE]
        log = process.stderr.read()
        assert '"GET /api/health" 200' in log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serves_workers_end_when_the_server_is_killed_mid_analysis():
    process, url = start_serving()
    try:
        helpers = psutil.Process(process.pid).children(recursive=True)
        # A long article takes the long lane's worker half a minute.
        analyse_in_the_background(url, (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8") * 85)
        process.kill()  # no clean-up in the server: each worker sees it gone by itself
        process.wait()
        _, alive = psutil.wait_procs(helpers, timeout=10)
        assert alive == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
