"""An organisation or country set after a person's name (relations/affiliations.py)."""

from __future__ import annotations

import pytest

from relation_helpers import ORG, PERSON, PLACE, relations_of


def test_organisation_in_an_of_phrase_after_a_name(nlp):
    text = "Sergeant Omar Said, of Kent Police, gave evidence."
    found = relations_of(nlp, text, Omar=(PERSON, ["Sergeant Omar Said"]), Police=(ORG, ["Kent Police"]))
    assert found == {("Omar", "works_for", "Police", None)}


@pytest.mark.parametrize("text, expected", [
    ("Another analyst, Eva Stone of Norvale, was cautious.", {("Eva", "works_for", "Norvale", None)}),
    ("Count Eva Stone of Norvale was cautious.", set()),
])
def test_a_name_and_its_organisation_in_an_of_phrase(nlp, text, expected):
    assert relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), Norvale=(ORG, ["Norvale"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("President Eva Stone of Norland met the press.", {("Eva", "works_for", "Norland", None)}),
    ("Duchess Eva Stone of Norland met the press.", set()),
])
def test_a_government_title_before_a_name_and_its_country_after(nlp, text, expected):
    name = text.split(" of ")[0]
    assert relations_of(nlp, text, Eva=(PERSON, [name]), Norland=(PLACE, ["Norland"])) == expected


@pytest.mark.parametrize("text, org, expected", [
    ("Vantor's Ian Moss said sales rose.", "Vantor", "works_for"),
    ("Labour's Ian Moss finished fourth.", "Labour", "member_of"),
    ("Tamford Rovers' Ian Moss scored twice.", "Tamford Rovers", "member_of"),
])
def test_an_organisations_possessive_before_a_name(nlp, text, org, expected):
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Org=(ORG, [org]))
    assert found == {("Ian", expected, "Org", None)}


@pytest.mark.parametrize("text, org_forms, expected", [
    ("Ian Moss came second, behind Liberal Democrat Ida Roth; the Lib Dems held the seat.", ["the Lib Dems"],
     {("Ida", "member_of", "Org", None)}),
    ("Ian Moss came second, behind Ida Roth (Lib Dems).", ["Lib Dems"],
     {("Ida", "member_of", "Org", None)}),
    ("Ian Moss came second, behind Ida Roth (Vantor).", ["Vantor"], set()),
])
def test_a_party_before_a_name_or_in_brackets_after_it(nlp, text, org_forms, expected):
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Ida=(PERSON, ["Ida Roth"]), Org=(ORG, org_forms))
    assert found == expected


def test_a_party_in_an_of_phrase_after_a_name_is_membership(nlp):
    text = "Ida Roth of the Green Party voted against."
    found = relations_of(nlp, text, Ida=(PERSON, ["Ida Roth"]), Party=(ORG, ["the Green Party"]))
    assert found == {("Ida", "member_of", "Party", None)}


def test_a_quoted_name_after_a_possessive_is_a_title(nlp):
    text = 'Ann Lee was a guest on Norvale TV\'s "Ian at Noon" last week.'
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), TV=(ORG, ["Norvale TV"]), Ian=(PERSON, ["Ian at Noon"]))
    assert found == set()


def test_a_possessor_the_parse_hangs_on_the_first_word_of_a_name(nlp):
    text = "Plaid's Deepak Lal Joshi finished a distant third with 812 votes (4.1%)."
    found = relations_of(nlp, text, Plaid=(ORG, ["Plaid"]), Deepak=(PERSON, ["Deepak Lal Joshi"]))
    assert found == {("Deepak", "member_of", "Plaid", None)}


@pytest.mark.parametrize("text, expected", [
    ("Rep. Ian Moss, D-Ohio, voted no. The Democrats split.", {("Ian", "member_of", "Party", None)}),
    ("Rep. Ian Moss (D-Ohio) voted no. The Democrats split.", {("Ian", "member_of", "Party", None)}),
    ("Rep. Ian Moss, a D-Day veteran, voted no. The Democrats split.", set()),
])
def test_a_us_party_mark_after_a_legislators_name(nlp, text, expected):
    assert relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Party=(ORG, ["Democrats"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Eva Stone said her Greens would hold the seat.", {("Eva", "member_of", "Party", None)}),
    ("Eva Stone said the Greens would hold the seat.", set()),
])
def test_the_party_a_person_calls_theirs(nlp, text, expected):
    assert relations_of(nlp, text, Eva=(PERSON, ["Eva Stone", ("her", "pronoun")] if " her " in text else ["Eva Stone"]),
                        Party=(ORG, ["Greens"])) == expected


