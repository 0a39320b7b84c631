"""Who holds a trigger noun (relations/holders.py): names after, beside and before it, copulas, titles
joined by "and", "as" phrases, two names before "both"."""

from __future__ import annotations

import pytest

from relation_helpers import ORG, PERSON, WORK, relations_of


def test_kinship_description_attached_to_the_relative(nlp):
    text = "Ann Lee met her father in Leeds."
    found = relations_of(nlp, text, Ann_Lee=(PERSON, ["Ann Lee", ("her", "pronoun")]),
                         Ann_father=(PERSON, [("her father", "description")]))
    assert found == {("Ann_father", "parent_of", "Ann_Lee", None)}


def test_child_noun_with_a_name_beside_it_reads_as_parent_of(nlp):
    text = "Tom Reed said his daughter Mia Reed had won."
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed", ("his", "pronoun")]), Mia=(PERSON, ["Mia Reed"]))
    assert found == {("Tom", "parent_of", "Mia", None)}


def test_possessive_name_and_appositive_between_commas(nlp):
    text = "Paul Ames's sister, Clara Ames, runs the farm."
    found = relations_of(nlp, text, Paul=(PERSON, ["Paul Ames"]), Clara=(PERSON, ["Clara Ames"]))
    assert found == {("Clara", "sibling_of", "Paul", None)}


def test_appositive_before_the_kinship_phrase(nlp):
    text = "Clara Ames, Paul Ames's sister, runs the farm."
    found = relations_of(nlp, text, Paul=(PERSON, ["Paul Ames"]), Clara=(PERSON, ["Clara Ames"]))
    assert found == {("Clara", "sibling_of", "Paul", None)}


def test_a_comma_alone_does_not_make_a_list_of_names(nlp):
    text = "Economics professor Ann Lee, Tom Reed's adviser, spoke first."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Tom=(PERSON, ["Tom Reed"]),
                         Uni=(ORG, ["Economics"]))
    assert ("Tom", "works_for", "Uni", "professor") not in found


def test_plural_kinship_description_names_no_one_person(nlp):
    text = "Ann Lee thanked her parents."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee", ("her", "pronoun")]),
                         Parent=(PERSON, [("her parents", "description")]))
    assert found == set()


def test_a_list_of_people_is_not_an_appositive(nlp):
    text = "Guests include Ann Lee, Acme chief Tom Reed and Sam Hill."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Acme=(ORG, ["Acme"]), Tom=(PERSON, ["Tom Reed"]),
                         Sam=(PERSON, ["Sam Hill"]))
    assert found == {("Tom", "works_for", "Acme", "chief")}


def test_a_pronoun_after_the_noun_is_not_its_name(nlp):
    text = "Ann Lee said an Acme official she met was helpful."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee", ("she", "pronoun")]), Acme=(ORG, ["Acme"]))
    assert found == set()


def test_the_longest_of_nested_names_is_the_appositive(nlp):
    text = "Tom Reed, Ann Lee's brother, runs the farm."
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed"]), Reed=(ORG, ["Reed"]), Ann=(PERSON, ["Ann Lee"]))
    assert found == {("Tom", "sibling_of", "Ann", None)}


def test_copula_with_an_of_phrase(nlp):
    text = "Clara Ames is the wife of Paul Ames."
    found = relations_of(nlp, text, Paul=(PERSON, ["Paul Ames"]), Clara=(PERSON, ["Clara Ames"]))
    assert found == {("Clara", "spouse_of", "Paul", None)}


def test_a_name_opening_the_next_clause_is_not_an_appositive(nlp):
    text = "Ann Lee phoned her sister, Rosa Diaz told reporters."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee", ("her", "pronoun")]), Rosa=(PERSON, ["Rosa Diaz"]))
    assert found == set()


def test_a_name_after_the_employer_phrase_holds_the_title(nlp):
    text = "The chief executive of Norvale, Eva Stone, said sales fell."
    found = relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), Norvale=(ORG, ["Norvale"]))
    assert found == {("Eva", "works_for", "Norvale", "chief executive")}


def test_a_name_after_a_person_in_the_of_phrase_is_left_alone(nlp):
    text = "The daughter of the late king, Ian Moss, spoke."
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), King=(PERSON, [("the late king", "description")]))
    assert found == set()


