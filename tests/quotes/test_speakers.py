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


def test_speaker_with_two_appositions():
    sheet = sheet_of('Ruth Lindgren, the housing minister, and a former architect, said: "We build or we fail."')
    quote = quote_with(sheet, "We build or we fail")
    assert speaker_name(sheet, quote) == "Ruth Lindgren" and quote.speaker_mention.text == "Ruth Lindgren"


def test_and_before_a_name_is_not_part_of_the_speaker():
    sheet = sheet_of("Tomas Varga sat through the meeting in silence. And Tomas said the plan was dead.")
    quote = quote_with(sheet, "plan was dead")
    assert quote.speaker_mention.text == "Tomas" and speaker_name(sheet, quote) == "Tomas Varga"


def test_expletive_it_is_no_speaker():
    assert sheet_of('It is easy to say "we should have acted sooner".').quotes == []


def test_statement_added_is_its_authors():
    text = ('A statement on behalf of the Okafor family said: "We thank everyone for their kindness."\n\n'
            'The statement added: "We ask for privacy now."')
    sheet = sheet_of(text)
    assert [quote.speaker_mention.text for quote in sheet.quotes] == ["the Okafor family", "the Okafor family"]


def test_release_issued_by_a_named_official():
    sheet = sheet_of('The fire chief, Ana Kovac, issued a release stating, "I am deeply saddened by this loss."')
    assert speaker_name(sheet, quote_with(sheet, "deeply saddened")) == "Ana Kovac"


def test_statement_with_no_author_is_the_previous_speakers():
    text = ('The harbour board announced on Monday that the pier would close. "Repairs will take six months," '
            'read a statement posted online.')
    sheet = sheet_of(text)
    assert quote_with(sheet, "Repairs will take").speaker_mention.text == "The harbour board"


def test_newspaper_named_post_is_not_a_statement():
    text = ('The mayor resigned on Friday, Mira Lund said. The inquiry will report in May, the Harbour Post '
            'reports.')
    sheet = sheet_of(text)
    assert quote_with(sheet, "inquiry will report").speaker_mention.text == "the Harbour Post"


def test_resident_named_by_a_participle():
    sheet = sheet_of("A Riverside Court resident surnamed Lam told reporters that he had lost everything.")
    assert speaker_name(sheet, quote_with(sheet, "lost everything")) == "Lam"


def test_place_before_a_speakers_noun_is_not_the_speaker():
    sheet = sheet_of("A Kilburn resident said the bins had not been emptied for weeks.")
    quote = quote_with(sheet, "bins had not been emptied")
    assert quote.speaker is None and quote.source == "anonymous"


def test_name_set_after_the_subject_the_parse_hung_elsewhere():
    sheet = sheet_of("In a statement to the Courier, the mayor of Eastgate, Ivo Brandt, said nobody had been warned.")
    assert speaker_name(sheet, quote_with(sheet, "nobody had been warned")) == "Ivo Brandt"


def test_wire_dateline_is_not_the_speaker():
    sheet = sheet_of("OSLO (Nordpress) - Fjord Shipping ASA (FJS.OL) said Tuesday that its profit had doubled.")
    assert quote_with(sheet, "profit had doubled").speaker_mention.text.startswith("Fjord Shipping")


def test_participle_before_the_subject_is_not_the_speaker():
    sheet = sheet_of("Defending Joe Platt, Sarah Wynn KC said her client had been led astray.")
    assert quote_with(sheet, "led astray").speaker_mention.text == "Sarah Wynn KC"


def test_quoted_as_saying_gives_the_speaker():
    sheet = sheet_of('"We will search every flat," Deputy Chief Ben Lo was quoted as saying.')
    assert speaker_name(sheet, quote_with(sheet, "search every flat")).endswith("Ben Lo")


def test_reporting_verb_after_the_clause_takes_the_name_after_it():
    sheet = sheet_of("It was the worst flood in fifty years, reports the agency Nordpress.")
    assert quote_with(sheet, "worst flood").speaker_mention is not None


def test_judge_in_a_relative_clause_is_the_speaker():
    sheet = sheet_of('His brother, who the judge said had "kept the books", was jailed for two years.')
    assert quote_with(sheet, "kept the books").speaker_mention.text == "the judge"


def test_pronoun_after_another_name_resolves_to_the_speaker_not_the_nearest_name():
    text = ('Carla Menon founded the bakery. "We will be back," she said. Her father, Raj Menon, had run it '
            'before her. "It was always his dream," she noted.')
    sheet = sheet_of(text)
    assert speaker_name(sheet, quote_with(sheet, "always his dream")) == "Carla Menon"


