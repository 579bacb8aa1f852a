"""What a graph store is: where it lives, what a backend does, what goes wrong."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

__all__ = ["StoreError", "Location", "GraphStore", "LabelChange", "default_location"]


class StoreError(Exception):
    """A store that cannot be opened, read or written; the message says why."""


@dataclass(frozen=True)
class Location:
    """A store on disk (``path``) or behind a SPARQL 1.1 server (``endpoint``).

    ``kind`` names the server's URL layout for endpoints: ``oxigraph``
    (``/query``, ``/store``), ``fuseki`` (``/query``, ``/data`` under a dataset
    URL), ``graphdb`` (``/repositories/REPO`` and its ``/rdf-graphs/service``)
    or ``virtuoso`` (``/sparql`` and ``/sparql-graph-crud`` under ``HOST:8890``).
    """

    path: Path | None = None
    endpoint: str | None = None
    kind: str = "oxigraph"

    def __str__(self) -> str:
        return self.endpoint or str(self.path)


class LabelChange(NamedTuple):
    """An entity's preferred label before and after a write; None where it has none."""

    old: str | None
    new: str | None


class GraphStore:
    """What a backend does; ``pipeline.store.ingest`` and the CLI use only this.

    * ``select(query, substitutions)``: rows of a SELECT as ``{var: str}``;
    * ``table(query)``: a SELECT's columns and rows of strings ("" where
      unbound), or an ASK's answer as the one column ``result``;
    * ``query_bytes(query, fmt, substitutions)``: a query's results in
      ``fmt`` (``json``, ``csv``, ``tsv`` for SELECT/ASK; ``turtle`` or
      ``ntriples`` for CONSTRUCT/DESCRIBE);
    * ``write(drop, graph, ntriples, labels)``: drop report graphs, write one,
      and set entities' preferred labels (IRI -> ``LabelChange(old, new)``,
      new None to remove), atomically where the backend can;
    * ``graph_triples(graph)``: a graph as N-Triples;
    * ``flush()``: what was written, out of memory to disk (a long ingest's memory stays flat);
    * ``close()``.
    """

    location: Location

    def select(self, query: str, substitutions: dict[str, str] | None = None) -> list[dict[str, str]]:
        raise NotImplementedError

    def table(self, query: str) -> tuple[list[str], list[list[str]]]:
        parsed = json.loads(self.query_bytes(query, "json"))
        if "boolean" in parsed:
            return ["result"], [[str(parsed["boolean"]).lower()]]
        columns = parsed["head"]["vars"]
        return columns, [[b.get(c, {}).get("value", "") for c in columns] for b in parsed["results"]["bindings"]]

    def query_bytes(self, query: str, fmt: str, substitutions: dict[str, str] | None = None) -> bytes:
        raise NotImplementedError

    def write(self, drop: list[str], graph: str | None, ntriples: str, labels: dict[str, LabelChange]) -> None:
        raise NotImplementedError

    def graph_triples(self, graph: str) -> str:
        raise NotImplementedError

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def default_location() -> Location:
    """``$VNKG_STORE``, else ``output/store`` under the working folder."""
    return Location(path=Path(os.environ.get("VNKG_STORE") or Path("output") / "store"))
