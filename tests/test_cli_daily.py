"""The CLI in daily use: each rough edge an analyst met (issue 19) and the commands that were missing."""
import csv
import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.validate import validate

from conftest import CORPUS, SEED


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_a_query_may_use_vnkg_prefixes_without_declaring_them(corpus_store):
    result = run("query", "SELECT ?name WHERE { ?z a vnkg:Zone ; skos:prefLabel ?name } ORDER BY ?name",
                 "--store", str(corpus_store))
    assert result.exit_code == 0, result.stderr
    assert "Khu công nghệ cao Hòa Lạc" in result.stdout


def test_a_syntax_error_is_one_line_not_the_grammar(corpus_store):
    result = run("query", "SELECT ?x WHERE { ?x a vnk:Zone }", "--store", str(corpus_store))
    assert result.exit_code == 1
    assert result.stderr == "vnkg: SPARQL syntax error at line 1, column 32: unknown prefix 'vnk:'\n"
    broken = run("query", "SELECT ?x WHERE { ?x ?p }", "--store", str(corpus_store))
    assert broken.stderr.count("\n") == 1 and "\\u{" not in broken.stderr


def test_graph_path_prints_each_edge_in_its_true_direction(corpus_store):
    # The post runs from the person to the body: walked from the body, it is still printed person -> body.
    result = run("graph", "path", "Thành ủy Hà Nội", "Nguyễn Văn Phong", "--store", str(corpus_store))
    assert result.exit_code == 0, result.stderr
    (row,) = [ln for ln in result.stdout.splitlines()[2:] if ln.strip()]
    assert row.split("  ")[0] == "Nguyễn Văn Phong" and row.rstrip().endswith("Thành ủy Hà Nội")


def test_several_matches_are_listed_not_silently_picked(corpus_store):
    result = run("graph", "neighbours", "nguyen", "--store", str(corpus_store))
    assert result.exit_code == 1
    assert "entities are named like 'nguyen'" in result.stderr and "Nguyễn Văn Phong" in result.stderr
    assert result.stdout == ""
    iri = next(ln.split()[-1] for ln in result.stderr.splitlines() if "Nguyễn Văn Phong" in ln)
    picked = run("graph", "neighbours", iri, "--store", str(corpus_store))
    assert picked.exit_code == 0 and picked.stdout.startswith("Nguyễn Văn Phong (Person)")


def test_graph_commands_read_the_view_the_ingest_left_in_the_store(corpus_store, monkeypatch):
    assert (corpus_store / "vnkg-cache" / "view.sqlite").exists()  # written by the ingest

    def rebuilt(*args, **kwargs):
        raise AssertionError("the view was rebuilt")

    monkeypatch.setattr("pipeline.view_cache.build", rebuilt)
    monkeypatch.setattr("pipeline.view_cache.update", rebuilt)
    result = run("graph", "neighbours", "nguyen van phong", "--store", str(corpus_store))
    assert result.exit_code == 0 and "Thành ủy Hà Nội" in result.stdout


def test_a_changed_store_is_not_answered_from_an_old_view(corpus_store_copy):
    run("remove", str(CORPUS / "hanoi-khcn-2025.txt"), "--store", str(corpus_store_copy))
    result = run("graph", "neighbours", "nguyen van phong", "--store", str(corpus_store_copy))
    assert result.exit_code == 1 and "no node named like" in result.stderr


def test_reports_lists_path_title_date_hash_and_counts(corpus_store):
    result = run("reports", "--store", str(corpus_store))
    assert result.exit_code == 0
    header, _, *rows = result.stdout.splitlines()
    assert header.split() == ["date", "title", "path", "hash", "persons", "orgs", "posts", "figures"]
    assert len(rows) == 3 and any("Phát triển khoa học, công nghệ và đổi mới sáng tạo" in r for r in rows)


