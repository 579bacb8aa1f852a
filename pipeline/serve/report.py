"""A report as the web app shows it: its text cut into plain and highlighted pieces, and what was read in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..store import GraphStore
from ..store.names import KINDS, NameIndex
from ..store.sparql import sparql_string
from ..vocab import expand, prologue

__all__ = ["ReportPage", "Piece", "Mention", "report_page", "pieces"]

# Kind of mention -> the class its node has; entities first (``KINDS``), then posts, figures, events.
_MENTION_KINDS = {**KINDS, expand("org:Post"): "Post", expand("vnkg:Figure"): "Figure",
                  expand("schema:Event"): "Event"}
_NOT_HIGHLIGHTED = {"Post", "Event"}
_P = prologue("schema", "vnkg", "skos")
_REPORT = _P + """SELECT ?g ?doc ?path ?title ?date ?url WHERE { GRAPH ?g { ?doc a schema:Report ;
  vnkg:contentHash ?hash ; vnkg:sourcePath ?path
  OPTIONAL { ?doc schema:name ?title } OPTIONAL { ?doc schema:datePublished ?date }
  OPTIONAL { ?doc schema:url ?url } } }"""
_MENTIONS = _P + """SELECT ?x ?t ?start ?end ?sentence ?surface WHERE { GRAPH ?g {
  ?x vnkg:mention ?m ; a ?t . ?m vnkg:start ?start ; vnkg:end ?end ; vnkg:sentence ?sentence
  OPTIONAL { ?m vnkg:surface ?surface } } }"""


@dataclass(frozen=True)
class Mention:
    """Where a report names something: offsets into its text, the kind, the node and its label."""

    start: int
    end: int
    kind: str
    iri: str
    label: str
    sentence: str
    surface: str


@dataclass(frozen=True)
class Piece:
    """A run of the text: plain (``mention`` None) or a mention highlighted by kind."""

    text: str
    mention: Mention | None = None


@dataclass
class ReportPage:
    """A report's metadata, its text in pieces (the whole text when its file is still there and
    unchanged, else the sentences that state something), and the mentions by kind."""

    hash: str
    path: str
    title: str
    date: str
    url: str
    whole: bool = False
    paragraphs: list[list[Piece]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[Mention]]:
        """The distinct things mentioned, by kind, each once."""
        found: dict[str, dict[str, Mention]] = {}
        for m in self.mentions:
            found.setdefault(m.kind, {}).setdefault(m.iri, m)
        return {k: sorted(v.values(), key=lambda m: m.label) for k, v in sorted(found.items())}


def report_page(store: GraphStore, names: NameIndex, content_hash: str) -> ReportPage | None:
    """The page of the report with this content hash, or None when the store has none."""
    rows = store.select(_REPORT.replace("WHERE {", f"WHERE {{ VALUES ?hash {{ {sparql_string(content_hash)} }}", 1))
    if not rows:
        return None
    r = rows[0]
    page = ReportPage(content_hash, r["path"], r.get("title", ""), r.get("date", ""), r.get("url", ""))
    best: dict[tuple[int, int, str], Mention] = {}
    order = list(_MENTION_KINDS)
    for m in store.select(_MENTIONS.replace("GRAPH ?g", f"GRAPH <{r['g']}>")):
        if m["t"] not in _MENTION_KINDS:
            continue
        entity = names.get(m["x"])
        mention = Mention(int(m["start"]), int(m["end"]), _MENTION_KINDS[m["t"]], m["x"],
                          entity.label if entity else m.get("surface", ""), m["sentence"], m.get("surface", ""))
        key = (mention.start, mention.end, m["x"])
        if key not in best or order.index(m["t"]) < order.index(_class_of(best[key].kind)):
            best[key] = mention
    page.mentions = sorted(best.values(), key=lambda m: (m.start, -m.end, order.index(_class_of(m.kind))))
    # Posts and events are stated by the words naming their people and bodies: those are highlighted.
    shown = [m for m in page.mentions if m.kind not in _NOT_HIGHLIGHTED]
    text = _text_of(r["path"], content_hash)
    if text is not None:
        page.whole = True
        page.paragraphs = _paragraphs(text, shown)
    else:
        page.paragraphs = _sentences(shown)
    return page


def pieces(text: str, mentions: list[Mention], offset: int = 0) -> list[Piece]:
    """``text`` (starting at ``offset`` of the report) cut at its mentions; where mentions
    overlap, the one that starts first (the longer on a tie) is shown.

    Examples
    --------
    >>> m = Mention(10, 20, "Person", "urn:p", "Lê Văn A", "", "Lê Văn A")
    >>> [(p.text, p.mention is not None) for p in pieces("Đồng chí: Hồ Đức Phớc.", [m], offset=0)]
    [('Đồng chí: ', False), ('Hồ Đức Phớ', True), ('c.', False)]
    """
    out, at = [], offset
    for m in mentions:
        if m.start < at or m.end > offset + len(text) or m.end <= m.start:
            continue
        if m.start > at:
            out.append(Piece(text[at - offset:m.start - offset]))
        out.append(Piece(text[m.start - offset:m.end - offset], m))
        at = m.end
    if at < offset + len(text):
        out.append(Piece(text[at - offset:]))
    return out


def _text_of(path: str, content_hash: str) -> str | None:
    """The report's normalised text, read again from its file when that is still the one stored."""
    from ..s1_read import ReadError, read_path

    if not Path(path).is_file():
        return None
    try:
        document = read_path(path)
    except ReadError:
        return None
    return document.text if document.id == content_hash else None


def _paragraphs(text: str, mentions: list[Mention]) -> list[list[Piece]]:
    found, at = [], 0
    for block in text.split("\n"):
        if block.strip():
            found.append(pieces(block, [m for m in mentions if at <= m.start < at + len(block)], at))
        at += len(block) + 1
    return found


def _sentences(mentions: list[Mention]) -> list[list[Piece]]:
    """Without the text: each sentence that states something, its mentions found by their words."""
    found: dict[str, list[Mention]] = {}
    for m in mentions:
        found.setdefault(m.sentence, []).append(m)
    paragraphs = []
    for sentence, ms in found.items():
        placed, at = [], 0
        for m in ms:
            i = sentence.find(m.surface, at) if m.surface else -1
            if i >= 0:
                placed.append(Mention(i, i + len(m.surface), m.kind, m.iri, m.label, m.sentence, m.surface))
                at = i + len(m.surface)
        paragraphs.append(pieces(sentence, placed))
    return paragraphs


def _class_of(kind: str) -> str:
    return next(c for c, k in _MENTION_KINDS.items() if k == kind)
