"""End to end in a real headless Chromium: `newsfacts serve`, paste an article, submit, read the report at
its own address; browse a corpus.

Uses Debian's chromium (never a downloaded browser); the test is skipped only when it is not installed.
Set NEWSFACTS_UPDATE_SCREENSHOT=1 to refresh docs/server.png and docs/corpus.png.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from contextlib import contextmanager

import httpx
import pytest

from newsfacts.schema import Check, Entity, FactSheet, Mention, Quote
from newsfacts.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "seed.txt"
SCREENSHOT = ROOT / "docs" / "server.png"
CORPUS_SCREENSHOT = ROOT / "docs" / "corpus.png"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt install chromium)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(*options: str):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfacts.cli", "serve", "--host", "127.0.0.1", "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # Bounded wait for start-up (the model loads first): up to 240 half-second tries.
        for _ in range(240):
            if process.poll() is not None:
                pytest.fail(f"newsfacts serve exited: {process.stderr.read().decode()}")
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            try:
                process.wait(0.5)
            except subprocess.TimeoutExpired:
                pass
        else:
            pytest.fail("newsfacts serve did not answer /api/health")
        yield url
    finally:
        process.terminate()
        process.wait(30)


@pytest.fixture(scope="module")
def server_url():
    with serving() as url:
        yield url


def newsroom_sheets() -> list[FactSheet]:
    """A small corpus of our own: eight invented articles from three outlets, people quoted, two checks failed."""
    stories = [
        ("Ferry returns to the island", "2025-09-12", "Coast Courier", "Lena Marsh", "The engines are fixed", None),
        ("School roof repairs run late", "2025-09-11", "Valley Times", "Omar Reyes", "We need two more weeks",
         ("duration", "from 1 July to 1 September, six weeks", "1 July to 1 September is 9 weeks; stated 6")),
        ("Library opens on Sundays", "2025-09-10", "The Harbour Post", "Ruth Amos", "Readers asked for it", None),
        ("Council backs new cycle lanes", "2025-09-09", "Valley Times", "Lena Marsh", "Safer streets come first", None),
        ("Swimming club grows again", "2025-09-08", "The Harbour Post", "Ruth Amos", "A rise of 30 percent",
         ("percentages", "40 members, now 50, up 30 percent", "40 to 50 is a rise of 25.0 percent; stated 30")),
        ("Market hall to close for winter", "2025-09-05", "Coast Courier", "Ivo Brandt", "It is too cold inside", None),
        ("Bus route 7 returns", "2025-09-03", "Valley Times", "Omar Reyes", "Drivers are back", None),
        ("Harbour festival draws crowds", "2025-09-01", "The Harbour Post", "Ivo Brandt", "We sold out by noon", None),
    ]
    sheets = []
    for number, (title, published, outlet, speaker, said, failed) in enumerate(stories):
        text = f'{title}.\n"{said}," said {speaker} on Monday.'
        start = text.index(speaker)
        checks = [Check(kind=failed[0], status="inconsistent", about=failed[1].split(", "), working=failed[2])] if failed else []
        sheets.append(FactSheet(
            id=f"story-{number + 1}", text=text, published=published, outlet=outlet, title=title,
            entities=[Entity(id="E1", name=speaker, type="PERSON",
                             mentions=[Mention(text=speaker, start=start, end=start + len(speaker))])],
            quotes=[Quote(text=said, start=text.index(said), end=text.index(said) + len(said), kind="direct",
                          source="named", cue="said", speaker="E1", speaker_name=speaker)],
            checks=checks))
    return sheets


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("newsroom") / "newsroom.duckdb"
    with Store(path) as store:
        store.write(newsroom_sheets(), store.start_run("local", "test", ["hand-made"]))
    with serving("--store", str(path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_paste_an_article_and_see_its_report(server_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(server_url)
    page.fill("#text", ARTICLE.read_text(encoding="utf-8"))
    page.fill("#published", "2025-09-10")
    page.fill("#title", "Pasted article")
    page.click("#submit")
    page.wait_for_selector(".article-text span.ent", timeout=120_000)
    assert page.url.startswith(f"{server_url}/report/")  # an address to share, not a blob:
    assert page.locator(".article-text span.ent").count() > 5
    assert page.locator(".article-text span.time").count() > 0
    assert page.locator(".article-text span.quote").count() > 0
    assert "published Wed 10 Sep 2025" in page.inner_text("header")
    assert page.inner_text("h1") == "Pasted article"
    shared = page.context.browser.new_page()
    shared.goto(page.url)
    assert shared.inner_text("h1") == "Pasted article"
    shared.close()
    if os.environ.get("NEWSFACTS_UPDATE_SCREENSHOT"):
        page.screenshot(path=str(SCREENSHOT))
    page.close()


def test_an_error_is_shown_on_the_form(server_url, browser):
    page = browser.new_page()
    page.goto(server_url)
    page.fill("#text", "Some words pasted before changing one's mind.")
    page.check("input[name=source][value=url]")
    assert not page.is_visible("#text")  # one input at a time: the others are out of the way
    page.fill("#url", "http://127.0.0.1:9/secret")
    page.click("#submit")
    page.wait_for_selector("#error:visible", timeout=30_000)
    assert "loopback" in page.inner_text("#error")
    assert page.url.rstrip("/") == server_url  # still on the form
    page.close()


def test_an_empty_choice_is_said_on_the_form_without_asking_the_server(server_url, browser):
    page = browser.new_page()
    page.goto(server_url)
    page.check("input[name=source][value=file]")
    page.click("#submit")
    assert "Choose a file" in page.inner_text("#error")
    page.close()


def test_browse_a_corpus_from_articles_to_a_report_and_a_persons_quotes(corpus_url, browser):
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    page.goto(f"{corpus_url}/corpus")
    assert page.locator("tbody tr").count() == 8
    assert "2 checks that failed" in page.inner_text("main")
    if os.environ.get("NEWSFACTS_UPDATE_SCREENSHOT"):
        page.screenshot(path=str(CORPUS_SCREENSHOT), full_page=True)
    page.click("text=Swimming club grows again")
    page.wait_for_selector(".article-text")
    assert page.inner_text("h1") == "Swimming club grows again"
    assert page.locator("#failed-checks").count() == 1
    page.goto(f"{corpus_url}/corpus/quotes")
    page.click("text=Omar Reyes")
    assert page.locator("tbody tr").count() == 2 and "Drivers are back" in page.inner_text("main")
    page.click("nav >> text=People")
    assert page.locator("tbody tr").count() == 4
    page.click("text=Lena Marsh")
    assert page.inner_text("h1") == "What Lena Marsh said" and page.locator("tbody tr").count() == 2
    page.click("nav >> text=Stories")
    assert "newsfacts stories --store newsroom.duckdb" in page.inner_text("main")  # not grouped yet
    page.click("nav >> text=Failed checks")
    assert page.locator("tbody tr").count() == 2
    page.close()


def test_compare_a_story_from_the_page(server_url, browser):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(server_url)
    page.click("nav >> text=Compare a story")
    reports = [("Storms cut power to 3,000 homes on Tuesday, the utility said. \"Every home will be back on by "
                "Thursday night,\" engineer Carla Mendes said.", "Metro Wire"),
               ("About 3,500 homes lost power in Tuesday's storms. \"Every home will be back on by Thursday,\" "
                "Carla Mendes said.", "Valley Echo"),
               ("Carla Mendes said every home would be back on by Thursday after storms cut power to 3,000 homes.",
                "Coast Radio")]
    page.click("#add")  # a third article, added by the page's script
    for number, (text, outlet) in enumerate(reports, start=1):
        page.fill(f"#text-{number}", text)
        page.fill(f"#outlet-{number}", outlet)
        page.fill(f"#published-{number}", "2025-03-04")
    page.click("#submit")
    page.wait_for_selector("#quotes", timeout=120_000)
    assert page.url.startswith(f"{server_url}/report/")
    assert all(outlet in page.inner_text("#articles") for _, outlet in reports)
    page.close()
