"""Figures as intervals (checks/values.py): what a hedge or a rounded figure may stand for."""

from __future__ import annotations

import pytest

from newsfacts.checks.values import half_unit, widened
from newsfacts.schema import Figure


def figure(text: str, kind: str, value: float, hedge: str | None = None) -> Figure:
    return Figure(text=text, start=0, end=len(text), kind=kind, value=value, hedge=hedge)


@pytest.mark.parametrize("text, kind, value, half", [
    ("31.0 per cent", "percent", 31.0, 0.05), ("7%", "percent", 7, 0.5), ("£2.4bn", "money", 2.4e9, 0.05e9),
    ("£12m", "money", 12e6, 0.5e6), ("1,204", "count", 1204, 0.0), ("nine", "count", 9, 0.0)])
def test_half_the_last_unit_written(text, kind, value, half):
    assert half_unit(figure(text, kind, value), value) == pytest.approx(half)


def test_a_hedge_widens_a_figure_as_its_table_says():
    assert widened(figure("40", "count", 40, "about"), 40) == pytest.approx((34, 46))
    assert widened(figure("40", "count", 40, "at least"), 40) == pytest.approx((40, 80))
    assert widened(figure("40", "count", 40), 40) == (40, 40)
