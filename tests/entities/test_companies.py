"""Organisations called back as 'the company' or by the noun set beside them (entities/companies.py), one rule
per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder
from newsfacts.entities.evidence import _words_around


def test_noun_phrase_beside_an_organisation_is_a_mention_of_it(nlp):
    entities = entities_of(nlp, "Regulators opened an inquiry into Kestrava, the Dutch chipmaker, on Thursday.")
    assert holder(entities, "the Dutch chipmaker") is holder(entities, "Kestrava")


def test_the_company_is_the_organisation_named_most_so_far(nlp):
    entities = entities_of(nlp, "Shares in Norvale Foods fell on Monday after the company cut its forecast.")
    assert holder(entities, "the company") is holder(entities, "Norvale Foods")


def test_the_company_after_two_organisations_named_as_often_is_neither(nlp):
    entities = entities_of(nlp, "Norvale Foods sued Tandem Brands on Monday. The company wants damages.")
    assert all(m.text != "The company" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, phrase, joined", [
    ("Acme Lines will cut 300 jobs worldwide, the Danish shipping group said on Tuesday.",
     "the Danish shipping group", True),
    ("Acme Lines will cut 300 jobs worldwide, the parent group said on Tuesday.", "the parent group", False),
])
def test_the_company_with_its_industry_or_nationality_is_the_organisation_named_most(nlp, text, phrase, joined):
    entities = entities_of(nlp, text)
    assert any(m.text == phrase for m in holder(entities, "Acme Lines").mentions) is joined


def test_the_company_inside_a_persons_description_is_the_company(nlp):
    text = ("Brannock Systems said on Monday that it would hand the job to the company's president, Ana Lind. "
            "Brannock Systems shares rose.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the company") is holder(entities, "Brannock Systems")


def test_a_noun_set_beside_an_organisation_points_back_at_it_later(nlp):
    text = ("Ann Holt now runs a pension fund, Greyfield Ventures, from Leeds. The fund has backed 40 start-ups, "
            "Holt said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The fund") is holder(entities, "Greyfield Ventures")


@pytest.mark.parametrize("text, described", [
    ("Shares in Brannock Systems rose on Monday after the Denver-based firm won a contract.", "the Denver-based firm"),
    ("Brannock Systems cut 300 jobs. Analysts said the Denver company had grown too fast.", "the Denver company"),
])
def test_the_company_placed_by_a_city_is_the_organisation_named_most(nlp, text, described):
    entities = entities_of(nlp, text)
    assert holder(entities, described) is holder(entities, "Brannock Systems")


def test_the_group_is_no_hospital_or_council(nlp):
    entities = entities_of(nlp, "He died at St Agnes Hospital on Monday. The group he founded in 1970 played on.")
    assert all(m.text != "The group" for m in holder(entities, "St Agnes Hospital").mentions)


def test_the_firm_is_not_an_organisation_named_once_among_others(nlp):
    text = ("Harbour Police said the warehouse fire was out, UPI reports. Officers searched the offices of the firm "
            "on Thursday.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the firm" for e in entities for m in e.mentions if e.name == "UPI")


def test_the_company_is_the_one_organisation_with_a_legal_form(nlp):
    text = ("CARDIFF (Nordpress) - Brynmor Shipping Holdings PLC reported on Tuesday that its profit fell, its Board said. The company also "
            "plans to sell two ships.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The company") is holder(entities, "Brynmor Shipping Holdings PLC")


def test_the_group_is_the_organisation_described_as_a_group(nlp):
    entities = entities_of(nlp, "Ardent Foods said sales rose. Ardent Foods opened two stores. Shares in Falken "
                                "Holding, the Swiss group that owns Ardent Foods, fell. The group said it would wait.")
    assert holder(entities, "The group") is holder(entities, "Falken Holding")


def test_the_company_after_two_companies_in_one_sentence_is_neither(nlp):
    text = ("Norvale Foods said on Monday it would buy Tandem Brands, and Tandem Brands shares rose 4%. "
            "The company expects the deal to close in May.")
    entities = entities_of(nlp, text)
    assert all(m.text != "The company" for e in entities for m in e.mentions)


def test_the_company_based_in_one_city_is_not_the_one_based_in_another(nlp):
    text = ("Denver-based Brannock Systems rose after Oslo-based Tandem Brands won a contract, and Tandem Brands "
            "shares rose too. Shares rose again on Friday, the Denver-based company said.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the Denver-based company" for m in holder(entities, "Tandem Brands").mentions)


def test_a_board_is_not_the_company(nlp):
    text = "The Federal Aviation Safety Board opened an inquiry on Monday. The company said little."
    entities = entities_of(nlp, text)
    assert all(m.text != "The company" for e in entities for m in e.mentions)


def test_a_name_after_a_company_noun_is_the_company_called_back(nlp):
    entities = entities_of(nlp, "Energy company Halvard Moen said hackers stole data. The company would not pay.")
    assert holder(entities, "The company") is holder(entities, "Halvard Moen")
    assert holder(entities, "Halvard Moen").type == "ORG"


def test_the_company_with_its_age_is_the_company(nlp):
    entities = entities_of(nlp, "Tandem Brands lifted its forecast. Shares in the 90-year-old company rose 4%.")
    assert holder(entities, "the 90-year-old company") is holder(entities, "Tandem Brands")


def test_a_name_after_a_noun_only_an_organisation_is_called_is_one(nlp):
    entities = entities_of(nlp, "Danish utility Halvard Moen raised its estimate. The company said 9,000 were hit.")
    assert holder(entities, "Halvard Moen").type == "ORG"
    assert holder(entities, "The company") is holder(entities, "Halvard Moen")


def test_a_name_after_a_trade_a_person_may_have_stays_a_person(nlp):
    entities = entities_of(nlp, "The owner, miner Tom Reed, said it was safe. Tom Reed is 50.")
    assert holder(entities, "Tom Reed").type == "PERSON"


def test_the_supplier_is_not_the_company_the_story_is_about(nlp):
    text = "Kestrel Foods cut its forecast on Monday. Kestrel Foods blamed the supplier for the delay."
    entities = entities_of(nlp, text)
    assert all(m.text != "the supplier" for m in holder(entities, "Kestrel Foods").mentions)


def test_the_group_is_not_a_unit_when_an_organisation_is_named_as_a_group(nlp):
    text = ("Reed Group owns Reed Steel Ltd. Reed Steel Ltd said profits rose. Reed Steel Ltd will hire 200 people, "
            "the group said.")
    unit = [e for e in entities_of(nlp, text) if e.name.startswith("Reed Steel")]
    assert unit and "the group" not in [m.text for m in unit[0].mentions]
    entities = entities_of(nlp, "Reed Group posted a loss on Monday. The group blamed high energy prices.")
    assert holder(entities, "The group") is holder(entities, "Reed Group")


def test_the_group_a_band_was_called_and_a_name_ends_in_is_neither(nlp):
    text = "Pop quartet Silver Arches split from Dunmore Music Group on Friday. The group said it was sad."
    entities = entities_of(nlp, text)
    assert all(m.text != "The group" for e in entities for m in e.mentions)


def test_the_airline_is_the_one_whose_name_says_so_not_the_one_named_most(nlp):
    text = ("Dunholt Holdings owns Kelmar Airways. Dunholt Holdings said profits fell. Dunholt Holdings will sell "
            "assets, and the airline will cut routes.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the airline") is holder(entities, "Kelmar Airways")


def test_the_company_is_the_one_the_article_says_operates_something(nlp):
    text = ("The ferry, operated by Kittering Marine Lines, hit the pier. Harlan County Hospital treated 12 people. "
            "The company said the captain was hurt.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The company") is holder(entities, "Kittering Marine Lines")


def test_a_trade_noun_is_the_company_whose_name_says_that_trade(nlp):
    text = ("Ardwell Minerals owns a stake in Crestmoor Lithium. Crestmoor Lithium produced 90,000 tonnes, and "
            "Crestmoor Lithium will grow. The miner said output would rise.")
    entities = entities_of(nlp, text)
    assert all(m.text != "The miner" for e in entities if e.name == "Crestmoor Lithium" for m in e.mentions)


@pytest.mark.parametrize("text, other", [
    ("Norvik Energi, which owns UK supplier Tessel Power, said the attack lasted weeks. The firm said it would not "
     "pay.", "Tessel Power"),
    ("Tom Reed was hired from rival Kelby Bakeries. Reed will start in May. The business said profits had doubled.",
     "Kelby Bakeries"),
])
def test_a_company_first_named_as_a_rival_or_supplier_is_not_the_story_s_company(nlp, text, other):
    entities = entities_of(nlp, text)
    assert not any(m.text in {"The firm", "The business"} for m in holder(entities, other).mentions)


def test_the_firm_is_the_one_its_speaker_works_for(nlp):
    entities = entities_of(nlp, "Pellow Capital led the round in Quillan, a Leeds-based startup, the company said. "
                                "Pellow partner Ruth Osei said the firm had studied 40 startups.")
    assert holder(entities, "the firm") is holder(entities, "Pellow Capital")


def test_the_firm_a_person_founded_is_the_one_named_after_them(nlp):
    entities = entities_of(nlp, "A judge barred Marlow Estates Ltd from evicting tenants. Marlow Estates Ltd said "
                                "the company would appeal. The company owns 400 flats. The tenants were represented by "
                                "Reed & Cole. Ann Reed, the tenants' lawyer, whose father, Tom Reed, founded the firm "
                                "in 1979, welcomed the ruling.")
    assert holder(entities, "the firm") is holder(entities, "Reed & Cole")


def test_where_a_speaker_comes_from_is_not_whom_they_work_for(nlp):
    doc = nlp("Colin Marr, a cherry grower from Pellow Creek, and Ann Lee, of Harwell Foods, met the minister.")
    words = {t.text for name in ("Marr", "Lee") for t in _words_around(next(t for t in doc if t.text == name))}
    assert "Harwell" in words and "Pellow" not in words


def test_a_start_up_named_after_its_hyphened_noun_is_said_to_be_a_company(nlp):
    text = ("Kelsby fintech start-up Pellow has raised $20 million in a round led by Oslo venture firm Northgate "
            "Capital. The round values the four-year-old company at $90 million, its founder Ann Lee said.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the four-year-old company" for m in holder(entities, "Northgate Capital").mentions)


@pytest.mark.parametrize("noun", ["company", "firm"])
def test_a_speaker_tied_to_two_companies_tells_neither_is_the_company(nlp, noun):
    text = ("Pellow, a payments start-up, raised $20 million from Northgate Capital. Pellow has 40 staff. Northgate "
            f"Capital partner Ann Lee, who will join Pellow's board, said the {noun} had real sales.")
    entities = entities_of(nlp, text)
    assert all(m.text != f"the {noun}" for e in entities for m in e.mentions)


def test_a_speaker_tied_to_two_companies_means_the_one_called_so_before(nlp):
    text = ("Pellow, a payments company, raised $20 million from Northgate Capital. Northgate Capital partner Ann Lee, "
            "who will join Pellow's board, said the company had real sales.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the company") is holder(entities, "Pellow")


def test_an_institution_named_before_of_is_not_the_company(nlp):
    text = ("The Journal of Coastal Medicine published the trial on Monday. Editors at the Journal of Coastal Medicine "
            "said 40 patients took part. The company declined to comment.")
    entities = entities_of(nlp, text)
    assert all(m.text != "The company" for m in holder(entities, "The Journal of Coastal Medicine").mentions)


def test_the_company_after_another_company_brought_in_is_not_the_one_named(nlp):
    text = ("Acme Foods cut 40 jobs in May. Acme Foods blamed costs. Its founder, Tom Reed, left last year to start a "
            "company in Tolby. The company now employs 12 people.")
    entities = entities_of(nlp, text)
    assert all(m.text != "The company" for m in holder(entities, "Acme Foods").mentions)


def test_the_company_its_own_words_tell_apart_is_weighed_without_the_others(nlp):
    text = ("Harlow Foods, a construction company, will buy Marden Mills. Harlow Foods has 400 staff. Marden Mills "
            "employs 90 people, and Marden Mills sells flour. The construction company said the deal would close "
            "in May.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The construction company") is holder(entities, "Harlow Foods")
