"""Train the attribution model of the quotes stage on a gold JSON Lines file (PolNeAR train split).

    .venv/bin/pip install -e ".[train]"
    .venv/bin/python scripts/train_quote_model.py ../shared/data/quotes/polnear-train.jsonl
    .venv/bin/python scripts/train_quote_model.py ../shared/data/quotes/polnear-train.jsonl --acts

Every candidate the parse offers (`newsfacts.quotes.candidates`) is labelled an attribution when its content
covers more than 0.3 of a gold quote (the scoring rule) and its cue or speaker agrees with that quote; a
logistic regression over the candidates' features learns which are. The weights are written as plain JSON
(`src/newsfacts/data/quote_model.json`; with `--acts`, candidates that report acts too, for PolNeAR's wider
notion: `quote_model_acts.json`), so the stage needs neither scikit-learn nor pickle at run time.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import DocBin

from newsfacts.nlp import load_model
from newsfacts.quotes.candidates import Candidate, candidates
from newsfacts.quote_marks import quotations

DATA = Path(__file__).resolve().parents[1] / "src" / "newsfacts" / "data"
# Features seen fewer times than this are dropped: they would only memorise single articles.
MIN_FEATURE_COUNT = 3


def parsed_docs(articles: list[dict], cache: Path | None):
    nlp = load_model()
    if cache and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((article["text"] for article in articles), batch_size=32))
    if cache:
        bin_ = DocBin()
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


def is_attribution(candidate: Candidate, gold: list[dict]) -> bool:
    for quote in gold:
        length = quote["end"] - quote["start"]
        shared = min(candidate.end, quote["end"]) - max(candidate.start, quote["start"])
        if length <= 0 or shared <= 0.3 * length:
            continue
        cue_words = (quote.get("cue") or "").lower().split()
        if any(token.lower_ in cue_words for token in candidate.cue):
            return True
        speaker = candidate.speaker
        if speaker is not None and any(start < speaker.end_char and speaker.start_char < end
                                       for start, end in quote.get("speaker_spans") or []):
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold JSON Lines with quote offsets")
    parser.add_argument("--cache", type=Path, help="DocBin file to keep the parses in between runs")
    parser.add_argument("--acts", action="store_true",
                        help="also acts and stances PolNeAR counts ('praised the crews'): quote_model_acts.json")
    parser.add_argument("--output", type=Path, help="default: the package's quote_model.json or quote_model_acts.json")
    parser.add_argument("--regularisation", type=float, default=0.5, help="inverse L2 strength (C)")
    # F1 is flat for thresholds between 0.2 and 0.4; the middle keeps precision above recall.
    parser.add_argument("--threshold", type=float, default=0.35, help="probability at which a candidate is kept")
    args = parser.parse_args()
    output = args.output or DATA / ("quote_model_acts.json" if args.acts else "quote_model.json")

    articles = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = parsed_docs(articles, args.cache)
    rows, labels = [], []
    for article, doc in zip(articles, docs):
        for candidate in candidates(doc, article["text"], quotations(article["text"]), args.acts):
            label = is_attribution(candidate, article["quotes"])
            rows.append(candidate.features)
            labels.append(label)
    feature_counts = Counter(feature for row in rows for feature in set(row))
    kept = [{feature: 1 for feature in row if feature_counts[feature] >= MIN_FEATURE_COUNT} for row in rows]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(kept)
    model = LogisticRegression(C=args.regularisation, max_iter=2000)
    model.fit(matrix, labels)
    weights = {name: round(float(weight), 4)
               for name, weight in zip(vectoriser.get_feature_names_out(), model.coef_[0]) if abs(weight) >= 1e-3}
    result = {
        "_source": f"trained by scripts/train_quote_model.py{' --acts' if args.acts else ''} on {args.gold.name}: "
                   f"{len(rows)} candidates, "
                   f"{sum(labels)} attributions",
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": args.threshold,
        "weights": dict(sorted(weights.items())),
    }
    output.write_text(json.dumps(result, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} candidates, {sum(labels)} attributions, {len(weights)} weights -> {output}")


if __name__ == "__main__":
    main()
