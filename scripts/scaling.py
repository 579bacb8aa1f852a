#!/usr/bin/env python3
"""The figures of docs/scaling.md, measured in one run: extraction, loads, queries per backend, a Dask cluster.

    python scripts/scaling.py                      # the whole news corpus, into docs/scaling.md
    python scripts/scaling.py --limit 50 --out -   # a quick look, printed

Reads ../shared/corpus/news (sorted by name; --limit takes the first N) and measures:

1. extraction in one process (``pipeline.store.ingest.prepare``, what ``ingest``
   runs per report): seconds per report and per 1,000 characters, triples per
   report, the process's resident memory once the models are loaded and at the end;
2. writing those same extracted reports, one transaction each as ``ingest``
   does, to an embedded Oxigraph store, ``oxigraph serve`` and Virtuoso (each
   started here on loopback, as the tests start them); then the bulk path:
   the reports as shards (``pipeline.store.bulk``) loaded by ``oxigraph load``
   and by Virtuoso's ``ld_dir``/``rdf_loader_run``; time, reports/s,
   triples/s and the store's size on disk;
3. every ready question on each of those stores: median of 5 runs;
4. ``ingest_on_cluster`` of the first --cluster-reports reports on a Dask
   scheduler with two one-thread workers: wall time and each worker's memory.

Fuseki is not measured when its jar is absent (see tests/sparql_servers.py).
The machine has 2 cores shared with other work: the figures are of one run.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpus" / "news"
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
START, END = "<!-- measured: start (scripts/scaling.py writes this part) -->", "<!-- measured: end -->"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N reports (default: all)")
    ap.add_argument("--cluster-reports", type=int, default=300, help="reports ingested on the Dask cluster")
    ap.add_argument("--out", default=str(ROOT / "docs" / "scaling.md"), help="Markdown file to update, or -")
    args = ap.parse_args(argv)
    files = sorted(NEWS.glob("*.txt"))[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="vnkg-scaling-"))
    lines = [f"Measured on {date.today()} by `python scripts/scaling.py{_argv(argv)}` on {_machine()}, "
             f"beside other engineers' work on the same 2 cores: one run, not a best of several.", ""]
    try:
        prepared, extraction = _extraction(files)
        lines += extraction
        lines += _loads(prepared, work)
        lines += _cluster(files[: args.cluster_reports], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(lines) + "\n"
    if args.out == "-":
        print(text)
    else:
        _replace_measured(Path(args.out), text)
    return 0


def _extraction(files: list[Path]) -> tuple[list, list[str]]:
    from pipeline.store.ingest import _safe_prepare

    _safe_prepare((str(files[0].resolve()), None, True))  # the models load once
    warm = _rss_mb()
    prepared, seconds, chars, triples = [], [], [], []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        start = time.perf_counter()
        result = _safe_prepare((str(path.resolve()), None, True))
        seconds.append(time.perf_counter() - start)
        chars.append(len(text))
        prepared.append((str(path), result))
        triples.append(result.ntriples.count("\n") if hasattr(result, "ntriples") else 0)
    failed = sum(1 for _, r in prepared if not hasattr(r, "ntriples"))
    total = sum(seconds)
    held = sum(len(r.ntriples) for _, r in prepared if hasattr(r, "ntriples")) / 1e6
    return prepared, [
        "### Extraction, one process", "",
        f"- {len(files):,} reports, {sum(chars):,} characters (median {statistics.median(chars):,.0f} per report), "
        f"{failed} failed;",
        f"- {total:.0f} s in all: {total / len(files) * 1000:.0f} ms per report on average (median "
        f"{statistics.median(seconds) * 1000:.0f} ms, slowest {max(seconds):.1f} s), "
        f"{total / sum(chars) * 1e6:.1f} ms per 1,000 characters ({sum(chars) / total:,.0f} characters/s);",
        f"- {sum(triples):,} triples in the report graphs: {statistics.mean(triples):.0f} per report on average "
        f"(median {statistics.median(triples):.0f}, most {max(triples):,}), "
        f"{sum(triples) / sum(chars) * 1000:.1f} per 1,000 characters;",
        f"- resident memory of the process: {warm:,.0f} MB with the models loaded, peak {_peak_mb():,.0f} MB at the "
        f"end (holding every report's N-Triples, {held:,.0f} MB).",
        ""]


def _loads(prepared: list, work: Path) -> list[str]:
    from pipeline.store import Location, open_store
    from pipeline.store.bulk import shard_results

    from sparql_servers import Unavailable, start, virtuoso_sql

    rows, latency = [], {}
    reports = [r for _, r in prepared if hasattr(r, "ntriples")]
    embedded = work / "embedded"
    rows.append(_timed_writes("embedded Oxigraph (pyoxigraph), ingest's writes", Location(path=embedded), reports,
                              embedded, latency))
    servers = {}
    for kind in ("oxigraph", "virtuoso", "fuseki"):
        try:
            servers[kind] = start(kind, _fresh(work / kind))
        except Unavailable as exc:
            rows.append(f"| {kind} server | not measured: {exc} | | | | |")
    try:
        for kind, server in servers.items():
            rows.append(_timed_writes(f"{kind} server, ingest's writes over HTTP",
                                      Location(endpoint=server.url, kind=kind), reports, server.folder, latency))
        shards = shard_results(prepared, work / "shards")
        files = [str(p) for p in shards.files]
        loaded = work / "bulk-oxigraph"
        start_time = time.perf_counter()
        subprocess.run(["oxigraph", "load", "--location", str(loaded), "--file", *files], check=True,
                       capture_output=True)
        took = time.perf_counter() - start_time
        with open_store(Location(path=loaded)) as store:
            rows.append(_row("`oxigraph load` of the shards (bulk)", len(reports), took, len(store), loaded))
            latency["bulk-loaded Oxigraph"] = _latencies(store)
        if "virtuoso" in servers:
            bulk = start("virtuoso", _fresh(work / "bulk-virtuoso"))
            servers["bulk-virtuoso"] = bulk
            moved = bulk.folder / "shards"
            (work / "shards").rename(moved)
            assert bulk.sql_port is not None
            start_time = time.perf_counter()
            virtuoso_sql(bulk.sql_port, f"ld_dir('{moved}', '*.nq', 'urn:vnkg:unused'); rdf_loader_run(); checkpoint;")
            took = time.perf_counter() - start_time
            with open_store(Location(endpoint=bulk.url, kind="virtuoso")) as store:
                rows.append(_row("Virtuoso `ld_dir` + `rdf_loader_run` of the shards (bulk)", len(reports), took,
                                 _vnkg_triples(store), bulk.folder))
    finally:
        for server in servers.values():
            server.stop()
    names = sorted(latency)
    questions = sorted(next(iter(latency.values())))
    return ["### Loads", "",
            "The same extracted reports written to each store. \"ingest's writes\": one SPARQL Update per report "
            "(its graph and its entities' preferred labels, after the label query), as `vnkg ingest` writes; "
            "\"bulk\": the shards of `vnkg extract --for-store` given to the store's own loader.", "",
            "| store | reports | seconds | reports/s | triples/s | on disk |", "|---|---|---|---|---|---|", *rows, "",
            "### Ready questions, median of 5 runs (ms)", "",
            "`career` asked for the official named in the most posts, `figures` about \"Hà Nội\".", "",
            "| question | " + " | ".join(names) + " |", "|---|" + "---|" * len(names),
            *[f"| {q} | " + " | ".join(f"{latency[n][q]:.0f}" for n in names) + " |" for q in questions], ""]


def _timed_writes(name: str, location, reports: list, folder: Path, latency: dict) -> str:
    from pipeline.store import open_store
    from pipeline.store.ingest import _vocabulary, _write

    with open_store(location, write=True) as store:
        start = time.perf_counter()
        _vocabulary(store)
        for prepared in reports:
            _write(store, prepared, replacing=False)
        took = time.perf_counter() - start
        triples = _vnkg_triples(store)
        latency[name.split(",")[0]] = _latencies(store)
    return _row(name, len(reports), took, triples, folder)


def _latencies(store) -> dict[str, float]:
    from pipeline.store import named_queries, run_query

    (top,) = store.select("""SELECT ?v WHERE { { SELECT ?v (COUNT(DISTINCT ?post) AS ?n) WHERE {
        ?p <http://www.w3.org/ns/org#holds> ?post ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?v }
        GROUP BY ?v } } ORDER BY DESC(?n) ?v LIMIT 1""")
    values = {"name": top["v"], "about": "Hà Nội"}
    times = {}
    for q in named_queries().values():
        params = {p: values[p] for p in q.params}
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            run_query(store, q.text, "table", params)
            runs.append((time.perf_counter() - start) * 1000)
        times[q.name] = statistics.median(runs)
    return times


def _cluster(files: list[Path], work: Path) -> list[str]:
    from distributed import Client

    from pipeline.store import ClusterOptions, Location, ingest_on_cluster, open_store

    from sparql_servers import free_port

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", f"distributed.cli.{p}", *a], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
             for p, a in [("dask_scheduler", ["--host", "127.0.0.1", "--port", str(port), "--no-dashboard"])]
             + [("dask_worker", [address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard"])] * 2]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            start = time.perf_counter()
            with open_store(Location(path=work / "cluster"), write=True) as store:
                report = ingest_on_cluster(store, files, ClusterOptions(address))
            took = time.perf_counter() - start
            memory = client.run(_rss_mb)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)
    return ["### Dask cluster", "",
            f"`ingest_on_cluster` of the first {len(files)} reports, a scheduler and two one-thread workers on this "
            f"2-core machine, the store written by the client: {report.summary()} in {took:.0f} s "
            f"({len(files) / took:.1f} reports/s, model loading on each worker included); each worker's resident "
            f"memory at the end: {', '.join(f'{mb:,.0f} MB' for mb in memory.values())}.", ""]


def _row(name: str, reports: int, seconds: float, triples: int, folder: Path) -> str:
    return (f"| {name} | {reports:,} | {seconds:.1f} | {reports / seconds:.1f} | {triples / seconds:,.0f} | "
            f"{_du_mb(folder):,.0f} MB |")


def _vnkg_triples(store) -> int:
    (row,) = store.select("""SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
        FILTER(STRSTARTS(STR(?g), "https://w3id.org/vnkg/")) }""")
    return int(row["n"])


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


def _du_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _machine() -> str:
    return f"{os.cpu_count()} cores, Python {platform.python_version()}"


def _argv(argv: list[str] | None) -> str:
    given = sys.argv[1:] if argv is None else argv
    return (" " + " ".join(given)) if given else ""


def _replace_measured(doc: Path, text: str) -> None:
    old = doc.read_text(encoding="utf-8") if doc.exists() else f"{START}\n{END}\n"
    before, _, rest = old.partition(START)
    _, _, after = rest.partition(END)
    doc.write_text(f"{before}{START}\n{text}{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
