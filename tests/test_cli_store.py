"""The store commands of vnkg, through click's test runner."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

from conftest import CORPUS, SEED


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def store(corpus_store):
    """The project's reports ingested through the CLI ("3 added"), once a session: tests here only read it."""
    return corpus_store


def test_ingest_a_folder_then_again_changes_nothing(runner, corpus_store_copy):
    store = corpus_store_copy  # an ingest opens the store for writing
    result = runner.invoke(cli, ["ingest", str(CORPUS / "*.txt"), "--store", str(store)])
    assert result.exit_code == 0 and "0 added, 0 replaced, 3 unchanged" in result.stderr


def test_store_from_the_environment(runner, store, monkeypatch):
    monkeypatch.setenv("VNKG_STORE", str(store))
    result = runner.invoke(cli, ["stats", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)["reports"] == 3


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_named_officials(runner, store, fmt):
    result = runner.invoke(cli, ["query", "--named", "officials", "--store", str(store), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert "Nguyễn Văn Phong" in result.output and "Thành ủy Hà Nội" in result.output
    if fmt == "json":
        assert json.loads(result.output)["head"]["vars"][0] == "name"


def test_query_figures_needs_a_subject_and_reads_it_as_reports_are_read(runner, store):
    result = runner.invoke(cli, ["query", "--named", "figures", "--store", str(store)])
    # A usage error: Click's usage line and exit status 2, like Click's own.
    assert result.exit_code == 2 and "Error: --named figures needs --param about=..." in result.stderr
    decomposed = "Cu\u0323m co\u0302ng nghie\u0323\u0302p Va\u0323n Tha\u0306\u0301ng"  # NFD, as some keyboards type it
    result = runner.invoke(cli, ["query", "--named", "figures", "--param", f"about={decomposed}", "--format", "csv",
                                 "--store", str(store)])
    assert result.exit_code == 0, result.stderr
    header, *rows = result.output.splitlines()
    assert header.startswith("subject,indicator,value,min,max,unit,countOf,text,reportDate,report,sentence")
    assert rows and all(r.startswith("Cụm công nghiệp Vạn Thắng,") for r in rows) and "45/52 ha" in result.output


def test_query_refuses_updates_and_shows_syntax_errors(runner, store):
    result = runner.invoke(cli, ["query", "DROP ALL", "--store", str(store)])
    assert result.exit_code == 1 and "read-only" in result.stderr and "Traceback" not in result.stderr
    result = runner.invoke(cli, ["query", "SELECT ?x WHERE { ?x }", "--store", str(store)])
    assert result.exit_code == 1 and "SPARQL syntax error at line 1, column " in result.stderr
    after = runner.invoke(cli, ["stats", "--store", str(store), "--format", "json"])
    assert json.loads(after.output)["reports"] == 3


def test_query_from_a_file_and_construct_prints_turtle(runner, store, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("DESCRIBE ?z WHERE { ?z a <https://w3id.org/vnkg/ontology#Zone> } LIMIT 1", encoding="utf-8")
    result = runner.invoke(cli, ["query", "--file", str(q), "--store", str(store)])
    assert result.exit_code == 0 and "@prefix" in result.output or "<https://" in result.output


def test_validate_stats_and_remove(runner, corpus_store_copy):
    store = corpus_store_copy  # it removes a report
    result = runner.invoke(cli, ["validate", "--store", str(store)])
    assert result.exit_code == 0 and "conforms" in result.stderr
    result = runner.invoke(cli, ["remove", str(SEED), "--store", str(store)])
    assert result.exit_code == 0 and "removed" in result.stderr
    result = runner.invoke(cli, ["stats", "--store", str(store), "--format", "json"])
    assert json.loads(result.output)["reports"] == 2
    result = runner.invoke(cli, ["remove", str(SEED), "--store", str(store)])
    assert result.exit_code == 1 and "no such report" in result.stderr


def test_bad_files_in_an_ingest(runner, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(bad), str(SEED), str(tmp_path / "nope*.txt"),
                                 "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert (f"vnkg: {bad.resolve()}: no text in file" in result.stderr
            or f"vnkg: {bad}: no text in file" in result.stderr)
    assert "nope*.txt: no such file" in result.stderr and "1 added" in result.stderr


def test_queries_and_help_leave_the_language_models_unloaded(store):
    # Asking a store needs no NLP: spaCy, underthesea and rdflib load only for commands that extract or convert.
    script = f"""
import sys
from click.testing import CliRunner
from pipeline.cli import cli
runner = CliRunner()
assert runner.invoke(cli, ["--help"]).exit_code == 0
result = runner.invoke(cli, ["query", "--named", "career", "--param", 'name=Văn "Phong"', "--store", {str(store)!r}])
assert result.exit_code == 0, result.output
result = runner.invoke(cli, ["query", "--named", "zones", "--store", {str(store)!r}])
assert "Khu công nghệ cao Hòa Lạc" in result.output, result.output
print(sorted(m for m in ("spacy", "underthesea", "rdflib", "rich") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_piped_tables_keep_one_row_per_line(runner, store):
    result = runner.invoke(cli, ["query", "--named", "zones", "--store", str(store)])
    header, rule, *rows = result.output.splitlines()
    assert header.split()[:2] == ["zone", "type"] and set(rule.replace(" ", "")) == {"-"}
    hoa_lac = next(r for r in rows if r.startswith("Khu công nghệ cao Hòa Lạc"))
    assert hoa_lac.index("Khu công nghệ cao", 10) == header.index("type")  # the type column lines up
