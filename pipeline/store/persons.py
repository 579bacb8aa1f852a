"""Persons across reports: a report's person joins a node of the store on evidence, at ingest."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..vocab import RESOURCE_URI, expand
from .base import GraphStore
from .person_rules import PersonEvidence, PostEvidence, ReportContext, choose_node, concurrent_body
from .person_traits import mention_traits

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["PersonEvidence", "PostEvidence", "ReportContext", "person_evidence", "choose_node", "settle_persons",
           "report_persons", "current_provinces", "NAME_KEY", "EVIDENCE"]

NAME_KEY = expand("vnkg:nameKey")
_UNIT = re.compile(re.escape(RESOURCE_URI) + r"place/vn-(\d+)$")


def person_evidence(rows: list[dict[str, str]], current: dict[str, frozenset[str]]) -> list[PersonEvidence]:
    """Evidence by node from rows of ``?p ?k ?o ?u ?d ?n ?f`` (person, name key, body, the body's
    unit, the post's report date, the body's name, whether the post is former), as ``EVIDENCE``
    asks; ``current`` maps a unit's code to the province it lies in.

    Examples
    --------
    >>> rows = [{"p": "p1", "k": "k", "o": "ubnd", "u": "https://w3id.org/vnkg/resource/place/vn-25",
    ...          "d": "2020-03-12", "n": "UBND tỉnh Phú Thọ"}, {"p": "p1", "k": "k", "o": "tw",
    ...          "n": "Ban Chấp hành Trung ương Đảng"}]
    >>> (node,) = person_evidence(rows, {"25": frozenset({"25"})})
    >>> sorted(node.places), node.national, sorted((p.body, p.when, p.concurrent) for p in node.posts)
    (['25'], True, [('tw', None, True), ('ubnd', '2020-03-12', False)])
    """
    from ..keys import name_key

    found: dict[str, tuple[str, set[str], bool, set[str], set[PostEvidence]]] = {}
    for row in rows:
        places, national, bodies, posts = found.get(row["p"], (row["k"], set(), False, set(), set()))[1:]
        body, unit = row.get("o"), row.get("u")
        if body:
            bodies.add(body)
            provinces: frozenset[str] = frozenset()
            if unit:
                match = _UNIT.match(unit)
                provinces = current.get(match.group(1), frozenset()) if match else frozenset({unit})
                places |= provinces
            else:
                national = True
            concurrent = not unit and bool(row.get("n")) and concurrent_body(name_key(row["n"]))
            former = bool(row.get("f"))
            posts.add(PostEvidence(body, provinces, None if former else row.get("d") or None, concurrent, former))
        found[row["p"]] = (row["k"], places, national, bodies, posts)
    return [PersonEvidence(iri, k, frozenset(p), n, frozenset(b), frozenset(s))
            for iri, (k, p, n, b, s) in found.items()]


# DISTINCT: each pattern matches once per report graph of the union, so rows multiply (three names of 57, 40
# and 31 reports gave 1,091,018 rows, 17.9 s; distinct, 23 rows in 2.0 s). A post's body's unit is read in
# the post's own report: one report that gives "Thành ủy Hà Nội" a wrong unit does not put every post in
# that body of every report in two provinces (Hoàng Trung Hải split in two on the news corpus).
# The nodes of a name are found once (a sub-select: the union repeats a node's name key for every report
# graph stating it) and a body's canonical name read in the post's graph (in the union, once per report
# naming the body): for the most frequent names of the news corpus, 5.6 s became 0.24 s, same evidence.
EVIDENCE = """SELECT DISTINCT ?p ?k ?o ?u ?d ?n ?f WHERE {{
  {{ SELECT DISTINCT ?p ?k WHERE {{ VALUES ?k {{ {keys} }} ?p <{name_key}> ?k }} }}
  OPTIONAL {{ GRAPH ?g {{ ?p <{holds}> ?post . ?post <{post_in}> ?o OPTIONAL {{ ?o <{jurisdiction}> ?u }}
    OPTIONAL {{ ?post <{report_date}> ?d }} OPTIONAL {{ ?post <{former}> ?f }}
    OPTIONAL {{ ?o <{canonical}> ?n }} }} }} }}"""

# What the mentions of nodes with no post say of them (``person_traits``): the sentence and the name as written
MENTIONS = """SELECT DISTINCT ?p ?s ?t WHERE {{ VALUES ?p {{ {nodes} }} GRAPH ?g {{ ?p <{mention}> ?m .
  ?m <{sentence}> ?s ; <{surface}> ?t }} }}"""

# What the reports of nodes with no post name: bodies, and units (with a code longer than a province's)
SEEN = """SELECT DISTINCT ?p ?o ?c WHERE {{ VALUES ?p {{ {nodes} }} GRAPH ?g {{ ?p a <{person}> .
  {{ ?o a <{organization}> }} UNION {{ ?x <{admin_code}> ?c ; <{canonical}> ?l FILTER(STRLEN(?c) > 2) }} }} }}"""


def settle_persons(store: GraphStore, persons: list[PersonEvidence], report: ReportContext,
                   current: dict[str, frozenset[str]]) -> dict[str, str]:
    """For a report about to be written: its person IRI -> the store's node it joins (only those that move)."""
    if not persons:
        return {}
    from rdflib import Literal

    keys = " ".join(sorted({Literal(p.key).n3() for p in persons}))
    rows = store.select(EVIDENCE.format(keys=keys, name_key=NAME_KEY, holds=expand("org:holds"),
                                        post_in=expand("org:postIn"), jurisdiction=expand("vnkg:jurisdiction"),
                                        report_date=expand("vnkg:reportDate"), former=expand("vnkg:former"),
                                        canonical=expand("vnkg:canonicalName")))
    by_key: dict[str, list[PersonEvidence]] = {}
    for node in person_evidence(rows, current):
        by_key.setdefault(node.key, []).append(node)
    bare_nodes = [n.iri for key in {p.key for p in persons} for n in by_key.get(key, []) if not n.official]
    if bare_nodes:  # traits of the nodes with no post: who they are when no post says it
        traits = _traits(store, bare_nodes)
        by_key = {key: [replace(n, traits=traits.get(n.iri, frozenset())) for n in nodes]
                  for key, nodes in by_key.items()}
    wanted = {p.key for p in persons if p.official}  # an official may join a node that came with no post
    bare = [n for key in wanted for n in by_key.get(key, []) if not n.official]
    if bare:
        seen = _seen(store, [n.iri for n in bare], current)
        for key in wanted:
            by_key[key] = [replace(n, seen=seen.get(n.iri)) if not n.official else n for n in by_key.get(key, [])]
    moves = {}
    for person in persons:
        chosen = choose_node(person, by_key.get(person.key, []), report)
        if chosen is not None and chosen != person.iri:
            moves[person.iri] = chosen
    return moves


