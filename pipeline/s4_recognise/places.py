"""Places: administrative units (with or without their unit word) and countries."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..lexicons import PlaceUnit
from .lookup import PhraseTable, is_alpha, is_cap, is_word_start, require_words, texts, word_ends_at
from .spans import PlaceInfo

__all__ = ["PlaceRecogniser", "place_key", "LEVEL_CLASS"]

_DASH = re.compile(r"\s*[-–]\s*")

LEVEL_CLASS = {
    "province": "vnkg:Province", "city": "vnkg:Province", "district": "vnkg:District",
    "town": "vnkg:District", "ward": "vnkg:Ward", "country": "vnkg:Country", "place": "schema:Place",
    "region": "schema:Place",
}
_UNIT_LEVELS = {  # which gazetteer levels a unit word may name
    "province": ("province",), "city": ("province", "district"), "district": ("district",),
    "town": ("district",), "ward": ("ward",),
}


@Language.factory("vnkg_places", requires=["token.tag", "token.is_sent_start"],
                  assigns=["doc.spans", "span._.place"])
def make_places(nlp: Language, name: str) -> PlaceRecogniser:
    return PlaceRecogniser(nlp)


class PlaceRecogniser:
    """Find places; write ``doc.spans["places"]``.

    A unit word followed by a name ("tỉnh Phú Thọ", "quận 7", "TP.Hà Nội")
    is a place whatever the name; a bare name is a place only when it is a
    province or a country ("Hà Nội", "Nhật Bản"). Each span's ``_.place``
    (:class:`PlaceInfo`) holds its canonical name, level, class and key.
    """

    def __init__(self, nlp: Language):
        gaz = lexicons.gazetteer()
        # Other names first: "Huế" is the old "Thừa Thiên Huế" as much as the new city.
        bare = [(alias, ("province", canonical)) for alias, canonical in lexicons.place_aliases().items()]
        bare += [(name, ("province", name)) for name, entries in gaz.items()
                 if any(e.level == "province" for e in entries)]
        bare += [(alias, ("country", canonical)) for alias, canonical in lexicons.countries().items()]
        bare += [(alias, ("region", canonical)) for alias, canonical in lexicons.regions().items()]
        self.bare = PhraseTable(nlp, bare, attr="ORTH")
        self.units = PhraseTable(nlp, [(s, u) for s, u in lexicons.place_units().items()])
        self.unit_compounds = PhraseTable(nlp, [(w, w) for w in lexicons.words("unit_compound")])
        units = lexicons.place_units()
        # "Huyện ủy Tuy Phước": a district's party committee names its unit without the unit word
        self.committees = PhraseTable(nlp, [(committee, units[unit]) for unit, committee
                                            in lexicons.party_committees().items()
                                            if unit in units and units[unit].level in ("city", "district", "town")
                                            and not committee.lower().endswith(unit)], attr="ORTH")
        self.gazetteer = gaz
        self.region_lower = lexicons.words("region_lower")  # "châu Âu": a region written in lower case
        self.coordinator = lexicons.words("coordinator")
        self.address = frozenset(lexicons.honorifics())  # a country named like a form of address ("Anh")
        self.measures = PhraseTable(nlp, [(s, s) for s in lexicons.units()], attr="ORTH")
        self.syllables = lexicons.syllables()
        self.org_suffixes = frozenset(lexicons.lines("org_suffixes.txt"))

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_places")
        spans: list[Span] = []
        taken: set[int] = set()
        units = dict(self.units.at(doc))
        for hits in self.unit_compounds.at(doc).values():
            units.pop(hits[0][0] - 1, None)  # "Hợp tác *xã*": the compound's last word is no unit word here
        for i in range(len(doc)):
            if i in taken or i not in units:
                continue
            for unit_end, unit in units[i]:
                found = self._named_unit(doc, i, unit_end, unit) or self._listed(doc, unit_end, unit)
                while found is not None:
                    spans.append(found)
                    taken.update(range(found.start, found.end))
                    found = self._coordinated(doc, found, unit)  # "xã Xuân Phú, Xuân Thắng"
                if spans and spans[-1].start == i:
                    break
        bare = self.bare.at(doc)
        in_units = {j for start, hits in self.measures.at(doc).items() for j in range(start + 1, hits[0][0])}
        for i in range(len(doc)):
            if i in taken or i not in bare or i in in_units:  # "đô la Mỹ": a currency, not the country
                continue
            end, (level, canonical) = bare[i][0]
            # underthesea glues a foreign name to the word before it ("thăm Chile") or after it
            # ("Bahrain Hamad", "Chile nhằm"); a country's name of no Vietnamese syllable is read there too, but not
            # inside a brand ("Petro Vietnam", "Vietnam Airlines")
            foreign = all(t.text.isascii() and t.lower_ not in self.syllables for t in doc[i:end])
            if not (is_word_start(doc[i]) or _after_acronym(doc, i) or foreign and i > 0 and doc[i - 1].text.islower()):
                continue
            capitalised = all(is_cap(t) for t in doc[i:end] if is_alpha(t))
            glued = foreign and end < len(doc) and doc[end].text not in self.org_suffixes \
                or level not in ("region", "country") and self._name_after(doc, end)  # "Tỉnh ủy Bắc Ninh *Vương …*"
            if not (word_ends_at(doc, end) or glued) or level != "region" and not capitalised:
                continue
            if level == "region" and not is_cap(doc[i]) and doc[i].lower_ not in self.region_lower:
                continue
            if canonical.lower() in self.address and (doc[i].is_sent_start or end < len(doc) and is_cap(doc[end])):
                continue  # "Anh Phan Thanh Hải", "Anh thông qua...": the form of address, not England
            spans.append(self._span(doc, i, end, level, canonical, None))
            taken.update(range(i, end))
        spans += self._after_committee(doc, taken)
        spans += self._repeated(doc, spans, taken)
        spans += self._before_bracket(doc, spans, taken)
        doc.spans["places"] = sorted(spans, key=lambda s: s.start)
        return doc

    def _named_unit(self, doc: Doc, i: int, unit_end: int, unit: PlaceUnit) -> Span | None:
        """``unit_end`` follows a unit word: read the unit's name if there is one."""
        if unit_end >= len(doc):
            return None
        first = doc[unit_end]
        if first.text.isdigit() and unit.level in ("district", "ward"):
            return self._span(doc, i, unit_end + 1, unit.level, f"{unit.canonical.title()} {first.text}", unit)
        if first.is_sent_start or first.text.lower() in lexicons.stopwords() | lexicons.not_names():
            return None  # "phường. Tại cuộc họp": the next sentence, not a name
        acronym = first.text.isupper() and len(first.text) > 1 and first.text not in lexicons.place_aliases()
        if not is_cap(first) or acronym:
            return None
        run_end = unit_end
        while run_end < len(doc) and run_end - unit_end < 6 and (
                is_cap(doc[run_end])
                or doc[run_end].text in "-–" and run_end + 1 < len(doc) and is_cap(doc[run_end + 1])):
            run_end += 1  # "tỉnh Bà Rịa - Vũng Tàu"
        # Longest name the gazetteer knows (or knows but for diacritics), else the first word of the run.
        for end in range(run_end, unit_end, -1):
            name = doc[unit_end:end].text
            if not self._known(name, unit):
                name = _DASH.sub(" - ", name)  # "Thừa Thiên- Huế" as the data writes it ("TT-Huế" as written)
            # a known name ends a word, or a lower-case word underthesea glued on ("huyện Quế Võ *họp*")
            ends = (word_ends_at(doc, end) or end < len(doc) and doc[end].text[:1].islower()
                    or self._name_after(doc, end))
            if self._known(name, unit) and ends:
                # a unit of this level the data knows by the name as written is that unit, not what an alias
                # of the name stands for ("thành phố Vũng Tàu", "thành phố Huế"; "tỉnh Vũng Tàu" is the province)
                own = any(e.level in _UNIT_LEVELS[unit.level] for e in self.gazetteer.get(name, ()))
                return self._span(doc, i, end, unit.level, name if own else self._canonical(name), unit)
            folded = self._folded(name, unit)
            if folded and ends:  # "tỉnh Đăk Lăk": the gazetteer's spelling
                return self._span(doc, i, end, unit.level, folded, unit)
        end = unit_end + 1
        while end < run_end and not is_word_start(doc[end]):
            end += 1
        if not word_ends_at(doc, end) and doc[end].text[:1].islower():
            return None  # "thị trường TP. Sản phẩm": the name is a lower-case word's start
        if first.text in lexicons.surnames() and end - unit_end >= 3:
            return None  # "UBND thành phố Lê Hồng Sơn": a three-syllable name the gazetteer lacks is a person
        return self._span(doc, i, end, unit.level, doc[unit_end:end].text, unit)

    def _name_after(self, doc: Doc, end: int) -> bool:
        """A person's name underthesea glued on ("tỉnh Bắc Ninh *Vương Quốc Tuấn*"): a
        surname and at least one more capitalised syllable."""
        return end + 1 < len(doc) and doc[end].text in lexicons.surnames() and is_cap(doc[end + 1])

    def _listed(self, doc: Doc, unit_end: int, unit: PlaceUnit) -> Span | None:
        """The first of the names listed after a unit word and a colon ("các huyện: Đầm Hà,
        Tiên Yên"): only a name the administrative data knows at that level."""
        if unit_end + 1 >= len(doc) or doc[unit_end].text != ":":
            return None
        start = unit_end + 1
        for end in range(min(len(doc), start + 4), start, -1):
            name = doc[start:end].text
            if is_cap(doc[start]) and word_ends_at(doc, end) \
                    and any(e.level in _UNIT_LEVELS[unit.level] for e in self.gazetteer.get(name, ())):
                return self._span(doc, start, end, unit.level, self._canonical(name), unit)
        return None

    def _after_committee(self, doc: Doc, taken: set[int]) -> list[Span]:
        """"Thị ủy *Kỳ Anh*", "Quận ủy *Tân Phú*": the unit a district-level party committee is
        named after, only a name the administrative data knows at the committee's level."""
        found = []
        for hits in self.committees.at(doc).values():
            start, unit = hits[0]
            if start in taken or start >= len(doc) or not is_cap(doc[start]):
                continue
            for end in range(min(len(doc), start + 4), start, -1):
                name = doc[start:end].text
                if taken & set(range(start, end)) or not word_ends_at(doc, end) and not self._name_after(doc, end):
                    continue
                known = name if self._known(name, unit) else self._folded(name, unit)
                if known and all(is_cap(t) for t in doc[start:end] if is_alpha(t)):
                    found.append(self._span(doc, start, end, unit.level, self._canonical(known), None))
                    taken.update(range(start, end))
                    break
        return found

    def _repeated(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """A name the report gave a unit word once ("thành phố La Haye") is that place everywhere."""
        names = {}
        for span in spans:
            a = span._.place
            if a.unit and a.name not in self.gazetteer and not a.name[:1].isdigit():
                names[tuple(a.name.split())] = span
        found = []
        tokens = texts(doc)
        for words, model in names.items():
            for i in range(len(doc) - len(words) + 1):
                end = i + len(words)
                if tokens[i] != words[0] or taken & set(range(i, end)) or tuple(tokens[i:end]) != words:
                    continue
                if is_word_start(doc[i]) and word_ends_at(doc, end):
                    a = model._.place
                    found.append(self._span(doc, i, end, a.level, a.name, None))
                    taken.update(range(i, end))
        return found

    def _before_bracket(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """"Mai Châu (tỉnh Hòa Bình)": a name the gazetteer places inside the bracketed unit."""
        found = []
        for span in spans:
            a = span._.place
            if a.level not in ("province", "district") or span.start < 3 or doc[span.start - 1].text != "(":
                continue
            end = span.start - 1
            for start in range(max(0, end - 4), end - 1):
                name = doc[start:end].text
                if taken & set(range(start, end)) or not all(is_cap(t) for t in doc[start:end]):
                    continue
                inside = [e for e in self.gazetteer.get(name, ()) if e.level != "province"
                          and (e.province == a.name or a.level != "province" and e.province == a.province)]
                if inside and is_word_start(doc[start]):
                    found.append(self._span(doc, start, end, inside[0].level, name, None))
                    taken.update(range(start, end))
                    break
        return found

    def _coordinated(self, doc: Doc, previous: Span, unit: PlaceUnit) -> Span | None:
        """A second name of the same kind after a comma or "và": "2 xã Xuân Phú, Xuân Thắng"."""
        j = previous.end
        if j + 1 >= len(doc) or not (doc[j].text == "," or doc[j].text in self.coordinator) or not is_cap(doc[j + 1]):
            return None
        for end in range(min(len(doc), j + 5), j + 1, -1):
            name = doc[j + 1:end].text
            levels = _UNIT_LEVELS[unit.level]
            entries = self.gazetteer.get(name, ())
            if any(e.level == "province" for e in entries):
                return None  # "huyện Đức Thọ, Hà Tĩnh": the province after the district
            if word_ends_at(doc, end) and any(e.level in levels for e in entries):
                return self._span(doc, j + 1, end, unit.level, self._canonical(name), unit)
        return None

    def _folded(self, name: str, unit: PlaceUnit) -> str | None:
        """The one gazetteer name of this level that differs from ``name`` only in diacritics."""
        from ..text import fold

        levels = _UNIT_LEVELS[unit.level]
        found = [n for n in lexicons.gazetteer_folded().get(fold(name), ())
                 if any(e.level in levels for e in self.gazetteer[n])]
        return found[0] if len(found) == 1 else None

    def _known(self, name: str, unit: PlaceUnit) -> bool:
        aliases = lexicons.place_aliases()
        if name in aliases or name in lexicons.countries() or name in aliases.values():  # "Thừa Thiên Huế"
            return True
        levels = _UNIT_LEVELS[unit.level]
        return any(e.level in levels for e in self.gazetteer.get(name, ()))

    def _canonical(self, name: str) -> str:
        return lexicons.place_aliases().get(name, name)

    def _span(self, doc: Doc, start: int, end: int, level: str, canonical: str, unit: PlaceUnit | None) -> Span:
        entries = self.gazetteer.get(canonical, ())
        if level == "city":  # "thành phố X": a province-level city, a city inside a province, or abroad
            written = {e.level for e in entries}
            cities = {e.level for e in entries if e.unit == lexicons.word("city_unit")}
            # "TP Cà Mau": the city of tỉnh Cà Mau, a district; "TP Đà Nẵng", "TP Huế": province-level cities
            level = "province" if "province" in cities else "district" if "district" in cities \
                else "province" if "province" in written else "district" if "district" in written else "place"
        levels = _UNIT_LEVELS.get(level, (level,))
        provinces = {e.province for e in entries if e.level in levels}
        province = next(iter(provinces)) if len(provinces) == 1 else None
        span = Span(doc, start, end, label="place")
        span._.place = PlaceInfo(canonical, level, LEVEL_CLASS.get(level, "schema:Place"),
                                 place_key(canonical, level, province), unit=unit.canonical if unit else None,
                                 unit_text=doc[start].text if unit else None, province=province)
        return span


def _after_acronym(doc: Doc, i: int) -> bool:
    """underthesea glues a name to the acronym before it ("Sở VH&TT Huế")."""
    return i > 0 and doc[i - 1].text.isupper() and len(doc[i - 1].text) > 1


def place_key(name: str, level: str, province: str | None) -> str:
    """Stable key of a place: provinces and countries by name, others with their province."""
    if level in ("province", "country", "region") or province is None:
        return f"{level}:{name}"
    return f"{level}:{name}:{province}"
