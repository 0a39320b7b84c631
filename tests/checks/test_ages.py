"""Ages (checks/ages.py): a stated age against a birth date or year."""

from __future__ import annotations

import pytest

from check_helpers import checks_of, only


@pytest.mark.parametrize("age, status", [("62", "consistent"), ("58", "inconsistent")])
def test_age_against_birth_year(nlp, age, status):
    text = f"Margaret Hughes, {age}, runs the bakery. Hughes was born in 1961 in Cardiff."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and "1961" in check.about


def test_age_written_before_the_name(nlp):
    text = "The 45-year-old Tomas Berg was born on 2 May 1978."
    assert only(checks_of(nlp, text), "age").status == "consistent"


@pytest.mark.parametrize("age, status", [("76", "consistent"), ("79", "inconsistent")])
def test_age_at_death_against_birth_date(nlp, age, status):
    text = f"Walter Brisk, the painter, has died aged {age}. Brisk was born on 2 May 1947 in Hull."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and f"aged {age}" in check.about[0]


@pytest.mark.parametrize("age, status", [("114", "consistent"), ("120", "inconsistent")])
def test_age_of_a_thing_against_the_year_it_was_built(nlp, age, status):
    # a thing's age is the time passed since it was made: `elapsed`, as the gold format counts it
    check = only(checks_of(nlp, f"The pier, built in 1910, is {age} years old."), "elapsed")
    assert check.status == status and check.about == [f"{age} years old", "1910"]


def test_an_age_said_of_someone_else_is_not_the_thing_s(nlp):
    assert not checks_of(nlp, "The charity, set up in 1985 by a 30-year-old nurse, has grown.")


@pytest.mark.parametrize("age, status", [("87", "consistent"), ("89", "inconsistent")])
def test_a_birth_date_in_an_opening_clause_is_the_subject_s(nlp, age, status):
    text = f"Jane Hale has died aged {age}. Born in York on 3 May 1936, Hale trained as a nurse."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and "3 May 1936" in check.about


@pytest.mark.parametrize("age, status", [("25", "consistent"), ("30", "inconsistent")])
def test_an_age_at_a_date_beside_it(nlp, age, status):
    text = f"Tom Reed was born in 1950. He joined the band in 1975, at the age of {age}."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and check.about[-1] == "1975"


def test_an_age_at_death_beside_an_old_date_is_not_counted_to_publication(nlp):
    check = only(checks_of(nlp, "Tom Reed, who was born in 1900, died in 1970, aged 70."), "age")
    assert check.status == "consistent" and "1970" in check.about


@pytest.mark.parametrize("text", [
    "Joan Pike, who is 70, was born in 1953.",
    "Born in 1953 in Derby, Joan Pike is now 70 and still teaches.",
    "Joan Pike was born in 1953. At 70, she still teaches.",
])
def test_more_ways_to_state_an_age_now(nlp, text):
    assert only(checks_of(nlp, text), "age").status == "consistent"


def test_an_age_turned_at_a_date(nlp):
    check = only(checks_of(nlp, "Joan Pike, who turned 50 in May 2020, was born in 1960."), "age")
    assert check.status == "inconsistent" and "May 2020" in check.about


def test_an_age_in_ordinal_years_at_death(nlp):
    text = "Joan Pike, who was born in 1952, died on Monday in her 72nd year."
    assert only(checks_of(nlp, text), "age").status == "consistent"


def test_an_age_told_in_the_past_tense_opening_is_not_an_age_now(nlp):
    assert not checks_of(nlp, "Joan Pike was born in 1953. At 20, she moved to Leeds.")


def test_an_age_turned_is_not_counted_at_the_birth_date_before_it(nlp):
    check = only(checks_of(nlp, "Ann Cole, who was born in 1950, turned 70 in June 2020."), "age")
    assert check.status == "consistent" and "June 2020" in check.about


def test_an_age_in_a_present_tense_phrase_is_an_age_now(nlp):
    assert only(checks_of(nlp, "Ann Cole, born in 1950, turns 74 this week."), "age").status == "consistent"


def test_a_life_span_after_a_name_dates_the_birth(nlp):
    check = only(checks_of(nlp, "Ada Kerr (1920-2024) died on Sunday aged 95."), "age")
    assert check.status == "inconsistent" and "1920" in check.about


def test_an_age_when_something_happened_at_a_date(nlp):
    text = "Ada Kerr, born in 1960, was 45 when she won the prize in 2005."
    check = only(checks_of(nlp, text), "age")
    assert check.status == "consistent" and "2005" in check.about


