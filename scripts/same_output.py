#!/usr/bin/env python3
"""Whether this checkout extracts the same graphs as another: N-Triples of the same reports, compared line by line.

    cd /work/main && python -m pipeline extract $(ls ../shared/corpus/news/*.txt | sort | head -300) \\
        --format nt --output-dir /tmp/before                         # once, with the code before
    python scripts/same_output.py /tmp/before                       # this checkout, same files

The reports are the first ``--limit`` files of ``--corpus`` by name (as the
command above takes them); this checkout writes their N-Triples with ``vnkg
extract --format nt --output-dir`` and each file's sorted lines are compared
with the file of the same name in BEFORE (a report's graph has no blank nodes,
so equal sorted lines are isomorphic graphs). Prints the count of files that
differ and their names; exit status 1 when any does.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpus" / "news"

__all__ = ["differing"]


def differing(before: Path, after: Path) -> list[str]:
    """Names of the .nt files of ``before`` whose sorted lines differ from (or are missing in) ``after``."""
    out = []
    for old in sorted(before.glob("*.nt")):
        new = after / old.name
        if not new.exists() or sorted(old.read_text(encoding="utf-8").splitlines()) != \
                sorted(new.read_text(encoding="utf-8").splitlines()):
            out.append(old.name)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="folder of <stem>.nt files written by the code before")
    ap.add_argument("--corpus", type=Path, default=NEWS, help="folder of .txt reports (default ../shared/corpus/news)")
    ap.add_argument("--limit", type=int, default=300, help="the first N reports by name (default 300)")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt"))[: args.limit]
    if not files or not args.before.is_dir():
        print(f"{args.before if files else args.corpus}: nothing to compare", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="vnkg-same-") as work:
        subprocess.run([sys.executable, "-m", "pipeline", "extract", *map(str, files), "--format", "nt",
                        "--output-dir", work], cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        names = differing(args.before, Path(work))
    for name in names:
        print(f"differs: {name}")
    print(f"{len(names)} of {len(list(args.before.glob('*.nt')))} files differ")
    return 1 if names else 0


if __name__ == "__main__":
    raise SystemExit(main())
