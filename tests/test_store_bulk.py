"""The bulk path: `vnkg extract --for-store` shards loaded by `oxigraph load`, then kept current by `vnkg ingest`."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.store import GraphStore, Location, ingest, open_store
from pipeline.vocab import GRAPH_URI

from conftest import CORPUS, store_quads
from sparql_servers import Unavailable, start, virtuoso_sql

needs_oxigraph = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="the oxigraph server is not installed")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """The project's reports, copied: a test changes one."""
    folder = tmp_path_factory.mktemp("reports")
    for path in CORPUS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.slow
@needs_oxigraph
def test_shards_loaded_in_bulk_are_the_ingested_store_and_ingest_keeps_it_current(reports, tmp_path):
    shards = tmp_path / "shards"
    result = CliRunner().invoke(cli, ["extract", str(reports), str(tmp_path / "nothing.txt"), "--format", "nquads",
                                      "--output-dir", str(shards), "--for-store"])
    assert result.exit_code == 1 and "nothing.txt" in result.stderr and "1 of 4 file(s) failed" in result.stderr
    names = {p.name for p in shards.iterdir()}
    assert {"_vnkg-labels.nq", "_vnkg-vocabulary.nq"} < names and len(names) == 5
    loaded = tmp_path / "loaded"
    subprocess.run(["oxigraph", "load", "--location", str(loaded), "--file", *map(str, sorted(shards.iterdir()))],
                   check=True, capture_output=True)
    ingested = tmp_path / "ingested"
    with open_store(Location(path=ingested), write=True) as store:
        ingest(store, sorted(reports.iterdir()))
    assert store_quads(loaded) == store_quads(ingested)

    changed = reports / "hanoi-khcn-2025.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Nguyễn Văn Phong", "Nguyễn Văn Phóng"),
                       encoding="utf-8")
    for store_dir in (loaded, ingested):
        with open_store(Location(path=store_dir), write=True) as store:
            report = ingest(store, sorted(reports.iterdir()))
            assert report.replaced == [str(changed.resolve())] and len(report.unchanged) == 2
    assert store_quads(loaded) == store_quads(ingested)
    assert any("Nguyễn Văn Phóng" in t for triples in store_quads(loaded).values() for t in triples)


@pytest.mark.slow
def test_shards_loaded_into_virtuoso_by_its_bulk_loader(reports, tmp_path):
    """ld_dir and rdf_loader_run, then vnkg ingest through the endpoint finds every report in place."""
    try:
        server = start("virtuoso", tmp_path)
    except Unavailable as exc:
        pytest.skip(f"virtuoso: {exc}")
    try:
        shards = tmp_path / "shards"  # inside the server's folder: its DirsAllowed
        files = sorted(reports.iterdir())
        result = CliRunner().invoke(cli, ["extract", *map(str, files), "--format", "nquads", "--output-dir",
                                          str(shards), "--for-store", "--for-server"])
        assert result.exit_code == 0, result.stderr
        assert server.sql_port is not None
        virtuoso_sql(server.sql_port, f"ld_dir('{shards}', '*.nq', 'urn:vnkg:unused'); rdf_loader_run(); "
                                      "checkpoint;")
        location = Location(endpoint=server.url, kind="virtuoso")
        with open_store(location, write=True) as store:
            on_server = _counts(store)
            assert sorted(ingest(store, files).unchanged) == list(map(str, files))
        with open_store(Location(path=tmp_path / "ingested"), write=True) as store:
            ingest(store, files)
            assert on_server == _counts(store) and len(on_server) > 3
    finally:
        server.stop()


def test_for_store_needs_nquads_and_a_folder(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(CORPUS), "--for-store", "--format", "trig",
                                      "--output-dir", str(tmp_path)])
    assert result.exit_code == 1 and "give --format nquads and --output-dir" in result.stderr


def _counts(store: GraphStore) -> dict[str, int]:
    """Triples in each of vnkg's graphs in a store (Virtuoso keeps graphs of its own beside them)."""
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"]: int(row["n"]) for row in rows if row["g"].startswith(GRAPH_URI)}

