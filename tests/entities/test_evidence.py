"""The policy for generic call-backs ('the company', 'the town'; entities/evidence.py): a call-back joins a named one
only on evidence, one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder
from newsfacts.entities.clusters import Cluster
from newsfacts.entities.evidence import _reporting_subject, introduced_as_other, is_generic


def _joined_to(entities, phrase: str) -> list[str]:
    return [e.name for e in entities for m in e.mentions if m.text == phrase]


def test_the_firm_is_not_the_one_the_subject_came_from(nlp):
    text = ("Marla Voss runs Penhallow, a bakery her grandfather founded in Kelsby. In 2019 she joined from "
            "accountancy firm Dray Cole Partners. Sales have doubled since then. The firm now employs 40 people.")
    assert _joined_to(entities_of(nlp, text), "The firm") == []


def test_the_town_is_the_story_town_not_a_city_named_in_passing(nlp):
    text = ("Flooding cut off Marrowby on Monday. Marrowby lies a two-hour drive from Dunchester. Residents say the "
            "town has been forgotten.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the town") is holder(entities, "Marrowby")


def test_the_home_side_is_neither_team(nlp):
    entities = entities_of(nlp, "Kelsby Rovers beat Tolby Athletic 2-1 on Saturday. The home side scored twice late.")
    assert _joined_to(entities, "The home side") == []


def test_the_company_a_spokesperson_speaks_for_is_that_one(nlp):
    text = ("Norvale Foods and Tandem Brands were both fined on Monday. A spokesperson for Tandem Brands said the "
            "company would appeal.")
    entities = entities_of(nlp, text)
    assert "Norvale Foods" not in _joined_to(entities, "the company")


def test_the_company_after_the_storys_company_and_a_rival_subject_near_it_is_neither(nlp):
    text = ("Ostrava Mills cut 200 jobs on Monday. Ostrava Mills blamed energy prices. Later, Harwick Steel raised its "
            "prices. The company said demand was weak.")
    assert _joined_to(entities_of(nlp, text), "The company") == []


def test_the_only_company_named_is_the_company_however_far_back(nlp):
    text = ("Fenwick Robotics Ltd opened a plant in Kelsby on Monday. About 300 people will work there. Most will be "
            "hired locally. The company expects to double that by 2028.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The company") is holder(entities, "Fenwick Robotics Ltd")


@pytest.mark.parametrize("text, name, other", [
    ("Ann Lee joined from Kelvo Systems in May.", "Kelvo Systems", True),
    ("The plan is opposed by Drayton Trust.", "Drayton Trust", True),
    ("Acme signed a deal with Kelvo Systems.", "Kelvo Systems", True),
    ("Kelvo Systems reported a loss on Monday.", "Kelvo Systems", False),
    ("Workers at Kelvo Systems walked out.", "Kelvo Systems", False),
])
def test_introduced_as_another_ones_other_party(nlp, text, name, other):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    cluster = Cluster("ORG", mentions=[(start, start + len(name.split()), "name")])
    assert introduced_as_other(doc, cluster) is other


def test_generic_call_back_nouns(nlp):
    doc = nlp("the company and the council")
    assert is_generic(doc[1]) and not is_generic(doc[4])


def test_an_agency_credited_in_brackets_is_no_rival_to_the_company(nlp):
    text = ("LISBON (Kestrel Wire) - Marlowe Tiles PLC said on Monday that sales fell. The company will close two "
            "plants.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The company") is holder(entities, "Marlowe Tiles PLC")


@pytest.mark.parametrize("text, subject", [
    ("Kelvo said the company would appeal.", "Kelvo"),
    ("A spokesperson for Kelvo said the company would appeal.", "spokesperson"),
    ("Kelvo will appeal the ruling, the company said.", None),
    ("Kelvo lifted the order for the company.", None),
])
def test_the_subject_reporting_a_call_backs_clause(nlp, text, subject):
    doc = nlp(text)
    found = _reporting_subject(next(t for t in doc if t.lower_ == "company"))
    assert (found.text if found is not None else None) == subject
