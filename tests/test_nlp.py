"""Loading spaCy pipelines by name and parsing articles in batches."""

from __future__ import annotations

import pytest

from newsfacts.nlp import (
    DEFAULT_MODEL, LONGEST_SENTENCE, LONGEST_WORD, PARSE_PIECE, ModelNotFound, load_model, parse_many, parse_text, pieces,
)
from newsfacts.schema import Article


def test_official_name_is_served_by_the_registry_package(nlp):
    assert load_model("en_core_web_sm") is load_model("en_core_web_sm")
    assert load_model(DEFAULT_MODEL) is nlp
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_unknown_pipeline_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        load_model("xx_no_such_pipeline")


def test_parse_many_keeps_order_and_articles(nlp):
    articles = [Article(id=str(n), text=f"Story number {n} is short.", published="2024-01-0" + str(n + 1))
                for n in range(5)]
    parsed = list(parse_many(iter(articles), nlp, batch_size=2))
    assert [p.article.id for p in parsed] == ["0", "1", "2", "3", "4"]
    assert parsed[3].doc.text == "Story number 3 is short."
    assert parsed[0].published.isoformat() == "2024-01-01"


def test_a_new_line_starts_a_sentence(nlp):
    doc = nlp("Mayor says stadium deal is off\n\nThe mayor of Riverton rejected the plan on Monday.")
    assert [sentence.text.strip() for sentence in doc.sents] == [
        "Mayor says stadium deal is off", "The mayor of Riverton rejected the plan on Monday."]


def test_a_rank_written_short_keeps_its_name_in_the_sentence(nlp):
    doc = nlp("Two crew members were hurt, said Capt. Mira Solberg of the harbour patrol.")
    assert len(list(doc.sents)) == 1
    assert "Capt." in [token.text for token in doc]


def test_a_full_stop_after_a_unit_of_a_number_ends_the_sentence(nlp):
    doc = nlp("The new stand cost the club £3.4m. Its owner said it would pay for itself.")
    assert [sentence.text.strip() for sentence in doc.sents] == [
        "The new stand cost the club £3.4m.", "Its owner said it would pay for itself."]


def test_an_initial_still_runs_on_into_its_name(nlp):
    assert len(list(nlp("The award went to J. Okafor of Leeds.").sents)) == 1


def test_a_hard_wrapped_line_does_not_start_a_sentence(nlp):
    doc = nlp("The mayor of Riverton rejected\nthe plan on Monday.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("lede", ["ELEVEN walkers were rescued from the ridge on Sunday.",
                                  "A DOG owner was fined £200 on Monday."])
def test_a_line_opening_on_capitals_runs_on_into_its_sentence(nlp, lede):
    doc = nlp(f"Ridge drama\n{lede} More follow.")
    assert [sentence.text.strip() for sentence in doc.sents] == ["Ridge drama", lede, "More follow."]


def test_a_word_longer_than_any_in_prose_is_one_token(nlp):
    # spaCy alone splits the marks off one at a time, in time growing with the square of the word's length.
    word = "“”" * (LONGEST_WORD // 2 + 1)
    doc = nlp.tokenizer(f"She wrote {word} twice.")
    assert [token.text for token in doc] == ["She", "wrote", word, "twice", "."]
    assert [token.text for token in nlp.tokenizer("“Yes,” he said.")] == ["“", "Yes", ",", "”", "he", "said", "."]


def test_a_run_of_words_without_a_sentence_end_is_cut_into_sentences(nlp):
    doc = nlp("the ferry and the harbour and the town " * 200)
    assert max(len(sentence) for sentence in doc.sents) <= LONGEST_SENTENCE


def test_sentences_with_ends_are_not_cut(nlp):
    sentences = ["The ferry left the harbour at dawn.", "It reached the island by noon.", "Nobody was hurt."]
    doc = nlp(" ".join(sentences * 40))
    assert [sentence.text for sentence in doc.sents] == sentences * 40


def test_pieces_end_at_line_breaks_and_make_up_the_text():
    paragraph = "The council met on Monday. It voted to close the pool in May.\n\n"
    text = paragraph * 1_000
    found = pieces(text, size=5_000)
    assert "".join(found) == text
    assert all(len(piece) <= 5_000 and piece.endswith("\n") for piece in found[:-1])


def test_pieces_of_text_without_spaces_are_cut_anywhere():
    text = "x" * 12_000
    assert [len(piece) for piece in pieces(text, size=5_000)] == [5_000, 5_000, 2_000]


def test_a_long_text_is_parsed_in_pieces_into_one_doc_of_the_text(nlp):
    text = "Mayor Ana Ortega said on Monday that the pool would close.\n\nShe thanked the staff. " * 400
    assert len(text) > PARSE_PIECE
    doc = parse_text(text, nlp)
    assert doc.text == text
    assert all(text[token.idx:token.idx + len(token)] == token.text for token in doc)
    # Each piece keeps its own entities and sentences, at their places in the whole text.
    expected_ents, expected_sentences, offset = [], 0, 0
    for piece in pieces(text):
        piece_doc = nlp(piece)
        expected_ents += [(offset + ent.start_char, offset + ent.end_char, ent.label_) for ent in piece_doc.ents]
        expected_sentences += len(list(piece_doc.sents))
        offset += len(piece)
    assert [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents] == expected_ents
    assert len(list(doc.sents)) == expected_sentences


def test_parse_many_keeps_order_around_a_long_article(nlp):
    long_text = "The pool closed on Monday.\n" * (PARSE_PIECE // 20)
    articles = [Article(id="a", text="Short one."), Article(id="b", text=long_text), Article(id="c", text="Another.")]
    parsed = list(parse_many(iter(articles), nlp))
    assert [p.article.id for p in parsed] == ["a", "b", "c"]
    assert parsed[1].doc.text == long_text
