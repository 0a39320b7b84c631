"""List the entity stage's errors per article, by FORMAT.md's entity scoring: gold mentions missed (and which
predicted entity holds them instead), false merges, and types that differ from gold's
(with --totals, how many of the gold entities found have another type).

    .venv/bin/python scripts/entity_errors.py ../shared/data/news/news-dev.jsonl [--id ARTICLE] [--totals]

Only the entity stage runs after spaCy's parse, so a pass over a development set takes seconds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from typing import Any

from newsfacts.entities import find_entities
from newsfacts.evaluate import GoldArticle, GoldFile, gold_mention_sets, gold_paths, match_entities, \
    normalise_mention, read_gold_file, score_entities
from newsfacts.nlp import DEFAULT_MODEL, Parsed, cached_model, parse_many
from newsfacts.schema import FactSheet
from newsfacts.sheet import empty_sheet


def report(gold: dict, sheet) -> list[str]:
    lines = []
    texts = {e.id: {normalise_mention(m.text) for m in e.mentions} for e in sheet.entities}
    names = {e.id: f"{e.name}/{e.type}" for e in sheet.entities}
    for gold_entity, match in zip(gold.get("entities", []), match_entities(gold, sheet)):
        entity = next((e for e in sheet.entities if e.id == match.entity_id), None)
        missed = [alternatives for alternatives in gold_mention_sets(gold_entity)
                  if entity is None or not alternatives & texts[entity.id]]
        wrong_type = entity is not None and entity.type != gold_entity["type"]
        if missed or wrong_type:
            found = f"{entity.name!r}" + (f"  TYPE {entity.type} != {gold_entity['type']}" if wrong_type else "") \
                if entity else "NONE"
            lines.append(f"  {gold_entity['name']!r} {gold_entity['type']} -> {found}")
        for alternatives in missed:
            holders = [names[i] for i, held in texts.items() if alternatives & held]
            lines.append(f"      miss {sorted(alternatives)}" + (f"  in {holders}" if holders else ""))
    owners: dict[str, set[int]] = {}
    for index, gold_entity in enumerate(gold.get("entities", [])):
        for alternatives in gold_mention_sets(gold_entity):
            for text in alternatives:
                owners.setdefault(text, set()).add(index)
    for entity in sheet.entities:
        held: dict[int, list[str]] = {}
        for mention in entity.mentions:
            owner = owners.get(normalise_mention(mention.text), set())
            if len(owner) == 1:
                held.setdefault(next(iter(owner)), []).append(mention.text)
        if len(held) > 1:
            parts = " | ".join(f"{gold['entities'][i]['name']}: {texts}" for i, texts in held.items())
            lines.append(f"  FALSE MERGE {entity.name!r}: {parts}")
    return lines


def count_wrong_types(gold: dict, sheet) -> int:
    """Gold entities (not optional) whose matched predicted entity has another type."""
    types = {e.id: e.type for e in sheet.entities}
    return sum(match.entity_id is not None and types[match.entity_id] != gold_entity["type"]
               for gold_entity, match in zip(gold.get("entities", []), match_entities(gold, sheet))
               if not gold_entity.get("optional") and match.total)


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("gold", nargs="+", help="gold files (.json, .jsonl) or folders")
    parser.add_argument("--id", help="only articles whose id contains this")
    parser.add_argument("--totals", action="store_true", help="print only each file's totals")
    return parser.parse_args()


def sheets_with_entities(
        args: argparse.Namespace) -> Iterator[tuple[GoldFile, Iterator[tuple[GoldArticle, Parsed, FactSheet]]]]:
    """Each gold file with its articles (those `--id` picks), each parsed and with the entity stage run."""
    nlp = cached_model(DEFAULT_MODEL)
    for gold_file in (read_gold_file(path) for path in gold_paths(args.gold)):
        items = [item for item in gold_file.articles if not args.id or args.id in item.article.id]
        yield gold_file, ((item, parsed, with_entities(item, parsed))
                          for item, parsed in zip(items, parse_many((item.article for item in items), nlp)))


def print_errors(args: argparse.Namespace, articles: Iterator[tuple[GoldArticle, Parsed, FactSheet]],
                 run_stages: Callable[[Parsed, FactSheet], None], score: Callable[[dict, FactSheet], Any],
                 report: Callable[[dict, FactSheet], list[str]]) -> Any:
    """Each article's `report` lines under its id (none with --totals), after `run_stages` fills its sheet; returns
    the file's `score` counts summed, or None for a file of no article. For the scripts beside this one."""
    totals = None
    for item, parsed, sheet in articles:
        run_stages(parsed, sheet)
        counts = score(item.gold, sheet)
        totals = counts if totals is None else totals + counts
        lines = [] if args.totals else report(item.gold, sheet)
        if lines:
            print(f"\n=== {item.article.id}")
            print("\n".join(lines))
    return totals


def with_entities(item: GoldArticle, parsed: Parsed) -> FactSheet:
    sheet = empty_sheet(item.article)
    sheet.entities = find_entities(parsed, sheet)
    return sheet


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    for gold_file, articles in sheets_with_entities(args):
        totals, wrong_types = None, 0
        for item, _, sheet in articles:
            counts = score_entities(item.gold, sheet)
            totals = counts if totals is None else totals + counts
            wrong_types += count_wrong_types(item.gold, sheet)
            if not args.totals:
                print(f"\n=== {item.article.id}  found {counts.found}/{counts.gold}, mentions "
                      f"{counts.mentions_found}/{counts.mentions_gold}, false merges {counts.false_merges}")
                print("\n".join(report(item.gold, sheet)))
        if totals is not None:
            figures = totals.figures()
            print(f"## {gold_file.path}: found {figures['found']}/{figures['gold']}, mention recall "
                  f"{figures['mention_recall']}, false merges {figures['false_merges']}, "
                  f"predicted {figures['predicted']}, wrong types {wrong_types}/{figures['found']}")


if __name__ == "__main__":
    main()
