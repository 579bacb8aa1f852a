"""The embedded store: an on-disk Oxigraph (pyoxigraph) database."""
from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .base import GraphStore, LabelChange, Location, StoreError
from .sparql import offline_check, syntax_message, write_update

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["OxigraphStore"]

# How often a reader opens the store again when a writer replaced a file under it.
_READER_ATTEMPTS = 8

# Flushes between two reopenings of a store open for writing (a flush every 50 reports: every 50).
# The open RocksDB database holds memory that grows with what was written through it and read from it,
# which neither a flush nor glibc's ``malloc_trim`` gives back and closing it does (docs/benchmarks.md,
# issue 17). A one-job ingest's RSS after 1,000 news reports: 323 MB reopening every 250, 302 MB every 50;
# a reopening costs some 0.04 s of CPU on a store of 2,000 reports.
REOPEN_EVERY = 1

# The file a writer holds locked (``flock``) for as long as it has the store open, reopenings included,
# so that another writer waiting for the store cannot take it between a close and the reopening.
_WRITER_LOCK = "vnkg-writer.lock"

T = TypeVar("T")

_RESULT_FORMATS = {"json": "JSON", "csv": "CSV", "tsv": "TSV"}


class OxigraphStore(GraphStore):
    """A folder holding a pyoxigraph ``Store``: one writer at a time, any number of readers.

    A reader opens the store read-only and sees it as it was when opened (so a
    query during an ingest answers at once). Queries see the union of all
    graphs as their default graph and never reach the network (``SERVICE`` is
    refused). Writes go through one SPARQL Update each, which Oxigraph applies
    in one transaction: a process killed mid-ingest leaves every earlier report
    whole and no part of the one it was writing. A new store's folder is its
    owner's alone (mode 700).
    """

    def __init__(self, location: Location, write: bool = False, wait: float = 30.0):
        if location.path is None:
            raise StoreError(f"{location}: an embedded store needs a folder")
        path = location.path
        self.location = location
        self._store: pyoxigraph.Store | None = None
        if not write and not (path / "CURRENT").exists():
            raise StoreError(f"{path}: no store here; ingest reports first (vnkg ingest FILE... --store {path})")
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store folder")
        self._writer = write
        self._flushes = 0
        self._lock: int | None = _locked(path, wait) if write else None
        try:
            self._store = self._open_writer(path, wait) if write else self._open_reader(path)
        except BaseException:
            self._unlock()
            raise

    @staticmethod
    def _open_reader(path: Path) -> pyoxigraph.Store:
        """The store as it is now, read-only: no lock, so a writer never makes a reader wait."""
        import pyoxigraph

        for attempt in range(_READER_ATTEMPTS):
            try:
                return pyoxigraph.Store.read_only(str(path))
            except (OSError, RuntimeError) as exc:
                # RocksDB names a file (a MANIFEST, a table) the writer replaced while this reader
                # opened the store ("Corruption: IO error: No such file"): the next look finds the new one
                if attempt == _READER_ATTEMPTS - 1 or not isinstance(exc, OSError) and "No such file" not in str(exc):
                    raise StoreError(f"{path}: cannot open the store: {exc}") from None
                time.sleep(0.1 * (attempt + 1))
        raise AssertionError("unreachable")

    @staticmethod
    def _open_writer(path: Path, wait: float) -> pyoxigraph.Store:
        """The store for writing, held by this process alone; another writer waits up to ``wait`` s."""
        import pyoxigraph

        if not path.exists():  # a new store is its owner's only: reports may be confidential
            path.mkdir(parents=True, mode=0o700)
        deadline = time.monotonic() + wait
        collected = False
        while True:
            try:
                return pyoxigraph.Store(str(path))
            except OSError as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"{path}: cannot open the store: {exc}") from None
                if not collected:  # held by this process's garbage (a query result in a cycle)?
                    gc.collect()
                    collected = True
                    continue
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{path}: the store is in use by another vnkg process (waited {wait:.0f} s)") from None
                time.sleep(0.2)

    def select(self, query: str, substitutions: dict[str, str] | None = None) -> list[dict[str, str]]:
        import pyoxigraph

        results = self._run(query, substitutions)
        if not isinstance(results, pyoxigraph.QuerySolutions):
            raise StoreError("select needs a SELECT query")
        names = [v.value for v in results.variables]
        return _read(lambda: [{n: term.value for n, term in zip(names, row, strict=True) if term is not None}
                              for row in results])

    def table(self, query: str) -> tuple[list[str], list[list[str]]]:
        import pyoxigraph

        results = self._run(query, None)
        if isinstance(results, pyoxigraph.QueryBoolean):
            return ["result"], [[str(bool(results)).lower()]]
        if not isinstance(results, pyoxigraph.QuerySolutions):
            raise StoreError("a table needs a SELECT or ASK query")
        columns = [v.value for v in results.variables]
        return columns, _read(lambda: [["" if term is None else term.value for term in row] for row in results])

    def query_bytes(self, query: str, fmt: str, substitutions: dict[str, str] | None = None) -> bytes:
        import pyoxigraph

        results = self._run(query, substitutions)
        if isinstance(results, pyoxigraph.QueryTriples):
            graph_format = pyoxigraph.RdfFormat.N_TRIPLES if fmt == "ntriples" else pyoxigraph.RdfFormat.TURTLE
            return _read(lambda: results.serialize(format=graph_format) or b"")  # bytes: no output file given
        if fmt not in _RESULT_FORMATS:
            raise StoreError(f"format {fmt!r} is for CONSTRUCT and DESCRIBE queries; use json, csv, tsv or table")
        results_format = getattr(pyoxigraph.QueryResultsFormat, _RESULT_FORMATS[fmt])
        return _read(lambda: results.serialize(format=results_format) or b"")

    def write(self, drop: list[str], graph: str | None, ntriples: str, labels: dict[str, LabelChange]) -> None:
        update = write_update(drop, graph, ntriples, labels)
        if update:
            try:
                self._opened.update(update)
            except OSError as exc:
                raise StoreError(f"{self.location}: cannot write: {exc}") from None

    def graph_triples(self, graph: str) -> str:
        import pyoxigraph

        quads = self._opened.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(graph))
        data = pyoxigraph.serialize((q.triple for q in quads), format=pyoxigraph.RdfFormat.N_TRIPLES)
        return (data or b"").decode("utf-8")

    def flush(self) -> None:
        """Write RocksDB's in-memory tables out: each index keeps its own, and left alone they grew an
        ingest's memory by some 0.35 MB a report (250 news reports: 338 MB without, 287 MB with a
        flush every 50). Every ``REOPEN_EVERY`` flushes the database is closed and opened again, which
        gives back what the open database kept of the writes and reads (2,000 reports written: 179 MB
        without, 105 MB reopening every 250)."""
        if not self._writer:
            return
        try:
            self._opened.flush()
        except OSError as exc:
            raise StoreError(f"{self.location}: cannot write: {exc}") from None
        self._flushes += 1
        if self._flushes % REOPEN_EVERY == 0:
            self._reopen()

    def _reopen(self) -> None:
        """The writer's database closed and opened again, the writer's lock held throughout."""
        assert self.location.path is not None
        store, self._store = self._opened, None
        del store
        gc.collect(1)  # a query result in young garbage still holds the database (see ``close``)
        self._store = self._open_writer(self.location.path, 30.0)

    def __len__(self) -> int:
        return len(self._opened)

    def close(self) -> None:
        if self._store is None:
            return
        store, self._store = self._store, None
        try:
            if self._writer:
                store.flush()
        except OSError as exc:  # what was written is in the write-ahead log already
            raise StoreError(f"{self.location}: cannot write: {exc}") from None
        finally:
            del store
            self._unlock()
            # pyoxigraph releases the folder's lock when the Store and its query results are freed: at once
            # when nothing holds them, else when the young garbage holding a result is collected. (A full
            # collection took 0.18 s with the language models loaded; opening collects fully if need be.)
            gc.collect(1)

    def _unlock(self) -> None:
        import os

        if self._lock is not None:
            lock, self._lock = self._lock, None
            os.close(lock)  # closing the file releases its flock

    @property
    def _opened(self) -> pyoxigraph.Store:
        if self._store is None:
            raise StoreError(f"{self.location}: the store is closed")
        return self._store

    def _run(self, query: str, substitutions: dict[str, str] | None
             ) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
        import pyoxigraph

        subs: dict[pyoxigraph.Variable, pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
                   | pyoxigraph.Triple] = {pyoxigraph.Variable(k): pyoxigraph.Literal(v)
                                           for k, v in (substitutions or {}).items()}
        offline_check(query)
        try:
            return self._opened.query(query, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as exc:
            raise StoreError(syntax_message(str(exc), query)) from None
        except (RuntimeError, OSError) as exc:
            raise StoreError(f"query failed: {exc}") from None


def _locked(path: Path, wait: float) -> int:
    """The writer's lock file in the store's folder, locked (made with the folder if need be); another
    writer holding it is waited for up to ``wait`` seconds."""
    import fcntl
    import os

    if not path.exists():  # a new store is its owner's only: reports may be confidential
        path.mkdir(parents=True, mode=0o700)
    try:
        fd = os.open(path / _WRITER_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StoreError(f"{path}: the store is in use by another vnkg process (waited {wait:.0f} s)"
                                 ) from None
            time.sleep(0.2)


def _read(results: Callable[[], T]) -> T:
    """Results are computed as they are read: an error while reading them is the query's."""
    try:
        return results()
    except (RuntimeError, OSError) as exc:
        raise StoreError(f"query failed: {exc}") from None
