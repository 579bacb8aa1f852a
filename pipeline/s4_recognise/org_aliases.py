"""Organisations named without a head noun: aliases, brands, news outlets."""
from __future__ import annotations

import unicodedata
from collections.abc import Collection

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..s2_segment import tokenise
from .lookup import PhraseTable, is_alpha, is_cap, require_words, texts
from .org_brands import BrandReader
from .spans import OrgInfo

__all__ = ["OrgAliasRecogniser"]

_CORPORATE = {"schema:Corporation", "schema:BankOrCreditUnion"}


@Language.factory("vnkg_org_aliases", requires=["token.tag", "doc.spans"],
                  assigns=["doc.spans", "span._.org"])
def make_org_aliases(nlp: Language, name: str) -> OrgAliasRecogniser:
    return OrgAliasRecogniser(nlp)


class OrgAliasRecogniser:
    """Add headless organisation mentions to ``doc.spans["organisations"]``.

    * an alias a report defines ("Tổng công ty Hàng hải Việt Nam
      (Vinalines)") or a company's own name after its head ("Tập đoàn
      *Viettel*"), wherever else it is written alone: its ``_.org.refers_to``
      is the mention it abbreviates, which linking resolves;
    * a capitalised Latin name ending in a corporate word ("FPT Software");
    * a brand alone (``org_brands``): "Vietcombank", "hãng Doosan";
    * the outlet after a byline ("Nguyễn Quỳnh/VOV.VN") and the publisher a
      source line names ("Nguồn Hà Nội TV: ...").
    """

    def __init__(self, nlp: Language):
        self.suffixes = frozenset(lexicons.lines("org_suffixes.txt"))
        self.source = lexicons.words("source")
        self.brands = BrandReader(nlp)
        self.units = PhraseTable(nlp, lexicons.place_units().items())

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_org_aliases")
        spans = list(doc.spans.get("organisations", []))
        taken = {i for s in spans for i in range(s.start, s.end)}
        taken |= {i for s in doc.spans.get("persons", []) for i in range(s.start, s.end)}
        taken |= {i for s in doc.spans.get("places", []) for i in range(s.start, s.end)}
        aliases: dict[tuple[str, ...], OrgInfo] = {}
        for span in spans:
            info = span._.org
            names = list(info.aliases)
            if names and span.end + 2 < len(doc) and doc[span.end].text == "(":
                taken.update(range(span.end, span.end + 3))  # the definition "(Vinatrans)" itself
            if info.body and info.cls in _CORPORATE and _distinctive(info.body):
                names.append(info.body)
            for alias in names:
                alias_words = tuple(t for t, _, _ in tokenise(alias))
                if alias_words and _distinctive(alias):
                    aliases.setdefault(alias_words, info)
        by_first: dict[str, dict[tuple[str, ...], OrgInfo]] = {}
        for alias_words, defined in sorted(aliases.items(), key=lambda kv: -len(kv[0])):  # longest first
            by_first.setdefault(alias_words[0], {})[alias_words] = defined
        countries = {s.start: s for s in doc.spans.get("places", []) if s._.place.level == "country"}
        provinces = {s.start for s in doc.spans.get("places", []) if s._.place.level == "province"}
        added = []
        words = texts(doc)
        for i in range(len(doc)):
            word = words[i]
            if i in taken or not word[:1].isupper():
                continue
            found = ((word in by_first and self._alias_at(doc, i, by_first[word], countries.keys() | provinces))
                     or ("-" in word and _glued_known(doc, i))
                     or (word.isascii() and self._suffix_name(doc, i))
                     or (i >= 2 and (words[i - 1] == "/" or words[i - 1].lower() in self.source)
                         and self._outlet(doc, i)))
            if not found:
                continue
            end, info = found
            if taken & set(range(i, end)):
                continue
            if info is not None and info.refers_to and end in countries and info.cls in _CORPORATE:
                branch = countries[end]  # "NYK Line Việt Nam": the company's branch in a country
                info = _headless(doc[i:branch.end], info.cls, owner=info)
                doc.spans["places"] = [s for s in doc.spans["places"] if s is not branch]
                end = branch.end
            elif info is not None and info.refers_to and info.cls in _CORPORATE:
                end, info = self._local_branch(doc, i, end, info)  # "NHCSXH tỉnh Thái Bình"
            span = Span(doc, i, end, label="organisation")
            span._.org = info if info is not None else _headless(span)
            added.append(span)
            taken.update(range(i, end))
        for start, end, cls in self.brands.read(doc, taken):  # "Vietcombank", "hãng Doosan"
            span = Span(doc, start, end, label="organisation")
            span._.org = _headless(span, cls)
            added.append(span)
            taken.update(range(start, end))
        publisher = doc._.publisher
        if publisher:
            places = {i for s in doc.spans.get("places", []) for i in range(s.start, s.end)}
            outlet = self._publisher(doc, publisher, taken - places)
            if outlet:  # "Nguồn Hà Nội TV": the outlet, not the city
                added += outlet
                cover = set(range(outlet[0].start, outlet[0].end))
                doc.spans["places"] = [s for s in doc.spans["places"] if not cover & set(range(s.start, s.end))]
        doc.spans["organisations"] = sorted(spans + added, key=lambda s: s.start)
        return doc

    def _alias_at(self, doc: Doc, i: int, aliases: dict[tuple[str, ...], OrgInfo],
                  branches: Collection[int]) -> tuple[int, OrgInfo | None] | None:
        for words, defined in aliases.items():
            end = i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words:
                if end < len(doc) and is_cap(doc[end]) and doc[end - 1].whitespace_ and end not in branches:
                    continue  # "FPT Software" is another company than "FPT"
                return end, _headless(doc[i:end], defined.cls, refers_to=(defined.start, defined.end))
        return None

    def _local_branch(self, doc: Doc, start: int, end: int, info: OrgInfo) -> tuple[int, OrgInfo]:
        """An alias followed by a province, or by the unit word of one: the company's branch there."""
        place = next((s for s in doc.spans.get("places", []) if s.start == end), None)
        if place is not None and place._.place.level == "province":
            branch = doc[start:place.end]
            unit = place._.place.unit or next((e.unit for e in lexicons.gazetteer().get(place._.place.name, ())
                                               if e.level == "province" and e.unit), None)
            own = f"{doc[start:end].text} {unit} {place._.place.name}" if unit else branch.text  # one name for both
            return place.end, OrgInfo(info.cls, branch.text, own, branch.start_char, branch.end_char,
                                      place=place._.place, place_text=place._.place.name, owner=info)
        unit = self.units.longest(doc, end)
        if unit is not None and unit[1].level in ("province", "city") \
                and not (unit[0] < len(doc) and is_cap(doc[unit[0]])):
            branch = doc[start:unit[0]]
            return unit[0], OrgInfo(info.cls, branch.text, branch.text, branch.start_char, branch.end_char,
                                    implicit_level=unit[1].level, owner=info)
        return end, info

    def _suffix_name(self, doc: Doc, i: int) -> tuple[int, OrgInfo | None] | None:
        stop = lexicons.stopwords()
        if not (is_cap(doc[i]) and _latin(doc[i].text)) or doc[i].lower_ in stop:
            return None  # "Theo Sun Group": the preposition is no part of the name
        if i > 0 and is_cap(doc[i - 1]) and _latin(doc[i - 1].text) and doc[i - 1].lower_ not in stop:
            return None
        end = i
        while end < len(doc) and is_cap(doc[end]) and _latin(doc[end].text) and end - i < 5:
            end += 1
        if end - i >= 2 and doc[end - 1].text.rstrip(".") in self.suffixes:
            return end, None
        return None

    def _outlet(self, doc: Doc, i: int) -> tuple[int, OrgInfo | None] | None:
        """"Nguyễn Quỳnh/VOV.VN", "Thanh Vũ/TTXVN": the name after the slash;
        "Trí Kiên Theo Đời sống Plus": the outlet after a byline."""
        if i >= 2 and doc[i - 1].text == "/" and is_cap(doc[i]) and is_alpha(doc[i]) \
                and any(s.end == i - 1 for s in doc.spans.get("persons", [])):
            name = doc[i].text.split("-")[0] if "-" in doc[i].text else doc[i].text  # "VOV-Trung tâm Tin"
            return i + 1, _known(name, doc[i:i + 1]) or _headless(doc[i:i + 1], own=name)
        if i >= 2 and doc[i - 1].lower_ in self.source and is_cap(doc[i]) \
                and any(s.end == i - 1 and s._.person.byline for s in doc.spans.get("persons", [])):
            end = i
            while end < len(doc) and not doc[end].is_space and doc[end].text not in ".,;()":
                end += 1
            return end, None
        return None

    def _publisher(self, doc: Doc, publisher: str, taken: set[int]) -> list[Span]:
        words = [t for t, _, _ in tokenise(publisher)]
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i:i + len(words)]] == words and not taken & set(range(i, i + len(words))):
                span = Span(doc, i, i + len(words), label="organisation")
                span._.org = _headless(span, "schema:NewsMediaOrganization")
                return [span]
        return []


