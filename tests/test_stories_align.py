"""Facts aligned across outlets: the same measure is one fact; a hedge widens what agrees; different
measures are never compared."""

from __future__ import annotations

import pytest

from newsfacts.stories.align import duration_seconds, facts_of, measurements, status_of
from story_sheets import figure, flood_story, sheet, time


def fact_with(facts, text):
    return next(fact for fact in facts if any(value.text == text for value in fact.values))


def test_counts_of_one_measure_are_one_fact_and_disagree():
    facts = facts_of(flood_story())
    dead = fact_with(facts, "9 people")
    assert {value.article_id for value in dead.values} == {"a", "b", "c"}
    assert dead.status == "disagree"
    groups = {value.text: value.group for value in dead.values}
    assert groups["9 people"] != groups["12 people"]


def test_a_hedge_widens_what_agrees():
    missing = fact_with(facts_of(flood_story()), "40 people")
    assert {value.text for value in missing.values} == {"40 people", "43 people"}
    assert missing.status == "hedged"


def test_killed_and_missing_are_never_one_fact():
    for fact in facts_of(flood_story()):
        texts = {value.text for value in fact.values}
        assert not ({"9 people"} & texts and {"43 people"} & texts)


def test_the_same_clock_time_agrees():
    clock = fact_with(facts_of(flood_story()), "6.15am")
    assert clock.status == "agree" and len(clock.values) == 3


def test_one_outlet_alone_makes_no_fact():
    facts = facts_of(flood_story())
    assert not any(value.text == "three hours" for fact in facts for value in fact.values)


def test_different_counted_nouns_are_not_compared():
    a = "The council hired 30 teachers this spring."
    b = "The council hired 45 nurses this spring."
    facts = facts_of([sheet("a", a, "2024-05-01", "One", figures=[figure(a, "30 teachers", "count", 30, "teachers")]),
                      sheet("b", b, "2024-05-01", "Two", figures=[figure(b, "45 nurses", "count", 45, "nurses")])])
    assert facts == []


def test_a_range_holds_a_value_inside_it():
    a = "The ferry crossing took six to seven hours in the storm, the captain said."
    b = "The ferry crossing took seven hours in the storm."
    sheets = [sheet("a", a, "2024-01-02", "One", times=[time(a, "six", "DURATION", "PT6H"),
                                                        time(a, "seven hours", "DURATION", "PT7H")]),
              sheet("b", b, "2024-01-02", "Two", times=[time(b, "seven hours", "DURATION", "PT7H")])]
    (ranged,) = measurements(sheets[0])
    assert (ranged.text, ranged.low, ranged.high) == ("six to seven hours", 6 * 3600, 7 * 3600)
    (fact,) = facts_of(sheets)
    assert fact.status == "hedged"


def test_clock_times_of_different_events_stay_apart():
    a = "The gates opened at 9am and the concert ended at 11pm."
    b = "The gates opened at 9am; the last train left at 11pm."
    facts = facts_of([
        sheet("a", a, "2024-06-01", "One", times=[time(a, "9am", "TIME", "2024-06-01T09:00"),
                                                  time(a, "11pm", "TIME", "2024-06-01T23:00")]),
        sheet("b", b, "2024-06-01", "Two", times=[time(b, "9am", "TIME", "2024-06-01T09:00"),
                                                  time(b, "11pm", "TIME", "2024-06-01T23:00")])])
    assert all(fact.status == "agree" for fact in facts)


def test_timex_durations_in_seconds():
    assert duration_seconds("PT7M") == 420
    assert duration_seconds("P3DE") == duration_seconds("P30Y")
    assert duration_seconds("PXY") is None


def test_status_needs_all_values_to_overlap():
    a = "Rescuers said about 20 climbers were stranded."
    b = "Rescuers said 30 climbers were stranded."
    sheets = [sheet("a", a, "2024-02-02", "One", figures=[figure(a, "20 climbers", "count", 20, "climbers", "about")]),
              sheet("b", b, "2024-02-02", "Two", figures=[figure(b, "30 climbers", "count", 30, "climbers")])]
    assert status_of([*measurements(sheets[0]), *measurements(sheets[1])]) == "disagree"


