"""Names a report gives to places: a name it writes after a place noun is no person elsewhere in it."""
from __future__ import annotations

from collections.abc import Set
from functools import cache

from spacy.tokens import Doc, Span

from .. import lexicons
from ..text import is_capitalised, is_upper_word
from .tokens import TokenTable, table

__all__ = ["place_named", "without_place_names"]

_MAX_SYLLABLES = 4
_DASHES = {"-", "–", "—"}


def without_place_names(doc: Doc, persons: list[Span], titled: Set[str] = frozenset(),
                        official: Set[int] = frozenset()) -> list[Span]:
    """The persons of ``doc`` less those a place noun names elsewhere in the report, and the names
    of streets, seas and awards never a person's (``not_persons.txt``) unless a cue introduces them.

    A person found by its family name alone ("Kim Mã", "Bạch Mai", "Phan Đình Phùng") is
    dropped when the report writes the same name after a place noun ("bến xe Kim Mã",
    "Bệnh viện Bạch Mai", "số 96 Phan Đình Phùng", "xã Đồng Tâm") and never after a
    person's cue ("ông", a title: ``_.person.cue``; a role right before it: ``titled``, the
    names so written): one report does not use one name for a street and for a man it never
    introduces. ``official``: the token positions a role or a body's head noun ends at, where a
    unit word starts a body's name, not a place's ("Chủ tịch UBND tỉnh *Nguyễn Đức Chính*").

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> doc = run_stages("Người bệnh đến Bệnh viện Bạch Mai từ sáng sớm. Bạch Mai đã quá tải.", until="recognise").doc
    >>> [s.text for s in doc.spans["persons"]]
    []
    >>> doc = run_stages("Ông Bạch Văn Mai làm việc tại Bệnh viện Bạch Mai. Bạch Văn Mai cho biết…",
    ...                  until="recognise").doc
    >>> [s.text for s in doc.spans["persons"]]
    ['Bạch Văn Mai', 'Bạch Văn Mai']
    """
    named = place_named(doc, official) | _not_persons()
    if not named:
        return persons
    cued = {s.text for s in persons if s._.person.cue} | set(titled)
    return [s for s in persons if s._.person.cue or s._.person.byline or s.text not in named or s.text in cued]


def place_named(doc: Doc, official: Set[int] = frozenset()) -> set[str]:
    """The names ``doc`` writes right after a place noun (``place_nouns.txt`` and the street
    words of ``person_blockers.txt``), after a house number ("số 34"; "253" when a comma and a
    unit word follow the name: "253 Kim Mã, quận Ba Đình"), or as the name of a
    unit it recognised with its unit word ("xã Đồng Tâm"); not after a noun that ends a
    body's name or a role (``official`` positions, an acronym before it: "UBND tỉnh", "Chủ
    tịch xã", where the person's name follows)."""
    nouns, surnames, numbers = _nouns(), lexicons.surnames(), lexicons.words("number_word")
    first_words = _first_words()
    found = {s._.place.name for s in doc.spans.get("places", []) if s._.place.unit and s._.place.name}
    t = table(doc)
    texts, words, n = t.texts, t.lower, len(t)
    for i in range(n):
        if not t.word_start[i] or texts[i] in surnames and i > 0 and not t.sent_start[i]:
            continue  # "Hồ Chí Minh", "Đỉnh": a family name inside a sentence starts a person's name
        if words[i] not in first_words and words[i] not in numbers and not words[i][:1].isdigit():
            continue  # nothing below can start here (checked first: most words are none of these)
        if i in official or i > 0 and len(texts[i - 1]) > 1 and is_upper_word(texts[i - 1]):
            continue
        for size in (3, 2, 1) if words[i] in first_words else ():  # a noun can start here
            if " ".join(words[i:i + size]) in nouns:
                _add_run(t, i + size, found)
                break
        if words[i] in numbers and i + 1 < n and texts[i + 1][:1].isdigit():  # "số 96 Phan Đình Phùng"
            _add_run(t, i + 2, found)
        elif words[i][:1].isdigit() and i + 1 < n and _address_at(t, i + 1, nouns):
            _add_run(t, i + 1, found)  # "253 Kim Mã, quận Ba Đình": a house number, a street, its unit
    return found


def _add_run(t: TokenTable, start: int, found: set[str]) -> None:
    """The name at ``start`` (its first two syllables or more) and, past a dash, the next one:
    "ngã ba Lý Thái Tổ - Lê Duẩn", "cao tốc Đồng Đăng – Trà Lĩnh" name two streets, two places."""
    end, n = start, len(t)
    while end < n and end - start < _MAX_SYLLABLES and t.texts[end][:1].isalpha() and is_capitalised(t.texts[end]) \
            and (end == start or t.space_after[end - 1]):
        end += 1
    for stop in range(start + 2, end + 1):  # "bến xe Kim Mã đã": "Kim Mã"
        found.add(t.text(start, stop))
    if end - start >= 2 and end + 1 < n and t.texts[end] in _DASHES:
        _add_run(t, end + 1, found)


def _address_at(t: TokenTable, start: int, nouns: Set[str]) -> bool:
    """A capitalised name at ``start`` of two to four syllables, then a comma and a place noun."""
    end, n = start, len(t)
    while end < n and end - start < _MAX_SYLLABLES and t.texts[end].isalpha() and is_capitalised(t.texts[end]):
        end += 1
    return end - start >= 2 and end + 1 < n and t.texts[end] == "," and t.lower[end + 1] in nouns


@cache
def _not_persons() -> frozenset[str]:
    return frozenset(lexicons.lines("not_persons.txt"))


@cache
def _nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.lines("place_nouns.txt")) | lexicons.person_blockers()


@cache
def _first_words() -> frozenset[str]:
    """The first word of each place noun: a token that is none starts no noun."""
    return frozenset(noun.split(" ")[0] for noun in _nouns())
