"""A story sheet scored against a cross-outlet gold file (`*.facts.json`, see the stories data README).

Everything is matched by article and character span: a predicted value, quote variant or citation stands
for a gold one when it lies in the same article and overlaps the gold span.

- disagreements: a gold disagreement that outlets' values cannot both hold (classes `real_contradiction`
  and `change_over_time`) is found when one predicted `disagree` fact holds values of two of its outlets,
  on the gold fact's spans, in different agreeing groups; a found change over time should carry a `change`
  (an update), a found contradiction should not. A gold `rounding_or_hedge` is found when such
  values share a fact and a group (hedged or agree).
- false disagrees: a pair of values a predicted fact puts in different groups (neither also agreeing with the
  other's group) although the gold says they
  agree (the same fact with the same number, or a hedge or rounding of it) or measure different things
  (different gold facts). Pairs whose values the gold does not list are counted as unverified, and so are
  pairs the gold would call agreeing only through an outlet it gives several values of the fact ('at least
  3, later 8'), since that outlet's one `number` need not be the value predicted.
- quote groups: a gold statement of one speaker carried by three or more outlets is found when one predicted
  group holds all its versions (a variant given in pieces overlaps by any piece; `partly` when at least
  two); look-alike statements of different speakers
  (`same_utterance: false`) put in one group are false merges.
- citations: found when a predicted citation overlaps the gold span; `in_set` right when the gold names a
  cited report in the set. Counted also for the gold citations of outlets, agencies, broadcasters and posts
  alone, since story golds differ on whether officials and companies are cited.
- self-contradicting outlets: articles with a certain gold internal inconsistency that have an inconsistent
  check about it (one of the check's expressions inside a gold span); outlets flagged only by other checks
  are false alarms.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from text_to_num import alpha2digit

from ..schema import Article, ErrorRecord, FactSheet
from .sheet import StorySheet

TO_FIND = {"real_contradiction", "change_over_time"}
# Gold citations of another outlet, agency, broadcaster or post (a stricter reading than one that also counts
# officials, company statements and an outlet's own interviews as citations).
MEDIA_TYPES = re.compile(r"newspaper|agency|broadcaster|magazine|media|post|outlet", re.IGNORECASE)
Span = tuple[int, int]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class StoryCounts:
    disagreements_gold: int = 0
    disagreements_found: int = 0
    updates_found: int = 0
    updates_marked: int = 0
    contradictions_found: int = 0
    contradictions_called_updates: int = 0
    hedges_gold: int = 0
    hedges_found: int = 0
    disagree_facts: int = 0
    false_disagree_facts: int = 0
    false_disagree_pairs: int = 0
    unverified_pairs: int = 0
    gold_facts: int = 0
    gold_facts_aligned: int = 0
    quote_groups_gold: int = 0
    quote_groups_found: int = 0
    quote_groups_partly: int = 0
    quote_false_merges: int = 0
    citations_gold: int = 0
    citations_found: int = 0
    media_citations_gold: int = 0
    media_citations_found: int = 0
    citations_predicted: int = 0
    citations_matched: int = 0
    in_set_gold: int = 0
    in_set_found: int = 0
    contradicting_gold: int = 0
    contradicting_flagged: int = 0
    contradicting_false_alarms: int = 0

    def figures(self) -> dict[str, Any]:
        def ratio(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        out = {f.name: getattr(self, f.name) for f in fields(self)}
        return out | {
            "disagreement_recall": ratio(self.disagreements_found, self.disagreements_gold),
            "quote_group_recall": ratio(self.quote_groups_found, self.quote_groups_gold),
            "citation_recall": ratio(self.citations_found, self.citations_gold),
            "citation_precision": ratio(self.citations_matched, self.citations_predicted),
        }


def _spans(items: Iterable[dict] | None) -> list[Span]:
    return [(item["start"], item["end"]) for item in items or [] if isinstance(item, dict) and "start" in item]


def gold_value_spans(gold: dict) -> dict[tuple[str, str], list[Span]]:
    """(fact key, article) -> the spans of that outlet's value."""
    found = {}
    for fact in gold.get("facts", []):
        for article, value in (fact.get("values") or {}).items():
            if value:
                found[(fact["key"], article)] = _spans(value.get("spans"))
    return found


