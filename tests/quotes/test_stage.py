"""The quotes stage (quotes/stage.py): kept attributions, colon forms, floating quotes, one rule per short sentence."""

from __future__ import annotations

import pytest

from quote_helpers import attributions_of, quote_with, sheet_of, speaker_name


def test_headline_colon_form():
    sheet = sheet_of("Lopez: The factory stays open\n\nThe mayor spoke to workers on Monday.")
    quote = quote_with(sheet, "factory stays open")
    assert quote.cue == ":"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Lopez"


def test_headline_colon_form_with_a_quotation_quotes_its_words():
    text = "Okafor: 'We will not back down' on pay\n\nUnion leader Ben Okafor vowed on Monday to fight the cuts."
    sheet = sheet_of(text)
    quote = quote_with(sheet, "not back down")
    assert quote.cue == ":" and quote.text == "We will not back down" and quote.kind == "direct"


def test_transcript_colon_form():
    sheet = sheet_of("The interview went on.\n\nHOST: Will the bridge open on time?\n\nMAYOR: It will open in May.")
    answer = quote_with(sheet, "open in May")
    assert answer.cue == ":"
    assert answer.speaker_mention is not None and answer.speaker_mention.text == "MAYOR"


@pytest.mark.parametrize("text", ["Local groups welcomed the plan but wanted more consultation.",
                                  "The coach praised the crowd after the match."])
def test_an_act_or_stance_without_reported_words_is_no_quote(text):
    assert sheet_of(text).quotes == []


def test_attribution_stages_count_acts_as_polnear_does():
    assert [quote.cue for quote in attributions_of("The coach praised the crowd after the match.").quotes] == ["praised"]


def test_a_stance_with_a_clause_or_quoted_words_is_a_quote():
    sheet = sheet_of('The mayor welcomed the report, saying it was "long overdue".')
    assert quote_with(sheet, "long overdue").cue == "saying"


@pytest.mark.parametrize("between", ["", "The council meets on Monday to vote on it.\n\n"])
def test_floating_quote_is_a_quote_of_the_last_speaker(between):
    text = ('"The plan is ready," said Maria Lopez.\n\n' + between +
            '"We will start building in the spring and finish before the winter."')
    sheet = sheet_of(text)
    quote = quote_with(sheet, "start building")
    assert quote.kind == "direct" and quote.cue is None and "plan is ready" not in quote.text
    assert speaker_name(sheet, quote) == "Maria Lopez"


def test_subhead_with_a_role_before_a_quotation():
    text = 'Reactions\nIrma Solberg, chair of the allotment society: "We lost every shed in one night."'
    sheet = sheet_of(text)
    quote = quote_with(sheet, "every shed")
    assert quote.text == "We lost every shed in one night." and speaker_name(sheet, quote) == "Irma Solberg"


def test_name_with_a_relative_clause_before_a_colon_is_not_a_subhead():
    sheet = sheet_of('Rabbi Eli Stern, who has led the synagogue for years, said: "We will rebuild."')
    assert [quote.cue for quote in sheet.quotes] == ["said"]


@pytest.mark.parametrize("label", ["The Latest", "Explainer", "Live", "Factbox", "Analysis"])
def test_headline_label_is_not_a_speaker(label):
    assert sheet_of(f"{label}: Floods shut the valley road\n\nThe road was closed on Monday.").quotes == []


def test_dateline_place_before_a_colon_is_not_a_speaker():
    sheet = sheet_of("Bergen: Two hikers were found safe on Sunday, rescuers said.")
    assert [quote.cue for quote in sheet.quotes] == ["said"]


def test_label_before_a_number_is_not_a_quote():
    assert sheet_of("The match ended level.\n\nAttendance: 21,310.").quotes == []


def test_paragraphs_of_one_quotation_are_quotes_of_its_speaker():
    text = 'Nurse Ada Quinn said: "We were short of staff every night.\n\n"Nobody came."'
    sheet = sheet_of(text)
    assert [quote.text for quote in sheet.quotes] == ["We were short of staff every night.", "Nobody came."]
    assert sheet.quotes[1].cue is None and speaker_name(sheet, sheet.quotes[1]) == speaker_name(sheet, sheet.quotes[0])


def test_first_paragraph_of_a_quotation_takes_the_cue_of_its_last():
    text = '"We were short of staff every night.\n\n"Nobody came," nurse Ada Quinn said.'
    sheet = sheet_of(text)
    assert [speaker_name(sheet, quote) for quote in sheet.quotes] == ["Ada Quinn", "Ada Quinn"]


def test_heading_with_a_colon_in_the_body_is_not_a_quote():
    sheet = sheet_of("The bridge opened in May.\nBridge Row: The Main Points\nIt cost more than planned.")
    assert sheet.quotes == []



def test_report_inside_another_is_the_outer_speakers():
    sheet = sheet_of('Pupils had been warned by inspectors last autumn that the gym roof posed "a serious danger", '
                     "the county council told reporters.")
    quote = quote_with(sheet, "serious danger")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the county council"



def test_quotations_of_one_sentence_share_the_cue_that_closes_it():
    text = ('Chief steward Ilse Morrow gave her account. "The crowd broke through the barriers and ran onto the pitch" '
            'during a game that "lasted barely an hour", the steward was quoted as saying by local radio.')
    sheet = sheet_of(text)
    for words in ("lasted barely an hour", "broke through the barriers"):
        quote = quote_with(sheet, words)
        assert quote.speaker_mention is not None and quote.speaker_mention.text == "the steward"
