"""Several articles' fact sheets in, one story sheet out."""

from __future__ import annotations

from collections.abc import Sequence

from ..schema import FactSheet
from .align import facts_of
from .citations import find_citations
from .quotes import group_quotes
from .sheet import First, Inconsistency, StoryArticle, StorySheet


def story_articles(sheets: Sequence[FactSheet]) -> list[StoryArticle]:
    urls = [sheet.source if sheet.source and sheet.source.startswith(("http://", "https://")) else None
            for sheet in sheets]
    return [StoryArticle(id=sheet.id, outlet=sheet.outlet, title=sheet.title, published=sheet.published, url=url)
            for sheet, url in zip(sheets, urls)]


def first_carriers(item: str, index: int, what: str, carriers: Sequence[str],
                   published: dict[str, str | None]) -> First:
    """The earliest of the articles carrying something; uncertain when one has no date or another shares it."""
    dated = sorted((published[article], article) for article in set(carriers) if published.get(article))
    if not dated:
        return First(item=item, index=index, what=what, article_ids=sorted(set(carriers)), published=None,
                     certain=False)
    earliest = dated[0][0]
    first = [article for when, article in dated if when == earliest]
    undated = len(dated) < len(set(carriers))
    return First(item=item, index=index, what=what, article_ids=first, published=earliest,
                 certain=len(first) == 1 and not undated and len(earliest) > 10)


def compare(sheets: Sequence[FactSheet], story_id: str = "story", title: str | None = None) -> StorySheet:
    """The story sheet of several articles' fact sheets: facts, quotes, citations, firsts, inconsistencies."""
    articles = story_articles(sheets)
    published = {article.id: article.published for article in articles}
    facts = facts_of(sheets)
    quotes = group_quotes(sheets)
    first = [first_carriers("fact", index, fact.what, [value.article_id for value in fact.values], published)
             for index, fact in enumerate(facts)]
    first += [first_carriers("quote", index, next(v.text for v in group.variants if v.reference),
                             [v.article_id for v in group.variants], published) for index, group in enumerate(quotes)]
    inconsistencies = [Inconsistency(article_id=sheet.id, kind=check.kind, about=check.about, working=check.working)
                       for sheet in sheets for check in sheet.checks if check.status == "inconsistent"]
    return StorySheet(id=story_id, title=title or next((sheet.title for sheet in sheets if sheet.title), None),
                      articles=articles, facts=facts, quotes=quotes, citations=find_citations(sheets, articles),
                      first=first, inconsistencies=inconsistencies)
