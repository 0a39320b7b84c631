"""From text to an `Article`: plain text, an HTML page through trafilatura and htmldate, or a corpus record."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from ..schema import Article

# Fields a corpus record may carry; anything else in a record is ignored.
RECORD_FIELDS = {"id", "text", "html", "published", "published_at", "published_time", "title", "url", "outlet",
                 "author"}
# Fewer words than this on a page is navigation or an error page, not an article.
MIN_ARTICLE_WORDS = 3
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

# Share of words that are English function words ("the", "of", "said" …, spaCy's English stop-word list):
# news in English measured 0.37 to 0.52 (PolNeAR and TempEval-3 dev), French, German, Spanish, Italian and
# Dutch news 0.05 to 0.12. Texts shorter than ENGLISH_MIN_WORDS are not judged.
ENGLISH_MIN_SHARE = 0.2
ENGLISH_MIN_WORDS = 20
WORDS = re.compile(r"[^\W\d_]+")
NOT_ENGLISH = "does not look like English; the model and rules are English, so expect few findings"
# Unpaired UTF-16 surrogates: JSON escapes (and Python's JSON reader on bytes) let them into a str, but
# they cannot be encoded, and spaCy fails on them. Each becomes U+FFFD, so offsets do not move.
LONE_SURROGATES = re.compile("[\ud800-\udfff]")


class IngestError(ValueError):
    """An input that cannot become an article; the message names the problem in one line."""


class ArticleTooLong(IngestError):
    """An article longer than MAX_ARTICLE_CHARS, or of more than MAX_ARTICLE_TOKENS words and marks."""


def looks_english(text: str) -> bool:
    """Whether the text reads as English, judged by its share of English function words; short texts pass."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = WORDS.findall(text.lower())
    if len(words) < ENGLISH_MIN_WORDS:
        return True
    return sum(word in STOP_WORDS for word in words) / len(words) >= ENGLISH_MIN_SHARE


def without_surrogates(text: str) -> str:
    return LONE_SURROGATES.sub("\ufffd", text)


def article_text(text: str, name: str) -> str:
    """The text to analyse: unpaired surrogates replaced, length within MAX_ARTICLE_CHARS and MAX_ARTICLE_TOKENS."""
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


def check_time(value: str | None) -> str | None:
    """An ISO 8601 publication time ('2025-03-04T09:55Z', '2025-03-04 09:55:00+02:00') in its ISO form, None
    for a date alone, or raise IngestError."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if len(text) <= 10:
        check_date(text)
        return None
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        raise IngestError(f"publication time {value!r} is not an ISO 8601 date and time") from None


def page_time(html: str) -> str | None:
    """The publication time a page's metadata gives (htmldate), when it gives one with its date."""
    from htmldate import find_date

    try:
        found = find_date(html, outputformat="%Y-%m-%dT%H:%M:%S%z", original_date=True, extensive_search=False)
    except Exception:  # htmldate raises on malformed pages; a missing time is not an error
        return None
    # htmldate writes midnight with no zone for a date without a time.
    if not found or found.endswith("T00:00:00"):
        return None
    return datetime.strptime(found, "%Y-%m-%dT%H:%M:%S%z" if found[-5] in "+-" else "%Y-%m-%dT%H:%M:%S").isoformat()


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def input_warnings(text: str, warnings: Sequence[str] = ()) -> list[str]:
    """What the reader of an article's sheet should know about its input: how it was decoded, its language."""
    return [*warnings, *([] if looks_english(text) else [NOT_ENGLISH])]


def from_html(html: str, article_id: str, source: str | None = None, url: str | None = None,
              warnings: Sequence[str] = ()) -> Article:
    """Main text, title, byline and date of a web page, through trafilatura and htmldate."""
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
    text = article_text(text, source or article_id)
    published_at = page_time(html)
    return Article(
        id=article_id,
        text=text,
        published=check_date(published) if published else (published_at or "")[:10] or None,
        published_at=published_at if not published or published_at and published_at[:10] == published[:10] else None,
        title=metadata_field(getattr(extracted, "title", None)),
        source=url or source,
        outlet=metadata_field(getattr(extracted, "sitename", None)),
        author=metadata_field(getattr(extracted, "author", None)),
        warnings=input_warnings(text, warnings),
    )


