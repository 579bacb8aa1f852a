"""Roles: position words with their modifiers (Phó, Quyền, nguyên, Thường trực)."""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicons
from .lookup import PhraseTable, lower, require_words
from .spans import RoleInfo

__all__ = ["RoleRecogniser", "role_label"]

_DEPUTY = {"phó"}
_ACTING = {"quyền"}
_FORMER = {"nguyên"}
_AFTER = ("thường trực", "thứ nhất", "phụ trách")
_ASSISTANTS = {"trợ lý", "thư ký", "cố vấn"}


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
        self.after = PhraseTable(nlp, [(a, a) for a in _AFTER])

    def __call__(self, doc: Doc) -> Doc:
        require_words(doc, "vnkg_roles")
        spans: list[Span] = []
        found = self.table.at(doc)
        countries = {p.start: p._.place.name for p in doc.spans.get("places", [])
                     if p._.place.level == "country" and p._.place.name != "Việt Nam"}
        after = self.after.at(doc)
        taken_until = 0
        for i in range(len(doc)):
            if i < taken_until or i not in found:
                continue
            end, entry = found[i][0]
            start, deputy, acting, former = i, False, False, False
            while start > 0 and lower(doc[start - 1]) in _DEPUTY | _ACTING | _FORMER:
                word = lower(doc[start - 1])
                deputy |= word in _DEPUTY
                acting |= word in _ACTING
                former |= word in _FORMER
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
            span = Span(doc, start, end, label="role")
            org_head = None
            if entry.org_head and not suffix:  # "Trưởng *ban*", "Chánh *Văn phòng*": the organisation starts there
                width = len(entry.org_head.split())
                if doc[end - width:end].text.lower() == entry.org_head.lower():
                    org_head = end - width
            # "Thủ tướng Pakistan": the office is Pakistan's government, not Viet Nam's
            implied = f"{entry.implied_org} {countries[end]}" if entry.implied_org and end in countries \
                else entry.implied_org
            span._.role = info = RoleInfo(role_label(entry.canonical, deputy, acting, suffix), entry.canonical,
                                          entry.kind, former=former, org_head=org_head, implied_org=implied)
            if spans and spans[-1].end == start and spans[-1]._.role.base.lower() in _ASSISTANTS:
                # "Trợ lý Chủ tịch Quốc hội": the assistant's post, in the principal's body
                first = spans.pop()
                span = Span(doc, first.start, end, label="role")
                span._.role = replace(info, label=f"{first._.role.label} {info.label}", former=first._.role.former)
            spans.append(span)
            taken_until = end
        doc.spans["roles"] = spans
        return doc


def role_label(base: str, deputy: bool = False, acting: bool = False, suffix: str | None = None) -> str:
    """The canonical label of a role.

    Examples
    --------
    >>> role_label("Chủ tịch", deputy=True, suffix="thường trực")
    'Phó Chủ tịch Thường trực'
    >>> role_label("trưởng ban", deputy=True)
    'Phó Trưởng ban'
    """
    words = base[:1].upper() + base[1:]
    if deputy:
        words = "Phó " + words
    if acting:
        words = "Quyền " + words
    if suffix:
        words += " " + suffix[:1].upper() + suffix[1:]
    return words
