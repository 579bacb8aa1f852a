"""The analyst's workbench on a store of the news corpus: vnkg serve's entity pages, graph commands, progress.

    python scripts/benchmark_workbench.py --store STORE          # writes its section of docs/benchmarks.md
    python scripts/benchmark_workbench.py --store STORE --out -  # prints it

STORE is a store of ../shared/corpus/news (``vnkg ingest ../shared/corpus/news --store STORE --jobs 2``).
The section sits between the markers below, so the rest of docs/benchmarks.md is left as it is.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BEGIN, END = "<!-- workbench: scripts/benchmark_workbench.py -->", "<!-- /workbench -->"
PROGRESS = "### Progress of long commands"
# A report written for the benchmark: ingested into a copy of the store and removed again.
_REPORT = """Bắc Ninh khởi công dự án hạ tầng Khu công nghiệp Quế Võ mở rộng

Ngày 12/3/2024, UBND tỉnh Bắc Ninh tổ chức lễ khởi công dự án đầu tư xây dựng hạ tầng Khu công nghiệp Quế Võ mở rộng.
Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Hương Giang đề nghị chủ đầu tư bảo đảm tiến độ. Dự án có quy mô 300 ha, tổng vốn
đầu tư 2.500 tỷ đồng. Giám đốc Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh Trần Văn Thịnh cho biết năm 2023 tỉnh thu hút
1,2 tỷ USD vốn đầu tư trực tiếp nước ngoài.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, help="Store of the news corpus.")
    ap.add_argument("--pages", type=int, default=30, help="Entity pages to time (the most-named of each kind).")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"), help="Markdown file, or - to print.")
    ap.add_argument("--skip-slow", action="store_true", help="Leave out validate and export (minutes each).")
    ap.add_argument("--skip-build", action="store_true", help="Leave out building the view cache (minutes).")
    args = ap.parse_args()
    store = Path(args.store)
    lines = [BEGIN, "## The analyst's workbench: vnkg serve and the CLI (issue 19)", "",
             f"Written by `python scripts/benchmark_workbench.py {_options(args.store)}` on "
             f"{time.strftime('%Y-%m-%d %H:%M')} UTC; "
             f"STORE holds {_reports(store)} reports of `../shared/corpus/news`. Load average at start "
             f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a shared machine), Python "
             f"{platform.python_version()}.", ""]
    lines += _view_cache(store, build=not args.skip_build)
    lines += _graph_commands(store)
    lines += _entity_pages(store, args.pages)
    out = Path(args.out) if args.out != "-" else None
    text = out.read_text(encoding="utf-8") if out is not None and out.exists() else "# Benchmarks\n"
    if not args.skip_slow:
        lines += _progress(store)
    elif PROGRESS in text and BEGIN in text:  # the last full run's, kept (it says when it was measured)
        kept = text.split(BEGIN, 1)[1].split(END, 1)[0].split(PROGRESS, 1)[1].rstrip()
        lines += [PROGRESS + kept, ""]
    lines.append(END)
    section = "\n".join(lines) + "\n"
    if out is None:
        print(section)
        return
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END) + "\n?", lambda _m: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section
    out.write_text(text, encoding="utf-8")


def _options(store: str) -> str:
    """The command line this run was given, its store named STORE."""
    return " ".join("STORE" if a == store else a for a in sys.argv[1:] if not a.startswith("--out"))


def _reports(store: Path) -> int:
    from pipeline.store import Location, open_store
    from pipeline.store.catalog import reports

    with open_store(Location(path=store)) as s:
        return len(reports(s))


def _view_cache(store: Path, build: bool = True) -> list[str]:
    """The view cache: built whole once, read by every graph command, patched by each ingest and removal
    (measured on a copy of the store, one report written here going in and out again)."""
    from pipeline.store import Location, ingest, open_store, remove
    from pipeline.view_cache import CACHE_FILE, CACHE_FOLDER, cached_view, refresh_view

    with open_store(Location(path=store)) as s:
        if build:
            (store / CACHE_FOLDER / CACHE_FILE).unlink(missing_ok=True)
        started = time.perf_counter()
        built = cached_view(s)
        cold = time.perf_counter() - started if build else float("nan")
        warm = []
        for _ in range(3):
            started = time.perf_counter()
            cached_view(s)
            warm.append(time.perf_counter() - started)
        nodes, edges, named = len(built.nodes), len(built.view.edges), len(built.names.entities)
    size = (store / CACHE_FOLDER / CACHE_FILE).stat().st_size
    patched = []
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "store"
        shutil.copytree(store, copy)
        report = Path(work) / "bac-ninh.txt"
        report.write_text(_REPORT, encoding="utf-8")
        with open_store(Location(path=copy), write=True) as s:
            for change in (lambda: ingest(s, [report]), lambda: remove(s, str(report))):
                change()
                started = time.perf_counter()
                refresh_view(s)
                patched.append(time.perf_counter() - started)
        started = time.perf_counter()  # the first question after the change (the store is checked once)
        subprocess.run([sys.executable, "-m", "pipeline", "graph", "central", "--top", "10", "--store", str(copy)],
                       capture_output=True, check=True, cwd=ROOT)
        central_after = time.perf_counter() - started
    return ["### The graph view, cached in the store", "",
            "| | seconds |", "|---|---|",
            f"| built whole from the store (a new cache: one query for the view's facts) | {cold:.1f} |",
            f"| patched and its nodes ranked after one report was ingested (what `ingest` does after writing) | "
            f"{patched[0]:.2f} |",
            f"| patched and ranked after it was removed (what `remove` does) | {patched[1]:.2f} |",
            f"| `vnkg graph central --top 10` (a new process), the first question after the removal | "
            f"{central_after:.2f} |",
            f"| read from the cache, checked against the store (median of 3) | {statistics.median(warm):.2f} |", "",
            f"{nodes:,} nodes, {edges:,} edges, {named:,} named entities; the cache file "
            f"(`vnkg-cache/view.sqlite`: the view, the name index and the facts it is made of) is "
            f"{size / 1e6:.0f} MB.", ""]


