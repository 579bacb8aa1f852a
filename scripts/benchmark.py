#!/usr/bin/env python3
"""vnkg's speed on the news corpus: every figure in docs/benchmarks.md, measured in one run.

    python scripts/benchmark.py                  # whole corpus, writes docs/benchmarks.md
    python scripts/benchmark.py --limit 200 --out -   # a quick look, printed

Reads ../shared/corpus/news (the project's own corpus/ when it is absent) and
measures, on this machine:

1. single-process extraction (read to RDF graph) beside underthesea's sentence
   and word tokenisation alone, over the same texts in interleaved batches;
2. ``vnkg ingest`` of every text into a new on-disk store with 1 and 2 worker
   processes: wall time, peak memory of the whole process tree, triples; and
   what two processes of this workload reach on this machine at all
   (``vnkg extract`` of a sample alone and as two halves at once);
3. each named query (ontology/queries) on that store, a question with a
   parameter asked with values weighted by how much the store holds on each;
4. the same queries on a generated graph of 1,000,000 triples (copies of the
   store with renamed resources), Oxigraph against rdflib's in-memory Dataset;
5. start-up of ``vnkg --help`` and of ``vnkg query`` on a small store;
6. ``vnkg extract`` of one 1 MB and one 5 MB report: wall time and peak memory;
7. a pyinstrument profile of the extraction: time by package and vnkg's own
   slowest functions;
8. issue 17's sections (``scripts/benchmark_floor.py``): extraction in process and
   whole process beside the tokeniser floor in one run, memory over 250 and 2,000
   ingested texts and a 5 MB report, career and figures on a small and a whole store.

No test times anything; performance figures live here and in the file it writes.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpus" / "news"
VNKG = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.argv[0] = 'vnkg'; main()"]
GENERATED_TRIPLES = 1_000_000
LARGE_BYTES = 5_000_000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N texts (default: all)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"), help="Markdown file to write, or - to print")
    ap.add_argument("--rdflib-timeout", type=int, default=120, help="seconds before an rdflib query is given up")
    ap.add_argument("--ingest-rounds", type=int, default=2, help="rounds of ingesting with one and two workers")
    ap.add_argument("--profile-texts", type=int, default=300, help="texts extracted under the profiler")
    args = ap.parse_args(argv)

    files = sorted(NEWS.glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    files = files[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="vnkg-bench-"))
    out = [f"# Benchmarks\n\nWritten by `python scripts/benchmark.py{_argv_text(argv)}` on {date.today()}; "
           f"{len(files)} texts from `{_shown(files[0].parent)}`.\n", machine()]
    from benchmark_floor import floor_section, labels_section, memory_section

    for section in (lambda: throughput(files), lambda: floor_section(files[:300], work),
                    lambda: ingest_section(files, work, args.ingest_rounds),
                    lambda: queries_section(work / "store-1"), lambda: generated_section(work, args.rdflib_timeout),
                    lambda: startup_section(work), lambda: large_section(files, work),
                    lambda: profile_section(files[: args.profile_texts]), lambda: memory_section(files, work),
                    lambda: labels_section(files, work)):
        text = section()
        print(text, file=sys.stderr)
        out.append(text)
    report = "\n".join(out)
    if args.out == "-":
        print(report)
    else:
        Path(args.out).write_text(report, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024 // 1024
    packages = ", ".join(f"{p} {version(p)}" for p in ("spacy", "underthesea", "rdflib", "pyoxigraph"))
    return (f"## Machine\n\n{os.cpu_count()} cores ({cpu}), {mem} GB RAM, Python {platform.python_version()}, "
            f"{packages}.\n")


def throughput(files) -> str:
    from underthesea import sent_tokenize, word_tokenize

    import pipeline
    from pipeline.text import normalise

    texts = [normalise(f.read_text(encoding="utf-8")) for f in files]

    def tokenise(batch):  # as stage 2 calls underthesea: line by line, sentences then words
        for text in batch:
            for line in text.split("\n"):
                for sentence in sent_tokenize(line) if line.strip() else ():
                    word_tokenize(sentence, use_token_normalize=False)

    def extract(batch):
        for text in batch:
            pipeline.extract(text)  # to the report's triples; the rdflib Graph is made only when asked for

    tokenise(texts[:5]), extract(texts[:5])  # models, lexicons and recognisers load before timing
    tok = ext = 0.0
    for i in range(0, len(texts), 50):  # interleaved, so a busy neighbour slows both alike
        batch = texts[i:i + 50]
        tok += _seconds(tokenise, batch)
        ext += _seconds(extract, batch)
    chars = sum(map(len, texts))
    ratio = tok / ext
    return ("## Extraction throughput, one process\n\n| | seconds | characters/s |\n|---|---|---|\n"
            f"| underthesea sentence + word tokenisation alone | {tok:.1f} | {chars / tok:,.0f} |\n"
            f"| vnkg extraction, text to the report's triples | {ext:.1f} | {chars / ext:,.0f} |\n\n"
            f"{len(texts)} texts, {chars:,} characters, in batches of 50 timed alternately. Extraction runs at "
            f"**{ratio:.2f}** of tokenisation's speed (target ≥ 0.50: {_met(ratio >= 0.5)}).\n")


def ingest_section(files, work: Path, rounds: int) -> str:
    # One and two workers alternate, round after round: this machine's speed drifts
    # over minutes, and each round's pair ran close together.
    import shutil

    rows, speedups, peaks = [], [], []
    for round_no in range(1, rounds + 1):
        runs = {}
        for jobs in (1, 2):
            store = work / f"store-{jobs}"
            shutil.rmtree(store, ignore_errors=True)
            start = time.perf_counter()
            peak = _run_watching_memory([*VNKG, "ingest", *map(str, files), "--store", str(store), "--jobs", str(jobs)])
            runs[jobs] = time.perf_counter() - start
            peaks.append(peak)
            rows.append(f"| {round_no} | {jobs} | {runs[jobs]:.1f} | {len(files) / runs[jobs]:.1f} | {peak:,.0f} | "
                        f"{_triples(store):,} |")
        speedups.append(runs[1] / runs[2])
    speedup = statistics.median(speedups)
    sample = files[::4]
    alone, pair = _extract_alone_and_as_two_halves(sample, work)
    ceiling = alone / pair
    return ("## Ingesting the corpus into an on-disk store\n\n`vnkg ingest FILES --store DIR --jobs N` into a new "
            "store, one and two workers alternately in each round; peak memory is the largest sum of resident memory "
            "over vnkg and its workers, sampled every 0.1 s.\n\n| round | jobs | wall s | reports/s | peak RSS MB | "
            "triples |\n|---|---|---|---|---|---|\n" + "\n".join(rows)
            + f"\n\nTwo workers against one, round by round: {', '.join(f'{x:.2f}x' for x in speedups)}; median "
            f"**{speedup:.2f}x** (target ≥ 1.7: {_met(speedup >= 1.7)}). Peak memory target ≤ 1,500 MB: "
            f"{_met(max(peaks) <= 1500)}.\n\nThe same work split with no coordination at all: `vnkg extract` of "
            f"{len(sample)} of the texts (every fourth) took {alone:.1f} s in one process and {pair:.1f} s as two "
            f"processes started together on one half each, so **{ceiling:.2f}x** is what two processes of this "
            f"workload reach on this machine; `--jobs 2` reached {speedup / ceiling:.0%} of it.\n")


def queries_section(store: Path) -> str:
    # Timed in a new process, as `vnkg query` runs: this one's heap is large by now.
    asked = json.dumps(_asked_values(store), ensure_ascii=False)
    timed = subprocess.run([sys.executable, "-c", _TIME_QUERIES, str(store), asked], capture_output=True, text=True,
                           check=True, cwd=ROOT).stdout
    runs: dict[str, list[tuple[str, int, float]]] = {}
    for line in timed.splitlines():
        name, value, found, ms = line.split("\t")
        runs.setdefault(name, []).append((value, int(found), float(ms)))
    rows, medians = [], []
    for name, timings in runs.items():
        typical = statistics.median(ms for _, _, ms in timings)
        value, found, slowest = max(timings, key=lambda t: t[2])
        medians.append(typical)
        if value:
            asked = f"{len(timings)} values ({len({t[0] for t in timings})} different); slowest: {value}"
            counts = f"{min(t[1] for t in timings):,} to {max(t[1] for t in timings):,}"
            slowest_rows = f"{found:,} row{'' if found == 1 else 's'}"
            rows.append(f"| {name} | {asked} | {counts} | {typical:.0f} | {slowest:.0f} ({slowest_rows}) | "
                        f"{_met(typical <= 100)} |")
        else:
            rows.append(f"| {name} | | {found:,} | {typical:.0f} | | {_met(typical <= 100)} |")
    return ("## Named queries on that store\n\nMedian of 7 runs of each query in `ontology/queries` through "
            "`pipeline.store` (what `vnkg query --named` runs for a table), every row read into Python, in a "
            "process of its own. A question with a parameter is asked with values from the store itself, as often "
            "as the store holds them: the subjects of the figures at 0%, 10%, ..., 100% of all figures ranked by "
            "how many figures their subject has (the officials of the posts, for a name), so the broadest "
            "subjects, with the most to show, are asked most. Its median is over those values; its slowest value "
            "is shown beside it.\n\n| query | asked with | rows | median ms | slowest ms | median ≤ 100 ms |\n"
            "|---|---|---|---|---|---|\n"
            + "\n".join(rows) + f"\n\nMedian over the queries: {statistics.median(medians):.0f} ms.\n")


# Values an analyst would type for each parameter, with how much the store holds
# about each: the labels of what figures are about, by figures; officials' names, by posts.
_PARAM_VALUES = {
    "about": """SELECT ?v (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f <https://w3id.org/vnkg/ontology#about> ?x .
                ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?v } GROUP BY ?v ORDER BY DESC(?n) ?v""",
    "name": """SELECT ?v (COUNT(DISTINCT ?post) AS ?n) WHERE { ?p <http://www.w3.org/ns/org#holds> ?post ;
               <http://www.w3.org/2004/02/skos/core#prefLabel> ?v } GROUP BY ?v ORDER BY DESC(?n) ?v""",
}
PARAM_SPREAD = 11

