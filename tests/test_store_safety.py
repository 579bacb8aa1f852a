"""A store stays whole when an ingest is killed, and under a second writer."""
import os
import signal
import subprocess
import sys
import time

import pytest

from pipeline.s1_read import read_path
from pipeline.store import Location, ingest, open_store, stats
from pipeline.store.ingest import prepare
from pipeline.vocab import report_graph

from conftest import CORPUS


def _reports(folder, copies=4):
    folder.mkdir()
    files = []
    for n in range(copies):
        for src in sorted(CORPUS.glob("*.txt")):
            target = folder / f"{src.stem}-{n}.txt"
            target.write_text(f"Bản tin số {n}\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
            files.append(target)
    return files


def _size(folder):
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.exists() else 0


def _ntriples(text):
    return {line.strip() for line in text.splitlines() if line.strip()}


@pytest.mark.slow
def test_an_ingest_killed_midway_leaves_every_stored_report_whole(tmp_path):
    files = _reports(tmp_path / "reports", copies=14)
    store_dir = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "ingest", str(tmp_path / "reports"),
                             "--store", str(store_dir)], stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _size(store_dir) < 400_000:
        time.sleep(0.05)  # wait until the first reports are written, whatever the machine's speed
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with open_store(Location(path=store_dir)) as store:
        stored = {r["g"] for r in store.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?r a <https://schema.org/Report> } }")}
        assert 0 < len(stored) < len(files), "the kill should land mid-ingest"
        for path in files:
            graph = report_graph(str(path.resolve()), read_path(path).id)
            if graph in stored:  # a stored report is all there
                prepared = prepare(str(path.resolve()))
                assert prepared is not None
                assert _ntriples(store.graph_triples(graph)) == _ntriples(prepared.ntriples)
        partial = store.select("""SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o }
            FILTER(!STRSTARTS(STR(?g), "https://w3id.org/vnkg/resource/graph/labels"))
            FILTER(?g != <https://w3id.org/vnkg/resource/graph/vocabulary>)
            FILTER NOT EXISTS { GRAPH ?g { ?r a <https://schema.org/Report> } } }""")
        assert partial == []
    with open_store(Location(path=store_dir), write=True) as store:  # finishing the ingest
        report = ingest(store, files)
        assert len(report.unchanged) == len(stored) and len(report.added) == len(files) - len(stored)
        assert stats(store)["reports"] == len(files)


@pytest.mark.slow
def test_two_ingests_on_one_store_wait_for_each_other(tmp_path):
    files = _reports(tmp_path / "reports", copies=1)
    store_dir = tmp_path / "store"
    cmd = [sys.executable, "-m", "pipeline", "ingest", *map(str, files), "--store", str(store_dir)]
    first = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    first.wait(timeout=300)
    assert first.returncode == 0 and second.returncode == 0
    assert "Traceback" not in second.stderr
    with open_store(Location(path=store_dir)) as store:
        assert stats(store)["reports"] == len(files)
