"""Changes (checks/changes.py): a stated change against the two values it runs between."""

from __future__ import annotations

import pytest

from check_helpers import checks_of, only


@pytest.mark.parametrize("stated, status", [("8%", "consistent"), ("12%", "inconsistent")])
def test_a_rise_against_its_two_values(nlp, stated, status):
    text = f"Ticket sales climbed {stated} to 5,400 from 5,000, the theatre said."
    check = only(checks_of(nlp, text), "percentages")
    assert check.status == status and check.about == [stated, "5,400", "5,000"]


def test_values_written_round_leave_room(nlp):
    # "£5m" may be anything from £4.5m to £5.5m: a 12% rise to £5.4m cannot be ruled out
    assert only(checks_of(nlp, "Income climbed 12% to £5.4m from £5m."), "percentages").status == "consistent"


@pytest.mark.parametrize("stated, status", [("20%", "consistent"), ("25%", "inconsistent")])
def test_a_fall_counted_on_the_old_value(nlp, stated, status):
    text = f"Membership fell to 4,000 from 5,000 last year, a drop of {stated}."
    assert only(checks_of(nlp, text), "percentages").status == status


@pytest.mark.parametrize("stated, status", [("2.4 percentage points", "consistent"),
                                            ("3.5 percentage points", "inconsistent")])
def test_a_change_in_points_between_two_shares(nlp, stated, status):
    text = f"The jobless rate dropped to 5.1% from 7.5%, a fall of {stated}."
    assert only(checks_of(nlp, text), "percentages").status == status


def test_basis_points(nlp):
    text = "The lender's margin widened 15 basis points to 3.4% from 3.25%."
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


def test_a_hedged_change_allows_its_slack(nlp):
    text = "Orders grew almost 10% to 1,080 from 990."
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


def test_a_change_whose_values_are_told_in_the_next_sentence_can_only_agree(nlp):
    agreeing = "The club posted a 25% rise in income. Income reached £10m, up from £8m."
    assert only(checks_of(nlp, agreeing), "percentages").status == "consistent"
    assert not [c for c in checks_of(nlp, "The club posted a 40% rise in income. Income reached £10m, up from £8m.")
                if c.status == "inconsistent"]


def test_a_change_in_a_share_is_never_called_wrong(nlp):
    # down 3% of a share may mean points or a relative fall: neither fits, so nothing is said
    assert not checks_of(nlp, "Support fell 9% to 40% from 42%.")


@pytest.mark.parametrize("text", [
    "The offer is a 9 per cent rise over three years: 3 per cent in the first year and 3 per cent in the second.",
    "The offer is a 10 per cent rise over three years: 4 per cent in the first year and 3 per cent in the second.",
])
def test_a_change_is_not_read_between_equal_or_coarsely_rounded_shares(nlp, text):
    assert not [c for c in checks_of(nlp, text) if c.kind == "percentages" and "−" in c.working]


def test_a_change_names_its_values_with_the_noun_they_count(nlp):
    text = "The show has 42 exhibitors this year, up 20% on last year's 35."
    check = only(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and check.about == ["20%", "42 exhibitors", "35"]


@pytest.mark.parametrize("stated, found", [("25%", ["consistent"]), ("15%", [])])
def test_a_change_against_the_value_of_the_same_thing_told_before(nlp, stated, found):
    text = (f"The bridge was approved in 2019 at a cost of £80m, but work stopped twice. The final cost came to "
            f"£100m, an overrun of {stated}, the council said.")
    assert [c.status for c in checks_of(nlp, text) if c.kind == "percentages"] == found


def test_a_rise_from_one_value_to_another_after_the_verb_and_its_object(nlp):
    text = "The offer raises pay from £11.40 to £12.10 an hour, a rise of 6.1 per cent, plus a one-off bonus of £300."
    check = only(checks_of(nlp, text), "percentages")
    assert (check.status, check.working.startswith("(12.1 − 11.4)")) == ("consistent", True)


@pytest.mark.parametrize("change, status", [("26", "consistent"), ("31", "inconsistent")])
def test_a_change_told_in_the_sentence_after_its_values(nlp, change, status):
    text = (f"The new library will cost $61.2 million, up from the $48.6 million budget approved last year. "
            f"That is an increase of {change} per cent.")
    assert [c.status for c in checks_of(nlp, text) if c.kind == "percentages"] == [status]


def test_a_change_after_two_values_of_two_things_is_not_judged(nlp):
    text = "The library will cost $61.2 million. The pool will cost $48.6 million. That is a rise of 31 per cent."
    assert not [c for c in checks_of(nlp, text) if c.kind == "percentages"]
