"""The corpus pages of `newsfacts serve --store`, over the hand-made store of conftest's `served` server."""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

import anyio.from_thread
import duckdb
import httpx
from fastapi import FastAPI

from conftest import corpus_sheets
from newsfacts.store import Store
from newsfacts.web import browse
from newsfacts.web.browse import SECTIONS

BROWSER = {"Accept": "text/html,application/xhtml+xml"}


def get(base: str, path: str, **params) -> httpx.Response:
    return httpx.get(f"{base}{path}", params=params, headers=BROWSER, timeout=60)


@contextmanager
def in_process(store) -> Iterator[Callable[..., httpx.Response]]:
    """GET for the corpus pages alone over `store`, served in this process: a report is drawn here, not in a
    worker lane."""

    async def analyse(size: int, function, *args):
        return function(*args)

    app = FastAPI()
    app.include_router(browse.router(browse.Corpus(store), analyse))
    with anyio.from_thread.start_blocking_portal() as portal:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://corpus", headers=BROWSER)
        yield lambda path, **params: portal.call(partial(client.get, path, params=params))
        portal.call(client.aclose)


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
    assert 'href="/corpus/quotes?person=lima/ana"' in speakers.text  # a linked person, by the link's id
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


def test_people_page_lists_each_person_and_links_to_their_quotes(served):
    page = get(served, "/corpus/people")
    assert page.status_code == 200 and "2 people in corpus.duckdb" in page.text
    assert cells(page.text) == [["Ana Lima", "", "2", "2", "2"], ["Tom Berg", "", "1", "1", "1"]]
    assert 'href="/corpus/quotes?person=lima/ana"' in page.text
    hers = get(served, "/corpus/quotes", person="lima/ana")
    assert "What Ana Lima said" in hers.text and "2 quotes, of the one person" in hers.text
    assert [row[2].split(" direct")[0] for row in cells(hers.text)] == ["“We will build it”", "“The hall stays open”"]
    nobody = get(served, "/corpus/quotes", person="nobody/known")
    assert nobody.status_code == 404 and "no person" in nobody.text


def test_a_person_named_two_ways_is_one_row_with_their_other_name(story_store):
    with in_process(story_store) as get_page:
        page = get_page("/corpus/people")
        assert cells(page.text) == [["Ida Brandt", "Brandt", "3", "3", "3"]]
        person = re.search(r'href="/corpus/quotes\?person=([^"]+)"', page.text)[1]
        quotes = get_page("/corpus/quotes", person=person)
        assert "What Ida Brandt said" in quotes.text and len(cells(quotes.text)) == 3
        assert "as Brandt" in quotes.text  # the article's own name for her


def test_stories_page_lists_each_story_and_opens_its_report(story_store):
    with in_process(story_store) as get_page:
        page = get_page("/corpus/stories")
        assert page.status_code == 200 and "1 story in stories.duckdb" in page.text
        ((first, last, story, articles, disputed, reworded),) = cells(page.text)
        assert (first, last, articles, reworded) == ("Mon 4 Mar 2024", "Tue 5 Mar 2024", "3", "1")
        assert story.endswith("Daily Lantern · Northern Post · Vale Courier")  # the outlets that carried it
        assert int(disputed) >= 1 and 'class="number bad"' in page.text  # 12 dead or 9
        story_id = re.search(r'href="/corpus/stories/([^"]+)"', page.text)[1]
        report = get_page(f"/corpus/stories/{story_id}")
        assert report.status_code == 200 and "Quotes across outlets" in report.text
        assert "script-src 'none'" in report.headers["content-security-policy"]
        assert get_page("/corpus/stories/S999").status_code == 404


def test_stories_page_before_newsfacts_stories_says_what_to_run(served):
    page = get(served, "/corpus/stories")
    assert page.status_code == 200 and "newsfacts stories --store corpus.duckdb" in page.text


def test_a_store_older_than_people_and_stories_says_what_to_run(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write(corpus_sheets(), store.start_run("local", "test", ["hand-made"]))
    with duckdb.connect(str(path)) as connection:
        for table in ("people", "person_entities", "story_articles", "stories"):
            connection.execute(f"DROP TABLE {table}")
    with in_process(path) as get_page:
        assert "made before people were linked" in get_page("/corpus/people").text
        assert get_page("/corpus/quotes", person="lima/ana").status_code == 404
        assert "newsfacts stories --store old.duckdb" in get_page("/corpus/stories").text
        assert get_page("/corpus/stories/S1").status_code == 404

