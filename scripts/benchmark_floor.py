#!/usr/bin/env python3
"""Issue 17's figures beside the tokeniser floor, each measured in one run (a section of docs/benchmarks.md).

    python scripts/benchmark_floor.py --limit 300 --out -          # extraction against the floor, printed
    python scripts/benchmark_floor.py --section memory --section labels

Sections (all by default):

* ``floor``: underthesea's ``sent_tokenize`` + ``word_tokenize`` alone (the floor),
  vnkg's in-process extraction (text to the report's triples) and the whole
  process ``vnkg extract FILES --output-dir DIR`` (Turtle, ``--rounds`` runs,
  each followed by the floor again), over the same texts in one run; CPU
  seconds (the machine is shared: CPU time is what a neighbour disturbs least)
  and wall seconds, with the load average.
* ``memory``: peak memory of ingesting 250 and 2,000 texts with one job and
  2,000 with two (the library's ``ingest``, as ``vnkg ingest`` runs it before
  refreshing its graph view), and of ``vnkg extract`` of a 100,000-character
  and a 5 MB report, with CPU seconds per million characters.
* ``labels``: ``career`` and ``figures`` asked for one-row answers on a store of
  250 texts and on a store of all of them.

``scripts/benchmark.py`` runs these sections too.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's pipeline, not an installed one

from benchmark import NEWS, ROOT, VNKG, _met, _run_watching_memory, _write_long_report  # noqa: E402

_INGEST = """import sys; from pipeline.store import Location, ingest, open_store
from pathlib import Path
files = Path(sys.argv[2]).read_text(encoding="utf-8").split("\\n")
with open_store(Location(path=Path(sys.argv[1])), write=True) as store:
    print(ingest(store, files, jobs=int(sys.argv[3])).summary(), file=sys.stderr)"""
# CPU seconds of the floor (underthesea's sentences and words) over one report and of extracting it, in a fresh
# process whose models a one-line report has loaded: the machine's speed drifts by a quarter from minute to
# minute here, and the floor, linear by nature, measured beside the extraction is what its cost is set against
_TIMED_EXTRACT = """import sys, time; sys.path.insert(0, "scripts"); import pipeline
from benchmark_floor import floor_tokenise
from pipeline.text import normalise
line = "Bộ trưởng Bộ Tài chính Hồ Đức Phớc phát biểu.\\n"
pipeline.extract(line); floor_tokenise([line])
text = normalise(open(sys.argv[1], encoding="utf-8").read())
start = time.process_time(); floor_tokenise([text]); floor_cpu = time.process_time() - start
start = time.process_time(); triples = sum(1 for _ in pipeline.extract_path(sys.argv[1]).triples)
print(floor_cpu, time.process_time() - start)"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300, help="texts for the floor section (default 300)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="whole-process runs in the floor section, each beside a floor (default 3)")
    ap.add_argument("--section", action="append", choices=["floor", "memory", "labels"],
                    help="a section to run (repeatable; default: all)")
    ap.add_argument("--memory-part", choices=["all", "ingest", "long"], default="all",
                    help="with --section memory: the ingests only, the long reports only, or both (default)")
    ap.add_argument("--out", default="-", help="Markdown file to append to, or - to print (default)")
    args = ap.parse_args(argv)
    files = sorted(NEWS.glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="vnkg-floor-"))
    chosen = args.section or ["floor", "memory", "labels"]
    parts = []
    if "floor" in chosen:
        parts.append(floor_section(files[: args.limit], work, args.rounds))
    if "memory" in chosen:
        parts.append(memory_section(files, work, args.memory_part))
    if "labels" in chosen:
        parts.append(labels_section(files, work))
    text = "\n".join(parts)
    if args.out == "-":
        print(text)
    else:
        with open(args.out, "a", encoding="utf-8") as out:
            out.write("\n" + text)
    return 0