_TIME_QUERIES = """
import json, statistics, sys, time
from pathlib import Path
from pipeline.store import Location, named_queries, open_store, run_query
asked = json.loads(sys.argv[2])
with open_store(Location(path=Path(sys.argv[1]))) as store:
    for q in named_queries().values():
        (param,) = q.params or [None]
        for value in asked[param] if param else [None]:
            params = {param: value} if param else {}
            found = len(run_query(store, q.text, "table", params).rows)
            times = []
            for _ in range(7):
                start = time.perf_counter()
                run_query(store, q.text, "table", params)
                times.append((time.perf_counter() - start) * 1000)
            print(q.name, value or "", found, statistics.median(times), sep="\t")
"""


def _asked_values(store: Path) -> dict[str, list[str]]:
    """For each parameter, the values the ready questions are asked with (see ``_PARAM_VALUES``)."""
    import pyoxigraph

    ranked = pyoxigraph.Store.read_only(str(store))
    return {param: _at_marks([(r[0].value, int(r[1].value)) for r in
                              ranked.query(query, use_default_graph_as_union=True)], PARAM_SPREAD)
            for param, query in _PARAM_VALUES.items()}


def _at_marks(ranked: list[tuple[str, int]], count: int) -> list[str]:
    """Of values holding ``n`` items each, the value holding the item at each of ``count`` evenly spaced marks.

    >>> _at_marks([("Hà Nội", 5), ("Huế", 3), ("Vinh", 2)], 3)
    ['Hà Nội', 'Hà Nội', 'Vinh']
    """
    total = sum(n for _, n in ranked)
    marks = [i * (total - 1) // (count - 1) for i in range(count)]
    values, seen = [], 0
    for value, n in ranked:
        while marks and marks[0] < seen + n:
            values.append(value)
            marks.pop(0)
        seen += n
    return values


def generated_section(work: Path, timeout: int) -> str:
    import pyoxigraph
    import rdflib

    dump = pyoxigraph.Store.read_only(str(work / "store-1")).dump(format=pyoxigraph.RdfFormat.N_QUADS)
    lines, copy = [], 0
    while len(lines) < GENERATED_TRIPLES:  # renamed copies: more reports, people and bodies, same shapes
        prefix = f"<https://w3id.org/vnkg/resource/copy{copy}/".encode() if copy else b"<https://w3id.org/vnkg/resource/"
        lines += dump.replace(b"<https://w3id.org/vnkg/resource/", prefix).splitlines()
        copy += 1
    nquads = b"\n".join(lines[:GENERATED_TRIPLES]) + b"\n"
    oxigraph = pyoxigraph.Store(str(work / "generated"))
    load_ox = _seconds(lambda: oxigraph.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    memory = rdflib.Dataset(default_union=True)
    load_rd = _seconds(lambda: memory.parse(data=nquads.decode("utf-8"), format="nquads"))
    from pipeline.store import named_queries

    rows, ratios, at_least = [], [], []
    for q in named_queries().values():
        text = _filled(q.text, q.params, oxigraph)
        ox = _median_ms(lambda text=text: list(oxigraph.query(text, use_default_graph_as_union=True)), 3)
        try:
            rd = _with_timeout(lambda text=text: _median_ms(lambda: list(memory.query(text)), 1), timeout)
            rows.append(f"| {q.name} | {ox:,.0f} | {rd:,.0f} | {rd / ox:,.1f} |")
            ratios.append(rd / ox)
        except TimeoutError:
            rows.append(f"| {q.name} | {ox:,.0f} | > {timeout * 1000:,} | > {timeout * 1000 / ox:,.0f} |")
            at_least.append(timeout * 1000 / ox)
        except Exception as exc:  # rdflib fails some valid SPARQL; say which and how
            rows.append(f"| {q.name} | {ox:,.0f} | fails ({type(exc).__name__}) | |")
    return (f"## Named queries on a generated graph of {GENERATED_TRIPLES:,} triples\n\n{copy} renamed copies "
            f"of the store above (the last cut short). Loading took {load_ox:.1f} s into an on-disk Oxigraph store "
            f"and {load_rd:.1f} s into an rdflib `Dataset` (union default graph). Oxigraph: median of 3 runs; "
            f"rdflib: one run, given up after {timeout} s. The listings join `{{ SELECT }}` blocks (see "
            "ontology/queries/officials.rq); rdflib joins such blocks by comparing every row of one with every row "
            "of the other, which is where its time goes. A question with a parameter is asked the broadest way (the "
            "most frequent value in the graph).\n\n"
            "| query | Oxigraph ms | rdflib ms | rdflib / Oxigraph |\n|---|---|---|---|\n" + "\n".join(rows)
            + (f"\n\nMedian ratio over the queries rdflib answers: **{statistics.median(ratios):.1f}x**."
               if ratios else "")
            + (f"\n\nWhere rdflib gave up, the ratio is at least {min(at_least):,.0f}x." if at_least else "") + "\n")


def startup_section(work: Path) -> str:
    small = work / "small"
    subprocess.run([*VNKG, "ingest", str(ROOT / "corpus"), "--store", str(small)], check=True, capture_output=True)
    script = [p for p in (Path(sys.executable).parent / "vnkg",) if p.exists()]
    launcher = [str(script[0])] if script else VNKG
    rows = []
    for name, command in (("python -c pass (the floor)", [sys.executable, "-c", "pass"]),
                          ("vnkg --help", [*launcher, "--help"]),
                          ("vnkg query --named zones (table)",
                           [*launcher, "query", "--named", "zones", "--store", str(small)]),
                          ("vnkg query --named officials --format csv",
                           [*launcher, "query", "--named", "officials", "--format", "csv", "--store", str(small)])):
        s = statistics.median(_seconds(subprocess.run, command, capture_output=True, check=True) for _ in range(7))
        rows.append(f"| {name} | {s:.2f} | {'' if 'pass' in name else _met(s < 0.3)} |")
    return ("## Start-up\n\nMedian wall time of 7 runs, output piped, store of the 3 reports in `corpus/`.\n\n"
            "| command | seconds | < 0.3 s |\n|---|---|---|\n" + "\n".join(rows) + "\n")


def large_section(files, work: Path) -> str:
    """Reports of 1 MB and 5 MB (news texts end to end, each under a heading of its own)."""
    rows = []
    for size_bytes in (LARGE_BYTES // 5, LARGE_BYTES):
        report = work / f"large-{size_bytes}.txt"
        count = _write_long_report(files, report, size_bytes)
        start = time.perf_counter()
        peak = _run_watching_memory(
            [*VNKG, "extract", str(report), "--format", "nt", "--output-dir", str(work / "large")])
        seconds = time.perf_counter() - start
        triples = sum(1 for _ in (work / "large" / f"{report.stem}.nt").open(encoding="utf-8"))
        rows.append(f"| {report.stat().st_size / 1e6:.1f} | {count} | {seconds:.0f} | {peak:,.0f} | {triples:,} |")
    return ("## Long reports\n\n`vnkg extract REPORT --format nt --output-dir DIR` of one report made of news "
            "texts end to end.\n\n| MB | texts | wall s | peak RSS MB | triples |\n|---|---|---|---|---|\n"
            + "\n".join(rows) + "\n\nReports over 200,000 characters are read in windows cut at line ends, so "
            "the spaCy `Doc` never holds more than a window; what grows with length is the result itself (its "
            "entities, mentions and triples).\n")


def _write_long_report(files, report: Path, size_bytes: int) -> int:
    parts, size = [], 0
    while size < size_bytes:
        for f in files:
            parts.append(f"Phần {len(parts) + 1}\n{f.read_text(encoding='utf-8').strip()}\n")
            size += len(parts[-1].encode("utf-8"))
            if size >= size_bytes:
                break
    report.write_text("Báo cáo tổng hợp\n" + "".join(parts), encoding="utf-8")
    return len(parts)


def profile_section(files) -> str:
    from pyinstrument import Profiler

    from pipeline.runner import run_stages

    for f in files[:20]:  # lexicons load on first use: not what the profile is for
        run_stages(f, until="triples")
    profiler = Profiler(interval=0.002)
    profiler.start()
    for f in files:
        run_stages(f, until="triples")
    profiler.stop()
    root = profiler.last_session.root_frame()
    by_package, own = {}, {}
    _self_times(root, "other", by_package, own)
    total = root.time
    packages = "\n".join(f"| {p} | {s:.1f} | {100 * s / total:.0f}% |"
                         for p, s in sorted(by_package.items(), key=lambda kv: -kv[1])[:8])
    functions = "\n".join(f"| `{name}` | {s:.2f} | {100 * s / total:.1f}% |"
                          for name, s in sorted(own.items(), key=lambda kv: -kv[1])[:10])
    return (f"## Where the time goes\n\npyinstrument, extracting {len(files)} texts from file to RDF graph "
            f"({total:.1f} s). Self time by package (C functions count for the package that calls them):\n\n"
            f"| package | seconds | share |\n|---|---|---|\n{packages}\n\nvnkg's own slowest functions, self "
            f"time:\n\n| function | seconds | share |\n|---|---|---|\n{functions}\n")


def _self_times(frame, package, by_package, own, owner=None) -> None:
    """Self time by package and by vnkg function; C functions and pyinstrument's
    "[self]" leaves count for the Python function above them."""
    path = frame.file_path or ""
    if "site-packages/" in path:
        package = path.split("site-packages/", 1)[1].split("/", 1)[0]
    elif str(ROOT / "pipeline") in path:
        package = "vnkg (pipeline/)"
    elif path and not path.startswith("<"):
        package = "python standard library"
    if path.startswith(str(ROOT / "pipeline")):
        owner = f"{Path(path).relative_to(ROOT)}:{frame.function}"
    elif path and not path.startswith("<"):
        owner = None
    own_time = frame.time - sum(c.time for c in frame.children)
    by_package[package] = by_package.get(package, 0.0) + own_time
    if owner is not None:
        own[owner] = own.get(owner, 0.0) + own_time
    for child in frame.children:
        _self_times(child, package, by_package, own, owner)


def _run_watching_memory(command) -> float:
    """Run ``command``; the peak sum of resident memory (MB) over it and its descendants."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0.0]

    def watch():
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(process.pid))
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, err = process.communicate()
    watcher.join()
    if process.returncode:
        sys.exit(f"benchmark: {' '.join(command[3:6])}… failed:\n{err.decode()[-2000:]}")
    return peak[0]


def _tree_rss_mb(pid: int) -> float:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {pid}, [pid]
    while frontier:
        frontier = [p for p, parent in parents.items() if parent in frontier and p not in tree]
        tree.update(frontier)
    total = 0
    for p in tree:
        try:
            total += int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{p}/status").read_text()).group(1))
        except (OSError, AttributeError):
            continue
    return total / 1024


def _triples(store: Path) -> int:
    import pyoxigraph

    return len(pyoxigraph.Store.read_only(str(store)))


def _extract_alone_and_as_two_halves(files, work: Path) -> tuple[float, float]:
    """Seconds for one ``vnkg extract`` of ``files``, and for two started together on one half each."""
    def command(part, name):
        return [*VNKG, "extract", *map(str, part), "--format", "nt", "--output-dir", str(work / name)]

    alone = _seconds(subprocess.run, command(files, "alone"), check=True, capture_output=True)
    start = time.perf_counter()
    halves = [subprocess.Popen(command(files[i::2], f"half-{i}"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL) for i in (0, 1)]
    if any(p.wait() for p in halves):
        raise RuntimeError("vnkg extract failed on a half of the sample")
    return alone, time.perf_counter() - start


def _filled(query, params, store) -> str:
    """``query`` asked the broadest way: each parameter set to the store's most frequent value."""
    for param in params:
        (broadest, *_) = store.query(_PARAM_VALUES[param], use_default_graph_as_union=True)
        query = query.replace(f"${param}", json.dumps(broadest[0].value, ensure_ascii=False))
    return query


def _seconds(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def _median_ms(fn, repeat: int) -> float:
    return statistics.median(_seconds(fn) * 1000 for _ in range(repeat))


def _with_timeout(fn, seconds: int):
    def give_up(*_):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _shown(path: Path) -> str:
    return os.path.relpath(path, ROOT)


def _argv_text(argv) -> str:
    """The command's arguments as typed, but where it wrote to."""
    args, shown = list(sys.argv[1:] if argv is None else argv), []
    while args:
        arg = args.pop(0)
        if arg == "--out":
            args.pop(0)
        elif not arg.startswith("--out="):
            shown.append(arg)
    return "".join(f" {a}" for a in shown)


if __name__ == "__main__":
    sys.exit(main())