def _graph_commands(store: Path) -> list[str]:
    """Each graph command as a user runs it: a new process, wall and CPU time (median of 3, after a first run:
    it writes Python's bytecode cache, as an installed package has it)."""
    commands = [["graph", "neighbours", "Tô Lâm"], ["graph", "neighbours", "ubnd tp ha noi"],
                ["graph", "path", "Tô Lâm", "Hà Nội"], ["graph", "path", "ubnd tp ha noi", "Quốc hội"],
                ["graph", "central", "--top", "10"], ["find", "nguyen phu trong"]]
    rows = ["### Graph commands", "", "Wall and CPU time of `vnkg …` in a new process (Python's start-up and "
            "imports included), median of 3 after a first run (timed apart: the first command of all writes "
            "Python's bytecode cache; on the first run after a change, the store is checked once).", "",
            "| command | first run, wall s | wall s | CPU s | exit |", "|---|---|---|---|---|"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for command in commands:
        times, cpu, code, first = [], [], 0, 0.0
        for attempt in range(4):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "pipeline", *command, "--store", str(store)],
                                  capture_output=True, text=True, cwd=ROOT, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if not attempt:
                first = time.perf_counter() - started
            else:
                times.append(time.perf_counter() - started)
                cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            code = done.returncode
        rows.append(f"| `vnkg {' '.join(command)}` | {first:.2f} | {statistics.median(times):.2f} | "
                    f"{statistics.median(cpu):.2f} | {code} |")
    return [*rows, ""]


def _entity_pages(store: Path, pages: int) -> list[str]:
    """Entity pages through the app (Flask's client: the page built, no network), the most-named of each kind."""
    from pipeline.serve import Archive, create_app
    from pipeline.store import Location, open_store

    archive = Archive.open(open_store(Location(path=store)))
    client = create_app(archive).test_client()
    by_kind: dict[str, list[str]] = {}
    for e in sorted(archive.names.entities.values(), key=lambda e: -e.reports):
        by_kind.setdefault(e.kind, []).append(e.iri)
    chosen = [iri for kind in sorted(by_kind) for iri in by_kind[kind][:max(1, pages // len(by_kind))]]
    client.get("/entity", query_string={"iri": chosen[0]})  # the first request loads the templates
    times: dict[str, list[float]] = {}
    for iri in chosen:
        started = time.perf_counter()
        response = client.get("/entity", query_string={"iri": iri})
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, iri
        times.setdefault(archive.names.entities[iri].kind, []).append(elapsed)
    rows = ["### vnkg serve: entity pages", "",
            f"The {len(chosen)} most-named entities, the same number of each kind (a most-named entity has the "
            "longest page), through the app's WSGI client; the graph view is in memory from start-up.", "",
            "| kind | pages | median ms | slowest ms |", "|---|---|---|---|"]
    for kind, t in sorted(times.items()):
        rows.append(f"| {kind} | {len(t)} | {statistics.median(t) * 1000:.0f} | {max(t) * 1000:.0f} |")
    every = [x for t in times.values() for x in t]
    verdict = "met" if max(every) < 0.3 else "not met"
    rows += ["", f"All pages: median **{statistics.median(every) * 1000:.0f} ms**, slowest "
                 f"**{max(every) * 1000:.0f} ms** (target < 300 ms: {verdict}).", ""]
    for path in ("/", "/search?q=nguyen", "/sparql?name=officials"):
        started = time.perf_counter()
        client.get(path)
        rows.append(f"- `{path}`: {(time.perf_counter() - started) * 1000:.0f} ms")
    archive.store.close()
    return [*rows, ""]


def _progress(store: Path) -> list[str]:
    """What validate and export html say on standard error while they work (not a terminal: plain lines)."""
    rows = ["### Progress of long commands", "",
            "Standard error of each command run with its output piped (a terminal gets a bar instead).", ""]
    from pipeline.store import Location, open_store
    from pipeline.store.catalog import reports

    with open_store(Location(path=store)) as s:  # the whole store is too large for one page: 100 reports
        docs = [arg for r in sorted(reports(s), key=lambda r: r.path)[:100] for arg in ("--doc", r.hash)]
    for command in (["validate"], ["export", "--format", "html", "--output", "/tmp/vnkg-bench.html", *docs],
                    ["export", "--format", "sqlite", "--output", "/tmp/vnkg-bench.db"]):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pipeline", *command, "--store", str(store)],
                              capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
        said = [ln for ln in done.stderr.splitlines() if ln.startswith("vnkg:")][:8]
        shown = " ".join(command[:5]) + (f" --doc … ({len(command[5:]) // 2} reports)" if len(command) > 5 else "")
        rows += [f"`vnkg {shown}`: {elapsed:.0f} s, exit {done.returncode}", "", "```",
                 *said, "```", ""]
    return rows


if __name__ == "__main__":
    main()