@pytest.mark.parametrize("text, status", [
    ("Eva Lund, now 50, was born in 1960.", "inconsistent"),
    ("Eva Lund, who retired in May, is 64. She has lived in Leeds all her life and was born there in 1959.",
     "consistent"),
])
def test_an_age_after_a_name_and_a_clause(nlp, text, status):
    assert only(checks_of(nlp, text), "age").status == status


@pytest.mark.parametrize("age, status", [("80", "consistent"), ("84", "inconsistent")])
def test_an_age_at_death_in_a_relative_clause_belongs_to_the_one_it_hangs_on(nlp, age, status):
    text = f"Ann Hale, who has died aged {age}, taught for 40 years. She was born in Leeds on 2 March 1946."
    assert only(checks_of(nlp, text, published="2026-10-03"), "age").status == status


@pytest.mark.parametrize("age, status", [("48", "consistent"), ("50", "inconsistent")])
def test_an_age_figure_beside_the_birth_date_told_before_it(nlp, age, status):
    text = f"Ria Hollins, born on 30 June 1975, was named head of the trust on Monday. The {age}-year-old ran a clinic."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and check.about[1] == "30 June 1975"


def test_an_age_of_a_relative_is_not_the_one_born(nlp):
    text = "Ria Hollins, born on 30 June 1975, was named head of the trust. Her 19-year-old son studies law."
    assert not [c for c in checks_of(nlp, text) if c.kind == "age"]


@pytest.mark.parametrize("wording", ["from the age of 15", "aged 19", "after he turned 21"])
def test_an_age_at_an_event_the_clause_tells_is_not_an_age_now(nlp, wording):
    text = f"Born on 8 May 1950, Tom Riddell ran the forge for decades. He had started there {wording} and stayed on."
    assert not [c for c in checks_of(nlp, text) if c.kind == "age"]


@pytest.mark.parametrize("age, status", [("87", "consistent"), ("80", "inconsistent")])
def test_an_age_at_the_death_of_the_one_person_named(nlp, age, status):
    text = f"The town is mourning the death of former mayor Ann Hale at the age of {age}. Born on 2 May 1936, Mrs Hale ran the mill."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and check.about == [f"at the age of {age}", "2 May 1936"]


@pytest.mark.parametrize("who", ["Ann Hale's husband", "Ann Hale's husband, Tom Hale,"])
def test_an_age_at_the_death_of_someone_else_is_not_checked(nlp, who):
    text = f"The town mourned the death of {who} at the age of 80. Born on 2 May 1936, Mrs Hale ran the mill."
    assert not [c for c in checks_of(nlp, text) if c.kind == "age"]


@pytest.mark.parametrize("opening", ["Fans marked the tenth anniversary of the death", "In 2004 the town mourned the death"])
def test_an_age_at_a_death_dated_otherwise_is_not_counted_to_now(nlp, opening):
    text = f"{opening} of singer Ann Hale at the age of 60. Born on 2 May 1944, Hale sang in the choir."
    assert not [c for c in checks_of(nlp, text) if c.kind == "age"]


def test_an_age_beside_a_birth_date_stays_a_person_s_age(nlp):
    check = only(checks_of(nlp, "The 33-year-old singer, born on 9 April 1990 in Oslo, lives in Leeds."), "age")
    assert check.status == "consistent"


def test_an_age_after_another_person_s_name_is_not_checked_against_the_birth_told_before(nlp):
    text = ("Owen Carr, the former mayor, died in May aged 80. He was born in March 1944 and ran the mill for "
            "decades. His estate passes to his daughter Ruth Carr, 55, who runs the farm.")
    assert [c.status for c in checks_of(nlp, text, "2024-09-01") if c.kind == "age"] == ["consistent"]


@pytest.mark.parametrize("age, found", [("114", True), ("119", False)])
def test_a_thing_s_age_called_back_after_the_sentence_of_its_making_only_agrees(nlp, age, found):
    text = f"The ferry company was founded in 1910 by two brothers. The {age}-year-old firm now runs six boats."
    checks = [c for c in checks_of(nlp, text) if c.kind == "elapsed"]
    assert [(c.status, c.about) for c in checks] == ([("consistent", [f"{age}-year-old", "1910"])] if found else [])


def test_a_person_s_age_after_a_thing_s_making_is_not_its_age(nlp):
    text = "The ferry company was founded in 1910. A 114-year-old woman named Ida Lunn was its first passenger."
    assert not [c for c in checks_of(nlp, text) if c.kind == "elapsed"]
