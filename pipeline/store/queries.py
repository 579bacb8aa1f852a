"""Asking a store: read-only SPARQL, the ready questions in ontology/queries, counts, SHACL."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text import normalise
from ..vocab import ontology_dir
from .base import GraphStore, StoreError
from .labels import ENTITY_CLASSES

__all__ = ["QUERY_FORMATS", "NamedQuery", "named_queries", "read_only_check", "run_query", "stats", "validate_store",
           "QueryResult"]

QUERY_FORMATS = ("table", "csv", "tsv", "json")
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_GRAPH_FORM = re.compile(r"^\s*(CONSTRUCT|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)
_STRINGS_IRIS_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|<[^<>\s]*>|#[^\n]*')


@dataclass(frozen=True)
class NamedQuery:
    """A ready question: ``ontology/queries/<name>.rq``, its first comment line saying what it answers."""

    name: str
    description: str
    text: str
    params: dict[str, str]


@dataclass
class QueryResult:
    """Results as bytes in the format asked for (csv, tsv, json, turtle), or ``columns``/``rows`` for a table."""

    data: bytes
    fmt: str
    columns: list[str] | None = None
    rows: list[list[str]] | None = None


@cache
def named_queries() -> dict[str, NamedQuery]:
    """The queries in ``ontology/queries``, by file stem."""
    found = {}
    for path in sorted((ontology_dir() / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comments = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        params = dict(m.groups() for m in (re.match(r"param (\w+): (.*)", c) for c in comments) if m)
        found[path.stem] = NamedQuery(path.stem, comments[0] if comments else "", text, params)
    return found


def read_only_check(query: str) -> None:
    """Refuse SPARQL updates: ``vnkg query`` never changes a store.

    >>> read_only_check("SELECT * WHERE { ?s ?p ?o }")
    >>> read_only_check("DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    pipeline.store.base.StoreError: queries are read-only: SPARQL updates (DELETE) are refused
    """
    bare = _STRINGS_IRIS_COMMENTS.sub(" ", query)
    m = _UPDATE.search(bare)
    if m:
        raise StoreError(f"queries are read-only: SPARQL updates ({m.group(1).upper()}) are refused")


def run_query(store: GraphStore, query: str, fmt: str = "table", params: dict[str, str] | None = None) -> QueryResult:
    """Run a read-only query; CONSTRUCT and DESCRIBE always give Turtle.

    ``params`` replace ``$name`` variables in the query text by string literals,
    normalised as report text is (NFC, one tone-mark style), so "Thanh Hoá" typed
    in the old style finds "Thanh Hóa".
    """
    read_only_check(query)
    for name, value in (params or {}).items():
        literal = _sparql_string(normalise(value))
        query = re.sub(rf"\${name}\b", lambda _, v=literal: v, query)
    if _GRAPH_FORM.search(_STRINGS_IRIS_COMMENTS.sub(" ", query).split("{", 1)[0]):
        return QueryResult(store.query_bytes(query, "turtle"), "turtle")
    if fmt != "table":
        return QueryResult(store.query_bytes(query, fmt), fmt)
    columns, rows = store.table(query)
    return QueryResult(b"", "table", columns, rows)


def stats(store: GraphStore) -> dict:
    """Reports, triples and entities by type in a store."""
    counts = {}
    (row,) = store.select("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a <https://schema.org/Report> } }")
    counts["reports"] = int(row["n"])
    (row,) = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    counts["triples"] = int(row["n"])
    types = {c.rsplit("/", 1)[-1].rsplit("#", 1)[-1]: c for c in ENTITY_CLASSES}
    types |= {"Post": "http://www.w3.org/ns/org#Post", "Figure": "https://w3id.org/vnkg/ontology#Figure",
              "Event": "https://schema.org/Event"}
    counts["entities"] = {}
    for name, iri in types.items():
        (row,) = store.select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{iri}> }}")
        counts["entities"][name] = int(row["n"])
    return counts


def validate_store(store: GraphStore):
    """The store's union graph checked against ``ontology/shapes.ttl`` (see ``pipeline.validate``)."""
    import rdflib

    from ..validate import validate

    graph = rdflib.Graph()
    graph.parse(data=store.query_bytes("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "turtle").decode("utf-8"),
                format="turtle")
    return validate(graph)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _sparql_string(value: str) -> str:
    """A SPARQL string literal holding ``value`` (without importing rdflib: queries start fast).

    >>> print(_sparql_string('Nguyễn "Văn" Phong\\n'))
    "Nguyễn \\"Văn\\" Phong\\n"
    """
    return '"' + value.translate(_ESCAPES) + '"'
