"""From bytes to text: byte-order marks, character sets, compressed files, and the files that are not text.

UTF-8 is read as it is; a byte-order mark names UTF-16 or UTF-32; text in another encoding is read in the
one a page declares, or else the one charset-normalizer detects, and says so in a warning, because a
detected encoding is a guess.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .articles import IngestError

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
# Byte-order marks and the encodings they name; UTF-32's come first, as UTF-32 LE's begins with UTF-16 LE's.
BYTE_ORDER_MARKS = {
    codecs.BOM_UTF32_LE: "utf-32",
    codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
    codecs.BOM_UTF8: "utf-8-sig",
}
# English news in a legacy encoding is nearly always Windows-1252 (which the WHATWG Encoding Standard also
# reads for pages labelled ISO-8859-1); charset-normalizer often names a sibling that decodes the same
# bytes as cleanly (cp1250, cp775) on short texts, so Windows-1252 is taken whenever it fits as well.
WESTERN = "cp1252"
SNIFF_BYTES = 4096
GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def refuse_documents(data: bytes, name: str) -> None:
    for signature, kind in DOCUMENT_SIGNATURES.items():
        if data.startswith(signature):
            raise IngestError(f"{name}: this is {kind}; newsfacts reads text and HTML, so save the article as text")


def refuse_binary(text: str, name: str) -> None:
    if BINARY_MARKERS.search(text[:SNIFF_BYTES]):
        raise IngestError(f"{name}: this is a binary file, not an article")


def decode_bytes(data: bytes, name: str, declared: str | None = None, guess: str | None = None) -> Decoded:
    """Text from bytes: by a byte-order mark, as UTF-8, in the `declared` charset, in the encoding `guess`ed
    for earlier lines of the same file, or in the one detected. Raises IngestError for empty input,
    documents, binary files and bytes no encoding fits."""
    if not data.strip():
        raise IngestError(f"{name}: the input is empty")
    refuse_documents(data, name)
    decoded = _by_byte_order_mark(data, name)
    if decoded is None:
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as error:
            if BINARY_MARKERS.search(data[:SNIFF_BYTES].decode("latin-1")):
                raise IngestError(f"{name}: this is a binary file, not an article") from None
            decoded = _legacy(data, name, declared, guess, error.start)
    refuse_binary(decoded.text, name)
    return decoded


def decode(data: bytes, name: str) -> str:
    return decode_bytes(data, name).text


def _by_byte_order_mark(data: bytes, name: str) -> Decoded | None:
    for mark, encoding in BYTE_ORDER_MARKS.items():
        if data.startswith(mark):
            try:
                return Decoded(data.decode(encoding), encoding)  # the mark is not kept in the text
            except UnicodeDecodeError:
                raise IngestError(f"{name}: the file is marked as {encoding.upper().removesuffix('-SIG')} but is "
                                  "not; save it as UTF-8") from None
    return None


def _legacy(data: bytes, name: str, declared: str | None, guess: str | None, offset: int) -> Decoded:
    """Text that is not UTF-8: in the declared charset when it fits, else in a detected one, with a warning."""
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = guess if guess and _fits(data, guess) else detect_encoding(data)
    if encoding is None:
        raise IngestError(f"{name}: bytes at offset {offset} are not UTF-8 text, and no other encoding fits; "
                          "save the file as UTF-8")
    note = f"not UTF-8; read as {encoding} (detected, so accents and quotation marks may be wrong)"
    return Decoded(data.decode(encoding), encoding, (note,))


def _fits(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def detect_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for bytes that are not UTF-8, Windows-1252 when it fits as well."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    cleanest = [match for match in matches if match.chaos <= best.chaos]
    if any(WESTERN in match.could_be_from_charset for match in cleanest) and _fits(data, WESTERN):
        return WESTERN
    return best.encoding


def page_charset(data: bytes) -> str | None:
    """The character set an HTML page declares in a <meta> tag."""
    declared = META_CHARSET.search(data[:SNIFF_BYTES])
    return declared[1].decode("ascii") if declared else None


def decode_page(data: bytes, name: str) -> Decoded:
    """A saved web page: UTF-8, or else the character set its <meta> tag declares (older news sites use
    windows-1252 or ISO-8859-1), or else the one detected."""
    return decode_bytes(data, name, declared=page_charset(data))


def decode_fetched(body: bytes, charset: str | None, name: str) -> Decoded:
    """A downloaded body: in the charset its server declared, else as a file is read. A body is sniffed
    before it is analysed, whatever its label, so that binary data is not taken for text."""
    refuse_documents(body, name)
    if charset and _known(charset):
        text = body.decode(charset, errors="replace")
        if not text.strip():
            raise IngestError(f"{name}: the page is empty")
        refuse_binary(text, name)
        return Decoded(text, charset)
    return decode_bytes(body, name, declared=page_charset(body))


# Files, compressed or not.


def is_compressed(path: Path) -> bool:
    return path.suffix.lower() == GZIP_SUFFIX


def inner_suffix(path: Path) -> str:
    """The suffix that says what a file holds, under a .gz: '.jsonl' for news.jsonl.gz."""
    return Path(path.stem).suffix.lower() if is_compressed(path) else path.suffix.lower()


def inner_stem(path: Path) -> str:
    """A file's name without its suffixes of kind and compression: 'news' for news.jsonl.gz."""
    return Path(path.stem).stem if is_compressed(path) else path.stem


