"""The HTML report in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Hostile article text must show literally and run nothing; the seed's report must show its highlights,
timeline and relation graph. Set NEWSFACTS_UPDATE_SCREENSHOT=1 to refresh docs/report.png from the seed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsfacts.render.html import render_html
from newsfacts.schema import Article
from newsfacts.sheet import extract
from test_html import HOSTILE, hostile_sheet

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_report(browser, tmp_path):
    """Open a sheet's report from a file; returns the page and what the page did that it should not."""
    pages = []

    def open_(sheet, name="report.html", width=1280):
        path = tmp_path / name
        path.write_text(render_html(sheet), encoding="utf-8")
        page = browser.new_page(viewport={"width": width, "height": 900})
        pages.append(page)
        incidents: list[str] = []
        page.on("dialog", lambda dialog: (incidents.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: incidents.append(f"page error: {error}"))
        page.on("console", lambda message: message.type == "error" and incidents.append(message.text))
        page.on("request", lambda request: request.url != path.as_uri() and incidents.append(request.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return page, incidents

    yield open_
    for page in pages:
        page.close()


def test_hostile_article_runs_no_script_and_shows_literally(open_report, nlp):
    sheet = extract(Article(id="hostile", text=HOSTILE, published="2025-09-10"), nlp)
    page, incidents = open_report(sheet)
    assert page.evaluate("window.pwned") is None
    assert incidents == []
    assert page.inner_text(".article-text") == HOSTILE
    assert page.locator(".article-text *:not(span)").count() == 0
    assert page.locator("a[href]").count() == 0
    assert page.locator("img").count() == 0


def test_hostile_names_in_panels_and_charts_run_nothing(open_report):
    page, incidents = open_report(hostile_sheet())
    assert page.locator("#timeline-chart .main-svg").count() > 0  # the report's own scripts did run
    page.locator('.article-text [data-e]').first.click()
    assert page.inner_text("#card h3") == "<script>window.pwned = 1</script>"
    graph = page.locator("#graph-chart").bounding_box()
    page.mouse.move(graph["x"] + graph["width"] / 2, graph["y"] + graph["height"] / 2)
    assert page.evaluate("window.pwned") is None
    assert incidents == []
    assert page.locator("script:not([type])").count() == 2  # Plotly and the report's own script
    assert "<svg onload=alert(1)>" in page.inner_text("#relations")


def test_seed_report_shows_highlights_timeline_and_graph(open_report, nlp, tmp_path):
    text = (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")
    sheet = extract(Article(id="seed", text=text, published="2025-09-10", title="Seed article"), nlp)
    page, incidents = open_report(sheet, "seed.html")
    assert incidents == []
    for highlight in (".article-text .ent", ".article-text .quote", ".article-text .time"):
        assert page.locator(highlight).count() > 0, highlight
    assert page.locator("#timeline-chart .main-svg").count() > 0
    assert page.locator("#graph-chart .main-svg").count() > 0
    assert page.locator("#graph-chart .annotation").count() >= 2 * len(sheet.relations)
    busiest = max(sheet.entities, key=lambda entity: len(entity.mentions))
    page.locator(f'.article-text [data-e="{busiest.id}"]').first.hover()
    assert page.inner_text("#card h3") == busiest.name
    assert page.locator("#card li").count() == len(busiest.mentions)
    assert page.locator(".article-text .lit").count() >= len(busiest.mentions)
    screenshot = tmp_path / "report.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    if os.environ.get("NEWSFACTS_UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(screenshot, ROOT / "docs" / "report.png")


def test_report_fits_a_phone_screen_without_sideways_scrolling(open_report):
    from test_html import sample_sheet

    sheet = sample_sheet()
    sheet.relations[0].evidence = "Supercalifragilisticexpialidociouslylongunbrokenwordsfromapastedsource" * 2
    page, _ = open_report(sheet, width=380)
    assert page.evaluate("document.documentElement.scrollWidth") <= 380
