"""What a value measures, read from its words: the predicate of its clause, its counted noun, an earlier
event its sentence dates, values that are names or parts, units of measure, two sources' versions."""

from __future__ import annotations

from newsfacts.stories.measure import measurements
from story_sheets import figure, sheet, time


def measured(text: str, *figures, times=()):
    return {m.text: m for m in measurements(sheet("a", text, "2024-05-10", "One", figures=list(figures),
                                                  times=list(times)))}


def test_each_count_takes_the_predicate_of_its_own_clause():
    text = "The quake killed 14 people and injured 30 others in the old town."
    found = measured(text, figure(text, "14", "count", 14, "people"), figure(text, "30", "count", 30, "others"))
    assert (found["14"].sense, found["14"].firm) == ("dead", True)
    assert (found["30"].sense, found["30"].firm) == ("injured", True)


def test_a_predicate_after_the_noun_and_one_across_and_belong_to_the_nearer_count():
    text = "Nine climbers were rescued and 4 were still missing on the ridge."
    found = measured(text, figure(text, "Nine", "count", 9, "climbers"), figure(text, "4", "count", 4))
    assert found["Nine"].sense == "rescued" and found["4"].sense == "missing"


def test_a_word_between_number_and_noun_is_a_weak_reading():
    text = "Police said three stolen bicycles were in the van."
    found = measured(text, figure(text, "three", "count", 3, "bicycles"))
    assert (found["three"].sense, found["three"].firm) == ("stolen", False)


def test_predicates_of_people_are_not_read_for_things_nor_the_reverse():
    text = "The storm that killed two villagers flattened 40 homes overnight."
    found = measured(text, figure(text, "two", "count", 2, "villagers"), figure(text, "40", "count", 40, "homes"))
    assert found["40"].sense is None
    text = "Five burglars broke into the depot and made off with the cash."
    found = measured(text, figure(text, "Five", "count", 5, "burglars"))
    assert found["Five"].sense is None and found["Five"].noun == "thief"


def test_a_clause_without_predicate_borrows_the_sentence_one_weakly():
    text = "At least 20 people, including 6 nurses, were injured when the roof fell."
    found = measured(text, figure(text, "20", "count", 20, "people"), figure(text, "6", "count", 6, "nurses"))
    assert (found["6"].sense, found["6"].firm) == ("injured", False)


def test_generic_nouns_say_nothing_and_synonyms_are_one_noun():
    text = "The tremor destroyed 12 flats; 30 people lost their lives."
    found = measured(text, figure(text, "12", "count", 12, "flats"), figure(text, "30", "count", 30, "people"))
    assert found["12"].noun == "flat" and found["30"].noun is None and found["30"].sense == "dead"


def test_a_value_of_an_earlier_event_is_marked_with_its_year():
    text = "In 1994 a similar blast at the plant killed 17 workers."
    found = measured(text, figure(text, "17", "count", 17, "workers"),
                     times=[time(text, "1994", "DATE", "1994")])
    assert found["17"].earlier == 1994
    text = "It was the deadliest blast since 1994, killing 23 workers."
    found = measured(text, figure(text, "23", "count", 23, "workers"),
                     times=[time(text, "1994", "DATE", "1994")])
    assert found["23"].earlier is None


def test_names_parts_and_ones_are_not_counts():
    text = "Flight 370 carried one crew member, and two of the engines failed."
    found = measured(text, figure(text, "370", "count", 370, "flight"), figure(text, "one", "count", 1, "member"),
                     figure(text, "two", "count", 2, "engines"))
    assert found == {}


def test_a_unit_of_measure_is_a_unit_not_a_noun():
    text = "The bus was doing 95 km/h on the bend."
    found = measured(text, figure(text, "95", "count", 95, "km/h"))
    assert found["95"].unit == "km/h" and found["95"].noun is None


def test_two_sources_versions_in_one_sentence_share_their_words():
    text = "The blackout lasted ten minutes according to the utility, and twelve minutes according to residents."
    found = measured(text, times=[time(text, "ten minutes", "DURATION", "PT10M"),
                                  time(text, "twelve minutes", "DURATION", "PT12M")])
    assert "blackout" in found["twelve minutes"].context


def test_a_sentence_ends_before_a_capital_after_its_stop():
    text = "Rain fell all day in the hills. Seven hikers were stranded and 12 were rescued."
    found = measured(text, figure(text, "Seven", "count", 7, "hikers"), figure(text, "12", "count", 12))
    assert found["Seven"].sense == "trapped"
