"""The vnkg command, through click's test runner."""
import json

import pytest
import rdflib
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.s1_read import read_path
from pipeline.vocab import report_graph

from conftest import CORPUS, SEED


@pytest.fixture()
def runner():
    return CliRunner()


def test_help_for_every_command(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "extract" in result.output
    result = runner.invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0 and "--output-dir" in result.output and "--format" in result.output


def test_extract_to_stdout_is_turtle_of_the_report(runner):
    result = runner.invoke(cli, ["extract", str(SEED)])
    assert result.exit_code == 0
    g = rdflib.Graph().parse(data=result.stdout, format="turtle")
    # What it wrote is said on standard error (it said nothing before).
    assert result.stderr.startswith("vnkg: wrote 1 report graph(s), ")
    assert "as turtle to standard output" in result.stderr
    labels = {str(o) for o in g.objects(None, rdflib.namespace.SKOS.prefLabel)}
    assert {"Nguyễn Văn Phong", "Khu công nghệ cao Hòa Lạc"} <= labels


@pytest.mark.parametrize("fmt,suffix,parser", [("turtle", ".ttl", "turtle"), ("nt", ".nt", "nt"),
                                               ("jsonld", ".jsonld", "json-ld"), ("trig", ".trig", "trig")])
def test_output_dir_writes_one_file_per_input(runner, tmp_path, fmt, suffix, parser):
    other = CORPUS / "thanh-hoa-kcn-2024.txt"
    result = runner.invoke(cli, ["extract", str(SEED), str(other), "--format", fmt, "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [f"hanoi-khcn-2025{suffix}", f"thanh-hoa-kcn-2024{suffix}"]
    if parser == "trig":
        ds = rdflib.Dataset()
        ds.parse(tmp_path / files[0], format="trig")
        assert len(list(ds.graphs())) >= 2  # the report's named graph beside the default one
    else:
        g = rdflib.Graph().parse(tmp_path / files[0], format=parser)
        assert len(g) > 500
    if fmt == "jsonld":
        assert "@context" in json.loads((tmp_path / files[0]).read_text(encoding="utf-8"))


def test_a_bad_file_gets_one_line_and_the_others_are_still_extracted(runner, tmp_path):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["extract", str(missing), str(SEED), str(empty), "--output-dir", str(out)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    errors = [ln for ln in lines if not ln.startswith("vnkg: wrote ")]
    assert [ln for ln in lines if ln.startswith("vnkg: wrote ")] == [
        f"vnkg: wrote {out / 'hanoi-khcn-2025.ttl'} (" + lines[1].split(" (", 1)[1]]
    assert errors[0] == f"vnkg: {missing}: no such file"
    assert errors[1] == f"vnkg: {empty}: no text in file"
    assert "Traceback" not in result.output + result.stderr
    assert (out / "hanoi-khcn-2025.ttl").exists()


def test_extract_and_export_name_a_report_graph_alike(runner, tmp_path, corpus_store):
    # One graph IRI scheme: `extract --format trig` and `ingest` + `export --format trig` agree for a file
    # (corpus_store is corpus/ ingested through the CLI).
    def report_graphs(path):
        ds = rdflib.Dataset()
        ds.parse(path, format="trig")
        report = rdflib.URIRef("https://schema.org/Report")
        return {str(g.identifier) for g in ds.graphs() if (None, rdflib.RDF.type, report) in g}

    result = runner.invoke(cli, ["extract", str(SEED), "--format", "trig", "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(cli, ["export", "--store", str(corpus_store), "--format", "trig", "--doc", str(SEED),
                                 "--output", str(tmp_path / "export.trig")])
    assert result.exit_code == 0, result.stderr
    extracted = report_graphs(tmp_path / "out" / "hanoi-khcn-2025.trig")
    assert extracted == report_graphs(tmp_path / "export.trig") == {report_graph(SEED, read_path(SEED).id)}


def test_the_command_imports_spacy_without_its_command_line_and_loses_nothing(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys\n"
            "from pipeline.cli.lean_spacy import defer_spacy_cli\n"
            "defer_spacy_cli()\n"
            "import spacy\n"
            "print('typer' in sys.modules, 'weasel' in sys.modules)\n"
            "print([t.text for t in spacy.blank('vi', config={'nlp': {'tokenizer': {'use_pyvi': False}}})('Hà Nội')])\n"
            "print(spacy.info(silent=True)['spacy_version'] == spacy.__version__)\n"
            "from spacy.cli import download\n"
            "import spacy.cli\n"
            "print(download.__module__, spacy.cli.download is download, 'typer' in sys.modules)\n")
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           check=True).stdout.splitlines()
    assert lines == ["False False", "['Hà', 'Nội']", "True", "spacy.cli.download True True"]
    report = tmp_path / "bao-cao.txt"
    report.write_text("Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(report), "--format", "nt"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert "Đỗ Trọng Hưng" in done.stdout
