"""Organisations: a head noun, its name, its parent body and its locality."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..lexicons import OrgHead
from ..text import is_upper_word
from .lookup import PhraseTable, is_alpha, is_cap, is_stopword, is_word_start, lower, require_words
from .org_names import OrgName, org_info

__all__ = ["OrganisationRecogniser"]

_JOINING_MARKS = {"&", "-", "–"}
_CODE = re.compile(r"^\d+[-/][A-Za-zĐđ]")  # 07-CTr/TU, 277/CTr-UBND; not 2012-2017
_MAX_LOWER = 6
# Bodies a lower-case head noun refers back to ("phòng Nhân sự *công ty*").
_REFERABLE = {"schema:Corporation", "schema:BankOrCreditUnion", "schema:EducationalOrganization",
              "schema:CollegeOrUniversity", "schema:Hospital"}


@Language.factory("vnkg_organisations", requires=["token.tag", "doc.spans"], assigns=["doc.spans", "span._.org"])
def make_organisations(nlp: Language, name: str) -> OrganisationRecogniser:
    return OrganisationRecogniser(nlp)


class OrganisationRecogniser:
    """Find organisations; write ``doc.spans["organisations"]``.

    An organisation is a known body ("Quốc hội", "TTXVN") or a head noun
    (org_heads.tsv) read by its rule: a name of capitalised words, a field
    of government, a legal form, a numbered programme and lower-case words
    that lead to a capitalised word; then a parent body ("Ban Tổ chức
    *Thành ủy*") and a locality ("UBND *tỉnh Phú Thọ*"). A bare "Thành ủy"
    or "UBND thành phố" is left for linking to place in the report's locality.
    A head with no name ("Trung tâm", "Sở") is kept as an anaphoric mention
    for linking. ``_.org`` is an :class:`~pipeline.s4_recognise.spans.OrgInfo`.
    """

    def __init__(self, nlp: Language):
        self.heads = PhraseTable(nlp, [(e.head, e) for e in lexicons.org_heads().values()])
        known = [(n, k) for k in lexicons.known_orgs() for n in (k.canonical, *k.aliases)]
        self.known_lower = PhraseTable(nlp, [(n, k) for n, k in known if not is_upper_word(n.split()[0])])
        self.known_exact = PhraseTable(nlp, [(n, k) for n, k in known if is_upper_word(n.split()[0])], attr="ORTH")
        self.fields = PhraseTable(nlp, [(f, f) for f in lexicons.fields()])
        self.ban_bodies = PhraseTable(nlp, [(b, b) for b in lexicons.ban_bodies()])
        self.legal = PhraseTable(nlp, [(f, f) for f in lexicons.legal_forms()])
        self.units = PhraseTable(nlp, lexicons.place_units().items())
        self.zone_types = PhraseTable(nlp, [(z, z) for z in lexicons.zone_types()])
        self.stopwords = lexicons.stopwords()
        self.verbs = lexicons.verbs()
        self.words = _Words()

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_organisations")
        doc.spans["organisations"] = _Reading(self, doc).read()
        return doc


class _Words:
    """The closed word classes the grammar reads (``lexicons/word_classes.tsv``)."""

    def __init__(self) -> None:
        self.plural = lexicons.words("plural")
        self.owner = lexicons.words("owner")
        self.number = lexicons.words("number_word")
        self.coordinator = lexicons.words("coordinator")
        self.separate_head = lexicons.words("separate_head")
        self.home = lexicons.words("home_country")
        self.board_head = lexicons.words("board_head")


class _Reading:
    """One Doc read by the organisation grammar: the recogniser's tables and the Doc's other spans."""

    def __init__(self, tables: OrganisationRecogniser, doc: Doc):
        self.heads, self.known_lower, self.known_exact = tables.heads, tables.known_lower, tables.known_exact
        self.fields, self.ban_bodies, self.legal = tables.fields, tables.ban_bodies, tables.legal
        self.units, self.zone_types = tables.units, tables.zone_types
        self.stopwords, self.verbs, self.words = tables.stopwords, tables.verbs, tables.words
        self.doc = doc
        self.places = {s.start: s for s in doc.spans.get("places", [])}
        self.place_ends = {s.end: s for s in doc.spans.get("places", [])}
        self.zones = {s.start: s for s in doc.spans.get("zones", [])}
        self.persons = {i for s in doc.spans.get("persons", []) for i in range(s.start, s.end)}
        roles = doc.spans.get("roles", [])
        self.role_tokens = {i for r in roles for i in range(r.start, r.end)}
        self.role_heads = {r._.role.org_head for r in roles if r._.role.org_head is not None}

    def read(self) -> list[Span]:
        doc = self.doc
        spans, i = [], 0
        starts = set(self.heads.at(doc)) | set(self.known_exact.at(doc)) | set(self.known_lower.at(doc))
        while i < len(doc):
            name = self.parse(i) if i in starts else None
            if name is None:
                i += 1
                continue
            self._owner(name)
            span = Span(doc, name.start, name.end, label="organisation")
            span._.org = org_info(doc, name)
            spans.append(span)
            i = name.end
        return spans

    def parse(self, i: int) -> OrgName | None:
        """The organisation name starting at token ``i``, or None."""
        doc = self.doc
        if i >= len(doc) or i in self.persons or i in self.role_tokens and i not in self.role_heads:
            return None
        known_hits = self.known_exact.at(doc).get(i) or self.known_lower.at(doc).get(i)
        known = known_hits[0] if known_hits else None
        head = self.heads.longest(doc, i)
        if known and is_cap(doc[i]) and (head is None or known[0] >= head[0]):
            end, body = known
            name = OrgName(i, end, i, end, body.cls, canonical=body.canonical, known=True)
            place = self.places.get(end)
            if place is not None and place._.place.level == "country" and place._.place.name not in self.words.home:
                name.end, name.place = place.end, place  # "Chính phủ Hà Lan"
            return name
        if head is None or not self._head_ok(i, *head):
            return None
        head_end, entry = head
        name = OrgName(i, head_end, i, head_end, entry.cls, head=entry)
        if entry.body == "unit":
            if not self._unit(name):
                return None
        elif entry.body in ("field", "strict"):
            field = self.fields.longest(doc, head_end)
            if field:
                name.end = field[0]
            elif entry.body == "field":
                name.end = self._name_body(head_end, allow_lower=False)
        elif entry.body in ("name", "sub"):
            self._named(name, entry)
        if entry.takes_parent and name.end < len(doc) and lower(doc[name.end]) not in self.words.owner:
            parent = self.parse(name.end) or self._anaphoric_parent(name.end)
            if parent is not None and (not parent.anaphoric or parent.head is not None and parent.head.body == "name"):
                name.parent, name.end = parent, parent.end
        if entry.body != "none" and name.end == head_end and name.parent is None:
            if entry.body in ("sub", "strict"):
                return None  # "Ban", "Hội đồng", "Bộ" alone name nothing
            name.anaphoric = True  # "Trung tâm", "Sở": refers back to a named one
            return name
        if getattr(name, "lower_board", False) and name.end == name.body_start and name.parent is None:
            return None  # "Ban tổ chức quyết định": some committee, unnamed
        if name.place is None and name.end in self.place_ends and entry.body != "unit":
            name.place = self.place_ends[name.end]  # "Sở VH&TT Huế": the name ends with its place
        elif entry.body != "unit" and name.place is None and name.end in self.places:
            place = self.places[name.end]
            if place._.place.unit or place._.place.level in ("province", "country"):
                name.end, name.place = place.end, place
        elif entry.body in ("name", "sub", "field") and name.place is None and name.parent is None:
            unit = self.units.longest(doc, name.end)
            if unit and not (unit[0] < len(doc) and is_cap(doc[unit[0]])):
                name.end, name.implicit_level = unit[0], unit[1].level  # "Ban Quản lý KKT tỉnh"
        return name

    def _anaphoric_parent(self, i: int) -> OrgName | None:
        """"phòng Nhân sự *công ty*": a lower-case head noun that refers back to a named body."""
        head = self.heads.longest(self.doc, i)
        if head is None or head[1].cls not in _REFERABLE or is_cap(self.doc[i]):
            return None
        end = head[0]
        if end < len(self.doc) and is_alpha(self.doc[end]) and not is_stopword(self.doc, end, self.stopwords):
            return None
        return OrgName(i, end, i, end, head[1].cls, head=head[1], anaphoric=True)

    def _head_ok(self, i: int, head_end: int, entry: OrgHead) -> bool:
        doc = self.doc
        if not entry.head.isupper() and doc[i:head_end].text.isupper():
            return False  # "TỔ CHỨC THỰC HIỆN": a heading in capitals
        board = entry.head in self.words.board_head and self.ban_bodies.longest(doc, head_end)
        if not (is_cap(doc[i]) or i in self.role_heads or board):
            return False
        after_head = doc[head_end] if head_end < len(doc) else doc[i]
        if i > 0 and lower(doc[i - 1]) in self.words.plural and not is_cap(after_head):
            return False
        # "Hội nghị", "Báo cáo", "Viện trưởng": the head only begins a common word.
        nxt = doc[head_end] if head_end < len(doc) else None
        if nxt is not None and head_end - i == 1 and f"{doc[i].text} {nxt.text}".lower() in lexicons.dictionary():
            return False
        return nxt is None or is_word_start(nxt) or not nxt.text[:1].islower()

    def _unit(self, name: OrgName) -> bool:
        """UBND/HĐND/Công an...: a unit and its place, a bare unit word, or nothing."""
        doc, j = self.doc, name.end
        if j < len(doc) and lower(doc[j]) in self.words.plural:
            return False  # "UBND các huyện": every one, not one body
        place = self.places.get(j)
        if place is not None and (place._.place.unit or place._.place.level == "province"):
            name.end, name.place = place.end, place
            return True
        unit = self.units.longest(doc, j)
        if unit:
            name.end, name.implicit_level = unit[0], unit[1].level
        return True

    def _named(self, name: OrgName, entry: OrgHead) -> None:
        """Name and sub-body heads: legal form, board name, then the name proper."""
        doc, pos = self.doc, name.end
        alias = self._parenthesis(pos)
        if alias:  # "Câu lạc bộ (CLB) Bóng đá Hà Nội"
            name.aliases.append(f"{alias} {doc[pos + 3:self._name_body(pos + 3, True)].text}".strip())
            pos += 3
        legal = self.legal.longest(doc, pos)
        if legal:
            pos = legal[0]
        if entry.head in self.words.board_head:
            board = self.ban_bodies.longest(doc, pos)
            if board:
                pos = board[0]
                name.lower_board = not is_cap(doc[board[0] - 1]) and not is_cap(doc[name.head_end])
        end = self._name_body(pos, allow_lower=True)
        name.body_start = pos
        name.end = max(end, pos if pos > name.head_end and (legal or entry.body == "sub") else name.head_end)
        alias = self._parenthesis(name.end)
        if alias and name.end > name.head_end:  # "Tổng công ty Hàng hải Việt Nam (Vinalines)"
            name.aliases.append(alias)

    def _name_body(self, start: int, allow_lower: bool) -> int:
        """End of a name read from ``start``: it ends on its last capitalised word."""
        doc, end, last, lower_run = self.doc, start, start, 0
        while end < len(doc) and end not in self.persons and (end not in self.role_tokens or end in self.role_heads):
            tok = doc[end]
            if end > start and tok.is_sent_start:
                break
            if end in self.zones:
                end = last = self.zones[end].end
            elif end in self.places:
                end = last = self.places[end].end
            elif lower(tok) in self.words.number and end + 1 < len(doc) and doc[end + 1].text[:1].isdigit():
                end += 1
            elif tok.text[:1].isdigit() and end > start \
                    and (lower(doc[end - 1]) in self.words.number or _CODE.match(self._glued(end))):
                end = last = self._glued_end(end)
            elif allow_lower and lower(tok) in self.words.plural and self._zone_type_end(end + 1):
                end = self._zone_type_end(end + 1)  # "Ban Quản lý các KCN Hà Nội"
                while end + 1 < len(doc) and doc[end].text == "," and self._zone_type_end(end + 1):
                    end = self._zone_type_end(end + 1)  # "các khu chế xuất, khu công nghiệp"
            elif is_alpha(tok) and is_cap(tok):
                second = lower(doc[end - 1]) in self.words.coordinator and self.heads.longest(doc, end)
                if self._starts_other(end) or second:
                    break  # a parent body, or "Ban Dân nguyện *và Viện* ...": a second body
                end = last = self._word_end(end)
                lower_run = 0
            elif (lower(tok) in self.words.coordinator or tok.text in _JOINING_MARKS) and end > start \
                    and end + 1 < len(doc) and is_cap(doc[end + 1]) \
                    and not self._starts_other(end + 1) and end + 1 not in self.persons \
                    and not (is_upper_word(doc[end + 1].text) and len(doc[end + 1].text) <= 2):  # "(Sở Văn hóa - PV)"
                end += 1
            elif allow_lower and tok.text.isalpha() and tok.text.islower() \
                    and not is_stopword(doc, end, self.stopwords) \
                    and lower(tok) not in self.words.plural and lower_run < _MAX_LOWER:
                end += 1
                lower_run += 1
            else:
                break
        return last

    def _zone_type_end(self, i: int) -> int:
        """End of a zone type word starting at ``i`` ("khu công nghiệp"), 0 when none does."""
        found = self.zone_types.longest(self.doc, i)
        return found[0] if found else 0

    def _word_end(self, i: int) -> int:
        """End of the underthesea word token ``i`` begins ("Dân vận", "Chỉ đạo")."""
        end = i + 1
        while end < len(self.doc) and not is_word_start(self.doc[end]) and self.doc[end].text.isalpha() \
                and self.doc[end].text.lower() not in self.verbs:  # "Nội các", but not "Freetrend tuyển"
            end += 1
        return end

    def _starts_other(self, i: int) -> bool:
        """A capitalised word that begins another body (a parent, or a listed one)."""
        head = self.heads.longest(self.doc, i)
        if head is not None and (head[1].body in ("none", "unit") or head[1].head in self.words.separate_head):
            return True
        return bool(self.known_lower.at(self.doc).get(i)) or i in self.role_tokens

    def _parenthesis(self, i: int) -> str | None:
        """A one-word abbreviation in brackets at ``i``: "(CLB)", "(Vinalines)"."""
        doc = self.doc
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and is_cap(doc[i + 1]) \
                and i + 1 not in self.places:
            return doc[i + 1].text
        return None

    def _owner(self, name: OrgName) -> None:
        """"Ban Chỉ đạo ... *của Thành ủy Hà Nội*": part of it, but not of its name."""
        doc = self.doc
        if name.end + 1 < len(doc) and lower(doc[name.end]) in self.words.owner and not name.known:
            owner = self.parse(name.end + 1)
            if owner is not None and not owner.anaphoric:
                name.owner = owner

    def _glued(self, i: int) -> str:
        return self.doc[i:self._glued_end(i)].text

    def _glued_end(self, i: int) -> int:
        """End of a run of tokens written without spaces ("07-CTr/TU")."""
        end = i + 1
        while end < len(self.doc) and self.doc[end - 1].whitespace_ == "" and self.doc[end].text not in ",.;:()\"'":
            end += 1
        return end
