"""Real SPARQL servers for the tests, each on a free loopback port in a folder of its own, stopped after.

``start(kind, folder)`` gives a ``Server`` or raises ``Unavailable`` saying why it cannot run here:

* ``oxigraph``: ``oxigraph serve --union-default-graph`` (PyPI package ``oxigraph``);
* ``virtuoso``: ``virtuoso-t`` (Debian ``virtuoso-opensource``) with a temporary ini and database,
  SPARQL updates granted to the anonymous SPARQL user; its default graph is every graph;
* ``fuseki``: ``jena-fuseki-server`` (Fuseki main, a jar from Maven Central named by ``$VNKG_FUSEKI_JAR``
  or lying in ``~/.cache/vnkg/``) with a TDB2 dataset whose default graph is the union.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Server", "Unavailable", "start", "KINDS"]

KINDS = ("oxigraph", "virtuoso", "fuseki")


class Unavailable(Exception):
    """The server cannot run on this machine; the message says why."""


@dataclass
class Server:
    kind: str
    url: str  # what --endpoint takes
    process: subprocess.Popen
    folder: Path
    sql_port: int | None = None  # Virtuoso's SQL port, for isql-vt

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def start(kind: str, folder: Path) -> Server:
    """A running server of ``kind`` keeping its data in ``folder``."""
    return {"oxigraph": _oxigraph, "virtuoso": _virtuoso, "fuseki": _fuseki}[kind](folder)


def _oxigraph(folder: Path) -> Server:
    if shutil.which("oxigraph") is None:
        raise Unavailable("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    proc = _spawn(["oxigraph", "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph"], folder)
    url = f"http://127.0.0.1:{port}"
    _wait(proc, f"{url}/query?query=ASK%7B%7D", "oxigraph serve")
    return Server("oxigraph", url, proc, folder)


_VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"""


def _virtuoso(folder: Path) -> Server:
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        raise Unavailable("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    proc = _spawn(["virtuoso-t", "+foreground", "+configfile", str(ini)], folder)
    url = f"http://127.0.0.1:{http}"
    _wait(proc, f"{url}/sparql?query=ASK%7B%7D", "virtuoso-t", seconds=120)
    virtuoso_sql(sql, 'GRANT SPARQL_UPDATE TO "SPARQL";')  # loopback only, a database of the test's own
    return Server("virtuoso", url, proc, folder, sql_port=sql)


def virtuoso_sql(port: int, statements: str) -> str:
    """Run SQL statements in Virtuoso as dba (a new database's password) with ``isql-vt``."""
    done = subprocess.run(["isql-vt", f"127.0.0.1:{port}", "dba", "dba", f"exec={statements}"],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise RuntimeError(f"isql-vt failed: {done.stdout}{done.stderr}")
    return done.stdout


def fuseki_jar() -> Path | None:
    """Fuseki main's jar, where the CI set-up puts it or ``$VNKG_FUSEKI_JAR`` says."""
    given = os.environ.get("VNKG_FUSEKI_JAR")
    candidates = [Path(given)] if given else sorted((Path.home() / ".cache" / "vnkg").glob("jena-fuseki-server-*.jar"))
    return next((c for c in candidates if c.is_file()), None)


def _fuseki(folder: Path) -> Server:
    jar = fuseki_jar()
    if jar is None:
        raise Unavailable("no Fuseki jar in ~/.cache/vnkg (.ci/run fetches jena-fuseki-server from Maven Central "
                          "where it can) and no VNKG_FUSEKI_JAR")
    if shutil.which("java") is None:
        raise Unavailable("Fuseki needs Java 17 (apt-get install openjdk-17-jre-headless)")
    port = free_port()
    config = folder / "config.ttl"
    config.write_text(f"""PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX tdb2: <http://jena.apache.org/2016/tdb#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
<#service> rdf:type fuseki:Service ; fuseki:name "vnkg" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
    fuseki:dataset <#dataset> .
<#dataset> rdf:type tdb2:DatasetTDB2 ; tdb2:location "{folder / 'tdb2'}" ; tdb2:unionDefaultGraph true .
""", encoding="utf-8")
    proc = _spawn(["java", "-Xmx1g", "-jar", str(jar), "--localhost", "--port", str(port), "--config", str(config)],
                  folder)
    url = f"http://127.0.0.1:{port}/vnkg"
    _wait(proc, f"{url}/query?query=ASK%7B%7D", "Fuseki", seconds=120)
    return Server("fuseki", url, proc, folder)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _spawn(args: list[str], folder: Path) -> subprocess.Popen:
    log = (folder / "server.log").open("wb")
    return subprocess.Popen(args, cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _wait(proc: subprocess.Popen, url: str, name: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)
                raise RuntimeError(f"{name} did not start") from None
            time.sleep(0.2)
