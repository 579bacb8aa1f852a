"""Asking a store: read-only SPARQL, the ready questions in ontology/queries, counts, SHACL."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, TypedDict

from ..text import normalise
from ..vocab import expand, ontology_dir, prologue
from .base import GraphStore, StoreError
from .labels import ENTITY_CLASSES

if TYPE_CHECKING:
    from ..validate import Validation

__all__ = ["QUERY_FORMATS", "NamedQuery", "named_queries", "query_form", "read_only_check", "run_query", "stats",
           "validate_store", "QueryResult", "StoreStats"]

QUERY_FORMATS = ("table", "csv", "tsv", "json")
_QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
# Tokens of the SPARQL 1.1 grammar the prologue is made of (section 19.8: IRIREF, PNAME_NS, WS, comments).
_SPACE_AND_COMMENTS = re.compile(r"(?:\s+|#[^\n\r]*)*")
_KEYWORD = re.compile(r"[A-Za-z]+")
_PNAME_NS = re.compile(r"[^\W\d_](?:[\w.\-\u00B7]*[\w\-\u00B7])?:|:", re.UNICODE)
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


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
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class StoreStats(TypedDict):
    """What ``stats`` counts: reports, triples, and entities by type."""

    reports: int
    triples: int
    entities: dict[str, int]


@cache
def named_queries() -> dict[str, NamedQuery]:
    """The queries in ``ontology/queries``, by file stem."""
    found = {}
    for path in sorted((ontology_dir() / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comments = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        params = {m[1]: m[2] for m in (re.match(r"param (\w+): (.*)", c) for c in comments) if m}
        found[path.stem] = NamedQuery(path.stem, comments[0] if comments else "", text, params)
    return found


def query_form(query: str) -> str:
    """The keyword that decides what a SPARQL request is: the first one after
    comments and the prologue (``BASE <iri>``, ``PREFIX pname: <iri>``), upper-cased;
    "" when there is none, BASE or PREFIX when the prologue is malformed.

    Examples
    --------
    >>> query_form("# who\\nPREFIX add: <urn:x#> BASE <urn:b> select ?copy WHERE { ?copy add:p ?o }")
    'SELECT'
    >>> query_form("PREFIX : <urn:x#> DELETE WHERE { ?s :p ?o }")
    'DELETE'
    """
    pos = 0
    while True:
        pos = _skip(query, pos)
        word = _KEYWORD.match(query, pos)
        if word is None:
            return ""
        keyword = word.group(0).upper()
        if keyword not in ("BASE", "PREFIX"):
            return keyword
        pos = _skip(query, word.end())
        if keyword == "PREFIX":
            name = _PNAME_NS.match(query, pos)
            if not name:
                return keyword
            pos = _skip(query, name.end())
        iri = _IRIREF.match(query, pos)
        if not iri:
            return keyword
        pos = iri.end()


def read_only_check(query: str) -> None:
    """Refuse anything but a query: ``vnkg query`` never changes a store.

    The SPARQL grammar decides, not keywords anywhere in the text: after the
    prologue a query starts with SELECT, CONSTRUCT, DESCRIBE or ASK; an update
    starts with INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY or WITH.

    Examples
    --------
    >>> read_only_check("PREFIX add: <http://www.w3.org/ns/org#> SELECT ?copy WHERE { ?copy add:holds ?p }")
    >>> read_only_check("DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    pipeline.store.base.StoreError: queries are read-only: SPARQL updates (DELETE) are refused
    >>> read_only_check("SELEC * WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    pipeline.store.base.StoreError: not a SPARQL query: it starts with 'SELEC', not SELECT, CONSTRUCT, DESCRIBE or ASK
    """
    form = query_form(query)
    if form in _QUERY_FORMS or form in ("BASE", "PREFIX"):  # a broken prologue: the parser says where
        return
    if form in _UPDATE_FORMS:
        raise StoreError(f"queries are read-only: SPARQL updates ({form}) are refused")
    found = f"with {form!r}" if form else "with no keyword"
    raise StoreError(f"not a SPARQL query: it starts {found}, not SELECT, CONSTRUCT, DESCRIBE or ASK")


def run_query(store: GraphStore, query: str, fmt: str = "table", params: dict[str, str] | None = None) -> QueryResult:
    """Run a read-only query; CONSTRUCT and DESCRIBE always give Turtle.

    ``params`` replace ``$name`` variables in the query text by string literals,
    normalised as report text is (NFC, one tone-mark style), so "Thanh Hoá" typed
    in the old style finds "Thanh Hóa".
    """
    read_only_check(query)
    for name, value in (params or {}).items():
        literal = _sparql_string(normalise(value))
        query = re.sub(rf"\${name}\b", literal.replace("\\", "\\\\"), query)  # re.sub reads escapes: doubled
    if query_form(query) in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(store.query_bytes(query, "turtle"), "turtle")
    if fmt != "table":
        return QueryResult(store.query_bytes(query, fmt), fmt)
    columns, rows = store.table(query)
    return QueryResult(b"", "table", columns, rows)


def stats(store: GraphStore) -> StoreStats:
    """Reports, triples and entities by type in a store."""
    (reports,) = store.select(
        prologue("schema") + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a schema:Report } }")
    (triples,) = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    types = {c.rsplit("/", 1)[-1].rsplit("#", 1)[-1]: c for c in ENTITY_CLASSES}
    types |= {"Post": expand("org:Post"), "Figure": expand("vnkg:Figure"), "Event": expand("schema:Event")}
    entities = {}
    for name, iri in types.items():
        (row,) = store.select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{iri}> }}")
        entities[name] = int(row["n"])
    return {"reports": int(reports["n"]), "triples": int(triples["n"]), "entities": entities}


def validate_store(store: GraphStore) -> Validation:
    """The store's union graph checked against ``ontology/shapes.ttl`` (see ``pipeline.validate``)."""
    import rdflib

    from ..validate import validate

    graph = rdflib.Graph()
    graph.parse(data=store.query_bytes("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "turtle").decode("utf-8"),
                format="turtle")
    return validate(graph)


def _skip(query: str, pos: int) -> int:
    """The position after white space and comments from ``pos``."""
    match = _SPACE_AND_COMMENTS.match(query, pos)
    return match.end() if match else pos


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _sparql_string(value: str) -> str:
    """A SPARQL string literal holding ``value`` (without importing rdflib: queries start fast).

    >>> print(_sparql_string('Nguyễn "Văn" Phong\\n'))
    "Nguyễn \\"Văn\\" Phong\\n"
    """
    return '"' + value.translate(_ESCAPES) + '"'
