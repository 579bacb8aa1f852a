"""The runner: a plain loop over the stages, in order."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .s1_read import Document, read_path, read_text

if TYPE_CHECKING:
    from rdflib import Graph

    from .s2_segment import Segmented
    from .s3_doc import Parsed
    from .s4_recognise import Recognised
    from .s5_link import Linked

__all__ = ["STAGES", "Trace", "run_stages", "windows", "WINDOW_CHARS"]


@dataclass
class Trace:
    """Each stage's output, as far as a run went (a long report keeps no Doc)."""

    read: Document | None = None
    segment: Segmented | None = None
    doc: Parsed | None = None
    recognise: Recognised | None = None
    link: Linked | None = None
    graph: Graph | None = None


def _segment(document: Document) -> Segmented:
    from .s2_segment import segment

    return segment(document)


def _doc(segmented: Segmented) -> Parsed:
    from .s3_doc import to_doc

    return to_doc(segmented)


def _recognise(parsed: Parsed) -> Recognised:
    from .s4_recognise import recognise

    return recognise(parsed)


def _link(recognised: Recognised) -> Linked:
    from .s5_link import link

    return link(recognised)


def _graph(linked: Linked) -> Graph:
    from .s6_rdf import to_graph

    return to_graph(linked)


# Stage name -> callable taking the previous stage's output. The heavy
# libraries (underthesea, spaCy, rdflib) load only when a stage first runs.
STAGES: dict[str, Callable[[Any], Any]] = {
    "segment": _segment,
    "doc": _doc,
    "recognise": _recognise,
    "link": _link,
    "graph": _graph,
}


# A report longer than this many characters is read in windows of about this size,
# cut at line ends, so memory stays bounded whatever the report's length.
WINDOW_CHARS = 200_000


def windows(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Spans of at most about ``size`` characters (``WINDOW_CHARS`` as it is when
    called) that end at a line end (or a space).

    >>> windows("a\\nb\\nc", size=2)
    [(0, 2), (2, 4), (4, 5)]
    """
    size = size or WINDOW_CHARS
    spans, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            cut = cut if cut > start else text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        spans.append((start, end))
        start = end
    return spans


def run_stages(source: str | Path | Document, until: str = "graph", *, trace: Trace | None = None) -> Any:
    """Run the stages on a report up to and including ``until``; return that stage's output.

    ``source`` is a Path (read from disk), a Document, or a string of report
    text. A ``trace`` receives every stage's output.

    Examples
    --------
    >>> linked = run_stages("Giám đốc Sở Nội vụ tỉnh Phú Thọ Nguyễn Văn An phát biểu.", until="link")
    >>> [p.role for p in linked.posts]
    ['Giám đốc']
    """
    if isinstance(source, Document):
        document = source
    elif isinstance(source, Path):
        document = read_path(source)
    else:
        document = read_text(source)
    trace = trace if trace is not None else Trace()
    trace.read = document
    if until == "read":
        return document
    if until not in STAGES:
        raise ValueError(f"no stage named {until!r}; stages: read, {', '.join(STAGES)}")
    if len(document.text) > WINDOW_CHARS and until in ("link", "graph"):
        return _windowed(document, until, trace)
    value: Any = document
    for name, stage in STAGES.items():
        value = stage(value)
        setattr(trace, name, value)
        if name == until:
            break
    return value


def _windowed(document: Document, until: str, trace: Trace) -> Linked | Graph:
    """A long report: stages up to linking window by window, then one merged result."""
    from .s2_segment import segment
    from .s5_link import merge

    parts = []
    for window in windows(document.text):
        value: Any = segment(document, window)
        for name in ("doc", "recognise", "link"):
            value = STAGES[name](value)
        parts.append(value)  # each window's Doc is dropped here; only its results stay
    trace.link = merge(parts)
    if until == "link":
        return trace.link
    trace.graph = STAGES["graph"](trace.link)
    return trace.graph