def test_values_that_rise_with_the_date_are_noted_as_updates():
    days = [("a", "2024-03-04", 9), ("b", "2024-03-05", 14), ("c", "2024-03-06", 21)]
    sheets = []
    for article_id, published, number in days:
        text = f"The storm has killed {number} people, officials said."
        sheets.append(sheet(article_id, text, published, article_id,
                            figures=[figure(text, f"{number} people", "count", number, "people")]))
    (fact,) = facts_of(sheets)
    assert fact.status == "disagree" and fact.change == "update" and "publication" in fact.note


def test_two_dates_in_one_sentence_are_different_facts():
    a = "An inquiry opened on Monday into Sunday's fire at the mill, which hurt two workers."
    b = "Sunday's fire at the mill hurt two workers, officials said."
    sheets = [sheet("a", a, "2024-04-09", "One", times=[time(a, "Monday", "DATE", "2024-04-08"),
                                                        time(a, "Sunday", "DATE", "2024-04-07")]),
              sheet("b", b, "2024-04-09", "Two", times=[time(b, "Sunday", "DATE", "2024-04-07")])]
    assert all(fact.status == "agree" for fact in facts_of(sheets))


def test_hospitalised_and_injured_are_different_measures():
    a = "Officials said 30 people were injured in the crash."
    b = "Officials said 12 people were hospitalised after the crash."
    facts = facts_of([sheet("a", a, "2024-08-01", "One", figures=[figure(a, "30 people", "count", 30, "people")]),
                      sheet("b", b, "2024-08-01", "Two", figures=[figure(b, "12 people", "count", 12, "people")])])
    assert facts == []


def test_what_a_fact_measures_reads_as_an_article_wrote_it():
    a = "The blaze broke out in the boiler room at 2.10am, firefighters said."
    b = "Firefighters said the fire broke out in the boiler room at 2.10am."
    (fact,) = facts_of([sheet("a", a, "2024-08-01", "One", times=[time(a, "2.10am", "TIME", "2024-08-01T02:10")]),
                        sheet("b", b, "2024-08-01", "Two", times=[time(b, "2.10am", "TIME", "2024-08-01T02:10")])])
    assert fact.what == "broke boiler room"


def test_a_round_large_number_is_read_as_rounded():
    from newsfacts.stories.align import rounding

    assert rounding("9 million visitors", 9e6) == 5e5
    assert rounding("8.7 million visitors", 8.7e6) == pytest.approx(5e4)
    assert rounding("2,000 homes", 2000) == 500
    assert rounding("1,964 homes", 1964) == 0
    assert rounding("10 people", 10) == 0
    a = "The gallery had 9 million visitors last year."
    b = "The gallery welcomed 8.7 million visitors last year."
    (fact,) = facts_of([sheet("a", a, "2024-01-05", "One", figures=[figure(a, "9 million visitors", "count", 9e6,
                                                                           "visitors")]),
                        sheet("b", b, "2024-01-05", "Two", figures=[figure(b, "8.7 million visitors", "count",
                                                                           8.7e6, "visitors")])])
    assert fact.status == "hedged"


def count_sheet(article_id: str, text: str, phrase: str, value: float, noun: str | None = None,
                published: str = "2024-06-01", published_at: str | None = None, hedge: str | None = None):
    return sheet(article_id, text, published, article_id, published_at=published_at,
                 figures=[figure(text, phrase, "count", value, noun, hedge)])


def test_small_counts_of_things_without_a_predicate_are_not_compared():
    a = count_sheet("a", "Crews had the fire under control in four blocks by noon.", "four", 4, "blocks")
    b = count_sheet("b", "Flames were still seen in three blocks late on Friday.", "three", 3, "blocks")
    assert not any(fact.status == "disagree" for fact in facts_of([a, b]))


def test_a_casualty_figure_is_never_implied_by_a_noun():
    a = count_sheet("a", "More than 300 firefighters were sent to the scene.", "300", 300, "firefighters")
    b = count_sheet("b", "The blaze killed 12 firefighters, the union said.", "12", 12, "firefighters")
    assert facts_of([a, b]) == []