def report_persons(graph: Graph, province: str | None) -> tuple[list[PersonEvidence], ReportContext]:
    """The persons of one report's graph with their evidence, each given its ``vnkg:nameKey``
    (added to ``graph``), and the report's context: the provinces of ``province`` (the report's,
    by name) and of every district or ward the report names, and the bodies it names."""
    from rdflib import RDF, Literal, URIRef
    from rdflib.namespace import ORG, SDO, SKOS

    from ..keys import name_key
    from ..lexicons.admin_units import admin_units_named

    jurisdiction, name_key_term = URIRef(expand("vnkg:jurisdiction")), URIRef(NAME_KEY)
    report_date, former = URIRef(expand("vnkg:reportDate")), URIRef(expand("vnkg:former"))
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
                unit, name = graph.value(body, jurisdiction), graph.value(body, SKOS.prefLabel)
                when, was = graph.value(post, report_date), graph.value(post, former)
                rows.append({"p": str(person), "k": key, "o": str(body), **({"u": str(unit)} if unit else {}),
                             **({"d": str(when)} if when else {}), **({"n": str(name)} if name else {}),
                             **({"f": str(was)} if was else {})})
    codes = {u.code for u in admin_units_named(name_key(province)) if u.level == "province"} if province else set()
    admin_code = URIRef(expand("vnkg:adminCode"))
    codes |= {str(code) for place, code in graph.subject_objects(admin_code)  # a district or ward it names: a
              if len(str(code)) > 2 and graph.value(place, SKOS.prefLabel)}  # province named in passing is no evidence
    current = current_provinces()
    mention, sentence, surface = (URIRef(expand(f"vnkg:{t}")) for t in ("mention", "sentence", "surface"))
    traits = {str(p): frozenset(t for m in graph.objects(p, mention) for t in mention_traits(
        str(graph.value(m, sentence) or ""), str(graph.value(m, surface) or ""))) for p in graph.subjects(
        RDF.type, SDO.Person)}
    found = [replace(p, traits=traits.get(p.iri, frozenset())) if not p.official else p
             for p in person_evidence(rows, current)]
    context = ReportContext(frozenset(c for code in codes for c in current.get(code, ())),
                            frozenset(str(o) for o in graph.subjects(RDF.type, ORG.Organization)))
    return found, context


def _traits(store: GraphStore, nodes: list[str]) -> dict[str, frozenset[str]]:
    """For nodes with no post: the traits their mentions give them (``person_traits.mention_traits``)."""
    rows = store.select(MENTIONS.format(nodes=" ".join(f"<{n}>" for n in sorted(set(nodes))),
                                        mention=expand("vnkg:mention"), sentence=expand("vnkg:sentence"),
                                        surface=expand("vnkg:surface")))
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["p"], set()).update(mention_traits(row.get("s", ""), row.get("t", "")))
    return {n: frozenset(t) for n, t in found.items()}


def _seen(store: GraphStore, nodes: list[str], current: dict[str, frozenset[str]]) -> dict[str, ReportContext]:
    """For nodes with no post: the bodies their reports name and the provinces of the districts and wards."""
    rows = store.select(SEEN.format(nodes=" ".join(f"<{n}>" for n in sorted(nodes)), person=expand("schema:Person"),
                                    organization=expand("org:Organization"), admin_code=expand("vnkg:adminCode"),
                                    canonical=expand("vnkg:canonicalName")))
    bodies: dict[str, set[str]] = {}
    provinces: dict[str, set[str]] = {}
    for row in rows:
        if row.get("o"):
            bodies.setdefault(row["p"], set()).add(row["o"])
        if row.get("c"):
            provinces.setdefault(row["p"], set()).update(current.get(row["c"], ()))
    return {n: ReportContext(frozenset(provinces.get(n, ())), frozenset(bodies.get(n, ()))) for n in nodes}


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
