"""Reading articles: every input gives an article or one clear error, never a traceback."""

from __future__ import annotations

import codecs
import json

import pytest

from newsfacts.ingest import (
    TOKEN_LIKE, ArticleTooLong, IngestError, check_date, from_text, looks_english, read_file, read_inputs, read_jsonl,
)
from newsfacts.nlp import LONGEST_WORD
from newsfacts.schema import Article, ErrorRecord

PAGE = """<!doctype html><html><head><title>Bridge reopens after repairs</title>
<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>
<body><nav>Home | News | Sport</nav><article><h1>Bridge reopens after repairs</h1>
<p>The old bridge over the river reopened on Tuesday after eighteen months of repairs, the council said.</p>
<p>Engineers replaced the cables and the deck, and traffic returned to normal by the evening rush hour.</p>
<p>"We are delighted to see it open again," said the council leader, Joan Pryce, who cut the ribbon.</p>
</article><footer>Copyright 2024</footer></body></html>"""


def test_text_file_is_taken_exactly(tmp_path):
    path = tmp_path / "story.txt"
    text = "First line.\r\nSecond line with “curly quotes” and a tab\t.\n"
    path.write_bytes(text.encode("utf-8"))
    article = read_file(path)
    assert article.text == text
    assert article.id == "story"


def test_html_page_gives_main_text_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_file(path)
    assert "reopened on Tuesday" in article.text
    assert "Copyright" not in article.text and "Home | News" not in article.text
    assert article.title == "Bridge reopens after repairs"
    assert article.published == "2024-03-05"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"caf\xe9 au lait, na\xefve", "not UTF-8"),
        (b"<html><body><nav>Menu</nav></body></html>", "no article text"),
    ],
)
def test_unreadable_inputs_raise_one_clear_error(tmp_path, content, message):
    path = tmp_path / ("bad.html" if b"<html" in content else "bad.txt")
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message) as error:
        read_file(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    "content, kind",
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n(The mayor spoke.) Tj\n", "a PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive"),
        (b"{\\rtf1\\ansi The mayor spoke.}", "RTF"),
    ],
)
def test_documents_that_are_not_text_are_named_not_analysed(tmp_path, content, kind):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=kind):
        read_file(path)


def test_byte_order_marks_are_read_and_not_kept_in_the_text(tmp_path):
    story = "The mayor said on Monday that the bridge would reopen."
    for name, data in (("utf8.txt", codecs.BOM_UTF8 + story.encode()), ("utf16.txt", story.encode("utf-16")),
                       ("utf16be.txt", codecs.BOM_UTF16_BE + story.encode("utf-16-be"))):
        (tmp_path / name).write_bytes(data)
        assert read_file(tmp_path / name).text == story
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(codecs.BOM_UTF8 + json.dumps({"id": "first", "text": story}).encode() + b"\n")
    (article,) = read_jsonl(corpus)
    assert article.id == "first" and article.text == story


def test_a_saved_page_in_the_character_set_it_declares_is_read(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>'
            "<article><p>The caf\u00e9 owner, Zo\u00eb Marsh, said on Monday that prices would rise \u2013 again."
            "</p></article></body></html>")
    path = tmp_path / "old.html"
    path.write_bytes(page.encode("cp1252"))
    assert "Zo\u00eb Marsh, said on Monday that prices would rise \u2013 again." in read_file(path).text
    text = tmp_path / "old.txt"
    text.write_bytes("Zo\u00eb said so.".encode("cp1252"))
    with pytest.raises(IngestError, match="not UTF-8"):
        read_file(text)


def test_a_json_file_is_read_as_its_record_or_list_of_records(tmp_path):
    one = tmp_path / "story.json"
    one.write_text(json.dumps({"text": "The mayor spoke on Monday.", "published": "2024-01-02"}), encoding="utf-8")
    (article,) = read_inputs([str(one)])
    assert (article.id, article.text, article.published) == ("story", "The mayor spoke on Monday.", "2024-01-02")
    several = tmp_path / "desk.json"
    several.write_text(json.dumps([{"id": "a", "text": "Rain fell."}, {"id": "b"}, 7]), encoding="utf-8")
    first, second, third = read_inputs([str(several)])
    assert first.text == "Rain fell." and isinstance(second, ErrorRecord) and second.id == "b"
    assert isinstance(third, ErrorRecord) and "give objects" in third.error
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "Rain', encoding="utf-8")
    (error,) = read_inputs([str(broken)])
    assert isinstance(error, ErrorRecord) and "not JSON" in error.error


def test_a_broken_jsonl_line_says_where(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"id": "a", "text": "The mayor\n', encoding="utf-8")
    (record,) = read_jsonl(path)
    assert isinstance(record, ErrorRecord)
    assert record.error.endswith("not JSON (Invalid control character at column 31)")  # the line break


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_file(tmp_path / "absent.txt")
    with pytest.raises(IngestError, match="folder"):
        read_file(tmp_path)


def test_jsonl_records_errors_and_unknown_fields(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "The mayor spoke.", "published": "2024-01-02", "extra": 1}),
        "{not json",
        json.dumps({"id": "c", "title": "no body"}),
        json.dumps({"id": "d", "html": PAGE, "outlet": "Gazette"}),
        "",
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_jsonl(path))
    assert [type(item) for item in items] == [Article, ErrorRecord, ErrorRecord, Article, ErrorRecord]
    assert items[0].published == "2024-01-02"
    assert items[2].id == "c" and "no `text` or `html`" in items[2].error
    assert items[3].outlet == "Gazette" and "reopened" in items[3].text


def test_published_override_and_validation(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The mayor spoke on Monday.", encoding="utf-8")
    (article,) = read_inputs([str(path)], published="2023-11-30")
    assert article.published == "2023-11-30"
    assert check_date("2023-11-30T10:00:00") == "2023-11-30"
    with pytest.raises(IngestError, match="YYYY-MM-DD"):
        check_date("30/11/2023")


def test_read_inputs_keeps_going_after_a_bad_path(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The mayor spoke.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "gone.txt"), str(good)]))
    assert isinstance(items[0], ErrorRecord) and items[0].id == "gone"
    assert isinstance(items[1], Article)


def test_english_is_told_from_other_languages_by_its_function_words():
    english = "The minister said on Tuesday that the new hospital would open in the spring, and that it was on budget."
    dutch = ("De minister zei dinsdag dat het nieuwe ziekenhuis in het voorjaar opengaat en dat de bouw binnen "
             "het budget is gebleven, aldus een woordvoerder van het ministerie van Volksgezondheid.")
    assert looks_english(english)
    assert not looks_english(dutch)
    assert looks_english("Ministerie van Volksgezondheid")  # too short to judge


def test_text_far_denser_than_prose_is_refused_with_its_count():
    with pytest.raises(ArticleTooLong, match=r"is 80,000 words and marks, denser than prose; the largest handled is 60,000"):
        from_text("x\n" * 40_000, "lines")
    prose = "The harbour master said on Monday that the ferry would sail again in March.\n\n" * 2_000
    assert from_text(prose, "prose").text == prose  # 154,000 characters, 32,000 words and marks


def test_a_word_longer_than_any_in_prose_counts_once():
    # The tokenizer keeps it whole (nlp.LONGEST_WORD), so it costs spaCy one token; a shorter one a token a mark.
    assert len(TOKEN_LIKE.findall("!" * (LONGEST_WORD + 1))) == 1
    assert len(TOKEN_LIKE.findall("!" * LONGEST_WORD)) == LONGEST_WORD
    text = "Readers sent " + "!" * 150_000 + " in reply."
    assert from_text(text, "marks").text == text
