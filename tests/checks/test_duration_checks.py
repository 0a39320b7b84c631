"""Durations (checks/durations.py): a stated length against the clock times or dates that bound it."""

from __future__ import annotations

import pytest

from check_helpers import checks_of, only


@pytest.mark.parametrize("stated, status", [("85 minutes", "consistent"), ("an hour", "inconsistent")])
def test_stated_length_against_two_clock_times(nlp, stated, status):
    text = f"The rally began at 2.10pm. It was over by 3.35pm, after {stated} of speeches."
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status
    assert check.about[:2] == ["2.10pm", "3.35pm"] and stated in check.about[2]
    assert "14:10 → 15:35" in check.working


def test_clock_times_without_meridiem_read_from_the_other_times(nlp):
    text = "The envoy arrived at 4.05 and left at 5.15pm. The envoy stayed 70 minutes."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


def test_hedged_length_allows_some_slack(nlp):
    text = "Voting opened at 8am and closed at 9.55am, after about two hours."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


@pytest.mark.parametrize("stated, status", [("three weeks", "consistent"), ("five weeks", "inconsistent")])
def test_stated_length_against_two_dates(nlp, stated, status):
    text = f"The inquiry sat for {stated}, from 4 March 2024 to 25 March 2024."
    assert only(checks_of(nlp, text), "duration").status == status


def test_clock_times_of_another_story_are_not_compared(nlp):
    assert not checks_of(nlp, "Polls opened at 7am and closed at 8pm. Counting took about three hours.")


def test_no_duration_check_without_two_clock_times(nlp):
    assert not checks_of(nlp, "The storm lasted 40 minutes and flooded the road at 6pm.")


def test_only_the_length_nearest_two_clock_times_is_compared_with_them(nlp):
    text = ("The ferry left at 9.15am and docked at 11.05am, a one-hour-50-minute crossing that usually "
            "takes 70 minutes.")
    check = only(checks_of(nlp, text), "duration")
    assert check.status == "consistent" and "one-hour-50-minute" in check.about


def test_a_hyphenated_length_with_a_half_against_two_clock_times(nlp):
    text = "The bus left at 8.10am and arrived at 11.40am, a three-and-a-half-hour ride."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


@pytest.mark.parametrize("stated, status", [("16 years", "consistent"), ("12 years", "inconsistent")])
def test_a_length_running_until_a_date_from_the_date_before_it(nlp, stated, status):
    text = f"In 1994 he became the club's coach, a job he kept for {stated} until his move abroad in 2010."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == status and check.about == ["1994", "2010", stated]


@pytest.mark.parametrize("stated, status", [("31 years", "consistent"), ("35 years", "inconsistent")])
def test_a_length_told_after_the_second_date_runs_from_the_first(nlp, stated, status):
    text = f"The pair opened the cafe in 1982 and sold it in 2013, after {stated} of trading."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == status and check.about == ["1982", "2013", stated]


def test_a_length_after_a_date_that_belongs_to_another_stretch_is_not_judged(nlp):
    assert not checks_of(nlp, "He came to the firm in 1990 and in 2005, after ten years as a trader, he led it.")


@pytest.mark.parametrize("stated, status", [("six years", "consistent"), ("four years", "inconsistent")])
def test_a_length_against_dates_bounding_a_change_in_figures(nlp, stated, status):
    text = f"Fares rose in {stated}, from £3 in 2018 to £5 in 2024."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == status and check.about == ["2018", "2024", stated]


def test_a_length_ending_at_midnight(nlp):
    check = only(checks_of(nlp, "The vigil began at 8pm and ended at midnight, after four hours."), "duration")
    assert check.status == "consistent" and "20:00 → 24:00" in check.working


@pytest.mark.parametrize("years, status", [("2004 to 2024", "consistent"), ("2004 to 2019", "inconsistent")])
def test_decades_against_two_years(nlp, years, status):
    assert only(checks_of(nlp, f"The survey ran for two decades, from {years}."), "elapsed").status == status


