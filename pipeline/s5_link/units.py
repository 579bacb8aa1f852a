"""Places resolved to their administrative unit (official code) and countries to their ISO code."""
from __future__ import annotations

import bisect
import re

from .. import lexicons
from ..keys import name_key
from ..lexicons.admin_units import REFORM_DATE, AdminUnit, admin_unit, admin_units_named, iso_codes
from ..s4_recognise.spans import PlaceInfo
from .entity import Entity
from .locality import Locality

__all__ = ["resolve_units", "unit_identity", "stated_countries", "stated_zone_places"]

_LEVELS = {"province": "province", "district": "district", "town": "district", "ward": "ward"}
_FORMER = re.compile(r"\s*\(\s*cũ\s*\)")  # "Phú Yên (cũ)": the unit before 1 July 2025
_BETWEEN = re.compile(r"\s*(?:,|\(|–|-)?\s*(?:(?:tại|ở|thuộc|trên địa bàn)\s+)?$")  # "KCN X, tỉnh Y", "KCN X tại Y"
_STATED = re.compile(r"\s*(?:\(\s*([^()\n]{2,40}?)\s*\)|của ([^\W\d][\w ]{1,30}))")  # "Samsung (Hàn Quốc)"


def resolve_units(entities: dict[str, Entity], locality: Locality, date: str | None, text: str,
                  sentences: list[tuple[int, int]]) -> None:
    """Set ``code`` (and ``code_confidence``) on the places the reference data and the text pin down.

    A name several units share is narrowed by what the text says around it:
    a province or district named in the same sentence, then the province the
    place's own mention gives, then the report's province; a report dated
    before 1 July 2025, or a name followed by "(cũ)", means a unit of the old
    system, a later report a unit of the new one where one has that name.
    What is still ambiguous keeps no code. A country gets its ISO 3166 code.

    Examples
    --------
    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Ngày 5/3/2017, UBND tỉnh Hà Giang họp tại xã Lũng Cú.", until="link")
    >>> sorted((e.name, e.code, e.code_era) for e in linked.entities.values() if e.kind == "place")
    [('Hà Giang', '02', 'old'), ('Lũng Cú', '00715', 'old')]
    """
    starts = [s for s, _ in sentences]
    places = {k: e for k, e in entities.items() if e.kind == "place"}
    in_sentence: dict[int, set[str]] = {}
    for key, ent in places.items():
        for m in ent.mentions:
            in_sentence.setdefault(bisect.bisect_right(starts, m.start) - 1, set()).add(key)
    report_province = _province_codes(locality.province) if locality.province else set()
    isos = iso_codes()
    for key, ent in places.items():
        if ent.level == "country":
            ent.code = isos.get(ent.name)
            continue
        nearby: set[str] = set()
        districts: set[str] = set()
        for m in ent.mentions:
            for other in in_sentence.get(bisect.bisect_right(starts, m.start) - 1, set()) - {key}:
                nearby |= _codes_of(places[other])
                if places[other].level in ("district", "town"):
                    districts |= _codes_of(places[other])
        found = _resolve(ent, text, date, nearby, report_province, districts)
        if found is not None:
            ent.code, ent.code_confidence, ent.code_era = found


def _resolve(ent: Entity, text: str, date: str | None, nearby: set[str], report_province: set[str],
             districts: frozenset[str] | set[str] = frozenset()) -> tuple[str, float, str] | None:
    """The code, confidence and era of one place, or None (see ``resolve_units``). ``districts``:
    the districts the place's sentences name; a ward of a district must lie in one of them."""
    level = _LEVELS.get(ent.level or "")
    written = {m.info.unit for m in ent.mentions if isinstance(m.info, PlaceInfo) and m.info.unit}
    bare = all(m.text == ent.name for m in ent.mentions)  # "Hồ Chí Minh", not "TP.HCM"
    if level is None or (ent.name in lexicons.words("person_place") and bare):
        return None
    named = [u for u in _named(ent.name) if u.level == level]
    city = lexicons.word("city_unit")
    if level == "province" and city in written and named and not any(u.unit in written for u in named):
        level = "district"  # "thành phố Cà Mau": the city of Tỉnh Cà Mau, not the province
        named = [u for u in _named(ent.name) if u.level == level]
    candidates = [u for u in named if not written or u.unit in written or level == "province"]
    upgraded = not candidates  # "huyện Hoài Nhơn" of 2018, a "thị xã" in the data: only where context says
    candidates = candidates or named
    former = any(_FORMER.match(text, m.end) for m in ent.mentions)
    era = "old" if former or (date and date < REFORM_DATE) else "new" if date else None
    if era is not None and any(u.era == era for u in candidates):
        candidates = [u for u in candidates if u.era == era]
    elif era == "new":
        candidates = [u for u in candidates if u.era == "old"]  # a former district, named after the reform
    own = _province_codes(ent.province) if ent.province else set()
    confidence = 0.95
    for context, sure in ((nearby, 0.93), (own, 0.9), (report_province, 0.85)):
        if len({u.code for u in candidates}) <= 1:
            break
        narrowed = [u for u in candidates if _ancestry(u, era != "old") & context]
        if narrowed:
            candidates, confidence = narrowed, min(confidence, sure)
    if level == "ward" and districts:  # "xã Xuân Thắng (huyện Thọ Xuân)": not Thường Xuân's Xuân Thắng
        candidates = [u for u in candidates if not _in_district(u) or _ancestry(u, False) & districts]
    codes = {u.code for u in candidates}
    if len(codes) != 1:
        return None
    if level != "province":  # below a province: the sentence or the report must place it there
        confirmed = any(_ancestry(u, era != "old") & (nearby | report_province) for u in candidates)
        if not confirmed and (upgraded or report_province or nearby):
            return None  # "phường Bình An, quận 2" in a Hồ Chí Minh City report: not Bình Dương's
        confidence = min(confidence, 0.93 if confirmed else 0.9)
    return codes.pop(), confidence, candidates[0].era


