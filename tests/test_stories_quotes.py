"""Quotes grouped across outlets: drifted wording is one statement; look-alikes by other speakers are not."""

from __future__ import annotations

from newsfacts.stories.quotes import group_quotes, same_speaker, word_changes
from story_sheets import flood_story, person, quote, sheet


def test_drifted_wording_of_one_speaker_is_one_group_with_differences():
    (group,) = group_quotes(flood_story())
    assert group.speaker and "Brandt" in group.speaker
    assert {variant.article_id for variant in group.variants} == {"a", "b", "c"}
    assert group.differs
    reference = next(variant for variant in group.variants if variant.reference)
    others = [variant for variant in group.variants if not variant.reference]
    assert all(variant.changes for variant in others if variant.text != reference.text)


def test_word_changes_name_added_dropped_and_changed_words():
    changes = word_changes("we will rebuild every home".split(), "we shall rebuild every single home".split())
    assert [(c.change, c.text, c.instead_of) for c in changes] == [("changed", "shall", "will"),
                                                                   ("added", "single", None)]


def test_look_alike_statements_of_different_speakers_stay_apart():
    a = 'Governor Ruth Okafor said: "I am deeply saddened by the loss of life in Harlow."'
    b = 'Senator Paul Dimas said: "I am deeply saddened by the terrible loss of life in our county."'
    ruth, paul = person(a, "Ruth Okafor"), person(b, "Paul Dimas")
    sheets = [sheet("a", a, "2024-01-01", "One", entities=[ruth],
                    quotes=[quote(a, "I am deeply saddened by the loss of life in Harlow.", ruth)]),
              sheet("b", b, "2024-01-01", "Two", entities=[paul],
                    quotes=[quote(b, "I am deeply saddened by the terrible loss of life in our county.", paul)])]
    assert group_quotes(sheets) == []


def test_the_same_words_given_to_another_speaker_are_shown():
    words = "The stairs were full of smoke and nobody came to help us"
    a, b = f'"{words}," said Lena Park.', f'"{words}," said Omar Reyes.'
    lena, omar = person(a, "Lena Park"), person(b, "Omar Reyes")
    (group,) = group_quotes([sheet("a", a, "2024-01-01", "One", entities=[lena], quotes=[quote(a, words, lena)]),
                             sheet("b", b, "2024-01-01", "Two", entities=[omar], quotes=[quote(b, words, omar)])])
    assert group.speakers_differ and not group.differs


def test_a_trimmed_quote_joins_its_longer_form():
    long = "We knew the dam was weak and we told the ministry twice last year"
    short = "we told the ministry twice last year"
    a, b = f'"{long}," Vera Holm said.', f'Holm said "{short}".'
    vera_a, vera_b = person(a, "Vera Holm"), person(b, "Holm")
    (group,) = group_quotes([sheet("a", a, "2024-01-01", "One", entities=[vera_a], quotes=[quote(a, long, vera_a)]),
                             sheet("b", b, "2024-01-01", "Two", entities=[vera_b], quotes=[quote(b, short, vera_b)])])
    trimmed = next(variant for variant in group.variants if variant.article_id == "b")
    assert trimmed.trimmed


def test_speaker_names_compare_without_accents_and_titles():
    assert same_speaker("Minister José Núñez", "Jose Nunez")
    assert same_speaker("Nunez", "Laura Nuñez")
    assert not same_speaker("Ann Lee", "Ann Okafor")


def test_a_statement_split_by_its_cue_is_one_variant_in_pieces():
    first = "The pumps failed at midnight and the water rose faster than anyone expected"
    second = "We will ask the province for new pumps before the winter rains"
    a = f'"{first}. {second}," Mayor Ines Duarte said.'
    b = f'"{first}," Duarte told reporters. "{second}."'
    ines_a, ines_b = person(a, "Ines Duarte"), person(b, "Duarte")
    (group,) = group_quotes([
        sheet("a", a, "2024-02-01", "One", entities=[ines_a], quotes=[quote(a, f"{first}. {second}", ines_a)]),
        sheet("b", b, "2024-02-01", "Two", entities=[ines_b],
              quotes=[quote(b, first, ines_b), quote(b, second, ines_b)])])
    split = next(variant for variant in group.variants if variant.article_id == "b")
    assert [b[part.start:part.end] for part in split.parts] == [first, second]
    assert split.text == f"{first} … {second}"
    assert not split.changes


def test_a_quote_repeated_in_one_article_is_no_second_piece():
    words = "Every family on the river road will be housed by Friday"
    a = f'"{words}," said Tomas Berg.'
    b = f'Berg: every family housed by Friday. "{words}," Tomas Berg said on Monday.'
    tomas_a, tomas_b = person(a, "Tomas Berg"), person(b, "Tomas Berg")
    (group,) = group_quotes([
        sheet("a", a, "2024-02-01", "One", entities=[tomas_a], quotes=[quote(a, words, tomas_a)]),
        sheet("b", b, "2024-02-01", "Two", entities=[tomas_b],
              quotes=[quote(b, "every family housed by Friday", tomas_b), quote(b, words, tomas_b)])])
    repeated = next(variant for variant in group.variants if variant.article_id == "b")
    assert repeated.parts == [] and repeated.text == words
