"""Ingest reports into a store, each in its own named graph, and take them out again."""
from __future__ import annotations

import glob
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..fingerprint import extractor_fingerprint
from ..vocab import GRAPH_VOCABULARY, expand, prologue, report_graph
from .base import GraphStore, StoreError
from .labels import CANONICAL, ENTITY_CLASSES, LABEL_WORD, label_changes, label_words
from .persons import NAME_KEY, PersonEvidence, ReportContext, current_provinces, report_persons, settle_persons

if TYPE_CHECKING:
    from ..terms import TripleTerms

__all__ = ["IngestReport", "Prepared", "Failure", "Selection", "expand_paths", "select_files", "ingest", "remove",
           "prepare"]

# Reports written between two flushes of the store (``GraphStore.flush``): memory stays flat.
FLUSH_EVERY = 50

_CATALOG = prologue("schema", "vnkg") + """SELECT ?g ?path ?hash ?with WHERE { GRAPH ?g {
  ?r a schema:Report ; vnkg:sourcePath ?path ; vnkg:contentHash ?hash OPTIONAL { ?r vnkg:extractedWith ?with } } }"""
# What a report another vnkg extracted is stored under, for ``prepare``: its hash matches no text.
_STALE = "stale:"


@dataclass
class IngestReport:
    """What an ingest did, file by file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
                f"{len(self.failed)} failed")


@dataclass
class Prepared:
    """A report extracted and ready to write: its graph's N-Triples and its entities' names."""

    path: str
    doc_id: str
    ntriples: str
    names: dict[str, str]
    persons: list[PersonEvidence] = field(default_factory=list)
    context: ReportContext = field(default_factory=ReportContext)


def expand_paths(args: Iterable[str], include: Iterable[str] = ()) -> list[Path]:
    """Files named by ``args`` (see ``select_files``)."""
    return select_files(args, include).files


@dataclass
class Selection:
    """The files an ingest reads, and those a folder held that it left alone (not a report's type)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def select_files(args: Iterable[str], include: Iterable[str] = ()) -> Selection:
    """Files named by ``args``: files as they are, globs expanded, folders searched for the types
    vnkg reads (.txt, .html, .docx, .pdf…) and the names matching an ``include`` glob ("*.md").

    A glob that matches nothing stays in the list as written, so reading it
    fails with a clear message; a file named on its own is always read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a.txt", "b.ttl", "c.md", ".hidden.txt"):
    ...     _ = (folder / name).write_text("x")
    >>> picked = select_files([str(folder)], include=["*.md"])
    >>> [p.name for p in picked.files], [p.name for p in picked.skipped]
    (['a.txt', 'c.md'], ['b.ttl'])
    """
    from fnmatch import fnmatch

    from ..s1_formats import READERS

    patterns = list(include)
    selection = Selection()
    for arg in args:
        path = Path(arg)
        if any(c in arg for c in "*?["):
            found = sorted(glob.glob(arg, recursive=True))
            selection.files += [Path(f) for f in found if Path(f).is_file()] or [path]
        elif path.is_dir():
            for f in sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")):
                wanted = (f.suffix and f.suffix.lower() in READERS) or any(fnmatch(f.name, p) for p in patterns)
                (selection.files if wanted else selection.skipped).append(f)
        else:
            selection.files.append(path)
    return selection


def prepare(path: str, stored_hash: str | None = None, local: bool = True) -> Prepared | None:
    """Read and extract one report and shape its graph for a store (runs in worker processes).

    Returns None when the report's content hash is ``stored_hash``: it is in
    the store already, unchanged, and extracted by this vnkg (``stored_reports``
    gives a report another vnkg extracted a hash no text has). The report's node
    carries ``vnkg:extractedWith``, the fingerprint of this vnkg. An entity's preferred label moves to
    ``skos:altLabel`` and ``vnkg:canonicalName``: the store keeps one
    preferred label per entity, chosen over every report
    (``pipeline.store.labels``). For a store that is not ``local`` (a
    server), the report's path is its file name alone: where it lies on this
    machine stays here (its graph's IRI, a hash of the path, still tells
    reports apart).
    """
    import pyoxigraph as ox

    from .. import extract_document
    from ..s1_read import read_path
    from ..terms import namespaces

    document = read_path(path)
    if document.id == stored_hash:
        return None
    ex = extract_document(document)
    ns = namespaces()
    rdf_type, pref, alt, concept = ns["rdf"].type, ns["skos"].prefLabel, ns["skos"].altLabel, ns["skos"].Concept
    triples = dict.fromkeys(ex.triples)  # the mention nodes' triples too (made as they are read)
    concepts = {s for s, p, o in triples if p == rdf_type and o == concept}  # kept once, in the vocabulary graph
    if concepts:
        triples = {t: None for t in triples if t[0] not in concepts}
    if not local:
        source = ns["vnkg"].sourcePath
        triples = {((s, p, ox.Literal(Path(o.value).name)) if p == source else (s, p, o)): None
                   for s, p, o in triples}
    report_node = next(s for s, p, o in triples if p == rdf_type and o == ns["schema"].Report)
    triples[(report_node, ns["vnkg"].extractedWith, ox.Literal(extractor_fingerprint()))] = None
    persons, context = _persons(triples, ex.linked.locality.province)
    canonical = ox.NamedNode(CANONICAL)
    entity_classes = {ox.NamedNode(c) for c in ENTITY_CLASSES}
    entities = {s for s, p, o in triples if p == rdf_type and o in entity_classes}
    names = {}
    shaped: dict[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal], None] = {}
    label_word = ox.NamedNode(LABEL_WORD)
    for s, p, o in triples:
        if p == pref and s in entities:
            shaped[(s, alt, o)] = shaped[(s, canonical, o)] = None
            names[s.value] = o.value
        else:
            shaped[(s, p, o)] = None
            if p == pref:  # a label of this report alone (an indicator's): indexed here
                for word in label_words(o.value):
                    shaped[(s, label_word, ox.Literal(word))] = None
    ntriples = ox.serialize((ox.Triple(*t) for t in shaped), format=ox.RdfFormat.N_TRIPLES) or b""
    return Prepared(path, ex.document.id, ntriples.decode("utf-8"), names, persons, context)


