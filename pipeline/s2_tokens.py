"""vnkg's tokens: syllables, numbers and marks, cut by vnkg's regex or taken from underthesea's tokens."""
from __future__ import annotations

import re

__all__ = ["tokenise", "tokens_from"]

# Numbers keep their separators and joined forms (1.348, 7,37, 4/7, 700-800,
# 05/12/2021) as one token; words keep inner . & ' - (KH&CN, T.Ư, CTr-UBND).
_TOKEN = re.compile(
    r"https?://\S+"
    r"|\d+(?:[.,]\d+)*(?:[/\-–]\d+(?:[.,]\d+)*)*"
    r"|[^\W\d_][^\W_]*(?:[.&'’\-][^\W_]+)*"
    r"|\S"
)
# "TP.Hà" is an abbreviation glued to a name: "TP", "." and "Hà", as if spaced.
_GLUED = re.compile(r"^([A-ZĐ]{1,3})\.([A-ZĐÀ-Ỹ][a-zà-ỹđ]+)$")


def tokenise(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Cut text into (token, start, end) without underthesea.

    Examples
    --------
    >>> [t for t, _, _ in tokenise("UBND TP.Hà Nội có 1.348ha, 4/7 chỉ tiêu.")]
    ['UBND', 'TP', '.', 'Hà', 'Nội', 'có', '1.348', 'ha', ',', '4/7', 'chỉ', 'tiêu', '.']
    """
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.start() + offset, m.end() + offset
        glued = _GLUED.match(m.group())
        if glued:
            cut = s + len(glued.group(1))
            out += [(glued.group(1), s, cut), (".", cut, cut + 1), (glued.group(2), cut + 1, e)]
        else:
            out.append((m.group(), s, e))
    return out


def tokens_from(piece: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """vnkg's tokens of a piece (``tokenise``) from underthesea's tokens of it (character spans).

    A run of underthesea's tokens with no space between them that holds one word of letters or
    one number of digits and otherwise single marks ("(2024),", "nghị.") is cut there as it is:
    vnkg's regex joins a word or number only with letters, digits and marks between them. Any
    other run ("1.348ha", "TP.Hà", a link) is given to ``tokenise``: vnkg's tokens never hold a
    space, so cutting a run between spaces cuts as cutting the whole piece does. Every character
    but a space is in one of underthesea's tokens; if not, the piece is given to ``tokenise`` whole.

    >>> piece = "Hà Nội có 1.348ha, (2024)."
    >>> tokens_from(piece, [(0, 2), (3, 6), (7, 9), (10, 15), (15, 17), (17, 18), (19, 20), (20, 24), (24, 25),
    ...                     (25, 26)])
    [('Hà', 0, 2), ('Nội', 3, 6), ('có', 7, 9), ('1.348', 10, 15), ('ha', 15, 17), (',', 17, 18), \
('(', 19, 20), ('2024', 20, 24), (')', 24, 25), ('.', 25, 26)]
    """
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(spans)
    while i < n:
        start, end = spans[i]
        j = i + 1
        while j < n and spans[j][0] == spans[j - 1][1]:  # the run goes on up to a space
            j += 1
        if j == i + 1:  # most runs: one word, number or mark
            text = piece[start:end]
            out += [(text, start, end)] if len(text) == 1 or text.isalpha() or text.isdecimal() else \
                tokenise(text, start)
        else:
            out += _run_tokens(piece, spans[i:j])
        i = j
    if sum(e - s for _, s, e in out) != len("".join(piece.split())):  # a character in no token
        return tokenise(piece)
    return out


def _run_tokens(piece: str, run: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    texts = [piece[s:e] for s, e in run]
    whole = [t for t in texts if len(t) > 1 or t.isalnum() or t == "_"]
    if len(whole) <= 1 and (not whole or (whole[0].isalpha() or whole[0].isdecimal())
                            and whole[0].lower() not in ("http", "https")):
        return [(t, s, e) for t, (s, e) in zip(texts, run, strict=True)]
    return tokenise(piece[run[0][0]:run[-1][1]], run[0][0])
