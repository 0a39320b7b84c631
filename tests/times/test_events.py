"""Events (times/events.py): the clause a dated expression modifies, on a timeline."""

from __future__ import annotations

from time_helpers import events_of


def test_event_is_the_clause_the_time_modifies(nlp):
    sheet, events = events_of(nlp, "Maria Delgado opened the new library in Leeds on Monday.")
    event = next(e for e in events if e.when == "2024-03-11")
    assert "Delgado opened the new library" in event.what and "Monday" not in event.what
    names = {entity.id: entity.name for entity in sheet.entities}
    assert any("Delgado" in names[i] for i in event.entities)


def test_events_are_sorted_into_a_timeline(nlp):
    _, events = events_of(nlp, "The mayor resigned on Tuesday. The scandal broke in January. "
                               "The council met at 6pm on Wednesday.")
    whens = [event.when for event in events]
    assert whens == ["2024-01", "2024-03-12", "2024-03-13T18:00"]


def test_durations_are_not_events(nlp):
    _, events = events_of(nlp, "The strike lasted 19 days.")
    assert events == []


def test_an_event_stays_within_its_paragraph(nlp):
    _, events = events_of(nlp, "Trees down across county\n\nHigh winds toppled trees across the region on Monday.")
    event = next(e for e in events if e.when == "2024-03-11")
    assert "county" not in event.what and "toppled trees" in event.what


def test_an_event_does_not_end_on_the_time_s_preposition(nlp):
    _, events = events_of(nlp, "The bridge was repaired by Friday.")
    assert [e.what for e in events] == ["The bridge was repaired"]


def test_an_event_keeps_its_verb_s_particle(nlp):
    _, events = events_of(nlp, "The match kicks off at 3pm.")
    assert [e.what for e in events] == ["The match kicks off"]
