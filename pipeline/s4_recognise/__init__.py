"""Stage 4: recognise persons, roles, organisations, zones, places and figures.

Each recogniser is a spaCy component registered by name; they run in the
order of ``COMPONENTS`` over the Doc of stage 3 and write ``doc.spans[kind]``.
Later components see the spans of earlier ones (an organisation name may hold
a place, a person name stops an organisation name).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

from ..s1_read import Document
from ..s3_doc import Parsed, blank_nlp
from . import documents, figures, org_aliases, organisations, persons, places, roles, zones  # noqa: F401  (registers factories)

__all__ = ["Mention", "Recognised", "recognise", "COMPONENTS", "recogniser_pipeline"]

# Component name -> the span group it writes. Order matters.
COMPONENTS = {
    "vnkg_places": "places",
    "vnkg_persons": "persons",
    "vnkg_roles": "roles",
    "vnkg_zones": "zones",
    "vnkg_organisations": "organisations",
    "vnkg_org_aliases": "organisations",
    "vnkg_figures": "figures",
    "vnkg_documents": "documents",
}
KINDS = ("places", "persons", "roles", "zones", "organisations", "figures", "documents")


@dataclass(frozen=True)
class Mention:
    """One recognised span: what it is, where it is, what the grammar read.

    ``start``/``end`` are character offsets into ``document.text`` and
    ``token_start``/``token_end`` token offsets into the Doc; ``key`` is the
    span's ``kb_id_`` (places) and ``attrs`` what its recogniser read.
    """

    kind: str
    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    sentence: int
    attrs: dict = field(hash=False, compare=False)
    key: str = ""


@dataclass
class Recognised:
    """Stage-4 output: the document, its Doc and mentions by kind, in text order."""

    document: Document
    doc: "spacy.tokens.Doc"  # noqa: F821
    mentions: dict[str, list[Mention]]
    locality: dict[str, str]


@cache
def recogniser_pipeline():
    """The blank pipeline with every recogniser added, built once."""
    nlp = blank_nlp()
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def recognise(parsed: Parsed) -> Recognised:
    """Run the recognisers over the Doc and collect their spans as mentions.

    Examples
    --------
    >>> from pipeline.s1_read import read_text
    >>> from pipeline.s2_segment import segment
    >>> from pipeline.s3_doc import to_doc
    >>> rec = recognise(to_doc(segment(read_text("Chủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu phát biểu."))))
    >>> [m.attrs["name"] for m in rec.mentions["persons"]], [m.attrs["name"] for m in rec.mentions["organisations"]]
    (['Bùi Minh Châu'], ['UBND tỉnh Phú Thọ'])
    """
    doc = parsed.doc
    doc.user_data["publisher"] = parsed.document.publisher
    for _, component in recogniser_pipeline().pipeline:
        doc = component(doc)
    offset = doc.user_data.get("offset", 0)
    starts = [s for s, _ in doc.user_data.get("sentences", ())]
    mentions = {}
    for kind in KINDS:
        mentions[kind] = [
            Mention(kind, span.text, span.start_char + offset, span.end_char + offset, span.start, span.end,
                    max(0, bisect.bisect_right(starts, span.start_char + offset) - 1), dict(span._.attrs or {}),
                    span.kb_id_)
            for span in sorted(doc.spans.get(kind, []), key=lambda s: (s.start, s.end))
        ]
    return Recognised(parsed.document, doc, mentions, dict(doc.user_data.get("locality", {})))
