"""Titles: roles with their bodies read together, and the persons they stand beside."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from .lookup import require_words
from .spans import TitleInfo

__all__ = ["TitleRecogniser"]

_AFTER_PERSON = {",", "-", "–", "—", "("}  # "NAME, ROLE", "NAME - ROLE", "NAME (ROLE"
_CLOSERS = {",", ";", ")", "-", "–", ".", ":"}
_CHAIN = {","}


@Language.factory("vnkg_titles", requires=["doc.spans", "span._.role", "span._.org", "span._.person"],
                  assigns=["doc.spans", "span._.title"])
def make_titles(nlp: Language, name: str) -> TitleRecogniser:
    return TitleRecogniser(nlp)


@dataclass(frozen=True)
class _Phrase:
    role: int      # token where the role starts
    org: int       # token where its organisation starts, -1 when none is written
    start: int
    end: int


class TitleRecogniser:
    """Read titles; write ``doc.spans["titles"]`` (each span's ``_.title`` is a
    :class:`~pipeline.s4_recognise.spans.TitleInfo`).

    A phrase is a role and the organisation written right after it ("Giám đốc
    *Sở Nội vụ*", "công nhân (CN) *Cty Nippon Paint*"), or beginning inside it
    ("Trưởng *ban* Tổ chức"), or a foreign country ("Thủ tướng *Anh*").
    Phrases joined by a comma or "kiêm" are one title ("Ủy viên T.Ư Đảng, Phó
    Bí thư Thành ủy, Chủ tịch UBND TP"). Each title records the persons of its
    sentence it may belong to: right after it (or after "ông"/"bà"), joined
    before it by a comma, dash or bracket, or listed after a colon. Linking
    chooses among them once it knows which mentions are somebody.

    Examples
    --------
    >>> from pipeline import nlp
    >>> doc = nlp()("Ông Trần Văn An, Giám đốc Sở Nội vụ tỉnh Nam Định, phát biểu.")
    >>> title = doc.spans["titles"][0]
    >>> title.text, [doc[p].text for p in title._.title.before], title._.title.closed
    ('Giám đốc Sở Nội vụ tỉnh Nam Định', ['Trần'], True)
    """

    def __init__(self, nlp: Language):
        self.chain = _CHAIN | lexicons.words("chain")
        self.plural = lexicons.words("plural")
        self.address = frozenset(lexicons.honorifics())

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_titles")
        sentence_starts = [t.i for t in doc if t.is_sent_start]

        def sentence(i: int) -> int:
            return bisect.bisect_right(sentence_starts, i)

        orgs = {s.start: s for s in doc.spans.get("organisations", [])}
        countries = {s.start: s for s in doc.spans.get("places", []) if s._.place.level == "country"}
        persons_in: dict[int, list[Span]] = {}
        for person in doc.spans.get("persons", []):
            persons_in.setdefault(sentence(person.start), []).append(person)
        phrases_in: dict[int, list[_Phrase]] = {}
        for role in doc.spans.get("roles", []):
            phrases_in.setdefault(sentence(role.start), []).append(self._phrase(doc, role, orgs, countries))
        spans = []
        for n, phrases in phrases_in.items():
            persons = persons_in.get(n, [])
            for chain in self._chains(doc, phrases):
                span = Span(doc, chain[0].start, chain[-1].end, label="title")
                span._.title = self._title(doc, chain, persons)
                spans.append(span)
        doc.spans["titles"] = sorted(spans, key=lambda s: s.start)
        return doc

    def _phrase(self, doc: Doc, role: Span, orgs: dict[int, Span], countries: dict[int, Span]) -> _Phrase:
        after = role.end
        if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
            after += 3  # "công nhân (CN) Cty Nippon Paint"
        org = orgs.get(role.end) or orgs.get(after)
        head = role._.role.org_head
        if head is not None and head in orgs:
            org = orgs[head]  # "Trưởng ban Tổ chức": the organisation begins inside the role
        if org is not None:
            return _Phrase(role.start, org.start, role.start, max(org.end, role.end))
        end = countries[role.end].end if role.end in countries else role.end  # "Thủ tướng Anh": a foreign office
        return _Phrase(role.start, -1, role.start, end)

    def _chains(self, doc: Doc, phrases: list[_Phrase]) -> list[list[_Phrase]]:
        chains: list[list[_Phrase]] = []
        for phrase in sorted(phrases, key=lambda p: p.start):
            last = chains[-1][-1] if chains else None
            if last is not None and phrase.start == last.end + 1 and doc[last.end].lower_ in self.chain:
                chains[-1].append(phrase)
            else:
                chains.append([phrase])
        return chains

    def _title(self, doc: Doc, chain: list[_Phrase], persons: list[Span]) -> TitleInfo:
        start, end = chain[0].start, chain[-1].end
        after = end < len(doc) and doc[end].lower_ in self.address  # "ROLE ORG ông NAME"
        return TitleInfo(
            phrases=tuple((p.role, p.org) for p in chain),
            end=end,
            after=tuple(p.start for p in persons if p.start == end or p.start == end + 1 and after),
            before=tuple(p.start for p in persons
                         if p.end < start and start == p.end + 1 and doc[p.end].text in _AFTER_PERSON),
            listed=tuple(p.start for p in persons if p.start > end),
            colon=end < len(doc) and doc[end].text == ":",
            plural=start > 0 and doc[start - 1].lower_ in self.plural,
            closed=end >= len(doc) or doc[end].text in _CLOSERS,
        )
