"""The first load of a large archive: a store's graphs as N-Quads shards for the store's own bulk loader."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..vocab import GRAPH_VOCABULARY, report_graph
from .ingest import Failure, Prepared, _prepared
from .labels import choose_label, label_graph, label_triples

__all__ = ["Shards", "write_shards", "shard_results", "LABELS_SHARD", "VOCABULARY_SHARD"]

LABELS_SHARD = "_vnkg-labels.nq"
VOCABULARY_SHARD = "_vnkg-vocabulary.nq"


@dataclass
class Shards:
    """What ``write_shards`` wrote: one file per report, then the labels' and the vocabulary's."""

    reports: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    labels: Path | None = None
    vocabulary: Path | None = None

    @property
    def files(self) -> list[Path]:
        return [*self.reports, *(p for p in (self.labels, self.vocabulary) if p is not None)]


def write_shards(paths: Iterable[str | Path], folder: Path, *, local: bool = True, jobs: int = 1,
                 progress: Callable[[str], None] | None = None) -> Shards:
    """Extract reports into N-Quads files that hold what ``ingest`` would write to a store.

    Each report's graph is ``folder/<graph id>.nq``, under the graph IRI
    ``ingest`` gives it (``pipeline.vocab.report_graph``), shaped as ``ingest``
    shapes it (names as ``skos:altLabel`` and ``vnkg:canonicalName``); then
    ``_vnkg-labels.nq`` holds each entity's one preferred label, chosen over
    all the reports as the store chooses it, and ``_vnkg-vocabulary.nq`` the
    zone types and units. Loaded together into an empty store by its bulk
    loader (``oxigraph load``, Fuseki's ``tdb2.xloader``, Virtuoso's
    ``rdf_loader_run``), they make the store that ingesting the same files
    makes, and ``vnkg ingest`` keeps it current from there. ``local`` False
    shapes the graphs for a server (a report's file name, not its path).
    Reports that cannot be read are in ``failed``; no shard is written for them.

    Examples
    --------
    >>> import tempfile
    >>> shards = write_shards(["corpus/hanoi-khcn-2025.txt"], Path(tempfile.mkdtemp()))
    >>> [p.name for p in shards.files][1:], shards.failed
    (['_vnkg-labels.nq', '_vnkg-vocabulary.nq'], [])
    """
    given_paths = [str(path) for path in paths]
    tasks: list[tuple[str, str | None, bool]] = [(str(Path(p).resolve()), None, local) for p in given_paths]
    return shard_results(zip(given_paths, _prepared(tasks, jobs), strict=True), folder, progress)


def shard_results(results: Iterable[tuple[str, Prepared | None | Failure]], folder: Path,
                  progress: Callable[[str], None] | None = None) -> Shards:
    """``write_shards`` from reports extracted already: (path as given, what ``prepare`` made of it)."""
    folder.mkdir(parents=True, exist_ok=True)
    shards = Shards()
    names: dict[str, Counter[str]] = {}
    for given, prepared in results:
        if isinstance(prepared, Failure):
            shards.failed.append((given, prepared.reason))
        elif prepared is not None:
            graph = report_graph(prepared.path, prepared.doc_id)
            target = folder / f"{graph.rsplit('/', 1)[-1]}.nq"
            target.write_text(_quads(prepared.ntriples, graph), encoding="utf-8")
            shards.reports.append(target)
            for entity, name in prepared.names.items():
                names.setdefault(entity, Counter())[name] += 1
        if progress is not None:
            progress(given)
    shards.labels = folder / LABELS_SHARD
    with shards.labels.open("w", encoding="utf-8") as out:
        for entity in sorted(names):
            out.write(_quads(label_triples(entity, choose_label(names[entity])) + "\n", label_graph(entity)))
    shards.vocabulary = folder / VOCABULARY_SHARD
    shards.vocabulary.write_text(_quads(_vocabulary_triples(), GRAPH_VOCABULARY), encoding="utf-8")
    return shards


def _quads(ntriples: str, graph: str) -> str:
    """N-Triples into N-Quads of one graph: each line is one triple ending in " ." (newlines in
    literals are escaped in N-Triples), so the graph goes before that end.

    >>> _quads('<urn:a> <urn:b> "c ." .\\n', "urn:g")
    '<urn:a> <urn:b> "c ." <urn:g> .\\n'
    """
    lines = []
    for line in ntriples.splitlines():
        line = line.rstrip()
        if line and not line.startswith("#"):
            lines.append(f"{line[:-1].rstrip()} <{graph}> .\n")
    return "".join(lines)


def _vocabulary_triples() -> str:
    """The zone types and units, as ``ingest`` writes them once per store."""
    import rdflib

    from ..vocab import ontology_dir

    graph = rdflib.Graph()
    for name in ("zone-types.ttl", "units.ttl"):
        graph.parse(ontology_dir() / name, format="turtle")
    return graph.serialize(format="nt")