def test_company_speaks_when_the_verb_fits():
    sheet = sheet_of("Norvik Foods cut 200 jobs on Monday. The company said demand had collapsed.")
    assert speaker_name(sheet, quote_with(sheet, "demand had collapsed")) == "Norvik Foods"


def test_researchers_are_an_anonymous_source():
    quote = quote_with(sheet_of("Researchers say the drug halves the risk of a second stroke."), "halves the risk")
    assert quote.source == "anonymous" and quote.speaker is None



def test_statement_said_in_is_the_speakers():
    sheet = sheet_of("Harbour master Lena Ortiz said in a statement that the pier would reopen in June.")
    assert speaker_name(sheet, quote_with(sheet, "pier would reopen")) == "Lena Ortiz"


def test_it_for_a_statement_named_before_is_its_author():
    sheet = sheet_of('The charity\'s trustees released a statement on Tuesday. "We are saddened by the news," it read.')
    quote = quote_with(sheet, "saddened by the news")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "The charity's trustees"


def test_it_that_says_is_not_taken_for_a_statement():
    sheet = sheet_of("The port authority sent a letter on Monday. It says the ferry firm broke the rules.")
    quote = quote_with(sheet, "broke the rules")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "It"


def test_document_filed_by_someone_is_theirs():
    sheet = sheet_of("The builder bribed two inspectors, according to a lawsuit filed by tenant Omar Haddad.")
    assert speaker_name(sheet, quote_with(sheet, "bribed two inspectors")) == "Omar Haddad"


def test_document_without_an_author_is_not_the_last_speaker():
    sheet = sheet_of('"We paid nobody," Vera Quist told reporters. According to the complaint, the firm paid '
                     'twelve officials.')
    assert quote_with(sheet, "the firm paid").speaker is None


def test_person_named_beside_a_title_is_the_speaker():
    sheet = sheet_of('The Chair of Cumbria County Council, Cllr Edwina Trask, said the new library was "long overdue".')
    assert speaker_name(sheet, quote_with(sheet, "long overdue")) == "Cllr Edwina Trask"


def test_lawyer_named_after_an_opening_participle_and_the_side_he_acts_for():
    sheet = sheet_of("Summing up for the defence, Mark Denby KC, for the landlord, told the jury the deal was lawful.")
    assert speaker_name(sheet, quote_with(sheet, "the deal was lawful")) == "Mark Denby KC"


def test_listener_after_told_is_not_an_inverted_speaker():
    sheet = sheet_of('"The bridge will open in May," told the mayor.')
    quote = quote_with(sheet, "open in May")
    assert quote.speaker_mention is None or "mayor" not in quote.speaker_mention.text


def test_speaker_hung_on_a_quoted_word_is_its_apposition():
    from spacy.tokens import Doc
    from newsfacts.nlp import load_model
    from newsfacts.quotes.speakers import apposition_after
    # '"We won , our fans ," his son told us .' as the small model may parse it: 'fans' the subject, 'son' beside it
    words = ['"', "We", "won", ",", "our", "fans", ",", '"', "his", "son", "told", "us", "."]
    heads = [10, 2, 10, 10, 5, 10, 5, 5, 9, 5, 10, 10, 10]
    deps = ["punct", "nsubj", "ccomp", "punct", "poss", "nsubj", "punct", "punct", "poss", "appos", "ROOT", "dobj",
            "punct"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps)
    closing_mark = doc[7]
    phrase = apposition_after(doc[4:6], closing_mark.idx + 1)
    assert phrase is not None and phrase.text == "his son"
    assert apposition_after(doc[4:6], doc[9].idx + 3) is None


@pytest.mark.parametrize("quotation, words", [('"Pay or lose it all,"', "Pay or lose"),
                                               ('"You have a week. Then we publish,"', "Then we publish")])
def test_the_post_is_by_whoever_posted_it(quotation, words):
    text = ('"We found the leak at dawn," Ida Quenby said. The Crimson Hand group posted the stolen files on Friday. '
            f'{quotation} the post read.')
    sheet = sheet_of(text)
    assert speaker_name(sheet, quote_with(sheet, words)) == "Crimson Hand"


def test_relative_who_after_a_name_ner_cut_short_is_that_person():
    sheet = sheet_of('A petition was started by Green group leader Cllr Nkechi Obiageli, who accused the mayor of '
                     '"wasting the budget".')
    quote = quote_with(sheet, "wasting the budget")
    assert quote.speaker is not None and "Nkechi" in speaker_name(sheet, quote)


