"""Totals (checks/totals.py): parts against the whole a sentence or its neighbour states."""

from __future__ import annotations

import pytest

from check_helpers import checks_of, only


@pytest.mark.parametrize("women, status", [("13", "consistent"), ("15", "inconsistent")])
def test_parts_against_a_total_stated_first(nlp, women, status):
    text = f"The jury of 20 jurors was made up of 7 men and {women} women."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status


def test_parts_short_of_an_open_total_are_not_judged(nlp):
    assert not [c for c in checks_of(nlp, "Police detained 30 people, including 8 students and 4 teachers.")
                if c.kind == "total"]


def test_parts_beyond_an_open_total_are_inconsistent(nlp):
    text = "Police detained 10 people, including 8 students and 4 teachers."
    assert only(checks_of(nlp, text), "total").status == "inconsistent"


@pytest.mark.parametrize("last, status", [("21", "consistent"), ("29", "inconsistent")])
def test_parts_before_a_total(nlp, last, status):
    text = f"The fund gave grants to 14 schools and {last} clinics, a total of 35 projects."
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("total, status", [("£31m", "consistent"), ("£35m", "inconsistent")])
def test_sums_of_money_against_their_total(nlp, total, status):
    text = f"The trust gave £18m to research, £9m to new wards and £4m to staff training, a total of {total}."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[0] == total


def test_sums_in_another_currency_are_not_parts_of_a_total(nlp):
    text = "The club paid €3m for the striker and €2m for the keeper, a total of $5m."
    assert not [check for check in checks_of(nlp, text) if check.kind == "total"]


def test_parts_with_longer_phrases_between_them_are_one_list(nlp):
    text = "She took 12 wickets this summer, including 8 in the county game and 5 in the final."
    assert only(checks_of(nlp, text), "total").status == "inconsistent"


@pytest.mark.parametrize("abstained, status", [("4", "consistent"), ("6", "inconsistent")])
def test_a_sentence_opening_on_its_whole(nlp, abstained, status):
    text = f"Of the board's 15 members, 7 voted for the merger, 3 against and {abstained} abstained, with one absent."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[0] == "15 members"


@pytest.mark.parametrize("third, status", [("900", "consistent"), ("700", "inconsistent")])
def test_a_colon_lists_the_parts_of_a_whole(nlp, third, status):
    text = f"The charity has 4,000 volunteers: 2,500 in Wales, 600 in Cornwall and {third} in Devon."
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("against, status", [("12", "consistent"), ("15", "inconsistent")])
def test_a_sentence_opening_on_a_whole_described_at_length(nlp, against, status):
    text = f"Of the 30 nurses who were asked, 18 agreed and {against} disagreed."
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("text, status", [
    ("The £9m fund was split between £5m for roads and £4m for bridges.", "consistent"),
    ("The 30 finalists included 20 women and 12 men.", "inconsistent"),
    ("Nine boats sank: six yachts and three ferries.", "consistent"),
])
def test_more_words_that_name_parts(nlp, text, status):
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("last, status", [("12", "consistent"), ("10", "inconsistent")])
def test_the_remaining_part_makes_up_the_whole(nlp, last, status):
    text = f"The club sold 40 tickets this week, 28 to members and the remaining {last} to guests."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[0] == "40 tickets"


def test_a_sum_of_money_opening_the_sentence_as_the_whole(nlp):
    text = "Of the $8m raised, $5m came from donors and the other $3m from the state."
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_parts_told_after_a_total(nlp):
    text = "A total of 45 trees were felled, 30 in the park and 15 along the river."
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_a_whole_told_in_the_sentence_before_its_parts(nlp):
    text = "The firm booked sales of $7bn. Cars made up $4bn of the total, with trucks at $2bn and buses at $2bn."
    assert only(checks_of(nlp, text), "total").status == "inconsistent"


def test_a_total_told_in_the_sentence_after_its_parts(nlp):
    text = "The shop sold 200 bikes in April and 300 in May. That took its total for spring to 500."
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_a_total_with_unrelated_figures_in_the_sentence_before_raises_nothing(nlp):
    assert not checks_of(nlp, "Storms hit 3 towns and 12 villages. A total of 90 homes were damaged.")


@pytest.mark.parametrize("text", [
    "Some 300 people came, 180 women and 120 men.",
    "The shop sold 40 bikes on Friday and 60 on Saturday, 100 over the weekend.",
])
def test_a_list_opening_or_closing_on_its_sum(nlp, text):
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_a_list_whose_last_item_happens_to_be_the_sum_is_no_total(nlp):
    assert not checks_of(nlp, "The judges gave scores of 10, 20 and 30.")


