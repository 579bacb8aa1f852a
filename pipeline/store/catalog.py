"""The reports a store holds: where each came from, its title and date, and what was read in it."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..vocab import expand, prologue
from .base import GraphStore

__all__ = ["ReportInfo", "reports", "COUNTED"]

# What a report's row counts: kind -> class.
COUNTED = {
    "persons": expand("schema:Person"),
    "organisations": expand("org:Organization"),
    "places": expand("schema:Place"),
    "posts": expand("org:Post"),
    "figures": expand("vnkg:Figure"),
    "mentions": expand("vnkg:Mention"),
}
_CATALOG = prologue("schema", "vnkg") + """SELECT ?g ?r ?path ?hash ?title ?date WHERE { GRAPH ?g {
  ?r a schema:Report ; vnkg:sourcePath ?path ; vnkg:contentHash ?hash
  OPTIONAL { ?r schema:name ?title } OPTIONAL { ?r schema:datePublished ?date } } }"""
# One query a class: with the classes in one VALUES block, Oxigraph 0.5 took 100 s on 1,200 reports.
_COUNTS = "SELECT ?g (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{cls}> }} }} GROUP BY ?g"


@dataclass(frozen=True)
class ReportInfo:
    """One report of a store: its graph and node, the path it was read from, its content hash,
    title and date ("" when unknown), and how many things of each kind (``COUNTED``) it states."""

    graph: str
    node: str
    path: str
    hash: str
    title: str = ""
    date: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def reports(store: GraphStore) -> list[ReportInfo]:
    """The store's reports, newest first (those without a date last), then by path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pipeline.store import Location, open_store, ingest
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> with open_store(Location(path=folder), write=True) as store:
    ...     _ = ingest(store, ["corpus/hanoi-khcn-2025.txt"])
    ...     (info,) = reports(store)
    >>> info.title, info.counts["persons"] > 5, len(info.hash)
    ('Phát triển khoa học, công nghệ và đổi mới sáng tạo', True, 16)
    """
    counts: dict[str, dict[str, int]] = {}
    for kind, cls in COUNTED.items():
        for row in store.select(_COUNTS.format(cls=cls)):
            counts.setdefault(row["g"], dict.fromkeys(COUNTED, 0))[kind] = int(row["n"])
    found = [ReportInfo(r["g"], r["r"], r["path"], r["hash"], r.get("title", ""), r.get("date", ""),
                        counts.get(r["g"], dict.fromkeys(COUNTED, 0))) for r in store.select(_CATALOG)]
    found.sort(key=lambda r: r.path)
    found.sort(key=lambda r: r.date or "", reverse=True)
    return found
