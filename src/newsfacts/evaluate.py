"""Scoring fact sheets against gold files, with the rules of the gold FORMAT.md.

Reading gold files, running the pipeline and scoring are kept apart: each `score_*` function is pure,
takes one gold article (a dict in the gold format) and the predicted `FactSheet`, and returns counts.
Counts add up over articles, and figures (precision, recall, F1, accuracies) are computed from the sums.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .ingest import IngestError, check_date, check_time, metadata_field
from .render.text import counted
from .schema import Article, Check, ErrorRecord, FactSheet, Quote
from .sheet import empty_sheet

SECTIONS = ("quotes", "times", "entities", "relations", "checks")
QUOTE_THRESHOLDS = (0.3, 0.8)
GOLD_SUFFIXES = {".json", ".jsonl"}
# Relations that read the same both ways round, so either direction matches.
SYMMETRIC_RELATIONS = {"sibling_of", "spouse_of"}
# Relation kinds stated as the reverse of another: child_of(a, b) is parent_of(b, a).
REVERSED_RELATIONS = {"child_of": "parent_of"}
# Typographic quotes and apostrophes folded to their ASCII forms before mention strings are compared.
QUOTE_FOLDING = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                               "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})
LEADING_THE = re.compile(r"^the\s+")


class GoldError(ValueError):
    """A gold file or record that cannot be read; the message names it in one line."""


# ---------------------------------------------------------------- counts and figures


class Counts:
    """Integer counts of one section; adding two sums them field by field."""

    def __add__(self, other: Counts) -> Counts:
        return type(self)(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def figures(self) -> dict[str, Any]:
        raise NotImplementedError


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def rounded(value: float) -> float:
    return round(value, 4)


@dataclass
class QuoteCounts(Counts):
    gold: int = 0
    predicted_03: int = 0
    predicted_08: int = 0
    matched_03: int = 0
    matched_08: int = 0
    speaker_scored: int = 0
    speaker_correct: int = 0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for tag, matched, predicted in (("0.3", self.matched_03, self.predicted_03),
                                        ("0.8", self.matched_08, self.predicted_08)):
            precision, recall = ratio(matched, predicted), ratio(matched, self.gold)
            out |= {f"precision_{tag}": rounded(precision), f"recall_{tag}": rounded(recall),
                    f"f1_{tag}": rounded(f1(precision, recall))}
        return out | {
            "speaker_accuracy": rounded(ratio(self.speaker_correct, self.speaker_scored)),
            "speaker_correct": self.speaker_correct,
            "speaker_scored": self.speaker_scored,
            "matched": self.matched_03,
            "matched_0.8": self.matched_08,
            "gold": self.gold,
            "predicted": self.predicted_03,
        }


@dataclass
class TimeCounts(Counts):
    gold: int = 0
    predicted: int = 0
    strict_matched: int = 0
    relaxed_matched: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for tag, matched in (("strict", self.strict_matched), ("relaxed", self.relaxed_matched)):
            precision, recall = ratio(matched, self.predicted), ratio(matched, self.gold)
            out |= {f"precision_{tag}": rounded(precision), f"recall_{tag}": rounded(recall),
                    f"f1_{tag}": rounded(f1(precision, recall))}
        value_accuracy = ratio(self.value_correct, self.relaxed_matched)
        return out | {
            "type_accuracy": rounded(ratio(self.type_correct, self.relaxed_matched)),
            "value_accuracy": rounded(value_accuracy),
            # TempEval-3: value F1 is the relaxed extent F1 scaled by the value accuracy.
            "value_f1": rounded(out["f1_relaxed"] * value_accuracy),
            "strict_matched": self.strict_matched,
            "relaxed_matched": self.relaxed_matched,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class EntityCounts(Counts):
    gold: int = 0
    found: int = 0
    mentions_gold: int = 0
    mentions_found: int = 0
    recall_sum: float = 0.0
    false_merges: int = 0
    predicted: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "gold": self.gold,
            "mean_mention_recall": rounded(ratio(self.recall_sum, self.gold)),
            "mention_recall": rounded(ratio(self.mentions_found, self.mentions_gold)),
            "mentions_found": self.mentions_found,
            "mentions_gold": self.mentions_gold,
            "false_merges": self.false_merges,
            "predicted": self.predicted,
        }


@dataclass
class MatchCounts(Counts):
    """Relations and checks: gold items found, and predicted items that match no gold one."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    unmatched_predicted: int = 0

    def figures(self) -> dict[str, Any]:
        precision, recall = ratio(self.predicted - self.unmatched_predicted, self.predicted), ratio(self.found, self.gold)
        return {
            "found": self.found,
            "gold": self.gold,
            "predicted": self.predicted,
            "unmatched_predicted": self.unmatched_predicted,
            "precision": rounded(precision),
            "recall": rounded(recall),
            "f1": rounded(f1(precision, recall)),
        }


