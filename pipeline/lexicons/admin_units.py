"""Vietnam's administrative units with their official codes, before and after 1 July 2025."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .disk_cache import cached
from .files import need, table

__all__ = ["AdminUnit", "REFORM_DATE", "admin_unit", "all_codes", "admin_units_named", "current_units", "iso_codes"]

REFORM_DATE = "2025-07-01"  # the two-level system: 63 provinces became 34, districts were abolished


@dataclass(frozen=True)
class AdminUnit:
    """One unit of one era: ``era`` "old" (until 30 June 2025) or "new" (from 1 July 2025).

    ``code`` is the official (GSO) code: 2 digits for a province, 3 for a
    district, 5 for a ward; ``parent`` the code of the unit above it in that
    era; ``successors`` the codes of the units it became part of when it
    ceased (empty for a unit that continued under its code).
    """

    code: str
    era: str
    level: str
    unit: str
    name: str
    parent: str | None
    successors: tuple[str, ...]

    @property
    def ceased(self) -> bool:
        """True for a unit of the old system whose code the new one does not keep."""
        return self.era == "old" and not any(u.era == "new" for u in admin_unit(self.code))

    @property
    def official_name(self) -> str:
        """ "tỉnh Hà Giang" -> "Tỉnh Hà Giang"."""
        return f"{self.unit[:1].upper()}{self.unit[1:]} {self.name}"


def admin_unit(code: str) -> tuple[AdminUnit, ...]:
    """The units of a code, old era first (one or two: a unit that continued has both).

    Examples
    --------
    >>> [(u.era, u.name, u.successors) for u in admin_unit("02")]
    [('old', 'Hà Giang', ('08',))]
    >>> [u.era for u in admin_unit("08")], admin_unit("02")[0].ceased, admin_unit("08")[0].ceased
    (['old', 'new'], True, False)
    """
    return _by_code().get(code, ())


def all_codes() -> tuple[str, ...]:
    """Every code of the reference data."""
    return tuple(_by_code())


def admin_units_named(key: str) -> tuple[AdminUnit, ...]:
    """Every unit whose name has the matching key ``key`` (``pipeline.keys.name_key`` of the bare name).

    >>> sorted((u.code, u.era) for u in admin_units_named("hà giang") if u.level == "province")
    [('02', 'old')]
    """
    return _by_name().get(key, ())


def current_units(code: str) -> tuple[str, ...]:
    """The provinces of today a unit of any era lies in (its own code for a current province).

    >>> current_units("02"), current_units("001"), current_units("01")
    (('08',), ('01',), ('01',))
    """
    units = admin_unit(code)
    if not units:
        return ()
    unit = units[-1]
    if unit.level == "province":
        return (unit.code,) if unit.era == "new" else unit.successors
    return current_units(unit.parent) if unit.parent else ()


@cache
def iso_codes() -> dict[str, str]:
    """A country's canonical Vietnamese name -> its ISO 3166-1 alpha-2 code (``countries.tsv``).

    >>> iso_codes()["Nhật Bản"], iso_codes()["Mỹ"]
    ('JP', 'US')
    """
    return {need(row[0]): need(row[2]) for row in table("countries.tsv") if len(row) > 2}


@cache
def _by_code() -> dict[str, tuple[AdminUnit, ...]]:
    return _indexes()[0]


@cache
def _by_name() -> dict[str, tuple[AdminUnit, ...]]:
    return _indexes()[1]


@cache
def _indexes() -> tuple[dict[str, tuple[AdminUnit, ...]], dict[str, tuple[AdminUnit, ...]]]:
    """The units by code and by name key, kept parsed between runs (``disk_cache.cached``: 0.6 s to make)."""
    from importlib import resources

    data = resources.files("pipeline.lexicons").joinpath("reference/admin_units.tsv")
    return cached("admin_units", [data, resources.files("pipeline").joinpath("keys.py")], _read_indexes)


def _read_indexes() -> tuple[dict[str, tuple[AdminUnit, ...]], dict[str, tuple[AdminUnit, ...]]]:
    from ..keys import name_key

    found: dict[str, list[AdminUnit]] = {}
    for code, era, level, unit, name, parent, successors in table("reference/admin_units.tsv"):
        found.setdefault(need(code), []).append(AdminUnit(
            need(code), need(era), need(level), need(unit), need(name), parent,
            tuple(successors.split("|")) if successors else ()))
    by_code = {k: tuple(sorted(v, key=lambda u: u.era != "old")) for k, v in found.items()}
    named: dict[str, list[AdminUnit]] = {}
    for units in by_code.values():
        for u in units:
            named.setdefault(name_key(u.name), []).append(u)
    return by_code, {k: tuple(v) for k, v in named.items()}
