"""What a cue verb reports (quotes/content.py): the clause, object or noun content it governs, with the parser's
slips mended, one rule per short sentence."""

from __future__ import annotations

import pytest

from quote_helpers import attributions_of, quote_with, sheet_of, speaker_name


@pytest.mark.parametrize("text", ["The club declined to comment.", "Her lawyer declined to comment further on the case.",
                                  "The agency declined to comment when contacted by reporters.",
                                  "The council did not respond to a request for comment.",
                                  'The goalkeeper, known to fans as "the Wall", retired in May.'])
def test_what_reports_nothing_is_no_quote(text):
    assert sheet_of(text).quotes == []


def test_naming_verb_quote_takes_what_it_names():
    sheet = sheet_of('The mayor called the new parking rules "a tax on the poor" at the meeting.')
    quote = quote_with(sheet, "tax on the poor")
    assert quote.text.startswith("the new parking rules")


def test_listener_stays_out_of_the_quote():
    sheet = sheet_of('The mayor told reporters: "The parking rules will stay."')
    quote = quote_with(sheet, "parking rules will stay")
    assert "reporters" not in quote.text


def test_relative_pronoun_is_not_what_was_said():
    sheet = sheet_of("The council backed the scheme, which the agency described as overdue.")
    assert all(quote.text.split()[0].lower() not in ("which", "what") for quote in sheet.quotes)


def test_reported_speech_with_a_that_clause():
    sheet = sheet_of("The ministry confirmed that the talks had ended without a deal.")
    quote = quote_with(sheet, "the talks had ended")
    assert quote.kind == "indirect" and quote.cue == "confirmed"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "The ministry"


def test_question_put_to_the_speaker_is_not_theirs():
    sheet = sheet_of('Asked whether the school would close, Maria Lopez replied: "Not this year."')
    assert speaker_name(sheet, quote_with(sheet, "Not this year")) == "Maria Lopez"
    asked = [quote for quote in sheet.quotes if "school would close" in quote.text]
    assert all(quote.speaker is None for quote in asked)


def test_parenthetical_cue_inside_the_reported_clause():
    sheet = sheet_of("The new bridge, Maria Lopez said, will open in May.")
    quote = quote_with(sheet, "will open in May")
    assert quote.cue == "said"
    assert speaker_name(sheet, quote) == "Maria Lopez"


def test_participle_after_an_object_is_not_that_objects_content():
    sheet = sheet_of("Ana Ruiz praised the nurses, saying that they had worked through the night.")
    quote = quote_with(sheet, "worked through the night")
    assert quote.cue == "saying" and speaker_name(sheet, quote) == "Ana Ruiz"
    assert all("worked" not in other.text for other in sheet.quotes if other.cue == "praised")


def test_reporting_noun_with_its_author_after_it():
    sheet = sheet_of("The allegation by Councillor Omar Haddad that the tender was fixed was denied.")
    quote = quote_with(sheet, "tender was fixed")
    assert quote.cue == "allegation" and speaker_name(sheet, quote) == "Omar Haddad"


def test_question_put_to_the_speaker_is_not_a_quote():
    sheet = sheet_of("Asked whether the fares would rise again, transport chief Ken Abara said: \"Not this year.\"")
    assert [quote.text for quote in sheet.quotes] == ["Not this year."]


def test_passive_question_is_not_a_quote():
    assert sheet_of("The bus company was asked why the route had been cut.").quotes == []


def test_reported_clause_hung_on_a_second_object():
    sheet = sheet_of("Ilse Moreau, the finance chief, told shareholders the firm expected a loss.")
    quote = quote_with(sheet, "the firm expected a loss")
    assert speaker_name(sheet, quote) == "Ilse Moreau"


def test_clause_after_a_time_phrase_is_what_was_said():
    sheet = sheet_of("The coach said after the match he would not resign.")
    assert speaker_name(sheet, quote_with(sheet, "would not resign")) is not None


def test_question_asked_by_reporters_is_not_a_quote():
    sheet = sheet_of("He was asked by reporters whether he would quit, and said he would not.")
    assert [quote.text for quote in sheet.quotes] == ["he would not"]


def test_question_put_to_someone_still_counts_in_polnear_notion():
    sheet = attributions_of("The bus company was asked why the route had been cut.")
    assert [quote.cue for quote in sheet.quotes] == ["asked"]


def test_that_clause_the_parse_hung_on_the_noun_before_it_is_the_report():
    sheet = sheet_of("Finance director Rohan Treadway told analysts on a call that the group expected profits to fall "
                     "by a third next year.")
    assert speaker_name(sheet, quote_with(sheet, "expected profits to fall")) == "Rohan Treadway"
    assert not sheet_of("The mayor spoke on a call that lasted an hour.").quotes


def test_a_that_clause_hung_on_the_listener_is_what_was_told():
    sheet = sheet_of("Port officials told a news conference that 12 died at the scene, while three died in hospital.")
    assert quote_with(sheet, "12 died at the scene").speaker_name == "Port officials"
    assert not sheet_of("The coach told a story that made the players laugh.").quotes


def test_a_that_clause_read_as_relative_with_an_object_of_its_own_is_what_was_said():
    sheet = sheet_of("Inspector Ola Nyberg said at a briefing that divers faced “near-zero visibility” in the port.")
    assert speaker_name(sheet, quote_with(sheet, "divers faced")) == "Ola Nyberg"
    assert not sheet_of("The mayor spoke at a briefing that the council had arranged.").quotes


def test_a_closing_cue_with_a_manner_phrase_reports_the_clause_before_it():
    sheet = sheet_of("Two men from the haulage firm were detained, Nyberg said, without giving further details.")
    quote = quote_with(sheet, "were detained")
    assert quote.text == "Two men from the haulage firm were detained" and quote.cue == "said"


@pytest.mark.parametrize("opening", ["As the Courier reported on Monday,", "As one councillor put it,"])
def test_a_sentence_opening_on_as_and_a_report_reports_the_rest_of_it(opening):
    sheet = sheet_of(f"{opening} the bypass will cost twice what the county promised.")
    assert quote_with(sheet, "bypass will cost").text.startswith("the bypass")


@pytest.mark.parametrize("text", ["As the mayor talked about the bypass, protesters gathered outside.",
                                  "As she put it down, the phone rang."])
def test_a_time_clause_of_as_reports_nothing(text):
    assert not sheet_of(text).quotes


def test_an_accusation_reports_the_charge():
    sheet = sheet_of("The union on Monday accused the council of delaying the payments.")
    quote = quote_with(sheet, "of delaying the payments")
    assert quote.cue == "accused" and quote.speaker_mention.text == "The union"
    assert not sheet_of("The union on Monday praised the council for its patience.").quotes
