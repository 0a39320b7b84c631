"""Shared fixtures: the spaCy model loads once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from newsfacts.nlp import load_model

# CI runs the generated-input tests on a fixed sequence, so a red build is reproducible; locally each
# run explores new inputs.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (gold data) is not beside the checkout")
    return SHARED


def corpus_sheets() -> list:
    """Three hand-made sheets of our own for a store: two people quoted, and one check that fails."""
    from newsfacts.schema import Check, Entity, FactSheet, Mention, Quote

    def sheet(article_id: str, published: str, speaker: str, said: str, checks=()) -> FactSheet:
        text = f'"{said}," said {speaker}. The hall opened in 1990, 30 years before 2025.'
        start = text.index(speaker)
        return FactSheet(
            id=article_id, text=text, published=published, outlet="Example Gazette", title=f"{speaker} speaks",
            entities=[Entity(id="E1", name=speaker, type="PERSON",
                             mentions=[Mention(text=speaker, start=start, end=start + len(speaker))])],
            quotes=[Quote(text=said, start=1, end=1 + len(said), kind="direct", source="named", cue="said",
                          speaker="E1", speaker_name=speaker)],
            checks=list(checks))

    failed = Check(kind="elapsed", status="inconsistent", about=["1990", "30 years", "2025"],
                   working="1990 to 2025 is 35 years; stated 30")
    return [sheet("a1", "2025-01-02", "Ana Lima", "We will build it"),
            sheet("a2", "2025-02-03", "Tom Berg", "The budget is short", [failed]),
            sheet("news/a3", "2025-03-04", "Ana Lima", "The hall stays open")]


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    from newsfacts.store import Store

    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with Store(path) as store:
        store.write(corpus_sheets(), store.start_run("local", "test", ["hand-made"]))
    return path


@pytest.fixture(scope="session")
def story_store(tmp_path_factory) -> Path:
    """A store of the hand-made flood story (three outlets, one person named two ways) and one unrelated article,
    grouped into stories as `newsfacts stories` does."""
    from newsfacts.store import Store
    from newsfacts.stories.stored import find_stories
    from story_sheets import flood_story

    path = tmp_path_factory.mktemp("stories") / "stories.duckdb"
    sheets = flood_story()
    other = sheets[0].model_copy(update={"id": "other", "text": "The library opened a new wing for children.",
                                         "quotes": [], "figures": [], "times": [], "entities": [], "checks": []})
    with Store(path) as store:
        store.write([*sheets, other], store.start_run("local", "test", ["hand-made"]))
        find_stories(store)
    return path


@pytest.fixture(scope="session")
def served(corpus_store):
    """A server as most tests need it: a store to browse, pages on this machine's loopback fetchable, and the
    tests' own stage (server_stages) in its pipeline. One for the whole session: its worker loads the model once."""
    import ipaddress

    from live_server import live_server
    from newsfacts.fetch import FetchPolicy
    from server_stages import TEST_STAGES

    loopback = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),))
    with live_server(store=corpus_store, fetch_policy=loopback, stages=TEST_STAGES, max_body=400_000) as url:
        yield url


@pytest.fixture(scope="session")
def bare():
    """A server with the defaults' guards and small limits: no store, public URLs only, 1,000-byte bodies,
    5 s per analysis, room for one kept report."""
    from live_server import live_server
    from server_stages import TEST_STAGES

    with live_server(stages=TEST_STAGES, max_body=1000, timeout=5, report_memory=600_000) as url:
        yield url
