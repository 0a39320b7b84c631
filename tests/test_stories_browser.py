"""The story report in a real headless Chromium (Debian's `chromium`, driven by Playwright): it shows every
section, loads nothing, runs nothing, and fits a phone. Set NEWSFACTS_UPDATE_SCREENSHOT=1 to refresh
docs/story.png from the hand-made flood story."""

from __future__ import annotations

import os
import shutil

from newsfacts.render.story import render_story_html
from newsfacts.stories.compare import compare
from story_sheets import flood_story
from test_browser import CHROMIUM, ROOT, browser, pytestmark  # noqa: F401  (the shared fixture and skip mark)

HOSTILE = '<img src=x onerror="window.pwned = 1"><script>window.pwned = 2</script>'


def open_story(browser, tmp_path, sheet, width=1280):  # noqa: F811
    path = tmp_path / "story.html"
    path.write_text(render_story_html(sheet), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    incidents: list[str] = []
    page.on("pageerror", lambda error: incidents.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and incidents.append(message.text))
    page.on("request", lambda request: request.url != path.as_uri() and incidents.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, incidents


def test_story_report_shows_every_section(browser, tmp_path):  # noqa: F811
    sheet = compare(flood_story(), "flood")
    page, incidents = open_story(browser, tmp_path, sheet)
    assert incidents == []
    for section in ("#articles", "#facts", "#quotes", "#citations", "#first", "#inconsistencies"):
        assert page.locator(section).is_visible(), section
    assert page.locator("#facts tr.disagree").count() == sum(fact.status == "disagree" for fact in sheet.facts)
    assert page.locator(".quote-group .variant").count() == len(sheet.quotes[0].variants)
    assert page.locator(".changes ins, .changes del").count() > 0
    screenshot = tmp_path / "story.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    if os.environ.get("NEWSFACTS_UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(screenshot, ROOT / "docs" / "story.png")
    page.close()


def test_hostile_outlet_and_quote_show_literally_and_run_nothing(browser, tmp_path):  # noqa: F811
    sheets = flood_story()
    sheets[0] = sheets[0].model_copy(update={"outlet": HOSTILE})
    page, incidents = open_story(browser, tmp_path, compare(sheets, "flood"))
    assert page.evaluate("window.pwned") is None
    assert incidents == []
    assert HOSTILE in page.inner_text("#articles")
    assert page.locator("img, script").count() == 0
    page.close()


def test_story_report_fits_a_phone_screen(browser, tmp_path):  # noqa: F811
    page, _ = open_story(browser, tmp_path, compare(flood_story(), "flood"), width=380)
    assert page.evaluate("document.documentElement.scrollWidth") <= 380
    page.close()