@pytest.mark.parametrize("text, holder_forms, expected", [
    ("In 2001 she was appointed professor of law at Tamford University.", [("she", "pronoun")],
     ("Eva", "works_for", "Uni", "professor")),
    ("The baby, Eva Stone, was born in May and is the daughter of Ian Moss.",
     ["Eva Stone", ("The baby", "description")],
     ("Ian", "parent_of", "Eva", None)),
])
def test_a_title_given_by_appointment_or_a_copula_sharing_its_subject(nlp, text, holder_forms, expected):
    found = relations_of(nlp, text, Eva=(PERSON, holder_forms),
                         Uni=(ORG, ["Tamford University"] if "Uni" in text else []),
                         Ian=(PERSON, ["Ian Moss"] if "Ian" in text else []))
    assert expected in found


def test_the_author_noun_inside_the_authors_own_description(nlp):
    text = "Eva Stone, the author of the book Quiet Harbours, spoke."
    found = relations_of(nlp, text, Book=(WORK, ["Quiet Harbours"]),
                         Eva=(PERSON, ["Eva Stone", ("the author of the book Quiet Harbours", "description")]))
    assert found == {("Eva", "author_of", "Book", None)}


def test_a_title_joined_to_another_by_and_has_the_same_holder(nlp):
    text = "Eva Stone, chair of the panel and a professor at Tamford University, spoke first."
    found = relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), Uni=(ORG, ["Tamford University"]))
    assert found == {("Eva", "works_for", "Uni", "professor")}


def test_a_plural_work_noun_lists_its_works_with_include(nlp):
    text = "Eva Stone, whose books include Quiet Harbours and Salt Roads, died on Monday."
    found = relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), Harbours=(WORK, ["Quiet Harbours"]),
                         Roads=(WORK, ["Salt Roads"]))
    assert found == {("Eva", "author_of", "Harbours", None), ("Eva", "author_of", "Roads", None)}


def test_a_name_after_a_person_named_in_the_of_phrase_holds_the_title(nlp):
    text = "Later, a spokesman for President Ian Moss, Eva Stone, said the talks went well."
    found = relations_of(nlp, text, Ian=(PERSON, ["President Ian Moss"]), Eva=(PERSON, ["Eva Stone"]))
    assert found == {("Eva", "works_for", "Ian", "spokesman")}


def test_a_name_set_beside_a_description_outweighs_the_entity_it_was_joined_to(nlp):
    text = "After a talk with Radio Vale, the coach of Vantor, Ida Moss, confirmed the squad."
    found = relations_of(nlp, text, Radio=(PERSON, ["Radio Vale", ("the coach of Vantor", "description")]),
                         Vantor=(ORG, ["Vantor"]), Ida=(PERSON, ["Ida Moss"]))
    assert found == {("Ida", "works_for", "Vantor", "coach")}


def test_a_name_before_a_plural_title_is_not_all_of_its_holders(nlp):
    text = "The victims were Tom Reed and Ann Cole, both students at Vantor College."
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed"]), Ann=(PERSON, ["Ann Cole"]),
                         Vantor=(ORG, ["Vantor College"]))
    assert {holder for holder, relation, _, _ in found if relation == "member_of"} in (set(), {"Tom", "Ann"})


def test_a_copula_whose_subject_is_a_kinship_noun_beside_a_name(nlp):
    text = "Ian Hill, whose father Tom Hill founded the shop and is now Ida Roth's assistant, spoke first."
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Hill"]), Tom=(PERSON, ["Tom Hill"]), Ida=(PERSON, ["Ida Roth"]))
    assert ("Tom", "works_for", "Ida", "assistant") in found


def test_a_plural_title_joined_to_a_singular_one_names_other_people(nlp):
    text = "The plan needs the president and the Green leaders to agree."
    found = relations_of(nlp, text, President=(PERSON, [("the president", "description")]), Greens=(ORG, ["Green"]))
    assert found == set()


@pytest.mark.parametrize("text, expected", [
    ("Ann Lee served as chief executive of Acme for ten years.", {("Ann", "works_for", "Acme", "chief executive")}),
    ("After a short spell as Acme coach, Ann Lee moved abroad.", {("Ann", "works_for", "Acme", "coach")}),
    ("Acme named Ann Lee as its director on Monday.", {("Ann", "works_for", "Acme", "director")}),
    ("Ann Lee saw a post at Acme as a step towards a job as director.", set()),
    ("Ann Lee succeeded Tom Reed as chief executive of Acme.", {("Ann", "works_for", "Acme", "chief executive")}),
    ("Ann Lee will represent Tom Reed as his adviser.", {("Ann", "works_for", "Tom", "adviser")}),
])
def test_the_holder_of_a_job_in_an_as_phrase(nlp, text, expected):
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Acme=(ORG, ["Acme"] if "Acme" in text else []),
                         Tom=(PERSON, (["Tom Reed"] if "Tom" in text else [])
                              + ([("his", "pronoun")] if " his " in text else [])))
    assert found == expected


