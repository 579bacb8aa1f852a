"""The place a report is about: the province (and city, district) it mentions most."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import lexicons
from ..s4_recognise.spans import PlaceInfo

__all__ = ["Locality", "document_locality"]


@dataclass(frozen=True)
class Locality:
    """The report's province, the unit word that province takes ("tỉnh" or
    "thành phố"), and for each other unit (a province-level city, "huyện",
    "quận", "thị xã"…) the one most mentioned."""

    province: str | None = None
    province_unit: str | None = None
    units: dict[str, str] = field(default_factory=dict)

    def at(self, level: str) -> str | None:
        """The report's place of a level or unit word: "province", "city", "huyện"…"""
        return self.province if level == "province" else self.units.get(level)


def document_locality(places: Iterable[PlaceInfo]) -> Locality:
    """The province (and district, town) a report is about: the most mentioned.

    A district or ward mention counts for its province when the
    administrative data places it in exactly one.

    Examples
    --------
    >>> from pipeline.s4_recognise.spans import PlaceInfo
    >>> hue = PlaceInfo("Huế", "province", "vnkg:Province", "province:Huế")
    >>> phu_vang = PlaceInfo("Phú Vang", "district", "vnkg:District", "district:Phú Vang:Huế", unit="huyện",
    ...                      province="Huế")
    >>> loc = document_locality([hue, phu_vang])
    >>> loc.province, loc.province_unit, loc.at("huyện")
    ('Huế', 'thành phố', 'Phú Vang')
    """
    counts: dict[str, Counter[str]] = {"province": Counter(), "city": Counter()}
    gaz = lexicons.gazetteer()
    city_unit = lexicons.word("city_unit")
    for place in places:
        if place.level == "province":
            counts["province"][place.name] += 2
            if any(e.level == "province" and e.unit == city_unit for e in gaz.get(place.name, ())):
                counts["city"][place.name] += 2
        elif place.level in ("district", "town", "ward"):
            if place.province:
                counts["province"][place.province] += 1
            counts.setdefault(place.unit or "", Counter())[place.name] += 1
    found = {level: c.most_common(1)[0][0] for level, c in counts.items() if c}
    province = found.pop("province", None)
    province_unit = None
    if province is not None:
        entries = gaz.get(province, ())
        province_unit = next((e.unit for e in entries if e.level == "province"), lexicons.word("province_unit"))
        if province_unit == city_unit:
            found["city"] = province
    return Locality(province, province_unit, found)
