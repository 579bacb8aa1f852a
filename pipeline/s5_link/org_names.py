"""Canonical names and labels of organisations, with the report's locality filled in."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicons
from ..s4_recognise.spans import OrgInfo
from .locality import Locality

__all__ = ["OrgNaming", "name_org", "expand_abbreviations"]



@dataclass(frozen=True)
class OrgNaming:
    """An organisation mention named in its report: canonical ``name``, every
    label it may be found by, the province it belongs to and whether a body
    that belongs to some place has its place written or inferred (``located``)."""

    info: OrgInfo
    name: str
    labels: tuple[str, ...]
    province: str | None
    located: bool
    parent: OrgNaming | None = None
    owner: OrgNaming | None = None

    @property
    def base(self) -> str:
        """The mention as written, tidied."""
        return _tidy(self.info.surface)

    @property
    def own(self) -> str:
        """Its own words, tidied ("Ban Tổ chức" of "Ban Tổ chức Thành ủy")."""
        return _tidy(self.info.own)


def name_org(info: OrgInfo, locality: Locality) -> OrgNaming:
    """Name an organisation mention: the surface with an implicit locality made
    explicit ("UBND thành phố" in a Hà Nội report -> "UBND thành phố Hà Nội",
    "Ban Tổ chức Thành ủy" -> "Ban Tổ chức Thành ủy Hà Nội").

    Examples
    --------
    >>> from pipeline.s4_recognise.spans import OrgInfo
    >>> info = OrgInfo("org:Organization", "UBND thành phố", "UBND thành phố", 0, 14, head="UBND",
    ...                head_body="unit", implicit_level="city")
    >>> from pipeline.s5_link.locality import Locality
    >>> named = name_org(info, Locality("Hà Nội", "thành phố", {"city": "Hà Nội"}))
    >>> named.name, named.province, named.located
    ('UBND thành phố Hà Nội', 'Hà Nội', True)
    """
    surface = info.surface
    own = _tidy(info.own)
    parent = name_org(info.parent, locality) if info.parent is not None else None
    if parent is not None and parent.info.anaphoric:
        canonical = _tidy(surface)  # completed in linking, once "công ty" is resolved
    elif info.known:
        canonical = info.known
        if info.place is not None:
            canonical = f"{canonical} {info.place.name}"
    elif parent is not None:
        canonical = f"{own} {parent.name}"
    else:
        canonical = _with_locality(own, info, locality)
    province, located = _province(info, canonical, own, parent, locality)
    labels = {surface[:1].upper() + surface[1:], _tidy(surface), canonical, *info.aliases}
    labels |= {expand_abbreviations(label) for label in list(labels)}
    owner = name_org(info.owner, locality) if info.owner is not None else None
    return OrgNaming(info, canonical, tuple(sorted(label for label in labels if label)), province, located,
                     parent, owner)


def _province(info: OrgInfo, canonical: str, own: str, parent: OrgNaming | None,
              locality: Locality) -> tuple[str | None, bool]:
    """The province a body belongs to, and whether a body that belongs to some
    place ("UBND tỉnh", "Sở Nội vụ") has its place written or inferred."""
    if parent is not None:
        return parent.province, parent.located
    if info.place is not None:
        return (info.place.name if info.place.level == "province" else info.place.province), True
    placed = info.head is not None and (info.head_level or info.head_body == "unit" or info.implicit_level)
    if not placed or info.known:
        return None, True
    inferred = canonical != own
    if not inferred:
        return None, False
    city = locality.at("city")  # a province-level city the report names ("UBND TP" -> TP Hồ Chí Minh)
    if city and city != locality.province and canonical.endswith(f" {city}"):
        return city, True  # not the province the report names most (Bình Dương beside TP Hồ Chí Minh)
    return locality.province, True


def _spaced(text: str) -> str:
    """ "TP.Hà Nội" spaced as "TP Hà Nội"."""
    abbreviation = lexicons.word("city_abbreviation")
    written = f"{re.escape(abbreviation)}|{re.escape(abbreviation.capitalize())}"
    return re.sub(rf"\b({written})\.\s*(?=[^\W\d])", abbreviation + " ", text)


def _tidy(text: str) -> str:
    """Capitalised first letter, "TP.Hà Nội" spaced as "TP Hà Nội"."""
    text = _spaced(text)
    return text[:1].upper() + text[1:]


def _with_locality(own: str, info: OrgInfo, locality: Locality) -> str:
    if info.anaphoric:
        return own
    place = info.place
    if place is not None and info.place_text is not None:  # "UBND tỉnh Đăk Lăk" -> the gazetteer's "tỉnh Đắk Lắk"
        surface = _spaced(info.place_text)
        if surface.endswith(place.name) or not own.endswith(surface) or surface == own:
            return own
        unit = _spaced(place.unit_text) if place.unit and place.unit_text else None
        city = bool(place.unit) and str(place.unit).startswith(lexicons.word("city_unit"))
        canonical = f"{unit} {place.name}" if unit and not city \
            else f"{place.unit} {place.name}" if place.unit else _display(place.name)
        return own[: -len(surface)] + canonical
    level = info.implicit_level
    from_unit_word = level is not None
    units, trailing_unit = _unit_keys()
    trailing = trailing_unit.search(own)
    if level is None and trailing:  # "Ban Quản lý KKT tỉnh"
        level = units.get(trailing.group(1).lower())
    elif level in ("district", "town"):
        level = units.get(own.split()[-1].lower(), level)
    elif level is None and info.head_level:
        level = _default_unit(info.head_level)
    where = locality.at(level) if level else None
    if level == "province" and from_unit_word and locality.province_unit != lexicons.word("province_unit"):
        where = None  # "UBND tỉnh" in a report about a city names another province
    if not where or where.lower() in own.lower():
        return own
    return f"{own} {where}" if trailing or level == info.implicit_level else f"{own} {_display(where)}"


def _display(place: str) -> str:
    """How a province is written after a body's name: "Hà Nội", but "TP Hồ Chí Minh"
    (a city named after a person is never written bare)."""
    entries = lexicons.gazetteer().get(place, ())
    city = any(e.level == "province" and e.unit == lexicons.word("city_unit") for e in entries)
    return f"{lexicons.word('city_abbreviation')} {place}" if city and len(place.split()) >= 3 else place


@cache
def _unit_keys() -> tuple[dict[str, str], re.Pattern[str]]:
    """Each unit word of a province, city, district or town (place_units.tsv) -> the key the
    report's locality keeps it under ("tỉnh" -> province, "TP" -> city, "huyện" -> huyện),
    and a pattern finding one that ends a name."""
    keys = {}
    for surface, unit in lexicons.place_units().items():
        if unit.level in ("province", "city"):
            keys[surface.lower()] = unit.level
        elif unit.level in ("district", "town"):
            keys[surface.lower()] = unit.canonical
    alternatives = "|".join(re.escape(s) for s in sorted(keys, key=len, reverse=True))
    return keys, re.compile(rf"\s+({alternatives})$", re.IGNORECASE)


def _default_unit(level: str) -> str:
    """The unit word a district- or town-level body belongs to when none is written."""
    return {"district": lexicons.word("district_unit"), "town": lexicons.word("town_unit")}.get(level, level)


def expand_abbreviations(text: str) -> str:
    """Spell out the abbreviations of a name ("UBND TP Hà Nội" -> "Ủy ban nhân dân thành phố Hà Nội").

    Examples
    --------
    >>> expand_abbreviations("UBND TP.Hà Nội")
    'Ủy ban nhân dân thành phố Hà Nội'
    """
    table = lexicons.abbreviation_keys()
    out = []
    for word in text.split():
        core = word.strip(".,;:()")
        head, dot, rest = core.partition(".")
        if core.lower() in table and (core.isupper() or core.lower() in lexicons.words("lowercase_abbreviation")):
            out.append(table[core.lower()])
        elif dot and head.isupper() and head.lower() in table and rest[:1].isupper():  # TP.Hà
            out += [table[head.lower()], rest]
        else:
            out.append(word)
    expanded = " ".join(out)
    return expanded[:1].upper() + expanded[1:]
