"""Vocabularies read from the data underthesea ships: the administrative-unit gazetteer and the word list."""
from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..text import fold
from .disk_cache import cached
from .files import table

__all__ = ["GazetteerEntry", "dictionary", "dictionary_file", "syllables", "gazetteer", "gazetteer_folded",
           "underthesea_home"]


@dataclass(frozen=True)
class GazetteerEntry:
    """One administrative unit: its bare name, level, unit word and province."""

    name: str
    level: str
    unit: str
    province: str


@cache
def dictionary() -> frozenset[str]:
    """Vietnamese words (lower case), from the dictionary underthesea ships
    (``underthesea/corpus/data/Viet74K.txt``, 74,000 words); kept parsed between runs (``disk_cache.cached``)."""
    return cached("dictionary", [dictionary_file()], _read_dictionary)


@cache
def syllables() -> frozenset[str]:
    """Every syllable of the dictionary's words (lower case): what Vietnamese text is made of.

    >>> "hành" in syllables(), "chile" in syllables()
    (True, False)
    """
    return cached("syllables", [dictionary_file()], _syllables)


@cache
def gazetteer_folded() -> dict[str, tuple[str, ...]]:
    """Name folded to ASCII -> the gazetteer names it may be ("Dak Lak" -> "Đắk Lắk")."""
    out: dict[str, set[str]] = {}
    for name in gazetteer():
        out.setdefault(fold(name), set()).add(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@cache
def gazetteer() -> dict[str, tuple[GazetteerEntry, ...]]:
    """Bare name of every administrative unit -> the units of that name.

    Built from the administrative-unit data underthesea ships
    (``underthesea/address/data/mapping.json``): the 63 provinces and their
    districts and wards before 1 July 2025, and the 34 provinces and their
    wards after it. Kept parsed between runs (``disk_cache.cached``), keyed on that
    file and ``place_units.tsv``.
    """
    return cached("gazetteer", [_mapping_file(), resources.files("pipeline.lexicons").joinpath("place_units.tsv")],
                  _read_gazetteer)


def dictionary_file() -> Path:
    """underthesea's word list (Viet74K), the source of ``dictionary`` and ``syllables``."""
    return underthesea_home() / "corpus" / "data" / "Viet74K.txt"


def underthesea_home() -> Path:
    """underthesea's package folder, found without importing underthesea (whose package
    ``__init__`` imports most of it, joblib and requests: 0.4 s); its data files are read from here.

    >>> (underthesea_home() / "address" / "data" / "mapping.json").is_file()
    True
    """
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("underthesea is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def _mapping_file() -> Path:
    return underthesea_home() / "address" / "data" / "mapping.json"


def _read_dictionary() -> frozenset[str]:
    text = dictionary_file().read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if " " in w.strip())


def _syllables() -> frozenset[str]:
    return frozenset(s for word in dictionary() for s in word.split())


def _read_gazetteer() -> dict[str, tuple[GazetteerEntry, ...]]:
    data = json.loads(_mapping_file().read_text(encoding="utf-8"))
    found: dict[str, set[GazetteerEntry]] = {}

    def add(full: str, level: str, province: str) -> None:
        unit, name = _split_unit(full)
        if name:
            found.setdefault(name, set()).add(GazetteerEntry(name, level, unit, province))

    for table_name in ("province_names", "old_province_names"):
        for info in data[table_name].values():
            unit, _ = _split_unit(info["name"])
            found.setdefault(info["short"], set()).add(
                GazetteerEntry(info["short"], "province", unit, info["short"])
            )
    short = {v["name"]: v["short"] for t in ("province_names", "old_province_names") for v in data[t].values()}
    for row in data["ward_mapping"]:
        old_province = short.get(row["old_province"], row["old_province"])
        new_province = short.get(row["new_province"], row["new_province"])
        add(row["old_district"], "district", old_province)
        add(row["old_ward"], "ward", old_province)
        add(row["new_ward"], "ward", new_province)
    return {k: tuple(sorted(v, key=lambda e: (e.level, e.unit, e.province))) for k, v in found.items()}


def _split_unit(full: str) -> tuple[str, str]:
    """ "Thành phố Hà Nội" -> ("thành phố", "Hà Nội"): underthesea's names begin with their unit word."""
    for unit in _unit_words():
        if full.startswith(unit + " "):
            return unit.lower(), full[len(unit) + 1:].strip()
    return "", full.strip()


@cache
def _unit_words() -> tuple[str, ...]:
    """The unit words of ``place_units.tsv`` as underthesea's data writes them ("Thành phố"), longest first."""
    canonical = {str(row[2]) for row in table("place_units.tsv")}
    return tuple(sorted((w[:1].upper() + w[1:] for w in canonical), key=len, reverse=True))