def _persons(triples: dict[TripleTerms, None], province: str | None) -> tuple[list[PersonEvidence], ReportContext]:
    """``persons.report_persons`` of a report's triples: given an rdflib graph of the few triples it reads
    (types of persons and bodies, preferred and canonical labels, posts with their dates and whether
    former, jurisdictions, administrative codes); the name keys it adds join ``triples``."""
    import pyoxigraph as ox
    from rdflib import URIRef

    from ..report_triples import ReportTriples
    from ..terms import namespaces, to_ox

    ns = namespaces()
    rdf_type = ns["rdf"].type
    kinds = {ns["schema"].Person, ns["org"].Organization}
    vnkg = ns["vnkg"]
    read = {ns["skos"].prefLabel, ns["org"].holds, ns["org"].postIn, vnkg.jurisdiction, vnkg.canonicalName,
            vnkg.reportDate, vnkg.former, vnkg.adminCode, vnkg.mention, vnkg.sentence, vnkg.surface}
    wanted = ReportTriples({t: None for t in triples if t[1] in read or (t[1] == rdf_type and t[2] in kinds)})
    graph = wanted.to_rdflib()
    found = report_persons(graph, province)
    name_key = ox.NamedNode(NAME_KEY)
    for triple in to_ox(graph.triples((None, URIRef(NAME_KEY), None))):
        triples[(triple[0], name_key, triple[2])] = None
    return found


