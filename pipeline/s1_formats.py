"""Readers by file type: plain text, HTML pages, DOCX and PDF reports, each to text and metadata."""
from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from typing import Any

from .s1_encodings import EncodingError, decode

__all__ = ["Extracted", "FormatError", "READERS", "sniff", "MAX_HTML_BYTES", "MAX_DOCX_UNPACKED", "MAX_DOCX_XML"]

# Byte budgets: past them a file is refused before a parser is given it (a parser's memory is
# many times its input's size). A page's scripts, styles and inline images do not count.
MAX_HTML_BYTES = 10_000_000
MAX_DOCX_UNPACKED = 200_000_000  # every part of a .docx unpacked, pictures included
MAX_DOCX_XML = 50_000_000  # the XML parts unpacked: what python-docx parses


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

    raw = _without_bulk(raw)
    if len(raw) > MAX_HTML_BYTES:
        raise FormatError(f"an HTML page of {len(raw) / 1e6:.1f} MB of markup (the limit is "
                          f"{MAX_HTML_BYTES / 1e6:g} MB): save the article alone, or its text as .txt")
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
    """Paragraphs and table cells of a Word report (python-docx), in document order; a file that
    unpacks past the budgets (a zip bomb) is refused before it is unpacked."""
    import docx

    _check_unpacked_size(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise FormatError(f"not a readable DOCX file ({type(exc).__name__})") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(_cell_texts(row)))
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


def _check_unpacked_size(raw: bytes) -> None:
    """Refuse a .docx whose parts would unpack past the budgets. The sizes are those the zip's
    directory declares; ``zipfile`` never unpacks a part past its declared size."""
    import zipfile

    try:
        parts = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FormatError(f"not a readable DOCX file ({type(exc).__name__})") from None
    total = sum(p.file_size for p in parts)
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    for size, limit, what in ((total, MAX_DOCX_UNPACKED, "parts"), (xml, MAX_DOCX_XML, "XML parts")):
        if size > limit:
            raise FormatError(f"a DOCX whose {what} would unpack to {size // 1_000_000:,} MB (the limit is "
                              f"{limit // 1_000_000} MB): a zip bomb, or not a report")


def _cell_texts(row: Any) -> list[str]:
    """A table row's cells as Word shows them (merged cells repeated); from the row's own cells
    when the merges are malformed (a span of 0, a vertical merge with nothing above)."""
    try:
        return [cell.text for cell in row.cells]
    except (ValueError, IndexError, KeyError):
        from docx.table import _Cell

        return [_Cell(tc, row).text for tc in row._tr.tc_lst]


# Elements whose content is never article text; a page saved "complete" carries its scripts and pictures.
_BULK = re.compile(rb"<(?i:(script|style|svg|noscript|template))")
_DATA_URI = re.compile(rb"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]{256,}")


def _without_bulk(raw: bytes) -> bytes:
    """The page without the content of scripts, styles and inline SVG, nor base64 pictures; one
    pass over the page, linear in its size and holding no copy of it (an unclosed ``<script``
    drops the rest of the page).

    >>> _without_bulk(b"<p>A</p><SCRIPT>var x = '<p>B</p>';</script><p>C</p>")
    b'<p>A</p><SCRIPT></script><p>C</p>'
    >>> _without_bulk(b"<img src='data:image/png;base64," + b"A" * 300 + b"'><p>C</p>")
    b"<img src='data:,'><p>C</p>"
    """
    out: list[bytes] = []
    pos = 0
    bulk, picture = _BULK.search(raw), _DATA_URI.search(raw)  # each the next one; searched again once passed
    while bulk is not None or picture is not None:
        if picture is not None and (bulk is None or picture.start() < bulk.start()):
            out += [raw[pos:picture.start()], b"data:,"]
            pos = picture.end()
        elif bulk is not None:
            body = raw.find(b">", bulk.end())
            if body < 0:
                out.append(raw[pos:bulk.start()])
                return b"".join(out)
            out.append(raw[pos:bulk.start()] + _DATA_URI.sub(b"data:,", raw[bulk.start():body + 1]))
            close = _closing(bulk.group(1).lower()).search(raw, body)
            if close is None:
                return b"".join(out)
            pos = close.start()
        if bulk is not None and bulk.start() < pos:
            bulk = _BULK.search(raw, pos)
        if picture is not None and picture.start() < pos:
            picture = _DATA_URI.search(raw, pos)
    if pos == 0:
        return raw  # nothing to take out: the page itself, not a copy
    out.append(raw[pos:])
    return b"".join(out)


@functools.cache
def _closing(tag: bytes) -> re.Pattern[bytes]:
    return re.compile(b"</" + tag, re.IGNORECASE)
