"""The view cache's SQLite tables: written whole from a store, or patched where changed reports touch it."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .store import GraphStore
from .store.names import match_key
from .view_build import Edge, Facts, entity, holders, in_edges, node_data, out_edges
from .view_facts import LABEL, NODE_OBJECTS, Fact, label_facts, report_hashes, store_facts, vocabulary_signature

__all__ = ["SCHEMA_VERSION", "CACHE_FOLDER", "create", "build", "update", "files_stamp", "Nodes", "Tick",
           "MAX_CHANGED"]

# A progress tick: what is being done.
Tick = Callable[[str], None]
# Bumped whenever the tables or the view's rules change: a cache of another version is built again.
SCHEMA_VERSION = "4"
# More changed reports than this share of the store: the view is built whole (one query) instead of patched.
MAX_CHANGED = 0.25
# The folder inside an embedded store's folder that holds the cache (Oxigraph leaves it alone).
CACHE_FOLDER = "vnkg-cache"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS graphs(g TEXT PRIMARY KEY, hash TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS facts(g TEXT, s TEXT, p TEXT, o TEXT);
CREATE INDEX IF NOT EXISTS facts_g ON facts(g);
CREATE INDEX IF NOT EXISTS facts_s ON facts(s);
CREATE INDEX IF NOT EXISTS facts_o ON facts(o);
CREATE TABLE IF NOT EXISTS nodes(id TEXT PRIMARY KEY, data TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges(source TEXT, target TEXT, key TEXT, data TEXT, PRIMARY KEY(source, target, key))
  WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_target ON edges(target);
CREATE TABLE IF NOT EXISTS entities(iri TEXT PRIMARY KEY, label TEXT, kind TEXT, names TEXT, reports INTEGER)
  WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keys(key TEXT, iri TEXT);
CREATE INDEX IF NOT EXISTS keys_key ON keys(key);
CREATE INDEX IF NOT EXISTS keys_iri ON keys(iri);
"""


def create(db: sqlite3.Connection) -> None:
    """The tables, made if missing."""
    db.executescript(_SCHEMA)


def build(db: sqlite3.Connection, store: GraphStore, stamp: str, tick: Tick | None = None) -> None:
    """Fill the empty tables of ``db`` from the whole ``store`` (its facts read in one query).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pipeline.store import Location, open_store, ingest
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> with open_store(Location(path=folder), write=True) as store:
    ...     _ = ingest(store, ["corpus/hanoi-khcn-2025.txt"])
    ...     db = sqlite3.connect(":memory:", isolation_level=None)
    ...     create(db)
    ...     build(db, store, "stamp")
    >>> db.execute("SELECT data FROM nodes WHERE data LIKE '%Nguyễn Văn Phong%'").fetchone()[0][:40]
    '{"label": "Nguyễn Văn Phong", "type": "P'
    """
    _say(tick, "reading the store's facts")
    facts = store_facts(store)
    db.execute("BEGIN IMMEDIATE")
    _insert_facts(db, facts)
    db.executemany("INSERT INTO graphs VALUES (?, ?)", report_hashes(store).items())
    _say(tick, f"making the view of {len(facts):,} facts")
    known = Facts(db)
    known.load_all()
    chairs = {f.object for f in facts if f.predicate == "chairedBy"}
    _write(db, known, set(known.subjects()) | chairs, whole=True)
    _meta(db, stamp, vocabulary_signature(store))
    db.execute("COMMIT")


def update(db: sqlite3.Connection, store: GraphStore, stamp: str, tick: Tick | None = None) -> bool:
    """Patch ``db`` (a cache of this version) for the reports added, replaced or removed since it was made:
    only the nodes and edges those reports touch are made again. False (nothing changed) when the
    vocabulary changed or too many reports did: then the view is to be built whole."""
    db.execute("BEGIN IMMEDIATE")  # a second process patching the same cache waits, then finds it done
    try:
        meta = dict(db.execute("SELECT k, v FROM meta"))
        if meta.get("version") != SCHEMA_VERSION or meta.get("vocabulary") != vocabulary_signature(store):
            db.execute("ROLLBACK")
            return False
        if meta.get("fingerprint") == stamp:
            db.execute("COMMIT")
            return True
        cached = dict(db.execute("SELECT g, hash FROM graphs"))
        current = report_hashes(store)
        gone = sorted(g for g, h in cached.items() if current.get(g) != h)
        new = sorted(g for g, h in current.items() if cached.get(g) != h)
        if len(gone) + len(new) > max(20, MAX_CHANGED * len(current)):
            db.execute("ROLLBACK")
            return False
        touched: set[str] = set()
        for g in gone:
            touched |= _touched(Fact(*row) for row in db.execute("SELECT g, s, p, o FROM facts WHERE g = ?", (g,)))
            db.execute("DELETE FROM facts WHERE g = ?", (g,))
            db.execute("DELETE FROM graphs WHERE g = ?", (g,))
        for g in new:
            _say(tick, f"reading {g.rsplit('/', 1)[-1]}")
            facts = store_facts(store, g)
            _insert_facts(db, facts)
            db.execute("INSERT INTO graphs VALUES (?, ?)", (g, current[g]))
            touched |= _touched(facts)
        db.executemany("DELETE FROM facts WHERE p = ? AND s = ?", ((LABEL, s) for s in touched))
        _insert_facts(db, label_facts(store, touched))
        known = Facts(db)
        roles = {post for node in touched for post in known.into(node, "role")}
        affected = touched | holders(known, touched | roles)
        _say(tick, f"{len(gone)} report(s) out, {len(new)} in: {len(affected):,} nodes made again")
        _write(db, known, affected, whole=False)
        _meta(db, stamp, meta["vocabulary"])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return True


