"""Shares against counts (checks/shares.py): results lists, a share and its count, shares in words."""

from __future__ import annotations

import pytest

from check_helpers import checks_of, only


def kinds(checks, kind: str):
    return [check for check in checks if check.kind == kind]


def test_a_results_list_whose_shares_fit_its_counts(nlp):
    text = "Greens 300 (50.0 per cent), Labour 180 (30.0 per cent), Liberals 120 (20.0 per cent)."
    (check,) = kinds(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and check.about[:4] == ["300", "50.0 per cent", "180", "30.0 per cent"]


def test_a_results_list_whose_shares_no_one_whole_can_give(nlp):
    text = "Greens 300 (55.0 per cent), Labour 180 (25.0 per cent), Liberals 120 (20.0 per cent)."
    (check,) = kinds(checks_of(nlp, text), "percentages")
    assert check.status == "inconsistent" and "no one whole" in check.working


def test_shares_of_another_whole_that_all_agree_raise_nothing(nlp):
    # every share is of 1,000 (a few voters chose others): the counts are not the whole, but not wrong
    text = "Greens 455 (45.5 per cent), Labour 310 (31.0 per cent), Liberals 185 (18.5 per cent)."
    assert not [c for c in checks_of(nlp, text) if c.status == "inconsistent"]


@pytest.mark.parametrize("stated, status", [("2,000", "consistent"), ("2,090", "inconsistent")])
def test_a_results_list_against_its_stated_total(nlp, stated, status):
    text = (f"Ames won with 1,100 votes (55.0%), ahead of Bell on 700 (35.0%). Cobb took 200 (10.0%). "
            f"A total of {stated} votes were cast.")
    (total,) = kinds(checks_of(nlp, text), "total")
    assert total.status == status and total.about[0] == stated


def test_a_share_against_its_count_and_whole(nlp):
    text = "Turnout was 38.5% with 1,540 ballots from an electorate of 4,000."
    (check,) = kinds(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and set(check.about) == {"1,540", "38.5%", "4,000"}


@pytest.mark.parametrize("words, status", [("almost half", "consistent"), ("more than half", "inconsistent")])
def test_a_share_in_words_beside_its_figure(nlp, words, status):
    (check,) = kinds(checks_of(nlp, f"In the survey, {words} (46%) of nurses said they would leave."),
                     "percentages")
    assert check.status == status and check.about == [words, "46%"]


@pytest.mark.parametrize("share, status", [("72 per cent", "consistent"), ("85 per cent", "inconsistent")])
def test_a_share_said_to_follow_from_a_whole_and_its_parts(nlp, share, status):
    text = ("Of the 500 tenants who answered the landlord, 360 wanted new windows and 100 did not, with the rest "
            f"unsure. That means {share} of tenants asked for them.")
    (check,) = kinds(checks_of(nlp, text), "percentages")
    assert check.status == status and check.about[0] == "500" and check.about[-1] == share


def test_a_share_of_some_parts_together_is_consistent(nlp):
    text = ("Of the 500 tenants who answered the landlord, 360 wanted new windows and 100 did not. "
            "That means 92 per cent gave a view.")
    (check,) = kinds(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and check.about[1:3] == ["360", "100"]


@pytest.mark.parametrize("base", ["of those who gave a view", "of the owners"])
def test_a_share_of_another_whole_is_not_judged_on_this_one(nlp, base):
    text = ("Of the 500 tenants who answered the landlord, 360 wanted new windows and 100 did not. "
            f"That means 78 per cent {base} asked for them.")
    assert not [c for c in checks_of(nlp, text) if c.status == "inconsistent"]


@pytest.mark.parametrize("share, status", [("37.5%", "consistent"), ("32.5%", "inconsistent")])
def test_a_share_set_off_after_the_ratio_it_restates(nlp, share, status):
    text = f"Only nine of the 24 lifeboat crew posts — {share} — are filled, the charity said."
    check = only(checks_of(nlp, text), "percentages")
    assert check.status == status and check.about == ["nine of the 24", share]


def test_a_share_in_words_after_a_ratio_only_agrees(nlp):
    text = "About 60 of the club's 180 members, a third of the roll, live in the village."
    assert only(checks_of(nlp, text), "percentages").status == "consistent"
    text = "About 60 of the club's 180 members, a half of the roll, live in the village."
    assert not [c for c in checks_of(nlp, text) if c.kind == "percentages"]


@pytest.mark.parametrize("after", ["30% more than in 2019", "2% of the county's seats"])
def test_a_share_after_a_ratio_that_names_another_figure_is_not_called_wrong(nlp, after):
    text = f"The party won 45 of 60 seats — {after} — on Thursday."
    assert not [c for c in checks_of(nlp, text) if c.kind == "percentages" and c.status == "inconsistent"]


def test_a_share_is_not_matched_to_a_loosely_bounded_figure(nlp):
    # "under 45" stands for anything from about 22 to 45, which agrees with too many shares to mean one
    text = "Trial staff followed 88 volunteers, all of them under 45. After a year, 31% had improved."
    assert not kinds(checks_of(nlp, text), "percentages")
    text = "Trial staff followed 88 volunteers, all of them 45 or older. After a year, 27 of them had improved, or 31%."
    assert [c.status for c in kinds(checks_of(nlp, text), "percentages")] == ["consistent"]


def test_shares_of_a_results_list_that_leaves_the_rest_unlisted_against_one_stated_whole(nlp):
    text = ("Ms Roy polled 5,120 votes (51.2%) against 3,980 (39.8%) for Mr Tan. Of the 10,000 votes counted, "
            "900 went to other candidates.")
    combined = [c for c in kinds(checks_of(nlp, text), "percentages") if len(c.about) == 5]
    assert [c.status for c in combined] == ["consistent"] and combined[0].about[-1].startswith("10,000")
    text = text.replace("39.8%", "41.8%")
    assert not [c for c in kinds(checks_of(nlp, text), "percentages") if len(c.about) == 5]


def test_a_whole_with_no_lower_bound_confirms_no_results_list(nlp):
    text = "Ames polled 1,400 votes (70%) and Bell 400 (20%). Up to 6,000 ballots were cast."
    assert not [c for c in kinds(checks_of(nlp, text), "percentages") if "6,000" in c.about]


@pytest.mark.parametrize("share, found", [("about 25%", ["consistent"]), ("about 40%", [])])
def test_a_share_told_several_words_after_its_ratio_is_only_found_to_agree(nlp, share, found):
    text = f"The airline said 210 of the 840 flights due on Friday had been cancelled, or {share}."
    assert [c.status for c in checks_of(nlp, text) if c.kind == "percentages"] == found


@pytest.mark.parametrize("share, status", [("about 75%", "consistent"), ("70%", "inconsistent")])
def test_a_share_restating_its_ratio_with_or_and_a_hedge(nlp, share, status):
    text = f"The party won 45 of 60 seats, or {share}."
    assert [c.status for c in checks_of(nlp, text) if c.kind == "percentages"] == [status]
