"""The web app and JSON API, driven in-process through httpx's ASGI transport (no network)."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Awaitable, Callable

import anyio
import httpx
import psutil
import pytest

from local_site import ARTICLE_HTML, serve_pages
from newsfacts import server
from newsfacts.fetch import FetchPolicy
from newsfacts.schema import Entity, FactSheet, Mention, Quote
from newsfacts.server import create_app
from newsfacts.store import Store

STORY = (
    "The harbour bridge will reopen next Monday, the city council said on Tuesday. "
    '"The repairs are finished," said Maria Okafor, the council\'s head of transport.'
)
Client = httpx.AsyncClient


def run(check: Callable[[Client], Awaitable[None]], **settings) -> None:
    """Start the app (its lifespan loads the model), and run `check` against it."""
    app = create_app(**settings)

    async def main() -> None:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://newsfacts.test") as client:
                await check(client)

    anyio.run(main)


def assert_json_error(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    reason = response.json()["error"]
    assert words in reason
    assert "Traceback" not in reason


def test_extract_text_returns_the_fact_sheet():
    async def check(client: Client) -> None:
        response = await client.post("/api/extract", json={"text": STORY, "published": "2025-03-04", "id": "bridge"})
        assert response.status_code == 200, response.text
        sheet = FactSheet.model_validate(response.json())
        assert (sheet.id, sheet.text, sheet.published) == ("bridge", STORY, "2025-03-04")
        assert any(entity.name == "Maria Okafor" for entity in sheet.entities)

    run(check)


def test_the_api_answer_carries_the_warnings_and_a_dateline_date():
    german = ("Die Ministerin sagte am Montag, die neue Br\u00fccke werde im Fr\u00fchjahr wieder ge\u00f6ffnet, und "
              "die Arbeiten seien im Rahmen des Budgets geblieben, so ein Sprecher des Ministeriums.")

    async def check(client: Client) -> None:
        sheet = (await client.post("/api/extract", json={"text": german, "published": "2025-03-04"})).json()
        assert any("does not look like English" in warning for warning in sheet["warnings"])
        dateline = "HULL, March 3, 2025 (Wire) — " + STORY
        undated = (await client.post("/api/extract", json={"text": dateline})).json()
        assert undated["published"] == "2025-03-03" and "read from the dateline" in undated["warnings"][0]
        dated = (await client.post("/api/extract", json={"text": dateline, "published": "2025-03-04"})).json()
        assert dated["published"] == "2025-03-04" and dated["warnings"] == []

    run(check)


def test_extract_html_reads_the_main_text_and_title():
    async def check(client: Client) -> None:
        response = await client.post("/api/extract", json={"html": ARTICLE_HTML})
        assert response.status_code == 200, response.text
        sheet = response.json()
        assert "The harbour bridge will reopen to traffic" in sheet["text"]
        assert sheet["title"].startswith("Harbour bridge to reopen")

    run(check)


def test_extract_url_from_an_allowed_network():
    loopback = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),))

    async def check(client: Client) -> None:
        with serve_pages({"/story.html": (200, {"Content-Type": "text/html"}, ARTICLE_HTML.encode())}) as (base, _):
            response = await client.post("/api/extract", json={"url": f"{base}/story.html"})
        assert response.status_code == 200, response.text
        assert response.json()["source"] == f"{base}/story.html"

    run(check, fetch_policy=loopback)


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
def test_server_refuses_urls_it_must_not_fetch(monkeypatch, url, words):
    names = {"metadata.cloud.example": "169.254.169.254", "intranet.example": "192.168.1.20", "printer.example": "169.254.3.3"}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[host], port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    async def check(client: Client) -> None:
        assert_json_error(await client.post("/api/extract", json={"url": url}), 400, words)

    run(check)


def test_request_errors_are_json_with_a_reason():
    async def check(client: Client) -> None:
        json_type = {"Content-Type": "application/json"}
        assert_json_error(await client.post("/api/extract", content=b'{"text": "a', headers=json_type), 422, "malformed JSON")
        assert_json_error(await client.post("/api/extract", content=b"text=a", headers={"Content-Type": "text/plain"}), 415, "JSON")
        assert_json_error(await client.post("/api/extract", json={"text": "a", "url": "http://x.example/"}), 422, "exactly one")
        assert_json_error(await client.post("/api/extract", json={"text": "   "}), 422, "empty")
        assert_json_error(await client.post("/api/extract", json={"text": "a", "published": "last week"}), 422, "YYYY-MM-DD")
        assert_json_error(await client.post("/api/extract", json={"html": "<html><body></body></html>"}), 422, "no article text")
        assert_json_error(await client.post("/api/extract", json=["a list"]), 422, "")
        assert_json_error(await client.get("/api/nowhere"), 404, "Not Found")

    run(check)


def test_bodies_over_the_limit_get_413_whether_declared_or_streamed():
    async def chunks():
        for _ in range(20):
            yield b'{"text": "' + b"x" * 100 + b'", '

    async def check(client: Client) -> None:
        big = {"text": "word " * 300}
        assert_json_error(await client.post("/api/extract", json=big), 413, "1,000-byte limit")
        streamed = await client.post("/api/extract", content=chunks(), headers={"Content-Type": "application/json"})
        assert_json_error(streamed, 413, "1,000-byte limit")
        upload = await client.post("/report", files={"file": ("long.txt", b"word " * 300, "text/plain")})
        assert_json_error(upload, 413, "1,000-byte limit")

    run(check, max_body=1000)


def test_uploads_that_are_not_text_get_415():
    async def check(client: Client) -> None:
        image = await client.post("/report", files={"file": ("photo.png", b"\x89PNG\r\n\x1a\n\0\0", "image/png")})
        assert_json_error(image, 415, "photo.png is image/png, not an article")
        disguised = await client.post("/report", files={"file": ("notes.txt", b"\x00\x01\x02binary\x03", "text/plain")})
        assert_json_error(disguised, 415, "binary")
        latin1 = await client.post("/report", files={"file": ("note.txt", "Le maire a déclaré".encode("latin-1"), "text/plain")})
        assert latin1.status_code == 200 and "déclaré" in latin1.text  # read in the encoding detected

    run(check)


def test_report_form_returns_the_html_report():
    async def check(client: Client) -> None:
        response = await client.post("/report", data={"text": STORY, "published": "2025-03-04"})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/html")
        assert "Maria Okafor" in response.text
        uploaded = await client.post("/report", files={"file": ("story.html", ARTICLE_HTML.encode(), "text/html")})
        assert uploaded.status_code == 200, uploaded.text
        assert "eastern side of the crossing" in uploaded.text
        plain = await client.post("/report", files={"file": ("bridge-story.txt", STORY.encode(), "text/plain")})
        assert "<h1>bridge-story</h1>" in plain.text  # the file's name identifies an untitled article

    run(check)


def test_index_page_and_openapi():
    async def check(client: Client) -> None:
        page = await client.get("/")
        assert page.status_code == 200
        assert 'action="/report"' in page.text and 'name="published"' in page.text
        paths = (await client.get("/openapi.json")).json()["paths"]
        assert {"/api/extract", "/api/articles", "/api/quotes"} <= set(paths)
        docs = await client.get("/docs")
        assert docs.status_code == 200 and "/openapi.json" in docs.text
        script = next(line for line in docs.text.splitlines() if "swagger-ui-bundle.js" in line)
        assert "https://" not in script  # served by the app itself: the docs work offline
        assert (await client.get(script.split('src="')[1].split('"')[0])).status_code == 200

    run(check)


def test_a_failing_stage_is_a_json_500(monkeypatch):
    def broken(article, nlp):
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(server, "extract", broken)

    async def check(client: Client) -> None:
        assert_json_error(await client.post("/api/extract", json={"text": STORY}), 500, "stage exploded")

    run(check)


def test_a_long_analysis_does_not_block_other_requests(monkeypatch):
    started, release = threading.Event(), threading.Event()
    real_extract = server.extract

    def slow(article, nlp):
        started.set()
        release.wait(60)
        return real_extract(article, nlp)

    monkeypatch.setattr(server, "extract", slow)

    async def check(client: Client) -> None:
        async with anyio.create_task_group() as group:
            results = {}

            async def long_request() -> None:
                results["long"] = await client.post("/api/extract", json={"text": STORY})

            group.start_soon(long_request)
            await anyio.to_thread.run_sync(started.wait, 60)
            health = await client.get("/api/health")
            assert health.status_code == 200 and "long" not in results  # answered while the analysis waits
            release.set()
        assert results["long"].status_code == 200

    run(check)


def test_fifty_concurrent_requests_all_succeed_with_memory_bounded():
    articles = [f"Report {n}. " + STORY.replace("Monday", ["Monday", "Friday"][n % 2]) * (1 + n % 4) for n in range(50)]

    async def check(client: Client) -> None:
        await client.post("/api/extract", json={"text": articles[0]})  # warm-up, so the baseline includes the model
        baseline = psutil.Process().memory_info().rss
        gate = anyio.Semaphore(8)
        statuses: list[int] = []

        async def one(text: str) -> None:
            async with gate:
                response = await client.post("/api/extract", json={"text": text})
                statuses.append(response.status_code)
                assert response.json()["text"] == text

        async with anyio.create_task_group() as group:
            for text in articles:
                group.start_soon(one, text)
        assert statuses == [200] * 50
        assert psutil.Process().memory_info().rss - baseline < 300 * 2**20

    run(check, workers=4)


def test_requests_leave_the_shared_vocabulary_as_they_found_it():
    async def check(client: Client) -> None:
        await client.post("/api/extract", json={"text": STORY})
        strings = client._transport.app.state.nlp.vocab.strings
        before = len(strings)
        for n in range(5):
            text = f"Councillor Zyx{n}qor said the Blorv{n}ik bridge opened. " + STORY
            assert (await client.post("/api/extract", json={"text": text})).status_code == 200
        assert len(strings) == before

    run(check)


def hand_made_sheet(article_id: str, published: str, speaker: str, said: str) -> FactSheet:
    text = f'"{said}," said {speaker}.'
    start = text.index(speaker)
    return FactSheet(
        id=article_id,
        text=text,
        published=published,
        outlet="Example Gazette",
        entities=[Entity(id="E1", name=speaker, type="PERSON", mentions=[Mention(text=speaker, start=start, end=start + len(speaker))])],
        quotes=[Quote(text=said, start=1, end=1 + len(said), kind="direct", source="named", cue="said", speaker="E1", speaker_name=speaker)],
    )


def test_store_listings(tmp_path):
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        run_id = store.start_run("local", "test", ["hand-made"])
        store.write(
            [
                hand_made_sheet("a1", "2025-01-02", "Ana Lima", "We will build it"),
                hand_made_sheet("a2", "2025-02-03", "Tom Berg", "The budget is short"),
            ],
            run_id,
        )

    async def check(client: Client) -> None:
        articles = (await client.get("/api/articles")).json()
        assert [(a["id"], a["quotes"]) for a in articles] == [("a2", 1), ("a1", 1)]
        quotes = (await client.get("/api/quotes", params={"speaker": "ana lima"})).json()
        assert [(q["speaker"], q["text"]) for q in quotes] == [("Ana Lima", "We will build it")]
        assert len((await client.get("/api/quotes")).json()) == 2
        assert_json_error(await client.get("/api/articles", params={"limit": 0}), 422, "limit")

    run(check, store=path)


def test_store_listings_without_a_store_say_how_to_get_one():
    async def check(client: Client) -> None:
        assert_json_error(await client.get("/api/articles"), 404, "--store")

    run(check)


def test_an_article_over_the_largest_handled_gets_413():
    from newsfacts.ingest import MAX_ARTICLE_CHARS

    async def check(client: Client) -> None:
        response = await client.post("/api/extract", json={"text": "a" * (MAX_ARTICLE_CHARS + 1)})
        assert_json_error(response, 413, "largest handled")

    run(check, max_body=MAX_ARTICLE_CHARS + 1000)


def test_serve_refuses_a_missing_store_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from newsfacts.cli import app

    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert "no such store" in result.output and "Traceback" not in result.output