def files_stamp(folder: Path) -> str:
    """The state of an embedded store's files (names, sizes, modification times): any write to the store
    changes it, reading it does not.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> before = files_stamp(folder)
    >>> _ = (folder / "000001.log").write_bytes(b"x")
    >>> files_stamp(folder) != before
    True
    """
    try:
        entries = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(folder)
                         if e.name != CACHE_FOLDER)
    except OSError:
        return ""
    return hashlib.sha256(repr(entries).encode("utf-8")).hexdigest()[:32]


def _write(db: sqlite3.Connection, known: Facts, nodes: set[str], whole: bool) -> None:
    """The rows of ``nodes``: their data, their edges (leaving them; reaching them too unless ``whole``:
    then every node's leaving edges are all edges) and their entries in the name index."""
    if not whole:
        for table, column in (("nodes", "id"), ("edges", "source"), ("edges", "target"), ("entities", "iri"),
                              ("keys", "iri")):
            db.executemany(f"DELETE FROM {table} WHERE {column} = ?", ((n,) for n in nodes))
    rows = [(n, json.dumps(d, ensure_ascii=False)) for n in sorted(nodes) if (d := node_data(known, n)) is not None]
    db.executemany("INSERT INTO nodes VALUES (?, ?)", rows)
    edges: dict[tuple[str, str, str], Edge] = {}
    for n in sorted(nodes):
        for e in out_edges(known, n) if whole else [*out_edges(known, n), *in_edges(known, n)]:
            edges[e[:3]] = e
    db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)",
                   ((a, b, k, json.dumps(d, ensure_ascii=False)) for a, b, k, d in edges.values()))
    found = [x for n in sorted(nodes) if (x := entity(known, n)) is not None]
    db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                   ((e.iri, e.label, e.kind, json.dumps(e.names, ensure_ascii=False), e.reports) for e in found))
    db.executemany("INSERT INTO keys VALUES (?, ?)",
                   ((key, e.iri) for e in found for key in sorted({match_key(x) for x in (e.label, *e.names)})))


def _touched(facts: Iterable[Fact]) -> set[str]:
    """The nodes facts are about: their subjects and the objects that are nodes."""
    found: set[str] = set()
    for f in facts:
        found.add(f.subject)
        if f.predicate in NODE_OBJECTS:
            found.add(f.object)
    return found


def _insert_facts(db: sqlite3.Connection, facts: list[Fact]) -> None:
    db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)", facts)


def _meta(db: sqlite3.Connection, stamp: str, vocabulary: str) -> None:
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                   [("version", SCHEMA_VERSION), ("fingerprint", stamp), ("vocabulary", vocabulary)])


def _say(tick: Tick | None, what: str) -> None:
    if tick:
        tick(what)


class Nodes(Mapping[str, dict[str, Any]]):
    """The view's nodes and their data, read from the cache as asked."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __getitem__(self, node: str) -> dict[str, Any]:
        row = self.db.execute("SELECT data FROM nodes WHERE id = ?", (node,)).fetchone()
        if row is None:
            raise KeyError(node)
        return dict(json.loads(row[0]))

    def __contains__(self, node: object) -> bool:
        return self.db.execute("SELECT 1 FROM nodes WHERE id = ?", (node,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self.db.execute("SELECT id FROM nodes").fetchall())

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM nodes").fetchone()[0])

    def items(self) -> Iterator[tuple[str, dict[str, Any]]]:  # type: ignore[override]
        return ((n, json.loads(d)) for n, d in self.db.execute("SELECT id, data FROM nodes").fetchall())