@pytest.mark.parametrize("stated, status", [("15 minutes", "consistent"), ("25 minutes", "inconsistent")])
def test_a_length_after_a_thing_runs_from_its_clock_time(nlp, stated, status):
    text = (f"Smoke was seen at 8.40pm. Police were called at 9.05pm. Officers arrived at 9.20pm, {stated} "
            "after the call.")
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status and check.about[:2] == ["9.05pm", "9.20pm"]


def test_a_length_after_a_clause_runs_from_its_verb_s_clock_time(nlp):
    text = ("The plane left Rome at 1.05pm and landed at 4.10pm. It took off again at 6.40pm, two and a half "
            "hours after it landed.")
    assert only(checks_of(nlp, text), "duration").status == "consistent"


def test_a_clock_time_restated_in_another_zone_is_one_moment(nlp):
    text = "Polls closed at 7pm local time, or 10pm ET, and counting took more than two hours."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


def test_clock_times_listed_with_and_are_not_a_stretch(nlp):
    text = "Buses leave at 7.10am and 6.50pm every day, and the trip takes about four hours."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


@pytest.mark.parametrize("text", [
    "The trial opened at 9.20am and closed at 10.50am. The 90-minute hearing heard two witnesses.",
    "It lasted 90 minutes. The panel sat down at 9.20am and rose at 10.50am.",
])
def test_a_length_of_a_thing_told_beside_the_clock_times(nlp, text):
    check = only(checks_of(nlp, text), "duration")
    assert check.status == "consistent" and check.about[:2] == ["9.20am", "10.50am"]


def test_clock_times_whose_days_were_guessed_run_in_the_order_told(nlp):
    text = "The market opened at 9am and shut at 1pm on Monday, four hours of trading."
    assert only(checks_of(nlp, text, published="2024-03-14"), "duration").status == "consistent"


@pytest.mark.parametrize("stated, status", [("14 months", "consistent"), ("20 months", "inconsistent")])
def test_a_length_between_two_months(nlp, stated, status):
    text = f"He led the team from March 2021 to May 2022, {stated} in all."
    assert only(checks_of(nlp, text), "duration").status == status


def test_a_length_for_years_to_come_is_not_counted_to_now(nlp):
    assert not checks_of(nlp, "The deal, signed in 2020, will run for 10 years.")


def test_clock_times_on_two_told_days_are_not_one_stretch(nlp):
    text = "The first vote was on Monday at 9am and the second at 2pm on Thursday, after a two-hour debate."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


def test_a_length_of_a_new_thing_is_not_the_stretch_of_the_clock_times(nlp):
    text = "The gallery opens at 9am and shuts at 6pm, and a full visit takes 90 minutes."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


def test_a_length_later_counts_on_from_the_clock_time_told_first(nlp):
    text = "The ferry left at 10pm on Friday and docked at 2am, four hours later."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


def test_a_pronoun_goes_on_about_the_clock_time_of_the_sentence_before(nlp):
    text = "The panel withdrew at 10am. After talking for two hours, it came back at 12.30pm."
    assert only(checks_of(nlp, text), "duration").status == "inconsistent"


def test_a_length_in_weekends_is_no_unit_to_count_by(nlp):
    assert checks_of(nlp, "Protests are planned for the coming weekend.") == []


def test_a_length_each_of_them_takes_is_no_stretch(nlp):
    text = "The ferry sails at 10.30pm and the return at 7.15am; each takes about nine hours."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


def test_clock_times_in_two_zones_are_not_subtracted(nlp):
    text = "The plane left at 7.20am UK time and landed at 10.50am local time, two hours and 30 minutes later."
    assert not [c for c in checks_of(nlp, text) if c.kind == "duration"]


@pytest.mark.parametrize("stated, status", [("six minutes", "consistent"), ("20 minutes", "inconsistent")])
def test_a_length_inside_a_window_of_clock_times(nlp, stated, status):
    text = f"Witnesses said the raid happened between 2.10am and 2.20am. Police said it lasted {stated}."
    found = [c for c in checks_of(nlp, text) if c.kind == "duration"]
    assert [c.status for c in found] == ([status] if status == "consistent" else [])


