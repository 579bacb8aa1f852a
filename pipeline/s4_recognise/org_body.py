"""Reading an organisation's name word by word: where a name ends, and the tables the grammar reads."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicons
from ..lexicons import KnownOrg, OrgHead, PlaceUnit
from ..text import fix_tones, is_upper_word
from .lookup import PhraseTable, is_alpha, is_cap, is_stopword, is_word_start, lower, word_at
from .word_tags import WordTags

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["OrgTables", "NameReader", "name_word_end", "word_prefixes"]

_JOINING_MARKS = {"&", "-", "–"}
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


class NameReader:
    """One Doc's tokens and spans, read by the name grammar: where a name that starts somewhere ends."""

    def __init__(self, tables: OrgTables, doc: Doc):
        self.t = tables
        self.heads, self.known_lower, self.known_exact = tables.heads, tables.known_lower, tables.known_exact
        self.fields, self.ban_bodies, self.legal = tables.fields, tables.ban_bodies, tables.legal
        self.units, self.zone_types = tables.units, tables.zone_types
        self.doc = doc
        self.tags = WordTags(doc)
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
        doc, t = self.doc, self.t
        tok = doc[i]
        if not (is_word_start(tok) and tok.text.isalpha() and tok.text.islower()) or i in self.places:
            return False
        word = doc[i:word_at(doc, i)].text.lower()
        if is_stopword(doc, i, t.stopwords) or word in t.time_nouns or word in t.plural or word in t.coordinator \
                or self.units.longest(doc, i) or self.zone_types.longest(doc, i) \
                or word in t.number and i + 1 < len(doc) and doc[i + 1].text[:1].isdigit():
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
    """Every word of underthesea's dictionary and each of its beginnings ("thừa phát" of "thừa phát lại")."""
    out: set[str] = set()
    for word in lexicons.dictionary():
        parts = word.split()
        out.update(fix_tones(" ".join(parts[:n])) for n in range(2, len(parts) + 1))
    return frozenset(out)
