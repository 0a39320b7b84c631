"""List the relations stage's errors per article, by FORMAT.md's relation scoring: each gold relation missed and
why (an end no predicted entity holds, both ends in one entity, an end of another type than gold's, the pair
related another way or the other way round, or nothing said of the pair), then the predicted relations no gold
relation matches.

    .venv/bin/python scripts/relation_errors.py ../shared/data/news/news-dev.jsonl [--id ARTICLE] [--totals]

Only the entities and relations stages run after spaCy's parse, so a pass over a development set takes seconds.
"""

from __future__ import annotations

from collections import Counter

from entity_errors import arguments, sheets_with_entities  # the script beside this one
from newsfacts.evaluate import match_entities, normalise_mention, relation_key, score_relations
from newsfacts.relations import find_relations
from newsfacts.schema import FactSheet


def sentence_with(sheet: FactSheet, doc, first: str, second: str) -> str:
    """The first sentence holding a mention of both entities, shortened: where the text could have said it."""
    spans = {entity.id: [(m.start, m.end) for m in entity.mentions] for entity in sheet.entities}
    for sent in doc.sents:
        def inside(entity_id: str) -> bool:
            return any(sent.start_char <= start and end <= sent.end_char for start, end in spans.get(entity_id, []))
        if inside(first) and inside(second):
            text = " ".join(sent.text.split())
            return text if len(text) < 220 else text[:217] + "..."
    return ""


def cause(gold_relation: dict, ends: tuple[str | None, str | None], gold_types: tuple[str, str],
          sheet: FactSheet) -> str:
    """Why a gold relation has no predicted match."""
    subject, obj = ends
    if subject is None or obj is None:
        missing = [name for name, end in zip(("subject", "object"), ends) if end is None]
        return "END NOT FOUND: " + " and ".join(missing)
    if subject == obj:
        return "ONE ENTITY: both ends are one predicted entity"
    entities = {e.id: e for e in sheet.entities}
    wrong = [f"{role} {entities[end].type} != {gold_type}" for role, end, gold_type
             in zip(("subject", "object"), ends, gold_types) if entities[end].type != gold_type]
    kind = gold_relation.get("relation", "")
    between = [r for r in sheet.relations if {r.subject, r.object} == {subject, obj}]
    gold_key = relation_key(subject, kind, obj)
    if any(relation_key(r.object, r.relation, r.subject) == gold_key for r in between):
        return "WRONG DIRECTION"
    if between:
        return "WRONG KIND: predicted " + ", ".join(sorted({r.relation for r in between}))
    said = [f"{r.relation}({entities[r.subject].name}, {entities[r.object].name})" for r in sheet.relations
            if r.relation == kind and subject in (r.subject, r.object)]
    return "NOT PRODUCED" + (f" [{'; '.join(wrong)}]" if wrong else "") + (
        f" (subject has {', '.join(said)})" if said else "")


def report(gold: dict, sheet: FactSheet, doc) -> tuple[list[str], Counter]:
    lines: list[str] = []
    causes: Counter = Counter()
    matches = match_entities(gold, sheet)
    by_name = {normalise_mention(g.get("name", "")): (m.entity_id, g.get("type", ""))
               for g, m in zip(gold.get("entities", []), matches)}
    names = {e.id: f"{e.name}/{e.type}" for e in sheet.entities}
    predicted = {relation_key(r.subject, r.relation, r.object): r for r in sheet.relations}
    matched_predicted = set()
    for relation in gold.get("relations", []):
        subject, subject_type = by_name.get(normalise_mention(relation.get("subject", "")), (None, ""))
        obj, object_type = by_name.get(normalise_mention(relation.get("object", "")), (None, ""))
        key = relation_key(subject, relation.get("relation", ""), obj) if subject and obj else None
        if key is not None and key in predicted:
            matched_predicted.add(key)
            continue
        if relation.get("optional"):
            continue
        why = cause(relation, (subject, obj), (subject_type, object_type), sheet)
        causes[why.split(":")[0].split(" [")[0].split(" (")[0]] += 1
        lines.append(f"  MISS {relation['relation']}({relation['subject']!r}, {relation['object']!r})  {why}")
        if subject and obj and subject != obj:
            lines.append(f"      as {names[subject]} / {names[obj]}")
            if context := sentence_with(sheet, doc, subject, obj):
                lines.append(f"      \"{context}\"")
    for key, relation in predicted.items():
        if key not in matched_predicted:
            causes["EXTRA"] += 1
            lines.append(f"  EXTRA {relation.relation}({names[relation.subject]}, {names[relation.object]})"
                         + (f" role={relation.role!r}" if relation.role else ""))
            evidence = " ".join((relation.evidence or "").split())
            lines.append(f"      \"{evidence[:217] + '...' if len(evidence) > 220 else evidence}\"")
    return lines, causes


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    for gold_file, articles in sheets_with_entities(args):
        totals = None
        causes: Counter = Counter()
        for item, parsed, sheet in articles:
            sheet.relations = find_relations(parsed, sheet)
            counts = score_relations(item.gold, sheet)
            totals = counts if totals is None else totals + counts
            lines, article_causes = report(item.gold, sheet, parsed.doc)
            causes += article_causes
            if not args.totals and lines:
                print(f"\n=== {item.article.id}  found {counts.found}/{counts.gold}, predicted {counts.predicted}")
                print("\n".join(lines))
        if totals is not None:
            print(f"## {gold_file.path}: found {totals.found}/{totals.gold}, predicted {totals.predicted}, "
                  f"unmatched predicted {totals.unmatched_predicted}; "
                  + ", ".join(f"{why} {count}" for why, count in causes.most_common()))


if __name__ == "__main__":
    main()
