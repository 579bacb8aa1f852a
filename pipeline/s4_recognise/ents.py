"""The last component: the recognised spans as ``doc.ents``, for displaCy and spaCy's tools."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

__all__ = ["EntityLayer", "ENT_LABELS", "DISPLACY_OPTIONS"]

# Span group -> entity label in doc.ents.
ENT_LABELS = {"persons": "PERSON", "organisations": "ORG", "zones": "ZONE", "places": "PLACE", "figures": "FIGURE"}
# Colours for displacy.render(doc, style="ent", options=DISPLACY_OPTIONS).
DISPLACY_OPTIONS = {"ents": list(ENT_LABELS.values()), "colors": {
    "PERSON": "#aa9cfc", "ORG": "#7aecec", "ZONE": "#bfe1d9", "PLACE": "#feca74", "FIGURE": "#e4e7d2"}}


@Language.factory("vnkg_ents", requires=["doc.spans"], assigns=["doc.ents"])
def make_ents(nlp: Language, name: str) -> EntityLayer:
    return EntityLayer()


class EntityLayer:
    """Set ``doc.ents`` to the persons, organisations, zones, places and figures
    that do not overlap: where two do, the longer one (then the earlier) is
    kept, so "UBND tỉnh Phú Thọ" is one organisation and not also a place.
    ``doc.spans`` keeps every span, overlapping ones included.

    Examples
    --------
    >>> from pipeline import nlp
    >>> doc = nlp()("Chủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu dự hội nghị tại Hà Nội.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('UBND tỉnh Phú Thọ', 'ORG'), ('Bùi Minh Châu', 'PERSON'), ('Hà Nội', 'PLACE')]
    """

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        candidates = [Span(doc, s.start, s.end, label=label)
                      for group, label in ENT_LABELS.items() for s in doc.spans.get(group, [])]
        doc.ents = filter_spans(candidates)
        return doc
