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
    for name, stage in STAGES.items():
        value = stage(value)
        if trace is not None:
            trace[name] = value
        if name == until:
            break
    return value
