#!/usr/bin/env python3
"""Named-query latency: the on-disk Oxigraph store against rdflib's in-memory store, same data.

Builds a store from report files (by default the development documents and,
when ../shared is present, the first N news articles), then runs every query
in ontology/queries on both and prints the median time of each and their
ratio. Results are for docs/benchmarks.md; no test times anything.

    python scripts/bench_queries.py [--news 200] [--repeat 5] [--store DIR]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def timed(fn, repeat: int) -> float:
    """Median wall time of ``fn()`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    import rdflib

    from pipeline.store import Location, ingest, named_queries, open_store, stats

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=200, help="news articles to add from ../shared (default 200)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    ap.add_argument("--store", type=Path, help="reuse or build the store here (default: a temporary folder)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for building the store")
    args = ap.parse_args(argv)

    files = sorted((SHARED / "eval" / "dev" / "docs").glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    files += sorted((SHARED / "corpus" / "news").glob("*.txt"))[: args.news]
    folder = args.store or Path(tempfile.mkdtemp()) / "store"
    with open_store(Location(path=folder), write=True) as store:
        start = time.perf_counter()
        ingest(store, files, jobs=args.jobs)
        print(f"store: {len(files)} reports, {stats(store)['triples']} triples, built in "
              f"{time.perf_counter() - start:.1f} s", file=sys.stderr)
        dump = store.query_bytes("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "turtle")
        memory = rdflib.Graph().parse(data=dump.decode("utf-8"), format="turtle")
        print(f"{'query':14s} {'oxigraph ms':>12s} {'rdflib ms':>10s} {'ratio':>7s}")
        ratios = []
        for q in named_queries().values():
            text = q.text.replace("$name", '"nguyễn"')
            ox = timed(lambda: store.select(text), args.repeat)
            try:
                rd = timed(lambda: list(memory.query(text)), max(1, args.repeat // 2))
            except Exception as exc:  # rdflib fails GROUP_CONCAT(DISTINCT) over unbound values
                print(f"{q.name:14s} {ox:12.1f} {'fails':>10s}   ({type(exc).__name__})")
                continue
            ratios.append(rd / ox)
            print(f"{q.name:14s} {ox:12.1f} {rd:10.1f} {rd / ox:7.1f}")
        print(f"{'median':14s} {'':12s} {'':10s} {statistics.median(ratios):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
