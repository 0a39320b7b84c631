"""Cues, speakers and quotations (quotes/candidates.py), one rule per short sentence; what a cue reports is in
test_content.py."""

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


def test_quote_split_around_its_cue_is_two_quotes_without_the_cue():
    sheet = sheet_of('“The town is too far behind,” said a local farmer, “and the rain came too late.”')
    assert [quote.text for quote in sheet.quotes] == ["The town is too far behind,", "and the rain came too late."]
    assert all(quote.kind == "direct" and quote.cue == "said" for quote in sheet.quotes)
    assert all(quote.speaker_mention.text == "a local farmer" for quote in sheet.quotes)


@pytest.mark.parametrize("text", ['"The pier is safe," the harbour master, Ines Duarte, said, "and it will stay open."',
                                  "'The pier is safe,' said harbour master Ines Duarte, 'and it will stay open.'"])
def test_straight_and_single_marked_quote_split_around_its_speaker(text):
    sheet = sheet_of(text)
    assert [quote.text for quote in sheet.quotes] == ["The pier is safe,", "and it will stay open."]
    assert all(speaker_name(sheet, quote) == "Ines Duarte" for quote in sheet.quotes)


def test_quoted_word_taken_as_the_cues_subject_is_not_the_speaker():
    sheet = sheet_of('"Never," said the club captain, Rob Tandy, "will we sell this ground."')
    assert [speaker_name(sheet, quote) for quote in sheet.quotes] == ["Rob Tandy", "Rob Tandy"]


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


def test_quotation_after_a_participle_about_something_else_is_the_same_speakers():
    text = ('"Every time you say that," Tester said, referring to the excuse, '
            '"you give ammunition to the critics."')
    sheet = sheet_of(text)
    assert [quote.text for quote in sheet.quotes] == ["Every time you say that,",
                                                       "you give ammunition to the critics."]
    assert all(quote.cue == "said" for quote in sheet.quotes)


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


def test_quote_split_by_its_cue_takes_its_second_part_though_the_next_sentence_has_a_cue():
    text = ('"The recall cost us dearly," said Ann Lee, the finance chief, "and we will not get it all back." '
            'She added that prices would rise.')
    quotes = [quote.text for quote in sheet_of(text).quotes]
    assert quotes[:2] == ["The recall cost us dearly,", "and we will not get it all back."]


def test_nickname_in_a_speakers_name_is_not_a_quote():
    sheet = sheet_of('Margaret "Peggy" Olsen said she had closed the bakery early.')
    assert [quote.text for quote in sheet.quotes] == ["she had closed the bakery early"]


def test_closing_participle_reports_words_of_its_own():
    sheet = sheet_of("Tom Reed insisted that the plan had grown the party, claiming that turnout hit a record.")
    first, second = quote_with(sheet, "grown the party"), quote_with(sheet, "turnout hit a record")
    assert "turnout" not in first.text and second.cue == "claiming"
    assert speaker_name(sheet, second) == "Tom Reed"


def test_quotation_right_after_a_reporting_verb():
    sheet = sheet_of("As the band left the stage, a woman shouted “Play it again!” from the back.")
    quote = quote_with(sheet, "Play it again")
    assert quote.kind == "direct" and quote.cue == "shouted"


def test_passive_with_an_agent_reports_its_subject():
    sheet = attributions_of("The new tax plan was endorsed by the teachers union.")
    quote = quote_with(sheet, "The new tax plan")
    assert quote.cue == "endorsed"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the teachers union"


def test_quote_inside_a_quote_belongs_to_the_outer_speaker():
    text = "\"Dad always told us, 'Never sell the farm,' and we never did,\" said farmer Gwen Arlott."
    sheet = sheet_of(text)
    quote = quote_with(sheet, "never did")
    assert quote.text.startswith("Dad always told us, 'Never sell") and speaker_name(sheet, quote) == "Gwen Arlott"


def test_word_in_quotation_marks_inside_a_quotation_does_not_cut_it():
    text = "'The so-called \"upgrade\" made the trains slower,' said commuter Raj Patel."
    sheet = sheet_of(text)
    assert [quote.text for quote in sheet.quotes] == ['The so-called "upgrade" made the trains slower,']


def test_single_marked_quote_keeps_its_apostrophes():
    sheet = sheet_of("'We can't stay and we won't leave,' said tenant Moira Flynn. 'It's hopeless.'")
    assert [quote.text for quote in sheet.quotes] == ["We can't stay and we won't leave,", "It's hopeless."]


def test_line_break_inside_a_quotation_keeps_one_quote():
    sheet = sheet_of('"The roof came off at midnight\nand the rain poured in," said caretaker Lewis Obi.')
    assert [quote.text for quote in sheet.quotes] == ["The roof came off at midnight\nand the rain poured in,"]


@pytest.mark.parametrize("verb", ["hissed", "sobbed", "beamed", "whispered"])
def test_manner_verb_hands_over_a_quotation(verb):
    sheet = sheet_of(f'"Not one more day," {verb} the landlord, Piotr Nowak.')
    assert speaker_name(sheet, quote_with(sheet, "one more day")) == "Piotr Nowak"


def test_quotation_in_the_next_sentence_with_a_cue_of_its_own_is_not_run_on():
    sheet = sheet_of('"Go home," she said. "We are staying," the driver growled.')
    assert [quote.cue for quote in sheet.quotes] == ["said", "growled"]


