"""The store's NetworkX view and name index, cached in SQLite beside an embedded store and patched as reports change."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .store import GraphStore
from .store.names import Entity, NameIndex, match_key
from .view_facts import report_hashes
from .view_rank import Ranked, rank_nodes
from .view_store import CACHE_FOLDER, SCHEMA_VERSION, Nodes, Tick, build, create, files_stamp, update
from .vocab import PREFIXES

if TYPE_CHECKING:
    import networkx

__all__ = ["CachedView", "cached_view", "current_view", "refresh_view", "fingerprint", "files_stamp", "CACHE_FOLDER",
           "CACHE_FILE"]

# The file of the cache, in CACHE_FOLDER of an embedded store's folder.
CACHE_FILE = "view.sqlite"


class CachedView:
    """The view (``pipeline.s7_view.to_view`` of the store) and the names of its entities, read from the
    cache as asked: a node, a node's edges, every name; the NetworkX graph is built on first use (``view``),
    which a question about one node or one path does not need."""

    def __init__(self, db: sqlite3.Connection, fingerprint: str):
        self.db = db
        self.fingerprint = fingerprint
        self.attrs: dict[str, Any] = {"prefixes": dict(PREFIXES)}
        self.nodes: Mapping[str, dict[str, Any]] = Nodes(db)

    @cached_property
    def view(self) -> networkx.MultiDiGraph:
        """The NetworkX MultiDiGraph, built once."""
        import networkx as nx

        graph = nx.MultiDiGraph(**self.attrs)
        graph.add_nodes_from(self.nodes.items())
        graph.add_edges_from((a, b, k, json.loads(d))
                             for a, b, k, d in self.db.execute("SELECT source, target, key, data FROM edges"))
        return graph

    @cached_property
    def names(self) -> NameIndex:
        """Every entity by IRI and by the matching key of each of its names."""
        entities = {iri: Entity(iri, label, kind, tuple(json.loads(names)), reports)
                    for iri, label, kind, names, reports in self.db.execute("SELECT * FROM entities")}
        keys: dict[str, set[str]] = {}
        for key, iri in self.db.execute("SELECT key, iri FROM keys"):
            keys.setdefault(key, set()).add(iri)
        return NameIndex(entities, keys)

    def central(self, tick: Tick | None = None) -> list[Ranked]:
        """Every node but the figures with its degree and betweenness centrality (``rank_nodes``), the most
        connected first: ranked whenever a cache on disk is built or patched (after an ingest or a
        removal, or by the first question after the store changed otherwise); a view in memory (a store
        behind a server) ranks on first asking (two seconds on the news corpus), then keeps it."""
        row = self.db.execute("SELECT v FROM meta WHERE k = 'central'").fetchone()
        if row is not None:
            kept = json.loads(row[0])
            if kept.get("fingerprint") == self.fingerprint:
                return [Ranked(n, float(d), float(b)) for n, d, b in kept["nodes"]]
        if tick:
            tick("ranking the nodes (once for the store's reports as they are)")
        found = rank_nodes(self.db)
        try:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('central', ?)",
                            (json.dumps({"fingerprint": self.fingerprint, "nodes": found}),))
        except sqlite3.DatabaseError:  # a cache this process cannot write to: computed again next time
            pass
        return found

    def exact(self, text: str) -> list[Entity]:
        """Entities one of whose names is ``text`` (``NameIndex.exact``), read from the cache's index; when
        one of them has ``text`` as its preferred label and the others only as another name (a body
        named "Bộ Công Thương" in passing by the Vietnamese and the New Zealand ministries' reports),
        that one alone.

        >>> db = sqlite3.connect(":memory:")
        >>> create(db)
        >>> _ = db.executemany("INSERT INTO entities VALUES (?, ?, 'Organisation', '[]', 1)",
        ...                    [("urn:vn", "Bộ Công Thương"), ("urn:nz", "Bộ Công Thương New Zealand")])
        >>> _ = db.executemany("INSERT INTO keys VALUES (?, ?)", [("bo cong thuong", "urn:vn"),
        ...     ("bo cong thuong", "urn:nz"), ("bo cong thuong new zealand", "urn:nz")])
        >>> [e.iri for e in CachedView(db, "").exact("bộ công thương")]
        ['urn:vn']
        """
        key = match_key(text)
        found = sorted(self._entities(self._iris("key = ?", key)), key=lambda e: -e.reports)
        labelled = [e for e in found if match_key(e.label) == key]
        return labelled if len(labelled) == 1 else found

    def search(self, text: str, kind: str | None = None, limit: int | None = None) -> list[Entity]:
        """Entities with a name containing ``text`` (``NameIndex.search``: the same order), read from the
        cache's index without loading every name.

        >>> db = sqlite3.connect(":memory:")
        >>> create(db)
        >>> _ = db.executemany("INSERT INTO entities VALUES (?, ?, 'Person', '[]', ?)",
        ...                    [("urn:p", "Nguyễn Văn Phong", 3), ("urn:q", "Nguyễn Văn Quảng", 1)])
        >>> _ = db.executemany("INSERT INTO keys VALUES (?, ?)", [("nguyen van phong", "urn:p"),
        ...                                                       ("nguyen van quang", "urn:q")])
        >>> [e.label for e in CachedView(db, "").search("NGUYEN van")], CachedView(db, "").exact("nguyễn văn phong")
        (['Nguyễn Văn Phong', 'Nguyễn Văn Quảng'], [Entity(iri='urn:p', label='Nguyễn Văn Phong', kind='Person', \
names=(), reports=3)])
        """
        key = match_key(text)
        if not key:
            return []
        named = self._iris("key = ?", key)
        hits = [e for e in self._entities(self._iris("instr(key, ?) > 0", key)) if kind is None or e.kind == kind]
        hits.sort(key=lambda e: (e.iri not in named, not match_key(e.label).startswith(key), -e.reports,
                                 len(e.label), e.label))
        return hits[:limit] if limit else hits

    def _iris(self, where: str, key: str) -> set[str]:
        return {iri for (iri,) in self.db.execute(f"SELECT iri FROM keys WHERE {where}", (key,))}

    def _entities(self, iris: set[str]) -> list[Entity]:
        rows = [row for iri in sorted(iris)
                for row in self.db.execute("SELECT * FROM entities WHERE iri = ?", (iri,))]
        return [Entity(iri, label, kind, tuple(json.loads(names)), n) for iri, label, kind, names, n in rows]

    def edges_of(self, node: str) -> list[tuple[str, str, str, dict[str, Any]]]:
        """The edges leaving or reaching ``node``, each as it runs (source, target, key, data)."""
        rows = self.db.execute("SELECT source, target, key, data FROM edges WHERE source = ? UNION "
                               "SELECT source, target, key, data FROM edges WHERE target = ?", (node, node))
        return [(a, b, k, json.loads(d)) for a, b, k, d in sorted(rows)]

    def shortest_path(self, a: str, b: str) -> list[str] | None:
        """The nodes of a shortest chain from ``a`` to ``b``, edges taken either way; None when none.

        >>> db = sqlite3.connect(":memory:")
        >>> create(db)
        >>> _ = db.executemany("INSERT INTO nodes VALUES (?, '{}')", [("p",), ("o",), ("q",), ("x",)])
        >>> _ = db.executemany("INSERT INTO edges VALUES (?, ?, 'holds', '{}')", [("p", "o"), ("q", "o")])
        >>> c = CachedView(db, "")
        >>> c.shortest_path("p", "q"), c.shortest_path("p", "x")
        (['p', 'o', 'q'], None)
        """
        if a not in self.nodes or b not in self.nodes:
            return None
        came: dict[str, str | None] = {a: None}
        ring = [a]
        while ring and b not in came:
            nxt = []
            for node in ring:
                for other in self._adjacent.get(node, ()):
                    if other not in came:
                        came[other] = node
                        nxt.append(other)
            ring = nxt
        if b not in came:
            return None
        path: list[str] = []
        step: str | None = b
        while step is not None:
            path.append(step)
            step = came[step]
        return path[::-1]

    @cached_property
    def _adjacent(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for x, y in self.db.execute("SELECT source, target FROM edges ORDER BY source, target"):
            found.setdefault(x, []).append(y)
            found.setdefault(y, []).append(x)
        return found


def fingerprint(store: GraphStore) -> str:
    """What the cache is valid for: the store's report graphs and their content hashes, hashed."""
    rows = sorted(f"{g} {h}" for g, h in report_hashes(store).items())
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:32]


