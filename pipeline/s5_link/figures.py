"""Figure subjects: what each number measures."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import lexicons
from ..s4_recognise import Mention
from ..s4_recognise.lookup import is_stopword

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


def link_figures(doc, mentions: dict[str, list[Mention]], owner: dict[int, str], fallback: str | None,
                 titles: set[int] = frozenset()) -> list[Figure]:
    """Give each figure a subject.

    The subject is the first zone, organisation or place of the sentence
    before the figure (the sentence's topic: "Khu công nghệ cao Hòa Lạc ...
    thu hút 111 dự án"), else the nearest one after it in the same clause,
    else the report's own locality. Organisations named in a title ("Chủ tịch
    UBND tỉnh X") are not topics. The noun phrase before the number, when it
    begins with an indicator noun ("tổng vốn đăng ký"), is the indicator.
    """
    subjects: dict[int, list[Mention]] = {}
    for kind in ("zones", "organisations", "places"):
        for m in mentions[kind]:
            if id(m) in owner and id(m) not in titles:  # "Chủ tịch *UBND tỉnh* X": a title, not a topic
                subjects.setdefault(m.sentence, []).append(m)
    out = []
    for fig in mentions["figures"]:
        candidates = sorted(subjects.get(fig.sentence, []), key=lambda m: m.token_start)
        before = [m for m in candidates if m.token_end <= fig.token_start]
        after = [m for m in candidates if m.token_start >= fig.token_end
                 and not any(t.text in _CLAUSE_END for t in doc[fig.token_end:m.token_start])]
        if before:
            about, confidence = owner[id(before[0])], 0.7
        elif after:
            about, confidence = owner[id(after[0])], 0.5
        else:
            about, confidence = fallback, 0.4
        out.append(Figure(fig, about, _indicator(doc, fig), confidence))
    return out


def _indicator(doc, fig: Mention) -> str | None:
    """The noun phrase right before the number when it names an indicator ("tổng vốn đăng ký")."""
    stop = lexicons.stopwords() | lexicons.qualifiers()
    end = fig.token_start
    while end > 0 and doc[end - 1].lower_ in lexicons.qualifiers():
        end -= 1
    if end > 0 and doc[end - 1].lower_ in ("là", "đạt", "chiếm"):
        end -= 1  # "tổng diện tích ... là 1.348ha"
    start = end
    while start > 0 and end - start < _MAX_INDICATOR:
        tok = doc[start - 1]
        if not tok.text.isalpha() or is_stopword(doc, start - 1, stop | _LINK_WORDS) or tok.text[:1].isupper():
            break
        start -= 1
    heads = _indicator_heads()
    for i in range(start, end):  # the indicator begins at its head noun
        rest = doc[i:end].text.lower()
        if any(rest == h or rest.startswith(h + " ") for h in heads):
            return doc[i:end].text
    return None


@cache
def _indicator_heads() -> tuple[str, ...]:
    return tuple(lexicons.lines("indicator_heads.txt"))
