"""Parsed lexicons kept between runs: pickles keyed on the hashes of the files they are made from."""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TypeVar

__all__ = ["cached", "cache_dir", "CACHE_ENV", "Source"]

T = TypeVar("T")
CACHE_ENV = "VNKG_CACHE_DIR"
_FORMAT = "1"  # bump when what is stored changes shape for the same files


class Source(Protocol):
    """A file to key on: a ``pathlib.Path`` or a package resource (``importlib.resources.files(...)``)."""

    def read_bytes(self) -> bytes: ...


def cache_dir() -> Path | None:
    """Where parsed lexicons are kept: ``$VNKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/vnkg``, else
    ``~/.cache/vnkg``; None when ``VNKG_CACHE_DIR`` is ``off`` (nothing is kept).

    Examples
    --------
    >>> import os
    >>> saved = os.environ.get("VNKG_CACHE_DIR")
    >>> os.environ["VNKG_CACHE_DIR"] = "off"; cache_dir() is None
    True
    >>> os.environ["VNKG_CACHE_DIR"] = "/srv/vnkg-cache"; cache_dir()
    PosixPath('/srv/vnkg-cache')
    >>> _ = os.environ.pop("VNKG_CACHE_DIR") if saved is None else os.environ.update(VNKG_CACHE_DIR=saved)
    """
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vnkg"


def cached(name: str, sources: Iterable[Source], build: Callable[[], T], folder: Path | None = None) -> T:
    """``build()``, or what it returned on an earlier run for the same source files.

    The key is a hash of ``name``, the Python version and the bytes of every
    source file, and of the file defining ``build`` (so a change to the code
    that parses is a change of key as much as one to the data). A cache that
    cannot be read or written (a read-only home, a full disk, a damaged file)
    is passed over: ``build()`` is called and its result returned, so the
    cache changes how fast a lexicon loads, never what it holds.

    Parameters
    ----------
    name : str
        What is kept, a file-name stem ("gazetteer").
    sources : iterable of Path or package resources
        The files the result is made from.
    build : callable
        Makes the result; it must be picklable.
    folder : Path, optional
        Where to keep it; ``cache_dir()`` by default.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> data = folder / "words.txt"
    >>> _ = data.write_text("Hà Nội\\nHải Phòng\\n", encoding="utf-8")
    >>> calls = []
    >>> def words():
    ...     calls.append(1)
    ...     return sorted(data.read_text(encoding="utf-8").split())
    >>> cached("words", [data], words, folder), cached("words", [data], words, folder), len(calls)
    (['Hà', 'Hải', 'Nội', 'Phòng'], ['Hà', 'Hải', 'Nội', 'Phòng'], 1)
    >>> _ = data.write_text("Huế\\n", encoding="utf-8")
    >>> cached("words", [data], words, folder), len(calls)
    (['Huế'], 2)
    """
    folder = cache_dir() if folder is None else folder
    if folder is None:
        return build()
    try:
        key = _key(name, [*sources, _defining_file(build)])
    except OSError:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as stored:
            return _unpickled(stored)
    except Exception:  # absent, unreadable or damaged: made again below
        pass
    value = build()
    _store(path, name, value)
    return value


def _unpickled(stored: BinaryIO) -> Any:
    """``pickle.load`` with the garbage collector paused: unpickling makes hundreds of thousands of
    containers and no garbage, and collections triggered by them walked them all (word_crf: 0.3 s
    instead of 0.07)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(stored)
    finally:
        if enabled:
            gc.enable()


def _key(name: str, sources: list[Source]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{_FORMAT}\0{name}\0{sys.version}\0".encode())
    for source in sources:  # sha256: 2.6 times blake2b's speed on a CPU with SHA extensions (6.4 MB: 11 ms)
        digest.update(hashlib.sha256(source.read_bytes()).digest())
    return digest.hexdigest()


def _defining_file(build: Callable[[], object]) -> Path:
    module = sys.modules[build.__module__]
    file = getattr(module, "__file__", None)
    if file is None:
        raise OSError(f"{build.__module__} has no file to key a cache on")
    return Path(file)


def _store(path: Path, name: str, value: object) -> None:
    """Write ``value`` atomically (a reader sees no file or the whole of it); any failure leaves the cache
    as it was. Files of other keys stay: two checkouts of different versions share the folder."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except (OSError, pickle.PicklingError):
        pass
