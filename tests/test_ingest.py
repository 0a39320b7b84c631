"""Reading articles: every input of every kind gives an article or one clear error, never a traceback."""

from __future__ import annotations

import codecs
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsfacts.ingest import (
    TOKEN_LIKE, ArticleTooLong, IngestError, check_date, count_articles, from_text, looks_english, read_inputs,
)
from newsfacts.ingest.files import read_csv, read_file, read_folder, read_jsonl, read_parquet
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
    assert read_file(path).warnings == []  # a declared character set is not a guess


def test_text_in_a_legacy_encoding_is_read_in_the_one_detected_and_says_so(tmp_path):
    story = "Zo\u00eb Marsh, the caf\u00e9\u2019s owner, said on Monday that prices would rise \u2013 again."
    for encoding in ("cp1252", "latin-1"):  # what English news in a legacy encoding is written in
        text = story.encode(encoding, errors="replace").decode(encoding)
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        article = read_file(path)
        assert article.text == text
        assert any("not UTF-8; read as" in warning for warning in article.warnings)


def test_utf32_with_its_byte_order_mark_is_read_as_utf32(tmp_path):
    story = "The mayor said on Monday that the bridge would reopen."
    for name, data in (("le.txt", story.encode("utf-32")), ("be.txt", codecs.BOM_UTF32_BE + story.encode("utf-32-be"))):
        (tmp_path / name).write_bytes(data)
        assert read_file(tmp_path / name).text == story


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


# Corpora and folders


def test_csv_rows_become_articles_and_a_row_without_text_an_error(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,text,published,outlet\nc1,"A storm hit Oslo, officials said.",2024-02-01,Post\nc2,,,\n')
    first, second = read_csv(path)
    assert (first.id, first.published, first.outlet) == ("c1", "2024-02-01", "Post")
    assert isinstance(second, ErrorRecord) and second.id == "c2" and "no `text`" in second.error


def test_parquet_rows_stream_with_their_dates(tmp_path):
    import datetime

    path = tmp_path / "news.parquet"
    table = pa.table({"id": ["p1", "p2"], "text": ["Rain in Bern.", "Snow in Graz."],
                      "published": [datetime.date(2023, 1, 5), None], "extra": [1, 2]})
    pq.write_table(table, path)
    first, second = read_parquet(path, rows_per_batch=1)
    assert (first.id, first.published, second.text) == ("p1", "2023-01-05", "Snow in Graz.")


def test_folder_articles_are_named_by_their_path_inside_the_folder(tmp_path):
    (tmp_path / "week1").mkdir()
    (tmp_path / "week1" / "a.txt").write_text("Floods reached Porto.")
    (tmp_path / "b.txt").write_text("Markets fell in Seoul.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("not an article")
    assert [item.id for item in read_folder(tmp_path)] == ["b", "week1/a"]


def test_documents_in_a_folder_are_error_rows_that_leave_the_article_its_id(tmp_path):
    (tmp_path / "budget.txt").write_text("The council set its budget on Monday.")
    (tmp_path / "budget.pdf").write_bytes(b"%PDF-1.7\n(The council set its budget.) Tj\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    items = list(read_folder(tmp_path))
    assert [(item.id, type(item)) for item in items] == [("budget.pdf", ErrorRecord), ("budget", Article)]
    assert "this is a PDF" in items[0].error
    assert count_articles([tmp_path]) == 2


def test_a_missing_input_is_an_error_record_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "one", "text": "Maria Costa runs the Lisbon bakery."}) + "\n", encoding="utf-8")
    items = list(read_inputs([tmp_path / "missing.jsonl", good]))
    assert isinstance(items[0], ErrorRecord) and "no such file" in items[0].error
    assert isinstance(items[1], Article)


