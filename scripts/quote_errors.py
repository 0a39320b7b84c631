"""List the quote stage's speaker errors per article, by FORMAT.md's quote scoring: each matched gold quote
whose predicted speaker is wrong (gold speaker, the speaker newsfacts gave and the mention it chose), and the
gold quotes no prediction matched.

    .venv/bin/python scripts/quote_errors.py ../shared/data/news/news-dev.jsonl [--id ARTICLE] [--totals] [--extra]

With `--extra`, also the predicted quotes no gold quote matched (what costs precision).

Only the entities and quotes stages run after spaCy's parse.
"""

from __future__ import annotations

import argparse

from entity_errors import print_errors, sheets_with_entities  # the script beside this one
from newsfacts.evaluate import QUOTE_THRESHOLDS, locate_spans, quote_matches, score_quotes, speaker_correct, \
    split_optional
from newsfacts.quotes import find_quotes
from newsfacts.nlp import Parsed
from newsfacts.schema import FactSheet


def report(gold: dict, sheet: FactSheet, extra: bool = False) -> list[str]:
    lines = []
    gold_quotes = gold.get("quotes", [])
    spans = locate_spans(sheet.text, gold_quotes)
    required, optional = split_optional(gold_quotes)
    matched, _ = quote_matches(spans, [(q.start, q.end) for q in sheet.quotes], required, optional,
                               QUOTE_THRESHOLDS[0])
    names = {e.id: e.name for e in sheet.entities}
    for g in required:
        quote = gold_quotes[g]
        opening = quote["text"][:60].replace("\n", " ")
        if g not in matched:
            lines.append(f"  MISSED ({quote.get('kind')}, {quote.get('speaker')!r}): {opening!r}")
            continue
        predicted = sheet.quotes[matched[g]]
        if quote.get("speaker") is not None and not speaker_correct(quote, predicted, gold, sheet):
            mention = predicted.speaker_mention.text if predicted.speaker_mention else None
            lines.append(f"  SPEAKER gold {quote['speaker']!r} ({quote.get('source')}) -> "
                         f"{names.get(predicted.speaker)!r} via {mention!r} ({predicted.source}), cue "
                         f"{predicted.cue!r}: {opening!r}")
    if extra:
        excused, _ = quote_matches(spans, [(q.start, q.end) for q in sheet.quotes], optional, [], QUOTE_THRESHOLDS[0])
        used = set(matched.values()) | set(excused.values())
        for number, quote in enumerate(sheet.quotes):
            if number not in used:
                lines.append(f"  EXTRA ({quote.kind}, {names.get(quote.speaker, quote.speaker_name)!r}, cue "
                             f"{quote.cue!r}): {quote.text[:60]!r}")
    return lines


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="gold files (.json, .jsonl) or folders")
    parser.add_argument("--id", help="only articles whose id contains this")
    parser.add_argument("--totals", action="store_true", help="print only each file's totals")
    parser.add_argument("--extra", action="store_true", help="also list predicted quotes no gold quote matched")
    return parser.parse_args()


def _add_quotes(parsed: Parsed, sheet: FactSheet) -> None:
    sheet.quotes = find_quotes(parsed, sheet)


def main() -> None:
    args = _arguments()
    for gold_file, articles in sheets_with_entities(args):
        totals = print_errors(args, articles, _add_quotes, score_quotes,
                              lambda gold, sheet: report(gold, sheet, args.extra))
        if totals is not None:
            figures = totals.figures()
            print(f"## {gold_file.path}: speaker accuracy {figures['speaker_accuracy']} "
                  f"({figures['speaker_correct']}/{figures['speaker_scored']})")


if __name__ == "__main__":
    main()
