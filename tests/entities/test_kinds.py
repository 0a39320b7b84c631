"""What the article or a name says one is, and the nouns it is called back by (entities/kinds.py), one rule per
test, each on a short sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder


def test_a_kind_noun_set_beside_a_place_is_a_mention_and_calls_it_back(nlp):
    text = "Water flooded Harlow Court, a riverside apartment complex, on Tuesday. The complex was evacuated."
    entities = entities_of(nlp, text)
    court = holder(entities, "Harlow Court")
    assert court is holder(entities, "a riverside apartment complex") is holder(entities, "The complex")


def test_a_town_modifying_a_kind_noun_is_something_in_the_town(nlp):
    text = "Fire swept through a Kelsby estate on Tuesday. Kelsby Council said the estate would be rebuilt."
    entities = entities_of(nlp, text)
    assert not any(m.text in {"a Kelsby estate", "the estate"} for e in entities if e.name == "Kelsby"
                   for m in e.mentions)


def test_a_block_of_homes_is_called_back_by_any_word_for_one(nlp):
    text = ("Crews fought a fire in the Penrose Court development on Monday. The estate was built in 1975, and "
            "most of the complex was empty.")
    entities = entities_of(nlp, text)
    court = holder(entities, "Penrose Court")
    assert holder(entities, "The estate") is court
    assert holder(entities, "the complex") is court


def test_a_law_court_is_no_estate(nlp):
    text = "Tom Reed appeared at Kelsby Crown Court on Monday. He had lived on the estate for years."
    entities = entities_of(nlp, text)
    assert not any(m.text == "the estate" for e in entities for m in e.mentions)


def test_a_city_state_is_called_back_as_the_city(nlp):
    text = "Heavy rain flooded roads across Singapore on Monday. Trains in the city ran late all day."
    entities = entities_of(nlp, text)
    assert holder(entities, "the city") is holder(entities, "Singapore")


def test_the_place_word_in_an_organisations_name_calls_back_the_place_not_the_body(nlp):
    entities = entities_of(nlp, "An audit ordered by the Dorrow County Board found gaps in the accounts. A spokesman "
                                "said the county would repay the money.")
    assert all(m.text != "the county" for m in holder(entities, "the Dorrow County Board").mentions)


def test_a_companys_site_is_not_the_company(nlp):
    entities = entities_of(nlp, "A fire broke out at the Morwell Paints factory overnight. Morwell Paints said no one "
                                "was hurt.")
    assert all(m.text != "the Morwell Paints factory" for m in holder(entities, "Morwell Paints").mentions)


def test_a_kind_of_place_inside_an_organisations_name_does_not_call_it_back(nlp):
    text = "Tarnby County Council cut bus routes on Monday. The county has 40,000 people."
    entities = entities_of(nlp, text)
    assert all(m.text != "The county" for m in holder(entities, "Tarnby County Council").mentions)


def test_a_kind_of_place_inside_an_events_name_does_not_call_it_back(nlp):
    text = "Crowds came to the Marlow County Fair on Saturday. The fair drew visitors from across the county."
    entities = entities_of(nlp, text)
    assert all(m.text != "the county" for m in holder(entities, "the Marlow County Fair").mentions)


@pytest.mark.parametrize("text, name, back", [
    ("Bills for Kelsby Council Tax rose 5% this year. The council said costs had risen.", "Kelsby Council Tax",
     "The council"),
    ("The Kelsby Police Federation, which speaks for officers, said the force was short of staff.",
     "The Kelsby Police Federation", "the force"),
])
def test_a_word_inside_a_name_before_its_head_does_not_call_it_back(nlp, text, name, back):
    entities = entities_of(nlp, text)
    assert all(m.text != back for m in holder(entities, name).mentions)


def test_a_word_before_a_head_that_says_no_kind_calls_the_name_back(nlp):
    entities = entities_of(nlp, "The Kelsby Police Department said the force had 40 officers.")
    assert holder(entities, "the force") is holder(entities, "The Kelsby Police Department")


def test_a_work_described_by_its_kind_is_called_back_by_it(nlp):
    entities = entities_of(nlp, "Ann Lee wrote a novel, The Glass Harbour, in 2019. The novel was filmed in 2022.")
    assert holder(entities, "The novel") is holder(entities, "The Glass Harbour")


def test_the_olympics_are_called_back_as_the_games(nlp):
    entities = entities_of(nlp, "He carried the torch at the 2012 Olympics in London. The games were a triumph.")
    assert holder(entities, "The games") is holder(entities, "the 2012 Olympics")


@pytest.mark.parametrize("text, name, back", [
    ("Shares in Corvello, a regional bakery chain, fell after the bakery shut two shops.", "Corvello", "the bakery"),
    ("Kestrel Partners is a Swiss consortium. On Friday the consortium raised its offer.", "Kestrel Partners",
     "the consortium"),
    ("Bristol indie trio Copper Lanterns have left Halcyon Records. The band thanked fans.", "Copper Lanterns",
     "The band"),
])
def test_a_noun_the_article_gives_a_name_calls_it_back(nlp, text, name, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, name)
    assert holder(entities, name).type == "ORG"


def test_words_before_a_name_that_say_what_it_is_are_a_mention_of_it(nlp):
    entities = entities_of(nlp, "Bristol indie trio Copper Lanterns have signed a new deal.")
    assert holder(entities, "Bristol indie trio Copper Lanterns") is holder(entities, "Copper Lanterns")


@pytest.mark.parametrize("text, name, back", [
    ("Staff at the Ormsby Valley Hospice said the hospice would open a new wing.", "the Ormsby Valley Hospice",
     "the hospice"),
    ("Copper Lanterns left Halcyon Records in May. The label wished them well.", "Halcyon Records", "The label"),
])
def test_the_head_word_of_a_name_calls_it_back(nlp, text, name, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, name)


@pytest.mark.parametrize("text, name, back", [
    ("The line is operated by Varnholt Rail. Services were cancelled, the operator said.", "Varnholt Rail",
     "the operator"),
    ("Tessgrove Analytics agreed to buy Pellwick for $90m. The acquirer will keep its staff.", "Tessgrove Analytics",
     "The acquirer"),
])
def test_the_doer_of_a_verb_is_called_back_by_the_noun_made_from_it(nlp, text, name, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, name)


def test_a_work_named_after_its_kind_and_called_is_called_back_by_its_kind(nlp):
    text = "Ann Lee will publish a memoir called Salt Roads in May. The book covers her years at sea."
    entities = entities_of(nlp, text)
    assert holder(entities, "The book") is holder(entities, "Salt Roads")


def test_a_kind_noun_after_other_words_after_an_organisation_is_a_place_of_its_own(nlp):
    text = "Kelmar Foods cut 200 jobs. Staff at the Kelmar Foods distribution centre were told on Monday."
    entities = entities_of(nlp, text)
    assert holder(entities, "the Kelmar Foods distribution centre") is not holder(entities, "Kelmar Foods")
    assert holder(entities, "the Kelmar Foods distribution centre").type == "PLACE"


def test_a_kind_noun_opening_a_sentence_before_a_name_says_what_it_is(nlp):
    text = ("Developer Crestline Developments will appeal. Councillors sided with Kelsby Parish Council, and the "
            "developer said it was disappointed.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the developer") is holder(entities, "Crestline Developments")


def test_a_body_whose_name_says_it_regulates_is_the_regulator(nlp):
    text = ("The Marlow Water Services Commission fined Kelmar Water £2m on Monday. Kelmar Water will appeal, but "
            "the regulator said the fine was fair.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the regulator") is holder(entities, "The Marlow Water Services Commission")


def test_a_generic_word_of_a_kind_needs_the_article_to_say_it(nlp):
    text = ("The Larchfield Arts Festival will return in June. Organisers spoke at a news conference on Monday, "
            "and the event was streamed online.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the event" for m in holder(entities, "The Larchfield Arts Festival").mentions)


def test_an_institution_word_inside_a_name_is_no_call_back_of_it(nlp):
    text = ("Ann Lee, superintendent of the Kelsby Valley School District, said on Monday that the school would reopen "
            "after the storm.")
    entities = entities_of(nlp, text)
    district = holder(entities, "the Kelsby Valley School District")
    assert all(m.text != "the school" for m in district.mentions)


def test_a_legislature_is_called_back_as_the_chamber(nlp):
    text = "The Kelsby Senate passed the water bill 21-12 on Tuesday. The chamber then adjourned until May."
    entities = entities_of(nlp, text)
    assert holder(entities, "The chamber") is holder(entities, "The Kelsby Senate")
