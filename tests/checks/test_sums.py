"""Sums across a passage (checks/sums.py): breakdowns in brackets, total lines, partitions, exact sums."""

from __future__ import annotations

import pytest

from check_helpers import checks_of


def totals(checks):
    return [check for check in checks if check.kind == "total"]


@pytest.mark.parametrize("parts, status", [("4 cyclists, 2 drivers, 1 pedestrian", "consistent"),
                                           ("5 cyclists, 2 drivers, 1 pedestrian", "inconsistent")])
def test_a_breakdown_in_brackets(nlp, parts, status):
    (check,) = totals(checks_of(nlp, f"Casualties on the bridge: 7 ({parts}) since March."))
    assert check.status == status and check.about[0] == "7"


@pytest.mark.parametrize("last, status", [("95", "consistent"), ("59", "inconsistent")])
def test_a_total_line_and_the_lines_under_it(nlp, last, status):
    text = f"The charges at a glance:\n- Total charged: 300\n- Theft: 150\n- Assault: 55\n- Fraud: {last}\nMore follows."
    (check,) = totals(checks_of(nlp, text))
    assert check.status == status and check.about[0] == "300"


@pytest.mark.parametrize("adults, status", [("26 adults", "consistent"), ("16 adults", "inconsistent")])
def test_groups_that_make_up_a_whole_sentences_after_it(nlp, adults, status):
    text = (f"At least 40 people died when the dam burst above Orvale, officials said. Roads were closed for days. "
            f"The dead in Orvale included 14 children and {adults}.")
    (check,) = totals(checks_of(nlp, text))
    assert check.status == status and check.about[0] == "40 people"


def test_groups_short_of_the_whole_with_the_rest_unknown_are_not_wrong(nlp):
    text = ("The toll in Orvale stands at 40 dead. So far 12 children and 16 adults have been named; the remaining "
            "victims have not yet been identified.")
    assert not [c for c in checks_of(nlp, text) if c.status == "inconsistent"]


def test_groups_beside_others_counted_apart_are_not_the_whole(nlp):
    text = "The blast killed at least 20 people. The dead included a guard, six other men and nine women."
    assert not [c for c in checks_of(nlp, text) if c.status == "inconsistent"]


def test_a_whole_and_the_parts_told_after_it(nlp):
    text = "Some 410 pupils sat the exam. Of those, 280 passed outright and 130 must resit."
    (check,) = totals(checks_of(nlp, text))
    assert check.status == "consistent" and check.about[0] == "410 pupils"


def test_a_run_that_ends_on_its_sum_in_the_next_sentence(nlp):
    text = "Volunteers freed 14 swans from the oil on Friday. They cleaned 9 more on Saturday, taking the tally to 23."
    assert [c.status for c in totals(checks_of(nlp, text))] == ["consistent"]


@pytest.mark.parametrize("text", [
    "Judges awarded 10, 20 and 30 points.",
    "The tally went from 12 to 19 overnight, and 31 people were pulled out alive.",
])
def test_figures_that_happen_to_add_up_are_no_total(nlp, text):
    assert not totals(checks_of(nlp, text))


@pytest.mark.parametrize("text", ["She polled 640 votes, 90 more than the 550 her rival won.",
                                  "He took 1,402 votes, just 38 short of the 1,440 needed, and lost."])
def test_a_difference_between_two_figures(nlp, text):
    (check,) = totals(checks_of(nlp, text))
    assert check.status == "consistent" and "difference" in check.working


def test_a_difference_that_does_not_come_out_is_no_verdict(nlp):
    # which figure a difference is counted from is rarely certain enough to call it wrong
    assert not totals(checks_of(nlp, "She polled 640 votes, 80 more than the 550 her rival won."))


def test_a_ratio_opens_a_run_of_parts(nlp):
    text = "The Tories hold 24 of the council's 43 seats, with the Greens on 11, independents on five and Labour on three."
    (check,) = totals(checks_of(nlp, text))
    assert check.status == "consistent" and check.about[0].startswith("43")


@pytest.mark.parametrize("children, status", [("two children", "consistent"), ("five children", "inconsistent")])
def test_the_victims_broken_down_against_the_dead(nlp, children, status):
    text = (f"Eight people died when the bridge at Halbury gave way. Traffic was diverted for a week. "
            f"The victims included four men, two women and {children}, the council said.")
    (check,) = totals(checks_of(nlp, text))
    assert check.status == status and check.about[0] == "Eight people"


def test_the_victims_may_be_the_dead_and_the_injured_together(nlp):
    text = ("Eight people died and five were injured when the bridge at Halbury gave way. "
            "The victims included four men, three women and six children, the council said.")
    assert not [c for c in checks_of(nlp, text) if c.status == "inconsistent"]


@pytest.mark.parametrize("added, found", [("250", ["consistent"]), ("260", [])])
def test_a_change_told_beside_the_values_it_went_between(nlp, added, found):
    text = f"The club signed {added} members in May, taking its roll to 4,130 from 3,880."
    assert [c.status for c in totals(checks_of(nlp, text))] == found


@pytest.mark.parametrize("left, found", [("12", ["consistent"]), ("13", [])])
def test_an_ordinal_between_parts_is_no_figure_of_theirs(nlp, left, found):
    text = (f"Rovers have played 30 of their games, leaving them 4th in the table. With {left} games left in the "
            "42-match season, they lead.")
    assert [c.status for c in totals(checks_of(nlp, text))] == found


def test_groups_in_the_of_phrase_of_a_noun_are_that_nouns_not_another_count(nlp):
    text = 'Ann Lee said the firm employed nine people in 2020. "It was a plan," Ann Lee told the jury of seven women ' \
           'and five men.'
    assert all(check.status != "inconsistent" for check in checks_of(nlp, text))