def gold_keys_of(article: str, span: Span, value_spans: dict[tuple[str, str], list[Span]]) -> set[str]:
    return {key for (key, where), spans in value_spans.items() if where == article
            and any(overlaps(span, gold) for gold in spans)}


def same_gold_number(gold: dict, key: str, first: str, second: str) -> bool:
    fact = next(fact for fact in gold["facts"] if fact["key"] == key)
    a, b = fact["values"].get(first) or {}, fact["values"].get(second) or {}
    if a.get("number") is not None and a.get("number") == b.get("number"):
        return True
    return bool(a.get("value")) and a.get("value") == b.get("value")


def several_values(gold: dict, key: str, article: str) -> bool:
    """Whether the gold gives this outlet several values of the fact, in spans stating different numbers ('at
    least three' and 'risen to eight'; not one range written twice): it cannot say which a predicted value is."""
    fact = next(fact for fact in gold["facts"] if fact["key"] == key)
    spans = (fact["values"].get(article) or {}).get("spans") or []
    return len({tuple(NUMBER.findall(alpha2digit(span.get("text", ""), "en"))) for span in spans}) > 1


def hedge_pair(gold: dict, key: str, first: str, second: str) -> bool:
    """Whether the gold counts these two outlets' values of the fact as a hedge or rounding of each other,
    and never as a contradiction or an update."""
    together = [d["class"] for d in gold.get("disagreements", [])
                if d["fact"] == key and first in d["values"] and second in d["values"]]
    return "rounding_or_hedge" in together and not TO_FIND & set(together)


def score_facts(gold: dict, sheet: StorySheet, counts: StoryCounts) -> None:
    value_spans = gold_value_spans(gold)
    located = [[(value.article_id, (value.start, value.end), value.group) for value in fact.values]
               for fact in sheet.facts]
    # A range or hedged value agrees with the groups it also holds: never a disagreeing pair with their values.
    also = [[{value.group, *value.also_agrees_with} for value in fact.values] for fact in sheet.facts]
    for disagreement in gold.get("disagreements", []):
        key, outlets = disagreement["fact"], set(disagreement["values"])
        wanted = disagreement["class"] in TO_FIND
        if disagreement["class"] not in TO_FIND | {"rounding_or_hedge"}:
            continue
        hit, marked = False, False
        for fact, values, agreeing_with in zip(sheet.facts, located, also):
            on_gold = [(article, group, agreeing) for (article, span, group), agreeing in zip(values, agreeing_with)
                       if article in outlets and any(overlaps(span, g) for g in value_spans.get((key, article), []))]
            articles = {article for article, _, _ in on_gold}
            if len(articles) < 2:
                continue
            apart = any(a != b and group_b not in agreeing_a and group_a not in agreeing_b
                        for a, group_a, agreeing_a in on_gold for b, group_b, agreeing_b in on_gold)
            if wanted and fact.status == "disagree" and apart:
                hit = True
                marked = marked or fact.change is not None
            groups = set().union(*(agreeing for _, _, agreeing in on_gold))
            if not wanted and any(len({a for a, _, agreeing in on_gold if group in agreeing}) >= 2 for group in groups):
                hit = True
        if wanted:
            counts.disagreements_gold += 1
            counts.disagreements_found += hit
            if disagreement["class"] == "change_over_time":
                counts.updates_found += hit
                counts.updates_marked += hit and marked
            else:
                counts.contradictions_found += hit
                counts.contradictions_called_updates += hit and marked
        else:
            counts.hedges_gold += 1
            counts.hedges_found += hit
    for fact, values, agreeing_with in zip(sheet.facts, located, also):
        if fact.status != "disagree":
            continue
        counts.disagree_facts += 1
        false = 0
        for i, (first, span_a, group_a) in enumerate(values):
            for j, (second, span_b, group_b) in enumerate(values[i + 1:], i + 1):
                if first == second or group_b in agreeing_with[i] or group_a in agreeing_with[j]:
                    continue
                keys_a, keys_b = gold_keys_of(first, span_a, value_spans), gold_keys_of(second, span_b, value_spans)
                shared = keys_a & keys_b
                agreeing = [key for key in shared if same_gold_number(gold, key, first, second)
                            or hedge_pair(gold, key, first, second)]
                if not keys_a or not keys_b or agreeing and all(
                        several_values(gold, key, first) or several_values(gold, key, second) for key in agreeing):
                    counts.unverified_pairs += 1
                elif not shared or agreeing:
                    false += 1
        counts.false_disagree_pairs += false
        counts.false_disagree_facts += false > 0
    for gold_fact in gold.get("facts", []):
        outlets = [article for article, value in (gold_fact.get("values") or {}).items() if value]
        if len(outlets) < 2:
            continue
        counts.gold_facts += 1
        counts.gold_facts_aligned += any(
            len({article for article, span, _ in values if article in outlets and any(
                overlaps(span, g) for g in value_spans.get((gold_fact["key"], article), []))}) >= 2
            for values in located)


