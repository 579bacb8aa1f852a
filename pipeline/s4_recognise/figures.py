"""Figures: the Vietnamese number grammar, units normalised, dates and codes left out."""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..text import is_upper_word
from .lookup import PhraseTable, is_alpha, is_stopword, is_word_start, lower, require_words, texts
from .numbers import clean, is_year, parse_fraction, parse_number, parse_range
from .spans import FigureInfo

__all__ = ["FigureRecogniser"]

_DASHES = {"-", "–", "—"}
_LENGTHS = {"km", "m"}  # a length per something is a speed, no figure the contract has
_Found = tuple[int, int, dict[str, Any]]  # start, end and the FigureInfo fields read
_MAX_INDICATOR = 8
_RANK_TOTAL_REACH = 8  # tokens after a rank where its total may be written ("... so với 63 tỉnh")


@Language.factory("vnkg_figures", requires=["token.tag", "doc.spans"], assigns=["doc.spans", "span._.figure"])
def make_figures(nlp: Language, name: str) -> FigureRecogniser:
    return FigureRecogniser(nlp)


class FigureRecogniser:
    """Find figures; write ``doc.spans["figures"]``.

    ``[qualifier] NUMBER [- NUMBER] [scale...] (UNIT [/ NOUN] | [classifier] NOUN)``,
    compound amounts ("15 tỷ 600 triệu đồng"), ranges scaled at both ends
    ("480 triệu – 800 triệu USD"), rates (the numerator: "30 triệu đồng/năm"),
    "N/M NOUN" (N of a total M), "N trong M NOUN", and ranks after "xếp/đứng thứ" with their
    total ("thứ 26/34", "thứ nhất trên 34 tỉnh"). Numbers after a date or
    reference word ("ngày 3/4", "số 07-CTr/TU", "khóa XVII", "Điều 93", "Đề án
    06"), years, periods, numbers glued to codes and numbers before a time noun
    ("6 tháng") are not figures.
    ``_.figure`` (:class:`FigureInfo`) holds ``value`` (or ``min``/``max``),
    ``unit``, ``count_of``, ``total``, ``qualifier`` and the ``indicator``
    written before the number ("tổng vốn đăng ký 1,2 tỷ USD").
    """

    def __init__(self, nlp: Language):
        self.units = PhraseTable(nlp, [(s, u) for s, u in lexicons.units().items()], attr="ORTH")
        self.scales = lexicons.number_words()["scale"]
        self.ordinals = lexicons.number_words()["ordinal"]
        self.qualifiers = PhraseTable(nlp, [(q, q) for q in lexicons.qualifiers()])
        self.qualifier_words = {w for q in lexicons.qualifiers() for w in q.split()}
        self.cues = PhraseTable(nlp, [(c, c) for c in lexicons.date_cues()]
                                + [(d, d) for d in lexicons.lines("document_types.txt")])
        self.time_nouns = PhraseTable(nlp, [(t, t) for t in lexicons.time_nouns()])
        self.classifiers = lexicons.classifiers()
        self.zone_types = PhraseTable(nlp, [(z, z) for z in lexicons.zone_types()])
        self.function_words = lexicons.function_words()
        self.indicator_heads = tuple(lexicons.lines("indicator_heads.txt"))
        self.indicator_stops = lexicons.stopwords() | lexicons.qualifiers() | lexicons.words("indicator_link")
        self.rank_cues, self.ordinal = lexicons.words("rank_cue"), lexicons.words("ordinal")
        self.copula, self.within = lexicons.words("copula"), lexicons.words("within")
        self.number_words, self.total_words = lexicons.words("number_word"), lexicons.words("total_word")
        self.alternatives = lexicons.words("coordinator") | lexicons.words("alternative")
        self.rank_totals = PhraseTable(nlp, [(w, w) for w in sorted(lexicons.words("rank_total"))])
        self.head_words = frozenset(h.lower() for h in lexicons.org_heads() if " " not in h)  # "8 Bộ"

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_figures")
        spans: list[Span] = []
        i = 0
        places = {i for s in doc.spans.get("places", []) for i in range(s.start, s.end)}
        after_place = {s.end for s in doc.spans.get("places", [])}
        totals: set[int] = set()  # numbers read as a rank's total
        words = texts(doc)
        while i < len(doc):
            word = words[i]
            found = ((word.lower() in self.ordinal and self._rank(doc, i, totals))
                     or (word[:1].isdigit() and i not in places and i not in totals
                         and self._quantity(doc, i, after_place)) or None)
            if found is None:
                i += 1
                continue
            start, end, attrs = found
            span = Span(doc, start, end, label="figure")
            span._.figure = FigureInfo(indicator=self._indicator(doc, start), **attrs)
            spans.append(span)
            i = end
        doc.spans["figures"] = spans
        return doc

    def _quantity(self, doc: Doc, i: int, after_place: set[int]) -> _Found | None:
        tok = doc[i]
        if not tok.text[:1].isdigit() or self._excluded_before(doc, i, after_place):
            return None
        attrs: dict[str, Any] = {}
        end = i + 1
        value = parse_number(tok.text)
        if value is None:
            rng, frac = parse_range(tok.text), parse_fraction(tok.text)
            if rng:
                attrs["min"], attrs["max"] = rng
            elif frac:
                attrs["value"], attrs["total"] = frac
            else:
                return None
        elif is_year(tok.text) and not self._counted_year(doc, i):
            return None
        else:
            attrs["value"] = value
            if end + 1 < len(doc) and doc[end].text in _DASHES and parse_number(doc[end + 1].text) is not None:
                high = parse_number(doc[end + 1].text)
                if high is not None and high > value:  # "1 - 2 sự kiện", "8,5 - 9%"
                    attrs = {"min": value, "max": high}
                    end += 2
            elif end + 2 < len(doc) and lower(doc[end]) in self.within and parse_number(doc[end + 1].text):
                attrs["total"] = parse_number(doc[end + 1].text)  # "1 trong 4 chương trình"
                end += 2
        if doc[end - 1].whitespace_ == "" and end < len(doc) and (doc[end].text in "/-" or is_alpha(doc[end])):
            if not self.units.longest(doc, end):
                return None  # glued to a code: "277/CTr-UBND", "Quốc lộ 1A"
        factor, end = self._scales(doc, end)
        for key in ("value", "min", "max"):
            if key in attrs:
                attrs[key] *= factor
        if factor > 1 and "value" in attrs and "total" not in attrs:
            end = self._compound_or_range(doc, end, factor, attrs)
        unit = self.units.longest(doc, end)
        if unit and unit[1].code is None:
            return None  # "100,3 tỷ yên": a currency the contract has no unit for
        unit_factor = 1.0
        if unit and unit[1].code in _LENGTHS and unit[0] < len(doc) and doc[unit[0]].text == "/":
            return None  # "80 km/h": a speed
        if unit:
            end, attrs["unit"], unit_factor = unit[0], unit[1].code, unit[1].factor
            end = self._per(doc, end)  # "30 triệu đồng/năm", "8,1 triệu USD/ha": a rate keeps its numerator
        else:
            noun_end = self._counted(doc, end)
            if noun_end is None:
                return None
            attrs["unit"], attrs["count_of"] = "count", doc[end:noun_end].text
            end = noun_end
        for key in ("value", "min", "max"):
            if key in attrs:
                attrs[key] = clean(attrs[key] * unit_factor)
        return self._qualifier_start(doc, i, attrs), end, attrs

    def _scales(self, doc: Doc, end: int) -> tuple[float, int]:
        """The product of the scale words from ``end`` ("tỷ", "triệu", "nghìn") and where they end."""
        factor = 1.0
        while end < len(doc) and self.scales.get(lower(doc[end]), 0) >= 1000:
            factor *= self.scales[lower(doc[end])]
            end += 1
        return factor, end

    def _compound_or_range(self, doc: Doc, end: int, factor: float, attrs: dict[str, Any]) -> int:
        """ "15 tỷ 600 triệu": a smaller scaled number adds; "480 triệu – 800 triệu": a range."""
        more = parse_number(doc[end].text) if end < len(doc) else None
        if more is not None:
            smaller, after = self._scales(doc, end + 1)
            if 1 < smaller < factor:
                attrs["value"] += more * smaller
                return after
        if end + 1 < len(doc) and doc[end].text in _DASHES and parse_number(doc[end + 1].text) is not None:
            scale, after = self._scales(doc, end + 2)
            high = (parse_number(doc[end + 1].text) or 0) * scale
            if scale > 1 and high > attrs["value"]:
                attrs["min"], attrs["max"] = attrs.pop("value"), high
                return after
        return end

    def _per(self, doc: Doc, end: int) -> int:
        """End of a rate's denominator ("/năm", "/ha"), or ``end`` when there is none."""
        if end + 1 < len(doc) and doc[end].text == "/" and is_alpha(doc[end + 1]):
            end += 2
            while end < len(doc) and doc[end].tag_ == "I-W":
                end += 1
        return end

    def _counted_year(self, doc: Doc, i: int) -> bool:
        """A number that looks like a year but counts something: "hơn 2000 đại biểu"."""
        qualified = any(end == i for hits in self.qualifiers.at(doc).values() for end, _ in hits)
        return qualified and self._counted(doc, i + 1) is not None

    def _rank(self, doc: Doc, i: int, totals: set[int]) -> _Found | None:
        """ "xếp thứ nhất", "đứng thứ 2", "xếp thứ 14/63", "xếp thứ nhất trên 34 tỉnh": the total
        written after the rank in its clause is the rank's, not a figure of its own."""
        if lower(doc[i]) not in self.ordinal or i + 1 >= len(doc) or i == 0:
            return None
        if not any(lower(doc[j]) in self.rank_cues for j in range(max(0, i - 2), i)):
            return None
        nxt = doc[i + 1].text
        value = self.ordinals.get(nxt.lower()) or parse_number(nxt)
        attrs: dict[str, Any] = {"unit": "rank"}
        frac = parse_fraction(nxt) if value is None else None
        if frac:
            value, attrs["total"] = frac
        if not value:
            return None
        attrs["value"] = clean(value)
        if "total" not in attrs:
            total = self._rank_total(doc, i + 2)
            if total is not None:
                attrs["total"] = parse_number(doc[total].text)
                totals.add(total)
        start = i - 1 if lower(doc[i - 1]) in self.rank_cues else i - 2
        return start, i + 2, attrs

    def _rank_total(self, doc: Doc, start: int) -> int | None:
        """The token of a rank's total: a number after "trên", "so với", "trong" in the same clause."""
        cues = self.rank_totals.at(doc)
        for j in range(start, min(len(doc), start + _RANK_TOTAL_REACH)):
            if doc[j].is_punct or doc[j].is_space:
                return None
            for end, _ in cues.get(j, ()):
                if end < len(doc) and parse_number(doc[end].text) is not None:
                    return end
        return None

    def _indicator(self, doc: Doc, start: int) -> str | None:
        """The noun phrase right before the number when it names an indicator ("tổng vốn đăng ký")."""
        qualifiers = lexicons.qualifiers()
        end = start
        while end > 0 and doc[end - 1].lower_ in qualifiers:
            end -= 1
        if end > 0 and doc[end - 1].lower_ in self.copula:
            end -= 1  # "tổng diện tích ... là 1.348ha"
        begin = end
        while begin > 0 and end - begin < _MAX_INDICATOR:
            tok = doc[begin - 1]
            if not tok.text.isalpha() or is_stopword(doc, begin - 1, self.indicator_stops):
                break
            if tok.text[:1].isupper():  # a name ends it, but a sentence may begin with it ("Doanh thu du lịch đạt")
                if tok.is_sent_start and not is_upper_word(tok.text):
                    begin -= 1
                break
            begin -= 1
        for i in range(begin, end):  # the indicator begins at its head noun
            rest = doc[i:end].text.lower()
            if any(rest == h or rest.startswith(h + " ") for h in self.indicator_heads):
                text = doc[i:end].text
                return text[:1].lower() + text[1:] if doc[i].is_sent_start else text
        return None

    def _excluded_before(self, doc: Doc, i: int, after_place: set[int]) -> bool:
        """A date, reference or ordinal word right before, or a glued code, or a capitalised
        word (a number inside a name) unless a place ends there ("Việt Nam 835 dự án") or a
        unit follows ("GPMB 1.087ha")."""
        for back in (1, 2):
            j = i - back
            if j >= 0 and is_word_start(doc[j]) and any(end == i for end, _ in self.cues.at(doc).get(j, ())):
                if not (lower(doc[j]) in self.number_words and j > 0 and lower(doc[j - 1]) in self.total_words):
                    # "tổng số": a total, not a reference number
                    return True
        if i > 0 and doc[i - 1].whitespace_ == "" and (is_alpha(doc[i - 1]) or doc[i - 1].text in "/-"):
            return True  # "CTr/07", "G20", "số-07"
        if i > 1 and doc[i - 1].text[:1].isupper() and doc[i - 1].text.isalpha() and not doc[i - 1].is_sent_start \
                and lower(doc[i - 1]) not in self.qualifier_words and i not in after_place \
                and not self._measured(doc, i + 1):
            return True  # "Hội nghị TƯ 5", "Kỳ họp thứ 3": a number inside a name
        return i > 0 and lower(doc[i - 1]) in self.ordinal

    def _measured(self, doc: Doc, j: int) -> bool:
        """A unit or a scale word starts at ``j``."""
        return j < len(doc) and (bool(self.units.longest(doc, j)) or self.scales.get(lower(doc[j]), 0) >= 1000)

    def _counted(self, doc: Doc, start: int) -> int | None:
        """End of the counted noun after a number, or None when there is none."""
        if start >= len(doc):
            return None
        tok = doc[start]
        if not is_alpha(tok) or is_stopword(doc, start, self.function_words | self.alternatives) \
                or self.time_nouns.longest(doc, start):
            return None
        zone = self.zone_types.longest(doc, start)
        if zone:
            return zone[0]  # "10 khu công nghiệp"
        if tok.text[:1].isupper() and not is_upper_word(tok.text):
            if lower(tok) in self.head_words and not (start + 1 < len(doc) and doc[start + 1].text[:1].isupper()):
                return start + 1  # "8 Bộ và Thủ tướng": bodies counted by their head noun
            return None  # a name, not a noun ("100 tỷ Yên", "2017 Hà Nội")
        end = start + 1
        while end < len(doc) and doc[end].tag_ == "I-W":  # the rest of underthesea's word
            end += 1
        if doc[end - 1].whitespace_ == "" and end < len(doc) and doc[end].text == "/":
            end = min(end + 2, len(doc))  # "HTTT/CSDL"
        if lower(tok) in self.classifiers and end < len(doc) and is_alpha(doc[end]) \
                and not is_stopword(doc, end, self.function_words):
            end += 1
            while end < len(doc) and doc[end].tag_ == "I-W":
                end += 1
        return end

    def _qualifier_start(self, doc: Doc, i: int, attrs: dict[str, Any]) -> int:
        for back in (3, 2, 1):
            j = i - back
            if j >= 0 and any(end == i for end, _ in self.qualifiers.at(doc).get(j, ())):
                attrs["qualifier"] = doc[j:i].text
                return j
        return i
