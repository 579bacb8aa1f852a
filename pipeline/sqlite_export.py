"""The store as an SQLite database: reports, entities, labels, posts, figures and mentions, with foreign keys."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .store import GraphStore, StoreError
from .store.catalog import reports
from .store.names import KINDS, name_index
from .vocab import expand, prologue

__all__ = ["write_sqlite", "TABLES"]

# Table -> what a row is; the foreign keys are declared in the database itself.
TABLES = {
    "reports": "one report: its content hash (the key), path, title, date",
    "entities": "a person, organisation, place, zone or document: IRI (the key), preferred label, kind",
    "labels": "every name of an entity (preferred = 1 for its preferred label)",
    "posts": "a post a report states: person, role, organisation, former (0/1), the sentence",
    "figures": "a figure a report states: what it is about, value (or min/max), unit, measure, the sentence",
    "mentions": "where a report names something: node, kind, character offsets, surface, sentence",
}
_P = prologue("schema", "vnkg", "org", "skos")
# Each { SELECT } block reads one kind of triple once; Oxigraph joins them in memory (see officials.rq).
_POSTS = _P + """SELECT ?g ?post ?person ?role ?o ?former ?sentence WHERE {
  { SELECT ?g ?person ?post WHERE { GRAPH ?g { ?person org:holds ?post } } }
  { SELECT ?post ?r WHERE { ?post org:role ?r } } { SELECT ?r ?role WHERE { ?r skos:prefLabel ?role } }
  { SELECT ?post ?o WHERE { ?post org:postIn ?o } }
  OPTIONAL { SELECT ?post ?former WHERE { ?post vnkg:former ?former } }
  OPTIONAL { SELECT ?post (MIN(?s) AS ?sentence) WHERE { ?post vnkg:mention/vnkg:sentence ?s } GROUP BY ?post } }"""
_FIGURES = _P + """SELECT ?g ?f ?about ?text ?unit ?value ?min ?max ?indicator ?counted ?sentence WHERE {
  { SELECT ?g ?f ?about WHERE { GRAPH ?g { ?f vnkg:about ?about } } }
  { SELECT ?f ?text WHERE { ?f vnkg:text ?text } } { SELECT ?f ?unit WHERE { ?f schema:unitText ?unit } }
  OPTIONAL { SELECT ?f ?value WHERE { ?f schema:value ?value } }
  OPTIONAL { SELECT ?f ?min WHERE { ?f schema:minValue ?min } }
  OPTIONAL { SELECT ?f ?max WHERE { ?f schema:maxValue ?max } }
  OPTIONAL { SELECT ?f ?indicator WHERE { ?f vnkg:indicator ?indicator } }
  OPTIONAL { SELECT ?f ?counted WHERE { ?f vnkg:countOf ?counted } }
  OPTIONAL { SELECT ?f (MIN(?s) AS ?sentence) WHERE { ?f vnkg:mention/vnkg:sentence ?s } GROUP BY ?f } }"""
_MENTIONS = _P + """SELECT ?g ?x ?start ?end ?surface ?sentence WHERE { GRAPH ?g { ?x vnkg:mention ?m .
  ?m vnkg:start ?start ; vnkg:end ?end ; vnkg:sentence ?sentence OPTIONAL { ?m vnkg:surface ?surface } } }"""
_OF_CLASS = "SELECT DISTINCT ?x WHERE {{ ?x a <{cls}> }}"


def write_sqlite(store: GraphStore, output: Path, tick: Callable[[Any], None] | None = None) -> Path:
    """Write the store's tables (``TABLES``) to a new SQLite file at ``output`` (replacing it).

    Examples
    --------
    >>> import sqlite3, tempfile, pathlib
    >>> from pipeline.store import Location, open_store, ingest
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with open_store(Location(path=folder / "store"), write=True) as store:
    ...     _ = ingest(store, ["corpus/hanoi-khcn-2025.txt"])
    ...     _ = write_sqlite(store, folder / "vnkg.db")
    >>> db = sqlite3.connect(folder / "vnkg.db")
    >>> db.execute("SELECT e.label FROM posts p JOIN entities e ON e.iri = p.person "
    ...            "WHERE p.role = 'Phó Bí thư Thường trực'").fetchall()
    [('Nguyễn Văn Phong',)]
    """
    import sqlite_utils

    say = tick or (lambda _step: None)
    output = Path(output)
    if output.exists() and not output.is_file():
        raise StoreError(f"{output}: is a folder, not a database file")
    output.unlink(missing_ok=True)
    db = sqlite_utils.Database(output)
    db.conn.execute("PRAGMA foreign_keys = ON")
    say("reading the reports")
    found = reports(store)
    graph_to_hash = {r.graph: r.hash for r in found}
    db.table("reports").insert_all(({"hash": r.hash, "path": r.path, "title": r.title or None, "date": r.date or None,
                               "graph": r.graph} for r in found), pk="hash")
    say("reading the entities and their names")
    names = name_index(store)
    db.table("entities").insert_all(({"iri": e.iri, "label": e.label, "kind": e.kind, "reports": e.reports}
                               for e in names.entities.values()), pk="iri")
    db.table("labels").insert_all(({"entity": e.iri, "label": n, "preferred": int(n == e.label)}
                             for e in names.entities.values() for n in sorted({e.label, *e.names})),
                            foreign_keys=[("entity", "entities", "iri")])
    say("reading the posts")
    db.table("posts").insert_all(_posts(store, graph_to_hash, names.entities), pk="id", foreign_keys=[
        ("person", "entities", "iri"), ("organisation", "entities", "iri"), ("report", "reports", "hash")])
    say("reading the figures")
    db.table("figures").insert_all(_figures(store, graph_to_hash, names.entities), pk="id", foreign_keys=[
        ("entity", "entities", "iri"), ("report", "reports", "hash")])
    say("reading the mentions")
    db.table("mentions").insert_all(_mentions(store, graph_to_hash), foreign_keys=[("report", "reports", "hash")],
                              batch_size=5000)
    for table, columns in (("labels", ["entity"]), ("labels", ["label"]), ("posts", ["person"]),
                           ("posts", ["organisation"]), ("figures", ["entity"]), ("mentions", ["node"]),
                           ("mentions", ["report"])):
        db.table(table).create_index(columns, if_not_exists=True)
    db.conn.commit()
    db.conn.close()
    return output


def _posts(store: GraphStore, reports_of: dict[str, str], entities: dict[str, Any]) -> Iterator[dict[str, Any]]:
    seen = set()
    for r in store.select(_POSTS):
        if r["g"] not in reports_of or r["person"] not in entities or r["o"] not in entities or r["post"] in seen:
            continue
        seen.add(r["post"])
        yield {"id": r["post"], "person": r["person"], "role": r["role"], "organisation": r["o"],
               "former": int(r.get("former") in ("true", "1")), "report": reports_of[r["g"]],
               "sentence": r.get("sentence")}


def _figures(store: GraphStore, reports_of: dict[str, str], entities: dict[str, Any]) -> Iterator[dict[str, Any]]:
    seen = set()
    for r in store.select(_FIGURES):
        if r["g"] not in reports_of or r["f"] in seen:
            continue
        seen.add(r["f"])
        yield {"id": r["f"], "entity": r["about"] if r["about"] in entities else None, "about": r["about"],
               "text": r["text"], "value": _number(r.get("value")), "min": _number(r.get("min")),
               "max": _number(r.get("max")), "unit": r["unit"], "indicator": r.get("indicator"),
               "counted": r.get("counted"), "report": reports_of[r["g"]], "sentence": r.get("sentence")}


def _mentions(store: GraphStore, reports_of: dict[str, str]) -> Iterator[dict[str, Any]]:
    kinds: dict[str, str] = {}
    for cls, kind in [*reversed(KINDS.items()), (expand("org:Post"), "Post"), (expand("vnkg:Figure"), "Figure"),
                      (expand("schema:Event"), "Event")]:
        for row in store.select(_OF_CLASS.format(cls=cls)):
            kinds[row["x"]] = kind  # the first class of KINDS wins: written last
    for r in store.select(_MENTIONS):
        if r["g"] in reports_of and r["x"] in kinds:
            yield {"node": r["x"], "kind": kinds[r["x"]], "report": reports_of[r["g"]], "start": int(r["start"]),
                   "end": int(r["end"]), "surface": r.get("surface"), "sentence": r["sentence"]}


def _number(text: str | None) -> float | None:
    return float(text) if text else None