def current_view(folder: Path, files: str) -> CachedView | None:
    """The cache of the embedded store in ``folder`` without opening the store, when the store's files are
    as they were (``files``, a ``files_stamp`` taken now) when a reader last found the cache current;
    else None (then ``cached_view`` asks the store)."""
    path = folder / CACHE_FOLDER / CACHE_FILE
    if not files or not path.exists():
        return None
    db = _connect(path)
    try:
        meta = dict(db.execute("SELECT k, v FROM meta"))
    except sqlite3.DatabaseError:
        return None
    if meta.get("version") != SCHEMA_VERSION or meta.get("files") != files or "fingerprint" not in meta:
        return None
    return CachedView(db, meta["fingerprint"])


def cached_view(store: GraphStore, tick: Tick | None = None, files: str = "") -> CachedView:
    """The store's view and names: read from the cache when it was made for the store's reports as they
    are, else patched for the reports that changed (or built whole: a minute on a few thousand reports)
    and kept for next time.

    A store behind a SPARQL server, or in a folder this process cannot write to, has its view built in
    memory. ``files``, the store folder's ``files_stamp`` taken before the store was opened, is kept with a
    cache found current, so that ``current_view`` can trust it later without opening the store.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pipeline.store import Location, open_store, ingest
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> with open_store(Location(path=folder), write=True) as store:
    ...     _ = ingest(store, ["corpus/hanoi-khcn-2025.txt"])
    >>> with open_store(Location(path=folder)) as store:
    ...     first = cached_view(store)
    ...     again = cached_view(store)
    >>> (folder / CACHE_FOLDER / CACHE_FILE).exists(), again.view.number_of_nodes() == first.view.number_of_nodes()
    (True, True)
    """
    stamp = fingerprint(store)
    path = _cache_file(store)
    if path is not None and path.exists():
        db = _connect(path)
        if _stamp(db) == stamp:
            if files:
                _note_files(db, files)
            return CachedView(db, stamp)
    return _refreshed(store, stamp, path, tick)


