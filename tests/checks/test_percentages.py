"""Shares of one whole (checks/percentages.py): shares listed together against 100%."""

from __future__ import annotations

import pytest

from check_helpers import checks_of, only


@pytest.mark.parametrize("shares, status", [
    ("55% backed the plan, 38% opposed it and 7% were undecided", "consistent"),
    ("55% backed the plan, 48% opposed it and 7% were undecided", "inconsistent"),
    ("41% backed the plan, 32% opposed it and the rest were unsure", "consistent"),
    ("71% backed the plan, 32% opposed it and the rest were unsure", "inconsistent"),
])
def test_percentages_of_one_whole(nlp, shares, status):
    check = only(checks_of(nlp, f"In the survey, {shares}."), "percentages")
    assert check.status == status


def test_unrelated_percentages_are_not_judged(nlp):
    assert not checks_of(nlp, "Inflation rose 3% while wages grew 2%.")


@pytest.mark.parametrize("against, status", [("44%", "consistent"), ("38%", "inconsistent")])
def test_shares_with_no_view_numbered_make_the_whole(nlp, against, status):
    text = f"Asked about the plan, 50% backed it, {against} opposed it and 6% had no view."
    assert only(checks_of(nlp, text), "percentages").status == status


@pytest.mark.parametrize("loser, status", [("42%", "consistent"), ("45%", "inconsistent")])
def test_a_head_to_head_split_of_shares(nlp, loser, status):
    assert only(checks_of(nlp, f"Smith won 58% to Jones's {loser}."), "percentages").status == status