def test_dash_before_the_reporting_verb():
    sheet = sheet_of("“No comment” — said the club secretary, Ivan Rusu, as he left.")
    assert speaker_name(sheet, quote_with(sheet, "No comment")) == "Ivan Rusu"


def test_quotation_said_by_an_agent_in_the_passive():
    sheet = sheet_of('"Lock the gates" was said by the head porter, Alma Reyes, before the storm.')
    assert speaker_name(sheet, quote_with(sheet, "Lock the gates")) == "Alma Reyes"


def test_that_clause_said_by_an_agent_in_the_passive():
    sheet = sheet_of("It was said by the ferry operator, Nils Aune, that no crossing would run before noon.")
    assert speaker_name(sheet, quote_with(sheet, "no crossing would run")) == "Nils Aune"


def test_reply_as_a_cue():
    text = "Reporters asked the mayor about the missing money. Mayor Dina Kurt's reply: \"Ask the treasurer.\""
    sheet = sheet_of(text)
    assert [quote.text for quote in sheet.quotes] == ["Ask the treasurer."]
    assert speaker_name(sheet, sheet.quotes[0]).endswith("Dina Kurt")


def test_statement_announced_with_no_speech_verb():
    text = 'Brookfield Rovers issued the following statement:\n"The club will help the police in any way it can."'
    sheet = sheet_of(text)
    quote = quote_with(sheet, "help the police")
    assert quote.kind == "direct" and speaker_name(sheet, quote) == "Brookfield Rovers"


def test_quote_from_label_before_a_quotation():
    sheet = sheet_of('Quote from Hana Ito, head of the dog rescue:\n"Every kennel we have is full."')
    assert speaker_name(sheet, quote_with(sheet, "Every kennel")) == "Hana Ito"


def test_verb_nearer_the_colon_is_the_cue_not_a_statement_noun():
    sheet = sheet_of('In a post on her blog, the chef Lotte Berg wrote: "The kitchen closes for good."')
    quote = quote_with(sheet, "kitchen closes")
    assert quote.cue == "wrote" and speaker_name(sheet, quote) == "Lotte Berg"


@pytest.mark.parametrize("text", ["It is important for the bank to know that the loan is safe.",
                                  "The crew realised the engine was on fire and landed at once.",
                                  "She knew that the bridge would not hold.",
                                  "After the ruling Lena Bakke felt unable to say anything at all."])
def test_knowing_and_feeling_are_not_quotes(text):
    assert sheet_of(text).quotes == []


def test_knowing_still_counts_in_polnear_notion():
    assert [quote.cue for quote in attributions_of("She knew that the bridge would not hold.").quotes] == ["knew"]


@pytest.mark.parametrize("text", ['It is tempting to say "the worst is over", but nobody knows.',
                                  'Yelling "fraud" at the count is easy; proving it is not.',
                                  'Anyone who says "the river is safe" has not seen it in winter.'])
def test_words_nobody_said_are_not_quotes(text):
    assert sheet_of(text).quotes == []


def test_cue_between_commas_reports_the_clause_around_it_though_it_opens_with_a_conjunction():
    sheet = sheet_of("Although the vote was close, she said, the result would stand.")
    assert "the result would stand" in quote_with(sheet, "result would stand").text


@pytest.mark.parametrize("text", ['Fans call the goalkeeper "The Wall".',
                                  'Locals have dubbed the bridge "The Wobbler".'])
def test_name_in_quotation_marks_is_not_a_quote(text):
    assert sheet_of(text).quotes == []


def test_words_a_naming_verb_quotes_are_still_a_quote():
    sheet = sheet_of('Critics called the plan "a disaster for the town".')
    assert quote_with(sheet, "disaster for the town").cue == "called"


def test_words_of_a_named_person_before_a_colon():
    sheet = sheet_of('The words of the coroner, Anne Pryce: "This death was avoidable."')
    assert speaker_name(sheet, quote_with(sheet, "death was avoidable")) == "Anne Pryce"


def test_quoted_words_in_a_title_case_headline_are_not_taken_for_a_name():
    sheet = sheet_of("Senator Calls Mayor's Plan 'A Disaster' In Fiery Speech\n\nThe row went on for hours.")
    assert quote_with(sheet, "A Disaster").cue == "Calls"


@pytest.mark.parametrize("trailing", ["…", "..."])
def test_quoted_words_that_trail_off_hand_over_to_the_cue(trailing):
    sheet = sheet_of(f"Her voice broke as the roof fell in. “We built it together{trailing}” she said.")
    assert quote_with(sheet, "built it together").cue == "said"


def test_per_after_a_comma_names_a_source_not_a_rate():
    sheet = sheet_of("The thieves fled on motorbikes and remain at large, per the Courier.")
    assert quote_with(sheet, "remain at large").text == "The thieves fled on motorbikes and remain at large"
    assert not sheet_of("Tickets cost £40, per person, and the rate is 12 cases, per 100,000 people.").quotes


def test_per_after_the_speaker_of_a_quotation_leaves_it_the_speakers():
    sheet = sheet_of('They "came in through the roof," said the minister, Ana Lopes, per the Courier.')
    assert speaker_name(sheet, quote_with(sheet, "came in through the roof")) == "Ana Lopes"


def test_according_to_closing_a_sentence_reports_all_of_it():
    sheet = sheet_of("The thieves fled and remain at large, according to the police.")
    assert quote_with(sheet, "remain at large").text == "The thieves fled and remain at large"


