#!/usr/bin/env python3
"""Extraction throughput beside underthesea's tokenisation alone, on the same texts, in one run.

    python scripts/bench_pipeline.py [--limit N] [--profile]

Reads the news corpus of ../shared (or the project's corpus when it is
absent). Prints characters per second for (a) underthesea sentence + word
tokenisation alone and (b) vnkg's whole extraction (read to RDF graph), and
their ratio; with --profile, the top entries of a pyinstrument profile of (b).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def texts(limit: int | None) -> list[str]:
    files = sorted((SHARED / "corpus" / "news").glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    from pipeline.text import normalise

    return [normalise(f.read_text(encoding="utf-8")) for f in files[:limit]]


def tokenise_only(docs: list[str]) -> None:
    """underthesea's sentence and word tokenisation, line by line, as stage 2 calls them."""
    from underthesea import sent_tokenize, word_tokenize

    for text in docs:
        for line in text.split("\n"):
            if line.strip():
                for sentence in sent_tokenize(line):
                    word_tokenize(sentence, use_token_normalize=False)


def extract_all(docs: list[str]) -> int:
    from pipeline.runner import run_stages

    triples = 0
    for text in docs:
        triples += len(run_stages(text, until="graph"))
    return triples


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N texts")
    ap.add_argument("--profile", action="store_true", help="profile the extraction with pyinstrument")
    args = ap.parse_args(argv)
    docs = texts(args.limit)
    chars = sum(len(t) for t in docs)
    tokenise_only(docs[:5])  # load underthesea's models before timing
    extract_all(docs[:5])  # and spaCy, the lexicons and the recognisers
    start = time.perf_counter()
    tokenise_only(docs)
    tok = time.perf_counter() - start
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    start = time.perf_counter()
    triples = extract_all(docs)
    ext = time.perf_counter() - start
    print(f"texts: {len(docs)}, characters: {chars:,}, triples: {triples:,}")
    print(f"underthesea tokenisation alone: {tok:7.1f} s  {chars / tok:10,.0f} chars/s")
    print(f"vnkg extraction (to RDF):        {ext:7.1f} s  {chars / ext:10,.0f} chars/s")
    print(f"ratio: {tok / ext:.2f} of tokenisation speed")
    if args.profile:
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