def refresh_view(store: GraphStore, tick: Tick | None = None) -> CachedView:
    """Bring the cache up to date now (after an ingest or a removal): patched for the reports that changed,
    built whole when there is none yet or most reports changed; either way its nodes ranked
    (``CachedView.central``)."""
    return _refreshed(store, fingerprint(store), _cache_file(store), tick)


def _refreshed(store: GraphStore, stamp: str, path: Path | None, tick: Tick | None) -> CachedView:
    if path is not None and path.exists():
        try:
            db = _connect(path)
            if update(db, store, stamp, tick):
                return _ranked(CachedView(db, stamp), tick)
        except sqlite3.OperationalError:  # read-only, locked for too long, or not a cache: built afresh
            pass
    if path is not None:
        try:
            path.parent.mkdir(mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            os.close(fd)
            db = _connect(Path(tmp))
            create(db)
            build(db, store, stamp, tick)
            _ranked(CachedView(db, stamp), tick)
            db.close()
            os.replace(tmp, path)  # whole or not at all: a reader has the old file or the new one
            return CachedView(_connect(path), stamp)
        except (OSError, sqlite3.OperationalError):  # a folder this process cannot write to
            pass
    db = _connect(None)
    create(db)
    build(db, store, stamp, tick)
    return CachedView(db, stamp)


def _ranked(cached: CachedView, tick: Tick | None) -> CachedView:
    """A cache kept on disk holds its nodes' ranking too, so that no question waits for it (two seconds
    on the news corpus, against the minute a whole build takes or the second of a patch)."""
    cached.central(tick)
    return cached


def _connect(path: Path | None) -> sqlite3.Connection:
    """A connection that manages its own transactions, usable from the web app's threads (it only reads)."""
    return sqlite3.connect(":memory:" if path is None else str(path), timeout=120, isolation_level=None,
                           check_same_thread=False)


def _note_files(db: sqlite3.Connection, files: str) -> None:
    """Keep the files stamp the cache is current for; a cache this process cannot write to keeps none.
    Taken before the store was opened, it is never newer than what was compared: a write between the
    stamp and the opening changed the files, so the stamp kept matches no later state."""
    try:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('files', ?)", (files,))
    except sqlite3.DatabaseError:
        return


def _stamp(db: sqlite3.Connection) -> str | None:
    """The fingerprint a cache was made for, or None for a cache of another version or no cache."""
    try:
        meta = dict(db.execute("SELECT k, v FROM meta"))
    except sqlite3.DatabaseError:
        return None
    return meta.get("fingerprint") if meta.get("version") == SCHEMA_VERSION else None


def _cache_file(store: GraphStore) -> Path | None:
    where = store.location.path
    return None if where is None or store.location.endpoint else Path(where) / CACHE_FOLDER / CACHE_FILE
