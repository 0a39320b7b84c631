"""List the checks stage's errors per article, by FORMAT.md's check scoring: each gold check no prediction
matched (its kind, status, figures and the gold note), and each false alarm (an `inconsistent` check no gold
check names).

    .venv/bin/python scripts/check_errors.py ../shared/data/news/news-dev.jsonl [--id ARTICLE] [--totals]

Only the entities, times, figures and checks stages run after spaCy's parse.
"""

from __future__ import annotations

from entity_errors import arguments, print_errors, sheets_with_entities  # the script beside this one
from newsfacts.checks import find_checks
from newsfacts.evaluate import check_mentions, score_checks
from newsfacts.figures import find_figures
from newsfacts.nlp import Parsed
from newsfacts.schema import FactSheet
from newsfacts.times import find_times


def report(gold: dict, sheet: FactSheet) -> list[str]:
    lines = []
    for check in gold.get("checks", []):
        if not check.get("optional") and not any(check_mentions(check, predicted) for predicted in sheet.checks):
            lines.append(f"  MISSED {check['kind']} {check['status']} {check['about']}: {check.get('note', '')}")
    lines += [f"  FALSE ALARM {alarm}" for alarm in score_checks(gold, sheet).alarms]
    return lines


def _add_checks(parsed: Parsed, sheet: FactSheet) -> None:
    sheet.times = find_times(parsed, sheet)
    sheet.figures = find_figures(parsed, sheet)
    sheet.checks = find_checks(parsed, sheet)


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    for gold_file, articles in sheets_with_entities(args):
        totals = print_errors(args, articles, _add_checks, score_checks, report)
        if totals is not None:
            figures = totals.figures()
            print(f"## {gold_file.path}: checks found {figures['found']}/{figures['gold']}, false alarms "
                  f"{figures['false_alarms']}")


if __name__ == "__main__":
    main()
