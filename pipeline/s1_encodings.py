"""Decoding report bytes: Unicode encodings, Windows-1258, and refusing legacy TCVN3 and VNI."""
from __future__ import annotations

import re

__all__ = ["decode", "legacy_encoding", "EncodingError"]

# Letters only Vietnamese uses, precomposed (ă â đ ê ô ơ ư and every toned vowel).
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁẢÃẠÈÉẺẼẸÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴ]")
# TCVN3 (ABC) puts Vietnamese letters on bytes that, read as Windows code pages,
# are these symbols: "Hà Nội" becomes "Hµ Néi".
_TCVN3 = re.compile("[µ¸¶·¹¨©ª«¬®¾»¼½]")
# VNI writes a base letter then a tone or hat byte: "Hà Nội" becomes "Haø Noäi".
_VNI = re.compile("[a-zA-Z][øûïäöë]|ñ")
_MIN_SIGNS = 5


class EncodingError(Exception):
    """Text in an encoding vnkg will not guess its way through; the message names it."""


def legacy_encoding(text: str) -> str | None:
    """The legacy Vietnamese encoding ``text`` is in, read as if it were Unicode, or None.

    Examples
    --------
    >>> legacy_encoding("Héi nghÞ tæng kÕt ch­¬ng tr×nh t¹i Hµ Néi, thµnh phè Hµ Néi")
    'TCVN3 (ABC)'
    >>> legacy_encoding("Hoäi nghò toång keát chöông trình taïi Haø Noäi, thaønh phoá Haø Noäi")
    'VNI'
    >>> legacy_encoding("Hội nghị tổng kết chương trình tại Hà Nội") is None
    True
    """
    vietnamese = len(_VIETNAMESE.findall(text))
    tcvn = len(_TCVN3.findall(text))
    vni = len(_VNI.findall(text))
    if tcvn >= _MIN_SIGNS and tcvn > vietnamese / 4:
        return "TCVN3 (ABC)"
    if vni >= _MIN_SIGNS and vni > vietnamese / 4:
        return "VNI"
    return None


def decode(raw: bytes) -> str:
    """Text of a plain-text report: UTF-8 (with or without BOM), UTF-16, or Windows-1258.

    Raises ``EncodingError`` for binary data and for TCVN3 or VNI text (named),
    which must be converted to Unicode first.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise EncodingError("not valid UTF-16 text") from None
    elif b"\x00" in raw[:4096]:
        text = _utf16_without_bom(raw)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _mostly_utf8(raw) or raw.decode("cp1258", errors="replace")  # Windows-1258: combining tones
            if text.count("\ufffd") > len(text) / 100:
                raise EncodingError("neither UTF-8 nor Windows-1258 text") from None
    legacy = legacy_encoding(text)
    if legacy:
        raise EncodingError(f"text in the legacy {legacy} encoding; convert it to Unicode (UTF-8) first")
    return text


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a file cut inside a character, a stray byte pasted from another
    encoding): the text with U+FFFD where they were, rather than the whole file taken for Windows-1258.

    >>> _mostly_utf8("Thành ủy Hà Nội".encode()[:-2])  # cut inside the "ộ"
    'Thành ủy Hà N\\ufffd'
    >>> _mostly_utf8("Hà Nam phát hành".encode("cp1258")) is None  # Windows-1258
    True
    """
    text = raw.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127)  # in real UTF-8 Vietnamese, most of these are letters
    return text if bad <= max(2, non_ascii // 100) and bad < non_ascii else None


def _utf16_without_bom(raw: bytes) -> str:
    """UTF-16 without a byte-order mark shows NUL every other byte; anything else with NUL is binary."""
    even, odd = raw[0:4096:2].count(0), raw[1:4096:2].count(0)
    half = min(len(raw), 4096) // 2
    if half and max(even, odd) > half * 0.6 and min(even, odd) < half * 0.1:
        try:
            return raw.decode("utf-16-be" if even > odd else "utf-16-le")
        except UnicodeDecodeError:
            pass
    raise EncodingError("binary data, not text")
