"""How they relate: kinship, roles and affiliations stated in the text (issue 5 fills this stage)."""

from __future__ import annotations

from .nlp import Parsed
from .schema import FactSheet, Relation


def find_relations(parsed: Parsed, sheet: FactSheet) -> list[Relation]:
    return []
