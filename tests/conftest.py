"""Shared fixtures: the spaCy model loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.nlp import load_model

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