def ingest(store: GraphStore, paths: Iterable[str | Path], jobs: int = 1,
           progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest report files; an unchanged report is skipped, a changed one replaced.

    Each report is written in one transaction (on an embedded store): its
    graph, the removal of the graph it replaces and the label changes it
    brings. ``jobs`` > 1 extracts in that many worker processes; writing stays
    in this one.
    """
    report = IngestReport()
    stored = stored_reports(store)
    local = store.location.endpoint is None
    todo = [(str(path), str(Path(path).resolve())) for path in paths]
    prepared_all = _prepared([(a, stored.get(report_graph(a, "")), local) for _, a in todo], jobs)
    for written, (given, absolute) in enumerate(todo, 1):
        # taken with next(), not zipped: zip keeps its first result tuple, so the first report stayed alive
        record(store, report, stored, given, absolute, next(prepared_all))
        _tick(progress, given)
        if written % FLUSH_EVERY == 0:
            store.flush()
    return report


def stored_reports(store: GraphStore) -> dict[str, str]:
    """The vocabulary and the label index made sure of, then each stored report's graph and content
    hash (by graph: a hash of the path)."""
    _vocabulary(store)
    _label_index(store)
    current = extractor_fingerprint()
    return {row["g"]: row["hash"] if row.get("with") == current else _STALE + row["hash"]
            for row in store.select(_CATALOG)}


def record(store: GraphStore, report: IngestReport, stored: dict[str, str], given: str, absolute: str,
           prepared: Prepared | None | Failure) -> None:
    """One extracted report settled: written (added or replacing its graph), unchanged, or failed."""
    replacing = report_graph(absolute, "") in stored
    if isinstance(prepared, Failure):
        report.failed.append((given, prepared.reason))
    elif prepared is None:
        report.unchanged.append(given)
    else:
        _write(store, prepared, replacing=replacing)
        (report.replaced if replacing else report.added).append(absolute)


def remove(store: GraphStore, doc: str) -> list[str]:
    """Take a report out: ``doc`` is the path it was ingested from or its content hash.

    Returns the paths removed; raises ``StoreError`` when nothing matches.
    """
    absolute = str(Path(doc).resolve())
    graph = report_graph(absolute, "")
    rows = [r for r in store.select(_CATALOG) if graph == r["g"] or absolute == r["path"] or r["hash"] == doc]
    if not rows:
        raise StoreError(f"{doc}: no such report in {store.location}")
    graphs = {r["g"] for r in rows}
    affected = _entities_in(store, graphs)
    store.write(sorted(graphs), None, "", label_changes(store, affected, graphs, {}))
    return sorted({r["path"] for r in rows})


def _write(store: GraphStore, prepared: Prepared, replacing: bool) -> None:
    prepared = _settled(store, prepared)
    graph = report_graph(prepared.path, prepared.doc_id)
    leaving = {graph} if replacing else set()
    affected = set(prepared.names) | (_entities_in(store, leaving) if leaving else set())
    store.write(sorted(leaving), graph, prepared.ntriples, label_changes(store, affected, leaving, prepared.names))


def _settled(store: GraphStore, prepared: Prepared) -> Prepared:
    """The report with each of its persons on the node of the store it is (``pipeline.store.persons``)."""
    moves = settle_persons(store, prepared.persons, prepared.context, current_provinces())
    if not moves:
        return prepared
    pattern = re.compile("|".join(re.escape(f"<{iri}>") for iri in sorted(moves)))
    ntriples = pattern.sub(lambda m: f"<{moves[m.group(0)[1:-1]]}>", prepared.ntriples)
    names = {moves.get(iri, iri): name for iri, name in prepared.names.items()}
    return Prepared(prepared.path, prepared.doc_id, ntriples, names, prepared.persons, prepared.context)


def _vocabulary(store: GraphStore) -> None:
    """The zone types and units, once per store, in their own graph."""
    (row,) = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_VOCABULARY}> {{ ?s ?p ?o }} }}")
    if int(row["n"]):
        return
    import rdflib

    from ..vocab import ontology_dir

    graph = rdflib.Graph()
    for name in ("zone-types.ttl", "units.ttl"):
        graph.parse(ontology_dir() / name, format="turtle")
    store.write([], GRAPH_VOCABULARY, graph.serialize(format="nt"), {})


def _label_index(store: GraphStore) -> None:
    """A store written before labels had their words (``vnkg:labelWord``) gets them, once, for every
    preferred label of a report's or a label graph, in that graph."""
    from .sparql import sparql_string

    pref = expand("skos:prefLabel")
    if store.select(f"SELECT ?s WHERE {{ ?s <{LABEL_WORD}> ?w }} LIMIT 1") or not store.select(
            f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s <{pref}> ?l }} FILTER(?g != <{GRAPH_VOCABULARY}>) }} LIMIT 1"):
        return
    rows = store.select(f"SELECT ?g ?s ?l WHERE {{ GRAPH ?g {{ ?s <{pref}> ?l }} FILTER(?g != <{GRAPH_VOCABULARY}>) }}")
    by_graph: dict[str, list[str]] = {}
    for row in rows:
        if {"g", "s", "l"} <= row.keys():
            by_graph.setdefault(row["g"], []).extend(
                f"<{row['s']}> <{LABEL_WORD}> {sparql_string(w)} ." for w in label_words(row["l"]))
    for graph, lines in by_graph.items():
        if lines:
            store.write([], graph, "\n".join(lines), {})


