"""Names an article's layout gives (entities/layout.py), one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder


def test_transcript_labels_are_the_speaker_named_elsewhere_and_no_one_otherwise(nlp):
    text = ("Governor Hanley spoke to the station.\n\nPRESENTER: Will you sign the bill?\n\n"
            "HANLEY: Not this year.\n\nPRESENTER: Why not?\n\nHANLEY: We cannot afford it.")
    entities = entities_of(nlp, text)
    assert holder(entities, "HANLEY") is holder(entities, "Governor Hanley")
    assert all(m.text != "PRESENTER" for e in entities for m in e.mentions)


def test_a_dateline_in_capitals_is_a_place_named_as_written_elsewhere(nlp):
    text = "Ferry operator cuts jobs\n\nBERGEN, May 2 (Reuters) - Fjordlink will cut 300 jobs in Bergen."
    entities = entities_of(nlp, text)
    assert holder(entities, "BERGEN").type == "PLACE"
    assert holder(entities, "BERGEN").name == "Bergen"


@pytest.mark.parametrize("text, place", [
    ("Mayor re-elected\n\nPORT HALLEY, Maine — Ann Mercer won a third term on Tuesday.", "PORT HALLEY"),
    ("Talks stall\n\nLUGANO, Feb 3 (Reuters) - Talks between the two sides broke down on Monday.", "LUGANO"),
])
def test_a_dateline_is_one_place_whatever_ner_makes_of_it(nlp, text, place):
    assert holder(entities_of(nlp, text), place).type == "PLACE"


@pytest.mark.parametrize("text, agency", [
    ("Port strike ends\n\nGDANSK, June 9 (Baltic Newswire) - Dockers voted on Monday to return to work.",
     "Baltic Newswire"),
    ("VALLETTA (xb-Press) - The ferry company reported a loss for the year.", "xb-Press"),
])
def test_the_agency_a_dateline_credits_is_an_organisation(nlp, text, agency):
    assert holder(entities_of(nlp, text), agency).type == "ORG"


def test_dateline_with_an_abbreviated_first_word_is_one_place(nlp):
    entities = entities_of(nlp, "ST. LOUIS (AP) — The city council voted on Tuesday to close two libraries.")
    assert holder(entities, "ST. LOUIS").type == "PLACE"


def test_rows_of_a_results_table_name_parties(nlp):
    text = ("Dunmere – Harrow Hill\n\nKelsby First 1,204 (38.2 per cent, +4.1) Forward Together 811 (25.7 per cent, "
            "-3.0) Independent 97 (3.1 per cent)\n\nKelsby First hold")
    entities = entities_of(nlp, text)
    assert holder(entities, "Kelsby First").type == "ORG"
    assert holder(entities, "Forward Together").type == "ORG"
    assert not any(m.text == "Independent" for e in entities for m in e.mentions)


def test_a_heading_of_two_names_joined_by_a_dash_is_two_places(nlp):
    text = "Dunmere – Harrow Hill & Oakley\n\nThe seat was held by a narrow margin."
    entities = entities_of(nlp, text)
    assert holder(entities, "Dunmere").type == "PLACE"
    assert holder(entities, "Harrow Hill & Oakley").type == "PLACE"


def test_a_name_ner_ran_a_dateline_into_keeps_its_own_words(nlp):
    entities = entities_of(nlp, "CARDIFF (Nordpress) - Welsh Water Holdings PLC reported on Tuesday that its profit fell.")
    assert holder(entities, "Welsh Water Holdings PLC").type == "ORG"
    assert holder(entities, "CARDIFF").type == "PLACE"


@pytest.mark.parametrize("text, paper", [
    ('"We will rebuild the hall," Ann Lee told the Argus on Monday.', "Argus"),
    ("Details of the plan appeared in the Weekend Sentinel on Sunday.", "Weekend Sentinel"),
])
def test_capitalised_words_after_the_ending_in_a_newspapers_word_are_a_newspaper(nlp, text, paper):
    assert holder(entities_of(nlp, text), paper).type == "ORG"


def test_a_newspapers_word_inside_a_longer_name_is_no_newspaper(nlp):
    entities = entities_of(nlp, "The study was published in the Medical Journal of Kelsby on Tuesday.")
    assert not any(m.text == "Medical Journal" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, outlet", [
    ("A resident told KTV that he had lost everything.", "KTV"),
    ("The minister said so in an interview with public broadcaster NRKX on Monday.", "NRKX"),
    ("A resident told PeakPost that he had lost everything.", "PeakPost"),
    ("Its shares closed 3% higher on the KXE on Friday.", "KXE"),
])
def test_an_abbreviation_told_something_or_named_a_broadcaster_is_an_organisation(nlp, text, outlet):
    assert holder(entities_of(nlp, text), outlet).type == "ORG"


@pytest.mark.parametrize("text", ["The IT was down all day.", "Ministers faced angry MPs on Monday."])
def test_an_abbreviation_for_a_thing_or_a_job_is_no_organisation(nlp, text):
    assert all(e.type != "ORG" for e in entities_of(nlp, text))


def test_a_dateline_before_a_colon_is_a_place_when_known(nlp):
    assert holder(entities_of(nlp, "KOLHAPUR: The city police on Sunday arrested a man for fraud."),
                  "KOLHAPUR").type == "PLACE"


@pytest.mark.parametrize("text, label", [
    ("UPDATE: The council has withdrawn the plan.", "UPDATE"),
    ("DUNMERE: Opener Ravi Rao batted through the day for an unbeaten 120.", "DUNMERE"),
])
def test_capitals_before_a_colon_naming_no_known_place_are_no_dateline(nlp, text, label):
    assert all(m.text != label for e in entities_of(nlp, text) for m in e.mentions)


def test_party_letter_and_hometown_of_a_legislator(nlp):
    entities = entities_of(nlp, "Rep. Mara Collins, D-Brookhaven, said the plan would cost too much. "
                                "State Sen. Ellis Vane, R-Port Hadley, the bill's sponsor, defended it.")
    for town in ("Brookhaven", "Port Hadley"):
        assert holder(entities, town).type == "PLACE"
    assert holder(entities, "Brookhaven") is not holder(entities, "Port Hadley")
    assert "the bill's sponsor" not in [m.text for m in holder(entities, "Port Hadley").mentions]
