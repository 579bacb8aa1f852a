#!/usr/bin/env python3
"""vnkg on hostile input at full size (issue 15): time and peak memory of each large case, against the ceilings.

    python scripts/hostile_benchmark.py                       # every case; writes its section of docs/benchmarks.md
    python scripts/hostile_benchmark.py --case line --out -   # some cases (names containing "line"), printed

Each case runs in a fresh subprocess (``vnkg ...`` or a reader alone); the peak is the
larger of its own peak (/usr/bin/time) and the largest sum of resident memory over it and
its children, sampled every 0.1 s,
and CPU is the user and system time of the process tree (on a machine other jobs share,
wall time alone says little). Cases:

1. single lines (no line end at all) of 1 MB and 20 MB: "1.000.000.000 tỷ đồng " repeated,
   "UBND tỉnh " repeated, "1." repeated, and news prose (../shared/corpus/news, the
   project's corpus/ when absent) joined into one line; each through ``vnkg extract``,
   and the 1 MB prose line and the 20 MB "UBND tỉnh" line through ``vnkg ingest``;
2. a 3 MB DOCX whose word/document.xml unpacks to 3 GB (a zip bomb), through ``vnkg
   extract`` and through the reader alone (``pipeline.s1_read.read_path``);
3. 45 MB HTML pages: one of article markup, one of a saved "complete" page (scripts and
   inline pictures around an article of 100 KB);
4. the news corpus ingested with ``--jobs 2`` into a new store, then ``vnkg export --format
   html`` of the whole store (refused: too many nodes for a page) and of what the refusal
   suggests instead: some reports (``--doc``) as a page, the whole store as GraphML.

The ceilings (``CEILINGS``): any text up to 20 MB, a line of any length included, is read
(or refused) at ≥ 20,000 characters/s with ≤ 1 GB peak; a reader refuses a bomb within
5 s and 100 MB (tens of MB above the interpreter with the reader's libraries loaded), and
reads or refuses an HTML page of up to 50 MB within 5 s and 200 MB (the page's own bytes,
trafilatura and lxml included);
the whole-store page is refused within 10 s and 500 MB; a suggested export keeps ≤ 1 GB.

A separate script from scripts/benchmark.py, which measures ordinary work on the corpus
and rewrites the whole file in about an hour: this one replaces only its own section.
"""
from __future__ import annotations

import argparse
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import NEWS, ROOT, VNKG, _tree_rss_mb, machine  # noqa: E402

SECTION = "## Hostile input at full size"
MB = 1_000_000
CEILINGS = {"text_peak_mb": 1000, "text_chars_per_s": 20_000, "bomb_seconds": 5, "bomb_peak_mb": 100,
            "page_reader_peak_mb": 200,
            "page_refusal_seconds": 10, "page_refusal_peak_mb": 500, "export_peak_mb": 1000}
_PEAK = "hostile-benchmark-peak-kb"
LINES = {"figures": "1.000.000.000 tỷ đồng ", "ubnd": "UBND tỉnh ", "ones": "1."}
READER = [sys.executable, "-c", "import sys; from pipeline.s1_read import read_path, ReadError\n"
          "try:\n    d = read_path(sys.argv[1]); print(len(d.text))\n"
          "except ReadError as e:\n    sys.exit(f'vnkg: {sys.argv[1]}: {e}')"]


