"""Readers by file type: plain text, HTML pages, DOCX and PDF reports, each to text and metadata."""
from __future__ import annotations

import io
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


# Leading bytes of files that are certainly not reports.
_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"BM": "a BMP image",
    b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image", b"RIFF": "a RIFF (WEBP, WAV or AVI) file",
    b"\x1f\x8b": "a gzip archive", b"7z\xbc\xaf": "a 7-Zip archive", b"Rar!": "a RAR archive",
    b"\x7fELF": "a program",
}


def sniff(raw: bytes) -> str | None:
    """What a file is by its first bytes, when that rules it out as a report."""
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
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
    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    if found is None or not (found.text or "").strip():
        raise FormatError("no article text found in the HTML page")
    text = found.text
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