def test_a_table_without_an_article_column_is_one_error_naming_its_columns(tmp_path):
    news = tmp_path / "news.csv"
    news.write_text("headline,body\nStorm,A storm hit Oslo.\nFlood,Rivers rose in Hull.\n")
    old = tmp_path / "old.parquet"
    pq.write_table(pa.table({"headline": ["Snow"], "body": ["Snow fell in Graz."]}), old)
    for path in (news, old):
        (error,) = read_inputs([path])
        assert isinstance(error, ErrorRecord)
        assert "no `text` or `html` column" in error.error and "headline, body" in error.error


def test_a_quoted_pattern_is_expanded_and_one_matching_nothing_is_reported(tmp_path):
    (tmp_path / "b.txt").write_text("Markets fell in Seoul.")
    (tmp_path / "a.txt").write_text("Floods reached Porto.")
    items = list(read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "*.html")]))
    assert [item.id for item in items] == ["a", "b", "*"]
    assert isinstance(items[2], ErrorRecord) and "no such file" in items[2].error
    assert count_articles([str(tmp_path / "*.txt")]) == 2


def test_standard_input_is_read_as_one_article(tmp_path, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Rain fell in Bern on Monday.")))
    (article,) = read_inputs(["-"])
    assert article.text == "Rain fell in Bern on Monday."


def test_counts_come_from_lines_rows_and_files(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("z")
    parquet = tmp_path / "b.parquet"
    pq.write_table(pa.table({"id": ["1", "2", "3"], "text": ["a", "b", "c"]}), parquet)
    assert count_articles([jsonl, tmp_path / "docs", parquet]) == 2 + 1 + 3


# Compressed inputs, named columns, records that are not what they should be


def test_gzip_compressed_files_are_read_as_what_they_hold(tmp_path):
    import gzip

    story = "The mayor said on Monday that the bridge would reopen."
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(story.encode()))
    (tmp_path / "lines.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "j", "text": story}) + "\n").encode()))
    (tmp_path / "rows.csv.gz").write_bytes(gzip.compress(f'id,text\nc,"{story}"\n'.encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    items = list(read_inputs(sorted(str(path) for path in tmp_path.iterdir())))
    assert [(item.id, type(item)) for item in items] == [("j", Article), ("page", Article), ("c", Article),
                                                          ("story", Article)]
    assert items[0].text == story and "reopened on Tuesday" in items[1].text
    assert count_articles([tmp_path / "lines.jsonl.gz", tmp_path / "rows.csv.gz"]) == 2
    (folder := tmp_path / "desk").mkdir()
    (folder / "late.txt.gz").write_bytes(gzip.compress(story.encode()))
    assert [item.id for item in read_inputs([folder])] == ["late"]


def test_a_broken_or_exploding_gzip_file_is_one_error(tmp_path, monkeypatch):
    import gzip

    import newsfacts.ingest.files as files

    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"The mayor spoke on Monday. " * 50)[:40])
    monkeypatch.setattr(files, "MAX_RECORD_BYTES", 10_000)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 1_000_000))
    cut, bomb = read_inputs([tmp_path / "cut.txt.gz", tmp_path / "bomb.txt.gz"])
    assert isinstance(cut, ErrorRecord) and "cannot be read" in cut.error
    assert isinstance(bomb, ErrorRecord) and "over 10,000 bytes uncompressed" in bomb.error


