"""A terminal summary of a report's graph: the event, officials, bodies, zones and figures."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .vocab import prologue

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node
    from rich.table import Table

__all__ = ["summarise", "sections"]

_PREFIXES = prologue("org", "skos", "schema", "vnkg", "prov")
# Section title -> (column titles, query). Each query's variables fill the columns in order.
SECTIONS = {
    "Báo cáo / report": (["title", "date", "source"], """SELECT DISTINCT ?t ?d ?u WHERE { ?r a schema:Report .
        OPTIONAL { ?r schema:name ?t } OPTIONAL { ?r schema:datePublished ?d }
        OPTIONAL { ?r schema:url ?u } }"""),
    "Hội nghị / event": (["event", "date", "organiser", "chair"], """SELECT DISTINCT ?n ?d ?o ?c
        WHERE { ?e a schema:Event ; schema:name ?n . OPTIONAL { ?e schema:startDate ?d }
        OPTIONAL { ?e schema:organizer/skos:prefLabel ?o } OPTIONAL { ?e vnkg:chairedBy/skos:prefLabel ?c } }"""),
    "Cán bộ / officials": (["official", "role", "organisation"], """SELECT DISTINCT ?name ?role ?org WHERE {
        ?p org:holds ?post ; skos:prefLabel ?name . ?post org:role/skos:prefLabel ?r ; org:postIn/skos:prefLabel ?org .
        OPTIONAL { ?post vnkg:former ?f } BIND(IF(BOUND(?f), CONCAT("nguyên ", ?r), ?r) AS ?role) }
        ORDER BY ?name ?role"""),
    "Tổ chức / organisations": (["organisation", "part of"], """SELECT DISTINCT ?name ?parent WHERE {
        ?o a org:Organization ; skos:prefLabel ?name . OPTIONAL { ?o org:subOrganizationOf/skos:prefLabel ?parent } }
        ORDER BY ?name"""),
    "Khu / zones": (["zone", "type", "place"], """SELECT DISTINCT ?name ?type ?place WHERE { ?z a vnkg:Zone ;
        skos:prefLabel ?name ; vnkg:zoneType/skos:prefLabel ?type FILTER(lang(?type) = "vi")
        OPTIONAL { ?z schema:containedInPlace/skos:prefLabel ?place } } ORDER BY ?name"""),
    "Số liệu / figures": (["figure", "value", "unit", "about"], """SELECT ?text ?value ?unit ?about WHERE {
        ?f a vnkg:Figure ; vnkg:text ?text ; schema:unitText ?unit ; vnkg:about/skos:prefLabel ?about ;
        vnkg:mention/vnkg:start ?start .
        OPTIONAL { ?f schema:value ?v } OPTIONAL { ?f schema:minValue ?lo ; schema:maxValue ?hi }
        BIND(COALESCE(STR(?v), CONCAT(STR(?lo), "–", STR(?hi))) AS ?value) } ORDER BY ?start"""),
}


# Sections whose rows are merged on their first columns (the others are lists).
_KEYS = {"Hội nghị / event": 2, "Tổ chức / organisations": 1}


def sections(graph: Graph) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, columns, rows) of each section with something in it.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> g = run_stages("Bộ trưởng Bộ Tài chính Hồ Đức Phớc cho biết ngân sách tăng 7,5%.", until="graph")
    >>> [(title, rows[0]) for title, _, rows in sections(g) if title.startswith("Cán bộ")]
    [('Cán bộ / officials', ['Hồ Đức Phớc', 'Bộ trưởng', 'Bộ Tài chính'])]
    """
    out = []
    for title, (columns, query) in SECTIONS.items():
        rows = [[_text(v) for v in row] for row in graph.query(_PREFIXES + query) if isinstance(row, tuple)]
        rows = _merge(rows, _KEYS.get(title, len(columns)))
        rows = [r for r in rows if any(r)]
        if rows:
            out.append((title, columns, rows))
    return out


def summarise(graph: Graph) -> list[Table]:
    """Rich tables of ``sections``."""
    from rich.table import Table

    tables = []
    for title, columns, rows in sections(graph):
        table = Table(*columns, title=title, title_justify="left", title_style="bold")
        for row in rows:
            table.add_row(*row)
        tables.append(table)
    return tables


def _merge(rows: list[list[str]], keys: int) -> list[list[str]]:
    """Rows that share their first ``keys`` columns become one row, the other columns
    joined with "; " (rdflib cannot run GROUP_CONCAT over unbound values).

    >>> _merge([["Hội nghị", "a"], ["Hội nghị", "b"]], 1)
    [['Hội nghị', 'a; b']]
    """
    merged: dict[tuple, list[list[str]]] = {}
    for row in rows:
        merged.setdefault(tuple(row[:keys]), []).append(row[keys:])
    return [[*key, *("; ".join(dict.fromkeys(t[i] for t in tails if t[i])) for i in range(len(tails[0])))]
            for key, tails in merged.items()]


def _text(value: Node | None) -> str:
    if value is None:
        return ""
    text = str(value)
    if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
        return text[:-2]
    return text
