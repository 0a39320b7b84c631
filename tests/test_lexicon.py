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
