"""How connected a store's archive is: persons per name, components; merges and namesakes to read."""
from __future__ import annotations

import argparse
import random
from collections import defaultdict

import networkx as nx

from pipeline.store import Location, open_store
from pipeline.vocab import prologue

__all__ = ["summary", "person_reports", "compare"]

_ENTITIES = """SELECT DISTINCT ?n WHERE { ?n skos:prefLabel ?l .
  VALUES ?t { schema:Person org:Organization schema:Place vnkg:Zone schema:Legislation vnkg:Indicator }
  ?n a ?t }"""
_EDGES = """SELECT ?s ?o WHERE {
  { ?s org:subOrganizationOf|org:memberOf|schema:containedInPlace|schema:organizer|schema:attendee|schema:about
       |vnkg:chairedBy|vnkg:jurisdiction|dcterms:isReplacedBy ?o }
  UNION { ?s org:holds/org:postIn ?o } UNION { ?f vnkg:about ?o BIND(?f AS ?s) } }"""


def summary(store) -> dict[str, int]:
    """Person labels with two or more nodes; nodes, edges, components and the largest of the NetworkX-like
    view (entities with a preferred label, figures and events, and the relations between them)."""
    (row,) = store.select(prologue() + """SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?l WHERE {
        ?p a schema:Person ; skos:prefLabel ?l } GROUP BY ?l HAVING (COUNT(DISTINCT ?p) > 1) } }""")
    view = nx.Graph()
    view.add_nodes_from(r["n"] for r in store.select(prologue() + _ENTITIES))
    view.add_nodes_from(r["f"] for r in store.select(prologue() + "SELECT ?f WHERE { ?f a vnkg:Figure }"))
    view.add_nodes_from(r["e"] for r in store.select(prologue() + "SELECT ?e WHERE { ?e a schema:Event }"))
    edges = [(r["s"], r["o"]) for r in store.select(prologue() + _EDGES) if r["s"] in view and r["o"] in view]
    view.add_edges_from(edges)
    components = sorted((len(c) for c in nx.connected_components(view)), reverse=True)
    return {"person labels with 2+ nodes": int(row["n"]), "nodes": view.number_of_nodes(),
            "edges": view.number_of_edges(), "components": len(components), "largest": components[0]}


def person_reports(store) -> dict[str, dict[str, set[str]]]:
    """Person label -> node -> the reports (source paths) it comes from."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in store.select(prologue() + """SELECT ?l ?p ?path WHERE { ?p a schema:Person ; skos:prefLabel ?l ;
            prov:wasDerivedFrom ?d . ?d vnkg:sourcePath ?path }"""):
        out[r["l"]][r["p"]].add(r["path"].rsplit("/", 1)[-1])
    return out


def posts(store, node: str) -> list[str]:
    rows = store.select(prologue() + f"""SELECT DISTINCT ?role ?o ?path WHERE {{ <{node}> org:holds ?post .
        ?post org:role/skos:prefLabel ?role ; org:postIn/skos:prefLabel ?o ; prov:wasDerivedFrom ?d .
        ?d vnkg:sourcePath ?path }}""")
    return sorted(f"{r['role']} {r['o']} [{r['path'].rsplit('/', 1)[-1]}]" for r in rows)


def compare(before, after, sample: int, seed: int = 16) -> None:
    """Print merges (an after node uniting reports of two or more before nodes) and kept-apart namesakes."""
    old, new = person_reports(before), person_reports(after)
    merges, apart = [], []
    for label, nodes in new.items():
        owner = {doc: node for node, docs in old.get(label, {}).items() for doc in docs}
        for node, docs in nodes.items():
            if len({owner.get(d) for d in docs} - {None}) > 1:
                merges.append((label, node))
        if len(nodes) > 1:
            apart.append(label)
    rng = random.Random(seed)
    print(f"merges: {len(merges)}; labels kept apart: {len(apart)}")
    for label, node in rng.sample(merges, min(sample, len(merges))):
        print(f"MERGE {label}: " + " | ".join(posts(after, node)) or "(no post)")
        print("   reports:", ", ".join(sorted(new[label][node])))
    for label in rng.sample(apart, min(sample, len(apart))):
        print(f"APART {label}:")
        for node, docs in new[label].items():
            print("   ", " | ".join(posts(after, node)) or "(no post)", "reports:", ", ".join(sorted(docs)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stores", nargs="+", help="store folders: one for its summary; two (before, after) to compare")
    parser.add_argument("--sample", type=int, default=30, help="how many merges and namesakes to print")
    args = parser.parse_args()
    opened = [open_store(Location(path=p)) for p in args.stores]
    for path, store in zip(args.stores, opened, strict=True):
        print(path, summary(store))
    if len(opened) == 2:
        compare(*opened, sample=args.sample)