def test_a_clock_time_told_roughly_moves_the_gap(nlp):
    text = "Hail began just before 4pm and did not stop until 7.10pm, just over three hours."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


@pytest.mark.parametrize("stated, status", [("about 50 minutes", "consistent"), ("two hours", "inconsistent")])
def test_a_length_counted_on_from_the_sentence_before(nlp, stated, status):
    text = f"The alarm sounded at 1.15pm. Engineers arrived at 2.05pm, {stated} later."
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status and check.about[:2] == ["1.15pm", "2.05pm"]


def test_a_range_of_lengths_is_an_estimate(nlp):
    text = "The doors opened at 6.02pm and shut by 6.10pm; the rush lasted four to seven minutes."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


def test_a_day_told_for_one_clock_time_is_the_other_s_too(nlp):
    text = "Rain began just before 5am on Sunday and stopped at 3.20pm, after more than ten hours."
    check = only(checks_of(nlp, text), "duration")
    assert check.status == "consistent" and "10 h" in check.working


@pytest.mark.parametrize("stated, found", [("12 years", ["consistent"]), ("15 years", [])])
def test_a_length_ending_before_the_thing_of_the_next_date_only_agrees(nlp, stated, found):
    text = f"She qualified in 1990 and nursed for {stated} before opening a clinic in 2002."
    assert [c.status for c in checks_of(nlp, text) if c.kind == "elapsed"] == found


@pytest.mark.parametrize("stated, found", [("40 years", ["consistent"]), ("30 years", [])])
def test_a_length_after_the_one_date_of_its_sentence_runs_from_the_sentence_before(nlp, stated, found):
    text = f"They opened the shop in May 1970. They closed it in 2010, after {stated} of trading."
    checks = [c for c in checks_of(nlp, text) if c.kind == "elapsed"]
    assert [c.status for c in checks] == found and all(c.about[:2] == ["May 1970", "2010"] for c in checks)


@pytest.mark.parametrize("counted, found", [("Six years later", ["consistent"]), ("Four years later", [])])
def test_a_date_counted_on_and_the_date_later_in_its_sentence_only_agree(nlp, counted, found):
    text = f"He joined the board in 1999. {counted}, aged 50, he became chairman in 2005."
    assert [c.status for c in checks_of(nlp, text) if c.kind == "elapsed"] == found


@pytest.mark.parametrize("stated, status", [("an hour and a half", "consistent"), ("two and a half hours", "inconsistent")])
def test_clock_times_in_two_zones_are_compared_in_the_zone_one_is_restated_in(nlp, stated, status):
    text = (f"The ferry left Dover at 9.20am UK time and docked in Calais at 11.50am local time (10.50am in the UK), "
            f"{stated} after setting off.")
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status and check.about[:2] == ["9.20am", "10.50am"]


@pytest.mark.parametrize("stated, found", [("just under 15 minutes", ["consistent"]), ("40 minutes", [])])
def test_a_length_told_after_the_clock_times_it_may_run_between_only_agrees(nlp, stated, found):
    text = ("The alarm was raised at 6.11pm on Friday. A crew reached the mill at 6.25pm. The lane stayed shut "
            f"until 11pm. The brigade said its response time of {stated} met the target.")
    assert [c.status for c in checks_of(nlp, text) if c.kind == "duration"] == found


@pytest.mark.parametrize("stated, found", [("more than six hours", ["consistent"]), ("two hours", [])])
def test_a_length_ending_at_the_clock_time_after_it_runs_from_one_told_before(nlp, stated, found):
    text = (f"The roof fell in at 5.10am. The mayor visited at noon. Crews dug for {stated}; the last man was "
            "brought out at 11.40am.")
    assert [c.status for c in checks_of(nlp, text) if c.kind == "duration"] == found


def test_a_length_counted_on_from_a_moment_without_a_clock_time_is_not_the_story_stretch(nlp):
    # "Ten minutes later" runs from the moment told before it, not between the story's two clock times
    text = ("The crew were at lunch when the alarm sounded. Ten minutes later they were on the road. The blaze began "
            "at 2.15pm on Monday and was put out at 9.05pm on Tuesday, more than 30 hours after it began.")
    assert [(check.about[-1], check.status) for check in checks_of(nlp, text) if check.kind == "duration"] == [
        ("30 hours", "consistent")]


