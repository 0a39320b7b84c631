"""Elapsed time (checks/elapsed.py): a length since a date, against the publication date or another date."""

from __future__ import annotations

import pytest

from check_helpers import checks_of, only


@pytest.mark.parametrize("stated, status", [("11 years", "consistent"), ("seven years", "inconsistent")])
def test_years_since_a_date(nlp, stated, status):
    check = only(checks_of(nlp, f"It has been {stated} since the 2013 floods."), "elapsed")
    assert check.status == status and check.about == [stated, "2013"]


@pytest.mark.parametrize("stated, status", [("26 years ago", "consistent"), ("30 years ago", "inconsistent")])
def test_a_date_against_its_years_ago(nlp, stated, status):
    text = f"The mill last made cloth in 1998, {stated}."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == status and check.about == [stated, "1998"]


@pytest.mark.parametrize("stated, status", [("nine years later", "consistent"), ("six years later", "inconsistent")])
def test_a_date_counted_from_another_against_the_date_beside_it(nlp, stated, status):
    check = only(checks_of(nlp, f"The band formed in 1971 and split {stated}, in 1980."), "elapsed")
    assert check.status == status and check.about == ["1971", stated, "1980"]


def test_a_decade_ago_beside_its_date(nlp):
    check = only(checks_of(nlp, "In June 2014, a decade ago, the pier burned down."), "elapsed")
    assert check.status == "consistent"


def test_a_date_that_was_so_long_ago(nlp):
    text = "The last flood, in 2001, was 30 years ago."
    assert only(checks_of(nlp, text), "elapsed").status == "inconsistent"


