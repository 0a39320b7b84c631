"""Quotation marks (quote_marks.py): which characters open and close a quotation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfacts.nlp import LONGEST_WORD
from newsfacts.quote_marks import Quotation, QuotedSpans, quotations


def marked(text: str) -> list[str]:
    return [text[quotation.start:quotation.end] for quotation in quotations(text)]


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


def test_quotation_running_over_paragraphs_is_one_quotation_per_paragraph():
    text = '"The first part of the speech.\n\n"The second part ends here," she said.'
    first, second = quotations(text)
    assert text[first.start:first.end] == "The first part of the speech."
    assert text[second.start:second.end] == "The second part ends here,"
    assert not first.continues and second.continues and second.closed


def test_single_quotation_running_over_paragraphs():
    text = "'The numbers will come right.\n\n'This is a long game,' she said. It's late."
    assert marked(text) == ["The numbers will come right.", "This is a long game,"]
    assert quotations(text)[1].continues


def test_single_mark_never_closed_in_its_paragraph_is_no_quotation():
    assert marked("The '90s were different.\n\nShe said it was 'fine' then.") == ["fine"]


def test_unclosed_quotation_ends_with_its_paragraph():
    text = 'He said "this never closes.\n\nA new paragraph starts.'
    [quotation] = quotations(text)
    assert text[quotation.start:quotation.end] == "this never closes."
    assert not quotation.closed


def test_single_quotation_inside_a_double_one_is_part_of_it():
    assert marked('"He told me \'wait here\' and left," Ana said.') == ["He told me 'wait here' and left,"]


def test_double_quotation_inside_a_single_one_is_part_of_it():
    assert marked("'The \"new\" plan is the old one,' said Tom.") == ['The "new" plan is the old one,']


def test_quoted_word_in_the_same_marks_does_not_cut_the_quotation():
    assert marked('"We call it "home" now," she said.') == ['We call it "home" now,']
    assert marked("“It was a “fix” from the start,” he said.") == ["It was a “fix” from the start,"]


def test_quotation_split_around_its_cue_is_two_quotations():
    assert marked("'We lost,' said Lee, 'but not by much.'") == ["We lost,", "but not by much."]


def test_line_break_inside_a_quotation_does_not_end_it():
    text = '"The river rose in an hour\nand the bridge went with it," a farmer said.'
    assert marked(text) == ["The river rose in an hour\nand the bridge went with it,"]


def test_new_line_opening_a_quotation_does_not_join_the_one_left_open():
    text = 'He wrote "it never closes\nAnd then "another one" began.'
    assert marked(text) == ["it never closes", "another one"]


def test_single_mark_left_open_gives_back_the_quotations_after_it():
    assert marked("Fans of rock 'n roll said \"it is back\" at the fair.") == ["it is back"]


def test_marks_in_a_word_longer_than_any_in_prose_quote_nothing():
    assert marked("She wrote “yes” then " + "“”" * (LONGEST_WORD // 2 + 1) + " and “no” again.") == ["yes", "no"]


def test_quoted_share_is_the_share_of_characters_inside_quotations():
    spans = QuotedSpans([Quotation(20, 30, 19, 31, True), Quotation(2, 6, 1, 7, True)])
    assert (spans.share(0, 10), spans.share(25, 35), spans.share(10, 20)) == (0.4, 0.5, 0)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12), st.integers(0, 80), st.integers(0, 40))
def test_quoted_share_finds_every_quotation_it_overlaps(spans, start, length):
    # Quotations in any order, overlapping or not (a single one inside a double adds up with it).
    marks = [Quotation(at, at + width, at - 1, at + width + 1, True) for at, width in spans]
    end = start + length
    overlaps = sum(max(0, min(end, mark.end) - max(start, mark.start)) for mark in marks)
    assert QuotedSpans(marks).share(start, end) == overlaps / max(1, length)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12), st.integers(0, 80), st.integers(0, 40))
def test_quotations_near_a_span_hold_every_one_sharing_a_character_with_it(spans, start, length):
    marks = [Quotation(at, at + width, at - 1, at + width + 1, True) for at, width in spans]
    end = start + length
    near = QuotedSpans(marks).near(start, end)
    assert all(mark in near for mark in marks if mark.start < end and start < mark.end)
