"""A self-contained HTML page of a graph: laid out, searchable, every node explained."""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import ORG, SDO, SKOS
from rdflib.term import Node

from .s7_view import to_view
from .vocab import vnkg

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["render", "page_data", "PageTooLarge", "MAX_PAGE_NODES"]

# A page lays out at most this many nodes: past a few thousand a canvas shows a blur, and the
# layout's memory grows with the square of the nodes (ForceAtlas2 holds every pair: 40,000
# nodes would need over 20 GB).
MAX_PAGE_NODES = 2_500


class PageTooLarge(ValueError):
    """A graph with more nodes than a page can usefully show."""

_COLOURS = {"Person": "#d1495b", "Organisation": "#2e86ab", "Place": "#66a182", "Zone": "#edae49",
            "Figure": "#8d99ae", "Event": "#7b2cbf", "Document": "#6c757d", "Indicator": "#adb5bd"}


def render(graph: Graph, title: str = "vnkg") -> str:
    """The page: the graph's data and a small canvas viewer, no network needed to open it.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> page = render(run_stages("Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.", until="graph"))
    >>> "Đỗ Trọng Hưng" in page and "http" not in page.split("<script id=")[0].replace("http-equiv", "")
    True

    Raises ``PageTooLarge`` for a graph of more than ``MAX_PAGE_NODES`` nodes.
    """
    template = resources.files("pipeline").joinpath("templates/graph.html").read_text(encoding="utf-8")
    # In a <script> block only the JSON's own escapes are safe: "<!--", "<script" and "</script"
    # change how HTML reads the block, so no "<" (nor ">", "&") is left to read.
    data = json.dumps(page_data(graph), ensure_ascii=False).translate(_JSON_IN_HTML)
    values = {"TITLE": html.escape(title), "DATA": data}
    return re.sub(r"\{\{(TITLE|DATA)\}\}", lambda m: values[m.group(1)], template)  # one pass: never re-read


def page_data(graph: Graph) -> dict[str, Any]:
    """Nodes (with position, colour and what to show on a click) and edges of the page."""
    V = vnkg()
    view = to_view(graph)
    if len(view) > MAX_PAGE_NODES:
        raise PageTooLarge(f"{len(view):,} nodes; a page shows at most {MAX_PAGE_NODES:,}")
    positions = _layout(view)
    reports: dict[Node, dict[str, str]] = {}
    for doc in set(graph.subjects(RDF.type, SDO.Report)):
        url = _link(graph.value(doc, SDO.url)) or _link(graph.value(doc, V.sourcePath))
        reports[doc] = {"title": str(graph.value(doc, SDO.name) or "báo cáo"), "url": url}
    nodes = []
    for node, d in view.nodes(data=True):
        subject = URIRef(node)
        info = {
            "labels": sorted({str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in graph.objects(subject, p)}),
            "posts": _posts(graph, subject),
            "figures": sorted({str(graph.value(f, V.text)) for f in graph.subjects(V.about, subject)})[:50],
            "sentences": _sentences(graph, subject, reports),
        }
        x, y = positions[node]
        nodes.append({"id": node, "label": d.get("label", ""), "type": d.get("type", ""), "x": round(float(x), 4),
                      "y": round(float(y), 4), "info": info})
    index = {n["id"]: i for i, n in enumerate(nodes)}
    edges = [{"s": index[a], "t": index[b], "r": d.get("relation", ""), "role": d.get("role", "")}
             for a, b, d in view.edges(data=True)]
    return {"nodes": nodes, "edges": edges, "colours": _COLOURS}


def _posts(graph: Graph, person: Node) -> list[str]:
    V = vnkg()
    out = set()
    for post in graph.objects(person, ORG.holds):
        role = graph.value(graph.value(post, ORG.role), SKOS.prefLabel)
        org = graph.value(graph.value(post, ORG.postIn), SKOS.prefLabel)
        former = "nguyên " if graph.value(post, V.former) else ""
        date = graph.value(post, V.reportDate)
        out.add(f"{former}{role} — {org}" + (f" ({date})" if date else ""))
    return sorted(out)


def _sentences(graph: Graph, subject: Node, reports: dict[Node, dict[str, str]]) -> list[dict[str, str]]:
    V = vnkg()
    found = {}
    for m in graph.objects(subject, V.mention):
        sentence = graph.value(m, V.sentence)
        doc = graph.value(m, V.inDocument)
        if sentence is not None:
            unknown = {"title": "", "url": ""}
            found[str(sentence)] = reports.get(doc, unknown) if doc is not None else unknown
    return [{"text": s, **r} for s, r in sorted(found.items())][:20]


def _layout(view: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]: a spring layout for small graphs, ForceAtlas2 for larger ones."""
    import networkx as nx

    if len(view) == 0:
        return {}
    simple = nx.Graph(view)
    if len(simple) < 500:
        pos = nx.spring_layout(simple, seed=7, k=2.0 / max(1, len(simple)) ** 0.5, iterations=100)
    else:
        pos = nx.forceatlas2_layout(simple, max_iter=60, seed=7)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1
    return {n: ((x - cx) / span, (y - cy) / span) for n, (x, y) in pos.items()}


_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                               "\u2029": "\\u2029"})


def _link(value: Node | None) -> str:
    """A web address as it is, a local path as a file: URI; anything else (javascript:...) is no link.

    >>> from rdflib import Literal
    >>> _link(Literal("javascript:alert(1)")), _link(Literal("/data/a b.txt"))
    ('', 'file:///data/a%20b.txt')
    """
    text = str(value) if value is not None else ""
    if text.startswith(("https://", "http://")):
        return text
    path = PurePath(text)
    return path.as_uri() if text and path.is_absolute() else ""
