"""The corpus pages of `newsfacts serve --store`, over the hand-made store of conftest's `served` server."""

from __future__ import annotations

import re

import httpx

from newsfacts.web.browse import SECTIONS

BROWSER = {"Accept": "text/html,application/xhtml+xml"}


def get(base: str, path: str, **params) -> httpx.Response:
    return httpx.get(f"{base}{path}", params=params, headers=BROWSER, timeout=60)


def cells(page: str) -> list[list[str]]:
    """The text of each table row's cells."""
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    return [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in rows if "<td" in row]


def test_articles_page_lists_the_newest_first_with_their_failed_checks(served):
    page = get(served, "/corpus")
    assert page.status_code == 200
    assert "3 articles in corpus.duckdb" in page.text and "1 check that failed" in page.text
    assert [row[1] for row in cells(page.text)] == ["Ana Lima speaks", "Tom Berg speaks", "Ana Lima speaks"]
    assert [row[-1] for row in cells(page.text)] == ["0", "1", "0"]
    assert 'href="/corpus/articles/news/a3"' in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert all(f'href="{path}"' in page.text for _, path in SECTIONS)


def test_an_article_opens_as_its_report(served):
    report = get(served, "/corpus/articles/news/a3")
    assert report.status_code == 200 and report.headers["content-encoding"] == "gzip"
    assert "The hall stays open" in report.text and "<h1>Ana Lima speaks</h1>" in report.text
    assert "script-src 'sha256-" in report.headers["content-security-policy"]
    missing = get(served, "/corpus/articles/nowhere")
    assert missing.status_code == 404 and "no article &#39;nowhere&#39; in the store" in missing.text


def test_quotes_page_lists_speakers_and_each_ones_quotes(served):
    speakers = get(served, "/corpus/quotes")
    assert [row[:3] for row in cells(speakers.text)] == [["Ana Lima", "person", "2"], ["Tom Berg", "person", "1"]]
    assert 'href="/corpus/quotes?speaker=Ana%20Lima"' in speakers.text
    hers = get(served, "/corpus/quotes", speaker="ana lima")
    assert "What ana lima said" in hers.text and "2 quotes" in hers.text
    assert [row[2].split(" direct")[0] for row in cells(hers.text)] == ["“We will build it”", "“The hall stays open”"]
    assert "No quotes by anyone" in get(served, "/corpus/quotes", speaker="Nobody Known").text


def test_failed_checks_page_shows_the_working_and_links_the_article(served):
    page = get(served, "/corpus/checks")
    assert cells(page.text) == [["Mon 3 Feb 2025", "Tom Berg speaks Example Gazette", "elapsed", "1990 · 30 years · 2025",
                                 "1990 to 2025 is 35 years; stated 30"]]
    assert 'href="/corpus/articles/a2"' in page.text
    assert "No more failed checks" in get(served, "/corpus/checks", offset=50).text


def test_article_text_in_the_pages_is_escaped(served):
    page = get(served, "/corpus/quotes", speaker='<script>alert("x")</script>')
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text


def test_without_a_store_the_corpus_pages_say_how_to_get_one(bare):
    page = get(bare, "/corpus")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "newsfacts serve --store corpus.duckdb" in page.text
    assert "/corpus" not in get(bare, "/").text  # no link to pages that are not there
