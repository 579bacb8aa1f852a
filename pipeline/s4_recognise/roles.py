"""Roles: position words with their modifiers (Phó, Quyền, nguyên, Thường trực)."""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from .lookup import PhraseTable, is_cap, is_word_start, lower, require_words
from .spans import RoleInfo

__all__ = ["RoleRecogniser", "role_label"]



@Language.factory("vnkg_roles", requires=["token.tag", "doc.spans"], assigns=["doc.spans", "span._.role"])
def make_roles(nlp: Language, name: str) -> RoleRecogniser:
    return RoleRecogniser(nlp)


class RoleRecogniser:
    """Find position words; write ``doc.spans["roles"]``.

    The grammar is ``[nguyên] [Quyền] [Phó] ROLE [Thường trực | thứ nhất]``
    with ROLE from the lexicon. ``_.role`` (:class:`RoleInfo`) gives the canonical ``label``
    ("Phó Chủ tịch Thường trực"), ``former``, the ``org_head`` token index
    when the role's last word begins the organisation ("Trưởng ban" → "Ban
    ..."), ``implied_org`` (with the country when one follows: "Thủ tướng
    Nhật Bản" implies "Chính phủ Nhật Bản") and the role ``kind``.
    """

    def __init__(self, nlp: Language):
        self.table = PhraseTable(nlp, [(e.canonical, e) for e in lexicons.roles().values()])
        self.after = PhraseTable(nlp, [(a, a) for a in sorted(lexicons.words("role_suffix"))])
        self.deputy, self.acting = lexicons.words("deputy"), lexicons.words("acting")
        self.former = lexicons.words("former")
        self.modifiers = self.deputy | self.acting | self.former
        self.assistants = lexicons.words("assistant")
        self.home = lexicons.words("home_country")
        self.foreign_only = lexicons.words("foreign_office")
        self.fields = PhraseTable(nlp, [(f, f) for f in lexicons.ministry_fields()])
        self.bodies = PhraseTable(nlp, [(b, b) for b in lexicons.words("role_named_body")])
        self.suffixes = lexicons.words("role_suffix")
        self.standing = PhraseTable(nlp, [(b, b) for b in lexicons.words("standing_office")])

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_roles")
        spans: list[Span] = []
        found = self.table.at(doc)
        countries = {p.start: p._.place.name for p in doc.spans.get("places", [])
                     if p._.place.level == "country" and p._.place.name not in self.home}
        after = self.after.at(doc)
        fields = self.fields.at(doc)
        # "Đoàn *Chủ tịch*", "Ban *Bí thư*": a body named by a role word holds no role
        inside = {j for b, hits in self.bodies.at(doc).items() if is_word_start(doc[b])
                  for e, _ in hits for j in range(b + 1, e)}
        standing = self.standing.at(doc)
        taken_until = 0
        for i in range(len(doc)):
            if i < taken_until or i not in found or i in inside:
                continue
            end, entry = found[i][0]
            if entry.canonical.lower() in self.suffixes and end not in standing:
                continue  # "Thường trực" is an office only of some bodies ("Thường trực Ban Bí thư")
            start, former = i, False
            deputy: str | None = None
            acting: str | None = None
            while start > 0 and lower(doc[start - 1]) in self.modifiers and not _inside_word(doc, start - 1):
                word = lower(doc[start - 1])
                deputy = word if word in self.deputy else deputy
                acting = word if word in self.acting else acting
                former |= word in self.former
                start -= 1
            suffix = None
            if end in after:
                suffix_end, suffix = after[end][0]
                head_follows = entry.org_head and suffix_end < len(doc) \
                    and doc[suffix_end].lower_ == entry.org_head.split()[0].lower()
                if entry.org_head is None or head_follows:  # "Phó Trưởng ban Thường trực Ban Tổ chức"
                    end = suffix_end
                else:
                    suffix = None
            named = None
            if entry.field_org and end in fields and is_cap(doc[end]):  # "Bộ trưởng *Ngoại giao*": the body named
                field_end, field = max(fields[end])
                named, end = f"{entry.field_org} {field}", field_end
            span = Span(doc, start, end, label="role")
            org_head = None
            if entry.org_head and not suffix:  # "Trưởng *ban*", "Chánh *Văn phòng*": the organisation starts there
                width = len(entry.org_head.split())
                # ... unless the head is written again after the role: "Trưởng ban *Ban* Quản lý"
                repeated = doc[end:end + width].text.lower() == entry.org_head.lower()
                if doc[end - width:end].text.lower() == entry.org_head.lower() and not repeated:
                    org_head = end - width
            # "Thủ tướng Pakistan": the office is Pakistan's government, not Viet Nam's
            # a foreign country after the role: its body, never Viet Nam's ("Tổng Bí thư Lào" implies none)
            foreign = entry.foreign_org if end in countries else None
            implied = f"{foreign} {countries[end]}" if foreign else None if end in countries else entry.implied_org
            if implied is None and entry.canonical.lower() in self.foreign_only:
                implied = entry.foreign_org  # "Tổng thống Donald Trump": a foreign state, the country left unsaid
            if named:  # "Bộ trưởng Thương mại Indonesia" -> "Bộ Thương mại Indonesia"
                implied = f"{named} {countries[end]}" if end in countries else named
            span._.role = info = RoleInfo(role_label(entry.canonical, deputy, acting, suffix), entry.canonical,
                                          entry.kind, former=former, org_head=org_head, implied_org=implied)
            if spans and spans[-1].end == start and spans[-1]._.role.base.lower() in self.assistants:
                # "Trợ lý Chủ tịch Quốc hội": the assistant's post, in the principal's body
                first = spans.pop()
                span = Span(doc, first.start, end, label="role")
                span._.role = replace(info, label=f"{first._.role.label} {info.label}", former=first._.role.former)
            spans.append(span)
            taken_until = end
        doc.spans["roles"] = spans
        return doc


def role_label(base: str, deputy: str | None = None, acting: str | None = None, suffix: str | None = None) -> str:
    """The canonical label of a role: its modifiers as written, each word capitalised.

    Examples
    --------
    >>> role_label("Chủ tịch", deputy="phó", suffix="thường trực")
    'Phó Chủ tịch Thường trực'
    >>> role_label("trưởng ban", deputy="phó", acting="quyền")
    'Quyền Phó Trưởng ban'
    """
    return " ".join(_capitalised(w) for w in (acting, deputy, base, suffix) if w)


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def _inside_word(doc: Doc, i: int) -> bool:
    """The token ends a dictionary word with the syllable before it ("chính *quyền*" is no
    acting office; "Trình *Phó* Thủ tướng", which the word segmenter may glue, is a deputy).

    >>> from pipeline import nlp
    >>> doc = nlp()("chính quyền Tổng thống")
    >>> _inside_word(doc, 1)
    True
    """
    return i > 0 and f"{doc[i - 1].text} {doc[i].text}".lower() in lexicons.dictionary()
