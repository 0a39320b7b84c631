"""From bytes to text: byte-order marks, character sets, and the files that are not text at all."""

from __future__ import annotations

import codecs
import re

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


def decode_fetched(body: bytes, charset: str | None) -> str:
    """A downloaded body: by the charset its server declared, else UTF-8, else the charset detected."""
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:  # an unknown charset name: fall through to detection
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(body).best()
        return str(best) if best is not None else body.decode("utf-8", errors="replace")
