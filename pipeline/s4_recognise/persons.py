"""Persons: Vietnamese names by family name, names after a form of address, bylines, foreign leaders."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..text import is_upper_word
from .lookup import Hits, PhraseTable, is_alpha, is_cap, is_word_start, lower, require_words, texts, word_ends_at
from .person_places import without_place_names
from .spans import PersonInfo

__all__ = ["PersonRecogniser", "person_name"]

_MAX_SYLLABLES = 4
_MAX_FOREIGN = 6  # "Salman Bin Abdul-Aziz Al Saud"
_MAX_LEGAL_FORM = 4  # abbreviations between a company's head noun and its name ("Cty TNHH TM XNK")
_SENTENCE_END = {".", "!", "?", "…", "”", '"', "»", "\n"}
_CREDIT_END = {"/", ")", ",", ".", "-", "–", "—"}  # "Ảnh: Thống Nhất – TTXVN"
_AUTHORS_JOIN = {",", "-", "–", "—"}  # "Phước Tuần - Hà Hương - Chi Mai"
# After NFD: đ, and the breve, circumflex, horn, hook above and dot below.
_VIETNAMESE_MARKS = set("đĐ\u0306\u0302\u031b\u0309\u0323")


@Language.factory("vnkg_persons", requires=["token.tag", "doc.spans"], assigns=["doc.spans", "span._.person"])
def make_persons(nlp: Language, name: str) -> PersonRecogniser:
    return PersonRecogniser(nlp)


class PersonRecogniser:
    """Find persons; write ``doc.spans["persons"]``.

    Four grammars:

    * a form of address or title, then capitalised syllables
      ("ông Nguyễn Đức Chung", "bà Đào", "GS.TS Nguyễn Văn A");
    * a family name from the lexicon, then one to three capitalised
      syllables, on underthesea word boundaries, not after a street or place
      word ("Phó Bí thư Nguyễn Văn Phong", but not "đường Hồ Chí Minh");
    * bylines and photo credits ("... Mai Hà", "Ảnh: QUẾ CHI");
    * foreign leaders: a role, a country, a name no Vietnamese family name
      begins ("Thủ tướng Pakistan Nawar Sharif").

    ``_.person`` (:class:`PersonInfo`) holds the name; ``partial`` marks a
    one-syllable reference ("ông Chung") that linking resolves to a full name.
    Places the names cover are dropped from ``doc.spans["places"]``.
    """

    def __init__(self, nlp: Language):
        self.address = PhraseTable(nlp, lexicons.honorifics().items())
        self.blockers = PhraseTable(nlp, [(w, w) for w in lexicons.person_blockers()])
        heads = [h for h, e in lexicons.org_heads().items() if e.body == "name"]
        self.org_heads = PhraseTable(nlp, [(h, h) for h in heads] + [(f, f) for f in lexicons.legal_forms()])
        self.surnames = lexicons.surnames()
        self.org_suffixes = frozenset(lexicons.lines("org_suffixes.txt"))
        self.titles_at = PhraseTable(nlp, [(r.canonical, r) for r in lexicons.roles().values()]
                                     + [(h.head, h) for h in lexicons.org_heads().values()]).at
        self.titles = {h for h, kind in lexicons.honorifics().items() if kind == "title"}
        self.fields = PhraseTable(nlp, [(f, f) for f in lexicons.ministry_fields()])

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_persons")
        places = {i: s for s in doc.spans.get("places", []) for i in range(s.start, s.end)}
        place_ends = {s.end for s in doc.spans.get("places", [])}
        spans: list[Span] = []
        taken: set[int] = set()

        def add(start: int, end: int, cue: str | None = None, partial: bool = False, byline: bool = False) -> None:
            if end <= start or taken & set(range(start, end)):
                return
            span = Span(doc, start, end, label="person")
            span._.person = PersonInfo(person_name(span.text), cue=cue, partial=partial, byline=byline)
            spans.append(span)
            taken.update(range(start, end))

        for start, end in self._credits(doc):
            add(start, end, cue="byline", byline=True)
        for start, end, title in self._foreign_leaders(doc, places):
            add(start, end, cue=title)
        address = self.address.at(doc)
        words = texts(doc)
        for i in range(len(doc)):
            if i in taken or not (i in address or words[i] in self.surnames or "." in words[i]):
                continue
            cue = None if i in places else self._cue(doc, i, address)
            if cue:
                cue_end, cue_text = cue
                end = self._name_run(doc, cue_end, strict=False)
                if end > cue_end and not _is_place_name(doc[cue_end:end].text):  # not "luật sư Hà Nội"
                    add(cue_end, end, cue=cue_text, partial=end - cue_end == 1)
                    continue
            if i in taken or doc[i].text not in self.surnames or not self._may_start(doc, i, place_ends):
                continue
            if i in places and places[i]._.place.unit:
                continue  # "TP Hồ Chí Minh": the unit word makes it a place
            if self._blocked(doc, i):
                continue
            end = self._name_run(doc, i, strict=True)
            if end - i < 2:
                continue
            place = places.get(i)
            if place is not None and place.start <= i and end <= place.end \
                    and (place.start == i and place.end == end or _is_place_name(doc[i:end].text)):
                continue  # "Hà Nội", "Cao Bằng": a place, not a person
            if doc[i:end].text in lexicons.lunar_years():
                continue  # "Tết Đinh Dậu": a year
            units = lexicons.gazetteer().get(doc[i:end].text, ())
            if end - i == 2 and any(e.level in ("province", "district") for e in units):
                continue  # "Hà Đông", "Kim Sơn": a district's name, not a person without "ông"/"bà"
            add(i, end)
        titled = {end for found in self.titles_at(doc).values() for end, _ in found}
        official = titled | {end for found in self.org_heads.at(doc).values() for end, _ in found}
        spans = without_place_names(doc, spans, {s.text for s in spans if s.start in titled}, official)
        taken = {i for s in spans for i in range(s.start, s.end)}  # a street's name given back to places
        keep = [s for s in doc.spans.get("places", []) if not taken & set(range(s.start, s.end))]
        doc.spans["places"] = keep
        doc.spans["persons"] = sorted(spans, key=lambda s: s.start)
        return doc

    def _cue(self, doc: Doc, i: int, address: Hits[str]) -> tuple[int, str] | None:
        """A form of address or title starting at ``i``: (end, text)."""
        if i in address:
            end, kind = address[i][0]
            if kind == "title" or end < len(doc) and is_cap(doc[end]):
                return end, doc[i:end].text
        parts = doc[i].text.rstrip(".").split(".")
        if len(parts) > 1 and all(p in self.titles for p in parts):  # GS.TS, PGS.TS.
            end = i + 1
            if end < len(doc) and doc[end].text == ".":
                end += 1
            return end, doc[i:end].text
        return None

    def _name_run(self, doc: Doc, start: int, strict: bool) -> int:
        """End of the personal name starting at ``start`` (``start`` if none)."""
        end = start
        upper = start < len(doc) and is_upper_word(doc[start].text) and len(doc[start].text) > 1
        while end < len(doc) and end - start < _MAX_SYLLABLES and is_cap(doc[end]) and is_alpha(doc[end]):
            tok = doc[end].text
            if (is_upper_word(tok) and len(tok) > 1) != upper or not tok.isalpha():
                break
            if end > start and (doc[end - 1].whitespace_ != " " or tok.lower() in lexicons.not_names()):
                break  # "ông Đinh La Thăng Chiều 13/5": the next sentence begins
            if end > start and _starts_word(doc, end):
                break  # "Đoàn *Luật sư*", "Lê Duy Phong *Báo cáo*": a common word, not a given name
            end += 1
        if strict:  # the name ends where underthesea's word ends, or where it glued a verb on
            while end > start and not (word_ends_at(doc, end) or doc[end].text[:1].islower()):
                end -= 1
            while end > start + 1 and any(e > end for e, _ in self.titles_at(doc).get(end - 1, ())):
                end -= 1  # "Đoàn *Chủ* tịch": the role word, not a given name
        return end

    def _may_start(self, doc: Doc, i: int, place_ends: set[int]) -> bool:
        """A name starts a word, or follows an acronym or a place underthesea glued it to
        ("TN&MT Hồ Huy Thành", "tỉnh Bắc Ninh Vương Quốc Tuấn")."""
        if is_word_start(doc[i]) or i in place_ends:
            return True
        before = doc[i - 1].text
        return is_upper_word(before) and len(before) > 1

    def _blocked(self, doc: Doc, i: int) -> bool:
        """A name right after a street, place or organisation word is part of that name, also
        past the abbreviated legal form of a company ("Cty TNHH TM XNK *Hoàng Gia Phát*")."""
        k = i
        while k > 0 and i - k < _MAX_LEGAL_FORM and is_upper_word(doc[k - 1].text) and len(doc[k - 1].text) > 1:
            k -= 1
        return self._after_blocker(doc, i) or k < i and self._after_blocker(doc, k)

    def _after_blocker(self, doc: Doc, i: int) -> bool:
        for table in (self.blockers, self.org_heads):
            found = table.at(doc)
            for back in (1, 2, 3):
                j = i - back
                if j >= 0 and is_word_start(doc[j]) and any(end == i for end, _ in found.get(j, ())):
                    if table is self.blockers and is_cap(doc[j]) and j > 0 and not doc[j].is_sent_start:
                        continue  # "Phố" capitalised is a name part, blockers are common nouns
                    return True
        return False

    def _foreign_leaders(self, doc: Doc, places: dict[int, Span]) -> Iterator[tuple[int, int, str]]:
        """"Tổng thống Mỹ Donald Trump", "Thủ tướng Pakistan Nawar Sharif": a role, a
        country, then a name that no Vietnamese family name begins; with no country,
        a name in plain Latin letters ("Tổng thống Donald Trump")."""
        countries = {s.start: s for s in set(places.values()) if s._.place.level == "country"}
        for i, found in self.titles_at(doc).items():
            role_ends = [end for end, entry in found if isinstance(entry, lexicons.RoleEntry)]
            if not role_ends or not is_word_start(doc[i]):
                continue
            role_end = max(role_ends)
            entry = next(e for end, e in found if end == role_end and isinstance(e, lexicons.RoleEntry))
            field = self.fields.longest(doc, role_end) if entry.field_org else None
            if field is not None and field[0] in countries:  # "Bộ trưởng *Ngoại giao* Nhật Bản Fumio Kishida"
                role_end = field[0]
            country = countries.get(role_end)
            start = country.end if country is not None else role_end
            end = self._name_run(doc, start, strict=False)
            if country is not None or end - start == _MAX_SYLLABLES:
                end = _foreign_run(doc, start, end)
            name = doc[start:end]
            if len(name) < 2 or end < 0 or name[0].text in self.surnames or _is_place_name(name.text) \
                    or any(w.text.lower() in lexicons.not_names() or w.text in self.org_suffixes for w in name):
                continue
            sino = country is not None and country._.place.name in lexicons.words("sino_vietnamese")
            if _looks_vietnamese(name.text) and not sino:
                continue  # "Tổng thống Mỹ *Nhà Trắng*": Vietnamese words, not a foreign name
            if country is None and not all(_foreign_word(w.text) for w in name):
                continue  # with no country, only a name in plain Latin letters ("Tổng thống Donald Trump")
            yield start, end, doc[i:start].text

    def _credits(self, doc: Doc) -> Iterator[tuple[int, int]]:
        """Token ranges of names in photo credits ("Ảnh: QUẾ CHI", "(Ảnh: Hồng Phú)") and bylines."""
        n = len(doc)
        words = texts(doc)
        photo = lexicons.words("photo")
        for i, word in enumerate(words):
            if word.lower() not in photo or i + 1 >= n:
                continue
            if words[i + 1] == ":":
                end = self._name_run(doc, i + 2, strict=False)
                if end - (i + 2) >= 2 and self._credit_ends(doc, i + 2, end):
                    yield i + 2, end
            elif is_cap(doc[i]) and is_cap(doc[i + 1]):  # "… họp báo. Ảnh Tiến Dũng": a caption's credit
                end = self._name_run(doc, i + 1, strict=False)
                line_ends = end >= n or doc[end].is_space and "\n" in doc[end].text
                if end - (i + 1) >= 2 and line_ends and not _is_province_or_country(doc[i + 1:end].text):
                    yield i + 1, end
        yield from self._byline(doc)

    def _credit_ends(self, doc: Doc, start: int, end: int) -> bool:
        """A credited name is in capitals, starts with a family name, or ends the credit."""
        if doc[end - 1].text in self.org_suffixes:
            return False  # "Ảnh: European Pressphoto Agency": an agency
        if is_upper_word(doc[start].text) or doc[start].text in self.surnames:
            return True
        return end >= len(doc) or doc[end].text in _CREDIT_END or doc[end].is_space

    def _byline(self, doc: Doc) -> Iterator[tuple[int, int]]:
        """The last line's tail after its last sentence: "… nói. Mai Hà", "Tin, ảnh: VĂN YÊN (…)",
        "Vân Thiêng, Diệu Linh/VOV", "Trí Kiên Theo Đời sống Plus"."""
        source = lexicons.words("source")
        end = len(doc)
        while end > 0 and doc[end - 1].is_space:
            end -= 1
        start = end
        while start > 0 and doc[start - 1].text not in _SENTENCE_END and not doc[start - 1].is_space:
            start -= 1
        tail = [t for t in doc[start:end] if not t.is_space]
        credit = lexicons.words("credit")
        while tail and (lower(tail[0]) in credit or tail[0].text in {",", ":"}):
            tail.pop(0)
        if not tail:
            return
        pos, found = tail[0].i, []
        while pos < end:
            stop = self._name_run(doc, pos, strict=False)
            stop = next((j for j in range(pos, stop) if lower(doc[j]) in source), stop)  # "… Theo Đời sống"
            if stop - pos < 2:
                break
            found.append((pos, stop))
            if stop < end and doc[stop].text in _AUTHORS_JOIN and stop + 1 < end:  # "Hoài Văn - Hà Anh"
                pos = stop + 1
                continue
            pos = stop
            break
        rest = [t.text for t in doc[pos:end] if not t.is_space]
        if found and (not rest or rest[0] in {"/", "("} or rest[0].lower() in source):
            yield from found


def _starts_word(doc: Doc, i: int) -> bool:
    """A capitalised syllable that, with the lower-case one after it, is a dictionary word."""
    if i + 1 >= len(doc) or not doc[i + 1].text.islower():
        return False
    return f"{doc[i].text} {doc[i + 1].text}".lower() in lexicons.dictionary()


def _foreign_run(doc: Doc, start: int, end: int) -> int:
    """End of a foreign name read past :meth:`_name_run`'s stop ``end``: hyphenated words
    ("Salman Bin *Abdul-Aziz Al Saud*") and up to :data:`_MAX_FOREIGN` words; -1 when the
    name goes on past that or into a syllable of no Vietnamese word, as a name cut short is no one's.

    >>> import pipeline
    >>> doc = pipeline.nlp().make_doc("Quốc vương Salman Bin Abdul-Aziz Al Saud đến.")
    >>> doc[_foreign_run(doc, 2, 4) - 1].text
    'Saud'
    """
    while end < len(doc) and is_cap(doc[end]) and all(p.isalpha() for p in doc[end].text.split("-")) \
            and doc[end - 1].whitespace_ == " " and end - start <= _MAX_FOREIGN:
        end += 1
    if end - start > _MAX_FOREIGN or not word_ends_at(doc, end) and doc[end].lower_ not in lexicons.syllables():
        return -1  # "Na-oa Sa *ríp*": a transliteration goes on (not "Joe Biden *dự*", a verb glued on)
    return end


def _foreign_word(word: str) -> bool:
    """A word of a foreign personal name: plain Latin letters, capitalised, no acronym, no place.

    >>> _foreign_word("Donald"), _foreign_word("UBND"), _foreign_word("Vietnam"), _foreign_word("Hải")
    (True, False, False, False)
    """
    return word.isascii() and word.isalpha() and word[:1].isupper() and word[1:].islower() \
        and not _is_place_name(word)


def _looks_vietnamese(text: str) -> bool:
    """Letters or tone marks only Vietnamese uses (ă, ơ, ư, đ…, the hook and the dot below).

    >>> _looks_vietnamese("Nhà Trắng"), _looks_vietnamese("Emmanuel Macron"), _looks_vietnamese("François")
    (True, False, False)
    """
    return any(c in _VIETNAMESE_MARKS for c in unicodedata.normalize("NFD", text))


def _is_province_or_country(text: str) -> bool:
    """ "Hà Nội", "Nhật Bản": a name no one is named after (a ward's name may be a person's)."""
    provinces = any(e.level == "province" for e in lexicons.gazetteer().get(text, ()))
    return provinces or text in lexicons.countries() or text in lexicons.place_aliases()


def _is_place_name(text: str) -> bool:
    return (text in lexicons.gazetteer() or text in lexicons.countries() or text in lexicons.place_aliases()
            or text in lexicons.regions())


def person_name(surface: str) -> str:
    """Canonical form of a personal name: bylines in capitals become title case.

    Examples
    --------
    >>> person_name("TẤT THẢO"), person_name("Nguyễn Văn Phong")
    ('Tất Thảo', 'Nguyễn Văn Phong')
    """
    words = surface.split()
    if all(is_upper_word(w) for w in words):
        words = [w[:1] + w[1:].lower() for w in words]
    return " ".join(words)