def test_pronoun_speaker_is_not_the_person_named_in_the_words():
    text = ("Club manager Tomas Brevik defended his goalkeeper after the loss. Keeper Jarek Kowal had been booked "
            "twice. Kowal, he said, had trained harder than anyone this season.")
    sheet = sheet_of(text)
    assert speaker_name(sheet, quote_with(sheet, "trained harder")) == "Tomas Brevik"


def test_description_in_the_words_does_not_stop_a_pronoun_naming_the_speaker():
    text = ("His mother, Lorna Vickery, wept in the gallery. For the prosecution, Imelda Okoye-Blake told the court "
            "the ring had earned some £900,000. The 29-year-old had logged each delivery on a phone, she said.")
    sheet = sheet_of(text)
    assert speaker_name(sheet, quote_with(sheet, "logged each delivery")) != "Lorna Vickery"


def test_opening_place_phrase_taken_for_the_subject_gives_way_to_the_person_beside_it():
    sheet = sheet_of("Tom Varley lost the vote. Outside parliament, Varley’s sister, Morwenna, said they would fight on.")
    quote = quote_with(sheet, "they would fight on")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Varley’s sister"
    assert speaker_name(sheet, quote) == "Morwenna"


def test_named_source_beside_unnamed_ones_is_the_source():
    sheet = sheet_of("The fire started in a kitchen, according to fire service sources and the Harbour Authority.")
    assert speaker_name(sheet, quote_with(sheet, "started in a kitchen")) == "the Harbour Authority"
    sheet = sheet_of("The fire started in a kitchen, according to fire service sources.")
    assert quote_with(sheet, "started in a kitchen").source == "anonymous"


def test_name_before_a_description_the_parse_made_a_second_subject_is_the_speaker():
    from spacy.tokens import Doc
    from newsfacts.nlp import load_model
    from newsfacts.quotes.speakers import speaker_of
    # 'Tarvo, a firm founded in 1990, said it would close.' with both 'Tarvo' and 'firm' as subjects of 'said'
    words = ["Tarvo", ",", "a", "firm", "founded", "in", "1990", ",", "said", "it", "would", "close", "."]
    heads = [8, 8, 3, 8, 3, 4, 5, 8, 8, 11, 11, 8, 8]
    deps = ["nsubj", "punct", "det", "nsubj", "acl", "prep", "pobj", "punct", "ROOT", "nsubj", "aux", "ccomp",
            "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "VERB", "ADP", "NUM", "PUNCT", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert speaker_of(doc[8]).text == "Tarvo"


def test_pronoun_after_a_long_quotation_is_the_last_sentence_subject_not_the_nearest_name():
    text = ('Sarah Mitchell thanked Joan Baird. "It has been a long road. We have lost friends. We have lost money. '
            'But we will not give up," she said.')
    sheet = sheet_of(text)
    assert speaker_name(sheet, quote_with(sheet, "will not give up")) == "Sarah Mitchell"


def test_pronoun_speaker_is_not_someone_named_in_its_own_long_quotation():
    text = ('Sarah Mitchell said the council had ignored the warnings for years. "They never listened to Joan Baird. '
            'They never learn. They never change. It is a scandal," she said.')
    sheet = sheet_of(text)
    assert speaker_name(sheet, quote_with(sheet, "It is a scandal")) == "Sarah Mitchell"


def test_subject_before_a_participle_aside_is_the_speaker_of_the_verb_after_it():
    sheet = sheet_of("Anna Reyes, asked whether she would stand again, said only that she had not decided.")
    assert speaker_name(sheet, quote_with(sheet, "had not decided")) == "Anna Reyes"
    assert not any("stand again" in quote.text for quote in sheet.quotes)  # a question put to her


def test_what_a_participle_aside_was_told_is_not_the_subjects_words():
    sheet = sheet_of("Tom Ruiz, told that the plant would close, said the town would not survive it.")
    assert speaker_name(sheet, quote_with(sheet, "would not survive")) == "Tom Ruiz"
    assert all(quote.speaker is None for quote in sheet.quotes if "plant would close" in quote.text)


def test_a_question_asked_with_no_verb_after_it_is_the_subjects():
    sheet = sheet_of("Ms Lee, 45, asked whether the council had consulted anyone.")
    assert speaker_name(sheet, quote_with(sheet, "consulted anyone")) == "Ms Lee"
