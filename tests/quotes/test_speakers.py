"""Speakers: the phrase and the entity it resolves to (quotes/speakers.py), one rule per short sentence."""

from __future__ import annotations

import pytest

from quote_helpers import attributions_of, quote_with, sheet_of, speaker_name


def test_speaker_the_parse_took_for_a_clause_head():
    sheet = sheet_of('The 19-year-old posted on Facebook after the race: "Second again. Next year is mine!"')
    quote = quote_with(sheet, "Next year is mine")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "The 19-year-old"


def test_name_after_an_inverted_cue_is_the_speaker():
    sheet = sheet_of('"A proud night for the village," tweeted councillor Mira Feldhaus soon after the count ended.')
    assert speaker_name(sheet, quote_with(sheet, "proud night")) == "Mira Feldhaus"


def test_speaker_described_by_age():
    sheet = sheet_of('"We lost and we deserved to," the 34-year-old said.')
    quote = quote_with(sheet, "we deserved to")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the 34-year-old"


def test_speaker_phrase_keeps_a_plural_possessive():
    sheet = sheet_of("The students' union at the academy said it was deeply worried about the cuts.")
    assert quote_with(sheet, "deeply worried").speaker_mention.text.startswith("The students' union")


def test_speaker_phrase_leaves_out_marks_and_asides():
    text = ('"We will not back down," Harlan told reporters. A person familiar with the talks, who spoke '
            'on condition of anonymity, said the sides remained far apart.')
    sheet = sheet_of(text)
    assert quote_with(sheet, "not back down").speaker_mention.text == "Harlan"
    assert quote_with(sheet, "far apart").speaker_mention.text == "A person familiar with the talks"


def test_first_person_in_a_transcript_line_is_its_speaker_not_the_writer():
    text = "Here is the exchange.\n\nHOST: Will you resign?\n\nCOLLINS: I have told them I am staying."
    sheet = sheet_of(text)
    assert all(quote.source != "writer" for quote in sheet.quotes)
    line = quote_with(sheet, "I have told them")
    assert line.cue == ":" and line.speaker_name == "COLLINS" and line.source == "named"


def test_pronoun_speaker_resolves_to_the_person():
    text = 'Maria Lopez arrived late to the meeting. "The roads were closed," she said.'
    sheet = sheet_of(text)
    quote = quote_with(sheet, "roads were closed")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "she"
    assert speaker_name(sheet, quote) == "Maria Lopez"


def test_relative_pronoun_speaker_is_the_noun_it_stands_for():
    sheet = sheet_of("Maria Lopez met residents who said the new wall would block their view of the river.")
    quote = quote_with(sheet, "block their view")
    assert quote.speaker is None and quote.source == "anonymous" and quote.speaker_name == "residents"


def test_pronoun_speaker_never_takes_a_person_of_the_other_gender():
    text = ('Tom Reilly, a campaigner, said the plan was wrong. The council leader defended it. '
            '"We listened to everyone," she said.')
    sheet = sheet_of(text)
    quote = quote_with(sheet, "listened to everyone")
    assert speaker_name(sheet, quote) != "Tom Reilly"


def test_pronoun_speaker_after_an_unnamed_source_is_that_source():
    text = ('Tom Reilly said the plan was wrong. One resident said she feared house prices would fall. '
            '"Who wants to look at a concrete wall?" she asked.')
    quote = quote_with(sheet_of(text), "concrete wall")
    assert quote.source == "anonymous" and quote.speaker_name == "One resident"


@pytest.mark.parametrize("phrase", ["a senior official", "officials", "two people familiar with the talks",
                                    "one senior backbencher", "another", "sources close to Anna Berg"])
def test_anonymous_sources(phrase):
    sheet = sheet_of(f'"The deal is off," {phrase} said.')
    quote = quote_with(sheet, "deal is off")
    assert quote.source == "anonymous" and quote.speaker is None
    assert quote.speaker_name == phrase


@pytest.mark.parametrize("phrase", ["A spokesman for the club", "A senior official"])
def test_unnamed_source_opening_a_sentence_is_anonymous(phrase):
    sheet = sheet_of(f"{phrase} said the ground would reopen in May.")
    quote = quote_with(sheet, "reopen in May")
    assert quote.source == "anonymous" and quote.speaker is None


def test_speaker_noun_with_a_name_beside_it_is_that_person():
    sheet = sheet_of("The party's finance spokeswoman, Priya Desai, said the forecast was a damning verdict.")
    quote = quote_with(sheet, "damning verdict")
    assert speaker_name(sheet, quote) == "Priya Desai" and quote.source == "named"


def test_spokesman_speaks_for_the_body_named_with_him():
    sheet = sheet_of('"We will not comment on speculation," a Treasury spokesman said.')
    quote = quote_with(sheet, "comment on speculation")
    assert speaker_name(sheet, quote) == "Treasury" and quote.source == "named"


def test_someone_named_inside_the_speaker_phrase_is_not_the_speaker():
    sheet = sheet_of("Lawyers for Anna Berg said the ruling would be appealed.")
    quote = quote_with(sheet, "would be appealed")
    assert speaker_name(sheet, quote) != "Anna Berg"


def test_writer_source():
    sheet = sheet_of("I have argued for years that the tax cannot work.")
    quote = quote_with(sheet, "the tax cannot work")
    assert quote.source == "writer"


def test_source_the_writer_spoke_to_is_anonymous_not_the_writer():
    sheet = sheet_of('"The door was never shut," according to one source I spoke to this week.')
    quote = quote_with(sheet, "door was never shut")
    assert quote.source == "anonymous"
    assert quote.speaker_name == "one source"


def test_lets_hope_is_the_writer_named_by_lets():
    quote = quote_with(sheet_of("Let's hope the new bridge opens before the winter."), "new bridge")
    assert quote.source == "writer" and quote.speaker_mention.text == "Let's"


def test_transcript_question_is_the_writers():
    sheet = sheet_of("The coach spoke to us on Friday.\n\nQ: Is the team ready for the final?\n\nA: We will see.")
    assert quote_with(sheet, "ready for the final").source == "writer"


def test_first_person_inside_a_quotation_is_the_speaker_not_the_writer():
    sheet = sheet_of('"I think the vote will pass," said Maria Lopez.')
    quote = quote_with(sheet, "vote will pass")
    assert quote.source == "named"


def test_agentless_passive_has_no_named_speaker():
    sheet = attributions_of("Daniel Okafor is said to be furious about the leaked budget.")
    quote = quote_with(sheet, "furious")
    assert quote.speaker is None and quote.source == "anonymous"