def test_named_columns_hold_the_article_and_its_id(tmp_path):
    from newsfacts.ingest import Columns

    columns = Columns(text="body", id="slug")
    news = tmp_path / "news.csv"
    news.write_text("slug,headline,body\nflood-1,Floods,Rivers rose in Hull on Monday.\nmenu,Page,<html><body>"
                    "<article><p>The ferry to Hull ran again on Tuesday after the storm, the operator said.</p>"
                    "</article></body></html>\n", encoding="utf-8")
    table = tmp_path / "old.parquet"
    pq.write_table(pa.table({"slug": ["snow-2"], "body": ["Snow fell in Graz."]}), table)
    lines = tmp_path / "feed.jsonl"
    lines.write_text(json.dumps({"slug": "rain-3", "body": "Rain fell in Bern."}) + "\n", encoding="utf-8")
    flood, ferry, snow, rain = read_inputs([news, table, lines], columns=columns)
    assert (flood.id, flood.text) == ("flood-1", "Rivers rose in Hull on Monday.")
    assert ferry.id == "menu" and ferry.text.startswith("The ferry")  # a column of pages is read as HTML
    assert (snow.id, rain.id) == ("snow-2", "rain-3")
    (missing,) = read_inputs([news], columns=Columns(text="story"))
    assert isinstance(missing, ErrorRecord) and "no `story` column (its columns: slug, headline, body)" in missing.error


