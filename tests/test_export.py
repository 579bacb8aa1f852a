"""Exports re-read in their own ecosystems with the store's counts; graph questions; show."""
import csv
import os
import shutil
import subprocess

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.export import store_dataset, view_of_store
from pipeline.store import Location, ingest, open_store

from conftest import ROOT, SEED, SHARED, needs_shared


@pytest.fixture(scope="module", params=["corpus", pytest.param("development", marks=[pytest.mark.slow, needs_shared])])
def store_dir(request, tmp_path_factory):
    """The project's reports (the session's shared store, read only); in the full run also the
    development documents of ../shared (34 reports: exports of a larger graph)."""
    if request.param == "corpus":
        return request.getfixturevalue("corpus_store")
    docs = sorted((SHARED / "eval" / "dev" / "docs").glob("*.txt"))
    path = tmp_path_factory.mktemp("export") / "store"
    with open_store(Location(path=path), write=True) as store:
        ingest(store, docs)
    return path


@pytest.fixture(scope="module")
def counts(store_dir):
    with open_store(Location(path=store_dir)) as store:
        dataset = store_dataset(store)
        view = view_of_store(store)
    quads = sum(len(g) for g in dataset.graphs())
    union = rdflib.Graph()
    for g in dataset.graphs():
        union += g
    return {"quads": quads, "triples": len(union), "graphs": len([g for g in dataset.graphs() if len(g)]),
            "nodes": view.number_of_nodes(), "edges": view.number_of_edges()}


def export(store_dir, fmt, output):
    result = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--format", fmt, "--output", str(output)])
    assert result.exit_code == 0, result.stderr
    return output


def test_turtle_and_jsonld_reread_with_rdflib(store_dir, counts, tmp_path):
    for fmt, parser in (("turtle", "turtle"), ("jsonld", "json-ld")):
        g = rdflib.Graph().parse(export(store_dir, fmt, tmp_path / f"g.{fmt}"), format=parser)
        assert len(g) == counts["triples"]


def test_trig_and_nquads_keep_every_named_graph(store_dir, counts, tmp_path):
    for fmt in ("trig", "nquads"):
        ds = rdflib.Dataset()
        ds.parse(export(store_dir, fmt, tmp_path / f"g.{fmt}"), format=fmt)
        graphs = [g for g in ds.graphs() if len(g)]
        assert len(graphs) == counts["graphs"] and sum(len(g) for g in graphs) == counts["quads"]


def test_graphml_and_gexf_reread_with_networkx(store_dir, counts, tmp_path):
    g = nx.read_graphml(export(store_dir, "graphml", tmp_path / "g.graphml"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (counts["nodes"], counts["edges"])
    labels = {d["type"] for _, d in g.nodes(data=True)}
    assert {"Person", "Organisation", "Place", "Zone", "Figure"} <= labels
    assert {d["relation"] for *_, d in g.edges(data=True)} >= {"holds", "about", "subOrganizationOf"}
    g = nx.read_gexf(export(store_dir, "gexf", tmp_path / "g.gexf"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (counts["nodes"], counts["edges"])


def test_csv_folder_rereads_with_the_csv_module(store_dir, counts, tmp_path):
    folder = export(store_dir, "csv", tmp_path / "csv")
    with open(folder / "nodes.csv", encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(folder / "edges.csv", encoding="utf-8-sig", newline="") as f:
        edges = list(csv.DictReader(f))
    assert (len(nodes), len(edges)) == (counts["nodes"], counts["edges"])
    assert {"id", "label", "type"} <= set(nodes[0]) and {"source", "target", "relation"} <= set(edges[0])


def test_export_of_one_report_and_of_a_construct_question(store_dir, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--format", "turtle", "--doc", str(SEED),
                                      "--output", str(tmp_path / "seed.ttl")])
    if not result.exit_code:
        g = rdflib.Graph().parse(tmp_path / "seed.ttl")
        names = {str(o) for o in g.objects(None, rdflib.namespace.SKOS.prefLabel)}
        assert "Nguyễn Văn Phong" in names and "Ngô Thanh Bình" not in names
    result = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--format", "turtle", "--doc", "nope",
                                      "--output", str(tmp_path / "x.ttl")])
    assert result.exit_code == 1 and "no such report" in result.stderr
    result = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--format", "graphml", "--named",
                                      "officials", "--output", str(tmp_path / "x.graphml")])
    assert result.exit_code == 1 and "not a CONSTRUCT" in result.stderr


def test_graph_questions_tolerate_missing_diacritics_and_abbreviations(store_dir):
    runner = CliRunner()
    result = runner.invoke(cli, ["graph", "neighbours", "nguyen van phong", "--store", str(store_dir)])
    assert result.exit_code == 0 and "Nguyễn Văn Phong" in result.output and "Thành ủy Hà Nội" in result.output
    result = runner.invoke(cli, ["graph", "path", "nguyen van phong", "ha minh hai", "--store", str(store_dir)])
    assert result.exit_code == 0 and "Hà Minh Hải" in result.output
    result = runner.invoke(cli, ["graph", "central", "--top", "3", "--store", str(store_dir)])
    assert result.exit_code == 0 and result.output.count("\n") >= 5
    result = runner.invoke(cli, ["graph", "neighbours", "không có ai", "--store", str(store_dir)])
    assert result.exit_code == 1 and "no node named like" in result.stderr


def test_show_a_file_and_a_stored_report(store_dir):
    runner = CliRunner()
    result = runner.invoke(cli, ["show", str(SEED)])
    assert result.exit_code == 0
    for text in ("Hội nghị tổng kết", "Nguyễn Văn Phong", "Khu công nghệ cao Hòa Lạc", "1.348ha"):
        assert text in result.output
    stored = runner.invoke(cli, ["show", "hanoi-khcn-2025-not-a-file", "--store", str(store_dir)])
    assert stored.exit_code == 1 and "no such" in stored.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_the_html_page_renders_in_headless_chromium_without_console_errors(store_dir, tmp_path):
    assert CHROMIUM is not None
    page = export(store_dir, "html", tmp_path / "graph.html")
    assert "https://cdn" not in page.read_text(encoding="utf-8")  # nothing to fetch
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'c'}",
             "--virtual-time-budget=4000"]
    dom = subprocess.run([*flags, "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    rendered = dom.stdout.split('data-rendered-nodes="')[1].split('"')[0]
    assert int(rendered) > 50
    console = [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln]
    assert console == [], console
    # VNKG_SCREENSHOT=1 keeps the picture README shows; otherwise it stays in the test's folder.
    shot = ROOT / "docs" / "graph-page.png" if os.environ.get("VNKG_SCREENSHOT") else tmp_path / "graph-page.png"
    subprocess.run([*flags, f"--user-data-dir={tmp_path / 'd'}", "--window-size=1280,800",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
