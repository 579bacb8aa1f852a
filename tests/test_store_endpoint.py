"""The same commands against real SPARQL 1.1 servers on loopback ports: `oxigraph serve`, Virtuoso, Fuseki."""
import csv
import io

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.store import Location, ingest, named_queries, open_store, remove, run_query, stats, validate_store

from conftest import CORPUS, SEED
from sparql_servers import KINDS, Unavailable, start


@pytest.fixture(scope="module", params=KINDS)
def server(request, tmp_path_factory):
    """A Location on a running server of each kind; a kind that cannot run here skips, saying why."""
    try:
        running = start(request.param, tmp_path_factory.mktemp(request.param))
    except Unavailable as exc:
        pytest.skip(f"{request.param}: {exc}")
    yield Location(endpoint=running.url, kind=running.kind)
    running.stop()


@pytest.mark.slow
def test_ingest_query_and_remove_through_the_server(server):
    with open_store(server, write=True) as store:
        assert ingest(store, [SEED, CORPUS / "thanh-hoa-kcn-2024.txt"]).summary().startswith("2 added")
        first = stats(store)
        assert ingest(store, [SEED]).unchanged == [str(SEED)]
        assert stats(store) == first
        rows = run_query(store, named_queries()["officials"].text, "table").rows
        assert ["Nguyễn Văn Phong", "Phó Bí thư Thường trực", "Thành ủy Hà Nội"] in [r[:3] for r in rows]
        assert validate_store(store).conforms
        remove(store, str(SEED))
        assert stats(store)["reports"] == 1


@pytest.mark.slow
def test_the_cli_with_an_endpoint(server):
    runner = CliRunner()
    endpoint = ["--endpoint", str(server.endpoint), "--endpoint-kind", server.kind]
    result = runner.invoke(cli, ["ingest", str(CORPUS / "da-nang-chuyen-doi-so-2025.txt"), *endpoint])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(cli, ["query", "--named", "officials", "--format", "csv", *endpoint])
    assert result.exit_code == 0, result.stderr  # quoted or not, as the server writes CSV
    assert ["Ngô Thanh Bình", "Bí thư", "Thành ủy Đà Nẵng"] in [r[:3] for r in csv.reader(io.StringIO(result.output))]
    result = runner.invoke(cli, ["query", "SELECT ?x WHERE { ?x }", *endpoint])
    assert result.exit_code == 1 and "SPARQL syntax" in result.stderr


def test_an_unreachable_endpoint_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["stats", "--endpoint", "http://127.0.0.1:9"])
    assert result.exit_code == 1 and "cannot reach the endpoint" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_every_ready_question_answers_as_on_the_embedded_store(server, corpus_store):
    """The project's three reports on the server and in a folder: each ready question, the same rows."""
    values = {"name": "Nguyễn Văn Phong", "about": "Hà Nội", "province": "Hà Nội"}
    with open_store(server, write=True) as store:
        ingest(store, sorted(CORPUS.glob("*.txt")))
        assert stats(store)["reports"] == 3
        on_server = {name: run_query(store, q.text, "table", {p: values[p] for p in q.params}).rows
                     for name, q in named_queries().items()}
    with open_store(Location(path=corpus_store)) as store:
        embedded = {name: run_query(store, q.text, "table", {p: values[p] for p in q.params}).rows
                    for name, q in named_queries().items()}
    assert all(embedded.values()), "a question with no answer compares nothing"
    # Known gap: Virtuoso answers by-province with fewer rows than Oxigraph (its property paths over
    # containedInPlace/isReplacedBy); compared apart below, so the gap is seen, not hidden
    differs = {"by-province"} if server.kind == "virtuoso" else set()
    for name in embedded:
        if name not in differs:
            assert _unordered(on_server[name]) == _unordered(embedded[name]), name
    for name in differs:
        assert _unordered(on_server[name]) != _unordered(embedded[name]), f"{name} now agrees: drop it from differs"


def _unordered(rows: list[list[str]]) -> list[list[str]]:
    """Rows in order, and the parts of a GROUP_CONCAT cell ("a; b") too: SPARQL leaves both to the server."""
    return sorted(["; ".join(sorted(cell.split("; "))) for cell in row] for row in rows)