def _entities_in(store: GraphStore, graphs: set[str]) -> set[str]:
    found = set()
    for g in graphs:
        query = f"SELECT DISTINCT ?e WHERE {{ GRAPH <{g}> {{ ?e <{CANONICAL}> ?n }} }}"
        found |= {row["e"] for row in store.select(query)}
    return found


@dataclass(frozen=True)
class Failure:
    """Why a report could not be extracted: a ReadError's message, or what went wrong past reading."""

    reason: str


def _prepared(tasks: list[tuple[str, str | None, bool]], jobs: int) -> Iterator[Prepared | None | Failure]:
    """For each (path, stored hash): its Prepared, None when unchanged, or the Failure that stopped it;
    in the order given. Workers read the files too, so the writing process only writes."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield _safe_prepare(task)
        return
    yield from _in_workers(tasks, jobs)


def _in_workers(tasks: list[tuple[str, str | None, bool]], jobs: int) -> Iterator[Prepared | None | Failure]:
    """``_prepared`` in worker processes, a few reports ahead of the one written. A worker that
    dies (killed, out of memory) takes the pool down with the reports it held: each of those is
    read again alone, so the one that kills its worker fails and the others are stored."""
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    while done < len(tasks):
        ahead: dict[int, Future[Prepared | None | Failure]] = {}
        suspects: list[int] = []
        pool = ProcessPoolExecutor(max_workers=jobs)
        queued = done
        try:
            while done < len(tasks):
                while queued < len(tasks) and queued - done < 4 * jobs:
                    ahead[queued] = pool.submit(_safe_prepare, tasks[queued])
                    queued += 1
                ahead[done].result()  # waits for it (a worker's death raises here)
                done += 1
                yield ahead.pop(done - 1).result()  # held by no name here while the writer writes it
        except BrokenProcessPool:
            suspects = sorted(ahead)
        finally:  # also when the writer stops (a full disk): the reports read ahead are not waited for
            pool.shutdown(wait=True, cancel_futures=True)
        for i in suspects:
            finished = ahead[i]
            if finished.done() and finished.exception() is None:
                yield finished.result()
            else:
                yield _alone(tasks[i])
            done += 1


def _alone(task: tuple[str, str | None, bool]) -> Prepared | None | Failure:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(_safe_prepare, task).result()
        except BrokenProcessPool:
            return Failure("the process reading it died (out of memory, or killed)")


def _safe_prepare(task: tuple[str, str | None, bool]) -> Prepared | None | Failure:
    import os

    from ..s1_read import ReadError

    try:
        return prepare(*task)
    except ReadError as exc:
        return Failure(str(exc))
    except MemoryError:
        return Failure("out of memory while extracting it")
    except Exception as exc:  # a bug met on one report: that report fails, the batch goes on
        if os.environ.get("VNKG_DEBUG"):
            raise
        return Failure(f"internal error: {type(exc).__name__}: {exc} (set VNKG_DEBUG=1 for the traceback)")


def _tick(progress: Callable[[str], None] | None, path: str) -> None:
    if progress is not None:
        progress(path)
