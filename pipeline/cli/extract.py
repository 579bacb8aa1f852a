"""The ``vnkg extract`` command: reports in, RDF out, without a store."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import fail

if TYPE_CHECKING:
    from .. import Extraction

__all__ = ["extract", "COMMANDS"]

_FORMAT_NAMES = ["turtle", "nt", "jsonld", "trig", "nquads", "rdfxml"]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(_FORMAT_NAMES), default="turtle", show_default=True,
              help="RDF format to write.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one DIR/<stem>.<ext> per input instead of all graphs to standard output.")
@click.option("--for-store", is_flag=True,
              help="With --format nquads --output-dir: write what vnkg ingest would put in a store, for its bulk "
                   "loader: DIR/<graph id>.nq per report, _vnkg-labels.nq, _vnkg-vocabulary.nq. FILES may be "
                   "folders and globs.")
@click.option("--for-server", is_flag=True, help="With --for-store: shape the graphs for a SPARQL server, as "
                                                 "ingest --endpoint does (a report's file name, not its path).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="With --for-store: worker processes extracting reports in parallel.")
@click.option("--cluster", metavar="ADDRESS", envvar="VNKG_CLUSTER",
              help="With --for-store: extract on a Dask cluster, e.g. tcp://10.0.0.5:8786 (see vnkg ingest).")
def extract(files: tuple[Path, ...], fmt: str, output_dir: Path | None, for_store: bool, for_server: bool,
            jobs: int, cluster: str | None) -> None:
    """Extract the knowledge graph of each report FILE (.txt, .html, .docx, .pdf).

    Without --output-dir the graphs of all FILES go to standard output
    together (TriG and N-Quads keep one named graph per report). A file that
    cannot be read is reported on standard error with the reason; the others
    are still extracted, and the exit status is 1.
    """
    from ..formats import RDF_FORMATS, serialise, write_rdf

    if for_store or for_server or cluster:
        _store_shards(files, fmt, output_dir, for_server, jobs, cluster)
        return
    files = tuple(dict.fromkeys(files))  # a file named twice is extracted once
    if output_dir is not None:
        _refuse_shared_targets(files, output_dir, RDF_FORMATS[fmt].suffix)
    failed = []
    results = []
    for path in files:
        ex = _extracted(path)
        if ex is None:
            failed.append(path)
            continue
        if output_dir is not None:
            output_dir.mkdir(parents=True, exist_ok=True)
            target = output_dir / (path.stem + RDF_FORMATS[fmt].suffix)
            with target.open("wb") as out:
                write_rdf([ex], fmt, out)
            click.echo(f"vnkg: wrote {target} ({len(ex.triples):,} triples)", err=True)
        else:
            results.append(ex)
    if output_dir is None and results:
        click.echo(serialise(results, fmt), nl=False)
        triples = sum(len(ex.triples) for ex in results)
        click.echo(f"vnkg: wrote {len(results)} report graph(s), {triples:,} triples, as {fmt} to standard output",
                   err=True)
    if failed:
        fail(f"{len(failed)} of {len(files)} file(s) failed")


COMMANDS = [extract]


def _store_shards(files: tuple[Path, ...], fmt: str, output_dir: Path | None, for_server: bool, jobs: int,
                  cluster: str | None) -> None:
    """``extract --for-store``: the N-Quads shards of ``pipeline.store.bulk``, extracted here or on a cluster."""
    from ..store import ClusterOptions, StoreError, expand_paths
    from ..store.bulk import shard_results, write_shards
    from ..store.cluster import extract_on_cluster
    from .common import Progress

    if fmt != "nquads" or output_dir is None:
        fail("--for-store writes N-Quads shards: give --format nquads and --output-dir DIR")
    if cluster and jobs > 1:
        fail("give --jobs or --cluster, not both")
    paths = expand_paths(str(f) for f in files)
    with Progress("extracting", total=len(paths)) as tick:
        try:
            if cluster:
                results = extract_on_cluster(paths, ClusterOptions(cluster), local=not for_server)
                shards = shard_results(results, output_dir, progress=tick)
            else:
                shards = write_shards(paths, output_dir, local=not for_server, jobs=jobs, progress=tick)
        except StoreError as exc:
            fail(str(exc))
    for path, reason in shards.failed:
        click.echo(f"vnkg: {path}: {reason}", err=True)
    click.echo(f"vnkg: {len(shards.reports)} report shard(s), labels and vocabulary in {output_dir}", err=True)
    if shards.failed:
        fail(f"{len(shards.failed)} of {len(paths)} file(s) failed")


def _extracted(path: Path) -> Extraction | None:
    """The extraction of one file, or None once one line on standard error has said why not: the
    other files are still extracted, whatever went wrong with this one."""
    from .. import extract_path
    from ..s1_read import ReadError

    try:
        return extract_path(path)
    except ReadError as exc:
        reason = str(exc)
    except MemoryError:
        reason = "out of memory while extracting it"
    except Exception as exc:  # a bug met on one report
        if os.environ.get("VNKG_DEBUG"):
            raise
        reason = f"internal error: {type(exc).__name__}: {exc} (set VNKG_DEBUG=1 for the traceback)"
    click.echo(f"vnkg: {path}: {reason}", err=True)
    return None


def _refuse_shared_targets(files: tuple[Path, ...], output_dir: Path, suffix: str) -> None:
    """Stop before extracting when two inputs would be written to one output file."""
    targets: dict[Path, list[Path]] = {}
    for path in files:
        targets.setdefault(output_dir / (path.stem + suffix), []).append(path)
    shared = {target: paths for target, paths in targets.items() if len(paths) > 1}
    for target, paths in shared.items():
        click.echo(f"vnkg: {', '.join(map(str, paths))}: would all be written to {target}; rename them or "
                   "extract them to different --output-dir", err=True)
    if shared:
        fail(f"nothing extracted: {sum(map(len, shared.values()))} file(s) share an output name")
