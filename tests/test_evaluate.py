"""The scoring rules of FORMAT.md, each on a tiny hand-made gold article and fact sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.evaluate import (
    GoldError,
    QuoteCounts,
    gold_paths,
    normalise_mention,
    read_gold_file,
    score_checks,
    score_entities,
    score_quotes,
    score_relations,
    score_times,
)
from newsfacts.schema import Check, Entity, FactSheet, Mention, Quote, Relation, Span, TimeExpression

SHARED_GOLD = Path("/work/shared/gold/seed.json")


def sheet(text: str, **parts) -> FactSheet:
    return FactSheet(id="t", text=text, **parts)


def span_of(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def quote(text: str, part: str, **fields) -> Quote:
    start, end = span_of(text, part)
    defaults = {"kind": "direct", "source": "named"}
    return Quote(text=part, start=start, end=end, **(defaults | fields))


def mention(text: str, part: str, occurrence: int = 0) -> Mention:
    start, end = span_of(text, part, occurrence)
    return Mention(text=part, start=start, end=end)


# ---------------------------------------------------------------- quotes

BRIDGE = "Mayor Ana Ruiz said the old bridge will reopen next spring after the repairs."


def test_quote_matches_at_03_but_not_at_08_when_half_of_it_is_shared():
    gold = {"quotes": [{"text": "the old bridge will reopen next spring", "speaker": None}]}
    predicted = sheet(BRIDGE, quotes=[quote(BRIDGE, "will reopen next spring after the repairs")])
    figures = score_quotes(gold, predicted).figures()
    assert figures["f1_0.3"] == 1.0
    assert figures["f1_0.8"] == 0.0


def test_quote_sharing_exactly_the_threshold_does_not_match():
    text = "He said abcdefghij and left."
    gold = {"quotes": [{"text": "abcdefghij", "start": 8, "end": 18, "speaker": None}]}
    predicted = sheet(text, quotes=[Quote(text="hij and", start=15, end=22, kind="direct", source="named")])
    assert score_quotes(gold, predicted).matched_03 == 0


def test_quote_matching_is_one_to_one():
    text = "She said the park opens today and the pool opens tomorrow."
    gold = {"quotes": [{"text": "the park opens today", "speaker": None},
                       {"text": "the pool opens tomorrow", "speaker": None}]}
    one_long = sheet(text, quotes=[quote(text, "the park opens today and the pool opens tomorrow")])
    counts = score_quotes(gold, one_long)
    assert (counts.matched_03, counts.gold, counts.predicted_03) == (1, 2, 1)
    twice = sheet(text, quotes=[quote(text, "the park opens today"), quote(text, "park opens today")])
    counts = score_quotes({"quotes": gold["quotes"][:1]}, twice)
    assert counts.figures()["precision_0.3"] == 0.5


def test_greedy_matching_takes_the_best_overlap_first():
    text = "They said apples are red, pears are green."
    gold = {"quotes": [{"text": "apples are red, pears", "speaker": None}, {"text": "apples are red", "speaker": None}]}
    predicted = sheet(text, quotes=[quote(text, "apples are red"), quote(text, "red, pears are green")])
    # The exact pair (second gold, first prediction) is taken first, leaving the other prediction for gold one.
    assert score_quotes(gold, predicted).matched_03 == 2


def test_speaker_by_gold_spans_and_predicted_mention():
    gold = {"quotes": [{"text": "the old bridge will reopen next spring", "speaker": "Ana Ruiz",
                        "speaker_spans": [list(span_of(BRIDGE, "Mayor Ana Ruiz"))]}]}
    start, end = span_of(BRIDGE, "Ana Ruiz")
    right = quote(BRIDGE, "the old bridge will reopen next spring",
                  speaker_mention=Span(text="Ana Ruiz", start=start, end=end))
    assert score_quotes(gold, sheet(BRIDGE, quotes=[right])).speaker_correct == 1
    wrong = quote(BRIDGE, "the old bridge will reopen next spring",
                  speaker_mention=Span(text="bridge", start=28, end=34))
    counts = score_quotes(gold, sheet(BRIDGE, quotes=[wrong]))
    assert (counts.speaker_scored, counts.speaker_correct) == (1, 0)


def test_speaker_by_spans_of_the_predicted_entity():
    text = "Ana Ruiz spoke first. The bridge is safe, the mayor said."
    gold = {"quotes": [{"text": "The bridge is safe", "speaker": "Ana Ruiz",
                        "speaker_spans": [list(span_of(text, "the mayor"))]}]}
    ruiz = Entity(id="E1", name="Ana Ruiz", type="PERSON",
                  mentions=[mention(text, "Ana Ruiz"), mention(text, "the mayor")])
    predicted = sheet(text, entities=[ruiz], quotes=[quote(text, "The bridge is safe", speaker="E1")])
    assert score_quotes(gold, predicted).speaker_correct == 1


def test_speaker_by_name_when_gold_has_no_spans():
    text = "The works are finished, the mayor said."
    gold = {"entities": [{"name": "Ana Ruiz", "type": "PERSON", "mentions": ["Ana Ruiz", ["the mayor", "mayor"]]}],
            "quotes": [{"text": "The works are finished", "speaker": "Ana Ruiz"}]}
    mayor = Entity(id="E1", name="Mayor", type="PERSON", mentions=[mention(text, "the mayor")])
    other = Entity(id="E2", name="Tom Li", type="PERSON", mentions=[])
    right = sheet(text, entities=[mayor, other], quotes=[quote(text, "The works are finished", speaker="E1")])
    wrong = sheet(text, entities=[mayor, other], quotes=[quote(text, "The works are finished", speaker="E2")])
    assert score_quotes(gold, right).speaker_correct == 1
    assert score_quotes(gold, wrong).speaker_correct == 0


def test_anonymous_speaker_matched_by_anonymous_source():
    text = "The talks failed, a diplomat said."
    gold = {"quotes": [{"text": "The talks failed", "speaker": "a diplomat", "source": "anonymous"}]}
    anonymous = sheet(text, quotes=[quote(text, "The talks failed", source="anonymous")])
    named = sheet(text, quotes=[quote(text, "The talks failed", source="named")])
    assert score_quotes(gold, anonymous).speaker_correct == 1
    assert score_quotes(gold, named).speaker_correct == 0


def test_quote_without_gold_speaker_is_not_scored_for_speaker():
    text = "Rain is expected, it was reported."
    gold = {"quotes": [{"text": "Rain is expected", "speaker": None}]}
    counts = score_quotes(gold, sheet(text, quotes=[quote(text, "Rain is expected")]))
    assert (counts.matched_03, counts.speaker_scored) == (1, 0)


def test_optional_quote_is_neither_missed_nor_a_false_positive():
    text = "He said it was fine. She said it was late."
    gold = {"quotes": [{"text": "it was fine", "speaker": None},
                       {"text": "it was late", "speaker": None, "optional": True}]}
    both = sheet(text, quotes=[quote(text, "it was fine"), quote(text, "it was late")])
    assert score_quotes(gold, both).figures()["f1_0.3"] == 1.0
    only_required = sheet(text, quotes=[quote(text, "it was fine")])
    assert score_quotes(gold, only_required).figures()["recall_0.3"] == 1.0


def test_quote_counts_add_up_over_articles():
    total = QuoteCounts(gold=2, matched_03=1) + QuoteCounts(gold=3, matched_03=2)
    assert (total.gold, total.matched_03) == (5, 3)


# ---------------------------------------------------------------- times

MEETING = "The council met on Monday for two hours and meets again next Monday."


def time(text: str, part: str, type_: str, value: str, occurrence: int = 0) -> TimeExpression:
    start, end = span_of(text, part, occurrence)
    return TimeExpression(text=part, start=start, end=end, type=type_, value=value)


def test_times_strict_and_relaxed_extents():
    gold = {"times": [{"text": "two hours", "type": "DURATION", "value": "PT2H"}]}
    exact = score_times(gold, sheet(MEETING, times=[time(MEETING, "two hours", "DURATION", "PT2H")]))
    wider = score_times(gold, sheet(MEETING, times=[time(MEETING, "for two hours", "DURATION", "PT2H")]))
    assert (exact.strict_matched, exact.relaxed_matched) == (1, 1)
    assert (wider.strict_matched, wider.relaxed_matched) == (0, 1)


def test_time_value_f1_is_relaxed_f1_times_value_accuracy():
    gold = {"times": [{"text": "Monday", "type": "DATE", "value": "2024-03-04"},
                      {"text": "two hours", "type": "DURATION", "value": "PT2H"}]}
    predicted = sheet(MEETING, times=[time(MEETING, "Monday", "DATE", "2024-03-11"),
                                      time(MEETING, "two hours", "DURATION", "PT2H")])
    figures = score_times(gold, predicted).figures()
    assert figures["f1_relaxed"] == 1.0
    assert figures["type_accuracy"] == 1.0
    assert figures["value_accuracy"] == 0.5
    assert figures["value_f1"] == 0.5


def test_a_duration_in_decades_or_centuries_equals_the_same_in_years():
    text = "The mill stood for two decades and the abbey for a century."
    gold = {"times": [{"text": "two decades", "type": "DURATION", "value": "P20Y"},
                      {"text": "a century", "type": "DURATION", "value": "P1CE"}]}
    predicted = sheet(text, times=[time(text, "two decades", "DURATION", "P2DE"),
                                   time(text, "a century", "DURATION", "P100Y")])
    assert score_times(gold, predicted).value_correct == 2
    wrong = sheet(text, times=[time(text, "two decades", "DURATION", "P2Y")])
    assert score_times(gold, wrong).value_correct == 0


def test_gold_time_text_takes_the_first_unused_occurrence():
    gold = {"times": [{"text": "Monday", "type": "DATE", "value": "2024-03-04"},
                      {"text": "Monday", "type": "DATE", "value": "2024-03-11"}]}
    second_only = sheet(MEETING, times=[time(MEETING, "Monday", "DATE", "2024-03-11", occurrence=1)])
    counts = score_times(gold, second_only)
    assert (counts.strict_matched, counts.value_correct) == (1, 1)


def test_gold_time_text_is_located_as_a_whole_word():
    text = "The Mayor resigned in May."
    gold = {"times": [{"text": "May", "type": "DATE", "value": "2024-05"}]}
    assert score_times(gold, sheet(text, times=[time(text, "May.", "DATE", "2024-05")])).strict_matched == 0
    assert score_times(gold, sheet(text, times=[time(text, "May", "DATE", "2024-05", occurrence=1)])).strict_matched == 1


def test_optional_time_is_neither_missed_nor_a_false_positive():
    gold = {"times": [{"text": "Monday", "type": "DATE", "value": "2024-03-04"},
                      {"text": "two hours", "type": "DURATION", "value": "PT2H", "optional": True}]}
    predicted = sheet(MEETING, times=[time(MEETING, "Monday", "DATE", "2024-03-04"),
                                      time(MEETING, "two hours", "DURATION", "PT2H")])
    counts = score_times(gold, predicted)
    assert (counts.gold, counts.predicted, counts.relaxed_matched) == (1, 1, 1)


# ---------------------------------------------------------------- entities

SINGER = "The Rolling Stones played. Maria “Mimi” Lopez sang, and Lopez's sister Eva Lopez cheered."


def test_mention_normalisation():
    assert normalise_mention("The  Rolling\nStones") == "rolling stones"
    assert normalise_mention("Maria “Mimi” Lopez") == normalise_mention('maria "mimi" lopez')
    assert normalise_mention("Lopez’s") == "lopez's"
    assert normalise_mention("Theresa") == "theresa"


def test_entity_match_is_the_predicted_entity_holding_most_gold_mentions():
    gold = {"entities": [{"name": "Maria Lopez", "type": "PERSON",
                          "mentions": ["Maria “Mimi” Lopez", ["Lopez", "Ms Lopez"], "Mimi"]}]}
    holds_two = Entity(id="E1", name="Maria Lopez", type="PERSON",
                       mentions=[mention(SINGER, 'Maria “Mimi” Lopez'), mention(SINGER, "Lopez", 1)])
    holds_one = Entity(id="E2", name="Mimi", type="PERSON", mentions=[mention(SINGER, "Mimi")])
    counts = score_entities(gold, sheet(SINGER, entities=[holds_one, holds_two]))
    assert (counts.found, counts.mentions_found, counts.mentions_gold) == (1, 2, 3)
    assert counts.figures()["mean_mention_recall"] == pytest.approx(0.6667, abs=1e-4)


def test_leading_the_and_case_do_not_matter_for_entity_mentions():
    gold = {"entities": [{"name": "the Rolling Stones", "type": "ORG", "mentions": ["the rolling stones"]}]}
    band = Entity(id="E1", name="Rolling Stones", type="ORG", mentions=[mention(SINGER, "The Rolling Stones")])
    assert score_entities(gold, sheet(SINGER, entities=[band])).found == 1


def test_false_merge_is_one_predicted_entity_holding_two_gold_entities():
    gold = {"entities": [{"name": "Maria Lopez", "type": "PERSON", "mentions": ["Mimi", "Lopez"]},
                         {"name": "Eva Lopez", "type": "PERSON", "mentions": ["Eva Lopez", "Lopez"]}]}
    merged = Entity(id="E1", name="Lopez", type="PERSON",
                    mentions=[mention(SINGER, "Mimi"), mention(SINGER, "Eva Lopez")])
    apart = [Entity(id="E1", name="Mimi", type="PERSON", mentions=[mention(SINGER, "Mimi"), mention(SINGER, "Lopez", 1)]),
             Entity(id="E2", name="Eva Lopez", type="PERSON", mentions=[mention(SINGER, "Eva Lopez")])]
    assert score_entities(gold, sheet(SINGER, entities=[merged])).false_merges == 1
    # "Lopez" belongs to both gold entities, so holding it next to "Mimi" is no evidence of a merge.
    assert score_entities(gold, sheet(SINGER, entities=apart)).false_merges == 0


def test_optional_entity_is_not_missed():
    gold = {"entities": [{"name": "Eva Lopez", "type": "PERSON", "mentions": ["Eva Lopez"]},
                         {"name": "the Rolling Stones", "type": "ORG", "mentions": ["Rolling Stones"], "optional": True}]}
    eva = Entity(id="E1", name="Eva Lopez", type="PERSON", mentions=[mention(SINGER, "Eva Lopez")])
    counts = score_entities(gold, sheet(SINGER, entities=[eva]))
    assert (counts.found, counts.gold) == (1, 1)


# ---------------------------------------------------------------- relations

FAMILY = "Tom Lane and his daughter Sue Lane run a bakery with her brother Ben Lane."
FAMILY_GOLD = {"entities": [{"name": "Tom Lane", "type": "PERSON", "mentions": ["Tom Lane"]},
                            {"name": "Sue Lane", "type": "PERSON", "mentions": ["Sue Lane"]},
                            {"name": "Ben Lane", "type": "PERSON", "mentions": ["Ben Lane"]}]}
FAMILY_ENTITIES = [Entity(id=f"E{n}", name=name, type="PERSON", mentions=[mention(FAMILY, name)])
                   for n, name in enumerate(["Tom Lane", "Sue Lane", "Ben Lane"], start=1)]


def test_child_of_counts_as_the_reverse_parent_of():
    gold = FAMILY_GOLD | {"relations": [{"subject": "Sue Lane", "relation": "child_of", "object": "Tom Lane"}]}
    predicted = sheet(FAMILY, entities=FAMILY_ENTITIES,
                      relations=[Relation(subject="E1", relation="parent_of", object="E2")])
    counts = score_relations(gold, predicted)
    assert (counts.found, counts.unmatched_predicted) == (1, 0)


def test_relation_in_the_wrong_direction_is_not_found_and_is_unmatched():
    gold = FAMILY_GOLD | {"relations": [{"subject": "Tom Lane", "relation": "parent_of", "object": "Sue Lane"}]}
    predicted = sheet(FAMILY, entities=FAMILY_ENTITIES,
                      relations=[Relation(subject="E2", relation="parent_of", object="E1")])
    counts = score_relations(gold, predicted)
    assert (counts.found, counts.predicted, counts.unmatched_predicted) == (0, 1, 1)


def test_sibling_relation_reads_both_ways():
    gold = FAMILY_GOLD | {"relations": [{"subject": "Ben Lane", "relation": "sibling_of", "object": "Sue Lane"}]}
    predicted = sheet(FAMILY, entities=FAMILY_ENTITIES,
                      relations=[Relation(subject="E2", relation="sibling_of", object="E3")])
    assert score_relations(gold, predicted).found == 1


def test_optional_relation_found_is_not_a_false_positive():
    gold = FAMILY_GOLD | {"relations": [
        {"subject": "Tom Lane", "relation": "parent_of", "object": "Sue Lane"},
        {"subject": "Tom Lane", "relation": "parent_of", "object": "Ben Lane", "optional": True}]}
    predicted = sheet(FAMILY, entities=FAMILY_ENTITIES,
                      relations=[Relation(subject="E1", relation="parent_of", object="E2"),
                                 Relation(subject="E1", relation="parent_of", object="E3")])
    counts = score_relations(gold, predicted)
    assert (counts.gold, counts.found, counts.predicted, counts.unmatched_predicted) == (1, 1, 1, 0)


# ---------------------------------------------------------------- checks

TRIP = "The train left at 9.10 and arrived at 10.40, a 90-minute trip."
TRIP_GOLD = {"checks": [{"kind": "duration", "status": "consistent", "about": ["9.10", "10.40", "90-minute"]}]}


def test_check_found_when_kind_status_and_all_about_texts_agree():
    right = Check(kind="duration", status="consistent", about=["9.10", "10.40", "90-minute trip"])
    assert score_checks(TRIP_GOLD, sheet(TRIP, checks=[right])).found == 1


def test_check_with_other_status_or_missing_text_is_not_found():
    wrong_status = Check(kind="duration", status="inconsistent", about=["9.10", "10.40", "90-minute"])
    missing = Check(kind="duration", status="consistent", about=["9.10", "90-minute"])
    counts = score_checks(TRIP_GOLD, sheet(TRIP, checks=[wrong_status, missing]))
    assert (counts.found, counts.predicted, counts.unmatched_predicted) == (0, 2, 2)


def test_a_shorter_about_item_covers_a_gold_one_when_it_is_at_least_four_tenths_of_it():
    gold = {"checks": [{"kind": "total", "status": "consistent", "about": ["12 crew members", "40", "52"]}]}
    text = "There were 40 passengers and 12 crew members, 52 in all."
    short = Check(kind="total", status="consistent", about=["12 crew", "40", "52 in all"])
    too_short = Check(kind="total", status="consistent", about=["12", "40", "52"])
    assert score_checks(gold, sheet(text, checks=[short])).found == 1
    assert score_checks(gold, sheet(text, checks=[too_short])).found == 0


def test_an_inconsistent_check_covering_no_gold_check_is_a_false_alarm_and_named():
    wrong = Check(kind="duration", status="inconsistent", about=["9.10", "10.40", "90-minute"],
                  working="9:10 → 10:40 = 1 h 30 min; stated 80 minutes: inconsistent")
    counts = score_checks(TRIP_GOLD, sheet(TRIP, checks=[wrong]))
    assert counts.false_alarms == 1 and "inconsistent" in counts.alarms[0]
    right = Check(kind="duration", status="consistent", about=["9.10", "10.40", "90-minute"])
    assert score_checks(TRIP_GOLD, sheet(TRIP, checks=[right])).false_alarms == 0


def test_false_alarms_add_up_over_articles():
    wrong = Check(kind="total", status="inconsistent", about=["1", "2"], working="1 + 1 = 2")
    one = score_checks({"checks": []}, sheet(TRIP, checks=[wrong]))
    both = one + one
    assert both.false_alarms == 2 and len(both.alarms) == 2 and both.figures()["false_alarms"] == 2


# ---------------------------------------------------------------- reading gold files


def test_gold_file_keeps_good_lines_and_reports_bad_ones(tmp_path):
    (tmp_path / "story.txt").write_bytes(b"A short\r\nstory.")
    gold = tmp_path / "set.jsonl"
    gold.write_text("\n".join([
        json.dumps({"id": "a", "text": "Inline text.", "published": "2024-05-01"}),
        "{not json",
        json.dumps({"id": "b", "text_file": "story.txt"}),
        json.dumps({"id": "c", "text_file": "missing.txt"}),
    ]), encoding="utf-8")
    read = read_gold_file(gold)
    assert [item.article.id for item in read.articles] == ["a", "b"]
    assert read.articles[0].article.published == "2024-05-01"
    assert read.articles[1].article.text == "A short\r\nstory."  # offsets index the bytes as they are
    assert len(read.errors) == 2 and ":2:" in read.errors[0] and "missing.txt" in read.errors[1]
    assert len(read_gold_file(gold, limit=1).articles) == 1


def test_gold_paths_expand_folders_and_refuse_missing_paths(tmp_path):
    (tmp_path / "one.json").write_text("{}", encoding="utf-8")
    (tmp_path / "two.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "notes.md").write_text("", encoding="utf-8")
    assert [p.name for p in gold_paths([str(tmp_path)])] == ["one.json", "two.jsonl"]
    with pytest.raises(GoldError):
        gold_paths([str(tmp_path / "nowhere.json")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldError):
        gold_paths([str(tmp_path / "empty")])


# ---------------------------------------------------------------- the command


def test_eval_command_on_a_missing_path_fails_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nowhere.json")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output and "nowhere.json" in result.output


def test_eval_command_reports_a_bad_line_and_scores_the_rest(tmp_path):
    gold = tmp_path / "set.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "Ann Lee said it rained.", "quotes": [{"text": "it rained",
                                "speaker": "Ann Lee"}]}) + "\n{broken\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 1
    assert "set.jsonl:2" in result.stderr and "Traceback" not in result.stderr
    figures = json.loads(result.stdout)["files"][str(gold)]
    assert figures["articles"] == 1 and figures["quotes"]["gold"] == 1 and figures["times"] is None


@pytest.mark.skipif(not SHARED_GOLD.exists(), reason="the shared gold files are not on this machine")
def test_eval_command_prints_every_section_as_json():
    result = CliRunner().invoke(app, ["eval", str(SHARED_GOLD), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["files"][str(SHARED_GOLD)]
    assert set(figures) >= {"quotes", "times", "entities", "relations", "checks"}
    assert all(figures[name] is not None for name in ("quotes", "times", "entities", "relations", "checks"))
    assert figures["entities"]["gold"] == len(json.loads(SHARED_GOLD.read_text())["entities"])


def test_eval_report_counts_one_article_in_the_singular(tmp_path):
    gold = tmp_path / "one.json"
    gold.write_text(json.dumps({"id": "a", "text": "Ann Lee said it rained.", "quotes": []}), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold)])
    assert "(1 article)" in result.stdout
