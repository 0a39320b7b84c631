"""Reading articles: plain text, HTML pages, standard input and JSON Lines corpora.

Every reader yields `Article`s, or an `ErrorRecord` for an input that cannot be read, so a corpus run
never stops on one bad article.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .schema import Article, ErrorRecord

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
# Inputs named by these prefixes are fetched from the web rather than read from disk.
URL_PREFIXES = ("http://", "https://")
# Fields a corpus record may carry; anything else in a record is ignored.
RECORD_FIELDS = {"id", "text", "html", "published", "title", "url", "outlet"}
# Fewer words than this on a page is navigation or an error page, not an article.
MIN_ARTICLE_WORDS = 3
# Control characters that never occur in text files: their presence means a binary file.
BINARY_MARKERS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# The character set a page declares: <meta charset="…">, or <meta http-equiv … content="…; charset=…">.
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.IGNORECASE)
# Leading bytes of document formats people save articles in (from each format's specification), named
# in the error: a PDF can start with plain ASCII lines and would otherwise be analysed as text.
DOCUMENT_SIGNATURES = {
    b"%PDF-": "a PDF",
    b"PK\x03\x04": "a ZIP archive (Word .docx, OpenDocument and EPUB files are ZIP archives)",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
}


# Share of words that are English function words ("the", "of", "said" …, spaCy's English stop-word list):
# news in English measured 0.37 to 0.52 (PolNeAR and TempEval-3 dev), French, German, Spanish, Italian and
# Dutch news 0.05 to 0.12. Texts shorter than ENGLISH_MIN_WORDS are not judged.
ENGLISH_MIN_SHARE = 0.2
ENGLISH_MIN_WORDS = 20
WORDS = re.compile(r"[^\W\d_]+")


def looks_english(text: str) -> bool:
    """Whether the text reads as English, judged by its share of English function words; short texts pass."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = WORDS.findall(text.lower())
    if len(words) < ENGLISH_MIN_WORDS:
        return True
    return sum(word in STOP_WORDS for word in words) / len(words) >= ENGLISH_MIN_SHARE


class IngestError(ValueError):
    """An input that cannot become an article; the message names the problem in one line."""


class ArticleTooLong(IngestError):
    """An article longer than MAX_ARTICLE_CHARS, or of more than MAX_ARTICLE_TOKENS words and marks."""


# About 35,000 words, several times the longest news features. spaCy's parser and NER need memory in
# proportion to the text (measured: a 200,000-character article peaks near 850 MB with the small
# model), so one oversized input becomes an error record instead of exhausting the machine.
MAX_ARTICLE_CHARS = 200_000
# spaCy's time grows with the tokens, not the characters: news has about 0.21 words and marks a character
# (42,000 at the length limit; the densest development article 0.34), while one-letter lines or runs of
# quotation marks have one a character and took minutes. Text much denser than news is refused.
MAX_ARTICLE_TOKENS = 60_000
# What spaCy makes a token of, or a little more: a word over 500 characters (nlp.LONGEST_WORD), a run of
# letters or of digits, a mark, a line break or a run of spaces.
TOKEN_LIKE = re.compile(r"(?<!\S)\S{501,}|\d+|[^\W\d]+|[^\w\s]|\s*\n\s*|\s{2,}")


# Unpaired UTF-16 surrogates: JSON escapes (and Python's JSON reader on bytes) let them into a str, but
# they cannot be encoded, and spaCy fails on them. Each becomes U+FFFD, so offsets do not move.
LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    return LONE_SURROGATES.sub("\ufffd", text)


