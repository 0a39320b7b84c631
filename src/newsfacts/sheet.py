"""The pipeline: an article in, a fact sheet out.

ingest → nlp → entities → quotes → times → events → figures → relations → checks. Each stage is a function of
the parsed article and the sheet so far that returns one field of the sheet; the stage list is a plain
value, so a user can run their own stages by passing another list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language

from . import checks, entities, figures, quotes, relations, times
from .nlp import Parsed, parse, parse_many
from .schema import Article, ErrorRecord, FactSheet

Stage = Callable[[Parsed, FactSheet], list[Any]]



def unresolved_time_warnings(parsed: Parsed, sheet: FactSheet) -> list[str]:
    """The input's warnings, and one when relative times could not be resolved for want of a date."""
    unresolved = sum("XXXX" in time.value for time in sheet.times)
    if sheet.published is not None or not unresolved:
        return sheet.warnings
    counted = "1 relative time expression is" if unresolved == 1 else f"{unresolved} relative time expressions are"
    return [*sheet.warnings, f"no publication date, so {counted} left unresolved (XXXX); give the date "
                             "(--published YYYY-MM-DD, or `published` in the API) to resolve them"]


# (sheet field, stage) in the order they run: later stages read what earlier ones wrote.
DEFAULT_STAGES: Sequence[tuple[str, Stage]] = (
    ("entities", entities.find_entities),
    ("quotes", quotes.find_quotes),
    ("times", times.find_times),
    ("events", times.find_events),
    ("figures", figures.find_figures),
    ("relations", relations.find_relations),
    ("checks", checks.find_checks),
    ("warnings", unresolved_time_warnings),
)
# The same with PolNeAR's wider notion of attribution in the quotes stage (acts and stances too).
ATTRIBUTION_STAGES: Sequence[tuple[str, Stage]] = tuple(
    (field, quotes.find_attributions if stage is quotes.find_quotes else stage) for field, stage in DEFAULT_STAGES)


def stages_for(acts: bool) -> Sequence[tuple[str, Stage]]:
    return ATTRIBUTION_STAGES if acts else DEFAULT_STAGES


def empty_sheet(article: Article) -> FactSheet:
    return FactSheet(
        id=article.id,
        text=article.text,
        published=article.published,
        published_at=article.published_at,
        title=article.title,
        source=article.source,
        outlet=article.outlet,
        author=article.author,
        warnings=article.warnings,
    )


def run_stages(parsed: Parsed, stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES) -> FactSheet:
    sheet = empty_sheet(parsed.article)
    for field, stage in stages:
        setattr(sheet, field, stage(parsed, sheet))
    return sheet


def analyse(parsed: Parsed, stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES) -> FactSheet | ErrorRecord:
    """The sheet of one parsed article, or an error record naming the stage that failed."""
    sheet = empty_sheet(parsed.article)
    for field, stage in stages:
        try:
            setattr(sheet, field, stage(parsed, sheet))
        except Exception as error:  # one article's failure must not end a corpus run
            return ErrorRecord(
                id=parsed.article.id,
                error=f"the {field} stage failed: {type(error).__name__}: {error}",
                source=parsed.article.source,
            )
    return sheet


def extract(article: Article, nlp: Language, stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES) -> FactSheet:
    """The fact sheet of one article; exceptions propagate (use `extract_many` for corpora)."""
    return run_stages(parse(article, nlp), stages)


def extract_many(
    items: Iterable[Article | ErrorRecord],
    nlp: Language,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
    batch_size: int = 32,
) -> Iterator[FactSheet | ErrorRecord]:
    """Sheets for a stream of articles, in input order; error records pass through untouched."""
    pending: list[Article | ErrorRecord] = []

    def flush() -> Iterator[FactSheet | ErrorRecord]:
        articles = [item for item in pending if isinstance(item, Article)]
        # The strings these articles add to the model's vocabulary are freed once their sheets are built
        # (a spaCy memory zone), so a long corpus run does not grow. Each sheet is handed on as soon as it is
        # built (its strings are plain Python ones), so progress moves one article at a time.
        with nlp.memory_zone():
            parsed = parse_many(articles, nlp, batch_size=batch_size)
            for item in pending:
                yield item if isinstance(item, ErrorRecord) else analyse(next(parsed), stages)
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
