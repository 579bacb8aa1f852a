"""Reading an organisation's name word by word: where a name ends, and the tables the grammar reads."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicons
from ..lexicons import KnownOrg, OrgHead, PlaceUnit
from ..text import fix_tones, is_upper_word
from .lookup import PhraseTable, is_alpha, is_cap, is_stopword, is_word_start, lower, word_at, word_ends_at
from .word_tags import WordTags

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["OrgTables", "NameReader", "name_word_end", "word_prefixes"]

_JOINING_MARKS = {"&", "-", "–"}
_LIST_JOINS = {",", "-", "–"}
_CODE = re.compile(r"^\d+[-/][A-Za-zĐđ]")  # 07-CTr/TU, 277/CTr-UBND; not 2012-2017
_MAX_LOWER = 6
_MAX_TAIL = 4


class OrgTables:
    """The lexicons the organisation grammar reads, as phrase tables and word classes (made once)."""

    def __init__(self, nlp: Language):
        self.heads: PhraseTable[OrgHead] = PhraseTable(nlp, [(e.head, e) for e in lexicons.org_heads().values()])
        known = [(n, k) for k in lexicons.known_orgs() for n in (k.canonical, *k.aliases)]
        self.known_lower: PhraseTable[KnownOrg] = PhraseTable(
            nlp, [(n, k) for n, k in known if not is_upper_word(n.split()[0])])
        self.known_exact: PhraseTable[KnownOrg] = PhraseTable(
            nlp, [(n, k) for n, k in known if is_upper_word(n.split()[0])], attr="ORTH")
        self.fields: PhraseTable[str] = PhraseTable(nlp, [(f, f) for f in lexicons.fields()])
        self.ban_bodies: PhraseTable[str] = PhraseTable(nlp, [(b, b) for b in lexicons.ban_bodies()])
        self.legal: PhraseTable[str] = PhraseTable(nlp, [(f, f) for f in lexicons.legal_forms()])
        self.units: PhraseTable[PlaceUnit] = PhraseTable(nlp, lexicons.place_units().items())
        self.zone_types: PhraseTable[str] = PhraseTable(nlp, [(z, z) for z in lexicons.zone_types()])
        self.stopwords, self.function_words = lexicons.stopwords(), lexicons.function_words()
        self.verbs, self.time_nouns = lexicons.verbs(), lexicons.time_nouns()
        self.plural = lexicons.words("plural")
        self.owner = lexicons.words("owner")
        self.number = lexicons.words("number_word")
        self.coordinator = lexicons.words("coordinator")
        self.list_marks = frozenset({",", "-", "–"})
        self.address = frozenset(h.lower() for h, kind in lexicons.honorifics().items() if kind != "title")
        self.separate_head = lexicons.words("separate_head")
        self.home = lexicons.words("home_country")
        self.board_head = lexicons.words("board_head")
        self.lower_head = lexicons.words("lower_head")
        self.concept_modifier = lexicons.words("concept_modifier")
        self.tail_tag, self.tail_first_tag = lexicons.words("tail_tag"), lexicons.words("tail_first_tag")
        self.after_tail_tag = lexicons.words("after_tail_tag")
        self.topic_marker = lexicons.words("topic_marker")
        self.predicate = lexicons.words("predicate")
        self.field_words: PhraseTable[str] = PhraseTable(nlp, [(w, w) for w in lexicons.field_words()])
        self.documents: PhraseTable[str] = PhraseTable(nlp, [(d, d) for d in lexicons.lines("document_types.txt")])


class NameReader:
    """One Doc's tokens and spans, read by the name grammar: where a name that starts somewhere ends."""

    def __init__(self, tables: OrgTables, doc: Doc):
        self.t = tables
        self.heads, self.known_lower, self.known_exact = tables.heads, tables.known_lower, tables.known_exact
        self.fields, self.ban_bodies, self.legal = tables.fields, tables.ban_bodies, tables.legal
        self.units, self.zone_types = tables.units, tables.zone_types
        self.doc = doc
        self.tags = WordTags(doc)
        self.tokens = self.tags.table
        self.places: dict[int, Span] = {s.start: s for s in doc.spans.get("places", [])}
        self.place_ends: dict[int, Span] = {s.end: s for s in doc.spans.get("places", [])}
        self.zones: dict[int, Span] = {s.start: s for s in doc.spans.get("zones", [])}
        self.persons = {i for s in doc.spans.get("persons", []) for i in range(s.start, s.end)}
        self.bare_persons = {i for s in doc.spans.get("persons", []) if not (s._.person.cue or s._.person.byline)
                             for i in range(s.start, s.end)}
        roles = doc.spans.get("roles", [])
        self.role_tokens = {i for r in roles for i in range(r.start, r.end)}
        self.role_heads = {r._.role.org_head for r in roles if r._.role.org_head is not None}

    def _name_body(self, start: int, allow_lower: bool, tail: bool = False, person_ok: bool = False) -> int:
        """End of a name read from ``start``: it ends on its last capitalised word, or with
        ``tail`` on the nouns and adjectives that follow it (:meth:`_tail`). With ``person_ok``
        a name the persons grammar read by its family name alone is the company's ("Cty TNHH
        TM *Hoàng Gia Phát*")."""
        doc, end, last, lower_run, cap_end, joined = self.doc, start, start, 0, -1, False
        persons = self.persons - self.bare_persons if person_ok else self.persons
        while end < len(doc) and end not in persons and (end not in self.role_tokens or end in self.role_heads):
            tok = doc[end]
            if end > start and tok.is_sent_start:
                break
            if end in self.zones:
                end = last = self.zones[end].end
            elif end in self.places:
                end = last = self.places[end].end
            elif lower(tok) in self.t.number and end + 1 < len(doc) and doc[end + 1].text[:1].isdigit():
                end += 1
            elif tok.text[:1].isdigit() and end > start \
                    and (lower(doc[end - 1]) in self.t.number or _CODE.match(self._glued(end))):
                end = last = self._glued_end(end)
            elif self._name_number(end, last):  # "Công ty Cienco 6", "Sông Đà 10"
                end = last = end + 1
            elif allow_lower and lower(tok) in self.t.plural and self._zone_type_end(end + 1):
                end = self._zone_type_end(end + 1)  # "Ban Quản lý các KCN Hà Nội"
                while end + 1 < len(doc) and doc[end].text == "," and self._zone_type_end(end + 1):
                    end = self._zone_type_end(end + 1)  # "các khu chế xuất, khu công nghiệp"
            elif is_alpha(tok) and is_cap(tok):
                second = (lower(doc[end - 1]) in self.t.coordinator or joined) and self.heads.longest(doc, end)
                if self._starts_other(end) or second or lower(tok) in self.t.address:  # "... và *Bà* Renho"
                    break  # a parent body, or "Ban Dân nguyện *và Viện* ...": a second body
                end = last = cap_end = self._word_end(end)
                lower_run, joined = 0, False
            elif lower(tok) in self.t.coordinator and end + 1 < len(doc) and is_upper_word(doc[end + 1].text):
                break  # "Tập đoàn TH và ITEC": an acronym after "và" is another body
            elif (lower(tok) in self.t.coordinator or tok.text in _JOINING_MARKS) and end > start \
                    and end + 1 < len(doc) and is_cap(doc[end + 1]) \
                    and not self._starts_other(end + 1) and end + 1 not in self.persons \
                    and not (is_upper_word(doc[end + 1].text) and len(doc[end + 1].text) <= 2):  # "(Sở Văn hóa - PV)"
                end += 1
            elif allow_lower and tok.text == "&" and end > start and end + 1 < len(doc) \
                    and doc[end + 1].text.isalpha() and doc[end + 1].text.islower() and lower_run < _MAX_LOWER:
                end += 1  # "Khoa học công nghệ & quản lý"
                lower_run += 1
            elif allow_lower and tok.text.isalpha() and tok.text.islower() \
                    and not is_stopword(doc, end, self.t.stopwords) \
                    and lower(tok) not in self.t.plural and lower_run < _MAX_LOWER:
                joined = joined or lower(tok) in self.t.coordinator  # "HĐTV *và thành viên* HĐTV": another body
                end += 1
                lower_run += 1
            else:
                break
        if tail and last == cap_end:
            return self._tail(last)
        return last

    def field_list(self, end: int) -> int:
        """Where a name goes on through a list of fields: "Ủy ban Khoa học*, Công nghệ và Môi
        trường*", "Hội đồng Thi đua*, Khen thưởng*", "Phòng Tài chính* - Kế hoạch*", "Ban Chỉ
        đạo Trung ương* về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số*".
        Every item is a field (field_words.txt) in the case of the first, or a programme cited by
        number ("Đề án 06"); after a capital, the item after "và" may be in lower case. A capitalised
        item may end the list after a comma ("Thi đua, Khen thưởng"); else it must close with "và"
        or a dash to count."""
        doc, t = self.doc, self.t
        first = self._field_ending_at(end)
        pos = end
        if first is None:  # "... *về phát triển* khoa học, ...": a topic before the first field
            first = self._topic_field(end)
            item = self._field_item(first, False) if first is not None else None
            if first is None or item is None:
                return end
            pos = item
        capitalised = is_cap(doc[first])
        closed = end if first < end else -1
        while pos + 1 < len(doc) and (doc[pos].text in _LIST_JOINS or lower(doc[pos]) in t.coordinator):
            joiner = doc[pos]
            # after a capital, a lower-case item only closes the list: "Bộ Y tế, Lao động *và phúc lợi*"
            item = self._field_item(pos + 1, None if capitalised and lower(joiner) in t.coordinator else capitalised)
            if item is None:
                break
            pos = item
            if joiner.text != "," or is_cap(doc[joiner.i + 1]):  # "và" or a dash closes what commas opened
                closed = pos
            if lower(joiner) in t.coordinator:
                break
        return max(closed, end)

    def _topic_field(self, i: int) -> int | None:
        """Start of the first field after a topic: at most four lower-case syllables, or a level
        and a topic marker before them ("cấp tỉnh *về* đột phá phát triển khoa học")."""
        doc, t = self.doc, self.t
        marker = next((k for k in range(i, min(i + 4, len(doc))) if lower(doc[k]) in t.topic_marker), None)
        j = marker + 1 if marker is not None else i
        for k in range(i, min(j + 5, len(doc))):
            if k == marker:
                continue
            if k >= j and self.t.field_words.longest(doc, k) and not is_cap(doc[k]):
                return k
            if not (doc[k].text.isalpha() and doc[k].text.islower()) or is_stopword(doc, k, t.stopwords):
                return None
        return None

    def _field_ending_at(self, end: int) -> int | None:
        """Start of a field the name's last words are ("…phát triển *khoa học*"), None if none."""
        found = self.t.field_words.at(self.doc)
        return next((s for s in range(max(0, end - 4), end) if any(e == end for e, _ in found.get(s, ()))), None)

    def _field_item(self, i: int, capitalised: bool | None) -> int | None:
        """End of a list item at ``i``: a field in the case asked (any when None), or "Đề án 06"."""
        doc = self.doc
        if i >= len(doc) or i in self.places or i in self.persons:
            return None
        doc_type = self.t.documents.longest(doc, i)
        if doc_type and is_cap(doc[i]) and doc_type[0] < len(doc) and doc[doc_type[0]].text[:1].isdigit():
            return self._glued_end(doc_type[0])  # "Đề án 06", "Nghị quyết 57-NQ/TW"
        field = self.t.field_words.longest(doc, i)
        if field is None or capitalised is not None and is_cap(doc[i]) != capitalised \
                or not word_ends_at(doc, field[0]):
            return None
        return field[0]

    def _tail(self, end: int) -> int:
        """"Cục Đầu tư *nước ngoài*", "Bệnh viện Nhi *trung ương*": the lower-case nouns and
        adjectives right after a name's last capitalised word belong to it, when what
        follows them ends the noun phrase (a verb, a function word, a mark, a capital)."""
        doc, t, pos, count = self.doc, self.t, end, 0
        while pos < len(doc) and count < _MAX_TAIL and self._tail_word(pos) \
                and (count or self.tags.at(pos) in t.tail_first_tag):  # "Báo Thanh Niên *kịp thời*": an adverb
            pos, count = word_at(doc, pos), count + 1
        if pos == end or pos < len(doc) and (self._tail_word(pos) or self.tags.at(pos) in t.after_tail_tag):
            return end  # no tail, or a longer noun phrase ("Công ty A vốn 100 tỷ"): no telling where it ends
        return pos

    def _tail_word(self, i: int) -> bool:
        """A lower-case noun or adjective that may end a name (no unit, time or function word)."""
        doc, t, tokens = self.doc, self.t, self.tokens
        text = tokens.texts[i]
        if not (tokens.word_start[i] and text.isalpha() and text.islower()) or i in self.places:
            return False
        word = tokens.text(i, word_at(doc, i)).lower()
        if word in t.stopwords or word in t.time_nouns or word in t.plural or word in t.coordinator \
                or self.units.longest(doc, i) or self.zone_types.longest(doc, i) \
                or word in t.number and i + 1 < len(tokens) and tokens.texts[i + 1][:1].isdigit():
            return False
        return self.tags.at(i) in t.tail_tag

    def _name_number(self, i: int, last: int) -> bool:
        """A one- or two-digit number right after a capitalised name word, not counting what follows."""
        doc = self.doc
        return i == last and i > 0 and is_cap(doc[i - 1]) and doc[i].text.isdigit() and len(doc[i].text) <= 2 \
            and not (i + 1 < len(doc) and doc[i + 1].text[:1].islower()
                     and not is_stopword(doc, i + 1, self.t.function_words))

    def _zone_type_end(self, i: int) -> int:
        """End of a zone type word starting at ``i`` ("khu công nghiệp"), 0 when none does."""
        found = self.zone_types.longest(self.doc, i)
        return found[0] if found else 0

    def _word_end(self, i: int) -> int:
        """End of the underthesea word token ``i`` begins ("Dân vận", "Chỉ đạo")."""
        return name_word_end(self.doc, i)

    def _starts_other(self, i: int) -> bool:
        """A capitalised word that begins another body (a parent, or a listed one)."""
        head = self.heads.longest(self.doc, i)
        if head is not None and (head[1].body in ("none", "unit") or head[1].head in self.t.separate_head):
            return True
        return bool(self.known_lower.at(self.doc).get(i)) or i in self.role_tokens

    def _parenthesis(self, i: int) -> str | None:
        """A one-word abbreviation in brackets at ``i``: "(CLB)", "(Vinalines)"."""
        doc = self.doc
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and is_cap(doc[i + 1]) \
                and i + 1 not in self.places:
            return doc[i + 1].text
        return None

    def _glued(self, i: int) -> str:
        return self.doc[i:self._glued_end(i)].text

    def _glued_end(self, i: int) -> int:
        """End of a run of tokens written without spaces ("07-CTr/TU")."""
        end = i + 1
        while end < len(self.doc) and self.doc[end - 1].whitespace_ == "" and self.doc[end].text not in ",.;:()\"'":
            end += 1
        return end



