"""A pipeline stage of the tests' own, for the server's worker processes: it sleeps or fails when the article
asks it to ("[[sleep 5]]", "[[fail]]"), so tests can make an analysis slow or broken without a real article
that is. It lives in a module of its own so a worker process imports only this."""

from __future__ import annotations

import re
import time

from newsfacts.sheet import DEFAULT_STAGES

ASKED = re.compile(r"\[\[(sleep (\d+)|fail)\]\]")


def on_request(parsed, sheet) -> list:
    if asked := ASKED.search(parsed.article.text):
        if asked[1] == "fail":
            raise RuntimeError("stage exploded")
        time.sleep(int(asked[2]))
    return []


# First, so the real stages still fill the sheet; its field is one no default stage fills yet.
TEST_STAGES = (("figures", on_request), *DEFAULT_STAGES)
