"""The embedded store: an on-disk Oxigraph (pyoxigraph) database."""
from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

from .base import GraphStore, LabelChange, Location, StoreError
from .labels import label_graph, label_triples

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["OxigraphStore"]

_RESULT_FORMATS = {"json": "JSON", "csv": "CSV", "tsv": "TSV"}


class OxigraphStore(GraphStore):
    """A folder holding a pyoxigraph ``Store``; one process holds it at a time.

    Queries see the union of all graphs as their default graph. Writes go
    through one SPARQL Update each, which Oxigraph applies in one transaction:
    a process killed mid-ingest leaves every earlier report whole and no part
    of the one it was writing.
    """

    def __init__(self, location: Location, write: bool = False, wait: float = 30.0):
        import pyoxigraph

        if location.path is None:
            raise StoreError(f"{location}: an embedded store needs a folder")
        path = location.path
        self.location = location
        self._store: pyoxigraph.Store | None = None
        if not write and not (path / "CURRENT").exists():
            raise StoreError(f"{path}: no store here; ingest reports first (vnkg ingest FILE... --store {path})")
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store folder")
        path.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + wait
        collected = False
        while True:
            try:
                self._store = pyoxigraph.Store(str(path))
                break
            except OSError as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"{path}: cannot open the store: {exc}") from None
                if not collected:  # held by this process's garbage (a query result in a cycle)?
                    gc.collect()
                    collected = True
                    continue
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{path}: the store is in use by another vnkg process (waited {wait:.0f} s)") from None
                time.sleep(0.2)

    def select(self, query: str, substitutions: dict[str, str] | None = None) -> list[dict[str, str]]:
        import pyoxigraph

        results = self._run(query, substitutions)
        if not isinstance(results, pyoxigraph.QuerySolutions):
            raise StoreError("select needs a SELECT query")
        names = [v.value for v in results.variables]
        return [{n: term.value for n, term in zip(names, row, strict=True) if term is not None} for row in results]

    def table(self, query: str) -> tuple[list[str], list[list[str]]]:
        import pyoxigraph

        results = self._run(query, None)
        if isinstance(results, pyoxigraph.QueryBoolean):
            return ["result"], [[str(bool(results)).lower()]]
        if not isinstance(results, pyoxigraph.QuerySolutions):
            raise StoreError("a table needs a SELECT or ASK query")
        columns = [v.value for v in results.variables]
        return columns, [["" if term is None else term.value for term in row] for row in results]

    def query_bytes(self, query: str, fmt: str, substitutions: dict[str, str] | None = None) -> bytes:
        import pyoxigraph

        results = self._run(query, substitutions)
        if isinstance(results, pyoxigraph.QueryTriples):
            graph_format = pyoxigraph.RdfFormat.N_TRIPLES if fmt == "ntriples" else pyoxigraph.RdfFormat.TURTLE
            return results.serialize(format=graph_format) or b""  # bytes when no output file is given
        if fmt not in _RESULT_FORMATS:
            raise StoreError(f"format {fmt!r} is for CONSTRUCT and DESCRIBE queries; use json, csv, tsv or table")
        return results.serialize(format=getattr(pyoxigraph.QueryResultsFormat, _RESULT_FORMATS[fmt])) or b""

    def write(self, drop: list[str], graph: str | None, ntriples: str, labels: dict[str, LabelChange]) -> None:
        # A changed label is deleted as the one triple it is, and a new one needs
        # no delete: dropping label graphs cost a quarter of each report's write
        # (measured over 300 news reports).
        gone = [label_graph(e) for e, change in labels.items() if change.new is None]
        parts = [f"DROP SILENT GRAPH <{g}>" for g in [*drop, *gone]]
        old = [f"GRAPH <{label_graph(e)}> {{ {label_triples(e, change.old)} }}"
               for e, change in labels.items() if change.old is not None and change.new is not None]
        if old:
            parts.append("DELETE DATA {\n" + "\n".join(old) + "\n}")
        inserts = []
        if graph and ntriples.strip():
            inserts.append(f"GRAPH <{graph}> {{\n{ntriples}\n}}")
        for entity, change in labels.items():
            if change.new is not None:
                inserts.append(f"GRAPH <{label_graph(entity)}> {{ {label_triples(entity, change.new)} }}")
        if inserts:
            parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        if parts:
            try:
                self._opened.update(" ;\n".join(parts))
            except OSError as exc:
                raise StoreError(f"{self.location}: cannot write: {exc}") from None

    def graph_triples(self, graph: str) -> str:
        import pyoxigraph

        quads = self._opened.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(graph))
        data = pyoxigraph.serialize((q.triple for q in quads), format=pyoxigraph.RdfFormat.N_TRIPLES)
        return (data or b"").decode("utf-8")

    def __len__(self) -> int:
        return len(self._opened)

    def close(self) -> None:
        if self._store is not None:
            self._store.flush()
            self._store = None
            # pyoxigraph releases the folder's lock when the Store and its query results are freed: at once
            # when nothing holds them, else when the young garbage holding a result is collected. (A full
            # collection took 0.18 s with the language models loaded; opening collects fully if need be.)
            gc.collect(1)

    @property
    def _opened(self) -> pyoxigraph.Store:
        if self._store is None:
            raise StoreError(f"{self.location}: the store is closed")
        return self._store

    def _run(self, query: str, substitutions: dict[str, str] | None
             ) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
        import pyoxigraph

        subs: dict[pyoxigraph.Variable, pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
                   | pyoxigraph.Triple] = {pyoxigraph.Variable(k): pyoxigraph.Literal(v)
                                           for k, v in (substitutions or {}).items()}
        try:
            return self._opened.query(query, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax: {exc}") from None
        except (RuntimeError, OSError) as exc:
            raise StoreError(f"query failed: {exc}") from None
