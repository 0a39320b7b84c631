"""List the quote stage's speaker errors per article, by FORMAT.md's quote scoring: each matched gold quote
whose predicted speaker is wrong (gold speaker, the speaker newsfacts gave and the mention it chose), and the
gold quotes no prediction matched.

    .venv/bin/python scripts/quote_errors.py /work/unseen/final/final.jsonl [--id ARTICLE] [--totals]
"""

from __future__ import annotations

from entity_errors import arguments  # the script beside this one
from newsfacts.evaluate import QUOTE_THRESHOLDS, gold_paths, locate_spans, quote_matches, read_gold_file, \
    score_quotes, speaker_correct, split_optional
from newsfacts.nlp import DEFAULT_MODEL, cached_model, parse_many
from newsfacts.schema import FactSheet
from newsfacts.sheet import run_stages


def report(gold: dict, sheet: FactSheet) -> list[str]:
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
    return lines


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    nlp = cached_model(DEFAULT_MODEL)
    for gold_file in (read_gold_file(path) for path in gold_paths(args.gold)):
        items = [item for item in gold_file.articles if not args.id or args.id in item.article.id]
        totals = None
        for item, parsed in zip(items, parse_many((item.article for item in items), nlp)):
            sheet = run_stages(parsed)
            counts = score_quotes(item.gold, sheet)
            totals = counts if totals is None else totals + counts
            if not args.totals:
                lines = report(item.gold, sheet)
                if lines:
                    print(f"\n=== {item.article.id}")
                    print("\n".join(lines))
        if totals is not None:
            figures = totals.figures()
            print(f"## {gold_file.path}: speaker accuracy {figures['speaker_accuracy']} "
                  f"({figures['speaker_correct']}/{figures['speaker_scored']})")


if __name__ == "__main__":
    main()
