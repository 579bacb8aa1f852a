"""Zones: named industrial parks, export processing, high-tech and economic zones."""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..lexicons import ZoneType
from .lookup import PhraseTable, is_alpha, is_cap, is_stopword, is_word_start, lower, require_words
from .numbers import parse_number
from .org_body import name_word_end
from .org_brands import is_foreign
from .spans import ZoneInfo

__all__ = ["ZoneRecogniser"]

_DASHES = {"-", "–", "—"}
_ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
_MAX_QUALIFIERS = 3
_LIST_ENDS = {",", ";", ".", ")", "…"}


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
    unless names of their own follow ("2 KCN Sóng Thần 1, Sóng Thần 2").
    "X, Y và Z" after a type names zones of that type. A name the persons
    grammar read by its family name alone is the zone's, and no person.
    """

    def __init__(self, nlp: Language):
        types = lexicons.zone_types()
        self.words = PhraseTable(nlp, [(s, t) for s, t in types.items() if not s.isupper()])
        self.abbreviations = PhraseTable(nlp, [(s, t) for s, t in types.items() if s.isupper()], attr="ORTH")
        self.stopwords, self.function_words = lexicons.stopwords(), lexicons.function_words()
        self.org_heads = PhraseTable(nlp, [(h.head, h.head) for h in lexicons.org_heads().values()])
        self.quantifiers = lexicons.words("quantifier")  # "các KCN", "10 khu công nghiệp": generic, no zone
        self.coordinator, self.number_words = lexicons.words("coordinator"), lexicons.words("number_word")

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_zones")
        places = {s.start: s for s in doc.spans.get("places", [])}
        # a name read by its family name alone may be a zone's ("Cụm công nghiệp An Lạc"); one after
        # "ông", a title or in a byline is a person's
        persons = {i for s in doc.spans.get("persons", []) if s._.person.cue or s._.person.byline
                   for i in range(s.start, s.end)}
        # after the place a name ends on, a person's name is the next noun phrase's ("Ban Quản lý các KCN
        # tỉnh Nam Định *Trần Anh Dũng*"), not the zone's
        named = frozenset(s.start for s in doc.spans.get("persons", []))
        spans, i = [], 0
        words, abbreviations = self.words.at(doc), self.abbreviations.at(doc)
        while i < len(doc):
            hits = abbreviations.get(i) or words.get(i)
            hit = hits[0] if hits else None
            if hit is None:
                i += 1
                continue
            type_end, ztype = hit
            start = self._after_type(doc, type_end)
            name_end, anchored, place = self._name(doc, start, places, persons, named, numbered=is_cap(doc[i]))
            generic = self._generic(doc, i)
            if not anchored or self._place_only(doc, i, start, name_end, places, generic):
                i = type_end
                continue
            spans.append(self._span(doc, i, name_end, start, ztype, place))
            i = name_end
            # "khu công nghiệp Tân Thuận và Linh Trung", "KCN Sóng Thần 1, Sóng Thần 2": more zones of the type
            while i + 1 < len(doc) and (lower(doc[i]) in self.coordinator or doc[i].text == ",") \
                    and is_cap(doc[i + 1]) and i + 1 not in persons \
                    and not (abbreviations.get(i + 1) or words.get(i + 1)):
                end2, anchored2, place2 = self._name(doc, i + 1, places, persons, named)
                if not anchored2 or self._place_only(doc, i + 1, i + 1, end2, places, True) \
                        or not self._list_item(doc, i + 1, end2):
                    break  # "KCN Thăng Long, Hà Nội": the place it is in; "KCN X, H. Trảng Bom": a district
                span = self._span(doc, i + 1, end2, i + 1, ztype, place2)
                span._.zone = replace(span._.zone, name=f"{ztype.canonical} {doc[i + 1:end2].text}")
                spans.append(span)
                i = end2
        spans += self._brand_mentions(doc, spans, persons)
        doc.spans["zones"] = sorted(spans, key=lambda s: s.start)
        taken = {i for s in spans for i in range(s.start, s.end)}
        doc.spans["persons"] = [p for p in doc.spans.get("persons", []) if not taken & set(range(p.start, p.end))]
        return doc

    def _after_type(self, doc: Doc, i: int) -> int:
        """Where the name begins after a type word: past its abbreviation in brackets ("Khu công
        nghiệp (KCN) Đông Mai") or a colon before a list ("các CCN: A, B và C")."""
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and self._starts_type(doc, i + 1):
            return i + 3
        if i + 1 < len(doc) and doc[i].text == ":" and is_cap(doc[i + 1]):
            return i + 1
        return i

    def _brand_mentions(self, doc: Doc, spans: list[Span], persons: set[int]) -> list[Span]:
        """"VSIP Quảng Ngãi" after "Khu công nghiệp ... VSIP Quảng Ngãi", "VSIP" after "(VSIP)": a park's
        own name that begins with a foreign word or an acronym names it alone too."""
        names: dict[tuple[str, ...], ZoneInfo] = {}
        for span in spans:
            first = next((j for j in range(span.start, span.end) if is_cap(doc[j]) and not self._starts_type(doc, j)
                          and (j == span.start or not is_cap(doc[j - 1]) or self._starts_type(doc, j - 1))), None)
            if first is not None and is_foreign(doc[first].text):
                names[tuple(t.text for t in doc[first:span.end])] = span._.zone
            if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")" \
                    and is_foreign(doc[span.end + 1].text):
                names[(doc[span.end + 1].text,)] = span._.zone
        taken = {i for s in spans for i in range(s.start, s.end)} | persons
        found = []
        for words, zone in sorted(names.items(), key=lambda kv: -len(kv[0])):
            for i in range(len(doc) - len(words) + 1):
                end = i + len(words)
                if tuple(t.text for t in doc[i:end]) == words and not taken & set(range(i, end)) \
                        and not (i > 0 and doc[i - 1].text == "(") and not (end < len(doc) and is_cap(doc[end])):
                    span = Span(doc, i, end, label="zone")
                    span._.zone = zone
                    found.append(span)
                    taken.update(range(i, end))
        return found

    def _generic(self, doc: Doc, i: int) -> bool:
        if i == 0:
            return False
        before = doc[i - 1]
        return lower(before) in self.quantifiers or parse_number(before.text) is not None

    def _name(self, doc: Doc, start: int, places: dict[int, Span], persons: set[int], named: frozenset[int],
              numbered: bool = False) -> tuple[int, bool, Span | None]:
        """Read a zone name from ``start``: (end, has an anchor, place span or None). With
        ``numbered`` a number alone names a zone ("Khu công nghiệp công nghệ cao 1"). A name
        that begins right after a place (``named``: where the persons grammar read one) ends it."""
        end, last_anchor, qualifiers, place = start, start, 0, None
        while end < len(doc) and end not in persons:
            tok = doc[end]
            if end in places:
                place = place or places[end]
                end = last_anchor = places[end].end
                if end in named:
                    break
                continue
            if is_cap(tok) and is_alpha(tok) or tok.text in _ROMAN and end > start:
                end = last_anchor = name_word_end(doc, end)  # "Quốc tế", not "Hòa Lạc thu hút"
            elif tok.text.isdigit() and len(tok.text) <= 2 and (end > start and last_anchor == end or numbered) \
                    and not (end + 1 < len(doc) and doc[end + 1].text[:1].islower()  # not "Hòa Lạc 14 dự án"
                             and not is_stopword(doc, end + 1, self.function_words)):
                end = last_anchor = end + 1
            elif tok.text in _DASHES and last_anchor == start and end + 1 < len(doc) and doc[end + 1].text.islower():
                end += 1  # "Khu công nghiệp - đô thị và dịch vụ VSIP"
            elif lower(tok) in self.number_words and (end > start and last_anchor == end or numbered) \
                    and end + 1 < len(doc) and doc[end + 1].text.isdigit():
                end = last_anchor = end + 2  # "Công viên phần mềm Đà Nẵng số 2"
            elif tok.text in _DASHES and end > start and last_anchor == end and end + 1 < len(doc) \
                    and is_cap(doc[end + 1]):
                end += 1
            elif last_anchor == start and is_alpha(tok) and tok.text.islower() \
                    and not is_stopword(doc, end, self.stopwords) and not self._starts_type(doc, end) \
                    and lower(tok) not in self.quantifiers \
                    and not (lower(tok) in self.coordinator and end + 1 < len(doc)
                             and not doc[end + 1].text.islower()) \
                    and (qualifiers < _MAX_QUALIFIERS or not is_word_start(tok)):
                qualifiers += is_word_start(tok)  # words, not syllables: "phụ trợ dệt may"
                end += 1
            else:
                break
        return last_anchor, last_anchor > start, place

    def _place_only(self, doc: Doc, start: int, type_end: int, name_end: int, places: dict[int, Span],
                    generic: bool = False) -> bool:
        """"khu công nghiệp Hà Nội" in lower case, or counted ("3 KCN Bắc Ninh", "các KCN Hà Nội"),
        is the province's parks, not one park; counted, a type names zones only with names of their own."""
        span = places.get(type_end)
        if span is not None and span.end == name_end and span._.place.level in ("province", "country") \
                and doc[start].text[:1].islower():
            return True
        if not generic:
            return False
        in_place = {j for p in places.values() if type_end <= p.start < name_end for j in range(p.start, p.end)}
        return not any(j not in in_place and (is_cap(doc[j]) or doc[j].text.isdigit())
                       for j in range(type_end, name_end))

    def _list_item(self, doc: Doc, start: int, end: int) -> bool:
        """A name of the list: not an abbreviation ("H.") nor a body, and after a comma followed by the
        list's next mark, its end or a verb ("Sóng Thần 1, Sóng Thần 2 đã"), not by a noun phrase."""
        if len(doc[start].text) < 2 or end - start == 1 and len(doc[start].text) <= 3 and end < len(doc) \
                and doc[end].text == "." and not doc[start].whitespace_:
            return False
        if self.org_heads.at(doc).get(start):
            return False  # "KCN Tân Phú, Công ty X": a company of it
        return doc[start - 1].text != "," or end >= len(doc) or doc[end].text in _LIST_ENDS \
            or lower(doc[end]) in self.coordinator or is_stopword(doc, end, self.stopwords)

    def _starts_type(self, doc: Doc, i: int) -> bool:
        return bool(self.words.at(doc).get(i) or self.abbreviations.at(doc).get(i))

    def _span(self, doc: Doc, start: int, end: int, type_end: int, ztype: ZoneType, place: Span | None) -> Span:
        span = Span(doc, start, end, label="zone")
        name = doc[type_end:end].text
        span._.zone = ZoneInfo(f"{ztype.canonical} {name}" if type_end > start else name, ztype.concept,
                               ztype.canonical, place=place._.place.key if place is not None else None)
        return span
