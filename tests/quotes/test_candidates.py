"""Cues and the content they report (quotes/candidates.py), one rule per short sentence."""

from __future__ import annotations

import pytest

from quote_helpers import attributions_of, quote_with, sheet_of, speaker_name


def test_quote_before_the_speaker():
    sheet = sheet_of('"We will open the new bridge next spring," said Maria Lopez.')
    quote = quote_with(sheet, "new bridge")
    assert quote.kind == "direct" and quote.source == "named"
    assert speaker_name(sheet, quote) == "Maria Lopez"


def test_short_quotation_handed_to_its_cue_is_a_quote():
    assert [quote.text for quote in sheet_of('"It hurts," the 19-year-old said.').quotes] == ["It hurts,"]


@pytest.mark.parametrize("verb", ["disagreed", "muttered", "snapped"])
def test_verbs_of_manner_of_speaking_are_cues(verb):
    sheet = sheet_of(f'His opponent, Nadia Brandt, {verb}: "He knows full well that the plan will fail."')
    assert speaker_name(sheet, quote_with(sheet, "plan will fail")) == "Nadia Brandt"


def test_according_to_before_a_concession_reports_only_its_own_clause():
    sheet = sheet_of("Half of the new flats will be rented out, according to the builder, although neighbours note "
                     "that the site has flooded twice.")
    assert quote_with(sheet, "Half of the new flats").text == "Half of the new flats will be rented out"
    assert quote_with(sheet, "flooded twice").cue == "note"


@pytest.mark.parametrize("text", ["The club declined to comment.", "Her lawyer declined to comment further on the case.",
                                  "The agency declined to comment when contacted by reporters.",
                                  "The council did not respond to a request for comment.",
                                  'The goalkeeper, known to fans as "the Wall", retired in May.'])
def test_what_reports_nothing_is_no_quote(text):
    assert sheet_of(text).quotes == []


def test_quote_opening_a_paragraph_keeps_its_marks_out():
    text = ('Treatment may not come in time.\n\n"No one knows what drugs will be available in five years," '
            'said Ruth Adeyemi, a surgeon who operated on him in 2011.')
    quote = quote_with(sheet_of(text), "drugs will be available")
    assert quote.text.startswith("No one") and '"' not in quote.text


def test_quote_after_the_speaker():
    sheet = sheet_of('Daniel Okafor told reporters: "The budget is balanced for the first time."')
    quote = quote_with(sheet, "budget is balanced")
    assert quote.kind == "direct"
    assert speaker_name(sheet, quote) == "Daniel Okafor"


def test_quotation_in_the_sentence_after_the_cue_is_the_speakers_next_quote():
    text = '"We did our best," Maria Lopez said. "Nobody could have done more."'
    sheet = sheet_of(text)
    assert [quote.text for quote in sheet.quotes] == ["We did our best,", "Nobody could have done more."]
    assert all(speaker_name(sheet, quote) == "Maria Lopez" and quote.cue == "said" for quote in sheet.quotes)


def test_quote_split_by_its_cue_within_one_sentence_is_one_direct_quote():
    sheet = sheet_of('“The town is too far behind,” said a local farmer, “and the rain came too late.”')
    quote = quote_with(sheet, "too far behind")
    assert "rain came too late" in quote.text and quote.kind == "direct"
    assert len([q for q in sheet.quotes if "rain came" in q.text]) == 1


def test_partial_quote_mid_sentence_does_not_run_on_into_the_next_quotation():
    text = ('Mayor Ana Ruiz told the meeting the wall was "the only option" after two floods. '
            '"We cannot wait any longer," she said.')
    quote = quote_with(sheet_of(text), "cannot wait")
    assert quote.cue == "said" and "only option" not in quote.text


def test_quotation_closing_its_sentence_takes_no_cue_from_the_next():
    text = ('Senator Mark Whitfield dismissed the plan as "political theater." '
            'Asked whether he would allow a vote, Whitfield said: "Not this week."')
    sheet = sheet_of(text)
    assert all(not ("theater" in quote.text and "Not this week" in quote.text) for quote in sheet.quotes)
    assert quote_with(sheet, "Not this week").cue == "said"


def test_quotation_after_a_participle_about_something_else_runs_on():
    text = ('"Every time you say that," Tester said, referring to the excuse, '
            '"you give ammunition to the critics."')
    quote = quote_with(sheet_of(text), "Every time")
    assert "ammunition" in quote.text


