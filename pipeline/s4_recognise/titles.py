"""Titles: roles with their bodies read together, and the persons they stand beside."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from .lookup import PhraseTable, is_cap, require_words
from .spans import TitleInfo
from .tokens import table

__all__ = ["TitleRecogniser"]

_AFTER_PERSON = {",", "-", "–", "—", "("}  # "NAME, ROLE", "NAME - ROLE", "NAME (ROLE"
_CLOSERS = {",", ";", ")", "-", "–", ".", ":"}
_DASHES = {"-", "–", "—"}
_CHAIN = {","} | _DASHES  # "Ủy viên Bộ Chính trị, Trưởng ban Kinh tế Trung ương - Trưởng Ban Chỉ đạo Tây Bắc"
_QUOTES = {'"', "“", "”", "«", "'"}


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
    country: str | None = None  # the foreign office's country: "Thủ tướng *Lào*" (never Viet Nam)
    local: bool = False         # a bare unit word follows the body: "Thanh tra *tỉnh*"


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
        self.units = PhraseTable(nlp, [(u, u) for u in lexicons.place_units()])
        self.heads = frozenset(h.split()[0] for h in lexicons.org_heads())
        self.joins = {","} | lexicons.words("coordinator")
        self.owner = lexicons.words("owner")
        self.home = lexicons.words("home_country")

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_titles")
        sentence_starts = table(doc).sentence_starts

        def sentence(i: int) -> int:
            return bisect.bisect_right(sentence_starts, i)

        orgs = {s.start: s for s in doc.spans.get("organisations", [])}
        places = {s.start: s for s in doc.spans.get("places", [])}
        countries = {i: s for i, s in places.items() if s._.place.level == "country"}
        units = self.units.at(doc)
        role_ends = {r.end for r in doc.spans.get("roles", [])}
        starts = {s.start for group in ("places", "persons", "roles", "zones", "organisations")
                  for s in doc.spans.get(group, [])}
        persons_in: dict[int, list[Span]] = {}
        for person in doc.spans.get("persons", []):
            persons_in.setdefault(sentence(person.start), []).append(person)
        phrases_in: dict[int, list[_Phrase]] = {}
        for role in doc.spans.get("roles", []):
            phrase = self._phrase(doc, role, orgs, countries)
            unit = max((e for e, _ in units.get(phrase.end, [])), default=phrase.end)
            if phrase.org >= 0 and unit in places:  # a place the body's span left out: "UBND tỉnh *Đồng Nai*"
                phrase = replace(phrase, end=places[unit].end)
            elif phrase.org >= 0 and unit > phrase.end:  # a bare unit word left out: "Thanh tra *tỉnh*"
                phrase = replace(phrase, end=unit, local=True)
            phrases_in.setdefault(sentence(role.start), []).append(phrase)
        spans = []
        for n, phrases in phrases_in.items():
            persons = persons_in.get(n, [])
            chains = self._chains(doc, phrases)
            # a title before a colon lists the persons up to the next such title: "Ủy viên Bộ Chính trị: A; B;
            # các Ủy viên Trung ương Đảng: C" (C is no Ủy viên of the Bộ Chính trị)
            groups = [c[0].start for c in chains if c[-1].end < len(doc) and doc[c[-1].end].text == ":"]
            # the country of the foreign office right before a name: "Tổng thống *Kenya* A, Thủ tướng Ethiopia"
            abroad = {c[-1].end: c[-1].country for c in chains if c[-1].country}
            for chain in chains:
                until = min((g for g in groups if g > chain[0].start), default=len(doc))
                # a foreign office is not held by a person named as another country's
                ours = {p.country for p in chain if p.country}
                others = {p.start for p in persons if ours and abroad.get(p.start, next(iter(ours))) not in ours}
                span = Span(doc, chain[0].start, chain[-1].end, label="title")
                near = [p for p in persons if p.start < until and p.start not in others]
                span._.title = self._title(doc, chain, near, starts, role_ends)
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
        if role.end in countries:  # "Thủ tướng Anh": a foreign office
            country = countries[role.end]
            name = country._.place.name
            return _Phrase(role.start, -1, role.start, country.end, None if name in self.home else name)
        return _Phrase(role.start, -1, role.start, role.end)

    def _chains(self, doc: Doc, phrases: list[_Phrase]) -> list[list[_Phrase]]:
        chains: list[list[_Phrase]] = []
        for phrase in sorted(phrases, key=lambda p: p.start):
            last = chains[-1][-1] if chains else None
            # offices of two countries are two persons' ("Phó Tổng thống Indonesia, Phó Thủ tướng Thái Lan")
            foreign = last is not None and last.country != phrase.country and None not in (last.country, phrase.country)
            if last is not None and phrase.start == last.end + 1 and doc[last.end].lower_ in self.chain and not foreign:
                chains[-1].append(phrase)
            else:
                chains.append([phrase])
        return chains

    def _title(self, doc: Doc, chain: list[_Phrase], persons: list[Span], starts: set[int],
               role_ends: set[int]) -> TitleInfo:
        start, end = chain[0].start, chain[-1].end
        addressed = end < len(doc) and doc[end].lower_ in self.address  # "ROLE ORG ông NAME"
        before = tuple(p.start for p in persons
                       if p.end < start and (start == p.end + 1 and doc[p.end].text in _AFTER_PERSON
                                             or start == p.end + 2 and doc[p.end].text == doc[p.end + 1].text == "-"
                                             or _bracketed(doc, p.end, start, starts)))
        # "ROLE ORG - ông NAME -": an apposition after a dash, when nobody stands before the title and the name
        # has no title of its own after it ("- Ông A -- Cục trưởng Cục X" begins another item of a list)
        dashed = not before and end + 1 < len(doc) and doc[end].text in _DASHES and doc[end + 1].lower_ in self.address
        # "trợ lý của Ngoại trưởng Mỹ ông A", "người phát ngôn của Tổng thống Nga B": A and B hold the first role
        served = start > 1 and doc[start - 1].lower_ in self.owner and start - 1 in role_ends
        after = () if served else tuple(p.start for p in persons
                                        if p.start == end or p.start == end + 1 and addressed
                                        or p.start == end + 2 and dashed and not _titled_after(doc, p.end, starts))
        first = next((p for p in persons if after and p.start == after[0]), None)
        # a colon that opens a quotation gives the title to its speaker, not to the persons quoted
        quoted = end + 1 < len(doc) and doc[end + 1].text in _QUOTES
        return TitleInfo(
            phrases=tuple((p.role, p.org) for p in chain),
            local=tuple(p.org for p in chain if p.local),
            end=end,
            after=after,
            before=before,
            listed=tuple(p.start for p in persons if p.start > end),
            shared=self._coordinated(doc, first, persons, starts) if first is not None else (),
            colon=end < len(doc) and doc[end].text == ":" and not quoted,
            unnamed=_unnamed_next(doc, end, starts, self.heads) and not self.units.at(doc).get(end - 1),
            plural=start > 0 and doc[start - 1].lower_ in self.plural,
            abroad=any(p.country for p in chain),
            closed=end >= len(doc) or doc[end].text in _CLOSERS,
        )

    def _coordinated(self, doc: Doc, first: Span, persons: list[Span], starts: set[int]) -> tuple[int, ...]:
        """Bare names joined to the one after a title ("nguyên Ủy viên Bộ Chính trị A và B"),
        up to one that has a title of its own ("B - Giám đốc Sở X", "B (Giám đốc …)")."""
        by_start = {p.start: p for p in persons}
        out: list[int] = []
        last = first
        while last.end + 1 < len(doc) and doc[last.end].lower_ in self.joins and last.end + 1 in by_start:
            person = by_start[last.end + 1]
            follows = doc[person.end] if person.end < len(doc) else None
            titled = follows is not None and (follows.text in _AFTER_PERSON and follows.text != ","
                                              or follows.text == "," and person.end + 1 in starts)
            if person._.person.cue or titled:
                break
            out.append(person.start)
            last = person
        return tuple(out)


def _titled_after(doc: Doc, end: int, starts: set[int]) -> bool:
    """A recognised span (a title of its own) after the dashes that follow a name."""
    while end < len(doc) and doc[end].text in _DASHES:
        end += 1
    return end < len(doc) and end in starts and doc[end - 1].text in _DASHES


def _bracketed(doc: Doc, after: int, start: int, starts: set[int]) -> bool:
    """A title later in the bracket after a name, past its age or year of birth:
    "Trần Văn A (45 tuổi, *Giám đốc Công ty X*)"."""
    inside = range(after + 1, start - 1)
    return (doc[after].text == "(" and 0 < start - after <= 8 and doc[start - 1].text == ","
            and not any(doc[i].text in {"(", ")", ","} or i in starts for i in inside))


def _unnamed_next(doc: Doc, end: int, starts: set[int], heads: frozenset[str]) -> bool:
    """Two capitalised words nothing recognised follow the title (past an alias in
    brackets) and begin no organisation's head noun ("Ban", "Sở"): the name of
    its holder, which the person grammar missed ("Chủ tịch JETRO (JETRO)
    *Hiroyuki Ishige*")."""
    if end < len(doc) and doc[end].text == "(":
        close = next((i for i in range(end + 1, min(end + 6, len(doc))) if doc[i].text == ")"), None)
        end = close + 1 if close is not None else end
    name = doc[end:end + 2]  # a name has two capitalised syllables at least ("Jusuf Kalla"), no abbreviation
    return len(name) == 2 and end not in starts and not doc[end].is_sent_start \
        and all(is_cap(t) and not t.text.isupper() for t in name) and name[0].lower_ not in heads