def test_a_bad_json_line_never_stops_the_lines_after_it(tmp_path, monkeypatch):
    import newsfacts.ingest.files as files

    path = tmp_path / "corpus.jsonl"
    digits = "9" * 5000
    lines = ["[" * 5_000, '{"id": ' + digits + ', "text": "Rain fell in Bern."}',
             json.dumps({"id": "long", "text": "word " * 5000}), json.dumps({"id": "last", "text": "Sun in Oslo."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(files, "MAX_RECORD_BYTES", 10_000)
    nested, big_id, long_line, last = read_inputs([path])
    assert isinstance(nested, ErrorRecord) and "nested too deeply" in nested.error
    assert isinstance(big_id, Article) and big_id.id == digits  # kept as the digits it was written with
    assert isinstance(long_line, ErrorRecord) and long_line.id == "corpus:3" and "over 10,000 bytes" in long_line.error
    assert isinstance(last, Article) and last.id == "last"


def test_an_unclosed_quotation_mark_in_a_csv_loses_only_its_row_and_says_so(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,text\nc1,"A storm hit Oslo, officials said.\nc2,"Snow fell in Graz.",x\nc3,Rain in Bern.\n'
                    'c4,"Fog in Hull, again.\n', encoding="utf-8")
    items = list(read_inputs([path]))
    assert [type(item) for item in items] == [ErrorRecord, Article, Article, ErrorRecord]
    assert "line 2: not CSV" in items[0].error and "reading goes on at line 3" in items[0].error
    assert [items[1].text, items[2].text] == ["Snow fell in Graz.", "Rain in Bern."]
    assert "line 5" in items[3].error
    assert count_articles([path]) == 4


def test_a_csv_in_a_legacy_encoding_is_read_row_by_row(tmp_path):
    path = tmp_path / "news.csv"
    rows = 'id,text\nc1,Plain ASCII row.\nc2,"Zo\u00eb\u2019s caf\u00e9 opened on Monday."\n'
    path.write_bytes(rows.encode("cp1252"))
    first, second = read_inputs([path])
    assert first.warnings == [] and second.text == "Zo\u00eb\u2019s caf\u00e9 opened on Monday."
    assert "read as cp1252" in second.warnings[0]


def test_a_corrupt_parquet_row_group_is_one_error_naming_its_rows_and_the_others_are_read(tmp_path):
    path = tmp_path / "news.parquet"
    texts = ["Rain in Bern.", "Snow in Graz.", "Sun in Oslo.", "Fog in Hull."]
    pq.write_table(pa.table({"id": ["a", "b", "c", "d"], "text": texts}), path, row_group_size=2)
    page = pq.ParquetFile(path).metadata.row_group(0).column(1).data_page_offset
    data = bytearray(path.read_bytes())
    data[page:page + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))
    lost, third, fourth = read_inputs([path])
    assert lost.id == "news:1-2" and "rows 1 to 2 cannot be read" in lost.error and "\n" not in lost.error
    assert (third.id, fourth.id) == ("c", "d")
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(bytes(data[:200]))
    (error,) = read_inputs([cut])
    assert isinstance(error, ErrorRecord) and "cannot be read as Parquet" in error.error


# Metadata


PAGE_WITH_BYLINE = PAGE.replace("<head>", '<head><meta name="author" content="Joan Pryce">')


def test_the_byline_of_a_page_or_a_record_is_the_author(tmp_path):
    from newsfacts.ingest import from_html, from_record

    assert from_html(PAGE_WITH_BYLINE, "page").author == "Joan Pryce"
    record = {"id": "r", "text": "Rain fell in Bern on Monday.", "author": "Ivo Brandt"}
    assert from_record(record, "fallback").author == "Ivo Brandt"


@pytest.mark.parametrize("top, day", [
    ("OSLO, March 5, 2024 (Wire) — The harbour reopened", "2024-03-05"),
    ("Published: 5 March 2024, 14:05\nThe harbour reopened", "2024-03-05"),
    ("Updated Sept. 10, 2025 at 5:20 p.m. ET\nThe harbour reopened", "2025-09-10"),
    ("2023-11-30\nThe harbour reopened", "2023-11-30"),
    ("Harbour reopens\nBy Ivo Brandt | 1st May 2022\nThe harbour reopened", "2022-05-01"),
])
def test_a_dateline_at_the_top_of_a_text_dates_it_and_says_so(tmp_path, top, day):
    path = tmp_path / "story.txt"
    path.write_text(f"{top} on Monday after repairs, the council said.\n", encoding="utf-8")
    (article,) = read_inputs([path])
    assert article.published == day
    assert any(warning.startswith(f"publication date {day} read from the dateline") for warning in article.warnings)
    (given,) = read_inputs([path], published="2024-01-02")
    assert given.published == "2024-01-02" and not given.warnings


@pytest.mark.parametrize("top", [
    "Storm kills 3 on March 5, 2024 in the north of the county",  # a headline that mentions a date
    "The council said on March 5, 2024 that the harbour would reopen",  # a sentence
    "OSLO, 05/03/2024 — The harbour reopened",  # day and month cannot be told apart
    "OSLO, March 5 (Wire) — The harbour reopened",  # no year
    "Harbour to reopen\nThe harbour, closed since the winter storms broke its outer wall, will reopen to ferries and "
    "fishing boats next month, the port authority said.\nIn a letter dated March 5, 2024 — the harbour master",
])
def test_a_date_that_is_not_a_dateline_does_not_date_the_article(tmp_path, top):
    path = tmp_path / "story.txt"
    path.write_text(f"{top} after repairs.\n", encoding="utf-8")
    (article,) = read_inputs([path])
    assert article.published is None and not article.warnings


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


def test_a_publication_time_is_kept_beside_the_date(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in [
        {"id": "a", "text": "The ferry sailed at dawn.", "published": "2024-01-02T07:45:00+01:00"},
        {"id": "b", "text": "The ferry sailed at dawn.", "published": "2024-01-02", "published_time": "2024-01-02T09:10Z"},
        {"id": "c", "text": "The ferry sailed at dawn.", "published": "2024-01-02"},
    ]), encoding="utf-8")
    a, b, c = read_inputs([str(path)])
    assert (a.published, a.published_at) == ("2024-01-02", "2024-01-02T07:45:00+01:00")
    assert (b.published, b.published_at) == ("2024-01-02", "2024-01-02T09:10:00+00:00")
    assert (c.published, c.published_at) == ("2024-01-02", None)


def test_a_malformed_publication_time_is_one_clear_error():
    from newsfacts.ingest import check_time

    assert check_time("2024-01-02") is None
    with pytest.raises(IngestError, match="ISO 8601"):
        check_time("2024-01-02 at noon")


def test_a_page_gives_its_publication_time(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_file(path)
    assert article.published_at == "2024-03-05T09:00:00+00:00"


def test_a_date_given_by_hand_drops_a_time_of_another_day(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read_inputs([str(path)], published="2024-03-07")
    assert (article.published, article.published_at) == ("2024-03-07", None)
