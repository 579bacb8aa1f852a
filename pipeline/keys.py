"""Matching keys: one spelling of a name, casefolded, abbreviations expanded."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from . import lexicons
from .text import fix_tones

__all__ = ["name_key"]

_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_Y_SYLLABLE = re.compile(r"^(qu|[bcdđghklmnprstvx]h?|ngh?|tr|gi)[yýỳỷỹỵ]$")
_KEY_PUNCT = re.compile(r"[.,;:()\[\]\"'“”‘’!?/\-–—_«»…]+")
_EDGE_PUNCT = ".,;:()[]\"'“”‘’!?/-–—_«»…"


def name_key(text: str, expansions: dict[str, str] | None = None) -> str:
    """Matching key for a name: casefolded, one spelling, abbreviations expanded.

    Spelling variants (Quí/Quý, hoà/hòa) and abbreviations (UBND, TP.) give the
    same key, so mentions of one thing meet.

    Examples
    --------
    >>> name_key("UBND TP. Hà Nội") == name_key("Ủy ban nhân dân thành phố Hà Nội")
    True
    >>> name_key("Phạm Quí Tiên") == name_key("Phạm Quý Tiên")
    True
    >>> name_key("Ban Chấp hành TƯ") == name_key("Ban Chấp hành Trung ương"), name_key("tư nhân")
    (True, 'tư nhân')
    """
    if expansions is None:
        expansions = lexicons.abbreviation_keys()
    caps, caps_pattern = _caps_only()
    t = caps_pattern.sub(lambda m: caps[m.group(0)], fix_tones(unicodedata.normalize("NFC", text)))
    t = t.casefold()
    words = []
    for raw in t.split():
        core = raw.strip(_EDGE_PUNCT)
        if core in expansions:  # whole abbreviations with inner punctuation: t.ư, lđ-tb&xh
            words.extend(expansions[core].split())
            continue
        for w in _KEY_PUNCT.sub(" ", core).split():
            words.extend((_and() if w == "&" else expansions.get(w, w)).split())
    return " ".join(w.translate(_Y_TO_I) if _Y_SYLLABLE.match(w) else w for w in words)


@cache
def _and() -> str:
    """The word "&" stands for ("KH&CN" = khoa học và công nghệ)."""
    return lexicons.word("coordinator")


@cache
def _caps_only() -> tuple[dict[str, str], re.Pattern[str]]:
    """Abbreviations that count only in capitals, and a pattern finding them as whole words."""
    table = {str(r[0]): str(r[1]) for r in lexicons.table("caps_abbreviations.tsv")}
    alternatives = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"(?<![\w.])({alternatives})(?![\w])")
