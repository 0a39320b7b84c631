"""The word tables: one loader for data/*.json, read once per process."""

from __future__ import annotations

from importlib.resources import files

from newsfacts.lexicon import data_table, quote_cues


def test_every_data_file_loads_as_one_table():
    names = sorted(entry.name.removesuffix(".json") for entry in files("newsfacts.data").iterdir()
                   if entry.name.endswith(".json"))
    assert names  # the package ships its tables
    for name in names:
        assert isinstance(data_table(name), dict)


def test_a_table_is_read_once_and_shared():
    assert data_table("time_words") is data_table("time_words")


def test_quote_cues_are_frozen_sets_without_comments():
    cues = quote_cues()
    assert "say" in cues["reporting_verbs"]
    assert not any(key.startswith("_") for key in cues)


def test_person_roles_are_one_table_for_entities_and_relations():
    from newsfacts.lexicon import PERSON_ROLE_NOUNS, PERSON_ROLES
    names_too = set(data_table("roles")["_names_too"]["words"])
    assert {"spokesman", "striker", "author", "colleague", "defendant"} <= PERSON_ROLE_NOUNS
    for group, words in PERSON_ROLES.items():
        assert words - names_too <= PERSON_ROLE_NOUNS, group
    assert not names_too & PERSON_ROLE_NOUNS  # "Dean Marsh" keeps his first name
    assert names_too <= set().union(*PERSON_ROLES.values())
