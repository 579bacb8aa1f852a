"""The runner: a plain loop over the stages, in order."""
from __future__ import annotations

from pathlib import Path

from .s1_read import Document, read_path, read_text

__all__ = ["STAGES", "run_stages"]


def _segment(document):
    from .s2_segment import segment

    return segment(document)


def _doc(segmented):
    from .s3_doc import to_doc

    return to_doc(segmented)


def _recognise(parsed):
    from .s4_recognise import recognise

    return recognise(parsed)


def _link(recognised):
    from .s5_link import link

    return link(recognised)


def _graph(linked):
    from .s6_rdf import to_graph

    return to_graph(linked)


# Stage name -> callable taking the previous stage's output. The heavy
# libraries (underthesea, spaCy, rdflib) load only when a stage first runs.
STAGES = {
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


def run_stages(source: str | Path | Document, until: str = "graph", *, trace: dict | None = None):
    """Run the stages on a report up to and including ``until``.

    ``source`` is a Path (read from disk), a Document, or a string of report
    text. When ``trace`` is a dict, each stage's output is stored in it by name.

    Examples
    --------
    >>> linked = run_stages("Giám đốc Sở Nội vụ tỉnh Phú Thọ Nguyễn Văn An phát biểu.", until="link")
    >>> [p.role for p in linked.posts]
    ['Giám đốc']
    """
    if isinstance(source, Document):
        value = source
    elif isinstance(source, Path):
        value = read_path(source)
    else:
        value = read_text(source)
    if trace is not None:
        trace["read"] = value
    if until == "read":
        return value
    if until not in STAGES:
        raise ValueError(f"no stage named {until!r}; stages: read, {', '.join(STAGES)}")
    if len(value.text) > WINDOW_CHARS and until in ("link", "graph"):
        return _windowed(value, until, trace)
    for name, stage in STAGES.items():
        value = stage(value)
        if trace is not None:
            trace[name] = value
        if name == until:
            break
    return value


def _windowed(document: Document, until: str, trace: dict | None):
    """A long report: stages up to linking window by window, then one merged result."""
    from .s2_segment import segment
    from .s5_link import merge

    parts = []
    for window in windows(document.text):
        value = segment(document, window)
        for name in ("doc", "recognise", "link"):
            value = STAGES[name](value)
        parts.append(value)  # each window's Doc is dropped here; only its results stay
    value = merge(parts)
    if trace is not None:
        trace["link"] = value
    if until == "graph":
        value = STAGES["graph"](value)
        if trace is not None:
            trace["graph"] = value
    return value