def test_a_share_far_from_a_breakdown_is_not_part_of_it(nlp):
    text = ("With 90% of the votes counted by late evening, Smith had 51.2% to Jones's 46.1%, with independent "
            "candidate Ann Lee taking 2.7%.")
    check = only(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and check.about == ["51.2%", "46.1%", "2.7%"]


def test_a_head_to_head_split_names_the_other_side_with_the(nlp):
    text = "The Greens won 45 per cent of the seats to the Liberals' 55 per cent."
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


@pytest.mark.parametrize("against, status", [("35", "consistent"), ("45", "inconsistent")])
def test_a_share_written_in_words(nlp, against, status):
    text = f"Sixty-five per cent of staff voted yes and {against} per cent voted no."
    assert only(checks_of(nlp, text), "percentages").status == status


def test_shares_written_as_fractions(nlp):
    text = "Half of the grant pays for teachers, a quarter of it for books and 25% for repairs."
    check = only(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and check.about == ["Half", "a quarter", "25%"]


def test_a_share_whose_verb_is_left_out_measures_the_same_whole(nlp):
    check = only(checks_of(nlp, "Women hold 37.5% of the posts and men 62.5%."), "percentages")
    assert check.status == "consistent"


def test_shares_of_different_places_side_by_side_are_not_one_whole(nlp):
    assert not checks_of(nlp, "Turnout reached 70% in the north and 30% in the south.")


def test_the_rest_told_far_off_or_in_the_next_sentence_closes_the_list(nlp):
    far = "Some 40% of the members said they would walk to the meeting, while the remaining 60% would drive."
    assert only(checks_of(nlp, far), "percentages").status == "consistent"
    next_sentence = "In the survey 20% said yes and 70% said no. The rest, 10%, did not answer."
    assert only(checks_of(nlp, next_sentence), "percentages").status == "consistent"


def test_other_parties_close_a_breakdown(nlp):
    text = "Among young voters, 50% chose Labour, 40% the Tories and 20% other parties."
    assert only(checks_of(nlp, text), "percentages").status == "inconsistent"


@pytest.mark.parametrize("text, status", [
    ("Three-quarters of the cash goes to wages and a quarter to rent.", "consistent"),
    ("She won 55% to her rival's 45%.", "consistent"),
    ("Some 60 per cent voted to strike and 45 per cent to stay.", "inconsistent"),
    ("Forty per cent of the land is farmed, 30 per cent is forest and the rest, 15 per cent, is urban.", "inconsistent"),
])
def test_more_shares_of_one_whole(nlp, text, status):
    assert only(checks_of(nlp, text), "percentages").status == status


@pytest.mark.parametrize("text", [
    "One in five pupils walks to school; four-fifths of pupils come by car.",
    "Imports account for 30% of supply and local farms for 70%.",
    "The bill passed by 64% to 36%.",
])
def test_more_shares_that_make_a_whole(nlp, text):
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


def test_shares_of_a_whole_named_only_on_a_later_one_are_not_a_breakdown(nlp):
    assert not checks_of(nlp, "Rents rose 7% in Leeds, 3% in York and 90% of tenants were worried.")


def test_the_other_share_closes_a_split(nlp):
    text = "The club keeps 70% of the fee and the agent the other 30%."
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


@pytest.mark.parametrize("text", [
    "Ann had 40 percent to 55 percent against, and Bob had 60 percent to her 30 percent against.",
    "Ann is liked (40 percent to 50 percent) and Bob is not (20 percent to 70 percent), though 30 percent had no opinion.",
    "Some 50% backed it -- including 10% who were keen -- and 50% were against.",
    "While only 8 percent said they are undecided, 30 percent of those who named a candidate said they could switch.",
])
def test_shares_of_different_wholes_in_one_sentence(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.status == "inconsistent"]


def test_fraction_shares_are_too_loose_to_be_proved_wrong(nlp):
    assert not checks_of(nlp, "About half of voters back Cole, while 6 in 10 are against him.")


def test_a_share_in_brackets_beside_words_stays_in_its_list(nlp):
    text = "Just over half (51%) of members back the deal, 45% oppose it and 4% are unsure."
    shares, words = checks_of(nlp, text)
    assert shares.about == ["51%", "45%", "4%"] and shares.status == "consistent"
    assert words.about == ["just over half", "51%"] and words.status == "consistent"


def test_everything_else_closes_a_breakdown(nlp):
    text = "Some 40% of the grant goes on staff, 30% on rent and 35% on everything else."
    assert only(checks_of(nlp, text), "percentages").status == "inconsistent"


@pytest.mark.parametrize("text", [
    "Other recent polls show a 56% and 54% approval rating.",
    "Voters go 60 percent or 70 percent one way or the other.",
    "Support rose from 40 percent in May to 62 percent in June, on the other hand.",
    "Ames must win 53 percent of the remaining seats, Bell 59 percent and Cobb 68 percent.",
    # a share each of several stands for more than one part
    "The founders own 70% of the firm: the two brothers each keep 25%, with the remaining 20% held by a trust.",
    "The brothers will take 15 per cent apiece and the remaining 15 per cent goes to the foundation.",
    "Two banks hold 30% each, and the rest, 25%, sits with the state.",
])
def test_shares_that_are_not_one_breakdown(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.kind == "percentages"]


def test_a_sentence_on_the_rest_of_a_field_is_not_its_last_share(nlp):
    text = "Ames polled seven percent. The rest of the field polled below five percent."
    assert not checks_of(nlp, text)


def test_a_proportion_is_not_two_counts(nlp):
    text = "He needs 1,237 to clinch: Six in 10 Republicans back him."
    assert not checks_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Of the 500 patients referred, 310 were seen within a month, or 62 per cent, against a target of 85 per cent.",
    "Only 41% of trains ran on time, well short of the 90% standard the operator promised.",
])
def test_a_share_naming_a_yardstick_is_no_part_of_the_others_whole(nlp, text):
    assert all(check.status != "inconsistent" for check in checks_of(nlp, text))


def test_shares_that_make_a_whole_of_their_own_leave_another_share_out(nlp):
    text = ("With 97.5 per cent of votes counted, Ann Reyes had 1,204,000 votes, or 54.1 per cent, against "
            "1,021,000, or 45.9 per cent, for Tom Hale.")
    assert all(check.status != "inconsistent" for check in checks_of(nlp, text))


def test_two_shares_of_one_contest_over_a_whole_are_still_wrong(nlp):
    text = "Ann Reyes won 58 per cent of the vote against 47 per cent for Tom Hale."
    assert only(checks_of(nlp, text), "percentages").status == "inconsistent"