def test_a_pronoun_does_not_hold_a_job_in_an_as_phrase(nlp):
    text = "Ann Lee praised Tom Reed. After a spell as Acme coach, he moved abroad."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Tom=(PERSON, ["Tom Reed", ("he", "pronoun")]),
                         Acme=(ORG, ["Acme"]))
    assert found == set()


def test_an_as_phrase_states_no_kinship(nlp):
    text = "Tom Reed treats Ann Lee as his own daughter."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Tom=(PERSON, ["Tom Reed", ("his", "pronoun")]))
    assert found == set()


@pytest.mark.parametrize("text, expected", [
    ("Sam Hill named them as Tom Reed, 20, from Leeds, and Ann Cole, 19, from York, both students at Vantor College.",
     {"Tom", "Ann"}),
    ("Sam Hill met Tom Reed and Ann Cole, both students at Vantor College.", {"Tom", "Ann"}),
    ("Tom Reed, Sam Hill and Ann Cole, all students at Vantor College, spoke.", set()),
])
def test_both_after_two_names_makes_them_the_holders(nlp, text, expected):
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed"]), Ann=(PERSON, ["Ann Cole"]),
                         Sam=(PERSON, ["Sam Hill"]), Vantor=(ORG, ["Vantor College"]))
    assert {holder for holder, relation, _, _ in found if relation == "member_of"} == expected


def test_a_name_after_from_before_both_is_no_third_holder(nlp):
    text = "Tom Reed, 20, from Leeds, and Ann Cole, 19, from Yarrow, both students at Vantor College, were hurt."
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed"]), Ann=(PERSON, ["Ann Cole"]),
                         Yarrow=(PERSON, ["Yarrow"]), Vantor=(ORG, ["Vantor College"]))
    assert {holder for holder, relation, _, _ in found if relation == "member_of"} == {"Tom", "Ann"}


def test_a_job_between_a_kinship_noun_and_the_name_beside_it(nlp):
    text = "Ann Hale toured Europe with her younger sister, drummer Mia Hale, last year."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale", ("her", "pronoun")]),
                         Mia=(PERSON, ["Mia Hale", ("drummer Mia Hale", "description")]))
    assert found == {("Mia", "sibling_of", "Ann", None)}


@pytest.mark.parametrize("text", [
    "Tom Reed, 41, a director at Acme, will become chairman.",
    "Tom Reed (41), a director at Acme, will become chairman.",
    "Tom Reed, 41, currently managing director of Acme, will become chairman.",
    "Tom Reed, now a director at Acme, will become chairman.",
])
def test_a_title_set_after_a_name_and_its_age(nlp, text):
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed"]), Acme=(ORG, ["Acme"]))
    assert {(subject, relation, obj) for subject, relation, obj, _ in found} == {("Tom", "works_for", "Acme")}


@pytest.mark.parametrize("text", [
    "Ann Lee was one of the founding members of the Tamford Rowing Club.",
    "Ann Lee, one of the founding members of the Tamford Rowing Club, said the boathouse would stay.",
])
def test_one_of_a_plural_title_holds_it(nlp, text):
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Club=(ORG, ["the Tamford Rowing Club"]))
    assert ("Ann", "member_of", "Club") in {relation[:3] for relation in found}


def test_a_copula_naming_the_holder_after_the_trigger_noun(nlp):
    text = "Vantor's chief executive is Ann Hale."
    found = relations_of(nlp, text, Vantor=(ORG, ["Vantor"]), Ann=(PERSON, ["Ann Hale"]))
    assert {relation[:3] for relation in found} == {("Ann", "works_for", "Vantor")}


def test_a_copula_naming_the_kin_after_the_kinship_noun(nlp):
    text = "Ann Hale lives in Leeds. Her brother is Tom Reed, a pilot."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale", ("Her", "pronoun")]), Tom=(PERSON, ["Tom Reed"]))
    assert {relation[:3] for relation in found} == {("Tom", "sibling_of", "Ann")}
