"""Asking a store: read-only SPARQL, the ready questions in ontology/queries, counts, SHACL."""
from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, TypedDict

from ..vocab import RESOURCE_URI, expand, ontology_dir, prologue
from .base import GraphStore
from .labels import ENTITY_CLASSES, LABEL_WORD, label_words
from .sparql import NodeParam, bind_parameters, query_form, read_only_check, with_prefixes

if TYPE_CHECKING:
    from ..validate import Validation

__all__ = ["QUERY_FORMATS", "NamedQuery", "named_queries", "query_form", "read_only_check", "run_query", "stats",
           "validate_store", "QueryResult", "StoreStats"]

QUERY_FORMATS = ("table", "csv", "tsv", "json")


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


def run_query(store: GraphStore, query: str, fmt: str = "table", params: dict[str, str] | None = None) -> QueryResult:
    """Run a read-only query; CONSTRUCT and DESCRIBE always give Turtle.

    ``params`` bind variables (``$name``) to string literals with ``VALUES``
    (``sparql.bind_parameters``), normalised as report text is (NFC, one
    tone-mark style), so "Thanh Hoá" typed in the old style finds "Thanh Hóa". vnkg's prefixes
    (``vocab.PREFIXES``) need no declaring. When nothing matches a parameter as typed, the
    parameter is matched again ignoring diacritics and case ("dinh la thang" finds "Đinh La
    Thăng"): it becomes the spelling the store's labels give it most often.

    A query finds a name's nodes through the store's label index with
    ``$<param>_word`` (bound to the word, or two words in a row, of the
    parameter, in lower case, that the fewest labels have: ``?node
    vnkg:labelWord $name_word`` is an index look-up) and ``$<param>_node``
    (bound to the parameter when it is a node's IRI, the parameter then being that node's label;
    else to ``res:none``): see ``ontology/queries/career.rq``.
    """
    read_only_check(query)
    query = with_prefixes(query)
    result = _run(store, bind_parameters(query, _with_index(store, query, params or {})), fmt)
    if params and _empty(result):
        accented = {name: _accented(store, value) or value for name, value in params.items()}
        if accented != params:
            result = _run(store, bind_parameters(query, _with_index(store, query, accented)), fmt)
    return result


def _with_index(store: GraphStore, query: str, params: dict[str, str]) -> dict[str, str | NodeParam]:
    """``params`` and, for each the query uses so, ``<name>_word`` and ``<name>_node`` (see ``run_query``).

    >>> class Words(GraphStore):
    ...     def select(self, query, substitutions=None):
    ...         return [{"w": "lê", "n": "40"}, {"w": "văn", "n": "300"}, {"w": "hải", "n": "12"},
    ...                 {"w": "lê văn", "n": "30"}, {"w": "văn hải", "n": "5"}]
    >>> query = "SELECT * { ?n vnkg:labelWord $name_word FILTER(?n = $name_node) }"
    >>> _with_index(Words(), query, {"name": "Lê Văn Hải"})
    {'name': 'Lê Văn Hải', 'name_node': NodeParam(iri='https://w3id.org/vnkg/resource/none'), 'name_word': 'văn hải'}
    """
    from ..text import normalise

    found: dict[str, str | NodeParam] = dict(params)
    for name, value in params.items():
        iri = value.strip() if re.fullmatch(r'https?://[^\s<>"{}|^`\\]+', value.strip()) else None
        if re.search(rf"[?$]{name}_node\b", query):
            found[f"{name}_node"] = NodeParam(iri or _NO_NODE)
            if iri:  # the node's own label: its words find it in the index
                rows = store.select(f"SELECT ?l WHERE {{ <{iri}> <{expand('skos:prefLabel')}> ?l }} LIMIT 1")
                value = found[name] = rows[0]["l"] if rows else ""
        if re.search(rf"[?$]{name}_word\b", query):
            found[f"{name}_word"] = _rarest_word(store, normalise(value))
    return found


_NO_NODE = RESOURCE_URI + "none"  # what $<param>_node is when the parameter is a name


