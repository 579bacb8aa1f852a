"""Persons across reports: a report's person joins a node of the store on evidence, at ingest."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..vocab import RESOURCE_URI, expand
from .base import GraphStore

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["PersonEvidence", "ReportContext", "person_evidence", "choose_node", "settle_persons", "report_persons",
           "NAME_KEY"]

NAME_KEY = expand("vnkg:nameKey")
_UNIT = re.compile(re.escape(RESOURCE_URI) + r"place/vn-(\d+)$")


@dataclass(frozen=True)
class PersonEvidence:
    """What one node (or one report's person) says about who it is.

    ``places``: the provinces (codes, as named in their era) or other places (IRIs) of the
    bodies it holds posts in; ``national``: it holds a post in a body of no
    place (the Government, a ministry, the Party's Central Committee);
    ``bodies``: the bodies it holds posts in (IRIs).
    """

    iri: str
    key: str
    places: frozenset[str] = frozenset()
    national: bool = False
    bodies: frozenset[str] = frozenset()

    @property
    def official(self) -> bool:
        return bool(self.places) or self.national


@dataclass
class ReportContext:
    """The report a person comes from: its province (code) and every body it names."""

    provinces: frozenset[str] = frozenset()
    bodies: frozenset[str] = field(default_factory=frozenset)


def choose_node(person: PersonEvidence, nodes: list[PersonEvidence], report: ReportContext) -> str | None:
    """The node of the store a report's person is, or None to keep its own.

    * an official with posts in a province joins the one node of that name
      with posts in the same province (as named then: Bình Dương's of 2017
      are not Hồ Chí Minh City's); else the one national official of the name,
      when no namesake holds posts in another province;
    * an official with national posts only joins the one national official of
      the name, else the one local official of the name;
    * a person with no post joins an official of the name only on evidence:
      the official's province is the report's, or holds a post in a body the
      report names; and only when exactly one official has it.

    Namesakes whose posts lie in different provinces are never joined.

    Examples
    --------
    >>> hcm = PersonEvidence("p1", "đinh la thăng", frozenset({"79"}))
    >>> national = PersonEvidence("p2", "đinh la thăng", national=True)
    >>> choose_node(national, [hcm], ReportContext())
    'p1'
    >>> choose_node(PersonEvidence("p3", "đinh la thăng", frozenset({"01"})), [hcm], ReportContext()) is None
    True
    """
    if any(n.iri == person.iri for n in nodes):
        return None  # the node is in the store already: it stays where the earlier reports put it
    others = nodes
    local = [n for n in others if n.places]
    national = [n for n in others if n.national and not n.places]
    if person.places:
        same = [n for n in local if n.places & person.places]
        if len(same) == 1:
            return same[0].iri
        if not same and not local and len(national) == 1:
            return national[0].iri
        return None
    if person.national:
        if len(national) == 1:
            return national[0].iri
        if not national and len(local) == 1:
            return local[0].iri
        return None
    supported = [n for n in local + national if n.places & report.provinces or n.bodies & report.bodies]
    return supported[0].iri if len(supported) == 1 else None


def person_evidence(rows: list[dict[str, str]], current: dict[str, frozenset[str]]) -> list[PersonEvidence]:
    """Evidence by node from rows of ``?p ?k ?o ?u`` (person, name key, body, the body's unit), as
    ``_EVIDENCE`` asks; ``current`` maps a unit's code to the province it lies in."""
    found: dict[str, tuple[str, set[str], bool, set[str]]] = {}
    for row in rows:
        places, national, bodies = found.get(row["p"], (row["k"], set(), False, set()))[1:]
        body, unit = row.get("o"), row.get("u")
        if body:
            bodies.add(body)
            if unit:
                match = _UNIT.match(unit)
                places |= current.get(match.group(1), frozenset()) if match else {unit}
            else:
                national = True
        found[row["p"]] = (row["k"], places, national, bodies)
    return [PersonEvidence(iri, k, frozenset(p), n, frozenset(b)) for iri, (k, p, n, b) in found.items()]


EVIDENCE = """SELECT ?p ?k ?o ?u WHERE {{ VALUES ?k {{ {keys} }} ?p <{name_key}> ?k
  OPTIONAL {{ ?p <{holds}>/<{post_in}> ?o OPTIONAL {{ ?o <{jurisdiction}> ?u }} }} }}"""


def settle_persons(store: GraphStore, persons: list[PersonEvidence], report: ReportContext,
                   current: dict[str, frozenset[str]]) -> dict[str, str]:
    """For a report about to be written: its person IRI -> the store's node it joins (only those that move)."""
    if not persons:
        return {}
    from rdflib import Literal

    keys = " ".join(sorted({Literal(p.key).n3() for p in persons}))
    rows = store.select(EVIDENCE.format(keys=keys, name_key=NAME_KEY, holds=expand("org:holds"),
                                        post_in=expand("org:postIn"), jurisdiction=expand("vnkg:jurisdiction")))
    by_key: dict[str, list[PersonEvidence]] = {}
    for node in person_evidence(rows, current):
        by_key.setdefault(node.key, []).append(node)
    moves = {}
    for person in persons:
        chosen = choose_node(person, by_key.get(person.key, []), report)
        if chosen is not None and chosen != person.iri:
            moves[person.iri] = chosen
    return moves


def report_persons(graph: Graph, province: str | None) -> tuple[list[PersonEvidence], ReportContext]:
    """The persons of one report's graph with their evidence, each given its ``vnkg:nameKey``
    (added to ``graph``), and the report's context (``province``: the report's, by name)."""
    from rdflib import RDF, Literal, URIRef
    from rdflib.namespace import ORG, SDO, SKOS

    from ..keys import name_key
    from ..lexicons.admin_units import admin_units_named

    jurisdiction, name_key_term = URIRef(expand("vnkg:jurisdiction")), URIRef(NAME_KEY)
    rows = []
    for person in set(graph.subjects(RDF.type, SDO.Person)):
        label = graph.value(person, SKOS.prefLabel) or graph.value(person, URIRef(expand("vnkg:canonicalName")))
        if label is None:
            continue
        key = name_key(str(label))
        graph.add((person, name_key_term, Literal(key)))
        rows.append({"p": str(person), "k": key})
        for post in graph.objects(person, ORG.holds):
            for body in graph.objects(post, ORG.postIn):
                unit = graph.value(body, jurisdiction)
                rows.append({"p": str(person), "k": key, "o": str(body), **({"u": str(unit)} if unit else {})})
    codes = {u.code for u in admin_units_named(name_key(province)) if u.level == "province"} if province else set()
    current = current_provinces()
    context = ReportContext(frozenset(c for code in codes for c in current.get(code, ())),
                            frozenset(str(o) for o in graph.subjects(RDF.type, ORG.Organization)))
    return person_evidence(rows, current), context


@cache
def current_provinces() -> dict[str, frozenset[str]]:
    """Every unit's code -> the province it lies in, as the reference data names it in the unit's own
    era (Bình Dương's wards of 2017 lie in Bình Dương, not in the Hồ Chí Minh City it joined in 2025:
    two officials of those provinces in 2017 are two persons)."""
    from ..lexicons.admin_units import admin_unit, all_codes

    found = {}
    for code in all_codes():
        provinces = set()
        for unit in admin_unit(code):  # a ward that continued under its code: its province of each era
            while unit.parent and admin_unit(unit.parent):
                above = admin_unit(unit.parent)
                unit = next((u for u in above if u.era == unit.era), above[-1])
            provinces.add(unit.code)
        found[code] = frozenset(provinces)
    return found
