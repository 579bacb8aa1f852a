"""Hostile use of the store, the CLI and the exports (issue 15, items 5-8, 10-12), and the README's promises."""
import hashlib
import json
import re
import resource
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import docx
import pytest
from click.testing import CliRunner

import pipeline
import pipeline.html_view as html_view
from pipeline.cli import cli
from pipeline.store import Location, ingest, open_store, run_query
from pipeline.validate import validate

from conftest import CORPUS, ROOT, SEED

OTHER = CORPUS / "da-nang-chuyen-doi-so-2025.txt"


@contextmanager
def http_server(answer):
    """A server on a loopback port recording every request as (method, path, body); ``answer(method, path,
    body)`` gives (status, content type, body)."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def _reply(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            requests.append((self.command, self.path, body.decode("utf-8", "replace")))
            status, kind, data = answer(self.command, self.path, body)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _reply

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


# 5. The HTML page: safe for any string, bounded on any store.

def test_the_html_page_keeps_any_string_inside_its_data(seed):
    graph = pipeline.extract("Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.").graph
    from rdflib import Literal
    from rdflib.namespace import SDO, SKOS

    hostile = "<!--<script>\u2028</script><script>alert(1)</script>&amp;{{DATA}}"
    report = next(graph.subjects(None, SDO.Report))
    graph.set((report, SDO.name, Literal(hostile, lang="vi")))
    person = next(s for s, o in graph.subject_objects(SKOS.prefLabel) if str(o) == "Đỗ Trọng Hưng")
    graph.add((person, SKOS.altLabel, Literal(hostile, lang="vi")))
    page = html_view.render(graph, title=hostile)
    template = (ROOT / "pipeline" / "templates" / "graph.html").read_text(encoding="utf-8")
    assert page.count("<script") == template.count("<script") and page.count("</script") == 2
    block = page.split('<script id="data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert not set(block) & set("<>&\u2028")
    data = json.loads(block)
    assert hostile in {label for node in data["nodes"] for label in node["info"]["labels"]}
    assert hostile in {s["title"] for node in data["nodes"] for s in node["info"]["sentences"]}
    assert f"<title>{hostile}" not in page


def test_a_page_of_a_store_too_large_to_show_is_refused_with_what_to_export(corpus_store, tmp_path, monkeypatch):
    monkeypatch.setattr(html_view, "MAX_PAGE_NODES", 20)
    for extra in ([], ["--doc", str(SEED)]):
        result = CliRunner().invoke(cli, ["export", "--store", str(corpus_store), "--format", "html", *extra,
                                          "--output", str(tmp_path / "graph.html")])
        assert result.exit_code == 1 and not (tmp_path / "graph.html").exists()
        # One line says why (a progress line may come before it: "vnkg: exporting: … (laying out …)").
        (line,) = [ln for ln in result.stderr.strip().splitlines() if not ln.startswith("vnkg: exporting: ")]
        assert "an HTML page shows at most 20" in line or "a page shows at most 20" in line
        assert "--doc PATH" in line and "--format graphml" in line


# 6. The local store never reaches the network.

def test_service_calls_are_refused_and_no_request_leaves(corpus_store):
    with http_server(lambda *_: (200, "application/sparql-results+json", b"{}")) as (url, requests):
        query = f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"
        result = CliRunner().invoke(cli, ["query", query, "--store", str(corpus_store)])
    assert result.exit_code == 1 and requests == []
    assert result.stderr.strip() == "vnkg: SERVICE calls are refused: the local store never reaches the network"


# 7. Parameters are bound, never substituted as text.

def test_parameters_are_bound_and_never_read_into_one_another(seed_store):
    with open_store(Location(path=seed_store)) as store:
        query = "SELECT ?a ?b WHERE { BIND($name AS ?a) BIND($about AS ?b) }"
        rows = run_query(store, query, "table", {"name": "$about", "about": 'x" ) } ; DROP ALL #'}).rows
        assert rows == [["$about", 'x" ) } ; DROP ALL #']]
        career = run_query(store, pipeline.store.named_queries()["career"].text, "table",
                           {"name": 'Phong" ) } } SELECT * { ?s ?p ?o } #'}).rows
        assert career == []


# 8. No silent overwrite.

def test_extract_refuses_inputs_that_would_share_an_output_file(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(OTHER.read_text(encoding="utf-8"), encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Hội nghị tại Hà Nội.")
    document.save(tmp_path / "x" / "report.docx")
    inputs = [tmp_path / "x" / "report.txt", tmp_path / "y" / "report.txt", tmp_path / "x" / "report.docx"]
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", *map(str, inputs), "--output-dir", str(out)])
    assert result.exit_code == 1 and not out.exists()
    first = result.stderr.splitlines()[0]
    assert first == f"vnkg: {', '.join(map(str, inputs))}: would all be written to {out / 'report.ttl'}; " \
                    "rename them or extract them to different --output-dir"


# 10. Readers never wait for a writer.

def test_a_query_answers_at_once_while_an_ingest_holds_the_store(tmp_path):
    path = tmp_path / "store"
    with open_store(Location(path=path), write=True) as writer:
        ingest(writer, [])  # the vocabulary graph: a store to read
        result = CliRunner().invoke(cli, ["stats", "--store", str(path), "--format", "json"])
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.output)["reports"] == 0


# 11 and 12. A server gets each report in one request, and no local path.

def _fake_sparql_server(method, path, body):
    if path.startswith("/query"):
        vocabulary = b"vocabulary" in body  # is it there? yes; every other question: nothing stored yet
        rows = [{"n": {"type": "literal", "value": "1"}}] if vocabulary else []
        return 200, "application/sparql-results+json", json.dumps({"head": {"vars": ["n"]},
                                                                   "results": {"bindings": rows}}).encode()
    return 204, "text/plain", b""


def test_a_report_goes_to_a_server_in_one_request_without_its_local_path(tmp_path):
    report = tmp_path / "private-folder" / "report.txt"
    report.parent.mkdir()
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with http_server(_fake_sparql_server) as (url, requests):
        with open_store(Location(endpoint=url), write=True) as store:
            assert ingest(store, [report]).summary() == "1 added, 0 replaced, 0 unchanged, 0 failed"
    writes = [(method, path, body) for method, path, body in requests if not path.startswith("/query")]
    assert [(method, path) for method, path, _ in writes] == [("POST", "/update")]
    body = writes[0][2]
    assert "INSERT DATA" in body and "/graph/labels/" in body and '"report.txt"' in body
    assert not any(str(tmp_path) in b for _, _, b in requests)


# 12. The smaller ones: a full disk said once, validation, a private store.

@pytest.mark.slow
def test_a_full_disk_is_said_once(tmp_path):
    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))  # Python ignores SIGXFSZ: writes fail

    result = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(CORPUS), "--store", str(tmp_path / "s")],
                            capture_output=True, text=True, preexec_fn=small_files, cwd=ROOT, timeout=300)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert re.match(rf"vnkg: {re.escape(str(tmp_path / 's'))}: cannot write: .*File too large", line)


def test_validation_accepts_what_reports_ordinarily_state():
    graph = pipeline.extract("Thủ tướng Chính phủ Phạm Minh Chính dự hội nghị. Hà Nội đạt 120% kế hoạch, "
                             "xuất khẩu tăng 150% so với cùng kỳ.").graph
    result = validate(graph)
    assert result.conforms and result.errors == [], result.violations


def test_an_entity_no_sentence_names_is_a_warning_not_a_violation():
    """A body a title implies ("Thủ tướng": the government) has no mention; the store still conforms."""
    from rdflib.namespace import SKOS

    from pipeline.vocab import vnkg

    graph = pipeline.extract("Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.").graph
    body = next(s for s, o in graph.subject_objects(SKOS.prefLabel) if str(o) == "Tỉnh ủy Thanh Hóa")
    graph.remove((body, vnkg().mention, None))
    result = validate(graph)
    assert result.conforms and result.errors == [], result.violations
    assert [(v.focus, v.severity) for v in result.violations] == [(str(body), "Warning")]


def test_a_new_store_is_its_owner_s_alone(tmp_path):
    with open_store(Location(path=tmp_path / "store"), write=True):
        pass
    assert (tmp_path / "store").stat().st_mode & 0o077 == 0


# The README's promises.

def test_nothing_reaches_the_network_from_reading_to_exporting(tmp_path, monkeypatch):
    """"It runs offline": every command, with Python's sockets refusing to connect anywhere."""
    def refused(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refused)
    monkeypatch.setattr(socket.socket, "connect_ex", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    store = str(tmp_path / "store")
    runner = CliRunner()
    for args in (["extract", str(OTHER), "--output-dir", str(tmp_path / "out")],
                 ["ingest", str(OTHER), "--store", store],
                 ["query", "--named", "officials", "--store", store], ["validate", "--store", store],
                 ["export", "--format", "html", "--output", str(tmp_path / "g.html"), "--store", store]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (args, result.stderr, result.exception)


def _folder_state(folder):
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_queries_never_change_a_store(corpus_store_copy, tmp_path):
    """"Queries never change a store": not a byte of its folder, whatever is asked."""
    before = _folder_state(corpus_store_copy)
    runner = CliRunner()
    store = ["--store", str(corpus_store_copy)]
    asked = [["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"], ["query", "--named", "officials"],
             ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5"], ["stats"], ["validate"],
             ["export", "--format", "turtle", "--output", str(tmp_path / "all.ttl")]]
    refused = [["query", "DELETE WHERE { ?s ?p ?o }"], ["query", "PREFIX x: <urn:x> DROP ALL"],
               ["query", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"],
               ["query", "LOAD <http://127.0.0.1:9/x.ttl>"]]
    for args in asked + refused:
        result = runner.invoke(cli, [*args, *store])
        assert result.exit_code == (1 if args in refused else 0), (args, result.stderr)
    assert _folder_state(corpus_store_copy) == before
