"""End to end in a real headless Chromium: `newsfacts serve`, paste an article, submit, read the report.

Uses Debian's chromium (never a downloaded browser); the test is skipped only when it is not installed.
Set NEWSFACTS_UPDATE_SCREENSHOT=1 to refresh docs/server.png.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "seed.txt"
SCREENSHOT = ROOT / "docs" / "server.png"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt install chromium)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_url():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfacts.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
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
    assert page.locator(".article-text span.ent").count() > 5
    assert page.locator(".article-text span.time").count() > 0
    assert page.locator(".article-text span.quote").count() > 0
    assert "published Wed 10 Sep 2025" in page.inner_text("header")
    assert page.inner_text("h1") == "Pasted article"
    if os.environ.get("NEWSFACTS_UPDATE_SCREENSHOT"):
        page.screenshot(path=str(SCREENSHOT))
    page.close()


def test_an_error_is_shown_on_the_form(server_url, browser):
    page = browser.new_page()
    page.goto(server_url)
    page.fill("#url", "http://127.0.0.1:9/secret")
    page.click("#submit")
    page.wait_for_selector("#error:visible", timeout=30_000)
    assert "loopback" in page.inner_text("#error")
    assert page.url.rstrip("/") == server_url  # still on the form
    page.close()
