"""Do the numbers add up: checks between the figures an article states.

Each check recomputes a figure from others the article gives and says whether it comes out: a length against
the clock times or dates bounding it (durations), time since a date (elapsed), an age against a birth date
(ages), parts against their whole (totals, sums), shares of one whole (percentages), shares against counts
(shares) and changes between two values (changes). Most read the sheet's figures (`FactSheet.figures`); the
calendar checks read its times. A check is made only when the article gives enough to decide it, and an
`inconsistent` one only when nothing else could explain the numbers.
"""

from __future__ import annotations

from ..nlp import Parsed
from ..schema import Check, FactSheet
from .ages import age_checks
from .changes import change_checks
from .common import sentences
from .durations import duration_checks
from .elapsed import elapsed_checks
from .percentages import percentage_checks
from .shares import share_checks
from .sums import sum_checks
from .totals import total_checks


def find_checks(parsed: Parsed, sheet: FactSheet) -> list[Check]:
    """Every check the article's figures allow, with its working; one check per set of figures."""
    spans = sentences(parsed)
    found: list[Check] = []
    for family in (duration_checks, elapsed_checks, age_checks, total_checks, percentage_checks):
        found.extend(family(parsed, sheet, spans))
    for family in (change_checks, share_checks, sum_checks):
        found.extend(family(parsed, sheet))
    return _one_per_figures(found)


def _one_per_figures(checks: list[Check]) -> list[Check]:
    """A check naming only figures an earlier check of its kind names says nothing new; two readings of the
    same figures that disagree mean the article is not clear enough to call it wrong."""
    kept: list[Check] = []
    for check in checks:
        about = {text.lower() for text in check.about}
        same = [other for other in kept if other.kind == check.kind and {t.lower() for t in other.about} == about]
        wider = [other for other in kept if other.kind == check.kind and about < {t.lower() for t in other.about}]
        if same and any(other.status != check.status for other in same):
            kept = [other for other in kept if other not in same or other.status == "consistent"]
            if check.status == "consistent" and all(other.status != "consistent" for other in same):
                kept.append(check)
        elif not same and not wider:
            kept.append(check)
    return kept
