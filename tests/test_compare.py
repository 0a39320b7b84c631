"""web/compare.py: POST /api/compare and the /compare page with its kept report, on the tests' live server."""

from __future__ import annotations

import httpx

from local_site import serve_pages
from newsfacts.stories.sheet import StorySheet

ONE = ("Floodwater closed the Ashby road on Monday, the county said. \"The road will stay shut until Friday,\" "
       "said engineer Tomas Berg.")
TWO = ("The Ashby road is closed after Monday's floods. \"The road will stay shut until at least Friday,\" Tomas "
       "Berg said, according to the Ashby Gazette.")


def test_api_compare_returns_a_story_sheet(served):
    response = httpx.post(f"{served}/api/compare", timeout=120, json={"id": "flood", "articles": [
            {"text": ONE, "outlet": "County News", "published": "2025-02-03", "id": "one"},
            {"text": TWO, "outlet": "Ashby Gazette", "published": "2025-02-04", "id": "two"}]})
    assert response.status_code == 200, response.text
    sheet = StorySheet.model_validate(response.json())
    assert sheet.id == "flood" and [a.id for a in sheet.articles] == ["one", "two"]
    assert len(sheet.quotes) == 1 and sheet.quotes[0].differs


def test_api_compare_needs_two_articles_and_says_so_as_json(served):
    response = httpx.post(f"{served}/api/compare", json={"articles": [{"text": ONE}]}, timeout=60)
    assert response.status_code == 422 and "error" in response.json()
    response = httpx.post(f"{served}/api/compare", json={"articles": [{"text": ONE}, {"text": "  "}]}, timeout=60)
    assert response.status_code == 422 and "empty" in response.json()["error"]


def test_compare_page_is_one_of_the_apps_pages(served):
    page = httpx.get(f"{served}/compare", headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 200 and 'action="/compare-report"' in page.text
    assert '<a href="/compare" aria-current="page">Compare a story</a>' in page.text and 'href="/corpus"' in page.text
    assert '<script src="/compare.js" defer>' in page.text and "<script>" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    script = httpx.get(f"{served}/compare.js", timeout=30)
    assert script.headers["content-type"].startswith("text/javascript") and "compare-form" in script.text
    assert 'href="/compare"' in httpx.get(f"{served}/", timeout=30).text


def test_the_form_sends_the_browser_to_the_story_report_it_can_share(served):
    form = {"text": [ONE, TWO], "outlet": ["County News", "Ashby Gazette"], "published": ["2025-02-03", "2025-02-04"]}
    made = httpx.post(f"{served}/compare-report", data=form, timeout=120)
    assert made.status_code == 303 and made.headers["location"].startswith("/report/")
    report = httpx.get(f"{served}{made.headers['location']}", timeout=30)
    assert report.status_code == 200 and "Quotes across outlets" in report.text and "Ashby Gazette" in report.text
    assert "script-src 'none'" in report.headers["content-security-policy"]
    scripted = httpx.post(f"{served}/compare-report", data=form, headers={"Accept": "application/json"}, timeout=120)
    assert scripted.status_code == 201 and scripted.json()["url"] == scripted.headers["location"]
    too_few = httpx.post(f"{served}/compare-report", data={"text": [ONE, ""]}, timeout=60)
    assert too_few.status_code == 422 and "at least two" in too_few.json()["error"]
    bad_date = httpx.post(f"{served}/compare-report", data={**form, "published": ["2025-02-31", ""]}, timeout=60)
    assert bad_date.status_code == 422 and "not a day of the calendar" in bad_date.json()["error"]


def test_a_story_of_a_pasted_article_a_fetched_page_and_an_upload(served):
    page = f"<html><head><title>Road shut</title></head><body><article><p>{TWO}</p></article></body></html>"
    with serve_pages({"/road.html": (200, {"Content-Type": "text/html"}, page.encode())}) as (base, _):
        made = httpx.post(f"{served}/compare-report", timeout=120, headers={"Accept": "application/json"},
                          data={"text": [ONE], "urls": f"{base}/road.html\n"},
                          files={"file": ("ashby-notes.txt", TWO.replace("Tomas", "Tomás").encode("latin-1"),
                                          "text/plain")})
    assert made.status_code == 201, made.text
    report = httpx.get(f"{served}{made.json()['url']}", timeout=30).text
    assert "Road shut" in report and "ashby-notes" in report  # the page's own title; the file names its article
