"""The store's NetworkX view and name index, kept beside an embedded store and rebuilt when its reports change."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .export import Tick, view_of_store
from .store import GraphStore
from .store.names import Entity, NameIndex, name_index
from .vocab import prologue

if TYPE_CHECKING:
    import networkx

__all__ = ["CachedView", "cached_view", "refresh_view", "fingerprint", "CACHE_FOLDER"]

# The folder inside an embedded store's folder that holds the cache (Oxigraph leaves it alone).
CACHE_FOLDER = "vnkg-cache"
_VERSION = 1
_REPORTS = prologue("schema", "vnkg") + """SELECT ?g ?hash WHERE { GRAPH ?g {
  ?r a schema:Report ; vnkg:contentHash ?hash } }"""


@dataclass
class CachedView:
    """The view (``pipeline.s7_view.to_view`` of the store) and the names of its entities."""

    view: networkx.MultiDiGraph
    names: NameIndex
    fingerprint: str


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
    names = name_index(store)
    if path is not None:
        _save(path, CachedView(view, names, stamp))
    return CachedView(view, names, stamp)


def _cache_file(store: GraphStore) -> Path | None:
    where = store.location.path
    return None if where is None or store.location.endpoint else Path(where) / CACHE_FOLDER / "view.json"


def _save(path: Path, cached: CachedView) -> None:
    """Written whole or not at all (a temporary file renamed); a folder this process cannot write
    to only means the view is built again next time."""
    import networkx as nx

    data = {"version": _VERSION, "fingerprint": cached.fingerprint,
            "view": nx.node_link_data(cached.view, edges="links"),
            "names": [[e.iri, e.label, e.kind, list(e.names), e.reports] for e in cached.names.entities.values()]}
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
    import networkx as nx

    try:
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != _VERSION or data.get("fingerprint") != stamp:
        return None
    try:
        view = nx.node_link_graph(data["view"], edges="links")
        names = NameIndex.of([Entity(iri, label, kind, tuple(names), int(n))
                              for iri, label, kind, names, n in data["names"]])
    except (KeyError, TypeError, ValueError):
        return None
    return CachedView(view, names, stamp)
