"""A report's mention nodes held as their spans, their six triples each made only as they are written."""
from __future__ import annotations

import bisect
from collections.abc import Iterator

import pyoxigraph as ox

from .terms import TripleTerms, lit, namespaces, res

__all__ = ["MentionNodes"]


class MentionNodes:
    """The ``vnkg:Mention`` nodes of one report: a node per distinct character span, in the order made.

    Each node states six triples (its type, sentence, start, end, surface and
    report); they are most of a report's triples (237,000 of a 5 MB report's
    370,000), and each subject is a mention's own, so no other triple can
    repeat one. What is held is the span and the node (which other triples
    name as their object); the triples, their literals and the sentence's
    text are made when the graph is read or written, one node at a time.

    Examples
    --------
    >>> text = "Hội nghị ở Hà Nội. Ông An dự."
    >>> nodes = MentionNodes("d1", text, [(0, 18), (19, 29)], res("report", "d1"))
    >>> nodes.node(11, 17).value
    'https://w3id.org/vnkg/resource/mention/d1-11-17'
    >>> nodes.node(11, 17) is nodes.node(11, 17), len(nodes)
    (True, 6)
    >>> [(p.value.rsplit("#")[-1], o.value) for _, p, o in nodes][1:5]
    [('sentence', 'Hội nghị ở Hà Nội.'), ('start', '11'), ('end', '17'), ('surface', 'Hà Nội')]
    """

    def __init__(self, doc_id: str, text: str, sentences: list[tuple[int, int]], report: ox.NamedNode):
        self._doc_id, self._text, self._sentences, self._report = doc_id, text, sentences, report
        self._starts = [s for s, _ in sentences]
        self._made: dict[int, ox.NamedNode] = {}  # start << 32 | end -> the node: one small int a key

    def node(self, start: int, end: int) -> ox.NamedNode:
        """The node of the mention at ``start``..``end``, made the first time it is asked for."""
        key = start << 32 | end
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = res("mention", f"{self._doc_id}-{start}-{end}")
        return found

    def __len__(self) -> int:
        return len(self._made) * 6

    def __iter__(self) -> Iterator[TripleTerms]:
        """The triples, node by node in the order the nodes were made."""
        for key, node in self._made.items():
            yield from self._triples(node, key >> 32, key & _LOW)

    def by_subject(self) -> Iterator[tuple[str, list[TripleTerms]]]:
        """Each node's IRI and its triples, in the order of the IRIs (as Turtle groups a subject's triples)."""
        made = self._made
        # one IRI prefix for all: the order of "start-end" is the order of the IRIs
        for key in sorted(made, key=_local_name):
            node = made[key]
            yield node.value, list(self._triples(node, key >> 32, key & _LOW))

    def _triples(self, node: ox.NamedNode, start: int, end: int) -> Iterator[TripleTerms]:
        v, rdf = namespaces()["vnkg"], namespaces()["rdf"]
        yield node, rdf.type, v.Mention
        yield node, v.sentence, self._sentence(start)
        yield node, v.start, lit(start)
        yield node, v.end, lit(end)
        yield node, v.surface, lit(self._text[start:end])
        yield node, v.inDocument, self._report

    def _sentence(self, offset: int) -> ox.Literal:
        """The literal of the sentence ``offset`` falls in ("" before the first)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return lit("")
        start, end = self._sentences[i]
        return lit(self._text[start:end])


_LOW = (1 << 32) - 1


def _local_name(key: int) -> str:
    return f"{key >> 32}-{key & _LOW}"