def test_quotation_after_adding_is_a_quote_of_its_own():
    sheet = sheet_of('“The roads are safe,” said Ana Ruiz on Monday, adding that “the bridges need work.”')
    first, added = quote_with(sheet, "roads are safe"), quote_with(sheet, "bridges need work")
    assert first is not added and added.cue == "adding"
    assert speaker_name(sheet, added) == "Ana Ruiz"


def test_partial_quote_inside_reported_speech():
    sheet = sheet_of('The senator called the proposal "a costly mistake" during the debate.')
    quote = quote_with(sheet, "costly mistake")
    assert quote.cue == "called"
    assert quote.speaker_mention is not None and "senator" in quote.speaker_mention.text


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


def test_according_to():
    sheet = sheet_of("The factory will close next year, according to Maria Lopez.")
    quote = quote_with(sheet, "factory will close")
    assert quote.cue == "according to"
    assert speaker_name(sheet, quote) == "Maria Lopez"


def test_according_to_after_a_quotation_takes_the_quoted_words_only():
    sheet = sheet_of('While repairs drag on, "the bridge will stay shut," according to a city engineer.')
    quote = quote_with(sheet, "bridge will stay shut")
    assert quote.text.strip(",") == "the bridge will stay shut"
    assert quote.kind == "direct" and quote.cue == "according to"


def test_according_to_between_commas_inside_its_clause():
    sheet = sheet_of("Among the bridges at risk, according to the city engineer, are six built before 1950.")
    quote = quote_with(sheet, "bridges at risk")
    assert "six built before 1950" in quote.text and quote.cue == "according to"


def test_according_to_reports_nothing_from_another_paragraph():
    sheet = sheet_of("The bridge will reopen, the engineer \n according to")
    assert all(quote.start < quote.end for quote in sheet.quotes)


def test_title_case_headline_verb():
    sheet = sheet_of("Mayor Ann Bell Praises New Bridge Design\n\nThe mayor spoke to workers on Monday.")
    quote = quote_with(sheet, "New Bridge Design")
    assert quote.cue == "Praises"
    assert quote.speaker_mention is not None and "Ann Bell" in quote.speaker_mention.text


def test_title_case_headline_verb_of_judgement():
    sheet = sheet_of("Senator Kim Slams Rail Strike Bill\n\nThe senator spoke to workers on Monday.")
    assert quote_with(sheet, "Rail Strike Bill").cue == "Slams"


def test_next_quotation_with_a_cue_of_its_own_is_not_run_on():
    sheet = sheet_of('"It is a disgrace," said one driver. "Utterly unfair," said another.')
    assert [quote.text for quote in sheet.quotes] == ["It is a disgrace,", "Utterly unfair,"]


def test_asking_not_to_be_named_is_not_a_quote():
    sheet = sheet_of("An official, who asked not to be identified because the talks are private, said the deal was close.")
    assert [quote.text for quote in sheet.quotes] == ["the deal was close"]


def test_quote_split_by_its_cue_runs_on_though_the_next_sentence_has_a_cue():
    text = ('"The recall cost us dearly," said Ann Lee, the finance chief, "and we will not get it all back." '
            'She added that prices would rise.')
    assert [quote.text for quote in sheet_of(text).quotes][0].endswith("get it all back.")


def test_nickname_in_a_speakers_name_is_not_a_quote():
    sheet = sheet_of('Margaret "Peggy" Olsen said she had closed the bakery early.')
    assert [quote.text for quote in sheet.quotes] == ["she had closed the bakery early"]


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


def test_closing_participle_reports_words_of_its_own():
    sheet = sheet_of("Tom Reed insisted that the plan had grown the party, claiming that turnout hit a record.")
    first, second = quote_with(sheet, "grown the party"), quote_with(sheet, "turnout hit a record")
    assert "turnout" not in first.text and second.cue == "claiming"
    assert speaker_name(sheet, second) == "Tom Reed"


def test_participle_after_an_object_is_not_that_objects_content():
    sheet = sheet_of("Ana Ruiz praised the nurses, saying that they had worked through the night.")
    quote = quote_with(sheet, "worked through the night")
    assert quote.cue == "saying" and speaker_name(sheet, quote) == "Ana Ruiz"
    assert all("worked" not in other.text for other in sheet.quotes if other.cue == "praised")


def test_quotation_right_after_a_reporting_verb():
    sheet = sheet_of("As the band left the stage, a woman shouted “Play it again!” from the back.")
    quote = quote_with(sheet, "Play it again")
    assert quote.kind == "direct" and quote.cue == "shouted"


def test_passive_with_an_agent_reports_its_subject():
    sheet = attributions_of("The new tax plan was endorsed by the teachers union.")
    quote = quote_with(sheet, "The new tax plan")
    assert quote.cue == "endorsed"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the teachers union"
