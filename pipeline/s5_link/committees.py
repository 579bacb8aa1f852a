"""Bodies a role implies: a known national body, a foreign state's, or a locality's party committee."""
from __future__ import annotations

from functools import cache

from .. import lexicons
from ..s4_recognise.spans import OrgInfo
from .entity import Entity, known_org_entity, org_key
from .locality import Locality
from .org_names import expand_abbreviations

__all__ = ["party_committee", "ImpliedBodies"]


def party_committee(org: OrgInfo, locality: Locality) -> str | None:
    """The party committee of the locality a local body belongs to.

    "Bí thư kiêm Chủ tịch UBND quận Y" makes its holder Bí thư of the Quận ủy
    of Y: the body's written place gives the unit and the name; a bare unit
    word ("UBND tỉnh") takes the report's place of that level. None when the
    body belongs to no locality.

    Examples
    --------
    >>> from pipeline.s4_recognise.spans import PlaceInfo
    >>> district = PlaceInfo("Hoàn Kiếm", "district", "vnkg:District", "district:Hoàn Kiếm:Hà Nội", unit="quận")
    >>> info = OrgInfo("org:Organization", "UBND quận Hoàn Kiếm", "UBND quận Hoàn Kiếm", 0, 19, head="UBND",
    ...                place=district)
    >>> party_committee(info, Locality())
    'Quận ủy Hoàn Kiếm'
    >>> bare = OrgInfo("org:Organization", "UBND tỉnh", "UBND tỉnh", 0, 9, head="UBND", implicit_level="province")
    >>> party_committee(bare, Locality("Nghệ An", "tỉnh"))
    'Tỉnh ủy Nghệ An'
    """
    units = lexicons.place_units()
    if org.place is not None:
        place = org.place
        unit = place.unit or (_province_unit(place.name) if place.level == "province" else None)
        name: str | None = place.name
    elif org.implicit_level is not None:
        last = org.own.split()[-1]
        written = units.get(last) or units.get(last.lower())
        unit = locality.province_unit if org.implicit_level == "province" else written.canonical if written else None
        name = locality.province if org.implicit_level in ("province", "city") else locality.at(unit or "")
    else:
        return None
    committee = lexicons.party_committees().get(unit or "")
    return f"{committee} {name}" if committee and name else None


class ImpliedBodies:
    """The bodies roles imply in one report, made entities when a post uses them.

    ``known(canonical)``: a listed body or a foreign country's ("Chính phủ",
    "Nhà nước Indonesia"; an office Viet Nam does not have, written with no
    country, is held in ``abroad``, the one foreign country the report
    names); ``committee(org)``: the party committee of a local body's
    locality. Both return the entity key, adding the entity to ``entities``
    when the report has none by that name yet.
    """

    def __init__(self, entities: dict[str, Entity], locality: Locality, abroad: str | None = None):
        self.entities, self.locality, self.abroad = entities, locality, abroad
        self.added: set[str] = set()

    def known(self, canonical: str) -> str | None:
        ent = known_org_entity(canonical)
        if ent is None and self.abroad and canonical in _foreign_bodies():  # "Tổng thống" alone: of the country
            ent = known_org_entity(f"{canonical} {self.abroad}")            # the report is about
        return self._add(ent) if ent is not None else None

    def committee(self, org: OrgInfo) -> str | None:
        name = party_committee(org, self.locality)
        if name is None:
            return None
        labels = {name, expand_abbreviations(name)}
        return self._add(Entity("organisation", "org:" + org_key(name), name, labels,
                                {"org:Organization", "vnkg:PartyOrganization"}))

    def _add(self, ent: Entity) -> str:
        if ent.key not in self.entities:
            self.entities[ent.key] = ent
            self.added.add(ent.key)
        return ent.key

    def drop_unused(self, used: set[str]) -> None:
        """Implied bodies no post uses are not stated: remove them."""
        for key in self.added - used:
            if not self.entities[key].mentions:
                del self.entities[key]


def _province_unit(name: str) -> str:
    """The unit word a province takes: "thành phố" for a province-level city, else "tỉnh"."""
    entries = lexicons.gazetteer().get(name, ())
    return next((e.unit for e in entries if e.level == "province"), lexicons.word("province_unit"))


@cache
def _foreign_bodies() -> frozenset[str]:
    """The bodies of offices Viet Nam does not have ("Tổng thống" -> "Nhà nước")."""
    only = lexicons.words("foreign_office")
    return frozenset(e.foreign_org for e in lexicons.roles().values() if e.foreign_org and e.canonical.lower() in only)
