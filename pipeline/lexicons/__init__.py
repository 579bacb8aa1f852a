"""Lexicons: the package's vocabulary files, each loaded once on first use.

Every file in this folder starts with a comment header saying what it holds
and where it comes from. Lines starting with "#" are comments; tables are
tab-separated and "-" marks an empty cell. The gazetteer of administrative
units and the word list come from data underthesea ships (``gazetteer``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .files import lines, need, table
from .gazetteer import GazetteerEntry, dictionary, gazetteer, gazetteer_folded, syllables

__all__ = [
    "RoleEntry", "OrgHead", "KnownOrg", "ZoneType", "PlaceUnit", "Unit", "GazetteerEntry",
    "lines", "table", "surnames", "honorifics", "roles", "org_heads", "known_orgs", "fields", "ministry_fields",
    "ban_bodies", "legal_forms", "zone_types", "units", "number_words", "qualifiers",
    "time_nouns", "date_cues", "classifiers", "stopwords", "function_words", "verbs", "not_names", "place_units",
    "countries", "party_committees", "place_aliases", "person_blockers", "lunar_years", "regions", "gazetteer_folded",
    "dictionary",
    "field_words",
    "syllables",
    "abbreviation_keys", "gazetteer",
    "words", "word",
]


@dataclass(frozen=True)
class RoleEntry:
    """A position word: its canonical form and what it says about the organisation."""

    canonical: str
    org_head: str | None
    implied_org: str | None
    kind: str
    foreign_org: str | None = None
    field_org: str | None = None


@dataclass(frozen=True)
class OrgHead:
    """A head noun of organisation names and how the rest of the name is read."""

    head: str
    body: str
    takes_parent: bool
    level: str | None
    cls: str


@dataclass(frozen=True)
class KnownOrg:
    canonical: str
    aliases: tuple[str, ...]
    cls: str


@dataclass(frozen=True)
class ZoneType:
    concept: str
    canonical: str


@dataclass(frozen=True)
class PlaceUnit:
    level: str
    canonical: str
    cls: str


@dataclass(frozen=True)
class Unit:
    code: str | None
    factor: float


@cache
def words(word_class: str) -> frozenset[str]:
    """The words of a closed class of ``word_classes.tsv`` ("plural" -> các, những).

    >>> sorted(words("plural"))
    ['các', 'những']
    """
    found = _word_classes().get(word_class)
    if found is None:
        raise KeyError(f"no word class {word_class!r} in word_classes.tsv")
    return found


def word(word_class: str) -> str:
    """The one word of a class that has one ("number_word" -> số), as canonical forms are written.

    >>> word("number_word")
    'số'
    """
    (only,) = words(word_class)
    return only


@cache
def _word_classes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for word_class, word in table("word_classes.tsv"):
        out.setdefault(str(word_class), set()).add(str(word))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def surnames() -> frozenset[str]:
    return frozenset(lines("surnames.txt"))


@cache
def honorifics() -> dict[str, str]:
    return {need(r[0]): need(r[1]) for r in table("honorifics.tsv")}


@cache
def roles() -> dict[str, RoleEntry]:
    """Lower-cased role phrase -> entry."""
    return {need(r[0]).lower(): RoleEntry(need(r[0]), r[1], r[2], need(r[3]), *(list(r[4:6]) + [None, None])[:2])
            for r in table("roles.tsv")}


@cache
def org_heads() -> dict[str, OrgHead]:
    """Lower-cased head phrase -> entry."""
    return {
        need(r[0]).lower(): OrgHead(need(r[0]), need(r[1]), r[2] == "yes", r[3], need(r[4]))
        for r in table("org_heads.tsv")
    }


@cache
def known_orgs() -> tuple[KnownOrg, ...]:
    return tuple(
        KnownOrg(need(r[0]), tuple(a for a in (r[1] or "").split("|") if a), r[2] or "schema:Organization")
        for r in table("known_organisations.tsv")
    )


@cache
def fields() -> tuple[str, ...]:
    return tuple(lines("fields.txt"))


@cache
def ministry_fields() -> tuple[str, ...]:
    """Fields that name a ministry after a minister's title: those of Viet Nam's
    bodies (fields.txt) and of ministries abroad (ministry_fields.txt)."""
    return fields() + tuple(lines("ministry_fields.txt"))


@cache
def field_words() -> frozenset[str]:
    """One domain of a list of fields, lower case ("khoa học", "thương binh"): field_words.txt
    and each item of the fields of fields.txt and ministry_fields.txt.

    >>> "chuyển đổi số" in field_words(), "thương binh" in field_words(), "kế hoạch và đầu tư" in field_words()
    (True, True, False)
    """
    items = set(lines("field_words.txt"))
    for name in ministry_fields():
        items.update(re.split(r",| và | - ", name))
    return frozenset(i.strip().lower() for i in items if i.strip() and not _ABBREVIATED.search(i))


@cache
def ban_bodies() -> tuple[str, ...]:
    return tuple(lines("ban_bodies.txt"))


@cache
def legal_forms() -> tuple[str, ...]:
    return tuple(lines("legal_forms.txt"))


@cache
def zone_types() -> dict[str, ZoneType]:
    """Surface form -> zone type (abbreviations case-sensitive, words lower-cased)."""
    rows = [(need(r[0]), need(r[1]), need(r[2])) for r in table("zone_types.tsv")]
    return {s if s.isupper() else s.lower(): ZoneType(concept, canonical) for s, concept, canonical in rows}


@cache
def units() -> dict[str, Unit]:
    return {need(r[0]): Unit(r[1], float(need(r[2]))) for r in table("units.tsv")}  # code None: not a contract unit


@cache
def number_words() -> dict[str, dict[str, float]]:
    """kind ("digit", "scale", "ordinal") -> word -> value."""
    out: dict[str, dict[str, float]] = {"digit": {}, "scale": {}, "ordinal": {}}
    for word, value, kind in table("number_words.tsv"):
        out[need(kind)][need(word)] = float(need(value))
    return out


@cache
def qualifiers() -> frozenset[str]:
    return frozenset(lines("qualifiers.txt"))


@cache
def time_nouns() -> frozenset[str]:
    return frozenset(lines("time_nouns.txt"))


@cache
def date_cues() -> frozenset[str]:
    return frozenset(lines("date_cues.txt"))


@cache
def classifiers() -> frozenset[str]:
    return frozenset(lines("classifiers.txt"))


@cache
def function_words() -> frozenset[str]:
    return frozenset(lines("function_words.txt"))


@cache
def verbs() -> frozenset[str]:
    """The commonest verbs of reports (and the other non-function words of stopwords.txt)."""
    return frozenset(lines("stopwords.txt"))


@cache
def not_names() -> frozenset[str]:
    return frozenset(lines("not_names.txt"))


@cache
def stopwords() -> frozenset[str]:
    """Words no name runs across: function words and the commonest verbs."""
    return function_words() | frozenset(lines("stopwords.txt"))


@cache
def lunar_years() -> frozenset[str]:
    """Names of years in the sexagenary calendar ("Đinh Dậu", "Kỷ Hợi")."""
    stems, branches = (ln.split() for ln in lines("lunar_years.txt"))
    return frozenset(f"{s} {b}" for s in stems for b in branches)


@cache
def person_blockers() -> frozenset[str]:
    return frozenset(lines("person_blockers.txt"))


@cache
def place_units() -> dict[str, PlaceUnit]:
    """Surface form (as written, plus lower case) -> unit kind."""
    out: dict[str, PlaceUnit] = {}
    for surface, level, canonical, cls in table("place_units.tsv"):
        unit = PlaceUnit(need(level), need(canonical), need(cls))
        out[need(surface)] = unit
        out.setdefault(need(surface).lower(), unit)
    return out


@cache
def party_committees() -> dict[str, str]:
    """Canonical unit word -> the name of its party committee ("quận" -> "Quận ủy").

    >>> party_committees()["huyện"]
    'Huyện ủy'
    """
    return {need(unit): need(committee) for unit, committee in table("party_committees.tsv")}


@cache
def countries() -> dict[str, str]:
    """Any name of a country -> its canonical Vietnamese name."""
    out: dict[str, str] = {}
    for row in table("countries.tsv"):
        canonical = need(row[0])
        out[canonical] = canonical
        for alias in (row[1] or "").split("|") if len(row) > 1 else []:
            if alias:
                out[alias] = canonical
    return out


@cache
def regions() -> dict[str, str]:
    """Any name of a continent or region -> its canonical name."""
    out: dict[str, str] = {}
    for row in table("regions.tsv"):
        canonical = need(row[0])
        out[canonical] = canonical
        for alias in (row[1] or "").split("|") if len(row) > 1 else []:
            if alias:
                out[alias] = canonical
    return out


@cache
def place_aliases() -> dict[str, str]:
    """Other name of a province -> its short name in the administrative data."""
    out: dict[str, str] = {}
    for canonical, aliases in table("place_aliases.tsv"):
        for alias in need(aliases).split("|"):
            out[alias] = need(canonical)
    return out


@cache
def abbreviation_keys() -> dict[str, str]:
    """Lower-case abbreviation -> lower-case expansion, for matching keys."""
    return {need(r[0]): need(r[1]) for r in table("abbreviations.tsv")}


_ABBREVIATED = re.compile(r"[&A-ZĐ]{2,}|\d")  # "KH&ĐT", "LĐ-TB&XH": an abbreviation, no domain
