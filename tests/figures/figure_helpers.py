"""What the figures tests share: the figures of a sentence of our own."""

from __future__ import annotations

from newsfacts.entities import find_entities
from newsfacts.figures import find_figures
from newsfacts.nlp import parse
from newsfacts.schema import Article, FactSheet
from newsfacts.times import find_times

PUBLISHED = "2024-03-14"


def figures_of(nlp, text: str, published: str | None = PUBLISHED):
    article = Article(id="t", text=text, published=published)
    parsed = parse(article, nlp)
    sheet = FactSheet(id="t", text=text, published=published)
    sheet.entities = find_entities(parsed, sheet)
    sheet.times = find_times(parsed, sheet)
    return find_figures(parsed, sheet)


def figure(figures, text: str):
    """The one figure whose text is `text`."""
    found = [f for f in figures if f.text == text]
    assert len(found) == 1, [(f.text, f.kind) for f in figures]
    return found[0]