def variant_spans(versions: dict) -> dict[str, list[Span]]:
    found = {}
    for article, version in versions.items():
        if not version:
            continue
        spans = _spans([version]) + _spans(version.get("parts"))
        if spans:
            found[article] = spans
    return found


def score_quotes(gold: dict, sheet: StorySheet, counts: StoryCounts) -> None:
    groups = [[(variant.article_id, span) for variant in group.variants
               for span in [(part.start, part.end) for part in variant.parts] or [(variant.start, variant.end)]]
              for group in sheet.quotes]

    def held(group: list[tuple[str, Span]], article: str, spans: list[Span]) -> bool:
        return any(where == article and any(overlaps(span, g) for g in spans) for where, span in group)

    for quote in gold.get("quotes", []):
        versions = variant_spans(quote.get("versions") or {})
        best = max((sum(held(group, article, spans) for article, spans in versions.items()) for group in groups),
                   default=0)
        if quote.get("same_utterance") is False:
            counts.quote_false_merges += best >= 2
            continue
        if len(versions) < 3:
            continue
        counts.quote_groups_gold += 1
        counts.quote_groups_found += best == len(versions)
        counts.quote_groups_partly += 2 <= best < len(versions)


def score_citations(gold: dict, sheet: StorySheet, counts: StoryCounts) -> None:
    predicted = [(c.article_id, (c.start, c.end), c.in_set) for c in sheet.citations]
    matched: set[int] = set()
    for citation in gold.get("citations", []):
        span = citation.get("span") or {}
        if "start" not in span:
            continue
        counts.citations_gold += 1
        hits = [i for i, (article, where, _) in enumerate(predicted)
                if article == citation["article"] and overlaps(where, (span["start"], span["end"]))]
        counts.citations_found += bool(hits)
        if MEDIA_TYPES.search(citation.get("cited_type") or ""):
            counts.media_citations_gold += 1
            counts.media_citations_found += bool(hits)
        matched.update(hits)
        if citation.get("cited_report_in_set"):
            counts.in_set_gold += 1
            counts.in_set_found += any(predicted[i][2] == citation["cited_report_in_set"] for i in hits)
    counts.citations_predicted += len(predicted)
    counts.citations_matched += len(matched)


def about_gold(about: list[str], gold_item: dict) -> bool:
    """Whether a check is about the gold inconsistency: one of its expressions lies in one of the gold spans."""
    texts = [span.get("text", "") for span in gold_item.get("spans", [])]
    return any(expression and expression in text for expression in about for text in texts)


def score_inconsistencies(gold: dict, sheet: StorySheet, counts: StoryCounts) -> None:
    """By outlet: an outlet counts as flagged only by a check about one of its gold inconsistencies."""
    listed = gold.get("internal_inconsistencies", [])
    certain = {item["article"] for item in listed if item.get("certain")}
    flagged, alarms = set(), set()
    for item in sheet.inconsistencies:
        matching = [g for g in listed if g["article"] == item.article_id and about_gold(item.about, g)]
        (flagged if matching else alarms).add(item.article_id)
    counts.contradicting_gold += len(certain)
    counts.contradicting_flagged += len(certain & flagged)
    counts.contradicting_false_alarms += len(alarms - flagged)


def score_story(gold: dict, sheet: StorySheet) -> StoryCounts:
    counts = StoryCounts()
    score_facts(gold, sheet, counts)
    score_quotes(gold, sheet, counts)
    score_citations(gold, sheet, counts)
    score_inconsistencies(gold, sheet, counts)
    return counts


# ---- reading a story gold file and reporting ----------------------------------------------------------------

