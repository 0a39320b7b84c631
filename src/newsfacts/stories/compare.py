"""Several articles' fact sheets in, one story sheet out."""

from __future__ import annotations

from collections.abc import Sequence

from ..schema import FactSheet
from .align import facts_of, publication_span
from .citations import find_citations
from .quotes import group_quotes
from .sheet import First, Inconsistency, StoryArticle, StorySheet


def story_articles(sheets: Sequence[FactSheet]) -> list[StoryArticle]:
    urls = [sheet.source if sheet.source and sheet.source.startswith(("http://", "https://")) else None
            for sheet in sheets]
    return [StoryArticle(id=sheet.id, outlet=sheet.outlet, title=sheet.title, published=sheet.published,
                         published_at=sheet.published_at, url=url)
            for sheet, url in zip(sheets, urls)]


def first_carriers(item: str, index: int, what: str, carriers: Sequence[str],
                   articles: dict[str, StoryArticle]) -> First:
    """The earliest of the articles carrying something, by publication time where known, else by date;
    uncertain when a carrier is undated, or when another may have come out as early (the same time, or the
    same day with a time unknown)."""
    spans = {article: publication_span(articles[article].published, articles[article].published_at)
             for article in set(carriers)}
    dated = {article: span for article, span in spans.items() if span is not None}
    if not dated:
        return First(item=item, index=index, what=what, article_ids=sorted(set(carriers)), published=None,
                     certain=False)
    earliest = min(dated, key=lambda article: (dated[article][0], article))
    # Every carrier that may have come out no later than the earliest one's latest moment.
    first = sorted(article for article, span in dated.items() if span[0] <= dated[earliest][1])
    when = articles[earliest].published_at or articles[earliest].published
    return First(item=item, index=index, what=what, article_ids=first, published=when,
                 certain=len(first) == 1 and len(dated) == len(spans))


def compare(sheets: Sequence[FactSheet], story_id: str = "story", title: str | None = None) -> StorySheet:
    """The story sheet of several articles' fact sheets: facts, quotes, citations, firsts, inconsistencies."""
    articles = story_articles(sheets)
    by_id = {article.id: article for article in articles}
    facts = facts_of(sheets)
    quotes = group_quotes(sheets)
    first = [first_carriers("fact", index, fact.what, [value.article_id for value in fact.values], by_id)
             for index, fact in enumerate(facts)]
    first += [first_carriers("quote", index, next(v.text for v in group.variants if v.reference),
                             [v.article_id for v in group.variants], by_id) for index, group in enumerate(quotes)]
    inconsistencies = [Inconsistency(article_id=sheet.id, kind=check.kind, about=check.about, working=check.working)
                       for sheet in sheets for check in sheet.checks if check.status == "inconsistent"]
    return StorySheet(id=story_id, title=title or next((sheet.title for sheet in sheets if sheet.title), None),
                      articles=articles, facts=facts, quotes=quotes, citations=find_citations(sheets, articles),
                      first=first, inconsistencies=inconsistencies)
