"""The story scorer: disagreements found with their outlets, false disagrees, quote groups, citations and
self-contradicting outlets, counted against a hand-made cross-outlet gold."""

from __future__ import annotations

from newsfacts.stories.compare import compare
from newsfacts.stories.score import score_story
from story_sheets import at, flood_story


def span(sheets, article_id, phrase):
    text = next(sheet.text for sheet in sheets if sheet.id == article_id)
    start, end = at(text, phrase)
    return {"text": phrase, "start": start, "end": end}


def gold_for(sheets):
    value = lambda article, phrase, number: {"value": phrase, "number": number,  # noqa: E731
                                             "spans": [span(sheets, article, phrase)]}
    return {
        "facts": [
            {"key": "dead", "values": {"a": value("a", "12 people", 12), "b": value("b", "9 people", 9),
                                       "c": value("c", "12 people", 12)}},
            {"key": "missing", "values": {"a": value("a", "40 people", 40), "b": value("b", "43 people", 43),
                                          "c": value("c", "43 people", 43)}},
        ],
        "disagreements": [
            {"fact": "dead", "class": "real_contradiction", "values": {"a": "12", "b": "9"}},
            {"fact": "missing", "class": "rounding_or_hedge", "values": {"a": "about 40", "b": "some 43"}},
        ],
        "quotes": [{"same_utterance": True, "versions": {
            article: {**span(sheets, article, phrase), "kind": "direct"} for article, phrase in (
                ("a", "We will rebuild every home in this valley,"), ("b", "We will rebuild every home in the valley,"),
                ("c", "We will rebuild every single home in this valley,"))}}],
        "citations": [{"article": "c", "cites": "Vale Courier", "cited_report_in_set": "b",
                       "span": span(sheets, "c", "according to the Vale Courier")}],
        "internal_inconsistencies": [{"article": "c", "certain": True, "spans": [span(sheets, "c", "12 people")]}],
    }


def test_a_good_story_sheet_scores_full_marks():
    sheets = flood_story()
    figures = score_story(gold_for(sheets), compare(sheets, "flood")).figures()
    assert (figures["disagreements_found"], figures["disagreements_gold"]) == (1, 1)
    assert (figures["hedges_found"], figures["hedges_gold"]) == (1, 1)
    assert figures["false_disagree_facts"] == 0
    assert (figures["quote_groups_found"], figures["quote_groups_gold"]) == (1, 1)
    assert (figures["citations_found"], figures["in_set_found"]) == (1, 1)
    assert (figures["contradicting_flagged"], figures["contradicting_false_alarms"]) == (1, 0)


def test_values_the_gold_calls_equal_split_apart_are_a_false_disagree():
    sheets = flood_story()
    story = compare(sheets, "flood")
    missing = next(fact for fact in story.facts if any(v.text == "40 people" for v in fact.values))
    missing.status = "disagree"
    for number, value in enumerate(missing.values):
        value.group = number
    figures = score_story(gold_for(sheets), story).figures()
    assert figures["false_disagree_facts"] == 1 and figures["false_disagree_pairs"] >= 1


def test_missing_parts_score_nothing():
    sheets = flood_story()
    story = compare(sheets, "flood").model_copy(update={"facts": [], "quotes": [], "citations": [],
                                                        "inconsistencies": []})
    figures = score_story(gold_for(sheets), story).figures()
    assert figures["disagreements_found"] == figures["quote_groups_found"] == figures["citations_found"] == 0
    assert figures["contradicting_flagged"] == 0


def test_an_outlet_given_several_values_by_the_gold_leaves_its_pairs_unverified():
    sheets = flood_story()
    gold = gold_for(sheets)
    gold["facts"][0]["values"]["b"] = {"value": "9 (police), later 12 (officials)", "number": 12,
                                       "spans": [span(sheets, "b", "9 people"), span(sheets, "b", "has killed")]}
    figures = score_story(gold, compare(sheets, "flood")).figures()
    assert figures["false_disagree_facts"] == 0 and figures["unverified_pairs"] >= 1


def test_a_value_that_also_agrees_with_another_group_makes_no_false_pair_with_it():
    sheets = flood_story()
    story = compare(sheets, "flood")
    missing = next(fact for fact in story.facts if any(v.text == "40 people" for v in fact.values))
    missing.status = "disagree"
    for value in missing.values:  # "about 40" apart from the two 43s, though it holds them
        value.group = int(value.text != "40 people")
    assert score_story(gold_for(sheets), story).figures()["false_disagree_facts"] == 1
    next(value for value in missing.values if value.text == "40 people").also_agrees_with = [1]
    assert score_story(gold_for(sheets), story).figures()["false_disagree_facts"] == 0
