"""One preferred label per entity across reports: the name most reports give it."""
from __future__ import annotations

import hashlib
from collections import Counter

from ..vocab import GRAPH_LABELS, expand
from .base import GraphStore, LabelChange

__all__ = ["LabelChange", "choose_label", "label_changes", "label_graph", "label_triples", "ENTITY_CLASSES",
           "CANONICAL"]

SKOS_PREF = expand("skos:prefLabel")
CANONICAL = expand("vnkg:canonicalName")
# Classes whose nodes are shared between reports and get their label from the store.
ENTITY_CLASSES = tuple(expand(c) for c in (
    "schema:Person", "org:Organization", "schema:Place", "vnkg:Zone", "schema:Legislation", "org:Role",
))


def choose_label(names: Counter[str]) -> str:
    """The name most reports give; then the longest (most complete); then the first in order.

    Examples
    --------
    >>> from collections import Counter
    >>> choose_label(Counter({"UBND TP Hà Nội": 2, "UBND thành phố Hà Nội": 1}))
    'UBND TP Hà Nội'
    >>> choose_label(Counter({"Tập đoàn Dầu khí": 1, "Tập đoàn Dầu khí Việt Nam": 1}))
    'Tập đoàn Dầu khí Việt Nam'
    """
    return min(names, key=lambda n: (-names[n], -len(n), n))


def label_graph(entity: str) -> str:
    """The graph holding an entity's one preferred label: replaced whole when it changes,
    which any store (and the Graph Store Protocol) can do atomically."""
    return f"{GRAPH_LABELS}/{hashlib.sha256(entity.encode('utf-8')).hexdigest()[:20]}"


def label_changes(store: GraphStore, affected: set[str], leaving: set[str],
                  arriving: dict[str, str]) -> dict[str, LabelChange]:
    """The preferred labels that change once graphs ``leaving`` go and a report
    naming entities ``arriving`` (IRI -> its canonical name) comes: IRI -> its
    label before and after (None after when no report names the entity any more)."""
    if not affected:
        return {}
    values = " ".join(f"<{iri}>" for iri in sorted(affected))
    names: dict[str, Counter] = {iri: Counter() for iri in affected}
    # Counted in the store: a common body is named in hundreds of reports.
    staying = f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in sorted(leaving))}))" if leaving else ""
    rows = store.select(f"""SELECT ?e ?name (COUNT(?g) AS ?reports) WHERE {{ VALUES ?e {{ {values} }}
        GRAPH ?g {{ ?e <{CANONICAL}> ?name }} {staying} }} GROUP BY ?e ?name""")
    for row in rows:
        names[row["e"]][row["name"]] += int(row["reports"])
    for iri, name in arriving.items():
        names[iri][name] += 1
    current = {row["e"]: row["l"] for row in store.select(
        f"""SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} GRAPH ?lg {{ ?e <{SKOS_PREF}> ?l }}
            FILTER(STRSTARTS(STR(?lg), "{GRAPH_LABELS}/")) }}""")}
    changes = {}
    for iri in sorted(affected):
        best = choose_label(names[iri]) if names[iri] else None
        if current.get(iri) != best:
            changes[iri] = LabelChange(current.get(iri), best)
    return changes


def label_triples(entity: str, label: str) -> str:
    """The N-Triples of a label graph."""
    from rdflib import Literal

    return f"<{entity}> <{SKOS_PREF}> {Literal(label, lang='vi').n3()} ."