def test_an_attribute_a_noun_implies_is_compared():
    a = count_sheet("a", "The zoo had 4 million visitors last year.", "4 million", 4e6, "visitors")
    b = count_sheet("b", "The zoo welcomed 6 million visitors last year.", "6 million", 6e6, "visitors")
    (fact,) = facts_of([a, b])
    assert fact.status == "disagree" and fact.change is None


def test_two_versions_in_one_article_are_one_fact():
    text = "A union said 40 workers were hurt in the blast, but the firm said 25 workers were hurt."
    a = sheet("a", text, "2024-06-01", "a", figures=[figure(text, "40", "count", 40, "workers"),
                                                        figure(text, "25", "count", 25, "workers")])
    b = count_sheet("b", "The blast hurt 25 workers on Monday.", "25", 25, "workers")
    facts = facts_of([a, b])
    assert any(fact.status == "disagree" and {v.text for v in fact.values} == {"40", "25"} for fact in facts)


def test_a_version_read_without_a_predicate_takes_its_groups():
    # The second outlet gives both versions; its 90 has no predicate of its own (a tally that "listed" them) but
    # agrees with the first outlet's 90 passengers aboard, so its 120 and the third outlet's 120 are versions of
    # that count, which the first and third outlets contradict.
    a = count_sheet("a", "Only 90 passengers were aboard the ferry when it ran aground.", "90", 90, "passengers")
    text = ("A radio station said 120 passengers were aboard the ferry. The ferry company's own tally, released "
            "later, listed 90 passengers.")
    b = sheet("b", text, "2024-06-02", "b", figures=[figure(text, "120", "count", 120, "passengers"),
                                                        figure(text, "90", "count", 90, "passengers")])
    c = count_sheet("c", "As many as 120 passengers were aboard the ferry, the radio station said.", "120", 120,
                    "passengers")
    facts = facts_of([a, b, c])
    (fact,) = [fact for fact in facts if fact.status == "disagree"]
    assert {(v.article_id, v.text) for v in fact.values} == {("a", "90"), ("b", "120"), ("b", "90"), ("c", "120")}
    groups = {(v.article_id, v.text): v.group for v in fact.values}
    assert groups[("a", "90")] == groups[("b", "90")] != groups[("c", "120")] == groups[("b", "120")]


def test_a_version_without_a_predicate_keeps_apart_when_its_group_has_none():
    # Nothing says what either 90 or 120 count beyond "fans": one article's two numbers are not made versions.
    text = "The club sold 120 scarves and 90 flags to fans before kick-off."
    b = sheet("b", text, "2024-06-02", "b", figures=[figure(text, "120", "count", 120, "scarves"),
                                                        figure(text, "90", "count", 90, "flags")])
    a = count_sheet("a", "Vendors sold 90 flags outside the ground.", "90", 90, "flags")
    assert not any(fact.status == "disagree" for fact in facts_of([a, b]))


def test_a_toll_rising_with_publication_times_is_an_update():
    a = count_sheet("a", "The landslide killed 5 people.", "5", 5, "people", "2024-06-01", "2024-06-01T08:00:00+00:00")
    b = count_sheet("b", "The landslide has killed 11 people.", "11", 11, "people", "2024-06-01",
                    "2024-06-01T19:30:00+00:00")
    (fact,) = facts_of([a, b])
    assert fact.status == "disagree" and fact.change == "update"


def test_a_toll_of_one_day_without_times_may_be_an_update():
    a = count_sheet("a", "The landslide killed 5 people.", "5", 5, "people", "2024-06-01")
    b = count_sheet("b", "The landslide has killed 11 people.", "11", 11, "people", "2024-06-01")
    (fact,) = facts_of([a, b])
    assert fact.change == "possible_update"


def test_a_later_report_with_a_lower_toll_is_a_contradiction():
    a = count_sheet("a", "The landslide killed 11 people.", "11", 11, "people", "2024-06-01")
    b = count_sheet("b", "The landslide killed 5 people and 11 were hurt.", "5", 5, "people", "2024-06-02")
    c = count_sheet("c", "The landslide has killed 8 people.", "8", 8, "people", "2024-06-03")
    (fact,) = facts_of([a, b, c])
    assert fact.status == "disagree" and fact.change is None and fact.note is None