def from_text(text: str, article_id: str, source: str | None = None, warnings: Sequence[str] = ()) -> Article:
    if not text.strip():
        raise IngestError(f"{source or article_id}: the input is empty")
    text = article_text(text, source or article_id)
    return Article(id=article_id, text=text, source=source, warnings=input_warnings(text, warnings))


def from_record(record: dict, fallback_id: str, source: str | None = None, warnings: Sequence[str] = ()) -> Article:
    """One corpus record (a JSONL line, a CSV or Parquet row) as an article."""
    fields = {key: record.get(key) for key in RECORD_FIELDS}
    fields.update({key: metadata_field(fields[key]) for key in ("id", "title", "url", "outlet", "author")})
    article_id = fields["id"] or fallback_id
    text, html = fields["text"], fields["html"]
    if isinstance(text, str) and text.strip():
        article = from_text(text, article_id, source, warnings)
    elif isinstance(html, str) and html.strip():
        article = from_html(html, article_id, source, url=fields["url"], warnings=warnings)
    else:
        raise IngestError(f"{article_id}: the record has no `text` or `html`")
    published_at = (check_time(fields["published_at"]) or check_time(fields["published_time"])
                    or check_time(fields["published"]))
    published = check_date(fields["published"]) or (published_at or "")[:10] or article.published
    return article.model_copy(
        update={
            "published": published,
            "published_at": published_at or (article.published_at if published == article.published else None),
            "title": fields["title"] or article.title,
            "source": fields["url"] or article.source,
            "outlet": fields["outlet"] or article.outlet,
            "author": fields["author"] or article.author,
        }
    )


# A dateline: the date a wire story or a saved page states at its top ("LONDON, March 5, 2024 (Reuters) —",
# "Published 5 March 2024, 14:05"). Only a whole date with its month in words (or ISO's YYYY-MM-DD, never
# the ambiguous 05/03/2024) counts, with few other words beside it (a headline that mentions a date is not
# a dateline), in one of the first lines, up to the first paragraph (a date further down is the story's).
# Month names are dateutil's table.
DATELINE_LINES = 3
PARAGRAPH_WORDS = 12  # a line of this many words is body text (headlines and datelines are shorter)
DATELINE_MAX_OTHER_WORDS = 4
DATELINE_END = re.compile(r"\s+(?:[—–]|--?|_)\s+|[—–]")  # where a dateline ends and the story begins


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    from dateutil.parser import parserinfo

    month = "|".join(sorted((name for names in parserinfo.MONTHS for name in names), key=len, reverse=True))
    month = rf"(?:{month})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    year = r"(?:19|20)\d{2}"
    return re.compile(rf"\b(?:{month}\s+{day},?\s+{year}|{day}\s+{month},?\s+{year}|{year}-\d{{2}}-\d{{2}})\b",
                      re.IGNORECASE)


CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.IGNORECASE)


def dateline_date(text: str) -> tuple[str, str] | None:
    """(YYYY-MM-DD, the dateline as written) when the article's top states its date, else None."""
    lines = [line.strip() for line in text.lstrip()[:2000].splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        found = _dateline(DATELINE_END.split(line, maxsplit=1)[0])
        if found or len(WORDS.findall(line)) >= PARAGRAPH_WORDS:  # body text began: a later date is the story's
            return found
    return None


def _dateline(head: str) -> tuple[str, str] | None:
    from dateutil import parser

    found = _dateline_pattern().search(head)
    if found is None:
        return None
    rest = CLOCK_TIME.sub(" ", head[:found.start()] + " " + head[found.end():])
    if len(WORDS.findall(rest)) > DATELINE_MAX_OTHER_WORDS:
        return None
    try:
        return parser.parse(found[0].replace(".", " ")).date().isoformat(), head.strip()
    except (ValueError, OverflowError):
        return None


def dated(article: Article, published: str | None = None) -> Article:
    """The article with its publication date: `published` when given, else its own (from the page or the
    record), else the date of a dateline at its top, which its warnings then mention."""
    if published:
        same_day = (article.published_at or "")[:10] == published
        return article.model_copy(update={"published": published,
                                          "published_at": article.published_at if same_day else None})
    if article.published:
        return article
    found = dateline_date(article.text)
    if found is None:
        return article
    day, dateline = found
    warning = f"publication date {day} read from the dateline “{dateline}”; give the date to set another"
    return article.model_copy(update={"published": day, "warnings": [*article.warnings, warning]})
