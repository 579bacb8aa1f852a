"""Figures: the Vietnamese number grammar, units normalised, dates and codes left out."""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..text import is_upper_word
from .lookup import PhraseTable, is_alpha, is_stopword, is_word_start, lower, require_words, texts
from .spans import FigureInfo

__all__ = ["FigureRecogniser", "parse_number", "parse_range", "parse_fraction"]

_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL = re.compile(r"^\d+(?:,\d+)?$")
_EN_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3}){2,}$")
_RANGE = re.compile(r"^(\d[\d.,]*)[-–](\d[\d.,]*)$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_DASHES = {"-", "–", "—"}
_Found = tuple[int, int, dict[str, Any]]  # start, end and the FigureInfo fields read
_MAX_INDICATOR = 8


def parse_number(text: str) -> float | None:
    """Value of a Vietnamese numeral: "." groups thousands, "," marks decimals.

    Examples
    --------
    >>> parse_number("1.348"), parse_number("115.830"), parse_number("2,5"), parse_number("1.234,5")
    (1348.0, 115830.0, 2.5, 1234.5)
    >>> parse_number("6.2") is None  # a date (6 February), not a number
    True
    """
    if _THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    return None


def parse_range(text: str) -> tuple[float, float] | None:
    """ "700-800" -> (700, 800); periods of years and dates ("2021-2025", "10-7") -> None."""
    m = _RANGE.match(text)
    if not m:
        return None
    low, high = parse_number(m.group(1)), parse_number(m.group(2))
    if low is None or high is None or low >= high or _is_year(m.group(1)) and _is_year(m.group(2)):
        return None
    return low, high


def parse_fraction(text: str) -> tuple[float, float] | None:
    """ "4/7" -> (4, 7); dates ("3/4" after a date word is decided by the caller) and scales -> None."""
    m = _FRACTION.match(text)
    if not m:
        return None
    part, whole = float(m.group(1)), float(m.group(2))
    return (part, whole) if 0 < part <= whole < 100 else None


@Language.factory("vnkg_figures", requires=["token.tag", "doc.spans"], assigns=["doc.spans", "span._.figure"])
def make_figures(nlp: Language, name: str) -> FigureRecogniser:
    return FigureRecogniser(nlp)


class FigureRecogniser:
    """Find figures; write ``doc.spans["figures"]``.

    ``[qualifier] NUMBER [- NUMBER] [scale...] (UNIT | [classifier] NOUN)``,
    "N/M NOUN" (N of a total M), "N trong M NOUN", and ranks after
    "xếp/đứng thứ". Numbers after a date or reference word ("ngày 3/4",
    "số 07-CTr/TU", "khóa XVII", "Điều 93"), years, periods, numbers glued
    to codes and numbers before a time noun ("6 tháng") are not figures.
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
        self.cues = PhraseTable(nlp, [(c, c) for c in lexicons.date_cues()])
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

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_figures")
        spans: list[Span] = []
        i = 0
        places = {i for s in doc.spans.get("places", []) for i in range(s.start, s.end)}
        words = texts(doc)
        while i < len(doc):
            word = words[i]
            found = ((word.lower() in self.ordinal and self._rank(doc, i))
                     or (word[:1].isdigit() and i not in places and self._quantity(doc, i)) or None)
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

    def _quantity(self, doc: Doc, i: int) -> _Found | None:
        tok = doc[i]
        if not tok.text[:1].isdigit() or self._excluded_before(doc, i):
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
        elif _is_year(tok.text):
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
        factor = 1.0
        while end < len(doc) and lower(doc[end]) in self.scales and self.scales[lower(doc[end])] >= 1000:
            factor *= self.scales[lower(doc[end])]
            end += 1
        unit = self.units.longest(doc, end)
        if unit and unit[1].code is None:
            return None  # "100,3 tỷ yên": a currency the contract has no unit for
        if unit and not (end + 1 < len(doc) and unit[0] < len(doc) and doc[unit[0]].text == "/"):
            end, attrs["unit"] = unit[0], unit[1].code
            factor *= unit[1].factor
        elif unit:
            return None  # "80 km/h": a speed
        else:
            noun_end = self._counted(doc, end)
            if noun_end is None:
                return None
            attrs["unit"], attrs["count_of"] = "count", doc[end:noun_end].text
            end = noun_end
        for key in ("value", "min", "max"):
            if key in attrs:
                attrs[key] = _clean(attrs[key] * factor)
        return self._qualifier_start(doc, i, attrs), end, attrs

    def _rank(self, doc: Doc, i: int) -> _Found | None:
        """ "xếp thứ nhất", "đứng thứ 2", "xếp thứ 14/63"."""
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
        attrs["value"] = _clean(value)
        start = i - 1 if lower(doc[i - 1]) in self.rank_cues else i - 2
        return start, i + 2, attrs

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

    def _excluded_before(self, doc: Doc, i: int) -> bool:
        """A date, reference or ordinal word right before, or a glued code."""
        for back in (1, 2):
            j = i - back
            if j >= 0 and is_word_start(doc[j]) and any(end == i for end, _ in self.cues.at(doc).get(j, ())):
                if not (lower(doc[j]) in self.number_words and j > 0 and lower(doc[j - 1]) in self.total_words):
                    # "tổng số": a total, not a reference number
                    return True
        if i > 0 and doc[i - 1].whitespace_ == "" and (is_alpha(doc[i - 1]) or doc[i - 1].text in "/-"):
            return True  # "CTr/07", "G20", "số-07"
        if i > 1 and doc[i - 1].text[:1].isupper() and doc[i - 1].text.isalpha() and not doc[i - 1].is_sent_start \
                and lower(doc[i - 1]) not in self.qualifier_words:
            return True  # "Hội nghị TƯ 5", "Kỳ họp thứ 3": a number inside a name
        return i > 0 and lower(doc[i - 1]) in self.ordinal

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


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100


def _clean(value: float) -> float:
    return float(round(value, 6))