def article_text(text: str, name: str) -> str:
    """The text to analyse: unpaired surrogates replaced, length within MAX_ARTICLE_CHARS."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleTooLong(
            f"{name}: the article is {len(text):,} characters; the largest handled is {MAX_ARTICLE_CHARS:,}"
        )
    tokens = sum(1 for _ in TOKEN_LIKE.finditer(text))
    if tokens > MAX_ARTICLE_TOKENS:
        raise ArticleTooLong(
            f"{name}: the article is {tokens:,} words and marks, denser than prose; the largest handled is "
            f"{MAX_ARTICLE_TOKENS:,}"
        )
    return without_surrogates(text)


def metadata_field(value: object) -> str | None:
    """A record's id, title, URL or outlet as clean text: corpora also hold numbers and lists there."""
    if value is None or value == "":
        return None
    return without_surrogates(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str))


def check_date(value: str | None) -> str | None:
    """Validate a YYYY-MM-DD publication date, or raise IngestError."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise IngestError(f"publication date {value!r} is not a YYYY-MM-DD date") from None


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise IngestError(f"{name}: the input is empty")
    for signature, kind in DOCUMENT_SIGNATURES.items():
        if data.startswith(signature):
            raise IngestError(f"{name}: this is {kind}; newsfacts reads text and HTML, so save the article as text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows' "Unicode" text: marked, so certain
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(f"{name}: the file is marked as UTF-16 but is not; save it as UTF-8") from None
    try:
        text = data.decode("utf-8-sig")  # without a UTF-8 byte-order mark, which would otherwise start the text
    except UnicodeDecodeError as error:
        if BINARY_MARKERS.search(data[:4096].decode("latin-1")):
            raise IngestError(f"{name}: this is a binary file, not an article") from None
        raise IngestError(f"{name}: bytes at offset {error.start} are not UTF-8 text; save the file as UTF-8") from None
    if BINARY_MARKERS.search(text[:4096]):
        raise IngestError(f"{name}: this is a binary file, not an article")
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def from_html(html: str, article_id: str, source: str | None = None, url: str | None = None) -> Article:
    """Main text, title and date of a web page, through trafilatura and htmldate."""
    import trafilatura
    from htmldate import find_date

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    # trafilatura falls back to any text on the page; a menu word or two is not an article.
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise IngestError(f"{source or article_id}: the HTML page has no article text")
    published = getattr(extracted, "date", None)
    if not published:
        try:
            published = find_date(html, original_date=True, extensive_search=False)
        except Exception:  # htmldate raises on malformed pages; a missing date is not an error
            published = None
    return Article(
        id=article_id,
        text=article_text(text, source or article_id),
        published=check_date(published) if published else None,
        title=metadata_field(getattr(extracted, "title", None)),
        source=url or source,
        outlet=metadata_field(getattr(extracted, "sitename", None)),
    )


def from_text(text: str, article_id: str, source: str | None = None) -> Article:
    if not text.strip():
        raise IngestError(f"{source or article_id}: the input is empty")
    return Article(id=article_id, text=article_text(text, source or article_id), source=source)


def from_record(record: dict, fallback_id: str, source: str | None = None) -> Article:
    """One corpus record (a JSONL line, a CSV or Parquet row) as an article."""
    fields = {key: record.get(key) for key in RECORD_FIELDS}
    fields.update({key: metadata_field(fields[key]) for key in ("id", "title", "url", "outlet")})
    article_id = fields["id"] or fallback_id
    text, html = fields["text"], fields["html"]
    if isinstance(text, str) and text.strip():
        article = from_text(text, article_id, source)
    elif isinstance(html, str) and html.strip():
        article = from_html(html, article_id, source, url=fields["url"])
    else:
        raise IngestError(f"{article_id}: the record has no `text` or `html`")
    return article.model_copy(
        update={
            "published": check_date(fields["published"]) or article.published,
            "title": fields["title"] or article.title,
            "source": fields["url"] or article.source,
            "outlet": fields["outlet"] or article.outlet,
        }
    )


def read_jsonl(path: Path) -> Iterator[Article | ErrorRecord]:
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            fallback_id = f"{path.stem}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, f"{path}:{number}"))
                if not isinstance(record, dict):
                    raise IngestError(f"{path}:{number}: a line must hold a JSON object")
                yield from_record(record, fallback_id, str(path))
            except json.JSONDecodeError as error:
                # json's messages end "… at" before the position it would append ("Invalid control character at").
                problem = f"{error.msg.removesuffix(' at')} at column {error.colno}"
                yield ErrorRecord(id=fallback_id, error=f"{path}:{number}: not JSON ({problem})", source=str(path))
            except IngestError as error:
                yield ErrorRecord(id=_record_id(raw) or fallback_id, error=str(error), source=str(path))


def read_json(path: Path) -> Iterator[Article | ErrorRecord]:
    """A .json file: one record (an object with `text` or `html`, a fact sheet included) or a list of them."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        content = json.loads(decode(data, str(path)))
    except json.JSONDecodeError as error:
        raise IngestError(f"{path}: not JSON ({error.msg.removesuffix(' at')} at line {error.lineno})") from None
    records = content if isinstance(content, list) else [content]
    for number, record in enumerate(records, start=1):
        fallback_id = path.stem if len(records) == 1 else f"{path.stem}:{number}"
        try:
            if not isinstance(record, dict):
                raise IngestError(f"{path}: holds {type(record).__name__}s; give objects with `text` or `html`")
            yield from_record(record, fallback_id, str(path))
        except IngestError as error:
            record_id = metadata_field(record.get("id")) if isinstance(record, dict) else None
            yield ErrorRecord(id=record_id or fallback_id, error=str(error), source=str(path))


