"""The ``vnkg extract`` command: reports in, RDF out, without a store."""
from __future__ import annotations

from pathlib import Path

import click

from .common import fail

__all__ = ["extract", "COMMANDS"]

_FORMAT_NAMES = ["turtle", "nt", "jsonld", "trig", "nquads"]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(_FORMAT_NAMES), default="turtle", show_default=True,
              help="RDF format to write.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one DIR/<stem>.<ext> per input instead of all graphs to standard output.")
def extract(files: tuple[Path, ...], fmt: str, output_dir: Path | None) -> None:
    """Extract the knowledge graph of each report FILE (.txt, .html, .docx, .pdf).

    Without --output-dir the graphs of all FILES go to standard output
    together (TriG and N-Quads keep one named graph per report). A file that
    cannot be read is reported on standard error with the reason; the others
    are still extracted, and the exit status is 1.
    """
    from .. import extract_path
    from ..formats import RDF_FORMATS, serialise, write_rdf
    from ..s1_read import ReadError

    failed = []
    results = []
    for path in files:
        try:
            ex = extract_path(path)
        except ReadError as exc:
            click.echo(f"vnkg: {path}: {exc}", err=True)
            failed.append(path)
            continue
        if output_dir is not None:
            output_dir.mkdir(parents=True, exist_ok=True)
            target = output_dir / (path.stem + RDF_FORMATS[fmt].suffix)
            with target.open("wb") as out:
                write_rdf([ex], fmt, out)
        else:
            results.append(ex)
    if output_dir is None and results:
        click.echo(serialise(results, fmt), nl=False)
    if failed:
        fail(f"{len(failed)} of {len(files)} file(s) failed")


COMMANDS = [extract]