def test_a_party_owned_by_a_pronoun_for_someone_named_later_is_no_membership(nlp):
    text = "Her Greens held the seat, Eva Stone said."
    assert relations_of(nlp, text, Eva=(PERSON, ["Eva Stone", ("Her", "pronoun")]), Party=(ORG, ["Greens"])) == set()


@pytest.mark.parametrize("text, expected", [
    ("Lee will replace Sen. Tom Reed, the Elmby Republican who is retiring. The Republicans lost.", True),
    ("Tom Reed, a Democrat, won. The Democratic Party gained.", True),
    ("Tom Reed is a Tory. The Conservatives gained.", True),
    # an adjective, or a party the article does not name, says nothing here
    ("Tom Reed is a Republican senator's aide. The Democrats won.", False),
    ("Tom Reed, a Democrat, won.", False),
])
def test_a_party_name_as_a_noun_for_a_person(nlp, text, expected):
    party = next((name for name in ("The Republicans", "The Democratic Party", "The Conservatives", "The Democrats")
                  if name in text), None)
    found = relations_of(nlp, text, Tom=(PERSON, ["Sen. Tom Reed" if "Sen." in text else "Tom Reed"]),
                         Party=(ORG, [party] if party else []))
    assert (("Tom", "member_of", "Party", None) in found) == expected


@pytest.mark.parametrize("owner_type, expected", [(ORG, True), (PLACE, False)])
def test_an_organisations_part_in_an_of_phrase_after_a_name(nlp, owner_type, expected):
    text = "Sergeant Ann Lee, of Norvale's road safety unit, said the lane would reopen."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Owner=(owner_type, ["Norvale"]))
    assert (("Ann", "works_for", "Owner", None) in found) is expected


@pytest.mark.parametrize("text", [
    "Sens. Ann Hale of Dover and Tom Reed of Salem, both Republicans, stalled it. The Republicans hold the Senate.",
    "Ann Hale and Tom Reed, both Democrats, voted no. The Democrats lost the vote.",
])
def test_a_partys_plural_after_both_makes_each_name_a_member(nlp, text):
    party = "The Republicans" if "Republicans" in text else "The Democrats"
    plural = party.split()[1]
    for forms in ([party], [party, plural]):  # the plural after 'both' a mention of the party or not
        found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale"]), Tom=(PERSON, ["Tom Reed"]), Party=(ORG, forms))
        assert {relation[:3] for relation in found} == {("Ann", "member_of", "Party"), ("Tom", "member_of", "Party")}


def test_a_partys_plural_said_of_a_group_no_name_is_in_says_nothing(nlp):
    text = "Ann Hale met voters, the Republicans among them. The Republicans hold the Senate."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale"]), Party=(ORG, ["The Republicans"]))
    assert found == set()


@pytest.mark.parametrize("text", [
    "Two Greens – Ann Voss and Ian Moss – broke ranks on Monday.",
    "These are the Green councillors who broke ranks:\n\nAnn Voss of Elmby\n\nIan Moss of Tamford\n\nThe motion fell.",
    "Those were the Green councillors who broke ranks: Ann Voss and Ian Moss.",
])
def test_a_partys_plural_introducing_a_list_of_names(nlp, text):
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Voss"]), Ian=(PERSON, ["Ian Moss"]),
                         Greens=(ORG, ["Greens" if "Greens" in text else "Green"]))
    assert found == {("Ann", "member_of", "Greens", None), ("Ian", "member_of", "Greens", None)}


def test_a_list_after_a_partys_verb_is_not_its_members(nlp):
    text = "The Greens called two experts: Ann Voss and Ian Moss."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Voss"]), Ian=(PERSON, ["Ian Moss"]), Greens=(ORG, ["Greens"]))
    assert found == set()


@pytest.mark.parametrize("text, body, expected", [
    ("Ann Voss said her ministry had drafted the text.", "her ministry", {("Ann", "works_for", "Body", None)}),
    ("Ann Voss said her party had drafted the text.", "her party", {("Ann", "member_of", "Body", None)}),
    ("Ann Voss said her school had closed.", "her school", set()),
])
def test_a_body_a_persons_pronoun_calls_theirs(nlp, text, body, expected):
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Voss", (body.split()[0], "pronoun")]),
                         Body=(ORG, [(body, "description")]))
    assert found == expected
