"""Events, sites and things a story never names, called back by their noun (entities/unnamed.py), one rule per
test, each on a short sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder
from newsfacts.entities import find_entities
from newsfacts.nlp import parse
from newsfacts.schema import Article, FactSheet


def test_a_disaster_the_story_never_names_is_one_event(nlp):
    text = ("A landslide buried the hamlet of Oreno on Monday. The landslip followed days of rain. Last year's "
            "landslide was smaller.")
    entities = entities_of(nlp, text)
    event = holder(entities, "A landslide")
    assert event.type == "EVENT" and event is holder(entities, "The landslip")
    assert all(m.text != "landslide" for m in event.mentions)


def test_an_accident_called_back_by_another_noun_of_its_kind(nlp):
    text = "The derailment near Carvo killed four people. Investigators said the crash was caused by a landslip."
    entities = entities_of(nlp, text)
    assert holder(entities, "The derailment") is holder(entities, "the crash")


def test_a_data_breach_is_called_back_as_the_intrusion_or_the_attack(nlp):
    text = ("Hackers stole the records of 9,000 patients in a data breach, the clinic said. The intrusion began in May, "
            "and the attack was found in June.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The intrusion") is holder(entities, "a data breach") is holder(entities, "the attack")
    assert holder(entities, "a data breach").type == "EVENT"


def test_an_attack_never_brings_in_an_event(nlp):
    assert not [e for e in entities_of(nlp, "He died of a heart attack in 2001. The attack came without warning.")
                if e.type == "EVENT"]


@pytest.mark.parametrize("text, site, back", [
    ("A fire broke out at a paint factory in Leeds on Monday. The site was sealed off.", "a paint factory",
     "The site"),
    ("Crews were sent to the Halvex Industries plant at 3am. Halvex Industries said the plant had been evacuated.",
     "the Halvex Industries plant", "the plant"),
])
def test_a_plant_never_named_is_one_place_called_back_as_the_plant_or_the_site(nlp, text, site, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, site)
    assert holder(entities, site).type == "PLACE"


def test_a_companys_plant_is_not_the_company(nlp):
    text = "Crews were sent to the Halvex Industries plant at 3am. Halvex Industries said the plant had been evacuated."
    entities = entities_of(nlp, text)
    company = [e for e in entities if e.type == "ORG"]
    assert company and all(m.text not in {"the plant", "the Halvex Industries plant"} for m in company[0].mentions)


def test_the_site_brings_in_no_place(nlp):
    entities = entities_of(nlp, "Police cleared the crash site. The site reopened on Friday.")
    assert all(m.text not in {"the crash site", "The site"} for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, first, back", [
    ("Senators grilled Ann Lee at a tense hearing on Tuesday. The hearing ran for five hours.", "a tense hearing",
     "The hearing"),
    ("A new study of 4,000 nurses found shifts were too long. The research was paid for by a union.", "A new study",
     "The research"),
])
def test_a_thing_brought_in_with_a_and_never_named_is_called_back(nlp, text, first, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, first)


@pytest.mark.parametrize("text", [
    "A study found shifts were long, and a study in May found pay was low. The study was paid for by a union.",
    "The hearing was adjourned. Ann Lee will face a second hearing next week.",
])
def test_a_thing_brought_in_twice_or_told_of_before_is_not_joined(nlp, text):
    entities = entities_of(nlp, text)
    assert all(m.text not in {"The study", "The hearing"} for e in entities for m in e.mentions)


def test_a_thing_brought_in_with_a_and_named_later_by_its_noun_is_the_named_one(nlp):
    text = ("The club was sold to a Swiss consortium on Monday. The consortium, Oberhalden Partners, paid £9m. "
            "Oberhalden Partners will appoint a coach.")
    entities = entities_of(nlp, text)
    assert holder(entities, "a Swiss consortium") is holder(entities, "Oberhalden Partners")


def test_this_newspaper_is_one_organisation_however_often_said(nlp):
    text = "A neighbour told this newspaper the fire began at night. The landlord later told this newspaper he was away."
    entities = entities_of(nlp, text)
    assert holder(entities, "this newspaper") is holder(entities, "this newspaper", 1)
    assert holder(entities, "this newspaper").type == "ORG"


@pytest.mark.parametrize("text, joined", [
    ("Ms Ito said to this paper that the school would reopen.", True),
    ("The authors of this paper found that short naps help.", False),
])
def test_this_paper_is_the_outlet_only_when_told_something(nlp, text, joined):
    entities = entities_of(nlp, text)
    assert any(m.text == "this paper" for e in entities for m in e.mentions) is joined


def test_the_outlet_named_in_its_own_article_holds_this_newspaper(nlp):
    text = "The Kelsby Gazette revealed in May that the mill would shut. Its owner told this newspaper it would not."
    article = Article(id="t", text=text, outlet="The Kelsby Gazette (weekly)")
    entities = find_entities(parse(article, nlp), FactSheet(id="t", text=text))
    assert holder(entities, "this newspaper") is holder(entities, "Kelsby Gazette")


def test_a_campaign_owned_by_a_person_is_an_organisation_called_back(nlp):
    text = "Senator Ida Marsh conceded on Tuesday. Her campaign said the count was fair, and the campaign thanked volunteers."
    entities = entities_of(nlp, text)
    campaign = holder(entities, "Her campaign")
    assert campaign.type == "ORG" and campaign is holder(entities, "the campaign")
    assert campaign is not holder(entities, "Senator Ida Marsh")


def test_a_jury_brought_in_and_called_back(nlp):
    entities = entities_of(nlp, "A jury at Dunmere heard the case in March. The jury took four hours to reach a verdict.")
    assert holder(entities, "A jury") is holder(entities, "The jury")


def test_two_committees_stay_apart_and_a_bare_one_is_left_alone(nlp):
    text = ("The parish finance committee met on Monday, and the housing committee met on Tuesday. The committee "
            "voted five to two.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The parish finance committee") is not holder(entities, "the housing committee")
    assert not [e for e in entities for m in e.mentions if m.text == "The committee"]


def test_a_country_s_delegation_acting_is_an_organisation(nlp):
    entities = entities_of(nlp, "Norway's delegation left the talks early, officials in Geneva said.")
    delegation = holder(entities, "Norway's delegation")
    assert delegation.type == "ORG" and [m.text for m in delegation.mentions] == ["Norway's delegation"]


def test_a_named_body_keeps_its_own_call_backs(nlp):
    entities = entities_of(nlp, "Dunmere Town Council approved the plan. The town council said the vote was close.")
    assert holder(entities, "The town council") is holder(entities, "Dunmere Town Council")


def test_a_bare_call_back_after_a_contrasted_body_is_left_alone(nlp):
    text = "The interim government took office in May. The government had promised elections, and it fell."
    entities = entities_of(nlp, text)
    assert not [e for e in entities for m in e.mentions if m.text == "The government"] \
        or holder(entities, "The government") is not holder(entities, "The interim government")


def test_a_memorial_service_is_no_organisation(nlp):
    entities = entities_of(nlp, "Mourners gathered for a memorial service in Dunmere. The service was led by a priest.")
    assert not [e for e in entities if e.type == "ORG"]


def test_a_body_told_once_without_a_role_gets_no_entity(nlp):
    entities = entities_of(nlp, "Tom Reed wrote to a committee in April about the road.")
    assert not [e for e in entities for m in e.mentions if m.text == "a committee"]


def test_a_body_told_once_is_kept_when_the_story_says_which(nlp):
    entities = entities_of(nlp, "The plan went to the parish council's roads committee in April.")
    assert holder(entities, "the parish council's roads committee").type == "ORG"


def test_his_office_told_once_is_no_organisation(nlp):
    entities = entities_of(nlp, "Tom Reed kept a photograph of the team in his office.")
    assert not [e for e in entities for m in e.mentions if m.text == "his office"]


def test_a_superlative_says_how_good_not_which_body(nlp):
    entities = entities_of(nlp, "Scientists call the glacier the best natural laboratory in Europe.")
    assert not [e for e in entities for m in e.mentions if "laboratory" in m.text]


def test_a_party_s_administration_is_a_body_of_its_own(nlp):
    entities = entities_of(nlp, "The Green administration said on Friday that the budget was balanced.")
    administration = holder(entities, "The Green administration")
    assert administration.type == "ORG" and len(administration.mentions) == 1