STORY_GOLD_SUFFIX = ".facts.json"


def is_story_gold(path: Path) -> bool:
    return path.name.endswith(STORY_GOLD_SUFFIX)


@dataclass
class StoryGold:
    path: str
    gold: dict
    articles: list[Article]


def read_story_gold(path: Path) -> StoryGold:
    """A `*.facts.json` file and the articles of the gold file it names (`gold_file`, beside it), with their
    outlets and addresses, which the per-article gold reader leaves out."""
    from ..evaluate import GoldError, read_gold_file

    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldError(f"{path}: cannot be read as JSON ({error})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("gold_file"), str):
        raise GoldError(f"{path}: a story gold file names its articles' gold file in `gold_file`")
    articles_path = path.parent / gold["gold_file"]
    if not articles_path.is_file():
        raise GoldError(f"{path}: its articles' gold file {articles_path} is missing")
    gold_file = read_gold_file(articles_path)
    if gold_file.errors:
        raise GoldError(gold_file.errors[0])
    articles = [item.article.model_copy(update={"outlet": item.gold.get("outlet"),
                                                "source": item.gold.get("url") or item.article.source})
                for item in gold_file.articles]
    return StoryGold(str(path), gold, articles)


def score_stories(stories: list[StoryGold], analysed: dict[tuple[str, str], FactSheet],
                  run: Callable[[list[Article]], Iterator[FactSheet | ErrorRecord]],
                  on_error: Callable[[str], None] = lambda message: None) -> dict[str, StoryCounts]:
    """Each story's articles compared into a story sheet and scored. `analysed` holds sheets already made
    (by (id, text)); `run` analyses the others and adds them there."""
    from .compare import compare

    scores = {}
    for story in stories:
        missing = [article for article in story.articles if (article.id, article.text) not in analysed]
        for article, result in zip(missing, run(missing)):
            if isinstance(result, ErrorRecord):
                on_error(f"{article.id}: {result.error}")
        sheets = [analysed[(article.id, article.text)].model_copy(update={"outlet": article.outlet,
                                                                           "source": article.source})
                  for article in story.articles if (article.id, article.text) in analysed]
        scores[story.path] = score_story(story.gold, compare(sheets, story.gold.get("event", "story")))
    return scores


FIGURE_ROWS = [
    ("disagreements found (contradictions and updates)", "disagreements_found", "disagreements_gold"),
    ("  … changes over time found, marked as updates", "updates_marked", "updates_found"),
    ("  … contradictions found, wrongly marked as updates", "contradictions_called_updates", "contradictions_found"),
    ("hedges and roundings seen as agreeing", "hedges_found", "hedges_gold"),
    ("false disagree facts (of disagree facts)", "false_disagree_facts", "disagree_facts"),
    ("gold facts aligned across two outlets or more", "gold_facts_aligned", "gold_facts"),
    ("quotes in 3+ outlets grouped whole", "quote_groups_found", "quote_groups_gold"),
    ("  … grouped in part", "quote_groups_partly", "quote_groups_gold"),
    ("look-alike statements wrongly merged", "quote_false_merges", None),
    ("citations found", "citations_found", "citations_gold"),
    ("  … of outlets, agencies, broadcasters and posts", "media_citations_found", "media_citations_gold"),
    ("predicted citations that are gold", "citations_matched", "citations_predicted"),
    ("cited reports in the set marked", "in_set_found", "in_set_gold"),
    ("self-contradicting outlets flagged", "contradicting_flagged", "contradicting_gold"),
    ("outlets flagged by other checks (false alarms)", "contradicting_false_alarms", None),
]


def story_report(scores: dict[str, StoryCounts]) -> Group:
    parts: list[Any] = []
    for path, counts in scores.items():
        figures = counts.figures()
        table = Table(title=f"{path} (story)", title_justify="left", title_style="bold", box=None, padding=(0, 1))
        table.add_column("")
        table.add_column("", justify="right")
        for label, part, whole in FIGURE_ROWS:
            table.add_row(label, f"{figures[part]}" + (f" / {figures[whole]}" if whole else ""))
        table.add_row("unverified disagreeing pairs (values the gold does not list, or lists several of)",
                      str(figures["unverified_pairs"]))
        parts.append(table)
    return Group(*parts)