@dataclass
class CheckCounts(MatchCounts):
    """Checks: as relations, and the predicted `inconsistent` checks that cover no gold check (false alarms),
    each named by its article and working so a reader can look at it."""

    false_alarms: int = 0
    alarms: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return super().figures() | {"false_alarms": self.false_alarms, "alarms": self.alarms}


# ---------------------------------------------------------------- shared helpers


def normalise_mention(text: str) -> str:
    """Mention strings as FORMAT.md compares them: case, typographic quotes, spacing and a leading "the" ignored."""
    folded = " ".join(text.translate(QUOTE_FOLDING).casefold().split())
    return LEADING_THE.sub("", folded)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(scored: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one gold→predicted pairs, taking the best-scoring (score, gold, predicted) pair first."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gold, predicted in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if gold not in pairs and predicted not in taken:
            pairs[gold] = predicted
            taken.add(predicted)
    return pairs


def locate_spans(text: str, items: list[dict]) -> list[tuple[int, int] | None]:
    """Character spans of gold items: their offsets, or else their text found in the article.

    A text that occurs several times takes the first occurrence not yet used by an earlier item.
    """
    used: set[tuple[int, int]] = set()
    spans: list[tuple[int, int] | None] = []
    for item in items:
        if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
            spans.append((item["start"], item["end"]))
            used.add(spans[-1])
            continue
        span = first_unused(text, item.get("text") or "", used)
        if span is not None:
            used.add(span)
        spans.append(span)
    return spans


def first_unused(text: str, needle: str, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The first occurrence of `needle` not in `used`, preferring whole words ("May" not inside "Mayor")."""
    if not needle:
        return None
    escaped = re.escape(needle)
    for pattern in (rf"(?<!\w){escaped}(?!\w)", escaped):
        for found in re.finditer(pattern, text):
            if found.span() not in used:
                return found.span()
    return None


def split_optional(items: list[dict]) -> tuple[list[int], list[int]]:
    """Indices of the required and of the optional gold items."""
    required = [i for i, item in enumerate(items) if not item.get("optional")]
    optional = [i for i, item in enumerate(items) if item.get("optional")]
    return required, optional


def gold_mention_sets(entity: dict) -> list[set[str]]:
    """Each gold mention as the set of its normalised alternatives."""
    mentions = []
    for mention in entity.get("mentions", []):
        alternatives = mention if isinstance(mention, list) else [mention]
        mentions.append({normalise_mention(text) for text in alternatives if isinstance(text, str)})
    return mentions


# ---------------------------------------------------------------- quotes


def quote_matches(gold_spans: list[tuple[int, int] | None], predicted: list[tuple[int, int]],
                  required: list[int], optional: list[int], threshold: float) -> tuple[dict[int, int], int]:
    """Matches of the required gold quotes, and how many predictions count.

    Predictions left over that match an optional gold quote do not count as predicted.
    """
    everything = set(range(len(predicted)))
    matched = quote_pairs(gold_spans, predicted, required, everything, threshold)
    excused = quote_pairs(gold_spans, predicted, optional, everything - set(matched.values()), threshold)
    return matched, len(predicted) - len(excused)


def quote_pairs(gold_spans: list[tuple[int, int] | None], predicted: list[tuple[int, int]],
                gold_indices: list[int], free: set[int], threshold: float) -> dict[int, int]:
    """Greedy one-to-one pairs where shared characters exceed `threshold` of the gold quote's length."""
    scored = []
    for g in gold_indices:
        span = gold_spans[g]
        if span is None or span[1] <= span[0]:
            continue
        for p in free:
            share = overlap(span, predicted[p]) / (span[1] - span[0])
            if share > threshold:
                scored.append((share, g, p))
    return greedy_pairs(scored)


def speaker_correct(gold_quote: dict, predicted: Quote, gold: dict, sheet: FactSheet) -> bool:
    entity = next((e for e in sheet.entities if e.id == predicted.speaker), None) if predicted.speaker else None
    if gold_quote.get("source") == "anonymous" and predicted.source == "anonymous":
        return True
    spans = [tuple(span) for span in gold_quote.get("speaker_spans") or []]
    if spans:
        predicted_spans = [(m.start, m.end) for m in entity.mentions] if entity else []
        if predicted.speaker_mention:
            predicted_spans.append((predicted.speaker_mention.start, predicted.speaker_mention.end))
        return any(overlap(a, b) > 0 for a in predicted_spans for b in spans)
    if entity is None:
        return False
    speaker = gold_quote["speaker"]
    gold_names = {normalise_mention(speaker)}
    for gold_entity in gold.get("entities", []):
        if normalise_mention(gold_entity.get("name", "")) == normalise_mention(speaker):
            gold_names |= set().union(*gold_mention_sets(gold_entity))
    predicted_names = {normalise_mention(entity.name)} | {normalise_mention(m.text) for m in entity.mentions}
    return bool(gold_names & predicted_names)


def score_quotes(gold: dict, sheet: FactSheet) -> QuoteCounts:
    gold_quotes = gold.get("quotes", [])
    gold_spans = locate_spans(sheet.text, gold_quotes)
    predicted = [(q.start, q.end) for q in sheet.quotes]
    required, optional = split_optional(gold_quotes)
    loose, strict = (quote_matches(gold_spans, predicted, required, optional, threshold)
                     for threshold in QUOTE_THRESHOLDS)
    counts = QuoteCounts(gold=len(required), predicted_03=loose[1], predicted_08=strict[1],
                         matched_03=len(loose[0]), matched_08=len(strict[0]))
    for g, p in loose[0].items():
        if gold_quotes[g].get("speaker") is not None:
            counts.speaker_scored += 1
            counts.speaker_correct += speaker_correct(gold_quotes[g], sheet.quotes[p], gold, sheet)
    return counts


# ---------------------------------------------------------------- times


def relaxed_matches(gold_spans: list[tuple[int, int] | None], predicted: list[tuple[int, int]],
                    gold_indices: list[int], free: set[int]) -> dict[int, int]:
    scored = [(overlap(gold_spans[g], predicted[p]), g, p)
              for g in gold_indices if gold_spans[g] is not None for p in free]
    return greedy_pairs(item for item in scored if item[0] > 0)


# FORMAT.md: a duration in decades or centuries equals the same in years ("P1DE" = "P10Y").
YEARS_IN = {"DE": 10, "CE": 100}
LONG_DURATION = re.compile(r"^P(\d+)(DE|CE)$")


def same_value(gold_value: str | None, value: str) -> bool:
    def in_years(text: str | None) -> str | None:
        match = LONG_DURATION.match(text or "")
        return f"P{int(match[1]) * YEARS_IN[match[2]]}Y" if match else text

    return in_years(gold_value) == in_years(value)


def score_times(gold: dict, sheet: FactSheet) -> TimeCounts:
    gold_times = gold.get("times", [])
    gold_spans = locate_spans(sheet.text, gold_times)
    predicted = [(t.start, t.end) for t in sheet.times]
    required, optional = split_optional(gold_times)
    everything = set(range(len(predicted)))
    relaxed = relaxed_matches(gold_spans, predicted, required, everything)
    excused = set(relaxed_matches(gold_spans, predicted, optional, everything - set(relaxed.values())).values())
    counted = everything - excused
    strict = greedy_pairs((1, g, p) for g in required for p in counted if gold_spans[g] == predicted[p])
    return TimeCounts(
        gold=len(required),
        predicted=len(counted),
        strict_matched=len(strict),
        relaxed_matched=len(relaxed),
        type_correct=sum(gold_times[g].get("type") == sheet.times[p].type for g, p in relaxed.items()),
        value_correct=sum(same_value(gold_times[g].get("value"), sheet.times[p].value) for g, p in relaxed.items()),
    )


# ---------------------------------------------------------------- entities


@dataclass
class EntityMatch:
    """A gold entity's best predicted entity and how many of its gold mentions that one holds."""

    entity_id: str | None
    held: int
    total: int


def match_entities(gold: dict, sheet: FactSheet) -> list[EntityMatch]:
    """For each gold entity (in order), the predicted entity holding most of its gold mentions."""
    predicted = [(e.id, {normalise_mention(m.text) for m in e.mentions}) for e in sheet.entities]
    matches = []
    for gold_entity in gold.get("entities", []):
        mentions = gold_mention_sets(gold_entity)
        best = EntityMatch(None, 0, len(mentions))
        for entity_id, texts in predicted:
            held = sum(bool(alternatives & texts) for alternatives in mentions)
            if held > best.held:
                best = EntityMatch(entity_id, held, len(mentions))
        matches.append(best)
    return matches


def count_false_merges(gold: dict, sheet: FactSheet) -> int:
    """Predicted entities holding mentions of two gold entities.

    A string that is a gold mention of several gold entities tells them apart from nothing, so only
    strings belonging to a single gold entity are evidence of a merge.
    """
    owners: dict[str, set[int]] = {}
    for index, gold_entity in enumerate(gold.get("entities", [])):
        for alternatives in gold_mention_sets(gold_entity):
            for text in alternatives:
                owners.setdefault(text, set()).add(index)
    merges = 0
    for entity in sheet.entities:
        held = set()
        for mention in entity.mentions:
            owner = owners.get(normalise_mention(mention.text), set())
            if len(owner) == 1:
                held |= owner
        merges += len(held) > 1
    return merges


def score_entities(gold: dict, sheet: FactSheet) -> EntityCounts:
    counts = EntityCounts(false_merges=count_false_merges(gold, sheet), predicted=len(sheet.entities))
    for gold_entity, match in zip(gold.get("entities", []), match_entities(gold, sheet)):
        if gold_entity.get("optional") or match.total == 0:
            continue
        counts.gold += 1
        counts.found += match.held > 0
        counts.mentions_gold += match.total
        counts.mentions_found += match.held
        counts.recall_sum += match.held / match.total
    return counts


# ---------------------------------------------------------------- relations


def relation_key(subject: str | None, relation: str, obj: str | None) -> frozenset | tuple:
    """A comparable form: child_of turned into the reverse parent_of, symmetric kinds unordered."""
    if relation in REVERSED_RELATIONS:
        subject, relation, obj = obj, REVERSED_RELATIONS[relation], subject
    if relation in SYMMETRIC_RELATIONS:
        return frozenset({relation, frozenset({subject, obj})})
    return (subject, relation, obj)


def score_relations(gold: dict, sheet: FactSheet) -> MatchCounts:
    entity_by_name = {
        normalise_mention(gold_entity.get("name", "")): match.entity_id
        for gold_entity, match in zip(gold.get("entities", []), match_entities(gold, sheet))
    }
    gold_relations = gold.get("relations", [])
    gold_keys = []
    for relation in gold_relations:
        subject = entity_by_name.get(normalise_mention(relation.get("subject", "")))
        obj = entity_by_name.get(normalise_mention(relation.get("object", "")))
        gold_keys.append(relation_key(subject, relation.get("relation", ""), obj) if subject and obj else None)
    predicted_keys = [relation_key(r.subject, r.relation, r.object) for r in sheet.relations]
    return match_items(gold_relations, gold_keys, predicted_keys,
                       lambda gold_key, predicted_key: gold_key is not None and gold_key == predicted_key)


def match_items(gold_items: list[dict], gold_keys: list, predicted_keys: list,
                same: Callable[[Any, Any], bool]) -> MatchCounts:
    """Greedy one-to-one matching in order; predicted items matching optional gold are not counted."""
    required, optional = split_optional(gold_items)
    free = list(range(len(predicted_keys)))
    found = 0
    for group in (required, optional):
        for g in group:
            p = next((p for p in free if same(gold_keys[g], predicted_keys[p])), None)
            if p is None:
                continue
            free.remove(p)
            if group is required:
                found += 1
    excused = len(predicted_keys) - len(free) - found
    return MatchCounts(gold=len(required), found=found, predicted=len(predicted_keys) - excused,
                       unmatched_predicted=len(free))


# ---------------------------------------------------------------- checks


# A predicted `about` text shorter than the gold one must be at least this share of it ("12 crew" covers
# "12 crew members", "12" does not cover "12 crew members").
COVER_SHARE = 0.4


def covers(predicted: str, gold: str) -> bool:
    """FORMAT.md: the predicted item holds the gold one, or the gold one holds it and it is at least 0.4 of
    the gold one's length (case-insensitive)."""
    predicted, gold = predicted.casefold(), gold.casefold()
    return gold in predicted or (predicted in gold and len(predicted) >= COVER_SHARE * len(gold))


def check_mentions(gold_check: dict, predicted: Check) -> bool:
    """Same kind and status, and every gold `about` item covered by one of the predicted `about` items."""
    if gold_check.get("kind") != predicted.kind or gold_check.get("status") != predicted.status:
        return False
    predicted_about = [normalise_mention(text) for text in predicted.about]
    return all(any(covers(about, normalise_mention(text)) for about in predicted_about)
               for text in gold_check.get("about", []))


def score_checks(gold: dict, sheet: FactSheet) -> CheckCounts:
    gold_checks = gold.get("checks", [])
    counts = match_items(gold_checks, gold_checks, sheet.checks, check_mentions)
    alarms = [f"{sheet.id}: {check.working or ', '.join(check.about)}" for check in sheet.checks
              if check.status == "inconsistent" and not any(check_mentions(g, check) for g in gold_checks)]
    return CheckCounts(**{f.name: getattr(counts, f.name) for f in fields(counts)},
                       false_alarms=len(alarms), alarms=alarms)


SCORERS: dict[str, Callable[[dict, FactSheet], Counts]] = {
    "quotes": score_quotes,
    "times": score_times,
    "entities": score_entities,
    "relations": score_relations,
    "checks": score_checks,
}
EMPTY_COUNTS: dict[str, Callable[[], Counts]] = {
    "quotes": QuoteCounts, "times": TimeCounts, "entities": EntityCounts,
    "relations": MatchCounts, "checks": CheckCounts,
}


# ---------------------------------------------------------------- reading gold files


@dataclass
class GoldArticle:
    gold: dict
    article: Article


@dataclass
class GoldFile:
    path: str
    articles: list[GoldArticle] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def gold_paths(names: list[str]) -> list[Path]:
    """The gold files named: files as given, folders expanded to the .json/.jsonl files inside."""
    paths = []
    for name in names:
        path = Path(name)
        if not path.exists():
            raise GoldError(f"{path}: no such file or folder")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in GOLD_SUFFIXES and p.is_file())
            if not inside:
                raise GoldError(f"{path}: the folder holds no .json or .jsonl gold files")
            paths.extend(inside)
        else:
            paths.append(path)
    return paths


def gold_article(record: Any, path: Path, where: str) -> GoldArticle:
    if not isinstance(record, dict):
        raise GoldError(f"{where}: a gold article must be a JSON object")
    article_id = str(record.get("id") or where)
    text = record.get("text")
    if not isinstance(text, str):
        text_file = record.get("text_file")
        if not isinstance(text_file, str):
            raise GoldError(f"{where}: the gold article has no `text` or `text_file`")
        try:
            # Bytes decoded as they are: text mode would turn CRLF into LF and shift every offset.
            text = (path.parent / text_file).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise GoldError(f"{where}: cannot read text_file {text_file} ({error})") from None
    try:
        published = check_date(record.get("published"))
        published_at = check_time(record.get("published_time"))
    except IngestError as error:
        raise GoldError(f"{where}: {error}") from None
    return GoldArticle(record, Article(id=article_id, text=text, published=published, published_at=published_at,
                                       title=record.get("title"), source=str(path),
                                       outlet=metadata_field(record.get("outlet"))))


def read_gold_file(path: Path, limit: int | None = None) -> GoldFile:
    """The gold articles of one file; unreadable records become error lines, the rest are kept."""
    gold_file = GoldFile(str(path))
    try:
        content = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        gold_file.errors.append(f"{path}: cannot be read ({error})")
        return gold_file
    if path.suffix.lower() == ".jsonl":
        # Split on newlines only: str.splitlines would also cut at U+2028, which JSON strings may hold raw.
        lines = [(f"{path}:{n}", line) for n, line in enumerate(content.split("\n"), start=1) if line.strip()]
    else:
        lines = [(str(path), content)]
    for where, line in lines:
        if limit is not None and len(gold_file.articles) >= limit:
            break
        try:
            gold_file.articles.append(gold_article(json.loads(line), path, where))
        except json.JSONDecodeError as error:
            gold_file.errors.append(f"{where}: not JSON ({error.msg})")
        except GoldError as error:
            gold_file.errors.append(str(error))
    return gold_file


# ---------------------------------------------------------------- running and reporting


@dataclass
class FileScore:
    articles: int = 0
    failed: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {name: EMPTY_COUNTS[name]() for name in SECTIONS})
    has_gold: dict[str, bool] = field(default_factory=lambda: {name: False for name in SECTIONS})

    def add(self, gold: dict, sheet: FactSheet) -> None:
        self.articles += 1
        for name in SECTIONS:
            self.has_gold[name] |= name in gold
            self.counts[name] = self.counts[name] + SCORERS[name](gold, sheet)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "failed": self.failed}
        for name in SECTIONS:
            out[name] = self.counts[name].figures() if self.has_gold[name] else None
        return out


