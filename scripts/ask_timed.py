"""Time a ready question on a store: seconds and rows (by kind when it has one), for docs/archive.md."""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from pipeline.store import Location, named_queries, open_store, run_query

__all__ = ["ask_timed"]


def ask_timed(store_dir: Path, question: str, params: dict[str, str]) -> tuple[float, int, Counter[str]]:
    """Seconds to open ``store_dir`` and answer the ready question ``question``, its rows, rows by kind.

    Examples
    --------
    >>> ask_timed(Path("/nonexistent"), "by-province", {"province": "Hà Nội"})  # doctest: +SKIP
    (9.1, 683, Counter({'figure': 453, 'body': 159, 'official': 70, 'zone': 1}))
    """
    started = time.perf_counter()
    with open_store(Location(path=store_dir)) as store:
        result = run_query(store, named_queries()[question].text, "table", params)
    seconds = time.perf_counter() - started
    kinds: Counter[str] = Counter()
    if "kind" in result.columns:
        kinds.update(row[result.columns.index("kind")] for row in result.rows)
    return seconds, len(result.rows), kinds


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path, help="store folder")
    parser.add_argument("question", help="a ready question of ontology/queries, e.g. by-province")
    parser.add_argument("params", nargs="*", help="NAME=VALUE parameters")
    args = parser.parse_args()
    seconds, rows, kinds = ask_timed(args.store, args.question, dict(p.split("=", 1) for p in args.params))
    print(f"{args.question} {' '.join(args.params)}: {rows} rows in {seconds:.1f} s {dict(kinds)}")