@contextmanager
def open_bytes(path: Path) -> Iterator[BinaryIO]:
    """The file's bytes, decompressed when its name ends in .gz; IngestError when it cannot be opened."""
    try:
        handle = gzip.open(path, "rb") if is_compressed(path) else path.open("rb")
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror})") from None
    with handle:
        try:
            yield handle
        except (OSError, EOFError, zlib.error) as error:  # a gzip file that is corrupt or cut short
            raise IngestError(f"{path}: cannot be read ({error})") from None


def read_limited(path: Path, limit: int) -> bytes:
    """All of a file's bytes (decompressed), refusing more than `limit` of them: a small .gz can hold gigabytes."""
    with open_bytes(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise IngestError(f"{path}: over {limit:,} bytes{' uncompressed' if is_compressed(path) else ''}; an "
                          "article file this large is not one article")
    return data


@dataclass(frozen=True)
class Line:
    """One line of a text file, decoded, or the reason it could not be."""

    number: int
    text: str | None
    warnings: tuple[str, ...] = ()
    error: str | None = None


def text_lines(path: Path, limit: int) -> Iterator[Line]:
    """The lines of a text file (compressed or not), each decoded on its own: UTF-8, or the encoding its
    byte-order mark names, or else one detected (then tried first for the file's next such lines). A line
    longer than `limit` bytes is skipped with an error, never held whole."""
    with open_bytes(path) as handle:
        start = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
        marked = next((encoding for mark, encoding in BYTE_ORDER_MARKS.items() if start.startswith(mark)), None)
        if marked in ("utf-16", "utf-32"):  # their line breaks are not the byte b"\n": decode the stream
            yield from _wide_lines(handle, path, marked, limit)
            return
        guess = None
        for number, raw in enumerate(_raw_lines(handle, limit), start=1):
            if raw is None:
                yield Line(number, None, error=f"{path}:{number}: the line is over {limit:,} bytes")
                continue
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                text = raw.decode("utf-8")
                yield Line(number, text)
            except UnicodeDecodeError:
                try:
                    decoded = decode_bytes(raw, f"{path}:{number}", guess=guess)
                except IngestError as error:
                    yield Line(number, None, error=str(error))
                    continue
                guess = decoded.encoding
                yield Line(number, decoded.text, decoded.warnings)


def _raw_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Byte lines of at most `limit` bytes; None for a longer one, whose rest is read past in pieces."""
    while raw := handle.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def _wide_lines(handle: BinaryIO, path: Path, encoding: str, limit: int) -> Iterator[Line]:
    stream = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    number = 0
    while text := stream.readline(limit + 1):
        number += 1
        if len(text) > limit:
            yield Line(number, None, error=f"{path}:{number}: the line is over {limit:,} characters")
            while (rest := stream.readline(limit)) and not rest.endswith("\n"):
                pass
        else:
            yield Line(number, text)