def test_find_lists_entities_with_iri_kind_and_reports(corpus_store, tmp_path):
    result = run("find", "ha noi", "--store", str(corpus_store), "--kind", "Place")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[2]
    assert first.startswith("Hà Nội") and "Place" in first and "https://w3id.org/vnkg/resource/place/" in first
    assert run("find", "không có ai", "--store", str(corpus_store)).exit_code == 1
    out = tmp_path / "found.txt"
    written = run("find", "nguyen", "--store", str(corpus_store), "--limit", "2", "--output", str(out))
    assert written.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert "more row(s) not shown (--limit 2)" in written.stderr


def test_tables_fit_the_width_asked(corpus_store):
    wide = run("query", "--named", "officials", "--store", str(corpus_store))
    assert max(map(len, wide.stdout.splitlines())) > 100  # the report titles are long
    fitted = run("query", "--named", "officials", "--store", str(corpus_store), "--max-width", "100")
    assert fitted.exit_code == 0 and max(map(len, fitted.stdout.splitlines())) <= 100
    assert "…" in fitted.stdout and "Nguyễn Văn Phong" in fitted.stdout


def test_usage_errors_exit_2_as_clicks_own_do(corpus_store):
    assert run("query", "--store", str(corpus_store)).exit_code == 2  # no query
    assert run("query", "--named", "nothing", "--store", str(corpus_store)).exit_code == 2
    both = run("stats", "--store", str(corpus_store), "--endpoint", "http://127.0.0.1:9")
    assert both.exit_code == 2 and "give --store or --endpoint, not both" in both.stderr
    assert run("query", "--bogus").exit_code == 2  # Click's own


