"""Organisations: a head noun, its name, its parent body and its locality."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from ..lexicons import OrgHead
from ..text import fix_tones
from .lookup import is_alpha, is_cap, is_stopword, is_word_start, lower, require_words, word_at, word_ends_at
from .org_body import NameReader, OrgTables, word_prefixes
from .org_names import OrgName, org_info
from .tokens import table

__all__ = ["OrganisationRecogniser"]

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
    for linking. A zone named only inside an organisation's name ("Ban Quản
    lý Khu kinh tế X", "Công ty Khu công nghiệp Y") is no zone mention.
    ``_.org`` is an :class:`~pipeline.s4_recognise.spans.OrgInfo`.
    """

    def __init__(self, nlp: Language):
        self.tables = OrgTables(nlp)
        self.short_name_cues = lexicons.words("short_name_cue")

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_organisations")
        spans = _Reading(self.tables, doc).read()
        _short_names(doc, spans, self.short_name_cues)
        doc.spans["organisations"] = spans
        inside = {i for s in spans for i in range(s.start, s.end)}  # "Ban Quản lý *Khu kinh tế X*": the board's name
        doc.spans["zones"] = [z for z in doc.spans.get("zones", []) if not inside >= set(range(z.start, z.end))]
        doc.spans["persons"] = [p for p in doc.spans.get("persons", []) if not inside >= set(range(p.start, p.end))]
        return doc


