"""The store's NetworkX view and name index, kept beside an embedded store and rebuilt when its reports change."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export import Tick, view_of_store
from .store import GraphStore
from .store.names import Entity, NameIndex, name_index
from .vocab import prologue

if TYPE_CHECKING:
    import networkx

__all__ = ["CachedView", "cached_view", "refresh_view", "fingerprint", "CACHE_FOLDER"]

# The folder inside an embedded store's folder that holds the cache (Oxigraph leaves it alone).
CACHE_FOLDER = "vnkg-cache"
_VERSION = 3
# One triple pattern: the fingerprint is asked by every graph command, so it must cost little.
_REPORTS = prologue("vnkg") + "SELECT ?g ?hash WHERE { GRAPH ?g { ?r vnkg:contentHash ?hash } }"


@dataclass
class CachedView:
    """The view (``pipeline.s7_view.to_view`` of the store) as plain nodes and edges, and the names
    of its entities; the NetworkX graph itself is built on first use (``view``), which a question
    about one node or one path does not need."""

    nodes: dict[str, dict[str, Any]]
    edges: list[tuple[str, str, str, dict[str, Any]]]
    names: NameIndex
    fingerprint: str
    attrs: dict[str, Any] = field(default_factory=dict)
    _graph: Any = field(default=None, repr=False)
    _adjacent: dict[str, list[int]] | None = field(default=None, repr=False)

    @property
    def view(self) -> networkx.MultiDiGraph:
        """The NetworkX MultiDiGraph, built once."""
        if self._graph is None:
            import networkx as nx

            graph = nx.MultiDiGraph(**self.attrs)
            graph.add_nodes_from(self.nodes.items())
            graph.add_edges_from(self.edges)
            self._graph = graph
        return self._graph

    def edges_of(self, node: str) -> list[tuple[str, str, str, dict[str, Any]]]:
        """The edges leaving or reaching ``node``, each as it runs (source, target, key, data)."""
        return [self.edges[i] for i in self._index().get(node, [])]

    def shortest_path(self, a: str, b: str) -> list[str] | None:
        """The nodes of a shortest chain from ``a`` to ``b``, edges taken either way; None when none.

        >>> from pipeline.store.names import NameIndex
        >>> c = CachedView({"p": {}, "o": {}, "q": {}}, [("p", "o", "holds", {}), ("q", "o", "holds", {})],
        ...                NameIndex(), "")
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
                for x, y, _, _ in self.edges_of(node):
                    other = y if x == node else x
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

    def _index(self) -> dict[str, list[int]]:
        if self._adjacent is None:
            self._adjacent = {}
            for i, (x, y, _, _) in enumerate(self.edges):
                self._adjacent.setdefault(x, []).append(i)
                if y != x:
                    self._adjacent.setdefault(y, []).append(i)
        return self._adjacent


def fingerprint(store: GraphStore) -> str:
    """What the cache is valid for: the store's report graphs and their content hashes, hashed."""
    rows = sorted(f"{r['g']} {r['hash']}" for r in store.select(_REPORTS))
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:32]


def cached_view(store: GraphStore, tick: Tick | None = None) -> CachedView:
    """The store's view and names: read from the cache when it was made for the store's reports as
    they are, else built (a minute on a few thousand reports) and kept for next time.

    A store behind a SPARQL server has no folder: its view is built each time.

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
    >>> (folder / CACHE_FOLDER / "view.json").exists(), again.view.number_of_nodes() == first.view.number_of_nodes()
    (True, True)
    """
    stamp = fingerprint(store)
    path = _cache_file(store)
    if path is not None and path.exists():
        loaded = _load(path, stamp)
        if loaded is not None:
            return loaded
    return _build(store, stamp, path, tick)


def refresh_view(store: GraphStore, tick: Tick | None = None) -> CachedView:
    """Rebuild the cache now (after an ingest or a removal), whatever it held."""
    return _build(store, fingerprint(store), _cache_file(store), tick)


def _build(store: GraphStore, stamp: str, path: Path | None, tick: Tick | None) -> CachedView:
    view = view_of_store(store, tick=tick)
    cached = CachedView(dict(view.nodes(data=True)), list(view.edges(keys=True, data=True)), name_index(store),
                        stamp, dict(view.graph), view)
    if path is not None:
        _save(path, cached)
    return cached


def _cache_file(store: GraphStore) -> Path | None:
    where = store.location.path
    return None if where is None or store.location.endpoint else Path(where) / CACHE_FOLDER / "view.json"


def _save(path: Path, cached: CachedView) -> None:
    """Written whole or not at all (a temporary file renamed); a folder this process cannot write
    to only means the view is built again next time."""
    data = {"version": _VERSION, "fingerprint": cached.fingerprint, "graph": cached.attrs,
            "nodes": cached.nodes, "edges": cached.edges,
            "names": [[e.iri, e.label, e.kind, list(e.names), e.reports] for e in cached.names.entities.values()],
            "keys": {k: sorted(v) for k, v in cached.names.keys.items()}}
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        return


def _load(path: Path, stamp: str) -> CachedView | None:
    """The cache, or None when it is for other reports, of another version, or unreadable."""
    try:
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != _VERSION or data.get("fingerprint") != stamp:
        return None
    try:  # plain nodes and edges: no NetworkX graph is built until one is needed
        names = NameIndex({iri: Entity(iri, label, kind, tuple(names), int(n))
                           for iri, label, kind, names, n in data["names"]},
                          {k: set(v) for k, v in data["keys"].items()})
        edges = [(str(a), str(b), str(k), dict(d)) for a, b, k, d in data["edges"]]
        return CachedView(dict(data["nodes"]), edges, names, stamp, dict(data["graph"]))
    except (KeyError, TypeError, ValueError):
        return None
