"""Smoke test of a plain `pip install .` (no extras): one article of every input kind, end to end.

`.ci/run` runs it with the Python of a fresh virtual environment holding only newsfacts and its declared
dependencies, so a module the code imports but the package does not declare fails here (the test extras
would hide it from `make test`). Inputs: a text file, an HTML page, a URL served by a local HTTP server,
standard input, JSON Lines, CSV, Parquet and gzip-compressed files; then the HTML report, the JSON API (one
article and a story) and the pages' scripts.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STORY = ("The harbour bridge will reopen to traffic next Monday after eight months of repairs, the city council "
         "announced on Tuesday. \"We are confident the work is finished,\" said Maria Okafor, the council's head "
         "of transport.")
PAGE = f"""<!doctype html><html><head><title>Harbour bridge to reopen</title></head>
<body><nav>Home | News</nav><article><h1>Harbour bridge to reopen</h1><p>{STORY}</p></article></body></html>"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def newsfacts(*arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "newsfacts", *arguments]
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"FAILED: {' '.join(arguments)} exited {done.returncode}\n{done.stderr}")
    return done


def write_inputs(folder: Path) -> list[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "lines.jsonl").write_text(json.dumps({"id": "line", "text": STORY}) + "\n", encoding="utf-8")
    (folder / "rows.csv").write_text("id,text\nrow," + json.dumps(STORY).replace('\\"', '""') + "\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["parquet"], "text": [STORY]}), folder / "table.parquet")
    (folder / "packed.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    packed_line = json.dumps({"id": "packed-line", "text": STORY}) + "\n"
    (folder / "packed.jsonl.gz").write_bytes(gzip.compress(packed_line.encode()))
    return ["story.txt", "page.html", "lines.jsonl", "rows.csv", "table.parquet", "packed.txt.gz", "packed.jsonl.gz"]


def check_sheets(lines: list[str], expected_ids: list[str]) -> None:
    sheets = [json.loads(line) for line in lines]
    ids = [sheet.get("id") for sheet in sheets]
    if ids != expected_ids:
        sys.exit(f"FAILED: sheets {ids}, expected {expected_ids}")
    for sheet in sheets:
        if "error" in sheet or "Okafor" not in sheet["text"] or not sheet["entities"]:
            sys.exit(f"FAILED: {sheet.get('id')}: {sheet.get('error') or 'no entities found'}")


def check_api(page: str) -> None:
    import anyio
    import httpx

    from newsfacts.server import create_app

    app = create_app()

    async def main() -> None:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://newsfacts.test") as client:
                response = await client.post("/api/extract", json={"html": page, "published": "2025-03-04"})
                story = await client.post("/api/compare", json={"articles": [{"html": page}, {"text": STORY}]})
                pages = [await client.get(path) for path in ("/compare", "/compare.js", "/index.js")]
        if response.status_code != 200 or "Okafor" not in response.text:
            sys.exit(f"FAILED: POST /api/extract answered {response.status_code}: {response.text[:300]}")
        if story.status_code != 200 or len(story.json()["articles"]) != 2:
            sys.exit(f"FAILED: POST /api/compare answered {story.status_code}: {story.text[:300]}")
        if any(page.status_code != 200 for page in pages):
            sys.exit(f"FAILED: the pages answered {[page.status_code for page in pages]}")

    anyio.run(main)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = write_inputs(folder)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/page.html"
        try:
            done = newsfacts("extract", *(str(folder / file) for file in files), url, "-", "--published", "2025-03-04",
                             stdin=STORY)
        finally:
            server.shutdown()
        check_sheets(done.stdout.splitlines(),
                     ["story", "page", "line", "row", "parquet", "packed", "packed-line", "page", "stdin"])
        newsfacts("extract", str(folder / "page.html"), "--format", "html", "-o", str(folder / "report.html"))
        if "Okafor" not in (folder / "report.html").read_text(encoding="utf-8"):
            sys.exit("FAILED: the HTML report does not show the article")
        check_api(PAGE)
    print("plain install: text, HTML, URL, stdin, JSONL, CSV, Parquet, .gz, HTML report, API and story API all work")


if __name__ == "__main__":
    main()
