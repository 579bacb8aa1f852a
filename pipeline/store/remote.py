"""A store behind a SPARQL 1.1 server: the Graph Store Protocol to write, the SPARQL protocol to ask."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

from .base import GraphStore, LabelChange, Location, StoreError
from .sparql import write_update

__all__ = ["EndpointStore", "URL_LAYOUTS"]

# Server kind -> (query URL, update URL, graph store URL) from the URL the user gives.
URL_LAYOUTS: dict[str, Callable[[str], tuple[str, str, str]]] = {
    "oxigraph": lambda base: (f"{base}/query", f"{base}/update", f"{base}/store"),  # oxigraph serve
    "fuseki": lambda base: (f"{base}/query", f"{base}/update", f"{base}/data"),     # base: HOST:3030/DATASET
    "graphdb": lambda base: (base, f"{base}/statements", f"{base}/rdf-graphs/service"),  # HOST:7200/repositories/REPO
    "virtuoso": lambda base: (f"{base}/sparql", f"{base}/sparql", f"{base}/sparql-graph-crud"),  # HOST:8890
}
_ACCEPT = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
}


class EndpointStore(GraphStore):
    """A SPARQL 1.1 server. Each report is written by one SPARQL Update request
    (the SPARQL 1.1 protocol): its graph, the graph it replaces and its
    entities' label graphs change together or not at all, as the server runs
    one request in one transaction. Graphs are read with the Graph Store
    Protocol. Queries need the server to read the union of its graphs as the
    default graph (``oxigraph serve --union-default-graph``, Fuseki
    ``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso do so by default;
    Virtuoso needs ``GRANT SPARQL_UPDATE TO "SPARQL"`` or an authenticating
    proxy in front of its ``/sparql``). A report's
    local path is not sent: the server gets its file name (``ingest`` does so).
    """

    def __init__(self, location: Location, timeout: float = 60.0):
        if location.kind not in URL_LAYOUTS:
            raise StoreError(f"unknown endpoint kind {location.kind!r}; known: {', '.join(URL_LAYOUTS)}")
        if not location.endpoint:
            raise StoreError(f"{location}: a SPARQL server needs its URL")
        self.location = location
        self.timeout = timeout
        self.query_url, self.update_url, self.store_url = URL_LAYOUTS[location.kind](location.endpoint.rstrip("/"))

    def select(self, query: str, substitutions: dict[str, str] | None = None) -> list[dict[str, str]]:
        if substitutions:
            raise StoreError("substitutions are not sent to SPARQL endpoints")
        data = json.loads(self.query_bytes(query, "json"))
        return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]

    def query_bytes(self, query: str, fmt: str, substitutions: dict[str, str] | None = None) -> bytes:
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        accept = _ACCEPT[fmt]
        if fmt == "turtle" and self.location.kind == "virtuoso":  # its Turtle writes "24"^^xsd:decimal as 24,
            accept = _ACCEPT["ntriples"]                           # an integer; N-Triples is Turtle too
        return self._http("POST", self.query_url, body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})

    def write(self, drop: list[str], graph: str | None, ntriples: str, labels: dict[str, LabelChange]) -> None:
        update = write_update(drop, graph, ntriples, labels)
        if update:
            self._http("POST", self.update_url, update.encode("utf-8"),
                       {"Content-Type": "application/sparql-update; charset=utf-8"})

    def graph_triples(self, graph: str) -> str:
        data = self._http("GET", self._graph_url(graph), headers={"Accept": "application/n-triples"}, missing_ok=True)
        return data.decode("utf-8")

    def _graph_url(self, graph: str) -> str:
        return f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"

    def _http(self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
              missing_ok: bool = False) -> bytes:
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            if missing_ok and exc.code == 404:
                return b""
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            reason = detail[0][:300] if detail else exc.reason
            if exc.code == 400 and url == self.query_url:
                raise StoreError(f"SPARQL syntax: {reason}") from None
            raise StoreError(f"{self.location}: {method} failed with HTTP {exc.code}: {reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{self.location}: cannot reach the endpoint: {getattr(exc, 'reason', exc)}") from None