def _rarest_word(store: GraphStore, value: str) -> str:
    """The word (or two words in a row) of ``value``, lower case, that the fewest labels of the store have,
    so the look-up reads least (one no label has, when there is one: nothing matches). Counting reads the
    index, not the labels."""
    from .sparql import sparql_string

    words = label_words(value)
    if len(words) <= 1:
        return words[0] if words else ""
    # Each word's labels counted up to a cap, in one query: the count reads no more of the index for
    # "nguyễn" (thousands of names) than for a rare word, so it costs the same on any store.
    blocks = " UNION ".join(f"{{ SELECT ?s ({sparql_string(w)} AS ?w) WHERE {{ ?s <{LABEL_WORD}> {sparql_string(w)} }} "
                            f"LIMIT {_COUNT_CAP} }}" for w in words)
    counts = {row["w"]: int(row["n"]) for row in store.select(
        f"SELECT ?w (COUNT(?s) AS ?n) WHERE {{ {blocks} }} GROUP BY ?w") if "w" in row}
    return min(words, key=lambda w: (counts.get(w, 0), -len(w)))


_COUNT_CAP = 50


def _run(store: GraphStore, query: str, fmt: str) -> QueryResult:
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


def validate_store(store: GraphStore, progress: Callable[[str], None] | None = None) -> Validation:
    """The store's union graph checked against ``ontology/shapes.ttl`` (see ``pipeline.validate``);
    ``progress`` is told each step as it starts."""
    import rdflib

    from ..validate import validate

    say = progress or (lambda _step: None)
    say("reading the store")
    data = store.query_bytes("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "ntriples")
    graph = rdflib.Graph()
    graph.parse(_Reading(data, say), format="nt")
    say(f"checking {len(graph):,} triples against the shapes")
    return validate(graph, say)


def _empty(result: QueryResult) -> bool:
    """True for a SELECT that found no row (a graph or an ASK's answer is never empty)."""
    import json

    if result.fmt == "table":
        return not result.rows and result.columns != ["result"]
    if result.fmt == "json":
        return json.loads(result.data).get("results", {}).get("bindings", None) == []
    if result.fmt in ("csv", "tsv"):
        return len(result.data.strip().splitlines()) <= 1
    return False


def _accented(store: GraphStore, value: str) -> str | None:
    """The spelling of ``value`` with its diacritics, as the store's labels write it most often
    (None when no label contains it, diacritics and case aside).

    Examples
    --------
    >>> class Labels(GraphStore):
    ...     def select(self, query, substitutions=None):
    ...         return [{"l": "Đinh La Thăng"}, {"l": "UBND TP Hà Nội"}, {"l": "Hạ Long"}]
    >>> _accented(Labels(), "dinh la thang"), _accented(Labels(), "ha"), _accented(Labels(), "Huế")
    ('Đinh La Thăng', 'Hà', None)
    """
    from collections import Counter

    from ..text import fold

    wanted = fold(value)
    if not wanted.strip():
        return None
    forms: Counter[str] = Counter()
    rows = store.select(prologue("skos", "schema") + """SELECT DISTINCT ?l WHERE {
        { ?s skos:prefLabel ?l } UNION { ?s schema:name ?l } }""")
    for row in rows:
        label = row["l"]
        folded = fold(label)
        at = folded.find(wanted)
        if at >= 0 and len(folded) == len(label):  # one folded character per character: the spans align
            forms[label[at:at + len(wanted)]] += 1
    return min(forms, key=lambda f: (-forms[f], f)) if forms else None


class _Reading(io.BytesIO):
    """Bytes read by a parser, which says every tenth of the way how far it is."""

    def __init__(self, data: bytes, say: Callable[[str], None]):
        super().__init__(data)
        self.say, self.size, self.next = say, len(data), len(data) // 10

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        if self.tell() >= self.next and self.size:
            self.say(f"reading the store ({100 * self.tell() // self.size}% of {self.size / 1e6:,.0f} MB)")
            self.next += max(1, self.size // 10)
        return chunk
