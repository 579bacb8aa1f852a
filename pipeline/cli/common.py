"""What every vnkg command shares: store options, opening the store, errors, tables and progress."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

    from ..store import GraphStore, Location

__all__ = ["fail", "run_guarded", "store_options", "opened_store", "print_table", "Progress"]

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Stop with one line on standard error and exit status 1.

    Examples
    --------
    >>> fail("no such report")
    Traceback (most recent call last):
    SystemExit: 1
    """
    click.echo(f"vnkg: {message}", err=True)
    sys.exit(1)


def run_guarded(command: click.Command, args: list[str] | None = None) -> None:
    """Run ``command`` as a program on ``args`` (default: the command line): an interruption,
    an OS error or a bug becomes one line on standard error and a non-zero exit (the
    traceback only with ``VNKG_DEBUG=1``).

    Examples
    --------
    >>> @click.command()
    ... def broken():
    ...     raise ValueError("oops")
    >>> run_guarded(broken, [])  # stderr: vnkg: internal error: ValueError: oops (set VNKG_DEBUG=1 ...)
    Traceback (most recent call last):
    SystemExit: 2
    """
    try:
        command.main(args, standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("vnkg: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"vnkg: {where}{exc.strerror or exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if os.environ.get("VNKG_DEBUG"):
            raise
        click.echo(f"vnkg: internal error: {type(exc).__name__}: {exc} (set VNKG_DEBUG=1 for the traceback)", err=True)
        sys.exit(2)


def store_options(fn: F) -> F:
    """--store / --endpoint / --endpoint-kind, shared by every store command."""
    fn = click.option("--endpoint-kind", type=click.Choice(["oxigraph", "fuseki", "graphdb", "virtuoso"]),
                      default="oxigraph", show_default=True, envvar="VNKG_ENDPOINT_KIND",
                      help="URL layout of the SPARQL server given by --endpoint.")(fn)
    fn = click.option("--endpoint", metavar="URL", envvar="VNKG_ENDPOINT",
                      help="Use a SPARQL 1.1 server instead of a folder (or set VNKG_ENDPOINT).")(fn)
    fn = click.option("--store", "store_dir", type=click.Path(path_type=Path), envvar="VNKG_STORE",
                      help="Store folder (or set VNKG_STORE; default output/store).")(fn)
    return fn


@contextmanager
def opened_store(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, *, write: bool = False,
                 wait: float = 30.0, failing: str = "") -> Iterator[GraphStore]:
    """The store the options name, open for a block and closed after it; a
    ``StoreError`` raised in the block ends the command with one line
    (prefixed by ``failing``)."""
    from ..store import StoreError, open_store

    try:
        store = open_store(_location(store_dir, endpoint, endpoint_kind), write=write, wait=wait)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except StoreError as exc:
        _close_quietly(store)  # closing fails the same way (a full disk): said once
        fail(f"{failing}{exc}")
    except BaseException:
        _close_quietly(store)
        raise
    try:
        store.close()
    except StoreError as exc:
        fail(str(exc))


def print_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table fitted to the terminal (rich); piped, plain aligned columns, one row per line.

    Examples
    --------
    >>> print_table(["zone", "ha"], [["Hòa Lạc", "1586"], ["Nghi Sơn", "106000"]])
    zone      ha
    --------  ------
    Hòa Lạc   1586
    Nghi Sơn  106000
    """
    if not sys.stdout.isatty():  # rich takes longer to import than a small query takes to run
        widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
        for line in (columns, ["-" * w for w in widths], *rows):
            click.echo("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


class Progress:
    """Progress on a terminal, silence elsewhere: a bar when the ``total`` is known (and at
    least 2), else a spinner counting ``unit``; entering gives a tick function or None.

    Examples
    --------
    >>> with Progress("ingesting", total=3) as tick:  # standard error is not a terminal here
    ...     tick is None
    True
    """

    def __init__(self, what: str, total: int | None = None, unit: str = "graphs"):
        self.what = what
        self.total = total
        self.unit = unit
        self.bar: RichProgress | None = None

    def __enter__(self) -> Callable[[Any], None] | None:
        if not sys.stderr.isatty() or (self.total is not None and self.total < 2):
            return None
        from rich.progress import Progress as RichProgress
        from rich.progress import SpinnerColumn, TextColumn

        if self.total is None:
            bar = RichProgress(SpinnerColumn(), TextColumn(f"{{task.description}} {{task.completed}} {self.unit}"),
                               transient=True)
        else:
            bar = RichProgress(transient=True, console=None)
        bar.start()
        task = bar.add_task(self.what, total=self.total)
        self.bar = bar
        return lambda _item: bar.advance(task)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()


def _close_quietly(store: GraphStore) -> None:
    from ..store import StoreError

    try:
        store.close()
    except StoreError:
        pass


def _location(store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> Location:
    from ..store import Location, default_location

    if endpoint and store_dir:
        fail("give --store or --endpoint, not both")
    if endpoint:
        return Location(endpoint=endpoint, kind=endpoint_kind)
    return Location(path=store_dir) if store_dir else default_location()
