"""Programmes and legal documents cited by number or by name."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from .lookup import PhraseTable, is_cap, require_words
from .spans import CitedInfo

__all__ = ["DocumentRecogniser"]

# A document number: digits, then letters of the issuer's code ("07-CTr/TU", "277/CTr-UBND", "45/2025/NĐ-CP").
_NUMBER = re.compile(r"^\d+[\w./-]*[-/][A-ZĐ][\w&./-]*$")
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@Language.factory("vnkg_documents", requires=["token.tag"], assigns=["doc.spans", "span._.cited"])
def make_documents(nlp: Language, name: str) -> DocumentRecogniser:
    return DocumentRecogniser(nlp)


class DocumentRecogniser:
    """Find cited documents; write ``doc.spans["documents"]``.

    ``TYPE [số] NUMBER [ngày DATE]`` ("Chương trình số 07-CTr/TU", "Chỉ thị
    số 16/CT-UBND ngày 16/9/2016") and laws by name ("Luật Thủ đô",
    "Luật Bảo vệ môi trường"). ``_.cited`` (:class:`CitedInfo`): ``name``,
    ``kind``, ``identifier`` (the number) and ``date`` (ISO) when written.
    """

    def __init__(self, nlp: Language):
        self.kinds = PhraseTable(nlp, [(k, k) for k in lexicons.lines("document_types.txt")])
        self.number_words, self.date_words = lexicons.words("number_word"), lexicons.words("date_word")
        self.named_laws = lexicons.words("named_law")  # laws cited by name ("Luật Thủ đô")
        self.law_stops = lexicons.stopwords() | lexicons.words("law_name_stop")

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_documents")
        spans: list[Span] = []
        i = 0
        kinds = self.kinds.at(doc)
        while i < len(doc):
            hit = kinds.get(i)
            if not hit or not is_cap(doc[i]):
                i += 1
                continue
            end, kind = hit[0]
            span = self._numbered(doc, i, end, kind) or self._named(doc, i, end, kind)
            if span is None:
                i += 1
                continue
            spans.append(span)
            i = span.end
        doc.spans["documents"] = spans
        return doc

    def _numbered(self, doc: Doc, start: int, end: int, kind: str) -> Span | None:
        j = end + 1 if end < len(doc) and doc[end].lower_ in self.number_words else end
        if j >= len(doc) or not doc[j].text[:1].isdigit():
            return None
        stop = j + 1
        while stop < len(doc) and doc[stop - 1].whitespace_ == "" and doc[stop].text not in ",.;:()\"'":
            stop += 1
        number = doc[j:stop].text
        if not _NUMBER.match(number):
            return None
        date = None
        if stop + 1 < len(doc) and doc[stop].lower_ in self.date_words:
            m = _DATE.match(doc[stop + 1].text)
            if m:
                day, month, year = (int(g) for g in m.groups())
                date = f"{year:04d}-{month:02d}-{day:02d}"
                stop += 2
        span = Span(doc, start, stop, label="document")
        span._.cited = CitedInfo(f"{kind} {lexicons.word('number_word')} {number}", kind, identifier=number, date=date)
        return span

    def _named(self, doc: Doc, start: int, end: int, kind: str) -> Span | None:
        """"Luật Thủ đô (sửa đổi)", "Luật Bảo vệ môi trường": a law by its name."""
        if kind.lower() not in self.named_laws or end >= len(doc) or not is_cap(doc[end]):
            return None
        stop, lower_words = end, 0
        while stop < len(doc) and (is_cap(doc[stop]) or doc[stop].text.isalpha() and doc[stop].text.islower()
                                   and doc[stop].lower_ not in self.law_stops and lower_words < 5):
            lower_words += doc[stop].text.islower()
            stop += 1
        while stop > end and doc[stop - 1].tag_ == "B-W" and stop < len(doc) and doc[stop].tag_ == "I-W":
            stop -= 1  # end on a whole word
        if stop == end:
            return None
        span = Span(doc, start, stop, label="document")
        span._.cited = CitedInfo(doc[start:stop].text, kind)
        return span


