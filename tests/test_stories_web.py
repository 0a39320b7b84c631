"""POST /api/compare and the /compare page, on the tests' live server."""

from __future__ import annotations

import httpx

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


def test_compare_page_and_its_report(served):
    page = httpx.get(f"{served}/compare", timeout=60)
    assert page.status_code == 200 and 'action="/compare-report"' in page.text
    report = httpx.post(f"{served}/compare-report", timeout=120, data={"text": [ONE, TWO],
                                                                        "outlet": ["County News", "Ashby Gazette"],
                                                                        "published": ["2025-02-03", "2025-02-04"]})
    assert report.status_code == 200 and "Quotes across outlets" in report.text
    too_few = httpx.post(f"{served}/compare-report", data={"text": [ONE, ""]}, timeout=60)
    assert too_few.status_code == 422 and "at least two" in too_few.json()["error"]
