"""A persistent graph of many reports: ingest, remove, query, validate, count.

>>> import tempfile, pathlib
>>> from pipeline.store import Location, open_store, ingest
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with open_store(Location(path=folder / "store"), write=True) as store:
...     ingest(store, ["corpus/hanoi-khcn-2025.txt"]).summary()
'1 added, 0 replaced, 0 unchanged, 0 failed'
"""
from .base import GRAPH_LABELS, GraphStore, Location, StoreError, default_location, open_store
from .ingest import IngestReport, expand_paths, ingest, remove
from .queries import (QUERY_FORMATS, NamedQuery, named_queries, read_only_check, run_query, stats,
                      validate_store)

__all__ = [
    "GRAPH_LABELS", "GraphStore", "Location", "StoreError", "default_location", "open_store",
    "IngestReport", "expand_paths", "ingest", "remove",
    "QUERY_FORMATS", "NamedQuery", "named_queries", "read_only_check", "run_query", "stats", "validate_store",
]
