"""export --format sqlite: tables with foreign keys, read back with sqlite3 and through Datasette's JSON API."""
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from pipeline.cli import cli


@pytest.fixture(scope="module")
def database(corpus_store, tmp_path_factory):
    output = tmp_path_factory.mktemp("sqlite") / "vnkg.db"
    result = CliRunner().invoke(cli, ["export", "--format", "sqlite", "--output", str(output),
                                      "--store", str(corpus_store)])
    assert result.exit_code == 0, result.stderr
    return output


def test_every_table_is_there_with_its_foreign_keys(database):
    db = sqlite3.connect(database)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"reports", "entities", "labels", "posts", "figures", "mentions"} <= tables
    keys = {(t, row[3], row[2]) for t in ("labels", "posts", "figures", "mentions")
            for row in db.execute(f"PRAGMA foreign_key_list({t})")}
    assert {("posts", "person", "entities"), ("posts", "organisation", "entities"), ("posts", "report", "reports"),
            ("labels", "entity", "entities"), ("figures", "report", "reports"),
            ("mentions", "report", "reports")} <= keys
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []  # every key points at a row
    (reports,) = db.execute("SELECT COUNT(*) FROM reports").fetchone()
    assert reports == 3


def test_the_tables_answer_an_analysts_questions(database):
    db = sqlite3.connect(database)
    posts = db.execute("""SELECT o.label, p.role, r.title FROM posts p JOIN entities e ON e.iri = p.person
        JOIN entities o ON o.iri = p.organisation JOIN reports r ON r.hash = p.report
        WHERE e.label = 'Nguyễn Văn Phong' ORDER BY p.role""").fetchall()
    assert ("Thành ủy Hà Nội", "Phó Bí thư Thường trực", "Phát triển khoa học, công nghệ và đổi mới sáng tạo") in posts
    figure = db.execute("""SELECT f.value, f.unit, f.counted FROM figures f JOIN entities z ON z.iri = f.entity
        WHERE z.label = 'Khu công nghệ cao Hòa Lạc' AND f.text = '111 dự án'""").fetchone()
    assert figure == (111.0, "count", "dự án")
    names = {row[0] for row in db.execute("""SELECT l.label FROM labels l JOIN entities e ON e.iri = l.entity
        WHERE e.label = 'UBND thành phố Hà Nội' OR e.label LIKE 'Ủy ban nhân dân thành phố Hà Nội%'""")}
    assert names, "an organisation's names are listed"
    kinds = {row[0] for row in db.execute("SELECT DISTINCT kind FROM mentions")}
    assert {"Person", "Organisation", "Zone", "Figure", "Post"} <= kinds


def test_the_database_opens_in_datasette_and_its_json_api_gives_an_officials_posts(database):
    pytest.importorskip("datasette")
    with socket.socket() as s:  # a free loopback port for the server
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(database), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        sql = """SELECT p.role, o.label AS organisation FROM posts p JOIN entities e ON e.iri = p.person
                 JOIN entities o ON o.iri = p.organisation WHERE e.label = :name ORDER BY p.role"""
        url = f"http://127.0.0.1:{port}/{database.stem}.json?" + urllib.parse.urlencode(
            {"sql": sql, "name": "Nguyễn Văn Phong", "_shape": "array"})
        rows = _get_json(url, server)
        assert {"role": "Phó Bí thư Thường trực", "organisation": "Thành ủy Hà Nội"} in rows
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_sqlite_refuses_a_part_of_the_store(corpus_store, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--format", "sqlite", "--output", str(tmp_path / "x.db"),
                                      "--named", "officials", "--store", str(corpus_store)])
    assert result.exit_code == 1 and "writes the whole store" in result.stderr


def _get_json(url, server, wait=60.0):
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return json.loads(response.read())
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.3)


