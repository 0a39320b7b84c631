"""Train the entity type corrector of the entity stage (`newsfacts.entities.retype`) on gold files.

    .venv/bin/python scripts/train_types.py $(tr ' ' '\n' < /work/s8/entity-sets-d.txt | grep /work/unseen) \
        --rows /tmp/type-rows.json

The shipped model is trained so on our own writers' gold under /work/unseen/ (never on ../shared/data, which stays
the held-out measure, nor on a sealed folder). The entity stage runs on each gold article up to the corrector; each
entity that holds a gold entity's mentions is a row, labelled with that gold entity's type (FORMAT.md's types).
The gold entity is the one most of the entity's mention texts belong to, by FORMAT.md's comparison. A multinomial
logistic regression (written here in numpy over the sparse binary features, to need no scikit-learn) learns the
weights, written as JSON to `src/newsfacts/data/type_model.json`. Features seen in fewer than MIN_FILES gold
files are dropped: they would only memorise one article, or one story's names told by several outlets; so are
names no training text writes in lower case and no gazetteer knows (our writers' made-up towns and people).

`--rows` keeps the extracted rows between runs; `--exclude` leaves out the rows of gold files whose path holds the
text given; `--folds` prints, for each folder left out in turn (and for `--test` files never trained on), how many
types the corrector would fix and break there at the shipped threshold and margin.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

import newsfacts.entities as entity_stage
from newsfacts.entities.places import is_known_place
from newsfacts.entities.retype import TYPES, cluster_features, confident_type, retypable, type_probabilities
from newsfacts.evaluate import gold_mention_sets, gold_paths, normalise_mention, read_gold_file
from newsfacts.nlp import DEFAULT_MODEL, cached_model, parse_many
from newsfacts.sheet import empty_sheet

DATA = Path(__file__).resolve().parents[1] / "src" / "newsfacts" / "data"
MIN_FILES = 3
# Chosen for precision on the folders left out: a wrong retype costs what a right one gains.
THRESHOLD = 0.7
MARGIN = 0.3
REGULARISATION = 3.0


def gold_owners(gold: dict) -> dict[str, set[int]]:
    owners: dict[str, set[int]] = {}
    for index, entity in enumerate(gold.get("entities", [])):
        for alternatives in gold_mention_sets(entity):
            for text in alternatives:
                owners.setdefault(text, set()).add(index)
    return owners


def gold_entity_of(doc, cluster, owners: dict[str, set[int]]) -> int | None:
    """The gold entity most of the cluster's mentions belong to (by text), None when none does."""
    counts = Counter(next(iter(owner)) for start, end, _ in cluster.mentions
                     if len(owner := owners.get(normalise_mention(doc[start:end].text), set())) == 1)
    return counts.most_common(1)[0][0] if counts else None


def article_rows(doc, clusters, gold: dict) -> list[tuple[list[str], str, str, str]]:
    """(features, gold type, current type, the entity's first mention to read the errors) for each named entity
    gold holds."""
    owners = gold_owners(gold)
    rows = []
    for cluster in clusters:
        if not retypable(cluster):
            continue
        index = gold_entity_of(doc, cluster, owners)
        if index is None or gold["entities"][index].get("type") not in TYPES:
            continue
        start, end, _ = min(cluster.mentions)
        rows.append((cluster_features(doc, cluster), gold["entities"][index]["type"], cluster.type, doc[start:end].text))
    return rows


def extract(paths: list[str]) -> list[dict]:
    """One record per article: its gold file, its rows."""
    captured: list = []
    corrector = entity_stage.retype_clusters
    entity_stage.retype_clusters = lambda doc, clusters: captured.append((doc, clusters))  # stop at the corrector
    nlp = cached_model(DEFAULT_MODEL)
    records = []
    try:
        for path in gold_paths(paths):
            gold_file = read_gold_file(path)
            articles = (item.article for item in gold_file.articles)
            for item, parsed in zip(gold_file.articles, parse_many(articles, nlp)):
                captured.clear()
                entity_stage.find_entities(parsed, empty_sheet(item.article))
                doc, clusters = captured[0]
                records.append({"file": str(path), "id": item.article.id,
                                "rows": article_rows(doc, clusters, item.gold),
                                "lower": sorted({t.lower_ for t in doc if t.is_lower and t.is_alpha})})
    finally:
        entity_stage.retype_clusters = corrector
    return records