def _glued_known(doc: Doc, i: int) -> tuple[int, OrgInfo | None] | None:
    """"Ảnh: Nhan Sáng-TTXVN": a known body's abbreviation glued by a hyphen to a credited name."""
    tail = doc[i].text.rsplit("-", 1)[1]
    if not (tail.isupper() and len(tail) >= 2):
        return None
    info = _known(tail, doc[i:i + 1])
    return (i + 1, info) if info is not None else None


def _known(text: str, span: Span) -> OrgInfo | None:
    """A known national body written by one of its names ("VOV", "TTXVN")."""
    for k in lexicons.known_orgs():
        if text == k.canonical or text in k.aliases:
            return OrgInfo(k.cls, text, text, span.start_char, span.end_char, known=k.canonical)
    return None


def _headless(span: Span, cls: str = "schema:Organization", own: str | None = None, owner: OrgInfo | None = None,
              refers_to: tuple[int, int] | None = None) -> OrgInfo:
    """An organisation named without a head noun."""
    return OrgInfo(cls, own or span.text, own or span.text, span.start_char, span.end_char, owner=owner,
                   refers_to=refers_to)


def _latin(word: str) -> bool:
    """Written in plain Latin letters (a brand), not Vietnamese syllables."""
    return all(ord(c) < 128 for c in unicodedata.normalize("NFC", word) if c.isalpha())


def _distinctive(name: str) -> bool:
    """Specific enough to be the organisation wherever written alone."""
    words = name.split()
    if not words or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    if name in lexicons.countries() or name in lexicons.gazetteer():
        return False
    return len(words) >= 2 or _latin(name) and len(name) >= 3
