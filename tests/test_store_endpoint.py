"""The same commands against a real SPARQL 1.1 server: `oxigraph serve` on a loopback port."""
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.store import Location, ingest, named_queries, open_store, remove, run_query, stats, validate_store

from conftest import CORPUS, SEED

pytestmark = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="the oxigraph server is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen(["oxigraph", "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("oxigraph serve did not start")
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.slow
def test_ingest_query_and_remove_through_the_server(server):
    location = Location(endpoint=server)
    with open_store(location, write=True) as store:
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
    result = runner.invoke(cli, ["ingest", str(CORPUS / "da-nang-chuyen-doi-so-2025.txt"), "--endpoint", server])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(cli, ["query", "--named", "officials", "--format", "csv", "--endpoint", server])
    assert result.exit_code == 0 and "Ngô Thanh Bình,Bí thư,Thành ủy Đà Nẵng" in result.output
    result = runner.invoke(cli, ["query", "SELECT ?x WHERE { ?x }", "--endpoint", server])
    assert result.exit_code == 1 and "SPARQL syntax" in result.stderr


def test_an_unreachable_endpoint_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["stats", "--endpoint", "http://127.0.0.1:9"])
    assert result.exit_code == 1 and "cannot reach the endpoint" in result.stderr and "Traceback" not in result.stderr