def fit(rows: list[tuple[list[str], str]], regularisation: float, steps: int = 600) -> tuple[list[float], dict]:
    """Multinomial logistic regression with an L2 penalty, by gradient descent with Adam's step sizes."""
    names = sorted({feature for features, _ in rows for feature in features})
    column = {name: index for index, name in enumerate(names)}
    row_index = np.array([r for r, (features, _) in enumerate(rows) for _ in features], dtype=int)
    col_index = np.array([column[f] for features, _ in rows for f in features], dtype=int)
    labels = np.zeros((len(rows), len(TYPES)))
    labels[np.arange(len(rows)), [TYPES.index(label) for _, label in rows]] = 1
    weights = np.zeros((len(names) + 1, len(TYPES)))  # the last row is the bias
    moment, square = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        scores = np.stack([np.bincount(row_index, weights=weights[col_index, k], minlength=len(rows))
                           for k in range(len(TYPES))], axis=1) + weights[-1]
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        error = probabilities - labels
        gradient = np.vstack([
            np.stack([np.bincount(col_index, weights=error[row_index, k], minlength=len(names))
                      for k in range(len(TYPES))], axis=1),
            error.sum(axis=0)])
        gradient /= len(rows)
        gradient[:-1] += regularisation * weights[:-1] / len(rows)
        moment = 0.9 * moment + 0.1 * gradient
        square = 0.999 * square + 0.001 * gradient ** 2
        weights -= 0.05 * (moment / (1 - 0.9 ** step)) / (np.sqrt(square / (1 - 0.999 ** step)) + 1e-8)
    return [float(w) for w in weights[-1]], {name: [float(w) for w in weights[i]] for i, name in enumerate(names)}


def train(records: list[dict], regularisation: float, threshold: float, margin: float,
          min_files: int = MIN_FILES) -> dict:
    in_files: dict[str, set[str]] = {}
    for record in records:
        for features, *_ in record["rows"]:
            for feature in features:
                in_files.setdefault(feature, set()).add(record["file"])
    known = {word for record in records for word in record["lower"]} | TABLE_WORDS
    rows = [([f for f in features if len(in_files[f]) >= min_files and common_word(f, known)], label)
            for record in records for features, label, *_ in record["rows"]]
    bias, weights = fit(rows, regularisation)
    files = sorted({"/".join(Path(r["file"]).parts[-3:]) for r in records})
    return {
        "_source": f"trained by scripts/train_types.py on {len(records)} articles of {', '.join(files)}: "
                   f"{len(rows)} entities; weights in the order of 'types'",
        "types": list(TYPES),
        "threshold": threshold,
        "margin": margin,
        "bias": [round(w, 4) for w in bias],
        "weights": {name: [round(w, 4) for w in ws] for name, ws in sorted(weights.items())
                    if max(abs(w) for w in ws) >= 1e-3},
    }


def common_word(feature: str, known: set[str]) -> bool:
    """Whether a feature's word ('head=hospital', 'first=kelsby') is one of English, written in lower case in the
    training texts, or a place the gazetteer knows: the names our writers made up ('head=brackwell') would only
    memorise their stories."""
    name, _, word = feature.partition("=")
    return name not in NAME_WORD_FEATURES or not word.isalpha() or word in known or is_known_place(word)


# The features whose value is a word of the entity's own name.
NAME_WORD_FEATURES = {"first", "head"}


def _table_words(value) -> set[str]:
    if isinstance(value, str):
        return set(re.findall(r"[a-záéíóúü]+", value.lower()))
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return {word for item in items for word in _table_words(item)}


# The words of the package's own word tables ('herald', 'cllr', 'ventures'): English the model may weigh.
TABLE_WORDS = {word for path in DATA.glob("*.json") if not path.name.endswith("_model.json")
               for word in _table_words(json.loads(path.read_text(encoding="utf-8")))}