def score_files(
    gold_files: list[GoldFile],
    run: Callable[[Iterable[Article]], Iterator[FactSheet | ErrorRecord]],
    on_error: Callable[[str], None] = lambda message: None,
    on_article: Callable[[], None] = lambda: None,
) -> dict[str, FileScore]:
    """Run the pipeline (`run`, e.g. `extract_many` bound to a model) over every gold article and score it.

    An article the pipeline fails on is scored as an empty sheet, so its gold still counts as missed.
    """
    scores = {gold_file.path: FileScore() for gold_file in gold_files}
    jobs = [(gold_file.path, item) for gold_file in gold_files for item in gold_file.articles]
    results = run(item.article for _, item in jobs)
    for (path, item), result in zip(jobs, results):
        if isinstance(result, ErrorRecord):
            on_error(f"{item.article.id}: {result.error}")
            scores[path].failed += 1
            result = empty_sheet(item.article)
        scores[path].add(item.gold, result)
        on_article()
    return scores


def as_json(scores: dict[str, FileScore]) -> dict[str, Any]:
    return {"files": {path: score.figures() for path, score in scores.items()}}


# The figures each section's table shows, in order, with their column headings.
TABLE_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "quotes": [("precision_0.3", "P@.3"), ("recall_0.3", "R@.3"), ("f1_0.3", "F1@.3"), ("f1_0.8", "F1@.8"),
               ("speaker_accuracy", "speaker acc"), ("matched", "matched"), ("gold", "gold"),
               ("predicted", "predicted")],
    "times": [("f1_strict", "strict F1"), ("precision_relaxed", "relaxed P"), ("recall_relaxed", "relaxed R"),
              ("f1_relaxed", "relaxed F1"), ("type_accuracy", "type acc"), ("value_accuracy", "value acc"),
              ("value_f1", "value F1"), ("gold", "gold"), ("predicted", "predicted")],
    "entities": [("found", "found"), ("gold", "gold"), ("mean_mention_recall", "mean mention R"),
                 ("mention_recall", "mention R"), ("false_merges", "false merges"), ("predicted", "predicted")],
    "relations": [("found", "found"), ("gold", "gold"), ("recall", "R"), ("precision", "P"),
                  ("unmatched_predicted", "unmatched predicted"), ("predicted", "predicted")],
    "checks": [("found", "found"), ("gold", "gold"), ("recall", "R"), ("precision", "P"),
               ("false_alarms", "false alarms"), ("unmatched_predicted", "unmatched predicted"),
               ("predicted", "predicted")],
}


def format_figure(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def report(scores: dict[str, FileScore]) -> Group:
    """Per gold file, one compact table per section (or "no gold")."""
    parts: list[Any] = []
    for path, score in scores.items():
        figures = score.figures()
        failed = (f", {score.failed} failed", "red") if score.failed else ""
        parts.append(Text.assemble("\n", (path, "bold"), f"  ({counted(score.articles, 'article')}", failed, ")"))
        for name in SECTIONS:
            section = figures[name]
            if section is None:
                parts.append(Text.from_markup(f"  [bold]{name}[/]: [dim]no gold[/]"))
                continue
            table = Table(title=name, title_justify="left", title_style="bold", box=None, padding=(0, 1))
            for _, heading in TABLE_COLUMNS[name]:
                table.add_column(heading, justify="right")
            table.add_row(*(format_figure(section[key]) for key, _ in TABLE_COLUMNS[name]))
            parts.append(table)
            parts.extend(Text.assemble("  false alarm ", (alarm, "red")) for alarm in section.get("alarms", []))
    return Group(*parts)
