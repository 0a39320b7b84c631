from __future__ import annotations

from newsfacts.entities.words import tokens_spelling


def test_a_word_the_tokenizer_splits_is_found_in_any_case_and_only_whole(nlp):
    doc = nlp("One Start-up hired a START-UP veteran, and the start-uppers left.")
    assert [token.text for token in tokens_spelling(doc, doc.text, {"start-up"})] == ["Start", "START"]


def test_a_dotless_i_reads_as_an_i_as_in_matching_without_case(nlp):
    doc = nlp("The aır force base closed.")
    assert [token.i for token in tokens_spelling(doc, doc.text, {"air force"})] == [1]


def test_words_the_tokenizer_keeps_whole_are_found_by_spelling(nlp):
    doc = nlp("Mr. Hale met Mr Orr.")
    assert [token.i for token in tokens_spelling(doc, doc.text, {"mr"})] == [0, 3]
