"""Canonical names and labels of organisations, with implicit localities filled in."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lexicons

__all__ = ["OrgName", "canonical_name", "expand_abbreviations"]

_TRAILING_UNIT = re.compile(r"\s+(tỉnh|thành phố|TP\.?|huyện|quận|thị xã)$")
_LEVEL_OF_UNIT = {"tỉnh": "province", "thành phố": "city", "tp": "city", "tp.": "city",
                  "huyện": "huyện", "quận": "quận", "thị xã": "thị xã"}


@dataclass
class OrgName:
    """A parsed organisation mention, in token offsets."""

    start: int
    end: int
    head_start: int
    head_end: int
    cls: str
    head: object = None              # lexicons.OrgHead
    canonical: str | None = None     # set for known bodies
    known: bool = False
    parent: "OrgName | None" = None  # named inside: "Ban Tổ chức *Thành ủy*"
    owner: "OrgName | None" = None   # named after "của"/"thuộc": not part of the name
    place: object = None             # place Span completing the name
    implicit_level: str | None = None
    anaphoric: bool = False
    aliases: list[str] = field(default_factory=list)
    body_start: int | None = None    # first word of the proper name, after head and legal form
    lower_board: bool = False        # "ban tổ chức": a board named in lower case only


def canonical_name(doc, name: OrgName, locality: dict) -> dict:
    """Attributes of an organisation span: canonical name, labels, class, parent.

    The canonical name is the surface with an implicit locality made
    explicit ("UBND thành phố" in a Hà Nội report -> "UBND thành phố Hà
    Nội", "Ban Tổ chức Thành ủy" -> "Ban Tổ chức Thành ủy Hà Nội").
    """
    own_end = name.parent.start if name.parent is not None else name.end
    surface = doc[name.start:name.end].text
    own = _tidy(doc[name.start:own_end].text)
    parent_attrs = canonical_name(doc, name.parent, locality) if name.parent is not None else None
    if parent_attrs is not None and parent_attrs["anaphoric"]:
        canonical = _tidy(surface)  # completed in linking, once "công ty" is resolved
    elif name.known:
        canonical = name.canonical
        if name.place is not None:
            canonical = f"{canonical} {name.place._.attrs['name']}"
    elif parent_attrs is not None:
        canonical = f"{own} {parent_attrs['name']}"
    else:
        canonical = _with_locality(own, name, locality)
    province, located = _province(name, canonical, own, parent_attrs, locality)
    labels = {surface[:1].upper() + surface[1:], _tidy(surface), canonical, *name.aliases}
    labels |= {expand_abbreviations(label) for label in list(labels)}
    owner = canonical_name(doc, name.owner, locality) if name.owner is not None else None
    return {
        "name": canonical,
        "labels": sorted(label for label in labels if label),
        "cls": name.cls,
        "parent": parent_attrs,
        "owner": owner,
        "anaphoric": name.anaphoric,
        "head": name.head.head if name.head is not None else None,
        "place": name.place.kb_id_ if name.place is not None else None,
        "known": name.known,
        "aliases": list(name.aliases),
        "span": (doc[name.start].idx, doc[name.end - 1].idx + len(doc[name.end - 1].text)),
        "base": _tidy(surface),
        "own": own,
        "province": province,
        "located": located,
        "body": doc[name.body_start:own_end].text if name.body_start is not None and own_end > name.body_start else None,
    }


def _province(name: OrgName, canonical: str, own: str, parent_attrs, locality: dict) -> tuple[str | None, bool]:
    """The province a body belongs to, and whether a body that belongs to some
    place ("UBND tỉnh", "Sở Nội vụ") has its place written or inferred."""
    if parent_attrs is not None:
        return parent_attrs.get("province"), parent_attrs.get("located", True)
    if name.place is not None:
        attrs = name.place._.attrs
        return (attrs["name"] if attrs["level"] == "province" else attrs.get("province")), True
    placed = name.head is not None and (name.head.level or name.head.body == "unit" or name.implicit_level)
    if not placed or name.known:
        return None, True
    inferred = canonical != own
    return (locality.get("province") if inferred else None), inferred


def _spaced(text: str) -> str:
    """ "TP.Hà Nội" spaced as "TP Hà Nội"."""
    return re.sub(r"\b(TP|Tp)\.\s*(?=[^\W\d])", "TP ", text)


def _tidy(text: str) -> str:
    """Capitalised first letter, "TP.Hà Nội" spaced as "TP Hà Nội"."""
    text = _spaced(text)
    return text[:1].upper() + text[1:]


def _with_locality(own: str, name: OrgName, locality: dict) -> str:
    if name.anaphoric:
        return own
    if name.place is not None:  # "UBND tỉnh Đăk Lăk" -> the gazetteer's "tỉnh Đắk Lắk"
        surface = _spaced(name.place.text)
        attrs = name.place._.attrs
        if surface.endswith(attrs["name"]) or not own.endswith(surface) or surface == own:
            return own
        unit = _spaced(name.place[0].text) if attrs["unit"] and len(name.place) > 1 else None
        canonical = f"{unit} {attrs['name']}" if unit and not attrs["unit"].startswith("thành phố") \
            else f"{attrs['unit']} {attrs['name']}" if attrs["unit"] else _display(attrs["name"])
        return own[: -len(surface)] + canonical
    level = name.implicit_level
    from_unit_word = level is not None
    trailing = _TRAILING_UNIT.search(own)
    if level is None and trailing:  # "Ban Quản lý KKT tỉnh"
        level = _LEVEL_OF_UNIT.get(trailing.group(1).lower())
    elif level in ("district", "town"):
        level = _LEVEL_OF_UNIT.get(own.split()[-1].lower(), level)
    elif level is None and name.head is not None and name.head.level:
        level = {"district": "huyện", "town": "thị xã"}.get(name.head.level, name.head.level)
    place = locality.get(level) if level else None
    if level == "province" and from_unit_word and locality.get("province_unit") != "tỉnh":
        place = None  # "UBND tỉnh" in a report about a city names another province
    if not place or place.lower() in own.lower():
        return own
    return f"{own} {place}" if trailing or level == name.implicit_level else f"{own} {_display(place)}"


def _display(place: str) -> str:
    """How a province is written after a body's name: "Hà Nội", but "TP Hồ Chí Minh"
    (a city named after a person is never written bare)."""
    entries = lexicons.gazetteer().get(place, ())
    city = any(e.level == "province" and e.unit == "thành phố" for e in entries)
    return f"TP {place}" if city and len(place.split()) >= 3 else place


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
        if core.lower() in table and (core.isupper() or core.lower() in ("tp.", "tp", "cty")):
            out.append(table[core.lower()])
        elif dot and head.isupper() and head.lower() in table and rest[:1].isupper():  # TP.Hà
            out += [table[head.lower()], rest]
        else:
            out.append(word)
    expanded = " ".join(out)
    return expanded[:1].upper() + expanded[1:]
