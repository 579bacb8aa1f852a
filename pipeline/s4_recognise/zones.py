"""Zones: named industrial parks, export processing, high-tech and economic zones."""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..lexicons import ZoneType
from .lookup import PhraseTable, is_alpha, is_cap, is_stopword, lower, require_words
from .numbers import parse_number
from .spans import ZoneInfo

__all__ = ["ZoneRecogniser"]

_DASHES = {"-", "–", "—"}
_ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
_MAX_QUALIFIERS = 3


@Language.factory("vnkg_zones", requires=["token.tag", "doc.spans"], assigns=["doc.spans", "span._.zone"])
def make_zones(nlp: Language, name: str) -> ZoneRecogniser:
    return ZoneRecogniser(nlp)


class ZoneRecogniser:
    """Find named zones; write ``doc.spans["zones"]``.

    A zone is a zone type ("khu công nghiệp", "KCN", "cụm công nghiệp"...)
    followed by a name: capitalised words, roman numerals, a unit and its
    place ("Cụm công nghiệp thị trấn Thọ Xuân"), after at most three
    lower-case qualifiers ("Khu công nghệ cao sinh học Hà Nội"). A type after
    a number or a plural word ("10 khu công nghiệp", "các KCN") is generic
    and no zone. "X và Y" after a type names two zones of that type.
    """

    def __init__(self, nlp: Language):
        types = lexicons.zone_types()
        self.words = PhraseTable(nlp, [(s, t) for s, t in types.items() if not s.isupper()])
        self.abbreviations = PhraseTable(nlp, [(s, t) for s, t in types.items() if s.isupper()], attr="ORTH")
        self.stopwords = lexicons.stopwords()
        self.quantifiers = lexicons.words("quantifier")  # "các KCN", "10 khu công nghiệp": generic, no zone
        self.coordinator, self.number_words = lexicons.words("coordinator"), lexicons.words("number_word")

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_zones")
        places = {s.start: s for s in doc.spans.get("places", [])}
        persons = {i for s in doc.spans.get("persons", []) for i in range(s.start, s.end)}
        spans, i = [], 0
        words, abbreviations = self.words.at(doc), self.abbreviations.at(doc)
        while i < len(doc):
            hits = abbreviations.get(i) or words.get(i)
            hit = hits[0] if hits else None
            if hit is None or self._generic(doc, i):
                i += 1
                continue
            type_end, ztype = hit
            name_end, anchored, place = self._name(doc, type_end, places, persons)
            if not anchored or self._place_only(doc, i, type_end, name_end, places):
                i = type_end
                continue
            spans.append(self._span(doc, i, name_end, type_end, ztype, place))
            i = name_end
            # "khu công nghiệp Tân Thuận và Linh Trung": a second zone of the same type
            if i + 1 < len(doc) and lower(doc[i]) in self.coordinator and is_cap(doc[i + 1]) and i + 1 not in persons:
                if not (abbreviations.get(i + 1) or words.get(i + 1)):
                    end2, anchored2, place2 = self._name(doc, i + 1, places, persons)
                    if anchored2:
                        span = self._span(doc, i + 1, end2, i + 1, ztype, place2)
                        span._.zone = replace(span._.zone, name=f"{ztype.canonical} {doc[i + 1:end2].text}")
                        spans.append(span)
                        i = end2
        doc.spans["zones"] = spans
        return doc

    def _generic(self, doc: Doc, i: int) -> bool:
        if i == 0:
            return False
        before = doc[i - 1]
        return lower(before) in self.quantifiers or parse_number(before.text) is not None

    def _name(self, doc: Doc, start: int, places: dict[int, Span], persons: set[int]) -> tuple[int, bool, Span | None]:
        """Read a zone name from ``start``: (end, has an anchor, place span or None)."""
        end, last_anchor, qualifiers, place = start, start, 0, None
        while end < len(doc) and end not in persons:
            tok = doc[end]
            if end in places:
                place = place or places[end]
                end = last_anchor = places[end].end
                continue
            if is_cap(tok) and is_alpha(tok) or tok.text in _ROMAN and end > start:
                end = last_anchor = end + 1
            elif tok.text.isdigit() and len(tok.text) <= 2 and end > start and last_anchor == end \
                    and not (end + 1 < len(doc) and doc[end + 1].text[:1].islower()):  # not "Hòa Lạc 14 dự án"
                end = last_anchor = end + 1
            elif lower(tok) in self.number_words and end > start and last_anchor == end and end + 1 < len(doc) \
                    and doc[end + 1].text.isdigit():
                end = last_anchor = end + 2  # "Công viên phần mềm Đà Nẵng số 2"
            elif tok.text in _DASHES and end > start and last_anchor == end and end + 1 < len(doc) \
                    and is_cap(doc[end + 1]):
                end += 1
            elif last_anchor == start and is_alpha(tok) and tok.text.islower() \
                    and not is_stopword(doc, end, self.stopwords) \
                    and qualifiers < _MAX_QUALIFIERS:
                qualifiers += 1
                end += 1
            else:
                break
        return last_anchor, last_anchor > start, place

    def _place_only(self, doc: Doc, start: int, type_end: int, name_end: int, places: dict[int, Span]) -> bool:
        """"khu công nghiệp Hà Nội" in lower case is the province's parks, not one park."""
        span = places.get(type_end)
        return (span is not None and span.end == name_end and span._.place.level in ("province", "country")
                and doc[start].text[:1].islower())

    def _span(self, doc: Doc, start: int, end: int, type_end: int, ztype: ZoneType, place: Span | None) -> Span:
        span = Span(doc, start, end, label="zone")
        name = doc[type_end:end].text
        span._.zone = ZoneInfo(f"{ztype.canonical} {name}" if type_end > start else name, ztype.concept,
                               ztype.canonical, place=place._.place.key if place is not None else None)
        return span