def floor_tokenise(texts: list[str]) -> None:
    """The floor: underthesea's sentences then words, line by line, as stage 2 calls it."""
    from underthesea import sent_tokenize, word_tokenize

    for text in texts:
        for line in text.split("\n"):
            for sentence in sent_tokenize(line) if line.strip() else ():
                word_tokenize(sentence, use_token_normalize=False)


def floor_section(files: list[Path], work: Path, rounds: int = 3) -> str:
    """The floor, in-process extraction and whole-process extraction to Turtle files, in one run.

    In process, floor and extraction alternate every 25 texts. The whole process is run ``rounds``
    times, each run followed by the floor over the same texts, so that each whole-process run is
    set against a floor measured beside it (a neighbour that slows the machine for a minute slows
    both); its ratio is the sum of those floors over the sum of the runs.
    """

    import pipeline
    from pipeline.text import normalise

    texts = [normalise(f.read_text(encoding="utf-8")) for f in files]

    tokenise = floor_tokenise
    def extract(batch: list[str]) -> None:
        for text in batch:  # every triple made: the mention nodes' are made as they are read
            for _ in pipeline.extract(text).triples:
                pass

    tokenise(texts[:5]), extract(texts[:5])  # models, lexicons and recognisers load before timing
    cpu = {"floor": 0.0, "extract": 0.0}
    wall = dict(cpu)
    for i in range(0, len(texts), 25):  # interleaved, so a busy neighbour slows both alike
        for name, fn in (("floor", tokenise), ("extract", extract)):
            c, w = time.process_time(), time.perf_counter()
            fn(texts[i:i + 25])
            cpu[name] += time.process_time() - c
            wall[name] += time.perf_counter() - w
    load_in = os.getloadavg()[0]
    runs = []  # (process CPU, process wall, floor CPU beside it, floor wall beside it)
    for r in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([*VNKG, "extract", *map(str, files), "--output-dir", str(work / f"ttl-{r}")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        process_wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        c, w = time.process_time(), time.perf_counter()
        tokenise(texts)
        runs.append(((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), process_wall,
                     time.process_time() - c, time.perf_counter() - w))
    chars = sum(map(len, texts))
    rows = [("underthesea sentence + word tokenisation alone (the floor)", cpu["floor"], wall["floor"], 1.0, 1.0),
            ("vnkg extraction in process, text to the report's triples", cpu["extract"], wall["extract"],
             cpu["floor"] / cpu["extract"], wall["floor"] / wall["extract"])]
    for r, (p_cpu, p_wall, f_cpu, f_wall) in enumerate(runs, 1):
        rows.append((f"`vnkg extract FILES --output-dir DIR` (Turtle), whole process, run {r} "
                     f"(the floor beside it: {f_cpu:.1f} s CPU)", p_cpu, p_wall, f_cpu / p_cpu, f_wall / p_wall))
    table = "\n".join(f"| {label} | {c:.1f} | {chars / c:,.0f} | {rc:.2f} | {w:.1f} | {rw:.2f} |"
                      for label, c, w, rc, rw in rows)
    in_process = cpu["floor"] / cpu["extract"]
    whole = sum(r[2] for r in runs) / sum(r[0] for r in runs)
    each = ", ".join(f"{r[2] / r[0]:.2f}" for r in runs)
    return (f"## Extraction beside the tokeniser floor (one run)\n\n{len(texts)} news texts, {chars:,} characters, "
            f"load average {load_in:.1f} in process, {os.getloadavg()[0]:.1f} after the whole-process runs "
            "(2 cores, shared). Ratio = the floor's time / this row's time (CPU, then wall); in process the floor "
            "is measured alternately with extraction, every 25 texts; each whole-process run is set against the "
            "floor measured right after it.\n\n"
            "| | CPU s | characters/CPU s | ratio (CPU) | wall s | ratio (wall) |\n|---|---|---|---|---|---|\n"
            f"{table}\n\nIn process **{in_process:.2f}x** the floor (target ≥ 0.8: {_met(in_process >= 0.8)}); "
            f"whole process **{whole:.2f}x** over {len(runs)} runs ({each}; target ≥ 0.7: {_met(whole >= 0.7)}).\n")


def memory_section(files: list[Path], work: Path, part: str = "all") -> str:
    """Peak memory of ingests of 250 and 2,000 texts, and of extracting a 100k and a 5 MB report
    (``part``: ``ingest``, ``long`` or ``all``)."""
    rows, verdicts = [], []
    if part in ("all", "ingest"):
        peaks = {}
        for count, jobs in ((250, 1), (2000, 1), (2000, 2)):
            listing = work / f"files-{count}.txt"
            listing.write_text("\n".join(map(str, files[:count])), encoding="utf-8")
            start = time.perf_counter()
            peak = _run_watching_memory([sys.executable, "-c", _INGEST, str(work / f"store-{count}-{jobs}"),
                                         str(listing), str(jobs)])
            peaks[(count, jobs)] = peak
            rows.append(f"| ingest {count:,} texts, {jobs} job(s) | {time.perf_counter() - start:.0f} | | | | "
                        f"{peak:,.0f} | {os.getloadavg()[0]:.1f} |")
        growth = peaks[(2000, 1)] / peaks[(250, 1)] - 1
        verdicts.append(f"One job, 2,000 texts against 250: {growth:+.0%} (target within 15% and ≤ 600 MB: "
                        f"{_met(abs(growth) <= 0.15 and peaks[(2000, 1)] <= 600)}); two jobs ≤ 900 MB: "
                        f"{_met(peaks[(2000, 2)] <= 900)}.")
    if part in ("all", "long"):
        peaks, cpu, chars, in_process, to_floor = {}, {}, {}, {}, {}
        for size in (0, 100_000, 5_000_000):  # 0: a one-line report, for the process's start-up
            report = work / f"long-{size}.txt"
            if size:  # the 100k report from every 40th text: the 5 MB report's texts, as dense on average
                _write_long_report(files[::40] if size < 1_000_000 else files, report, size)
            else:
                report.write_text("Bộ trưởng Bộ Tài chính Hồ Đức Phớc phát biểu.\n", encoding="utf-8")
            chars[size] = len(report.read_text(encoding="utf-8"))
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            peaks[size] = _run_watching_memory([*VNKG, "extract", str(report), "--format", "nt", "--output-dir",
                                                str(work / "long")])
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[size] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            if size:  # the report alone, models loaded, beside the floor over it (three fresh processes for
                # the 100k report: its second or so is too noisy to take from two whole processes' CPU)
                runs = [tuple(map(float, subprocess.run([sys.executable, "-c", _TIMED_EXTRACT, str(report)],
                                                        check=True, capture_output=True, text=True,
                                                        cwd=ROOT).stdout.split()))
                        for _ in range(3 if size < 1_000_000 else 1)]
                in_process[size] = statistics.median(e for _, e in runs) / chars[size] * 1e6
                to_floor[size] = statistics.median(e / f for f, e in runs)
            rows.append(f"| extract a report of {chars[size]:,} characters | {time.perf_counter() - start:.0f} | "
                        f"{cpu[size]:.1f} | {in_process.get(size, 0.0):.1f} | {to_floor.get(size, 0.0):.2f} | "
                        f"{peaks[size]:,.0f} | "
                        f"{os.getloadavg()[0]:.1f} |")
        linear = to_floor[5_000_000] / to_floor[100_000] - 1
        raw = in_process[5_000_000] / in_process[100_000] - 1
        verdicts.append(f"The 5 MB report: ≤ 400 MB {_met(peaks[5_000_000] <= 400)}; its extraction's CPU over the "
                        f"floor's on the same text, {linear:+.0%} against the 100k report's (target: CPU per "
                        f"character within 15%: {_met(abs(linear) <= 0.15)}); CPU per character alone {raw:+.0%}.")
    return ("## Memory over an archive and a long report\n\n| run | wall s | CPU s (whole process) | "
            "CPU s per million characters (in process, models loaded) | extraction / floor on the same text | "
            "peak RSS MB | load |\n|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
            + " ".join(verdicts) + "\n")


def labels_section(files: list[Path], work: Path) -> str:
    """``career`` and ``figures`` one-row answers on a 250-text store and on a store of every text."""
    stores = {}
    for count in (250, len(files)):
        store = work / f"store-{count}-1"
        if not (store / "CURRENT").exists():
            listing = work / f"files-{count}.txt"
            listing.write_text("\n".join(map(str, files[:count])), encoding="utf-8")
            subprocess.run([sys.executable, "-c", _INGEST, str(store), str(listing), "1"], check=True, cwd=ROOT,
                           stderr=subprocess.DEVNULL)
        stores[count] = store
    asked = _one_row_values(stores[250], stores[len(files)])
    rows = []
    for (query, param, value) in asked:
        times = _median_query_ms([stores[c] for c in stores], query, param, value)
        rows.append(f"| {query} | {value} | {times[0]:.1f} | {times[1]:.1f} | {times[1] / times[0]:.2f} |")
    return ("## career and figures from the label index\n\nMedian of 21 runs in process (`run_query`, table; "
            "the two stores asked in turn), "
            f"load average {os.getloadavg()[0]:.1f}; values with a one-row answer on both stores.\n\n"
            f"| query | asked | 250 texts ms | {len(files):,} texts ms | ratio |\n|---|---|---|---|---|\n"
            + "\n".join(rows) + "\n")


def _one_row_values(small: Path, large: Path) -> list[tuple[str, str, str]]:
    """Three names and three subjects whose ``career`` / ``figures`` answer is one row on both stores
    (a subject with one figure among 250 texts may have four among all of them)."""
    import pyoxigraph

    from pipeline.store import Location, named_queries, open_store, run_query

    candidates = []
    db = pyoxigraph.Store.read_only(str(small))
    for query, param, text in (("career", "name", """SELECT ?l WHERE { ?p <http://www.w3.org/ns/org#holds> ?post ;
            <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } GROUP BY ?l HAVING (COUNT(?post) = 1) LIMIT 30"""),
                               ("figures", "about", """SELECT ?l WHERE { ?f <https://w3id.org/vnkg/ontology#about> ?x .
            ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } GROUP BY ?l HAVING (COUNT(?f) = 1) LIMIT 30""")):
        candidates += [(query, param, row[0].value) for row in db.query(text, use_default_graph_as_union=True)]
    del db
    found: list[tuple[str, str, str]] = []
    for query, param, value in candidates:
        if sum(q == query for q, _, _ in found) == 3:
            continue
        rows = []
        for store in (small, large):
            with open_store(Location(path=store)) as opened:
                rows.append(len(run_query(opened, named_queries()[query].text, "table", {param: value}).rows))
        if rows == [1, 1]:
            found.append((query, param, value))
    return found


def _median_query_ms(stores: list[Path], query: str, param: str, value: str, runs: int = 21) -> list[float]:
    """Each store's median time for the query, the stores asked in turn (a millisecond is at the mercy
    of a neighbour: asked one store after the other, one subject read 0.68x and then 1.52x)."""
    from contextlib import ExitStack

    from pipeline.store import Location, named_queries, open_store, run_query

    with ExitStack() as stack:
        opened = [stack.enter_context(open_store(Location(path=store))) for store in stores]
        times: list[list[float]] = [[] for _ in stores]
        for _ in range(runs):
            for store, found in zip(opened, times, strict=True):
                start = time.perf_counter()
                run_query(store, named_queries()[query].text, "table", {param: value})
                found.append((time.perf_counter() - start) * 1000)
    return [statistics.median(found) for found in times]


if __name__ == "__main__":
    sys.exit(main())
