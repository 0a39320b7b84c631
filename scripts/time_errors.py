"""The times stage's errors against gold, one line each, and its figures per file.

    .venv/bin/python scripts/time_errors.py ../shared/data/times/te3-dev.jsonl [more gold files]
    .venv/bin/python scripts/time_errors.py GOLD --only wrong     # missed | extra | wrong | span

Only the times stage runs (it reads the parse and nothing the other stages write), and the parses are
cached in the system's temporary folder by a hash of the model and the text, so a second run after a
change to a rule takes seconds. Each line: the article, the kind of error, the gold expression and the
one found ("text"=value TYPE).
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
from pathlib import Path

from spacy.tokens import DocBin

from newsfacts.evaluate import TimeCounts, locate_spans, read_gold_file, same_value, score_times, split_optional
from newsfacts.nlp import DEFAULT_MODEL, Parsed, load_model
from newsfacts.sheet import empty_sheet
from newsfacts.times import find_times

CACHE = Path(tempfile.gettempdir()) / "newsfacts-parse-cache"


def parsed_articles(articles: list, model: str) -> list[Parsed]:
    nlp = load_model(model)
    key = hashlib.sha1((model + "\0".join(a.text for a in articles)).encode()).hexdigest()[:16]
    path = CACHE / f"{key}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(a.text for a in articles))
        CACHE.mkdir(exist_ok=True)
        DocBin(store_user_data=True, docs=docs).to_disk(path)
    return [Parsed(article, doc) for article, doc in zip(articles, docs)]


def shown(text: str, value: str, kind: str) -> str:
    return f"{text!r}={value} {kind}"


def errors(gold: dict, parsed: Parsed, times: list) -> list[tuple[str, str]]:
    """(kind, line) for every gold expression not found or found with another value or extent, and every
    expression found that no gold one overlaps."""
    text = parsed.text
    gold_times = gold.get("times", [])
    spans = locate_spans(text, gold_times)
    required, _ = split_optional(gold_times)
    used: set[int] = set()
    out = []
    for g, item in enumerate(gold_times):
        if spans[g] is None:
            continue
        start, end = spans[g]
        hits = [p for p, t in enumerate(times) if t.start < end and start < t.end]
        used.update(hits)
        label = shown(item["text"], item["value"], item["type"]) + (" (optional)" if g not in required else "")
        if not hits:
            if g in required:
                out.append(("missed", label))
            continue
        found = times[hits[0]]
        if not same_value(item["value"], found.value) or found.type != item["type"]:
            out.append(("wrong", f"{label} -> {shown(found.text, found.value, found.type)}"))
        elif (found.start, found.end) != (start, end):
            out.append(("span", f"{label} -> {found.text!r}"))
    for p, found in enumerate(times):
        if p not in used:
            out.append(("extra", shown(found.text, found.value, found.type)))
    return out


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("gold", nargs="+")
    options.add_argument("--only", choices=["missed", "extra", "wrong", "span"])
    options.add_argument("--model", default=DEFAULT_MODEL)
    args = options.parse_args()
    for name in args.gold:
        gold_file = read_gold_file(Path(name))
        items = gold_file.articles
        parsed = parsed_articles([item.article for item in items], args.model)
        total = TimeCounts()
        for item, article in zip(items, parsed):
            sheet = empty_sheet(article.article)
            sheet.times = find_times(article, sheet)
            total = total + score_times(item.gold, sheet)
            for kind, line in errors(item.gold, article, sheet.times):
                if args.only in (None, kind):
                    print(f"{item.article.id}\t{kind}\t{line}")
        figures = total.figures()
        print(f"== {name}: relaxed F1 {figures['f1_relaxed']:.3f}, strict F1 {figures['f1_strict']:.3f}, "
              f"value F1 {figures['value_f1']:.3f} ({figures['gold']} gold, {figures['predicted']} found)")


if __name__ == "__main__":
    main()
