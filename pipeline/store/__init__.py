"""A persistent graph of many reports: ingest, remove, query, validate, count.

>>> import tempfile, pathlib
>>> from pipeline.store import Location, open_store, ingest
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with open_store(Location(path=folder / "store"), write=True) as store:
...     ingest(store, ["corpus/hanoi-khcn-2025.txt"]).summary()
'1 added, 0 replaced, 0 unchanged, 0 failed'
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..vocab import GRAPH_LABELS
from .base import GraphStore, LabelChange, Location, StoreError, default_location
from .cluster import ClusterOptions, ingest_on_cluster
from .ingest import IngestReport, Selection, expand_paths, ingest, remove, select_files
from .queries import (
    QUERY_FORMATS,
    NamedQuery,
    QueryResult,
    named_queries,
    run_query,
    stats,
    validate_store,
)
from .sparql import bind_parameters, offline_check, query_form, read_only_check

__all__ = [
    "GRAPH_LABELS", "GraphStore", "LabelChange", "Location", "StoreError", "default_location", "open_store",
    "BACKENDS", "IngestReport", "Selection", "expand_paths", "select_files", "ingest", "remove",
    "QUERY_FORMATS", "NamedQuery", "QueryResult", "named_queries", "query_form", "read_only_check", "run_query",
    "stats", "validate_store", "bind_parameters", "offline_check", "ClusterOptions", "ingest_on_cluster",
]


def open_store(location: Location | None = None, *, write: bool = False, wait: float = 30.0) -> GraphStore:
    """Open the store at ``location`` (default: ``default_location()``) with the backend its kind needs.

    A store on disk is held by one process at a time; another ``open_store``
    waits up to ``wait`` seconds for it, then raises ``StoreError``. The
    backends are a table (``BACKENDS``), not if-chains; they live in
    ``local`` and ``remote`` and load when a store opens.
    """
    location = location or default_location()
    if location.path is not None:  # a str given for a Path still opens
        location = replace(location, path=Path(location.path))
    backend = BACKENDS["endpoint" if location.endpoint else "local"]
    return backend(location, write, wait)


def _local(location: Location, write: bool, wait: float) -> GraphStore:
    from .local import OxigraphStore

    return OxigraphStore(location, write=write, wait=wait)


def _endpoint(location: Location, write: bool, wait: float) -> GraphStore:
    from .remote import EndpointStore

    return EndpointStore(location)


# Kind of location -> backend(location, write, wait).
BACKENDS: dict[str, Callable[[Location, bool, float], GraphStore]] = {"local": _local, "endpoint": _endpoint}
