"""`newsfacts eval`: the pipeline scored against gold fact sheets, and story comparison against story gold."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from ..schema import FactSheet
from .common import ActsOption, Command, ModelOption, QuietOption, app, error_line, fail, get_model, notes
from .common import progress_bar


@app.command("eval", cls=Command)
def evaluate_command(
    gold: Annotated[list[str], typer.Argument(
        metavar="GOLD", help="Gold files (.json, .jsonl) or folders holding them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(min=1, metavar="N", help="Score only the first N articles of each file.")
                     ] = None,
    acts: ActsOption = False,
    quiet: QuietOption = False,
) -> None:
    """Score the pipeline against gold fact sheets (the rules of the gold FORMAT.md), and story comparison
    against cross-outlet gold files (`*.facts.json`: disagreements, quote groups, citations, self-contradictions).

    Examples:

        newsfacts eval gold/seed.json

        newsfacts eval data/quotes/polnear-dev.jsonl --limit 20 --json

        newsfacts eval data/quotes/polnear-dev.jsonl --acts

        newsfacts eval data/stories/louvre-jewel-heist-2025.facts.json
    """
    notes.quiet = quiet
    from ..evaluate import GoldError, as_json as figures_json, gold_paths, read_gold_file, report, score_files
    from ..stories.score import is_story_gold, read_story_gold, score_stories

    try:
        paths = gold_paths(gold)
    except GoldError as error:
        raise fail(str(error)) from None
    errors: list[str] = []
    stories = []
    for path in filter(is_story_gold, paths):
        try:
            stories.append(read_story_gold(path))
        except GoldError as error:
            errors.append(str(error))
    gold_files = [read_gold_file(path, limit) for path in paths if not is_story_gold(path)]
    errors += [message for gold_file in gold_files for message in gold_file.errors]
    for message in errors:
        error_line(message)
    from ..sheet import extract_many, stages_for

    nlp = get_model(model)
    analysed: dict[tuple[str, str], FactSheet] = {}  # a story's articles scored on their own are analysed once

    def run(articles):
        for article, result in zip(articles, extract_many(articles, nlp, stages=stages_for(acts))):
            if isinstance(result, FactSheet):
                analysed[(article.id, article.text)] = result
            yield result

    total = sum(len(gold_file.articles) for gold_file in gold_files)
    with progress_bar(total, "scoring") as progress:
        scores = score_files(gold_files, lambda articles: run(list(articles)), on_error=error_line,
                             on_article=lambda: progress.advance(0))
    story_scores = score_stories(stories, analysed, run, on_error=error_line)
    if as_json:
        figures = figures_json(scores) | {"stories": {path: counts.figures() for path, counts in story_scores.items()}}
        typer.echo(json.dumps(figures, indent=2))
    else:
        from ..stories.score import story_report

        console = Console(width=max(Console().width, 100))
        if scores:
            console.print(report(scores))
        if story_scores:
            console.print(story_report(story_scores))
    if errors:
        raise typer.Exit(1)
