"""Readers by file type: plain text, HTML pages, DOCX and PDF reports, each to text and metadata."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .s1_encodings import EncodingError, decode

__all__ = ["Extracted", "FormatError", "READERS", "sniff"]


class FormatError(Exception):
    """A file vnkg cannot take as a report; the message says why."""


@dataclass(frozen=True)
class Extracted:
    """The text of a file and the metadata its format states."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None


# Leading bytes of files that are certainly not reports. Each signature is
# long enough that no text can start with it ("BMW ngưng sản xuất…" is news,
# not a bitmap).
_MAGIC = [(re.compile(pattern, re.DOTALL), kind) for pattern, kind in (
    (rb"\x89PNG\r\n", "a PNG image"), (rb"\xff\xd8\xff", "a JPEG image"), (rb"GIF8[79]a", "a GIF image"),
    (rb"BM.{4}\x00\x00\x00\x00", "a BMP image"), (rb"II\*\x00", "a TIFF image"), (rb"MM\x00\*", "a TIFF image"),
    (rb"RIFF.{4}(?:WEBP|WAVE|AVI )", "a RIFF (WEBP, WAV or AVI) file"), (rb"\x1f\x8b", "a gzip archive"),
    (rb"7z\xbc\xaf", "a 7-Zip archive"), (rb"Rar!\x1a\x07", "a RAR archive"), (rb"\x7fELF", "a program"),
)]


def sniff(raw: bytes) -> str | None:
    """What a file is by its first bytes, when that rules it out as a report.

    >>> sniff(b"BM6\\x00\\x0c\\x00\\x00\\x00\\x00\\x006\\x00")
    'a BMP image'
    >>> sniff("BMW ngưng sản xuất 6-Series Coupe".encode()) is None
    True
    """
    for magic, kind in _MAGIC:
        if magic.match(raw):
            return kind
    return None


def _text(raw: bytes) -> Extracted:
    try:
        return Extracted(decode(raw))
    except EncodingError as exc:
        raise FormatError(str(exc)) from None


def _html(raw: bytes) -> Extracted:
    """The article of a saved news page (trafilatura): body, title and date, without menus or adverts."""
    import trafilatura

    try:
        html = decode(raw)
    except EncodingError as exc:
        raise FormatError(str(exc)) from None
    from trafilatura.settings import Document as Page

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    if not isinstance(found, Page) or not (found.text or "").strip():  # (a dict only when as_dict=True)
        raise FormatError("no article text found in the HTML page")
    text = found.text or ""
    if found.title and not text.startswith(found.title):
        text = f"{found.title}\n{text}"
    return Extracted(text, found.title, found.date, found.url, found.sitename)


def _docx(raw: bytes) -> Extracted:
    """Paragraphs and table cells of a Word report (python-docx), in document order."""
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise FormatError(f"not a readable DOCX file ({type(exc).__name__})") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    title = document.core_properties.title or None
    return Extracted("\n".join(lines), title=title)


def _pdf(raw: bytes) -> Extracted:
    """The text layer of a PDF report (pdfminer.six), its layout analysis giving
    paragraphs whose wrapped lines are joined again; a scan without text is refused."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        text = extract_text(io.BytesIO(raw))
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise FormatError(f"not a readable PDF file ({type(exc).__name__})") from None
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    text = "\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise FormatError("a PDF without a text layer (a scan?); vnkg reads text, not images — run OCR first")
    return Extracted(text)


# Suffix -> reader of the file's bytes. Formats are added here.
READERS = {
    ".txt": _text, ".text": _text, "": _text,
    ".html": _html, ".htm": _html,
    ".docx": _docx,
    ".pdf": _pdf,
}