def test_a_length_told_apart_from_clock_times_that_have_their_own_is_of_another_stretch(nlp):
    text = ("The ambulance service said it was called at 11.05pm and a crew reached the farm at 11.17pm, twelve "
            "minutes later. The ambulance service said the lane was then closed for nearly four hours.")
    check = only(checks_of(nlp, text), "duration")
    assert check.status == "consistent" and "twelve minutes" in check.about[2]


@pytest.mark.parametrize("stated, status", [("38 hours", "consistent"), ("30 hours", "inconsistent")])
def test_a_length_of_hours_across_days_told_for_both_clock_times(nlp, stated, status):
    text = f"The bridge was closed at 7pm on Friday and reopened at 9am on Sunday, {stated} after it shut."
    check = only(checks_of(nlp, text, published="2024-03-18"), "duration")
    assert check.status == status
    assert check.about[:2] == ["7pm on Friday", "9am on Sunday"] and "38 h 0 min" in check.working


@pytest.mark.parametrize("length, found", [("an eight-hour sale", ["consistent"]), ("a six-hour sale", [])])
def test_a_length_naming_a_stretch_against_the_clock_times_of_the_sentence_after_it(nlp, length, found):
    text = (f"Shoppers at {length} on Saturday raised £9,000 for the hospice. The event ran from 9am to 5pm in "
            "the church hall. Tea ran out before noon.")
    assert [c.status for c in checks_of(nlp, text) if c.kind == "duration"] == found


def test_a_length_in_another_sentence_is_not_called_wrong_against_clock_times_days_apart(nlp):
    text = "The fire started at 9pm on Friday and was out by 6am on Sunday. Crews spent 30 hours at the scene."
    assert not [c for c in checks_of(nlp, text) if c.kind == "duration"]


@pytest.mark.parametrize("stretch", ["the last week before the holiday", "the final week of term"])
def test_a_week_named_by_where_it_falls_is_not_a_length_between_the_dates(nlp, stretch):
    text = f"Nurses will strike from Monday 8 April to Thursday 11 April, {stretch}."
    assert not [c for c in checks_of(nlp, text) if c.kind == "duration"]


@pytest.mark.parametrize("ended", ["sat on past midnight", "went on into the early hours"])
def test_a_clock_time_a_thing_ran_past_is_no_end_of_it(nlp, ended):
    text = f"The council met at 7pm and {ended}. The six-hour meeting ended at 2am with a vote."
    check = only(checks_of(nlp, text), "duration")
    assert check.about[:2] == ["7pm", "2am"] and check.status == "inconsistent"


def test_the_story_s_two_clock_times_told_far_apart_are_not_called_wrong(nlp):
    text = ("The four-hour inquiry opened at 10am on Monday. Objectors filled the hall. Some came by bus. "
            "Others walked from the village. One farmer spoke for an hour. The lane is busy at 5pm, he said.")
    assert not [c for c in checks_of(nlp, text) if c.kind == "duration" and c.status == "inconsistent"]


@pytest.mark.parametrize("reopened, status", [("2.15pm", "consistent"), ("2.45pm", None), ("12.30pm", "inconsistent")])
def test_a_length_in_whole_hours_is_rounded(nlp, reopened, status):
    text = f"The bridge shut at 9.05am on Friday after a lorry fire and reopened at {reopened}, a five-hour closure."
    checks = [c for c in checks_of(nlp, text) if c.kind == "duration"]
    assert [c.status for c in checks] == ([status] if status else [])


def test_clock_times_whose_days_were_guessed_may_run_in_the_order_told(nlp):
    text = ("Trains ran again late on Wednesday night, more than five hours after a signal fault halted them. "
            "The fault began at 4.15pm and services were restored by 9.30pm, the operator said.")
    check = only(checks_of(nlp, text), "duration")
    assert check.status == "consistent" and "16:15 → 21:30" in check.working
