"""Figure subjects: what each number measures."""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicons
from ..s4_recognise import Mention

__all__ = ["Figure", "link_figures"]

_CLAUSE_END = {",", ";", ":", "(", ")", ".", "“", "”", '"', "-", "–"}
_LINK_WORDS = {"là", "có", "đạt", "với", "gồm", "chiếm", "tăng", "giảm", "thu hút", "được", "khoảng", "trên", "của"}
_MAX_INDICATOR = 8


@dataclass
class Figure:
    """A recognised figure with the entity it is about and the indicator it measures."""

    mention: Mention
    about: str | None
    indicator: str | None
    confidence: float


def link_figures(doc, mentions: dict[str, list[Mention]], owner: dict[int, str], fallback: str | None) -> list[Figure]:
    """Give each figure a subject.

    The subject is the first zone, organisation or place of the sentence
    before the figure (the sentence's topic: "Khu công nghệ cao Hòa Lạc ...
    thu hút 111 dự án"), else the nearest one after it in the sentence, else
    the report's own locality. The words before the number in its clause
    ("tổng vốn đăng ký") are kept as the indicator.
    """
    subjects: dict[int, list[Mention]] = {}
    for kind in ("zones", "organisations", "places"):
        for m in mentions[kind]:
            if id(m) in owner:
                subjects.setdefault(m.sentence, []).append(m)
    out = []
    for fig in mentions["figures"]:
        candidates = sorted(subjects.get(fig.sentence, []), key=lambda m: m.token_start)
        before = [m for m in candidates if m.token_end <= fig.token_start]
        after = [m for m in candidates if m.token_start >= fig.token_end]
        if before:
            about, confidence = owner[id(before[0])], 0.7
        elif after:
            about, confidence = owner[id(after[0])], 0.5
        else:
            about, confidence = fallback, 0.4
        out.append(Figure(fig, about, _indicator(doc, fig), confidence))
    return out


def _indicator(doc, fig: Mention) -> str | None:
    stop = lexicons.stopwords()
    end = fig.token_start
    start = end
    while start > 0 and end - start < _MAX_INDICATOR:
        tok = doc[start - 1]
        if tok.text in _CLAUSE_END or tok.is_space or tok.is_sent_start and start - 1 < end - _MAX_INDICATOR:
            break
        if tok.text[:1].isdigit() or tok.text[:1].isupper() and start - 1 != doc[start - 1].sent.start:
            break
        start -= 1
        if tok.is_sent_start:
            break
    words = [t for t in doc[start:end] if not t.is_space]
    while words and (words[0].lower_ in stop or words[0].lower_ in _LINK_WORDS):
        words.pop(0)
    while words and (words[-1].lower_ in stop or words[-1].lower_ in _LINK_WORDS or words[-1].lower_ in lexicons.qualifiers()):
        words.pop()
    text = doc[words[0].i:words[-1].i + 1].text if words else ""
    return text or None