def _record_id(raw: bytes) -> str | None:
    try:
        record = json.loads(raw)
        return metadata_field(record.get("id")) if isinstance(record, dict) else None
    except ValueError:
        return None


def read_file(path: Path) -> Article:
    """One article from a .txt or .html file (HTML is also recognised by its content)."""
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if path.is_dir():
        raise IngestError(f"{path}: is a folder; give the article files inside it")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror})") from None
    text = decode_page(data, str(path)) if path.suffix.lower() in HTML_SUFFIXES else decode(data, str(path))
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        return from_html(text, path.stem, str(path))
    return from_text(text, path.stem, str(path))


def decode_page(data: bytes, name: str) -> str:
    """A saved web page: UTF-8, or else the character set its <meta> tag declares (older news sites use
    windows-1252 or ISO-8859-1)."""
    try:
        return decode(data, name)
    except IngestError:
        declared = META_CHARSET.search(data[:4096])
        if declared is None:
            raise
        try:
            return data.decode(declared[1].decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise IngestError(f"{name}: the page is not in the {declared[1].decode('ascii')} it declares") from None


def read_stdin() -> Article:
    data = sys.stdin.buffer.read()
    text = decode(data, "standard input")
    if looks_like_html(text):
        return from_html(text, "stdin", "-")
    return from_text(text, "stdin", "-")


def read_inputs(paths: list[str], published: str | None = None) -> Iterator[Article | ErrorRecord]:
    """Every article named by the paths, in order; `published` overrides each article's own date."""
    return with_published((item for name in paths for item in _read_one(name)), published)


def with_published(items: Iterable[Article | ErrorRecord], published: str | None) -> Iterator[Article | ErrorRecord]:
    """The items with `published` as every article's date, when given."""
    published = check_date(published)
    for item in items:
        if published and isinstance(item, Article):
            item = item.model_copy(update={"published": published})
        yield item


def _read_one(name: str) -> Iterator[Article | ErrorRecord]:
    path = Path(name)
    try:
        if name == "-":
            yield read_stdin()
        elif name.lower().startswith(URL_PREFIXES):
            from .fetch import fetch_article  # fetch imports this module

            yield fetch_article(name)
        elif path.suffix.lower() in JSONL_SUFFIXES | JSON_SUFFIXES:
            if not path.exists():
                raise IngestError(f"{path}: no such file")
            yield from (read_jsonl if path.suffix.lower() in JSONL_SUFFIXES else read_json)(path)
        else:
            yield read_file(path)
    except IngestError as error:
        yield ErrorRecord(id=path.stem if name != "-" else "stdin", error=str(error), source=name)
