"""POST /api/compare and the /compare page, driven in-process (no network)."""

from __future__ import annotations

from newsfacts.stories.sheet import StorySheet
from test_server import run

ONE = ("Floodwater closed the Ashby road on Monday, the county said. \"The road will stay shut until Friday,\" "
       "said engineer Tomas Berg.")
TWO = ("The Ashby road is closed after Monday's floods. \"The road will stay shut until at least Friday,\" Tomas "
       "Berg said, according to the Ashby Gazette.")


def test_api_compare_returns_a_story_sheet():
    async def check(client):
        response = await client.post("/api/compare", json={"id": "flood", "articles": [
            {"text": ONE, "outlet": "County News", "published": "2025-02-03", "id": "one"},
            {"text": TWO, "outlet": "Ashby Gazette", "published": "2025-02-04", "id": "two"}]})
        assert response.status_code == 200, response.text
        sheet = StorySheet.model_validate(response.json())
        assert sheet.id == "flood" and [a.id for a in sheet.articles] == ["one", "two"]
        assert len(sheet.quotes) == 1 and sheet.quotes[0].differs

    run(check)


def test_api_compare_needs_two_articles_and_says_so_as_json():
    async def check(client):
        response = await client.post("/api/compare", json={"articles": [{"text": ONE}]})
        assert response.status_code == 422 and "error" in response.json()
        response = await client.post("/api/compare", json={"articles": [{"text": ONE}, {"text": "  "}]})
        assert response.status_code == 422 and "empty" in response.json()["error"]

    run(check)


def test_compare_page_and_its_report():
    async def check(client):
        page = await client.get("/compare")
        assert page.status_code == 200 and 'action="/compare-report"' in page.text
        report = await client.post("/compare-report", data={"text": [ONE, TWO],
                                                              "outlet": ["County News", "Ashby Gazette"],
                                                              "published": ["2025-02-03", "2025-02-04"]})
        assert report.status_code == 200 and "Quotes across outlets" in report.text
        too_few = await client.post("/compare-report", data={"text": [ONE, ""]})
        assert too_few.status_code == 422 and "at least two" in too_few.json()["error"]

    run(check)
