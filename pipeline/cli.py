"""The ``vnkg`` command: a thin layer over the library; errors become one-line messages."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

__all__ = ["main", "cli", "fail"]

_FORMAT_NAMES = ["turtle", "nt", "jsonld", "trig", "nquads"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vnkg", prog_name="vnkg")
def cli():
    """vnkg: turn Vietnamese government and conference reports into a knowledge graph."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(_FORMAT_NAMES), default="turtle", show_default=True,
              help="RDF format to write.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one DIR/<stem>.<ext> per input instead of all graphs to standard output.")
def extract(files, fmt, output_dir):
    """Extract the knowledge graph of each report FILE (.txt, .html, .docx, .pdf).

    Without --output-dir the graphs of all FILES go to standard output
    together (TriG and N-Quads keep one named graph per report). A file that
    cannot be read is reported on standard error with the reason; the others
    are still extracted, and the exit status is 1.
    """
    from . import extract_path
    from .formats import RDF_FORMATS, serialise, write_rdf
    from .s1_read import ReadError

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
                write_rdf([(ex.document.id, ex.graph)], fmt, out)
        else:
            results.append((ex.document.id, ex.graph))
    if output_dir is None and results:
        click.echo(serialise(results, fmt), nl=False)
    if failed:
        click.echo(f"vnkg: {len(failed)} of {len(files)} file(s) failed", err=True)
        sys.exit(1)


def fail(message: str) -> None:
    """Stop with one line on standard error and exit status 1."""
    click.echo(f"vnkg: {message}", err=True)
    sys.exit(1)


def main() -> None:
    """Entry point: run the CLI, turning unexpected OS errors into one line."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("vnkg: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:
        click.echo(f"vnkg: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if os.environ.get("VNKG_DEBUG"):
            raise
        click.echo(f"vnkg: internal error: {type(exc).__name__}: {exc} (set VNKG_DEBUG=1 for the traceback)", err=True)
        sys.exit(2)


from . import cli_store  # noqa: E402,F401  (the store commands register on import)
from . import cli_views  # noqa: E402,F401  (the viewing commands register on import)