@pytest.mark.parametrize("text, status", [
    ("A £10m fund will be shared between schools (£6m) and roads (£5m).", "inconsistent"),
    ("Of the 50 people who were on the bus, 30 were hurt and 20 were unhurt.", "consistent"),
])
def test_parts_in_brackets_and_a_whole_described_at_more_length(nlp, text, status):
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("text, status", [
    ("The 300 places come in two rounds: 200 this spring and 100 next year.", "consistent"),
    ("The £9m plan - £5m for parks and £3m for pools - was agreed.", "inconsistent"),
    ("The appeal raised £4m, with £3m from the public and £1m from firms.", "consistent"),
    ("The firm built 40 flats in 2022 and 60 in 2023, bringing the total to 100.", "consistent"),
])
def test_more_lists_of_parts(nlp, text, status):
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("text", [
    "The appeal raised £4m, with £3m from the public and £2m from firms.",
    # a part of the part before it ('of those'), not a part beside it
    "Of the 480 staff asked, 300 replied, and 270 of those backed the deal.",
    "Of 90 applicants, 60 were interviewed and 45 of them were hired.",
])
def test_figures_that_need_not_add_up_raise_nothing(nlp, text):
    assert not checks_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Twenty-four boats sailed, 12 from Spain, six from Italy and six from Malta.",
    "The bank lent £900: £500 to shops and the rest, £400, to cafes.",
])
def test_lists_with_compound_number_words_and_the_rest(nlp, text):
    assert only(checks_of(nlp, text), "total").status == "consistent"


@pytest.mark.parametrize("second, status", [("30 months", "consistent"), ("20 months", "inconsistent")])
def test_terms_that_make_up_a_sentence_in_years_and_months(nlp, second, status):
    text = f"Ms Vale was jailed for five years and six months: three years for fraud and {second} for forgery."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[:3] == ["five years and six months", "three years", second]


def test_a_bare_number_after_a_length_counts_in_its_unit(nlp):
    text = "The builder was banned for seven years: five years for fraud and two for lying to the court."
    check = only(checks_of(nlp, text), "total")
    assert check.status == "consistent" and check.about[-1] == "two"


def test_terms_served_side_by_side_are_no_parts_of_their_sum(nlp):
    text = "Ms Vale was jailed for three years: three years for fraud and two for forgery, to run concurrently."
    assert not [c for c in checks_of(nlp, text) if c.kind == "total"]


@pytest.mark.parametrize("whole, found", [("ten days", ["consistent"]), ("nine days", [])])
def test_days_that_may_be_counted_twice_only_agree(nlp, whole, found):
    text = f"The tour lasted {whole}: four days in Lyon and six in Nice."
    assert [c.status for c in checks_of(nlp, text) if c.kind == "total"] == found


@pytest.mark.parametrize("whole, status", [("43", "consistent"), ("40", "inconsistent")])
def test_parts_of_them_told_apart_by_place(nlp, whole, status):
    text = f"Police made {whole} arrests, 25 of them in the city centre, 12 in Leith and 6 in Portobello."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[1:] == ["25", "12", "6"]


@pytest.mark.parametrize("text", ["Crews made 30 rescues since Friday, 22 of them on Saturday and 10 on the hills.",
                                  "Crews made 30 rescues since Friday, 22 of them children and 10 at night.",
                                  "Crews made 30 rescues, 22 of them in the hills and five in the town."])
def test_parts_of_them_that_may_overlap_or_fall_short_are_not_checked(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.kind == "total"]


@pytest.mark.parametrize("last, found", [("£30,500", ["consistent"]), ("£31,000", [])])
def test_sums_of_money_that_add_up_to_a_sum_told_before(nlp, last, found):
    text = ("The appeal raised £96,000 by Sunday. The vicar thanked the village. Bell ringers gave a concert. "
            f"Church members gave £41,000, local firms £24,500 and a lottery grant the remaining {last}.")
    assert [c.status for c in checks_of(nlp, text) if c.kind == "total"] == found


def test_men_women_and_boys_are_groups_side_by_side(nlp):
    text = "Three men, one woman and two boys were later charged with theft."
    assert not [c for c in checks_of(nlp, text) if c.kind == "total"]


@pytest.mark.parametrize("gap", ["from a cake sale and tombola", "from a cake sale"])
def test_a_list_read_short_while_more_of_its_kind_follows_is_not_called_wrong(nlp, gap):
    text = f"The £12,600 total was made up of £6,100 in sponsorship, £4,000 {gap}, and £2,500 from local firms."
    assert "inconsistent" not in [c.status for c in checks_of(nlp, text) if c.kind == "total"]


def test_a_list_short_of_its_total_with_nothing_after_it_is_still_wrong(nlp):
    text = "The £12,600 total was made up of £6,100 in sponsorship and £4,000 from a cake sale."
    assert [c.status for c in checks_of(nlp, text) if c.kind == "total"] == ["inconsistent"]


@pytest.mark.parametrize("depot, status", [("30", "consistent"), ("45", "inconsistent")])
def test_a_figure_counting_where_a_part_is_is_no_part(nlp, depot, status):
    text = f"The charity has 90 volunteers – 60 in its four branches and {depot} at the depot."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and "four" not in check.working


def test_a_place_counted_inside_parts_told_before_their_total(nlp):
    text = "It keeps 60 staff in its four branches and 30 at head office, 90 in all."
    check = only(checks_of(nlp, text), "total")
    assert check.status == "consistent" and "4" not in check.working.split(";")[0]


def test_figures_joined_by_a_verb_are_one_item_not_two_parts(nlp):
    text = "About 150 families moved to two shelters, bringing the total to 410 families."
    assert [c for c in checks_of(nlp, text) if c.kind == "total"] == []