@dataclass
class Run:
    """One case's measurement."""

    case: str
    command: str
    size: str
    seconds: float
    cpu: float
    peak_mb: float
    status: int
    said: str  # the last line vnkg wrote on stderr (a refusal), or what it produced
    load: float  # the 1-minute load average when it ended
    ceiling: str
    met: bool


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", action="append", help="run only cases whose name contains this (repeatable)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"),
                    help="Markdown file whose section to replace, or - to print")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds before a case is stopped")
    ap.add_argument("--work", help="folder for generated inputs and stores (default: a new temporary one)")
    ap.add_argument("--section", help="a name for a section of its own (reruns of some cases), after the main one")
    args = ap.parse_args(argv)
    work = Path(args.work or tempfile.mkdtemp(prefix="vnkg-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    for name, case in CASES.items():
        if args.case and not any(c in name for c in args.case):
            continue
        print(f"{name}…", file=sys.stderr, flush=True)
        for run in case(work, args.timeout):
            print(f"  {_row(run)}", file=sys.stderr, flush=True)
            runs.append(run)
    heading = f"{SECTION}: {args.section}" if args.section else SECTION
    text = section(heading, runs, argv)
    if args.out == "-":
        print(text)
    else:
        _replace_section(Path(args.out), heading, text)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0 if all(r.met for r in runs) else 1


# The cases: each generates its input in ``work`` and yields its runs.

def _lines_case(key: str, size: int):
    def case(work: Path, timeout: int):
        path = work / f"{'lines' if key == 'news' else 'line'}-{key}-{size // MB}mb.txt"
        if not path.exists():
            _write_line(path, key, size)
        chars = len(path.read_text(encoding="utf-8"))
        out = work / f"out-{path.stem}"
        what = "news in lines (the control)" if key == "news" else f"{key} line"
        run = measure(f"{what}, {size // MB} MB", [*VNKG, "extract", str(path), "--format", "nt",
                                                          "--output-dir", str(out)], timeout)
        yield _text_verdict(run, chars, f"{chars:,} chars", out / f"{path.stem}.nt")
        if (key, size) in (("prose", MB), ("ubnd", 20 * MB)):
            store = work / f"store-{path.stem}"
            shutil.rmtree(store, ignore_errors=True)  # a new store: an unchanged report would be skipped
            run = measure(f"{key} line, {size // MB} MB, ingested", [*VNKG, "ingest", str(path), "--store",
                                                                      str(store)], timeout)
            yield _text_verdict(run, chars, f"{chars:,} chars", None)
    return case


def _bomb(work: Path, timeout: int):
    bomb, plain = work / "bomb.docx", work / "plain.docx"
    if not bomb.exists():
        _write_bomb(bomb, plain, unpacked=3_000 * MB)
    size = f"{bomb.stat().st_size / MB:.1f} MB, unpacks to {_unpacked(bomb) / MB:,.0f} MB"
    for what, command in (("DOCX zip bomb, reader alone", [*READER, str(bomb)]),
                          ("DOCX zip bomb, vnkg extract", [*VNKG, "extract", str(bomb)])):
        yield _bomb_verdict(measure(what, command, timeout), size)
    yield _bomb_verdict(measure("a small DOCX, reader alone (the floor)", [*READER, str(plain)], timeout),
                        f"{plain.stat().st_size / 1000:.0f} KB", refused=False)


def _html_pages(work: Path, timeout: int):
    small = work / "page-small.html"
    small.write_text("<html><head><title>Tin</title></head><body><article><p>Bí thư Tỉnh ủy Thanh Hóa chủ trì hội "
                     "nghị tổng kết công tác năm 2025 tại Thanh Hóa.</p></article></body></html>", encoding="utf-8")
    yield _bomb_verdict(measure("a small HTML page, reader alone (the floor)", [*READER, str(small)], timeout),
                        f"{small.stat().st_size} bytes", refused=False, page=True)
    for kind in ("article markup", "saved complete"):
        page = work / f"page-{kind.split()[0]}.html"
        if not page.exists():
            _write_page(page, kind, 45 * MB)
        size = f"{page.stat().st_size / MB:.0f} MB"
        yield _bomb_verdict(measure(f"HTML page of {kind}, reader alone", [*READER, str(page)], timeout), size,
                            refused=kind == "article markup", page=True)
        run = measure(f"HTML page of {kind}, vnkg extract", [*VNKG, "extract", str(page), "--format", "nt",
                                                             "--output-dir", str(work / "out-pages")], timeout)
        yield _text_verdict(run, page.stat().st_size, size, None, refusal_ok=kind == "article markup")


def _store_export(work: Path, timeout: int):
    files = sorted(NEWS.glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    store = work / "news-store"
    if not store.exists():
        run = measure(f"ingest {len(files):,} reports, --jobs 2", [*VNKG, "ingest", *map(str, files), "--jobs", "2",
                                                                   "--store", str(store)], timeout)
        run.ceiling, run.met = "done, ≤ 1,500 MB (scripts/benchmark.py's target)", run.status == 0 and \
            run.peak_mb <= 1_500
        run.size = f"{sum(f.stat().st_size for f in files) / MB:.1f} MB"
        yield run
    whole = measure("export --format html, whole store", [*VNKG, "export", "--format", "html", "--output",
                                                          str(work / "all.html"), "--store", str(store)], timeout)
    whole.ceiling = (f"refused, ≤ {CEILINGS['page_refusal_seconds']} s, ≤ {CEILINGS['page_refusal_peak_mb']} MB, "
                     "names subsets")
    whole.met = (whole.status == 1 and not (work / "all.html").exists() and "--doc" in whole.said
                 and whole.seconds <= CEILINGS["page_refusal_seconds"]
                 and whole.peak_mb <= CEILINGS["page_refusal_peak_mb"])
    whole.size = "the store"
    yield whole
    some = files[:: max(1, len(files) // 25)][:25]
    docs = [a for f in some for a in ("--doc", str(f))]
    yield _export(f"export --format html, {len(some)} reports (--doc)", store, timeout, f"{len(some)} reports",
                  ["--format", "html", *docs, "--output", str(work / "some.html")])


def _store_graphml(work: Path, timeout: int):
    """The other export the refusal names: the whole store for Gephi or Cytoscape."""
    yield _export("export --format graphml, whole store", work / "news-store", timeout, "the store",
                  ["--format", "graphml", "--output", str(work / "all.graphml")])


def _export(what: str, store: Path, timeout: int, size: str, args: list[str]) -> Run:
    run = measure(what, [*VNKG, "export", *args, "--store", str(store)], timeout)
    run.ceiling, run.met = f"done, ≤ {CEILINGS['export_peak_mb']:,} MB", \
        run.status == 0 and run.peak_mb <= CEILINGS["export_peak_mb"]
    run.size = size
    return run


CASES = {
    **{f"line-{key}-1mb": _lines_case(key, MB) for key in (*LINES, "prose")},
    "control-news-1mb": _lines_case("news", MB),
    "docx-bomb": _bomb,
    "html-45mb": _html_pages,
    "store-html-export": _store_export,
    **{f"line-{key}-20mb": _lines_case(key, 20 * MB) for key in (*LINES, "prose")},
    "store-graphml-export": _store_graphml,
}


def measure(case: str, command: list[str], timeout: int) -> Run:
    """Run ``command`` in a new process: wall time, CPU time and peak resident memory of its tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # /usr/bin/time gives the command's own peak: a child's ru_maxrss would count this process's
    # memory, which the child holds between fork and exec.
    process = subprocess.Popen(["/usr/bin/time", "-f", f"{_PEAK} %M", *command], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, cwd=ROOT,
                               start_new_session=True)
    peak = [0.0]

    def watch():
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(process.pid))  # /usr/bin/time (2 MB) and the command's tree
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        _, err = process.communicate(timeout=timeout)
        lines = err.decode("utf-8", "replace").strip().splitlines()
        own = [int(ln.split()[-1]) / 1024 for ln in lines if ln.startswith(_PEAK)]
        lines = [ln for ln in lines if not ln.startswith((_PEAK, "Command exited", "Command terminated"))] or [""]
        peak[0] = max([peak[0], *own])
        said = lines[0] if process.returncode else lines[-1]  # a refusal, or the summary
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)  # workers included
        process.communicate()
        said = f"stopped after {timeout} s"
    seconds = time.perf_counter() - start
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_mb = peak[0]
    shown = " ".join(Path(a).name if "/" in a else a for a in command[3:] if a != "--doc")
    program = "vnkg" if command[:3] == VNKG else "read_path"
    return Run(case, f"{program} {shown}", "", seconds, cpu, peak_mb, process.returncode, said[:300],
               os.getloadavg()[0], "", False)


def _text_verdict(run: Run, chars: int, size: str, output: Path | None, refusal_ok: bool = True) -> Run:
    """Text of any kind: done or refused (a clean one-line refusal) at the stated speed and memory."""
    run.size = size
    rate = chars / run.seconds
    cpu_rate = chars / run.cpu if run.cpu else 0.0
    if run.status == 0 and output is not None and output.exists():
        run.said = f"{sum(1 for _ in output.open(encoding='utf-8')):,} triples"
    elif run.status == 0 and not run.said:
        run.said = "done"
    run.ceiling = (f"≤ {CEILINGS['text_peak_mb']:,} MB, ≥ {CEILINGS['text_chars_per_s']:,} chars/s "
                   f"(wall {rate:,.0f}, CPU {cpu_rate:,.0f})")
    clean = run.status == 0 or (refusal_ok and run.status == 1 and run.said.startswith("vnkg: "))
    run.met = clean and run.peak_mb <= CEILINGS["text_peak_mb"] and rate >= CEILINGS["text_chars_per_s"]
    if clean and not run.met and run.peak_mb <= CEILINGS["text_peak_mb"] and cpu_rate >= CEILINGS[
            "text_chars_per_s"] and run.load > 2:
        run.ceiling += "; met on CPU time, wall time slowed by other jobs"  # one core's worth of work, shared
    return run


def _bomb_verdict(run: Run, size: str, refused: bool = True, page: bool = False) -> Run:
    """A reader's refusal (or reading): ``page``, an HTML page, whose reader loads trafilatura and lxml
    (the floor) and holds the page's own bytes, up to 50 MB: its ceiling is higher by those."""
    run.size = size
    limit = CEILINGS["page_reader_peak_mb"] if page else CEILINGS["bomb_peak_mb"]
    run.ceiling = f"{'refused, ' if refused else ''}≤ {CEILINGS['bomb_seconds']} s, ≤ {limit} MB"
    if run.status == 0 and not run.said.startswith("vnkg"):
        run.said = f"read: {run.said} characters" if run.said.isdigit() else "done"
    ok = (run.status != 0 and run.said.startswith("vnkg: ")) if refused else run.status == 0
    reader_alone = run.command.startswith("read_path")
    run.met = ok and run.seconds <= CEILINGS["bomb_seconds"] * (1 if reader_alone else 4) and \
        run.peak_mb <= (limit if reader_alone else 500)
    if not reader_alone:
        run.ceiling = f"{'refused, ' if refused else ''}≤ 20 s, ≤ 500 MB (with start-up)"
    return run


# Inputs.

def _write_line(path: Path, key: str, size: int) -> None:
    """One line of ``size`` bytes of UTF-8, no line end anywhere (but in the control, "news")."""
    texts = sorted(NEWS.glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    if key == "prose":
        unit = " ".join(" ".join(f.read_text(encoding="utf-8").split()) for f in texts[:400]) + " "
    elif key == "news":  # the control: the same texts as they are, in lines
        unit = "\n".join(f.read_text(encoding="utf-8").strip() for f in texts[:400]) + "\n"
    else:
        unit = LINES[key]
    raw = (unit * (size // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:size]
    path.write_text(raw.decode("utf-8", "ignore").strip(), encoding="utf-8")


def _write_bomb(bomb: Path, plain: Path, unpacked: int) -> None:
    """A .docx of one paragraph whose document.xml holds ``unpacked`` bytes of spaces in a comment."""
    import docx

    document = docx.Document()
    document.add_paragraph("Bí thư Tỉnh ủy Thanh Hóa chủ trì hội nghị tổng kết công tác năm 2025.")
    document.save(plain)
    chunk = b" " * MB
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename != "word/document.xml":
                out.writestr(item.filename, data)
                continue
            head, tail = data.split(b"</w:body>", 1)
            with out.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(head + b"<!--")
                for _ in range(unpacked // MB):
                    part.write(chunk)
                part.write(b"-->" + b"</w:body>" + tail)


def _unpacked(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        return sum(i.file_size for i in z.infolist())


def _write_page(page: Path, kind: str, size: int) -> None:
    """A news page of ``size`` bytes: article paragraphs throughout, or a 100 KB article inside
    scripts, styles and inline base64 pictures (what a browser's "save complete page" writes)."""
    texts = sorted(NEWS.glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    paragraphs = [ln for f in texts[:300] for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    buf = io.StringIO()
    buf.write("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Báo cáo tổng kết</title>")
    if kind == "article markup":
        buf.write("</head><body><article><h1>Báo cáo tổng kết</h1>")
        i = 0
        while buf.tell() < size * 0.9:  # characters, not bytes: about right for a page of Vietnamese
            buf.write(f"<p>{paragraphs[i % len(paragraphs)]}</p>\n")
            i += 1
        buf.write("</article></body></html>")
        data = buf.getvalue().encode("utf-8")[:size - 30]
        page.write_bytes(data + b"</article></body></html>")
        return
    article = "".join(f"<p>{p}</p>\n" for p in paragraphs[:400])[:100_000]
    filler = ("<script>" + "var a=[1,2,3];function f(x){return x*2}\n" * 25_000 + "</script>\n"
              "<style>" + ".c{margin:0;padding:0}\n" * 20_000 + "</style>\n"
              "<img src='data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" * 60_000 + "'>\n")
    body = f"</head><body><article><h1>Báo cáo tổng kết</h1>{article}</article>"
    parts = [buf.getvalue().encode("utf-8"), body.encode("utf-8")]
    block = filler.encode("utf-8")
    while sum(map(len, parts)) + len(block) < size:
        parts.insert(1, block)
    page.write_bytes(b"".join(parts) + b"</body></html>")


# The section.

def section(heading: str, runs: list[Run], argv) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    args = " ".join(sys.argv[1:] if argv is None else argv)
    rows = "\n".join(_row(r) for r in runs)
    host = machine().replace("## Machine\n\n", "Machine: ")  # no heading inside the section
    limits = (f"text up to 20 MB, a line of any length included: ≤ {CEILINGS['text_peak_mb']:,} MB peak and ≥ "
              f"{CEILINGS['text_chars_per_s']:,} characters/s, read or refused with one line; a reader refuses a "
              f"bomb within {CEILINGS['bomb_seconds']} s and {CEILINGS['bomb_peak_mb']} MB, reads or refuses an HTML "
              f"page of up to 50 MB within {CEILINGS['bomb_seconds']} s and {CEILINGS['page_reader_peak_mb']} MB "
              "(the page itself, trafilatura and lxml included); the whole store's "
              f"page refused within {CEILINGS['page_refusal_seconds']} s and {CEILINGS['page_refusal_peak_mb']} "
              f"MB, naming smaller exports; those exports done within {CEILINGS['export_peak_mb']:,} MB")
    return (f"{heading}\n\nWritten by `python scripts/hostile_benchmark.py{' ' + args if args else ''}` on {now}. "
            f"Each case in a new process; peak = the larger of the command's own peak (/usr/bin/time) and the largest "
            f"sum of resident memory over it and its children (sampled every 0.1 s); CPU = user + system seconds of "
            f"the process tree; load = the machine's "
            f"1-minute load average as the case ended (other jobs ran beside it when it is above 2).\n\n"
            f"Ceilings: {limits}.\n\n{host}\n"
            "| case | command | input | wall s | CPU s | peak MB | load | exit | what it said or made | ceiling | |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|\n" + rows + "\n")


def _row(r: Run) -> str:
    said = r.said.replace("|", "\\|")
    return (f"| {r.case} | `{r.command[:90]}` | {r.size} | {r.seconds:.1f} | {r.cpu:.1f} | {r.peak_mb:,.0f} | "
            f"{r.load:.1f} | {r.status} | {said} | {r.ceiling} | {_verdict(r)} |")


def _verdict(r: Run) -> str:
    return "met" if r.met else "met (CPU)" if "met on CPU" in r.ceiling else "**not met**"


def _replace_section(doc: Path, heading: str, text: str) -> None:
    old = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    new = pattern.sub(lambda _: text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    doc.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
