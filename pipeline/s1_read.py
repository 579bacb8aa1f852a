"""Stage 1: read a report from a file or a string and normalise its text."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .text import normalise

__all__ = ["Document", "ReadError", "read_path", "read_text", "READERS"]


class ReadError(Exception):
    """A report that cannot be read; the message names the reason."""


@dataclass(frozen=True)
class Document:
    """A normalised report: the text every later offset points into.

    Attributes
    ----------
    id : str
        Content hash of the normalised text (stable across runs and paths).
    name : str
        Short name, the file stem for files.
    text : str
        NFC text with one tone-mark style and plain whitespace.
    path : str or None
        Where it was read from.
    title, url, publisher, date : str or None
        Metadata the report itself states (``date`` as ISO 8601).
    """

    id: str
    name: str
    text: str
    path: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None


def read_text(text: str, name: str = "text", path: str | None = None) -> Document:
    """Normalise ``text`` and read the metadata it states.

    Examples
    --------
    >>> doc = read_text("Hội nghị tổng kết\\nNguồn Hà Nội TV: https://hanoionline.vn/a.htm")
    >>> doc.title, doc.publisher, doc.url
    ('Hội nghị tổng kết', 'Hà Nội TV', 'https://hanoionline.vn/a.htm')
    """
    clean = normalise(text)
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()[:16]
    return Document(
        id=digest,
        name=name,
        text=clean,
        path=path,
        title=_title(clean),
        url=_url(clean),
        publisher=_publisher(clean),
        date=_date(clean),
    )


def read_path(path: str | Path) -> Document:
    """Read a report file with the reader registered for its suffix.

    Raises
    ------
    ReadError
        When the file is missing, unreadable, empty or of a kind vnkg cannot read.
    """
    p = Path(path)
    if not p.exists():
        raise ReadError("no such file")
    if p.is_dir():
        raise ReadError("is a folder, not a report")
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type {p.suffix or '(none)'!r}")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    text = reader(raw)
    if not text.strip():
        raise ReadError("no text in file")
    return read_text(text, name=p.stem, path=str(p))


def _read_plain(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("not valid UTF-16 text") from None
    if b"\x00" in raw[:4096]:
        raise ReadError("binary data, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError("not UTF-8 text") from None


# Suffix -> function turning the file's bytes into text. Formats are added here.
READERS = {".txt": _read_plain, ".text": _read_plain, "": _read_plain}

_URL = re.compile(r"https?://[^\s\"'<>)\]]+")
_SOURCE = re.compile(r"^\s*(?:Nguồn|Theo)\s*:?\s*([^:\n]{2,60}?)\s*(?::\s*https?://|$)", re.MULTILINE)
_DATE_LINE = re.compile(
    r"^\s*(?:Ngày đăng|Đăng ngày|Cập nhật|Ngày)?\s*:?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", re.MULTILINE
)


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 250 else None
    return None


def _url(text: str) -> str | None:
    m = _URL.search(text)
    return m.group(0).rstrip(".,;") if m else None


def _publisher(text: str) -> str | None:
    m = _SOURCE.search(text)
    return m.group(1).strip() if m else None


def _date(text: str) -> str | None:
    """A publication date only where a line states one on its own."""
    m = _DATE_LINE.search(text)
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
