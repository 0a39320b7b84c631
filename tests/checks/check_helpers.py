"""What the checks tests share: the checks of a short article of our own, against a publication date."""

from __future__ import annotations

from newsfacts.checks import find_checks
from newsfacts.entities import find_entities
from newsfacts.figures import find_figures
from newsfacts.nlp import parse
from newsfacts.schema import Article, FactSheet
from newsfacts.times import find_times

PUBLISHED = "2024-03-14"


def checks_of(nlp, text: str, published: str | None = PUBLISHED):
    article = Article(id="t", text=text, published=published)
    parsed = parse(article, nlp)
    sheet = FactSheet(id="t", text=text, published=published)
    sheet.entities = find_entities(parsed, sheet)
    sheet.times = find_times(parsed, sheet)
    sheet.figures = find_figures(parsed, sheet)
    return find_checks(parsed, sheet)


def only(checks, kind: str):
    found = [check for check in checks if check.kind == kind]
    assert len(found) == 1, found
    return found[0]
