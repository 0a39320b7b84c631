"""The quotes stage: quotation marks, cues, content spans and speakers, one rule per short sentence."""

from __future__ import annotations

import pytest

from newsfacts.nlp import load_model
from newsfacts.quote_marks import quotations
from newsfacts.schema import Article, FactSheet, Quote
from newsfacts.sheet import ATTRIBUTION_STAGES, extract


def sheet_of(text: str) -> FactSheet:
    return extract(Article(id="test", text=text), load_model())


def attributions_of(text: str) -> FactSheet:
    """The sheet with PolNeAR's wider notion of attribution: acts and stances count too."""
    return extract(Article(id="test", text=text), load_model(), stages=ATTRIBUTION_STAGES)


def quote_with(sheet: FactSheet, words: str) -> Quote:
    found = [quote for quote in sheet.quotes if words in quote.text]
    assert found, f"no quote holds {words!r}: {[quote.text for quote in sheet.quotes]}"
    return found[0]


def speaker_name(sheet: FactSheet, quote: Quote) -> str | None:
    names = {entity.id: entity.name for entity in sheet.entities}
    return names.get(quote.speaker or "", quote.speaker_name)


def marked(text: str) -> list[str]:
    return [text[quotation.start:quotation.end] for quotation in quotations(text)]


# Quotation marks


def test_curly_double_marks():
    assert marked("She called it “a fine day” and left.") == ["a fine day"]


def test_straight_double_marks():
    assert marked('He said "no way" twice.') == ["no way"]


def test_single_marks_curly_and_straight():
    assert marked("The sign read ‘closed’ and the note read 'gone fishing' today.") == ["closed", "gone fishing"]


def test_closing_curly_mark_typed_where_an_opener_belongs():
    assert marked("”We are ready.” ― a campaign post") == ["We are ready."]


def test_apostrophes_are_not_quotation_marks():
    assert marked("It's the Queen's hat, and the voters' choice in the '90s.") == []


def test_two_apostrophes_stand_for_a_double_mark():
    assert marked("''We may see growth,'' the economist said.") == ["We may see growth,"]


def test_quotation_running_over_paragraphs():
    text = '"The first part of the speech.\n\n"The second part ends here," she said.'
    assert marked(text) == ["The first part of the speech.\n\n\"The second part ends here,"]


def test_single_quotation_running_over_paragraphs():
    text = "'The numbers will come right.\n\n'This is a long game,' she said. It's late."
    assert marked(text) == ["The numbers will come right.\n\n'This is a long game,"]


def test_single_mark_never_closed_in_its_paragraph_is_no_quotation():
    assert marked("The '90s were different.\n\nShe said it was 'fine' then.") == ["fine"]


def test_unclosed_quotation_ends_with_its_paragraph():
    text = 'He said "this never closes.\n\nA new paragraph starts.'
    [quotation] = quotations(text)
    assert text[quotation.start:quotation.end] == "this never closes."
    assert not quotation.closed


# Quote forms


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


def test_speaker_phrase_keeps_a_plural_possessive():
    sheet = sheet_of("The students' union at the academy said it was deeply worried about the cuts.")
    assert quote_with(sheet, "deeply worried").speaker_mention.text.startswith("The students' union")


def test_speaker_phrase_leaves_out_marks_and_asides():
    text = ('"We will not back down," Harlan told reporters. A person familiar with the talks, who spoke '
            'on condition of anonymity, said the sides remained far apart.')
    sheet = sheet_of(text)
    assert quote_with(sheet, "not back down").speaker_mention.text == "Harlan"
    assert quote_with(sheet, "far apart").speaker_mention.text == "A person familiar with the talks"


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


def test_first_person_in_a_transcript_line_is_its_speaker_not_the_writer():
    text = "Here is the exchange.\n\nHOST: Will you resign?\n\nCOLLINS: I have told them I am staying."
    sheet = sheet_of(text)
    assert all(quote.source != "writer" for quote in sheet.quotes)
    line = quote_with(sheet, "I have told them")
    assert line.cue == ":" and line.speaker_name == "COLLINS" and line.source == "named"


def test_title_case_headline_verb():
    sheet = sheet_of("Mayor Ann Bell Praises New Bridge Design\n\nThe mayor spoke to workers on Monday.")
    quote = quote_with(sheet, "New Bridge Design")
    assert quote.cue == "Praises"
    assert quote.speaker_mention is not None and "Ann Bell" in quote.speaker_mention.text


def test_title_case_headline_verb_of_judgement():
    sheet = sheet_of("Senator Kim Slams Rail Strike Bill\n\nThe senator spoke to workers on Monday.")
    assert quote_with(sheet, "Rail Strike Bill").cue == "Slams"


def test_transcript_colon_form():
    sheet = sheet_of("The interview went on.\n\nHOST: Will the bridge open on time?\n\nMAYOR: It will open in May.")
    answer = quote_with(sheet, "open in May")
    assert answer.cue == ":"
    assert answer.speaker_mention is not None and answer.speaker_mention.text == "MAYOR"


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


@pytest.mark.parametrize("text", ["Local groups welcomed the plan but wanted more consultation.",
                                  "The coach praised the crowd after the match."])
def test_an_act_or_stance_without_reported_words_is_no_quote(text):
    assert sheet_of(text).quotes == []


def test_attribution_stages_count_acts_as_polnear_does():
    assert [quote.cue for quote in attributions_of("The coach praised the crowd after the match.").quotes] == ["praised"]


def test_a_stance_with_a_clause_or_quoted_words_is_a_quote():
    sheet = sheet_of('The mayor welcomed the report, saying it was "long overdue".')
    assert quote_with(sheet, "long overdue").cue == "saying"


def test_next_quotation_with_a_cue_of_its_own_is_not_run_on():
    sheet = sheet_of('"It is a disgrace," said one driver. "Utterly unfair," said another.')
    assert [quote.text for quote in sheet.quotes] == ["It is a disgrace,", "Utterly unfair,"]


@pytest.mark.parametrize("between", ["", "The council meets on Monday to vote on it.\n\n"])
def test_floating_quote_is_a_quote_of_the_last_speaker(between):
    text = ('"The plan is ready," said Maria Lopez.\n\n' + between +
            '"We will start building in the spring and finish before the winter."')
    sheet = sheet_of(text)
    quote = quote_with(sheet, "start building")
    assert quote.kind == "direct" and quote.cue is None and "plan is ready" not in quote.text
    assert speaker_name(sheet, quote) == "Maria Lopez"


# Sources


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


def test_agentless_passive_has_no_named_speaker():
    sheet = attributions_of("Daniel Okafor is said to be furious about the leaked budget.")
    quote = quote_with(sheet, "furious")
    assert quote.speaker is None and quote.source == "anonymous"


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
