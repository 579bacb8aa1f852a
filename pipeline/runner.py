"""The runner: a plain loop over the stages, in order."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch_gc import settle
from .s1_read import Document, ReadError, read_path, read_text

if TYPE_CHECKING:
    from rdflib import Graph

    from .report_triples import ReportTriples
    from .s2_segment import Segmented
    from .s3_doc import Parsed
    from .s4_recognise import Mentions, Recognised
    from .s5_link import Linked

__all__ = ["STAGES", "Trace", "TooLarge", "run_stages", "windows", "WINDOW_CHARS", "MAX_CHARS", "MAX_MENTIONS",
           "MAX_SENTENCE_TEXT"]


class TooLarge(ReadError):
    """A report beyond what vnkg keeps of one report (``MAX_CHARS``, ``MAX_MENTIONS``,
    ``MAX_SENTENCE_TEXT``); refused whole, as an unreadable file is."""


@dataclass
class Trace:
    """Each stage's output, as far as a run went (a long report keeps no Doc)."""

    read: Document | None = None
    segment: Segmented | None = None
    doc: Parsed | None = None
    recognise: Recognised | None = None
    link: Linked | None = None
    triples: ReportTriples | None = None
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


def _triples(linked: Linked) -> ReportTriples:
    from .s6_rdf import to_triples

    return to_triples(linked)


def _graph(triples: ReportTriples) -> Graph:
    return triples.to_rdflib()


# Stage name -> callable taking the previous stage's output. The heavy
# libraries (underthesea, spaCy, rdflib) load only when a stage first runs.
# "triples" is the report's graph as pyoxigraph terms (what files and stores are
# written from); "graph" the same as an rdflib Graph, for SPARQL in memory.
STAGES: dict[str, Callable[[Any], Any]] = {
    "segment": _segment,
    "doc": _doc,
    "recognise": _recognise,
    "link": _link,
    "triples": _triples,
    "graph": _graph,
}


# A report longer than this many characters is read in windows of about this size,
# cut at line ends, so memory stays bounded whatever the report's length.
WINDOW_CHARS = 200_000

# What one report may hold; beyond, it is refused (memory and time stay bounded whatever a
# file holds). News text states about one mention per 100 characters, each with its
# sentence's text (3.4 characters of sentences per character of text): the mention limits
# admit some 6 MB of it. 20 million characters take some 10 to 20 minutes to read.
MAX_CHARS = 20_000_000
MAX_MENTIONS = 60_000  # mention nodes: each costs its graph some 10 triples
MAX_SENTENCE_TEXT = 30_000_000  # characters of the sentences the mentions keep, added up


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
    if len(document.text) > MAX_CHARS:
        raise TooLarge(f"{len(document.text):,} characters of text; vnkg reads reports of up to "
                       f"{MAX_CHARS:,}: split it")
    trace = trace if trace is not None else Trace()
    trace.read = document
    if until == "read":
        return document
    if until not in STAGES:
        raise ValueError(f"no stage named {until!r}; stages: read, {', '.join(STAGES)}")
    if len(document.text) > WINDOW_CHARS and until in ("link", "triples", "graph"):
        value: Any = _windowed(document, until, trace)
        settle()
        return value
    value = document
    for name, stage in STAGES.items():
        value = stage(value)
        setattr(trace, name, value)
        if name == "link":
            _within_limits(*_load(value))
        if name == until:
            break
    settle()  # in the vnkg command, the first report has loaded what every later one uses
    return value


def _windowed(document: Document, until: str, trace: Trace) -> Linked | ReportTriples | Graph:
    """A long report: stages up to linking window by window, then one merged result. Each window keeps
    what the merge reads (``_for_merging``): the merged result's ``mentions`` are persons and the cues
    of chairing and attending, the other kinds being in its entities, posts and figures."""
    from .s2_segment import segment
    from .s5_link import merge

    parts = []
    mentions = sentence_text = 0
    for window in windows(document.text):
        value: Any = segment(document, window)
        for name in ("doc", "recognise", "link"):
            value = STAGES[name](value)
        value.mentions = _for_merging(value.mentions)
        parts.append(value)  # each window's Doc is dropped here; only its results stay
        more, text = _load(value)
        mentions, sentence_text = mentions + more, sentence_text + text
        _within_limits(mentions, sentence_text, window[1])
    trace.link = merge(parts)
    del parts  # each window's results are in the merged one now
    if until == "link":
        return trace.link
    trace.triples = STAGES["triples"](trace.link)
    if until == "triples":
        return trace.triples
    trace.graph = STAGES["graph"](trace.triples)
    return trace.graph


def _for_merging(mentions: Mentions) -> Mentions:
    """What merging windows reads of a window's mentions besides its entities, posts and figures
    (which keep their own): persons and the cues of chairing and attending, for the event another
    window found. The rest (some 4,000 mentions a window of news text, most of them event cues) went
    with the window: 31 MB of a 5 MB report's peak."""
    from .s4_recognise import Mentions

    return Mentions(persons=mentions.persons,
                    event_cues=[c for c in mentions.event_cues if c.info.role in ("chair", "attend")])


def _load(linked: Linked) -> tuple[int, int]:
    """What a linked report (or window) will cost its graph: its mention nodes (one per
    distinct span an entity, post, figure or the event is stated in) and the characters of
    the sentences they keep."""
    import bisect

    spans = {(m.start, m.end) for ent in linked.entities.values() for m in ent.mentions}
    spans |= {(m.start, m.end) for post in linked.posts for m in post.mentions}
    spans |= {(f.mention.start, f.mention.end) for f in linked.figures}
    starts = [s for s, _ in linked.sentences]
    text = 0
    for start, _ in spans:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0:
            text += linked.sentences[i][1] - linked.sentences[i][0]
    if linked.event is not None:
        event_start, event_end = linked.sentences[linked.event.sentence]
        spans.add((event_start, event_end))
        text += event_end - event_start
    return len(spans), text


def _within_limits(mentions: int, sentence_text: int, read: int | None = None) -> None:
    where = f" in its first {read:,} characters" if read else ""
    if mentions > MAX_MENTIONS:
        raise TooLarge(f"states over {MAX_MENTIONS:,} mentions{where} (news text states about one per 100 "
                       "characters); split it")
    if sentence_text > MAX_SENTENCE_TEXT:
        raise TooLarge(f"its mentions' sentences add up to over {MAX_SENTENCE_TEXT:,} characters{where} "
                       "(long lines dense with names or figures); split it or break its lines")