class _Reading(NameReader):
    """One Doc read by the organisation grammar: the recogniser's tables and the Doc's other spans."""

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
        if known and head is not None and known[0] == head[0] and head[1].body == "proper":
            named = self._head_rule(i, head)  # "Đảng Dân chủ" before "Đảng" (the Party) alone
            before = doc[i - 1] if i > 0 and not doc[i].is_sent_start else None
            if named is not None or before is not None and (lower(before) in self.t.plural or before.is_alpha
                                                            and not is_stopword(doc, i - 1, self.t.function_words)):
                return named  # "các Đảng này", "cơ quan Đảng": parties, or a word qualifying a noun
        if known and is_cap(doc[i]) and (head is None or known[0] >= head[0]):
            end, body = known
            if self._concept(end):
                return None  # "Chính phủ số": digital government, a goal, not the Government
            name = OrgName(i, end, i, end, body.cls, canonical=body.canonical, known=True)
            place = self.places.get(end)
            if place is not None and place._.place.level == "country" and place._.place.name not in self.t.home:
                name.end, name.place = place.end, place  # "Chính phủ Hà Lan"
            return name
        return self._head_rule(i, head)

    def _head_rule(self, i: int, head: tuple[int, OrgHead] | None) -> OrgName | None:
        """The name a head noun at ``i`` begins, read by the head's rule (org_heads.tsv)."""
        doc = self.doc
        if head is None or not self._head_ok(i, *head):
            return None
        head_end, entry = head
        again = self.heads.longest(doc, head_end)
        if i in self.role_heads and again is not None and again[1] == entry:
            return self.parse(head_end)  # "Trưởng ban *Ban quản lý* ...": the role's head, then the body
        name = OrgName(i, head_end, i, head_end, entry.cls, head=entry)
        if entry.body == "unit":
            if not self._unit(name):
                return None
        elif entry.body in ("field", "strict", "proper"):
            field = self.fields.longest(doc, head_end) if entry.body != "proper" else None
            if field:
                name.end = self._tail(field[0]) if entry.body == "field" else field[0]  # "Cục Y tế *dự phòng*"
            elif entry.body in ("field", "proper"):
                name.end = self._name_body(head_end, allow_lower=False, tail=True)
            else:
                name.end = self._foreign_body(head_end)
        elif entry.body in ("name", "sub"):
            self._named(name, entry)
            if entry.body == "name" and not is_cap(doc[i]) and i not in self.role_heads and self._place_only(name):
                return None  # "công ty Nhật Bản": the country's companies, no name
        if entry.body not in ("unit", "none") and name.end > head_end:
            name.end = self.field_list(name.end)  # "Ủy ban Khoa học*, Công nghệ và Môi trường*"
        if entry.takes_parent and name.end < len(doc) and lower(doc[name.end]) not in self.t.owner:
            parent = self.parse(name.end) or self._anaphoric_parent(name.end)
            if parent is not None and (not parent.anaphoric or parent.head is not None and parent.head.body == "name"):
                name.parent, name.end = parent, parent.end
        if entry.body != "none" and name.end == head_end and name.parent is None and name.shared is None:
            if entry.body in ("sub", "strict", "proper"):
                return None  # "Ban", "Hội đồng", "Bộ", "Đảng" alone name nothing
            if i > 0 and lower(doc[i - 1]) in self.t.predicate:
                return None  # "Vietcombank là *NH* đầu tiên": what it is, no body it refers back to
            name.anaphoric = True  # "Trung tâm", "Sở": refers back to a named one
            return name
        if getattr(name, "lower_board", False) and name.end == name.body_start and name.parent is None:
            return None  # "Ban tổ chức quyết định": some committee, unnamed
        if name.place is None and name.end in self.place_ends and entry.body != "unit":
            name.place = self.place_ends[name.end]  # "Sở VH&TT Huế": the name ends with its place
        elif entry.body != "unit" and name.place is None and name.end in self.places:
            place = self.places[name.end]
            if place._.place.unit or place._.place.level in ("province", "country") \
                    or entry.body == "none" and name.end == head_end:  # "Huyện ủy Tuy Phước"
                name.end, name.place = place.end, place
        elif entry.body in ("name", "sub", "field") and name.place is None and name.parent is None:
            unit = self.units.longest(doc, name.end)
            after = self.places.get(unit[0]) if unit else None
            if unit and after is not None and after._.place.level == unit[1].level:
                name.end, name.place = after.end, after  # "... Đề án 06 *tỉnh* Đồng Nai": the place left it out
            elif unit and not (unit[0] < len(doc) and is_cap(doc[unit[0]]) and unit[0] not in self.persons):
                name.end, name.implicit_level = unit[0], unit[1].level  # "Ban Quản lý KKT tỉnh", "đoàn ĐBQH tỉnh"
        elif entry.body == "none" and name.end == head_end:
            self._share_locality(name)  # "Thành ủy - HĐND - UBND thành phố Đà Nẵng"
        return name

    def _anaphoric_parent(self, i: int) -> OrgName | None:
        """"phòng Nhân sự *công ty*": a lower-case head noun that refers back to a named body."""
        head = self.heads.longest(self.doc, i)
        if head is None or head[1].cls not in _REFERABLE or is_cap(self.doc[i]):
            return None
        end = head[0]
        if end < len(self.doc) and is_alpha(self.doc[end]) and not is_stopword(self.doc, end, self.t.stopwords):
            return None
        return OrgName(i, end, i, end, head[1].cls, head=head[1], anaphoric=True)

    def _head_ok(self, i: int, head_end: int, entry: OrgHead) -> bool:
        doc = self.doc
        if not entry.head.isupper() and doc[i:head_end].text.isupper():
            return False  # "TỔ CHỨC THỰC HIỆN": a heading in capitals
        if any(self._place_name(k, j) for k in range(max(0, i - 2), i + 1)
               for j in range(max(head_end, i + 1) + (k == i), min(head_end + 3, len(doc) + 1))):
            return False  # "Hội An", "Đài Loan", "Tây Ban Nha": a place the head noun is part of
        board = entry.head in self.t.board_head and self.ban_bodies.longest(doc, head_end)
        if not (is_cap(doc[i]) or i in self.role_heads or board or self._lower_head(i, head_end, entry)):
            return False
        after_head = doc[head_end] if head_end < len(doc) else doc[i]
        if i > 0 and lower(doc[i - 1]) in self.t.plural and not is_cap(after_head):
            return False
        # "Hội nghị", "Báo cáo", "Viện trưởng": the head only begins a common word.
        nxt = doc[head_end] if head_end < len(doc) else None
        if nxt is not None and head_end - i == 1 and f"{doc[i].text} {nxt.text}".lower() in lexicons.dictionary():
            return False
        if nxt is None or is_word_start(nxt) or not nxt.text[:1].islower():
            return True
        # "Liên minh nghị sỹ ...": underthesea glued a name's words to its head, but made no common word
        return fix_tones(doc[i:head_end + 1].text.lower()) not in word_prefixes()

    def _lower_head(self, i: int, head_end: int, entry: OrgHead) -> bool:
        """"công ty Thuận Việt", "bệnh viện Chợ Rẫy": a head noun in lower case names a body
        when a capitalised name (after a legal form) follows it."""
        doc = self.doc
        if entry.head.lower() not in self.t.lower_head or not is_word_start(doc[i]) \
                or not word_ends_at(doc, head_end) or i > 0 and lower(doc[i - 1]) in self.t.plural:
            return False  # "các tạp chí ISI": journals, none named
        if i > 0 and f"{lower(doc[i - 1])} {doc[i:head_end].text.lower()}" in lexicons.dictionary():
            return False  # "đấu trường", "ngày hội": the head ends another word
        legal = self.legal.longest(doc, head_end)
        pos = legal[0] if legal else head_end
        return pos < len(doc) and is_cap(doc[pos]) and is_alpha(doc[pos]) and pos not in self.persons

    def _place_only(self, name: OrgName) -> bool:
        """Nothing but a place (or nothing) after the head and its legal form."""
        start = name.body_start if name.body_start is not None else name.head_end
        place = self.places.get(start)
        return name.end <= start or place is not None and place.end >= name.end

    def _place_name(self, start: int, end: int) -> bool:
        text = table(self.doc).text(start, end)
        return text in lexicons.gazetteer() or text in lexicons.countries()

    def _concept(self, i: int) -> bool:
        """A word at ``i`` that makes the body before it a concept ("số" not before a number)."""
        doc = self.doc
        if i >= len(doc):
            return False
        end = word_at(doc, i) if is_word_start(doc[i]) else i + 1
        while end < len(doc) and not is_word_start(doc[end]):
            end += 1  # "Chính phủ điện tử" glued into one word
        return doc[i:end].text.lower() in self.t.concept_modifier \
            and not (end < len(doc) and doc[end].text[:1].isdigit())

    def _foreign_body(self, start: int) -> int:
        """"Bộ Hàng hải và Nghề cá Indonesia": a ministry no field of Viet Nam's government
        names is a foreign one when its name ends with a foreign country."""
        end = self._name_body(start, allow_lower=True)
        place = self.place_ends.get(end)
        if end > start and place is not None and place.start > start and place._.place.level == "country" \
                and place._.place.name not in self.t.home:
            return place.start
        return start

    def _unit(self, name: OrgName) -> bool:
        """UBND/HĐND/Công an...: a unit and its place, a bare unit word, or nothing."""
        doc, j = self.doc, name.end
        if j < len(doc) and lower(doc[j]) in self.t.plural:
            return False  # "UBND các huyện": every one, not one body
        place = self.places.get(j)
        if place is not None and place._.place.level == "country" and place._.place.name in self.t.home:
            name.end, name.place = place.end, place  # "Bảo hiểm xã hội Việt Nam": the national body
            j, place = place.end, self.places.get(place.end)  # "Ủy ban MTTQ Việt Nam tỉnh Bắc Kạn": a local one
        name.locality = j
        if place is not None and (place._.place.unit or place._.place.level == "province"):
            name.end, name.place = place.end, place
            return True
        unit = self.units.longest(doc, j)
        if unit:
            name.end, name.place, name.implicit_level = unit[0], None, unit[1].level
        elif name.end == name.head_end:
            self._share_locality(name)
        return True

    def _share_locality(self, name: OrgName) -> None:
        """"HĐND, UBND tỉnh", "Thành ủy - HĐND - UBND thành phố": a bare unit body listed
        before another takes that one's place or unit word."""
        doc, j = self.doc, name.end
        if j + 1 >= len(doc) or not (doc[j].text in self.t.list_marks or lower(doc[j]) in self.t.coordinator):
            return
        head = self.heads.longest(doc, j + 1)
        other = self.parse(j + 1) if head is not None and head[1].body == "unit" else None
        if other is None or name.head is not None and name.head.body == "none" and other.place is None:
            return
        if other.place is not None or other.implicit_level is not None:
            name.place, name.implicit_level = other.place, other.implicit_level
            name.shared = other.shared or (other.locality if other.locality is not None else other.head_end, other.end)
        if name.head is not None and name.head.body == "none" and name.place is not None:  # "Thành ủy Đà Nẵng"
            name.shared = (max(name.place.start, name.place.end - len(name.place._.place.name.split())), name.place.end)

    def _named(self, name: OrgName, entry: OrgHead) -> None:
        """Name and sub-body heads: legal form, board name, then the name proper."""
        doc, pos = self.doc, name.end
        alias = self._parenthesis(pos)
        if alias:  # "Câu lạc bộ (CLB) Bóng đá Hà Nội"
            name.aliases.append(f"{alias} {doc[pos + 3:self._name_body(pos + 3, True)].text}".strip())
            pos += 3
        legal = self.legal.longest(doc, pos)
        found = legal is not None
        while legal:  # "Cty TNHH TM XNK ...": a legal form, then the business lines
            pos = legal[0]
            legal = self.legal.longest(doc, pos)
        if entry.head in self.t.board_head:
            board = self.ban_bodies.longest(doc, pos)
            if board:
                pos = board[0]
                name.lower_board = not is_cap(doc[board[0] - 1]) and not is_cap(doc[name.head_end])
            elif pos < len(doc) and doc[pos].text.islower():
                return  # "Ban lãnh đạo X": X's leaders, no board of that name
        end = self._name_body(pos, allow_lower=True, tail=True, person_ok=found and pos in self.bare_persons)
        name.body_start = pos
        name.end = max(end, pos if pos > name.head_end and (found or entry.body == "sub") else name.head_end)
        alias = self._parenthesis(name.end)
        if alias and name.end > name.head_end:  # "Tổng công ty Hàng hải Việt Nam (Vinalines)"
            name.aliases.append(alias)

    def _owner(self, name: OrgName) -> None:
        """"Ban Chỉ đạo ... *của Thành ủy Hà Nội*": part of it, but not of its name."""
        doc = self.doc
        if name.end + 1 < len(doc) and lower(doc[name.end]) in self.t.owner and not name.known:
            owner = self.parse(name.end + 1)
            if owner is not None and not owner.anaphoric:
                name.owner = owner


def _short_names(doc: Doc, spans: list[Span], cues: Collection[str]) -> None:
    """"Ban Chỉ đạo cấp tỉnh về ... (gọi tắt là *Ban Chỉ đạo tỉnh*)": the short name a report
    defines for a body refers to it, there and wherever the report writes it again."""
    defined: dict[str, tuple[int, int]] = {}
    for body, short in zip(spans, spans[1:], strict=False):
        if doc[body.end].text == "(" if body.end < len(doc) else False:
            cue = doc[body.end + 1:short.start].text.lower()
            if cue in cues and short.end < len(doc) and doc[short.end].text == ")":
                defined.setdefault(short.text, (body._.org.start, body._.org.end))
    for span in spans:
        target = defined.get(span.text)
        if target is not None and (span._.org.start, span._.org.end) != target:
            span._.org = replace(span._.org, refers_to=target)
