#!/usr/bin/env python3
"""Start-up of an extracting ``vnkg`` process: CPU of a one-report ``vnkg extract``, and where the first report's goes.

    python scripts/startup_profile.py                    # news report 21464076, 5 runs
    python scripts/startup_profile.py --runs 9 FILE.txt
    python scripts/startup_profile.py --checkout ../main     # another checkout's code, for a before/after

Two measurements, each in fresh processes running this checkout's code (or ``--checkout``'s):

* ``whole``: user + system CPU seconds of ``vnkg extract FILE --output-dir DIR``
  (as ``scripts/benchmark.py`` runs the command), the median of ``--runs``
  runs with the lexicon disk cache warm, and one run with ``VNKG_CACHE_DIR=off``
  (every kept lexicon made again).
* ``phases``: a process doing what the command does, with ``time.process_time``
  read between its phases (each phase's median over ``--runs`` processes): the
  interpreter's own start, the command's imports, spaCy, ``pipeline.nlp()``
  (the recognisers' modules and components), each stage of the first report
  (its lazy loads included; the first stage also the collection ``batch_gc.settle``
  makes), and the same report again (what a report costs once all is loaded).
  It says too whether underthesea's package or joblib was imported (they need
  not be; see ``pipeline/s2_underthesea.py``).

CPU seconds, not wall seconds: the machine is shared. Prints a Markdown table;
the figures belong in docs/benchmarks.md ("Start-up").
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpus" / "news"
DEFAULT = NEWS / "21464076.txt"
VNKG = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.argv[0] = 'vnkg'; main()"]

__all__ = ["whole", "phases"]

_PHASES = r"""
import json, sys, time
from pathlib import Path
marks = [("interpreter start", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
from pipeline.cli.lean_spacy import defer_spacy_cli
defer_spacy_cli()
from pipeline.batch_gc import tune_for_batch
tune_for_batch()
import pipeline.cli; mark("import the command")
import spacy; mark("import spaCy")
import pipeline; pipeline.nlp(); mark("pipeline.nlp()")
from pipeline.runner import run_stages
from pipeline.s1_read import read_path
document = read_path(Path(sys.argv[1]))
for stage in ("segment", "doc", "recognise", "link", "triples"):
    run_stages(document, until=stage); mark(f"first report: to {stage}")
run_stages(document, until="triples"); mark("the same report again")
loaded = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("underthesea", "joblib")})
print(json.dumps({"marks": marks, "loaded": loaded}))
"""


def whole(path: Path, runs: int, cache: bool = True, checkout: Path = ROOT) -> list[float]:
    """User + system CPU seconds of ``runs`` one-report ``vnkg extract`` processes, sorted."""
    env = dict(os.environ)
    if not cache:
        env["VNKG_CACHE_DIR"] = "off"
    out = []
    with tempfile.TemporaryDirectory(prefix="vnkg-startup-") as work:
        for _ in range(runs):
            before = os.times()
            subprocess.run([*VNKG, "extract", str(path), "--output-dir", work], cwd=checkout, env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            after = os.times()
            out.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return sorted(out)


def phases(path: Path, checkout: Path = ROOT) -> tuple[list[tuple[str, float]], list[str]]:
    """(phase, CPU seconds) of one process doing what ``vnkg extract`` does, and which of underthesea
    and joblib it imported."""
    done = subprocess.run([sys.executable, "-c", _PHASES, str(path)], cwd=checkout, check=True, capture_output=True,
                          text=True)
    found = json.loads(done.stdout.splitlines()[-1])
    marks = found["marks"]
    steps = [(marks[0][0], marks[0][1])]
    steps += [(name, at - marks[k][1]) for k, (name, at) in enumerate(marks[1:])]
    return steps, found["loaded"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT, help="the report (default: news 21464076)")
    ap.add_argument("--runs", type=int, default=5, help="processes whose median is taken (default 5)")
    ap.add_argument("--checkout", type=Path, default=ROOT, help="the vnkg checkout whose code runs (default: this one)")
    args = ap.parse_args(argv)
    args.file = args.file.resolve()
    if not args.file.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return 1
    whole(args.file, 1, checkout=args.checkout)  # fills the lexicon disk cache if it is cold
    runs = whole(args.file, args.runs, checkout=args.checkout)
    off = whole(args.file, 1, cache=False, checkout=args.checkout)[0]
    samples = [phases(args.file, args.checkout) for _ in range(args.runs)]
    loaded = sorted({m for _, found in samples for m in found})
    steps = [(name, statistics.median(s[k][1] for s, _ in samples)) for k, (name, _) in enumerate(samples[0][0])]
    print(f"{args.checkout.resolve()}: `vnkg extract {args.file.name} --output-dir DIR`, CPU seconds (user + system)\n")
    print("| measure | CPU s |\n|---|---:|")
    print(f"| whole process, median of {len(runs)} (cache warm) | {statistics.median(runs):.2f} |")
    print(f"| whole process, `VNKG_CACHE_DIR=off` | {off:.2f} |")
    for name, seconds in steps:
        print(f"| {name} | {seconds:.3f} |")
    print(f"| up to the report's triples, in all (sum of medians) | "
          f"{sum(s for n, s in steps if n != 'the same report again'):.3f} |")
    print(f"\nunderthesea's package or joblib imported: {', '.join(loaded) or 'neither'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
