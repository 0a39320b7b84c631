"""What happened when: time expressions normalised to TIMEX3, and the events they date (issue 4)."""

from __future__ import annotations

from .nlp import Parsed
from .schema import Event, FactSheet, TimeExpression


def find_times(parsed: Parsed, sheet: FactSheet) -> list[TimeExpression]:
    return []


def find_events(parsed: Parsed, sheet: FactSheet) -> list[Event]:
    return []
