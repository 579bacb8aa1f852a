"""Stage 1: read a report from a file or a string and normalise its text."""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from .s1_formats import READERS, FormatError, sniff
from .text import normalise

__all__ = ["Document", "ReadError", "read_path", "read_text", "READERS", "MAX_BYTES"]


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
    """Read a report file with the reader registered for its type (``s1_formats.READERS``).

    Only a regular file is read, and never more than ``MAX_BYTES`` of it (a
    FIFO, a device or a file growing while it is read cannot make a reader
    wait or fill memory). A PDF is read as a PDF whatever its name. Whatever
    goes wrong inside a reader refuses that file alone.

    Raises
    ------
    ReadError
        When the file is missing, unreadable, not a regular file, too large,
        empty, binary, an image, in a legacy encoding, or of a type vnkg cannot
        read; the message says which.

    Examples
    --------
    >>> read_path("/dev/zero")
    Traceback (most recent call last):
    pipeline.s1_read.ReadError: cannot read: not a regular file (a character device)
    """
    p = Path(path)
    raw = _read_bounded(p)
    kind = sniff(raw)
    if kind:
        raise ReadError(f"{kind}, not a report")
    suffix = ".pdf" if raw.startswith(b"%PDF-") else p.suffix.lower()  # the content says what it is
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(s for s in READERS if s))
        raise ReadError(f"unsupported file type {p.suffix!r}; vnkg reads {known}")
    if not raw.strip():
        raise ReadError("no text in file")
    try:
        found = reader(raw)
    except FormatError as exc:
        raise ReadError(str(exc)) from None
    except Exception as exc:  # a library failing on a malformed file: that file is refused, nothing else
        raise ReadError(f"cannot read this {suffix.lstrip('.') or 'text'} file "
                        f"({type(exc).__name__}: {_first_line(exc)})") from None
    doc = read_text(found.text, name=p.stem, path=str(p))
    if not doc.text.strip():
        raise ReadError("no text in file")
    return replace(doc, title=found.title or doc.title, date=found.date or doc.date,
                   url=found.url or doc.url, publisher=found.publisher or doc.publisher)


# Reports larger than this are refused rather than read into memory.
MAX_BYTES = 50_000_000

_URL = re.compile(r"https?://[^\s\"'<>)\]]+")
_SOURCE = re.compile(r"^\s*(?:Nguồn|Theo)\s*:?\s*([^:\n]{2,60}?)\s*(?::\s*https?://|$)", re.MULTILINE)
# Runs of blank lines become one line end before the metadata patterns run: "^\s*" tried at
# each of a million blank lines would rescan the run each time.
_BLANK_RUNS = re.compile(r"\n\s+")
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
    m = _SOURCE.search(_BLANK_RUNS.sub("\n", text))
    return m.group(1).strip() if m else None


def _date(text: str) -> str | None:
    """A publication date only where a line states one on its own."""
    m = _DATE_LINE.search(_BLANK_RUNS.sub("\n", text))
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                (stat.S_ISSOCK, "a socket"))


def _read_bounded(p: Path) -> bytes:
    """The bytes of a regular file, at most ``MAX_BYTES`` of them; a ``ReadError`` for anything else."""
    try:
        info = os.stat(p)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a folder, not a report")
    _refuse_special(info.st_mode)
    if info.st_size > MAX_BYTES:
        raise ReadError(f"too large ({info.st_size // 1_000_000} MB; the limit is {MAX_BYTES // 1_000_000} MB)")
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it does not wait.
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as f:
        _refuse_special(os.fstat(fd).st_mode)
        try:
            raw = f.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ReadError(f"too large (it grew past {MAX_BYTES // 1_000_000} MB, the limit, while read)")
    return raw


def _refuse_special(mode: int) -> None:
    for test, kind in _NOT_REGULAR:
        if test(mode):
            raise ReadError(f"cannot read: not a regular file ({kind})")
    if not stat.S_ISREG(mode):
        raise ReadError("cannot read: not a regular file")


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else ""