def test_a_report_recalling_an_earlier_toll_is_read_at_its_latest():
    a = count_sheet("a", "The landslide killed 5 people.", "5", 5, "people", "2024-06-01")
    text = "At first 5 people were reported killed; the toll later rose to 9 dead."
    b = sheet("b", text, "2024-06-02", "b", figures=[figure(text, "5", "count", 5, "people"),
                                                        figure(text, "9", "count", 9)])
    c = count_sheet("c", "The landslide killed 9 people.", "9", 9, "people", "2024-06-03")
    (fact,) = facts_of([a, b, c])
    assert fact.change == "update"


def test_the_missing_falling_over_days_is_an_update():
    a = count_sheet("a", "Some 300 people are missing after the storm.", "300", 300, "people", "2024-06-01")
    b = count_sheet("b", "About 120 people are still missing after the storm.", "120", 120, "people", "2024-06-03")
    (fact,) = facts_of([a, b])
    assert fact.change == "update"


def test_a_fixed_property_is_no_update():
    a = count_sheet("a", "The tower has 30 storeys.", "30", 30, "storeys", "2024-06-01")
    b = count_sheet("b", "The 32 storeys of the tower were lit.", "32", 32, "storeys", "2024-06-02")
    (fact,) = facts_of([a, b])
    assert fact.status == "disagree" and fact.change is None


def test_a_value_of_an_earlier_event_is_not_this_storys():
    a = count_sheet("a", "The crash killed 14 passengers.", "14", 14, "passengers")
    text = "In 1987 a crash on the same line killed 40 passengers."
    b = sheet("b", text, "2024-06-01", "b", figures=[figure(text, "40", "count", 40, "passengers")],
              times=[time(text, "1987", "DATE", "1987")])
    assert facts_of([a, b]) == []


def test_equal_values_share_a_group_beside_a_hedged_one():
    from newsfacts.stories.align import agreeing_groups

    found = [*measurements(count_sheet("a", "Police said 50 people were missing.", "50", 50, "people")),
             *measurements(count_sheet("b", "Police said as many as 50 people were missing.", "50", 50, "people",
                                       hedge="as many as")),
             *measurements(count_sheet("c", "About 40 people were missing.", "40", 40, "people", hedge="about"))]
    groups = agreeing_groups(found)
    assert groups[0] == groups[1]


def test_a_year_and_a_day_are_not_compared():
    a = "The fire broke out on Wednesday, the deadliest since 1962."
    b = "The fire broke out on Thursday, officials said."
    facts = facts_of([sheet("a", a, "2024-06-07", "a", times=[time(a, "Wednesday", "DATE", "2024-06-05"),
                                                              time(a, "1962", "DATE", "1962")]),
                      sheet("b", b, "2024-06-07", "b", times=[time(b, "Thursday", "DATE", "2024-06-06")])])
    assert all({v.text for v in fact.values} != {"1962", "Thursday"} for fact in facts)


def test_a_range_holding_two_disagreeing_values_agrees_with_both_groups():
    a = count_sheet("a", "Three men in overalls carried out the bank raid, police said.", "Three", 3, "men")
    b = count_sheet("b", "Four men in overalls carried out the bank raid.", "Four", 4, "men")
    text = "Three or four men in overalls carried out the bank raid, a witness said."
    c = sheet("c", text, "2024-06-01", "c", figures=[figure(text, "Three or four", "count", 3, "men", upper=4)])
    (fact,) = facts_of([a, b, c])
    assert fact.status == "disagree"
    by_article = {value.article_id: value for value in fact.values}
    assert by_article["a"].group != by_article["b"].group
    ranged = by_article["c"]
    assert {ranged.group, *ranged.also_agrees_with} == {by_article["a"].group, by_article["b"].group}
    assert by_article["a"].also_agrees_with == by_article["b"].also_agrees_with == []