@pytest.mark.parametrize("text, status", [
    ("Three decades after the strike of 1994, the pit has become a museum.", "consistent"),
    ("The pair wed in 1984 and are marking 40 years of marriage this week.", "consistent"),
    ("The pool, which shut in 2016, reopens on Monday after five years.", "inconsistent"),
])
def test_a_length_up_to_now_from_the_date_of_its_sentence(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


@pytest.mark.parametrize("text", [
    "The law, passed in 2014, expires after 10 years.",
    "The crew that came in 2023 leaves on Friday after a year-long stay.",
    # a length in someone's quoted words is not the writer's count from the writer's date
    'Her memoir, out on 20 March, covers the closure of the family mill in 2009 and what she calls "four years '
    'of living out of a suitcase".',
])
def test_a_length_of_something_else_is_not_counted_to_now(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.kind == "elapsed"]


@pytest.mark.parametrize("text, status", [
    ("The mill shut in 1994, exactly 30 years ago.", "consistent"),
    ("In 2006, nearly two decades ago, the mine shut.", "consistent"),
    ("The town has waited 20 years for a bypass since the plan was drawn up in 2010.", "inconsistent"),
    ("The pair, who met in 1984, have been together for 40 years.", "consistent"),
    ("The choir, formed in 1974, is touring to mark 50 years together.", "consistent"),
])
def test_more_ways_to_count_up_to_now(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


def test_years_on_from_a_date(nlp):
    text = "Six years on from the 2018 fire, the hall is being rebuilt."
    assert only(checks_of(nlp, text), "elapsed").status == "consistent"


@pytest.mark.parametrize("text, status", [
    ("Ten years after the 2014 games, the stadium is empty.", "consistent"),
    ("Since 2004, some 30 years, the pair have run the shop.", "inconsistent"),
    ("In 2019 - three years ago - the mill shut.", "inconsistent"),
])
def test_still_more_ways_to_count_up_to_now(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


@pytest.mark.parametrize("text", [
    "Sales rose 4% in the first 10 months of the year compared to the same period in 2021.",
    "Two weeks after the rally on Thursday, the party split.",
    "It has been more than a month since the start of 2024.",
])
def test_no_length_up_to_now_from_a_date_too_recent_or_a_stretch_of_its_own(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.kind == "elapsed"]


def test_weeks_are_counted_in_days(nlp):
    text = "The talks opened on 1 March 2024 and closed nearly two weeks later, on 13 March 2024."
    assert only(checks_of(nlp, text), "elapsed").status == "consistent"


@pytest.mark.parametrize("text, status", [
    ("The pit closed in 1974, half a century ago.", "consistent"),
    ("A decade after the 2014 vote, the country is still divided.", "consistent"),
])
def test_yet_more_ways_to_count_up_to_now(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


def test_elapsed_needs_a_publication_date(nlp):
    assert not checks_of(nlp, "It has been 11 years since the 2013 floods.", published=None)


@pytest.mark.parametrize("stated, status", [("almost four years", "consistent"), ("more than four years",
                                                                                  "inconsistent")])
def test_a_hedged_length_since_a_month_is_counted_in_parts_of_years(nlp, stated, status):
    # April 2020 to 14 March 2024 is three years and eleven months
    text = f"The pier has been shut since April 2020, {stated} ago."
    found = [c for c in checks_of(nlp, text) if c.kind == "elapsed"]
    assert [c.status for c in found] == [status]


@pytest.mark.parametrize("stated, found", [("30 years", ["consistent"]), ("12 years", [])])
def test_the_worst_in_years_and_the_last_time_told_beside_it_only_agree(nlp, stated, found):
    text = f"It was the wettest summer in {stated}, the forecasters said. In 1994 rain fell on 70 days."
    assert [c.status for c in checks_of(nlp, text) if c.kind == "elapsed"] == found


@pytest.mark.parametrize("stated, status", [("13 months", "consistent"), ("a month", "consistent"), ("six months", "inconsistent")])
def test_last_month_name_may_be_this_years_or_the_year_befores(nlp, stated, status):
    # published 2024-03-14: 'last February' is February 2024 or February 2023
    text = f"It is {stated} since the crew first walked out last February, and talks have stalled."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == status


def test_a_hedge_between_for_and_the_length(nlp):
    text = "Ms Orr has run the choir for almost six years, having taken it over in May 2018."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == "consistent" and check.about == ["six years", "May 2018"]


@pytest.mark.parametrize("stated, status", [("61 years", "consistent"), ("50 years", "inconsistent")])
def test_a_perfect_put_back_a_tense_by_a_past_verb_of_saying_runs_up_to_now(nlp, stated, status):
    text = f"Her son said his parents had been married for {stated}, since 1963."
    assert only(checks_of(nlp, text), "elapsed").status == status


@pytest.mark.parametrize("text", ["The bakery, founded in 2009, has been profitable for five years.",
                                  "Ann Lowe, who joined the club in 2015, has been its captain for three years.",
                                  "The shop, opened in 2000, has spent 20 years on the high street."])
def test_a_date_a_perfect_length_is_not_said_to_run_from_is_never_called_wrong(nlp, text):
    assert not checks_of(nlp, text)
    check = only(checks_of(nlp, "The bakery, founded in 2009, has been profitable for 15 years."), "elapsed")
    assert check.status == "consistent"


@pytest.mark.parametrize("text", ["The trophy was first awarded in 2011. In 13 years it has never gone to a goalkeeper.",
                                  "The judge is retiring after 20 years on the bench. She was first appointed in 2004."])
def test_a_length_up_to_now_against_the_one_agreeing_date_beside_it(nlp, text):
    assert only(checks_of(nlp, text), "elapsed").status == "consistent"


def test_a_length_up_to_now_that_agrees_with_no_date_beside_it_is_not_checked(nlp):
    assert not checks_of(nlp, "The trophy was first awarded in 2011. In five years it has never gone to a goalkeeper.")


@pytest.mark.parametrize("text, found", [
    ("Mr Dunne joined the orchestra in 2001 and played the cello there for 23 years.", ["consistent"]),
    ("Mr Dunne joined the orchestra in 2001 and played the cello there for 12 years.", []),
    ("The firm was set up in 1990 by Ann Lowe, who ran it over 34 years.", ["consistent"]),
])
def test_a_length_in_any_tense_from_the_one_date_before_it_only_agrees(nlp, text, found):
    assert [c.status for c in checks_of(nlp, text) if c.kind == "elapsed"] == found


@pytest.mark.parametrize("text, found", [
    ("The river is at its highest since the 1998 flood 26 years ago.", ["consistent"]),
    ("The river is at its highest since the 1998 flood 20 years ago.", []),
])
def test_years_ago_after_the_year_of_a_thing_named_between_only_agree(nlp, text, found):
    assert [c.status for c in checks_of(nlp, text) if c.kind == "elapsed"] == found


def test_a_length_after_an_event_told_with_today_s_date_against_the_date_beside_it(nlp):
    text = ("Five years after it was approved, the new library was opened to readers on Tuesday. The council "
            "approved it in 2019 at a cost of £4m.")
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == "consistent" and check.about == ["Five years", "2019"]


@pytest.mark.parametrize("stated, status", [("61 years", "consistent"), ("51 years", "inconsistent")])
def test_years_since_a_clause_that_dates_its_start(nlp, stated, status):
    text = f"She has farmed the valley for {stated}, since marrying a shepherd there in 1963."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == status and check.about == [stated, "1963"]


def test_a_length_its_own_past_verb_tells_is_over_whatever_day_the_sentence_names(nlp):
    text = ("Jane Mwangi, who became president in July 2022 after eight years as provost at a college in Halifax, "
            "said the board approved the plan on Tuesday.")
    assert all(check.status != "inconsistent" for check in checks_of(nlp, text, "2026-12-03"))


@pytest.mark.parametrize("length, found", [("nine years", ["consistent"]), ("four years", [])])
def test_a_length_an_event_ends_against_the_start_told_after_it(nlp, length, found):
    text = f"Reed stepped down last week after {length} in the role, having joined the board in 2015."
    assert [c.status for c in checks_of(nlp, text, "2024-12-03") if c.kind == "elapsed"] == found


def test_a_length_an_event_ends_is_not_counted_from_the_date_it_ended(nlp):
    assert not [c for c in checks_of(nlp, "The library reopened in 2020 after four years.", "2024-12-03")
                if c.kind == "elapsed"]


@pytest.mark.parametrize("length, found", [("more than five years", ["consistent"]), ("three years", [])])
def test_a_length_with_since_set_off_by_a_comma_is_only_found_to_agree(nlp, length, found):
    text = f"He had led the council for {length}, since May 2019."
    assert [c.status for c in checks_of(nlp, text, "2024-12-03") if c.kind == "elapsed"] == found


@pytest.mark.parametrize("length, found", [("52 years", ["consistent"]), ("45 years", [])])
def test_a_spouse_of_so_many_years_against_the_wedding_told_before(nlp, length, found):
    text = f"Ross married Ann Hale, a nurse, in 1972. He is survived by his wife of {length} and two sons."
    assert [c.status for c in checks_of(nlp, text, "2024-12-03") if c.kind == "elapsed"] == found


@pytest.mark.parametrize("text", [
    "The club, founded in 1899, celebrated its 125th anniversary on Saturday.",
    "Police renewed their appeal on the fifth anniversary of the killing. Tom Reed was shot on December 2nd, 2019.",
])
def test_an_anniversary_against_the_one_date_beside_it_that_agrees(nlp, text):
    assert [c.status for c in checks_of(nlp, text, "2024-12-03") if c.kind == "elapsed"] == ["consistent"]


def test_an_anniversary_no_date_agrees_with_says_nothing(nlp):
    text = "The club, founded in 1899, celebrated its 120th anniversary on Saturday."
    assert not [c for c in checks_of(nlp, text, "2024-12-03") if c.kind == "elapsed"]


@pytest.mark.parametrize("years, found", [("25", True), ("29", False)])
def test_a_length_an_event_ends_runs_from_a_start_told_with_since(nlp, years, found):
    text = f"Moss has chaired the trust since 1999 and will step down after {years} years in the post."
    checks = [c for c in checks_of(nlp, text) if c.kind == "elapsed"]
    assert [c.status for c in checks] == (["consistent"] if found else [])


def test_a_start_told_with_since_in_the_sentence_before_a_length_an_event_ends(nlp):
    text = "Moss has chaired the trust since 1999. She will stay on as an adviser after 25 years at the top."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == "consistent" and "1999" in check.about


@pytest.mark.parametrize("months, found", [("17", True), ("13", False)])
def test_a_tenure_that_lasted_so_long_from_its_start_only_agrees(nlp, months, found):
    text = f"The coach, hired in October 2022, lasted {months} months."
    checks = [c for c in checks_of(nlp, text) if c.kind == "elapsed"]
    assert [c.status for c in checks] == (["consistent"] if found else [])


def test_a_length_that_opens_on_its_date_is_not_counted_to_now(nlp):
    text = "The drivers' union has announced 12 days of strikes starting on 3 February."
    assert [c for c in checks_of(nlp, text) if c.kind == "elapsed"] == []
