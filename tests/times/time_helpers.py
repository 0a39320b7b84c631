"""What the times tests share: the times and events of a sentence, against a publication date."""

from __future__ import annotations

from newsfacts.entities import find_entities
from newsfacts.nlp import parse
from newsfacts.schema import Article, FactSheet
from newsfacts.times import find_events, find_times


# A Thursday.
PUBLISHED = "2024-03-14"


def times_of(nlp, text: str, published: str | None = PUBLISHED):
    article = Article(id="t", text=text, published=published)
    return find_times(parse(article, nlp), FactSheet(id="t", text=text, published=published))


def found(nlp, text: str, published: str | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in times_of(nlp, text, published)]


def events_of(nlp, text: str, published: str = PUBLISHED):
    article = Article(id="t", text=text, published=published)
    parsed = parse(article, nlp)
    sheet = FactSheet(id="t", text=text, published=published)
    sheet.entities = find_entities(parsed, sheet)
    sheet.times = find_times(parsed, sheet)
    return sheet, find_events(parsed, sheet)
