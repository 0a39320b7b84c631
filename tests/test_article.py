"""The article as the report cuts it (render/article.py): paragraphs, pieces, speaker colours, and where the
figures a check is about stand."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsfacts.render.article import check_spans, distinct_colours, paragraphs, segments
from newsfacts.schema import Check, Entity, FactSheet, Mention


def check(*about: str) -> Check:
    return Check(kind="total", status="inconsistent", about=list(about), working="")


def test_a_check_reads_the_places_that_stand_closest_together():
    text = "Sales rose 4% in May. Costs were 12 and fees 3. Later, costs were 12 and fees 4 (a 4% rise)."
    spans = check_spans(text, check("12", "4", "4%"))
    assert [text[a:b] for a, b in spans] == ["12", "4", "4%"]
    assert spans[0][0] > text.index("Later")  # the first 12 is far from any lone 4


def test_a_check_finds_whole_words_case_aside_only_when_it_must():
    text = "In 2012 the 12 members met. The Total was 30."
    assert [text[a:b] for a, b in check_spans(text, check("12", "total"))] == ["12", "Total"]
    assert check_spans(text, check("99")) == []
    assert [text[a:b] for a, b in check_spans(text, check("12", "99"))] == ["12"]  # the rest is still shown


def test_paragraphs_are_the_lines_with_their_breaks_kept_between():
    sheet = FactSheet(id="t", text="Headline\n\nFirst line.  \nSecond line.\n")
    found, after = paragraphs(segments(sheet, {}, []))
    assert ["".join(piece.text for piece in paragraph.segments) for paragraph in found] == [
        "Headline", "First line.", "Second line."]
    assert [paragraph.before for paragraph in found] == ["", "\n\n", "  \n"] and after == "\n"


def test_a_name_across_a_paragraph_break_is_marked_on_both_sides():
    text = "Ann\nLee spoke."
    sheet = FactSheet(id="t", text=text, entities=[Entity(id="E1", name="Ann Lee", type="PERSON",
                                                           mentions=[Mention(text="Ann\nLee", start=0, end=7)])])
    found, _ = paragraphs(segments(sheet, {}, []))
    assert [[(piece.text, piece.entity) for piece in paragraph.segments] for paragraph in found] == [
        [("Ann", "E1")], [("Lee", "E1"), (" spoke.", None)]]


@given(st.text(alphabet=st.sampled_from("ab \n\t"), max_size=40))
def test_paragraphs_keep_every_character_in_order(text):
    found, after = paragraphs(segments(FactSheet(id="t", text=text), {}, []))
    assert "".join(p.before + "".join(piece.text for piece in p.segments) for p in found) + after == text


def test_colours_never_repeat():
    colours = distinct_colours(1000)
    assert len(set(colours)) == 1000
    assert all(re.fullmatch(r"hsl\(\d+\.\d 70% 66%\)", colour) for colour in colours)
