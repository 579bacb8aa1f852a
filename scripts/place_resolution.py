"""Share of Vietnamese place mentions resolved to an administrative code, and a sample to read."""
from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

import pipeline
from pipeline import lexicons
from pipeline.keys import name_key
from pipeline.lexicons.admin_units import admin_unit, admin_units_named

__all__ = ["resolutions"]

_LEVELS = ("province", "district", "town", "ward")


def resolutions(path: Path) -> list[tuple[str, str, str | None, str]]:
    """(report, mention as written, code or None, the sentence) for every Vietnamese place mention."""
    ex = pipeline.extract_path(str(path))
    text = ex.document.text
    out = []
    for ent in ex.linked.entities.values():
        if ent.kind != "place" or ent.level not in _LEVELS:
            continue
        for m in ent.mentions:
            s = next(((a, b) for a, b in ex.linked.sentences if a <= m.start < b), (m.start, m.end))
            out.append((path.name, text[m.start:m.end], ent.code, text[s[0]:s[1]][:240].replace("\n", " ")))
    return out


def _in_data(surface: str) -> bool:
    """Whether some unit of the reference data has the name a mention writes (its unit word aside)."""
    units = sorted((str(row[0]) for row in lexicons.table("place_units.tsv")), key=len, reverse=True)
    bare = next((surface[len(u):].strip() for u in units if surface.lower().startswith(u.lower() + " ")), surface)
    return bool(admin_units_named(name_key(lexicons.place_aliases().get(bare, bare))))


def _describe(code: str) -> str:
    units = admin_unit(code)
    chain, unit = [], units[0] if units else None
    while unit is not None:
        chain.append(f"{unit.official_name} ({unit.code}, {unit.era})")
        unit = admin_unit(unit.parent)[0] if unit.parent else None
    return " < ".join(chain)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="a folder of reports")
    parser.add_argument("--limit", type=int, default=0, help="the first N reports (sorted by name); 0 for all")
    parser.add_argument("--sample", type=int, default=50, help="how many resolutions to print for reading")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix == ".txt")
    files = files[:args.limit] if args.limit else files
    rows = [r for f in files for r in resolutions(f)]
    resolved = [r for r in rows if r[2]]
    print(f"{args.folder}: {len(files)} reports, {len(rows)} Vietnamese place mentions, {len(resolved)} resolved "
          f"({len(resolved) / max(1, len(rows)):.3f})")
    for report, surface, code, sentence in random.Random(16).sample(resolved, min(args.sample, len(resolved))):
        print(f"- {surface!r} -> {_describe(str(code))} [{report}] {sentence}")
    unresolved = Counter(r[1] for r in rows if not r[2])
    unknown = sum(n for surface, n in unresolved.items() if not _in_data(surface))
    print(f"of the {sum(unresolved.values())} unresolved, {unknown} name no unit of the reference data (foreign "
          f"provinces, units merged before 2025); resolved among names the data has: "
          f"{len(resolved) / max(1, len(rows) - unknown):.3f}")
    print("unresolved:", "; ".join(f"{s} ({n})" for s, n in sorted(unresolved.items()))[:4000])