def model_json(model: dict) -> str:
    """The model as JSON, a feature's weights on one line (the file is read by people too)."""
    head = {key: value for key, value in model.items() if key != "weights"}
    lines = [f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in head.items()]
    weights = ",\n".join(f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(ws)}"
                          for name, ws in model["weights"].items())
    return "{\n" + ",\n".join(lines) + ',\n"weights": {\n' + weights + "\n}\n}\n"


def retyped(features: list[str], current: str, model: dict) -> str:
    return confident_type(type_probabilities(features, model), current, model["threshold"], model["margin"])


def changes(records: list[dict], model: dict, show: bool = False) -> tuple[int, int, int, int, int]:
    """(entities, wrong before, fixed, broken, changed from one wrong type to another)."""
    total = wrong = fixed = broken = other = 0
    for record in records:
        for features, label, current, text in record["rows"]:
            new = retyped(features, current, model)
            total += 1
            wrong += current != label
            fixed += current != label and new == label
            broken += current == label and new != label
            other += current != label and new not in {label, current}
            if show and new != current:
                print(f"    {'FIX' if new == label else 'BAD'} {text!r} {current} -> {new} (gold {label})")
    return total, wrong, fixed, broken, other


def folder_of(path: str) -> str:
    parts = Path(path).parts
    return next((part for part in parts if part.startswith("round")), parts[-2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", help="gold files (.json, .jsonl) or folders")
    parser.add_argument("--rows", type=Path, help="JSON file keeping the extracted rows between runs")
    parser.add_argument("--exclude", action="append", default=[], help="leave out gold files whose path holds this")
    parser.add_argument("--output", type=Path, default=DATA / "type_model.json")
    parser.add_argument("--regularisation", type=float, default=REGULARISATION, help="L2 strength")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--margin", type=float, default=MARGIN)
    parser.add_argument("--folds", action="store_true", help="leave each folder out in turn; write nothing")
    parser.add_argument("--test", nargs="*", default=[], help="gold files to score the trained model on (--folds)")
    parser.add_argument("--test-rows", type=Path, help="JSON file keeping the --test rows between runs")
    parser.add_argument("--show", action="store_true", help="with --folds, print each entity retyped")
    args = parser.parse_args()
    records = load(args.gold, args.rows)
    records = [r for r in records if not any(text in r["file"] for text in args.exclude)]
    if not args.folds:
        model = train(records, args.regularisation, args.threshold, args.margin)
        args.output.write_text(model_json(model), encoding="utf-8")
        print(f"{len(records)} articles, {sum(len(r['rows']) for r in records)} entities -> {args.output}")
        return
    print("fold: entities, wrong types before, fixed, broken, wrong to other wrong")
    held_out = []
    for folder in sorted({folder_of(r["file"]) for r in records}):
        model = train([r for r in records if folder_of(r["file"]) != folder], args.regularisation, args.threshold,
                      args.margin)
        print(folder, changes([r for r in records if folder_of(r["file"]) == folder], model, args.show))
        held_out += [(type_probabilities(features, model), label, current)
                     for r in records if folder_of(r["file"]) == folder for features, label, current, _ in r["rows"]]
    print("all folds, fixed - broken (fixed/broken) by threshold (rows) and margin (columns):")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        cells = []
        for margin in (0.1, 0.3, 0.5, 0.7, 0.9):
            fixed = broken = 0
            for probabilities, label, current in held_out:
                best = confident_type(probabilities, current, threshold, margin)
                if best != current:
                    fixed += best == label
                    broken += current == label
            cells.append(f"{fixed - broken:4d} ({fixed}/{broken})")
        print(f"{threshold:4}", " ".join(cells))
    if args.test:
        model = train(records, args.regularisation, args.threshold, args.margin)
        tests = load(args.test, args.test_rows)
        for path in sorted({r["file"] for r in tests}):
            print(path, changes([r for r in tests if r["file"] == path], model, args.show))


def load(paths: list[str], rows: Path | None) -> list[dict]:
    if rows and rows.exists():
        return json.loads(rows.read_text(encoding="utf-8"))
    records = extract(paths)
    if rows:
        rows.write_text(json.dumps(records), encoding="utf-8")
    return records


if __name__ == "__main__":
    main()