def test_folder_ingest_takes_reports_only(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "seed.ttl").write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
    (folder / "notes.md").write_text("Ghi chú.", encoding="utf-8")
    result = run("ingest", str(folder), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.stderr
    assert "left 2 file(s) of other types alone (.md, .ttl)" in result.stderr
    assert result.stderr.strip().endswith("1 added, 0 replaced, 0 unchanged, 0 failed")


def test_validate_shows_its_steps_and_passes_ordinary_percentages(tmp_path):
    report = tmp_path / "ke-hoach.txt"
    report.write_text("Kết quả thực hiện kế hoạch năm 2024 của tỉnh Bắc Ninh\n\n"
                      "Năm 2024, thu ngân sách của tỉnh Bắc Ninh đạt 102,6% kế hoạch. Kim ngạch xuất khẩu "
                      "tăng 175% so với cùng kỳ.\n", encoding="utf-8")
    store = tmp_path / "store"
    assert run("ingest", str(report), "--store", str(store)).exit_code == 0
    result = run("validate", "--store", str(store))
    assert "vnkg: validating: reading the store (0 s)" in result.stderr  # no count of nothing
    assert "vnkg: validating: reading the store (100% of " in result.stderr  # how far it has read
    said = [line for line in result.stderr.splitlines() if "checking the shape" in line]
    assert len(said) >= 10 and "shapes:Mention" in "".join(said)  # each shape as it is checked
    assert "percent" not in result.stdout and "percentage" not in result.stdout


def test_validating_shape_by_shape_finds_what_one_pass_finds(corpus_store):
    from pipeline.store import Location, open_store, validate_store

    with open_store(Location(path=corpus_store)) as store:
        data = store.query_bytes("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "ntriples")
        steps: list[str] = []
        found = validate_store(store, steps.append)
    graph = rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")
    broken = rdflib.URIRef("https://w3id.org/vnkg/resource/figure/broken")  # one violation, so there is one
    graph.add((broken, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/vnkg/ontology#Figure")))
    before = len(graph)
    import pyshacl

    from pipeline.validate import _shapes_and_ontology
    shapes, ontology = _shapes_and_ontology()
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True,
                                    allow_warnings=True)
    one_pass = len(list(report.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult"))))
    by_shape = validate(graph)
    assert len(by_shape.violations) == one_pass - _nested(report) > len(found.violations)
    assert len(graph) == before  # the ontology's triples taken out again
    assert sum("checking the shape" in s for s in steps) >= 10


def test_a_violation_names_the_label_the_report_and_the_sentence():
    g = rdflib.Graph()
    V = rdflib.Namespace("https://w3id.org/vnkg/ontology#")
    S = rdflib.Namespace("https://schema.org/")
    fig, doc, m = (rdflib.URIRef(f"urn:{x}") for x in ("fig", "doc", "m"))
    g.add((fig, rdflib.RDF.type, V.Figure))
    g.add((fig, V.text, rdflib.Literal("45 doanh nghiệp")))
    g.add((fig, rdflib.namespace.PROV.wasDerivedFrom, doc))
    g.add((doc, V.sourcePath, rdflib.Literal("bao-cao/bac-ninh.txt")))
    g.add((fig, V.mention, m))
    g.add((m, V.sentence, rdflib.Literal("Toàn tỉnh có 45 doanh nghiệp mới.")))
    g.add((fig, S.unitText, rdflib.Literal("count")))
    (about,) = [v for v in validate(g).errors if v.message == "a figure is about one subject"]
    assert (about.label, about.report, about.sentence) == (
        "45 doanh nghiệp", "bao-cao/bac-ninh.txt", "Toàn tỉnh có 45 doanh nghiệp mới.")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_output_goes_to_a_file(corpus_store, tmp_path, fmt):
    out = tmp_path / f"officials.{fmt}"
    result = run("query", "--named", "officials", "--format", fmt, "--output", str(out), "--store", str(corpus_store))
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8-sig")
    assert "Nguyễn Văn Phong" in (text if fmt == "csv" else json.dumps(json.loads(text), ensure_ascii=False))


def test_shell_completion_is_documented():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "_VNKG_COMPLETE=bash_source vnkg" in readme


def test_csv_files_and_booleans_follow_one_convention(corpus_store, tmp_path):
    # Every CSV file vnkg writes starts with a byte-order mark (Excel then reads UTF-8); standard output has
    # none. A yes/no is "true"/"false" everywhere (it was "nguyên"/"" in queries and True/False in export csv).
    out = tmp_path / "officials.csv"
    assert run("query", "--named", "officials", "--format", "csv", "--output", str(out),
               "--store", str(corpus_store)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfname,")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert {r["former"] for r in rows} == {"true", "false"}
    assert {r["former"] for r in rows if r["name"] == "Phạm Văn Tùng"} == {"true"}
    piped = run("query", "--named", "officials", "--format", "csv", "--store", str(corpus_store))
    assert piped.stdout.startswith("name,")
    assert run("export", "--format", "csv", "--output", str(tmp_path / "tables"),
               "--store", str(corpus_store)).exit_code == 0
    edges = (tmp_path / "tables" / "edges.csv").read_bytes()
    assert edges.startswith(b"\xef\xbb\xbf")
    formers = {r["former"] for r in csv.DictReader(edges.decode("utf-8-sig").splitlines()) if r["former"]}
    assert formers == {"true", "false"}


def test_trig_and_nquads_carry_one_label_graph(corpus_store, tmp_path):
    # The store keeps each entity's label in a graph of its own; an export had one graph per entity besides
    # the reports' graphs (about 1,345 on 300 news reports). Now: the reports, one label graph, the vocabulary.
    for fmt in ("trig", "nquads"):
        out = tmp_path / f"all.{fmt}"
        assert run("export", "--format", fmt, "--output", str(out), "--store", str(corpus_store)).exit_code == 0
        ds = rdflib.Dataset()
        ds.parse(out, format=fmt)
        names = sorted(str(g.identifier) for g in ds.graphs() if len(g))
        assert len(names) == 5, names  # 3 reports, the labels, the vocabulary
        labels = ds.graph(rdflib.URIRef("https://w3id.org/vnkg/resource/graph/labels"))
        assert rdflib.Literal("Nguyễn Văn Phong", lang="vi") in set(labels.objects())


def _nested(report):
    """Results a pySHACL report nests in others (sh:detail), which validate does not count again."""
    detail = rdflib.URIRef("http://www.w3.org/ns/shacl#detail")
    return len(set(report.objects(None, detail)))