def name_word_end(doc: Doc, i: int) -> int:
    """End of the word a capitalised token ``i`` begins, without a common word underthesea glued
    to the name: each lower-case run must continue the capitalised syllable before it into a word
    of the dictionary ("Đầu tư", "Thừa phát"; not "Freetrend tuyển", "Sen Vàng cầm", "Quế Võ giai đoạn").
    """
    end = i + 1
    while end < len(doc) and not is_word_start(doc[end]) and doc[end].text.isalpha():
        end += 1
    cap, j = i, i + 1
    while j < end:
        if not doc[j].text.islower():
            cap, j = j, j + 1
            continue
        k = j
        while k < end and doc[k].text.islower():
            k += 1
        if fix_tones(doc[cap:k].text.lower()) not in word_prefixes():
            return j
        j = k
    return end


@cache
def word_prefixes() -> frozenset[str]:
    """Every word of underthesea's dictionary and each of its beginnings ("thừa phát" of "thừa phát lại");
    kept between runs (``lexicons.disk_cache``: 0.6 s to make), keyed on the dictionary and ``text.py``."""
    from importlib import resources

    from ..lexicons.disk_cache import cached
    from ..lexicons.gazetteer import dictionary_file

    text_module = resources.files("pipeline").joinpath("text.py")
    return cached("word_prefixes", [dictionary_file(), text_module], _word_prefixes)


def _word_prefixes() -> frozenset[str]:
    out: set[str] = set()
    for word in lexicons.dictionary():
        parts = word.split()
        out.update(fix_tones(" ".join(parts[:n])) for n in range(2, len(parts) + 1))
    return frozenset(out)
