"""Pronouns and kinship (entities/references.py), one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsfacts.entities.clusters import Cluster
from newsfacts.entities.references import _named_in_apposition, _resolve_kinship

from entity_helpers import entities_of, holder


def test_pronoun_takes_the_person_of_its_gender(nlp):
    entities = entities_of(nlp, "Laura Stein met Peter Novak in Vienna. He said the talks went well.")
    assert holder(entities, "He") is holder(entities, "Peter Novak")


def test_pronoun_prefers_the_subject(nlp):
    entities = entities_of(nlp, "Peter Novak thanked Tom Brady. He then left for the airport.")
    assert holder(entities, "He") is holder(entities, "Peter Novak")


def test_pronouns_inside_quotation_marks_are_left_alone(nlp):
    entities = entities_of(nlp, 'Peter Novak smiled: "He is a good man," and left.')
    assert all(m.text != "He" for e in entities for m in e.mentions)


def test_kinship_description_named_beside_it(nlp):
    entities = entities_of(nlp, "Lord Fenwick spoke about his brother the Duke of Norland at the dinner.")
    assert holder(entities, "his brother") is holder(entities, "the Duke of Norland")
    assert holder(entities, "his brother") is not holder(entities, "Lord Fenwick")


def test_kinship_description_refers_back_and_is_remembered(nlp):
    text = ("The King met Prince Albert at the castle. Albert had waited months to see his father. "
            "Later the King praised his son.")
    entities = entities_of(nlp, text)
    king = holder(entities, "The King")
    prince = holder(entities, "Prince Albert")
    assert holder(entities, "his father") is king
    assert holder(entities, "his son") is prince


def test_unknown_relative_gets_an_entity_of_its_own(nlp):
    entities = entities_of(nlp, "Grace Mwangi arrived late. Her mother was waiting outside.")
    mother = holder(entities, "Her mother")
    assert mother is not holder(entities, "Grace Mwangi")
    assert mother.type == "PERSON" and "mother" in mother.name


def test_relative_is_not_an_unrelated_person_nearby(nlp):
    entities = entities_of(nlp, "Carla Moreno debated Victor Hale on Monday. Her husband watched from the front row.")
    assert holder(entities, "Her husband") is not holder(entities, "Victor Hale")


def test_relative_sharing_the_surname_is_the_person_named_before(nlp):
    entities = entities_of(nlp, "Helen Marsh spoke first. Then Daniel Marsh thanked his wife for her patience.")
    assert holder(entities, "his wife") is holder(entities, "Helen Marsh")


def test_possessive_does_not_point_at_the_name_beside_its_own_noun(nlp):
    entities = entities_of(nlp, "Peter Lund retired. His wife, Joan, is a nurse in Oslo.")
    assert holder(entities, "His") is holder(entities, "Peter Lund")
    assert holder(entities, "His") is not holder(entities, "Joan")


def test_pronoun_in_a_reported_clause_is_the_reporter(nlp):
    text = "Ola Berg has not played since May, and the coach, Ivan Holm, said he expected him back soon."
    entities = entities_of(nlp, text)
    assert holder(entities, "he") is holder(entities, "Ivan Holm")
    assert holder(entities, "him") is holder(entities, "Ola Berg")


def test_subject_pronoun_is_no_one_named_inside_its_own_clause(nlp):
    text = "Alan Rudd spoke for the defence. The 41-year-old Leon Marsh had since found work, he said."
    entities = entities_of(nlp, text)
    assert holder(entities, "he") is holder(entities, "Alan Rudd")


def test_possessive_is_the_subject_of_its_own_clause(nlp):
    text = ("Raymond Cole vanished in May. Raymond Cole's lawyer, Brian Dale, denied that Cole had involved "
            "his son in the scheme.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his son") is not holder(entities, "Brian Dale")
    assert holder(entities, "his", 0) is holder(entities, "Raymond Cole")


def test_pronoun_in_a_clause_without_subject_takes_the_subject_it_depends_on(nlp):
    text = ("The actress Ana Lind won the award. Her agent, Claire Dumont, said the actress would take a break "
            "next year to spend time with her family.")
    entities = entities_of(nlp, text)
    assert holder(entities, "her") is holder(entities, "Ana Lind")


def test_a_pronoun_still_finds_a_person_whose_stage_name_looks_female(nlp):
    text = "The winner was the rapper known as Lil Vex, whose real name is Tom Rudd. He thanked his mother."
    entities = entities_of(nlp, text)
    assert holder(entities, "He") is holder(entities, "Lil Vex")


def test_a_plural_pronoun_whose_clause_has_an_organisation_as_subject_is_it(nlp):
    text = "The Harlow Rovers defended their coach on Monday after a third defeat."
    entities = entities_of(nlp, text)
    assert holder(entities, "their") is holder(entities, "The Harlow Rovers")


def test_their_opening_a_sentence_after_an_organisation_as_subject_is_it(nlp):
    text = "The folk trio Salt Harbour were left out of the shortlist. Their manager, Reggie Moss, called it baffling."
    entities = entities_of(nlp, text)
    assert holder(entities, "Their") is holder(entities, "Salt Harbour")


def test_a_princes_parent_is_the_one_monarch_of_the_story(nlp):
    text = ("The Queen is resting at Windsor. Crowds met Prince Edwin in Leeds on Monday. Aides say the prince, "
            "who will one day succeed his mother, spoke to every family.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his mother") is holder(entities, "The Queen")


def test_a_relative_named_right_after_the_kinship_noun_without_a_comma(nlp):
    text = ("Carl Rowe runs a garage in town. His wife Dana Rowe keeps the books, and she says her husband works too "
            "hard.")
    entities = entities_of(nlp, text)
    assert holder(entities, "her husband") is holder(entities, "Carl Rowe")
    assert holder(entities, "His wife") is holder(entities, "Dana Rowe")


def test_my_father_in_a_quotation_is_the_speakers_father(nlp):
    text = ("Marta Kessel runs the bakery her father, Hans Kessel, opened in 1970. "
            "\"My father never took a day off,\" Marta Kessel said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "My father") is holder(entities, "Hans Kessel")


def test_my_sister_in_a_quotation_is_the_one_other_of_the_family(nlp):
    text = ("Chef Marta Lopes-Reis opened her third restaurant on Friday. Her brother supplies the wine. "
            "Mr Lopes said: \"Nobody works harder than my sister.\"")
    entities = entities_of(nlp, text)
    assert holder(entities, "my sister") is holder(entities, "Marta Lopes-Reis")


def test_a_reporting_subject_is_no_one_named_deep_in_the_clause_it_reports(nlp):
    entities = entities_of(nlp, "Ann Cole led the inquiry. Tom Reed had hidden the money in a box kept under his "
                                "sister's bed, she said.")
    assert holder(entities, "she") is holder(entities, "Ann Cole")


@pytest.mark.parametrize("text, reference, name", [
    ("Ann Salah and Tom Gakpo tested the keeper, with the latter nearly scoring.", "the latter", "Tom Gakpo"),
    ("Ann Salah met Tom Gakpo and Ruth Hale. The former said little.", "The former", "Tom Gakpo"),
])
def test_the_latter_or_the_former_is_one_of_the_two_names_just_joined(nlp, text, reference, name):
    entities = entities_of(nlp, text)
    assert holder(entities, reference) is holder(entities, name)


def test_the_former_with_a_noun_is_no_reference_to_a_pair(nlp):
    entities = entities_of(nlp, "Ann Salah and Tom Gakpo met. The former minister said little.")
    assert all(m.text != "The former" for e in entities for m in e.mentions)


def test_a_relative_named_beside_the_noun_joins_though_the_owner_is_no_one_known(nlp):
    entities = entities_of(nlp, "The two sisters sold the farm their mother, Ruth Okafor, had bought in 1990.")
    assert holder(entities, "their mother") is holder(entities, "Ruth Okafor")


def test_a_name_right_after_the_kinship_noun_is_part_of_the_description_too(nlp):
    entities = entities_of(nlp, "Mayor Ian Brook said he would pass the chain to his eldest son Jonah next spring.")
    son = holder(entities, "Jonah")
    assert holder(entities, "his eldest son") is son and holder(entities, "his eldest son Jonah") is son
    assert son is not holder(entities, "Mayor Ian Brook")


def test_a_possessive_does_not_point_forward_to_a_name_given_as_a_relative(nlp):
    text = ("Senator Rosa Amadi thanked the volunteers. Her husband waved to the crowd with their daughter, "
            "Zoe Amadi, who ran the campaign.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Her") is holder(entities, "Senator Rosa Amadi")
    assert holder(entities, "their daughter") is holder(entities, "Zoe Amadi")
    assert holder(entities, "Her husband") is not holder(entities, "Zoe Amadi")


def test_a_relative_two_people_of_the_family_fit_joins_neither(nlp):
    entities = entities_of(nlp, "Anna Kell and Mia Kell took their seats. Then Paul Kell thanked his wife for coming.")
    wife = holder(entities, "his wife")
    assert wife is not holder(entities, "Anna Kell") and wife is not holder(entities, "Mia Kell")


def test_a_parent_is_the_known_parents_spouse(nlp):
    text = ("Omar Tate, 60, and his son Rafi Tate, 28, were both fined. Omar Tate's wife, Lina, was questioned. "
            "Rafi Tate said his mother had warned them.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his mother") is holder(entities, "Lina")


def test_a_relative_described_first_joins_the_person_the_article_later_shows_them_to_be(nlp):
    text = ("Omar Tate, 60, and his son Rafi Tate, 28, were both fined. Rafi Tate had hidden the cash at his "
            "mother's house. Omar Tate's wife, Lina, was not charged.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his mother") is holder(entities, "Lina")


def test_a_parent_of_the_wrong_gender_is_not_joined_later(nlp):
    text = "Rafi Tate had hidden the cash at his mother's house. His father, Omar Tate, was fined."
    entities = entities_of(nlp, text)
    assert holder(entities, "his mother") is not holder(entities, "Omar Tate")
    assert holder(entities, "His father") is holder(entities, "Omar Tate")


def test_a_sibling_is_the_parents_one_other_child_of_that_gender(nlp):
    text = ("Ann Lowe runs the shop with her son Ben Lowe. Her daughter, Kim Lowe, keeps the books. "
            "The shop opened in 1998 on the high street. Ben Lowe said his sister had saved the business.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his sister") is holder(entities, "Kim Lowe")


def test_a_kinship_description_starts_with_its_owners_whole_name(nlp):
    # the parse hangs the title on the kinship noun, as it sometimes does after a paragraph break
    doc = Doc(nlp.vocab, words=["Ms", "Lee", "’s", "husband", "left", "."], heads=[3, 3, 1, 4, 4, 4],
              deps=["compound", "poss", "case", "nsubj", "ROOT", "punct"],
              lemmas=["Ms", "Lee", "’s", "husband", "leave", "."], pos=["PROPN", "PROPN", "PART", "NOUN", "VERB", "PUNCT"])
    owner = Cluster("PERSON", mentions=[(0, 2, "name")], personal={("lee",)}, gender="female")
    clusters = [owner]
    husband = _resolve_kinship(doc, doc[3], [(doc[1], owner)], clusters)
    assert husband is not owner and (0, 4, "description") in husband.mentions


def test_their_father_named_is_the_father_of_both_siblings_before_it(nlp):
    text = ("Ann Lee, 50, says her younger brother Tom Lee let the shop slide after their father, Sam Lee, died. "
            "The shop opened in 1971 on the high street. Staff were told on Monday. Tom Lee said his father had "
            "trusted him.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his father") is holder(entities, "Sam Lee")


def test_their_father_of_two_who_are_not_told_to_be_siblings_is_shared_by_neither(nlp):
    text = ("Ann Lee, 50, and Tom Lee, 47, sold the shop after their father, Sam Lee, died. "
            "The shop opened in 1971 on the high street. Staff were told on Monday. Tom Lee said his father had "
            "trusted him.")
    entities = entities_of(nlp, text)
    assert holder(entities, "their father") is holder(entities, "Sam Lee")
    assert holder(entities, "his father") is not holder(entities, "Sam Lee")


def test_an_unnamed_father_of_a_pair_is_no_one_to_join_later(nlp):
    text = ("Ann Lee said her brother Tom Lee has succeeded their father as chairman. The old chairman had led "
            "the board since 1990, having followed his own father.")
    entities = entities_of(nlp, text)
    assert all(m.text != "their father" for e in entities for m in e.mentions) or \
        holder(entities, "their father") is not holder(entities, "his own father")


def test_a_relative_of_a_pronoun_that_could_be_either_of_two_people_is_left_alone(nlp):
    text = ("Tom Reed sued his younger brother, Mark Reed, in March. Ann Cole, acting for Mark Reed, said Tom had not "
            "attended meetings for years. Ms Cole said the loss was one her client blamed on his brother.")
    assert not [m for e in entities_of(nlp, text) for m in e.mentions if m.text == "his brother"]


def test_an_uncle_is_a_parents_sibling_the_article_told(nlp):
    text = ("Owen Price runs the farm with his brother Carl. Carl and his daughter, Lily Price, keep the accounts. "
            "Lily Price said her uncle had stopped paying the bills.")
    entities = entities_of(nlp, text)
    assert holder(entities, "her uncle") is holder(entities, "Owen Price")


def test_my_relative_in_a_quotation_carrying_on_an_attributed_one_is_that_speakers(nlp):
    text = ("Owen Price runs the farm with his brother Carl. \"We argued for months,\" Owen Price told the court. "
            "\"My brother never listened.\"")
    entities = entities_of(nlp, text)
    assert holder(entities, "My brother") is holder(entities, "Carl")


def test_a_child_is_the_one_child_the_article_gave_them(nlp):
    text = "Kate Lowe's father, Jim Lowe, still runs the pub. Neighbours say he dotes on his only child."
    entities = entities_of(nlp, text)
    assert holder(entities, "his only child") is holder(entities, "Kate Lowe")


@pytest.mark.parametrize("text", [
    "Ann Cole won the seat. She is married to Tom Cole, a farmer. Her husband stood beside her at the count.",
    "Ann Cole, who married Tom Cole in 1999, won the seat. Her husband stood beside her at the count.",
])
def test_the_spouse_of_someone_told_married_to_a_named_person_is_that_person(nlp, text):
    entities = entities_of(nlp, text)
    assert holder(entities, "Her husband") is holder(entities, "Tom Cole")


def test_a_relative_named_after_a_role_beside_the_kinship_noun_is_that_person(nlp):
    # the parse misses the apposition and takes the role for a verb, as it sometimes does after a comma
    doc = Doc(nlp.vocab, words=["with", "her", "sister", ",", "drummer", "Mia", "Park", ",", "she", "won"],
              heads=[9, 2, 0, 6, 6, 6, 9, 9, 9, 9],
              deps=["prep", "poss", "pobj", "punct", "amod", "compound", "npadvmod", "punct", "nsubj", "ROOT"],
              lemmas=["with", "her", "sister", ",", "drummer", "Mia", "Park", ",", "she", "win"],
              pos=["ADP", "PRON", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB"])
    sister = Cluster("PERSON", mentions=[(5, 7, "name")], personal={("mia", "park")})
    assert _named_in_apposition(doc[2], [sister], 3)[0] is sister


def test_a_relative_told_as_one_of_several_is_not_the_one_already_known(nlp):
    text = "Tom Hale gave the estate to his elder son, Ben Hale, on Monday. Tom Hale's younger son will run the shop."
    entities = entities_of(nlp, text)
    assert holder(entities, "Tom Hale's younger son") is not holder(entities, "Ben Hale")


def test_an_in_law_named_beside_the_noun_is_that_person_whole(nlp):
    entities = entities_of(nlp, "Greta Moss broke down the door with her brother-in-law, Oskar Lind, at dawn.")
    assert holder(entities, "her brother-in-law") is holder(entities, "Oskar Lind")
    assert all(m.text != "her brother" for e in entities for m in e.mentions)


def test_a_kinship_noun_said_of_someone_by_a_copula_is_them_and_not_its_owner(nlp):
    text = "Coach Ivo Berg quit on Friday. His deputy, Piet Laan, who is also his cousin, will take over."
    entities = entities_of(nlp, text)
    assert holder(entities, "his cousin") is holder(entities, "Piet Laan")
    assert holder(entities, "his") is holder(entities, "Ivo Berg")


def test_a_familiar_kinship_noun_in_a_quote_finds_the_relative_told_by_the_formal_one(nlp):
    text = 'Gord Marsh runs the stall with his daughter, Emma Marsh, a teacher. "My dad never stops," Emma Marsh said.'
    entities = entities_of(nlp, text)
    assert holder(entities, "My dad") is holder(entities, "Gord Marsh")


def test_a_relative_named_after_a_role_with_its_article_is_that_person(nlp):
    # the parse hangs the name on the role, not on the kinship noun, and tags the role's words as names
    words = ["her", "mother", ",", "the", "soap", "star", "Vera", "Lund", ",", "wept"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 9, 1, 5, 5, 1, 7, 5, 1, 9],
              deps=["poss", "nsubj", "punct", "det", "compound", "appos", "compound", "appos", "punct", "ROOT"],
              lemmas=["her", "mother", ",", "the", "soap", "star", "Vera", "Lund", ",", "weep"],
              pos=["PRON", "NOUN", "PUNCT", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT", "VERB"])
    mother = Cluster("PERSON", mentions=[(6, 8, "name")], personal={("vera", "lund")})
    assert _named_in_apposition(doc[1], [mother], 2)[0] is mother


@pytest.mark.parametrize("text, spouse, partner", [
    ("Tomas and Greta Brekkestad opened the bakery in 1988. Tomas Brekkestad, who ran the ovens, retired last year. "
     "His wife still serves at the counter.", "His wife", "Greta Brekkestad"),
    ("Greta Brekkestad, who ran the ovens, opened the bakery with Tomas in 1988. Tomas and Greta Brekkestad retired "
     "last year. Her husband still serves at the counter.", "Her husband", "Tomas"),
])
def test_a_spouse_is_the_one_named_with_them_before_one_surname(nlp, text, spouse, partner):
    entities = entities_of(nlp, text)
    assert holder(entities, spouse) is holder(entities, partner)


def test_a_brother_named_with_him_before_one_surname_is_not_his_wife(nlp):
    text = ("Tomas and Peter Brekkestad opened the bakery in 1988. Tomas Brekkestad, who ran the ovens, retired last "
            "year. His wife still serves at the counter.")
    entities = entities_of(nlp, text)
    assert holder(entities, "His wife") is not holder(entities, "Peter Brekkestad")


def test_the_writer_of_the_byline_is_no_one_a_pronoun_speaks_of(nlp):
    entities = entities_of(nlp, "Ferry fares rise\n\nBy Laura Stein, Transport Reporter\n\n"
                                "She said the crossing would cost more from May, the operator told staff.")
    assert all(m.text != "She" for e in entities for m in e.mentions)
    entities = entities_of(nlp, "Ferry fares rise\n\nLaura Stein said the crossing would cost more. "
                                "She said the operator told staff.")
    assert holder(entities, "She") is holder(entities, "Laura Stein")
