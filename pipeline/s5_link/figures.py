"""Figure subjects: what each number measures."""
from __future__ import annotations

from dataclasses import dataclass

from ..s4_recognise import Mention, Mentions
from ..s4_recognise.spans import FigureInfo

__all__ = ["Figure", "link_figures"]



@dataclass
class Figure:
    """A recognised figure with the entity it is about and the indicator it measures."""

    mention: Mention[FigureInfo]
    about: str | None
    indicator: str | None
    confidence: float


def link_figures(mentions: Mentions, owner: dict[int, str], fallback: str | None,
                 titles: frozenset[int] = frozenset()) -> list[Figure]:
    """Give each figure a subject.

    The subject is the first zone, organisation or place of the sentence
    before the figure (the sentence's topic: "Khu công nghệ cao Hòa Lạc ...
    thu hút 111 dự án"), else the nearest one after it in the same clause,
    else the report's own locality. Organisations named in a title ("Chủ tịch
    UBND tỉnh X") are not topics. The indicator is the one the recogniser read.
    """
    subjects: dict[int, list[Mention]] = {}
    for kind in ("zones", "organisations", "places"):
        for m in getattr(mentions, kind):
            if id(m) in owner and id(m) not in titles:  # "Chủ tịch *UBND tỉnh* X": a title, not a topic
                subjects.setdefault(m.sentence, []).append(m)
    out = []
    for fig in mentions.figures:
        candidates = sorted(subjects.get(fig.sentence, []), key=lambda m: m.token_start)
        before = [m for m in candidates if m.token_end <= fig.token_start]
        after = [m for m in candidates if m.token_start >= fig.token_end and m.clause_start == fig.clause_end]
        about: str | None
        if before:
            about, confidence = owner[id(before[0])], 0.7
        elif after:
            about, confidence = owner[id(after[0])], 0.5
        else:
            about, confidence = fallback, 0.4
        out.append(Figure(fig, about, fig.info.indicator, confidence))
    return out