def stated_countries(entities: dict[str, Entity], text: str) -> None:
    """An organisation of no place written with its country after it ("Tập đoàn Samsung (Hàn Quốc)",
    "tập đoàn ô tô của Nhật Bản") gets that country as its place, when the report names it as one.

    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Tập đoàn Samsung (Hàn Quốc) mở rộng nhà máy tại Bắc Ninh.", until="link")
    >>> linked.entities["org:tập đoàn samsung"].place
    'country:Hàn Quốc'
    """
    countries = lexicons.countries()
    for ent in entities.values():
        if ent.kind != "organisation" or ent.place:
            continue
        for m in ent.mentions:
            stated = _STATED.match(text, m.end)
            name = next((g for g in stated.groups() if g), "") if stated else ""
            words = name.split()
            country = next((countries[" ".join(words[:n])] for n in range(len(words), 0, -1)
                            if " ".join(words[:n]) in countries), None)
            if country and f"country:{country}" in entities:
                ent.place = f"country:{country}"
                break


def stated_zone_places(entities: dict[str, Entity], text: str) -> None:
    """A zone of no place written with its unit right after it ("Khu công nghiệp Yên Phong, tỉnh Bắc
    Ninh", "KCN Quế Võ tại Bắc Ninh") gets that unit as its place.

    >>> from pipeline.runner import run_stages
    >>> linked = run_stages("Khu công nghiệp Yên Phong, tỉnh Bắc Ninh thu hút 30 dự án.", until="link")
    >>> linked.entities["zone:IndustrialPark:khu công nghiệp yên phong"].place
    'province:Bắc Ninh'
    """
    starts = sorted((m.start, key) for key, ent in entities.items() if ent.kind == "place"
                    and ent.level in _LEVELS for m in ent.mentions)
    for ent in entities.values():
        if ent.kind != "zone" or ent.place:
            continue
        for m in ent.mentions:
            i = bisect.bisect_left(starts, (m.end, ""))
            if i < len(starts) and starts[i][0] - m.end <= 20 and _BETWEEN.match(_unit_free(text[m.end:starts[i][0]])):
                ent.place = starts[i][1]
                break


def _unit_free(between: str) -> str:
    """What lies between a zone and a place, without the unit word the place's mention may leave out."""
    return re.sub(r"(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s*$", "", between)


def unit_identity(code: str) -> str:
    """The identity an administrative unit's IRI is made from: its code, so one node in every report.

    >>> unit_identity("02")
    'vn-02'
    """
    return f"vn-{code}"


def _named(name: str) -> list[AdminUnit]:
    """The units of a name and of the other names the place aliases give it ("Thừa Thiên Huế", "Huế")."""
    names = {name} | {alias for alias, canonical in lexicons.place_aliases().items() if canonical == name}
    found: dict[tuple[str, str], AdminUnit] = {}
    for n in names:
        for u in admin_units_named(name_key(n)):
            found[(u.code, u.era)] = u
    return list(found.values())


def _province_codes(name: str) -> set[str]:
    return {u.code for u in _named(name) if u.level == "province"}


def _codes_of(ent: Entity) -> set[str]:
    """The codes a place named nearby may stand for: every province or district of its name."""
    if ent.level == "province":
        return _province_codes(ent.name)
    if ent.level in ("district", "town"):
        return {u.code for u in _named(ent.name) if u.level == "district"}
    return set()


def _in_district(unit: AdminUnit) -> bool:
    """A ward or commune whose parent is a district (units of before 1 July 2025)."""
    return any(u.level == "district" for u in admin_unit(unit.parent or ""))


def _ancestry(unit: AdminUnit, today: bool) -> set[str]:
    """The codes above a unit; with ``today``, also the provinces its province became part of on
    1 July 2025 (a report of 2017 naming Hồ Chí Minh City does not name Bình Dương's wards)."""
    found: set[str] = set()
    chain = [unit]
    while chain[-1].parent and admin_unit(chain[-1].parent):
        above = admin_unit(chain[-1].parent)
        chain.append(next((u for u in above if u.era == unit.era), above[0]))
    for u in chain[1:] if unit.level != "province" else chain:
        found.add(u.code)
        if today and u.level == "province":
            found |= set(u.successors)
    return found
