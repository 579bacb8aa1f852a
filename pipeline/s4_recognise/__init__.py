"""Stage 4: recognise persons, roles, organisations, zones, places and figures.

Each recogniser is a spaCy component registered by name (a factory with
``requires``/``assigns``); ``pipeline/config.cfg`` lists them in order and
``pipeline.nlp()`` builds the pipeline. Each writes ``doc.spans[group]`` with
a typed ``span._`` attribute (``pipeline.s4_recognise.spans``); later
components see the spans of earlier ones (an organisation name may hold a
place, a person name stops an organisation name). ``recognise`` runs them
over a stage-3 Doc and hands linking typed mentions.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Generic, TypeVar

from ..s1_read import Document
from ..s3_doc import Parsed
from .spans import (
    SPAN_KINDS,
    CitedInfo,
    CueInfo,
    EventInfo,
    FigureInfo,
    OrgInfo,
    PersonInfo,
    PlaceInfo,
    RoleInfo,
    TitleInfo,
    ZoneInfo,
)
from .tokens import table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["Mention", "Mentions", "Recognised", "recognise", "mentions_of"]

I = TypeVar("I")  # noqa: E741  (the info type of a mention)


@dataclass(frozen=True, eq=False)
class Mention(Generic[I]):
    """One recognised span: what it is, where it is, what the grammar read.

    ``start``/``end`` are character offsets into ``document.text``,
    ``token_start``/``token_end`` token offsets into the Doc, ``sentence`` the
    sentence's number and ``info`` the span's typed attribute.
    ``clause_start``/``clause_end`` count the clause marks (, ; : ( ) . - and
    quotes) before its first token and before its end: two mentions with no
    mark between them have ``a.clause_end == b.clause_start``.
    """

    kind: str
    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    sentence: int
    info: I
    clause_start: int = 0
    clause_end: int = 0


@dataclass
class Mentions:
    """Every mention of a report by kind, each list in text order."""

    places: list[Mention[PlaceInfo]] = field(default_factory=list)
    persons: list[Mention[PersonInfo]] = field(default_factory=list)
    roles: list[Mention[RoleInfo]] = field(default_factory=list)
    zones: list[Mention[ZoneInfo]] = field(default_factory=list)
    organisations: list[Mention[OrgInfo]] = field(default_factory=list)
    figures: list[Mention[FigureInfo]] = field(default_factory=list)
    documents: list[Mention[CitedInfo]] = field(default_factory=list)
    titles: list[Mention[TitleInfo]] = field(default_factory=list)
    events: list[Mention[EventInfo]] = field(default_factory=list)
    event_cues: list[Mention[CueInfo]] = field(default_factory=list)

    def extend(self, other: Mentions) -> None:
        """Add another window's mentions after these."""
        for f in fields(self):
            getattr(self, f.name).extend(getattr(other, f.name))


@dataclass
class Recognised:
    """Stage-4 output: the document, its Doc, the sentences' offsets in the
    document and the mentions by kind."""

    document: Document
    doc: Doc
    sentences: list[tuple[int, int]]
    mentions: Mentions

    @property
    def offset(self) -> int:
        """Where the Doc's text starts in the report (read in windows)."""
        return int(self.doc._.offset)


def recognise(parsed: Parsed) -> Recognised:
    """Run the recognisers (``pipeline.nlp()``'s components) over the Doc and
    collect their spans as typed mentions.

    Examples
    --------
    >>> from pipeline.s1_read import read_text
    >>> from pipeline.s2_segment import segment
    >>> from pipeline.s3_doc import to_doc
    >>> rec = recognise(to_doc(segment(read_text("Chủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu phát biểu."))))
    >>> [m.info.name for m in rec.mentions.persons], [m.info.surface for m in rec.mentions.organisations]
    (['Bùi Minh Châu'], ['UBND tỉnh Phú Thọ'])
    """
    from .language import nlp

    doc = parsed.doc
    doc._.publisher = parsed.document.publisher
    doc = nlp()(doc)
    sentences = sentence_spans(doc)
    return Recognised(parsed.document, doc, sentences, mentions_of(doc, sentences))


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Each sentence's character offsets in the report, leading and trailing whitespace left out."""
    offset, t = doc._.offset, table(doc)
    out = []
    bounds = (0, *(s for s in t.sentence_starts if s > 0), len(t))
    for start, end in zip(bounds, bounds[1:], strict=False):
        words = [i for i in range(start, end) if not t.space[i]]
        if words:
            out.append((t.idx[words[0]] + offset, t.idx[words[-1]] + len(t.texts[words[-1]]) + offset))
    return out


def mentions_of(doc: Doc, sentences: list[tuple[int, int]]) -> Mentions:
    """The Doc's spans as mentions, offsets counted in the whole report."""
    offset = doc._.offset
    starts = [s for s, _ in sentences]
    marks = [0]
    for text in table(doc).texts:
        marks.append(marks[-1] + (text in _CLAUSE_MARKS))
    found = Mentions()
    for group, (_, attr, _) in SPAN_KINDS.items():
        out = getattr(found, group)
        for span in sorted(doc.spans.get(group, []), key=lambda s: (s.start, s.end)):
            out.append(_mention(group, span, getattr(span._, attr), offset, starts, marks))
    return found


_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", ".", "“", "”", '"', "-", "–"})


def _mention(group: str, span: Span, info: object, offset: int, starts: list[int], marks: list[int]) -> Mention:
    start = span.start_char + offset
    sentence = max(0, bisect.bisect_right(starts, start) - 1)
    return Mention(group, span.text, start, span.end_char + offset, span.start, span.end, sentence, info,
                   marks[span.start], marks[span.end])
