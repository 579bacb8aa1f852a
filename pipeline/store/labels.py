"""One preferred label per entity across reports: the name most reports give it."""
from __future__ import annotations

import hashlib
import re
from collections import Counter

from ..vocab import GRAPH_LABELS, expand
from .base import GraphStore, LabelChange

__all__ = ["LabelChange", "choose_label", "label_changes", "label_graph", "label_triples", "label_words",
           "ENTITY_CLASSES", "CANONICAL", "LABEL_WORD"]

SKOS_PREF = expand("skos:prefLabel")
CANONICAL = expand("vnkg:canonicalName")
LABEL_WORD = expand("vnkg:labelWord")
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
    """The N-Triples of a label graph: the preferred label and its words (``label_words``).

    >>> print(label_triples("urn:e", "Sở Y tế"))  # doctest: +NORMALIZE_WHITESPACE
    <urn:e> <http://www.w3.org/2004/02/skos/core#prefLabel> "Sở Y tế"@vi .
    <urn:e> <https://w3id.org/vnkg/ontology#labelWord> "sở" .
    <urn:e> <https://w3id.org/vnkg/ontology#labelWord> "sở y" .
    <urn:e> <https://w3id.org/vnkg/ontology#labelWord> "tế" .
    <urn:e> <https://w3id.org/vnkg/ontology#labelWord> "y" .
    <urn:e> <https://w3id.org/vnkg/ontology#labelWord> "y tế" .
    """
    lines = [f"<{entity}> <{SKOS_PREF}> {_string(label)}@vi ."]
    lines += [f"<{entity}> <{LABEL_WORD}> {_string(word)} ." for word in label_words(label)]
    return "\n".join(lines)


def label_words(label: str) -> list[str]:
    """The words of a label as the store indexes them (``vnkg:labelWord``): lower case, each word and
    each two words in a row (rarer than either: "tài sản" against "tài"), each once, sorted.

    >>> label_words("UBND TP.Hà Nội")
    ['hà', 'hà nội', 'nội', 'tp', 'tp hà', 'ubnd', 'ubnd tp']
    """
    words = _WORD.findall(label.lower())
    return sorted({*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))})


_WORD = re.compile(r"\w+")


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _string(value: str) -> str:
    """An N-Triples (and SPARQL) string literal, as ``sparql.sparql_string`` writes it (that module imports
    this one)."""
    return '"' + value.translate(_ESCAPES) + '"'
