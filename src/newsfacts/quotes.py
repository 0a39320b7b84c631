"""Who said what: direct and reported speech, their cues and speakers (issue 3 fills this stage)."""

from __future__ import annotations

from .nlp import Parsed
from .schema import FactSheet, Quote


def find_quotes(parsed: Parsed, sheet: FactSheet) -> list[Quote]:
    return []
