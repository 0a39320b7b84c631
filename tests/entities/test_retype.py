"""The learned type corrector (entities/retype.py) on sentences of our own, and its training script's round trip on
a tiny gold file of our own."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import newsfacts.entities as entity_stage
from newsfacts.entities.retype import TYPES, cluster_features, retype_clusters, type_probabilities
from newsfacts.lexicon import data_table

from entity_helpers import entities_of, holder

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_types.py"


def clusters_before_retyping(nlp, text: str):
    """The article's clusters as the steps before the corrector leave them."""
    captured = []
    corrector = entity_stage.retype_clusters
    entity_stage.retype_clusters = lambda doc, clusters: captured.append((doc, clusters))
    try:
        entities_of(nlp, text)
    finally:
        entity_stage.retype_clusters = corrector
    return captured[0]


def cluster_holding(doc, clusters, text: str):
    return next(k for k in clusters if any(doc[s:e].text == text for s, e, _ in k.mentions))


@pytest.mark.parametrize("text, name, wrong, right", [
    ("Police in Kelsmoor said the fire started at a shop. Families in Kelsmoor were moved to a hall, and buses "
     "from Kelsmoor were stopped.", "Kelsmoor", "ORG", "PLACE"),
    ("Margaret Olawale said the plan would cost too much. Olawale, who chairs the committee, said she would vote "
     "against it.", "Margaret Olawale", "ORG", "PERSON"),
])
def test_a_type_the_whole_entity_contradicts_is_corrected(nlp, text, name, wrong, right):
    doc, clusters = clusters_before_retyping(nlp, text)
    cluster = cluster_holding(doc, clusters, name)
    cluster.type = wrong  # as a rule step reading one mention might have typed it
    retype_clusters(doc, clusters)
    assert cluster.type == right


def test_a_town_people_live_in_stays_a_place(nlp):
    entities = entities_of(nlp, "Families who live in Brackwell said the river rose overnight. Roads into Brackwell "
                                "were closed, and the school in Brackwell stayed shut.")
    assert holder(entities, "Brackwell").type == "PLACE"


def test_a_person_stays_a_person(nlp):
    entities = entities_of(nlp, "Margaret Olawale said the plan would cost too much. Olawale, who chairs the "
                                "committee, said she would vote against it.")
    assert holder(entities, "Margaret Olawale").type == "PERSON"


def test_probabilities_of_the_shipped_model_are_a_distribution():
    probabilities = type_probabilities(["type=ORG", "subject_of=say", "no such feature"], data_table("type_model"))
    assert set(probabilities) == set(TYPES)
    assert sum(probabilities.values()) == pytest.approx(1.0)


_GOLD = [
    ("Corvel scored in the last minute. Corvel signed a goalkeeper on Monday, and Corvel lead the league.",
     [("Corvel", "ORG", ["Corvel"])]),
    ("Residents who live in Tamsby said the bridge was closed. Buses to Tamsby were cancelled.",
     [("Tamsby", "PLACE", ["Tamsby"])]),
    ("Brenport scored twice on Tuesday. Brenport signed a defender, and Brenport lead the table.",
     [("Brenport", "ORG", ["Brenport"])]),
    ("People who live in Oxley said the road flooded. Trains to Oxley were cancelled.",
     [("Oxley", "PLACE", ["Oxley"])]),
    ("Dunvarrow scored late on Friday. Dunvarrow signed a winger, and Dunvarrow lead the group.",
     [("Dunvarrow", "ORG", ["Dunvarrow"])]),
    ("Families who live in Ramsford said the storm cut power. Ferries to Ramsford were cancelled.",
     [("Ramsford", "PLACE", ["Ramsford"])]),
]


def test_training_round_trip_on_a_tiny_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({
        "id": f"a{number}", "text": text, "published": "2026-01-05",
        "entities": [{"name": name, "type": kind, "mentions": mentions} for name, kind, mentions in entities],
    }) for number, (text, entities) in enumerate(_GOLD)), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("train_types", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    corrector = entity_stage.retype_clusters

    records = script.extract([str(gold)])
    model = script.train(records, regularisation=0.1, threshold=0.5, margin=0.1, min_files=1)
    output = tmp_path / "model.json"
    output.write_text(json.dumps(model), encoding="utf-8")

    assert entity_stage.retype_clusters is corrector  # the stage is whole again after the extraction
    assert [r["id"] for r in records] == [f"a{n}" for n in range(len(_GOLD))]
    rows = [row for record in records for row in record["rows"]]
    assert {label for _, label, _, _ in rows} == {"ORG", "PLACE"}
    written = json.loads(output.read_text(encoding="utf-8"))
    for features, label, current, _ in rows:
        probabilities = type_probabilities(features, written)
        assert max(probabilities, key=probabilities.get) == label
        assert script.retyped(features, current, written) == label


def test_features_read_the_whole_entity(nlp):
    doc, clusters = clusters_before_retyping(nlp, "Tom Adair said the club had signed him. He scored in Halberton "
                                                  "on Sunday.")
    assert {"subject_of=say", "given_name", "pronoun=he"} <= set(cluster_features(doc, cluster_holding(doc, clusters,
                                                                                                       "Tom Adair")))
    assert "after=in" in cluster_features(doc, cluster_holding(doc, clusters, "Halberton"))
