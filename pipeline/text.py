"""Vietnamese text normalisation, folding and slugs shared by every stage."""
from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["normalise", "fix_tones", "fold", "slug", "is_capitalised", "is_upper_word"]

# Old-style tone placement on open syllables -> new style (hoà -> hòa, thuỷ -> thủy).
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_VN_LETTER = "a-zàáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_TONE_RE = re.compile(
    r"(?<![qQ])(" + "|".join(_TONE_PAIRS) + r")(?![" + _VN_LETTER + r"])", re.IGNORECASE
)
# Spaces that are not a plain space or newline but mean one (NBSP, thin space, the blank
# fillers that show as nothing...).
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u2800\u3164\uffa0]")
# Line and page breaks that are not "\n": vertical tab, form feed, separators, NEL.
_ODD_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
# What is never seen on a page: control characters (NUL...), zero-width characters, bidi
# embeddings, overrides and isolates, invisible operators, soft hyphens, tag characters.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
# The combining-mark blocks: every Vietnamese tone and vowel mark once decomposed (NFD).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fix_tones(text: str) -> str:
    """Move tone marks to the new-style position, keeping letter case.

    Examples
    --------
    >>> fix_tones("Hoà Lạc, thuỷ lợi, HOÀ BÌNH, Uỷ ban")
    'Hòa Lạc, thủy lợi, HÒA BÌNH, Ủy ban'
    """

    def repl(m: re.Match) -> str:
        old = m.group(1)
        new = _TONE_PAIRS[old.lower()]
        return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new, strict=True))

    return _TONE_RE.sub(repl, text)


def normalise(text: str) -> str:
    """NFC, one tone-mark style, plain spaces and newlines, no invisible characters.

    Examples
    --------
    >>> normalise("Ho\\u0300a\\u00a0Bi\\u0300nh\\r\\n")
    'Hòa Bình\\n'
    >>> normalise("Trần\\u202e Sỹ\\x00 Thanh\\u2028")
    'Trần Sỹ Thanh\\n'
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ODD_SPACES.sub(" ", text)
    return fix_tones(text)


def fold(text: str) -> str:
    """Strip diacritics and case: the form a user types without a Vietnamese keyboard.

    Examples
    --------
    >>> fold("Nguyễn Văn Phong, Đà Nẵng")
    'nguyen van phong, da nang'
    """
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _COMBINING.sub("", t).casefold()


def slug(text: str) -> str:
    """A stable ASCII IRI segment: folded words plus a short hash of the exact text.

    The hash keeps apart names that fold alike (Hà/Hạ).

    Examples
    --------
    >>> slug("Nguyễn Văn Phong")[:17]
    'nguyen-van-phong-'
    """
    base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "x"
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return f"{base}-{digest}"


def is_capitalised(word: str) -> bool:
    """True when a syllable starts with an upper-case letter ("Hà", "UBND", "Ư")."""
    return bool(word) and word[0].isupper()


def is_upper_word(word: str) -> bool:
    """True for an all-capitals word of letters ("UBND", "QUẾ")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters)
