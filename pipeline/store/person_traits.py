"""What tells two persons of one name apart when neither holds a post: descriptors, ages, common names."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

__all__ = ["mention_traits", "private", "told_apart", "common_name", "crowded_name"]

_AGE = re.compile(r"^\s*[(,–-]\s*(?:(\d{1,3})\s*tuổi|(?:SN|sinh năm)\s*(\d{4}))", re.IGNORECASE)


def mention_traits(sentence: str, surface: str) -> frozenset[str]:
    """The traits one mention gives its person: ``group:NAME`` for a descriptor written right before
    the name (``person_descriptors.tsv``), ``age:N`` and ``born:YYYY`` for an age or a birth year
    written right after it.

    Examples
    --------
    >>> sorted(mention_traits("Sáng nay, luật sư Trần Tuấn Anh cho biết.", "Trần Tuấn Anh"))
    ['group:lawyer']
    >>> sorted(mention_traits("Nguyễn Văn Hùng (45 tuổi, trú tại xã Tân Lập) bị bắt.", "Nguyễn Văn Hùng"))
    ['age:45']
    >>> sorted(mention_traits("Thủ tướng Anh Boris Johnson phát biểu.", "Boris Johnson"))  # the country
    []
    """
    found: set[str] = set()
    start = sentence.find(surface)
    while start >= 0 and surface:
        before = sentence[:start].rstrip()
        for word, group in _descriptors():
            if before.lower().endswith(word.lower()) and _whole_word(before, word):
                found.add(f"group:{group}")
                break
        age = _AGE.match(sentence[start + len(surface):])
        if age:
            found.add(f"age:{age.group(1)}" if age.group(1) else f"born:{age.group(2)}")
        start = sentence.find(surface, start + len(surface))
    return frozenset(found)


def private(traits: Iterable[str]) -> bool:
    """True when a person's traits say it is no state official: an occupation, a part in a case, a
    form of address for a child, an age.

    >>> private({"group:arts"}), private(set())
    (True, False)
    """
    return any(traits)


def told_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two post-less persons of one name are two: descriptors of two groups (a lawyer and a
    singer; "any" tells none apart), or two ages, or two birth years, and nothing shared of that kind.

    >>> told_apart(frozenset({"group:lawyer"}), frozenset({"group:arts"}))
    True
    >>> told_apart(frozenset({"group:arts"}), frozenset()), told_apart(frozenset({"group:any"}),
    ...     frozenset({"group:arts"}))
    (False, False)
    """
    for prefix in ("group:", "age:", "born:"):
        mine = {t for t in a if t.startswith(prefix) and t != "group:any"}
        theirs = {t for t in b if t.startswith(prefix) and t != "group:any"}
        if mine and theirs and not mine & theirs:
            return True
    return False


def common_name(key: str) -> bool:
    """True for a name many people hold (a name key): a common family name with the middle name "Văn"
    or "Thị" (``word_classes.tsv``: common_surname, common_middle), or a family name and one given
    name alone (``surnames.txt``: "Phạm Hải", a byline).

    >>> common_name("nguyễn văn hùng"), common_name("vũ đức đam"), common_name("phạm hải")
    (True, False, True)
    >>> common_name("bill clinton"), common_name("đàm vĩnh hưng")
    (False, False)
    """
    from .. import lexicons

    words = key.split()
    if len(words) == 2:
        return words[0] in _surnames()
    return len(words) == 3 and words[0] in lexicons.words("common_surname") \
        and words[1] in lexicons.words("common_middle")


def crowded_name(key: str) -> bool:
    """True for a name whose holders an official cannot be told from on the name alone: a common
    name, or any name of a family name most Vietnamese bear (``word_classes.tsv``: crowded_surname,
    "Nguyễn Đức Long"); a person with no
    post joins an official of such a name only on the report's evidence (his body, his place).

    >>> crowded_name("nguyễn đức long"), crowded_name("vũ tiến lộc"), crowded_name("trần văn nam")
    (True, False, True)
    """
    from .. import lexicons

    return common_name(key) or key.split(" ", 1)[0] in lexicons.words("crowded_surname")


def _whole_word(before: str, word: str) -> bool:
    """The descriptor ends ``before`` as whole words; a capitalised form of address counts only at a
    sentence's start ("Anh" after "Thủ tướng" is the country)."""
    head = before[: len(before) - len(word)]
    if head and (head[-1].isalnum()):
        return False
    written = before[len(before) - len(word):]
    return not (word.islower() and written[0].isupper() and head.strip() and head.rstrip()[-1] not in ".!?:\"“(")


@cache
def _descriptors() -> tuple[tuple[str, str], ...]:
    from ..lexicons.files import need, table

    return tuple(sorted(((need(r[0]), need(r[1])) for r in table("person_descriptors.tsv")), key=lambda r: -len(r[0])))


@cache
def _surnames() -> frozenset[str]:
    from .. import lexicons
    from ..keys import name_key

    return frozenset(name_key(s) for s in lexicons.surnames())
