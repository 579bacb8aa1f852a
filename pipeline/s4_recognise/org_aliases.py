"""Organisations named without a head noun: aliases, brands, news outlets."""
from __future__ import annotations

import unicodedata

from spacy.language import Language
from spacy.tokens import Span

from .. import lexicons
from ..s2_segment import tokenise
from .lookup import is_alpha, is_cap, texts

__all__ = ["OrgAliasRecogniser"]

_CORPORATE = {"schema:Corporation", "schema:BankOrCreditUnion"}


@Language.factory("vnkg_org_aliases")
def make_org_aliases(nlp, name):
    return OrgAliasRecogniser(nlp)


class OrgAliasRecogniser:
    """Add headless organisation mentions to ``doc.spans["organisations"]``.

    * an alias a report defines ("Tổng công ty Hàng hải Việt Nam
      (Vinalines)") or a company's own name after its head ("Tập đoàn
      *Viettel*") is the company wherever else it is written alone;
    * a capitalised Latin name ending in a corporate word ("FPT Software");
    * the outlet after a byline ("Nguyễn Quỳnh/VOV.VN") and the publisher a
      source line names ("Nguồn Hà Nội TV: ...").
    """

    def __init__(self, nlp):
        self.suffixes = frozenset(lexicons.lines("org_suffixes.txt"))

    def __call__(self, doc):
        spans = list(doc.spans.get("organisations", []))
        taken = {i for s in spans for i in range(s.start, s.end)}
        taken |= {i for s in doc.spans.get("persons", []) for i in range(s.start, s.end)}
        taken |= {i for s in doc.spans.get("places", []) for i in range(s.start, s.end)}
        aliases: dict[tuple[str, ...], dict] = {}
        for span in spans:
            attrs = span._.attrs
            names = list(attrs.get("aliases") or [])
            if names and span.end + 2 < len(doc) and doc[span.end].text == "(":
                taken.update(range(span.end, span.end + 3))  # the definition "(Vinatrans)" itself
            body = attrs.get("body")
            if body and attrs["cls"] in _CORPORATE and _distinctive(body):
                names.append(body)
            for alias in names:
                words = tuple(t for t, _, _ in tokenise(alias))
                if words and _distinctive(alias):
                    aliases.setdefault(words, attrs)
        by_first: dict[str, dict] = {}
        for words, attrs in sorted(aliases.items(), key=lambda kv: -len(kv[0])):  # longest first
            by_first.setdefault(words[0], {})[words] = attrs
        countries = {s.start: s for s in doc.spans.get("places", []) if s._.attrs["level"] == "country"}
        added = []
        words = texts(doc)
        for i in range(len(doc)):
            word = words[i]
            if i in taken or not word[:1].isupper():
                continue
            found = ((word in by_first and self._alias_at(doc, i, by_first[word], countries))
                     or (word.isascii() and self._suffix_name(doc, i))
                     or (i >= 2 and words[i - 1] in ("/", "Theo", "theo") and self._outlet(doc, i)))
            if not found:
                continue
            end, attrs = found
            if taken & set(range(i, end)):
                continue
            if attrs is not None and end in countries and attrs["cls"] in _CORPORATE:
                branch = countries[end]  # "NYK Line Việt Nam": the company's branch in a country
                text = doc[i:branch.end].text
                attrs = {**_headless(text), "cls": attrs["cls"], "parent": attrs, "own": text,
                         "span": (doc[i].idx, doc[branch.end - 1].idx + len(doc[branch.end - 1].text))}
                doc.spans["places"] = [s for s in doc.spans["places"] if s is not branch]
                end = branch.end
            span = Span(doc, i, end, label="organisation")
            span._.attrs = attrs if attrs is not None else _headless(span.text)
            added.append(span)
            taken.update(range(i, end))
        publisher = doc.user_data.get("publisher")
        if publisher:
            places = {i for s in doc.spans.get("places", []) for i in range(s.start, s.end)}
            found = self._publisher(doc, publisher, taken - places)
            if found:  # "Nguồn Hà Nội TV": the outlet, not the city
                added += found
                cover = set(range(found[0].start, found[0].end))
                doc.spans["places"] = [s for s in doc.spans["places"] if not cover & set(range(s.start, s.end))]
        doc.spans["organisations"] = sorted(spans + added, key=lambda s: s.start)
        return doc

    def _alias_at(self, doc, i, aliases, countries):
        for words, attrs in aliases.items():
            end = i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words:
                if end < len(doc) and is_cap(doc[end]) and doc[end - 1].whitespace_ and end not in countries:
                    continue  # "FPT Software" is another company than "FPT"
                return end, attrs
        return None

    def _suffix_name(self, doc, i):
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

    def _outlet(self, doc, i):
        """"Nguyễn Quỳnh/VOV.VN", "Thanh Vũ/TTXVN": the name after the slash;
        "Trí Kiên Theo Đời sống Plus": the outlet after a byline."""
        if i >= 2 and doc[i - 1].text == "/" and is_cap(doc[i]) and is_alpha(doc[i]) \
                and any(s.end == i - 1 for s in doc.spans.get("persons", [])):
            name = doc[i].text.split("-")[0] if "-" in doc[i].text else doc[i].text  # "VOV-Trung tâm Tin"
            return i + 1, _known(name) or _headless(name)
        if i >= 2 and doc[i - 1].lower_ == "theo" and is_cap(doc[i]) \
                and any(s.end == i - 1 and s._.attrs.get("byline") for s in doc.spans.get("persons", [])):
            end = i
            while end < len(doc) and not doc[end].is_space and doc[end].text not in ".,;()":
                end += 1
            return end, None
        return None

    def _publisher(self, doc, publisher, taken):
        words = [t for t, _, _ in tokenise(publisher)]
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i:i + len(words)]] == words and not taken & set(range(i, i + len(words))):
                span = Span(doc, i, i + len(words), label="organisation")
                attrs = _headless(span.text)
                attrs["cls"] = "schema:NewsMediaOrganization"
                span._.attrs = attrs
                return [span]
        return []


def _known(text: str) -> dict | None:
    """Attributes of a known national body written by one of its names ("VOV", "TTXVN")."""
    for k in lexicons.known_orgs():
        if text == k.canonical or text in k.aliases:
            attrs = _headless(k.canonical)
            attrs.update(cls=k.cls, known=True, labels=sorted({k.canonical, text}))
            return attrs
    return None


def _headless(text: str) -> dict:
    return {"name": text, "labels": [text], "cls": "schema:Organization", "parent": None, "owner": None,
            "anaphoric": False, "head": None, "place": None, "known": False, "aliases": [], "body": None,
            "base": text, "own": text}


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
