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
    from ..store.names import Entity
    from ..view_cache import CachedView

__all__ = ["fail", "usage", "run_guarded", "store_options", "table_options", "opened_store", "cached_view",
           "print_table", "fit_rows", "store_location", "choose", "Progress"]

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


def usage(message: str) -> NoReturn:
    """Stop on a command line that does not make sense: Click's usage message and exit status 2.

    Examples
    --------
    >>> usage("give one query")
    Traceback (most recent call last):
    click.exceptions.UsageError: give one query
    """
    raise click.UsageError(message)


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


def table_options(fn: F) -> F:
    """--limit / --max-width / --output, shared by the commands that print tables."""
    fn = click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
                      help="Write the result to this file instead of standard output.")(fn)
    fn = click.option("--max-width", type=click.IntRange(20, 10_000), default=None,
                      help="Width of a table in characters, long cells cut with … (default: the terminal's "
                           "width on a terminal, whole cells when piped).")(fn)
    fn = click.option("--limit", type=click.IntRange(1, None), default=None,
                      help="Print at most this many rows.")(fn)
    return fn


@contextmanager
def opened_store(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, *, write: bool = False,
                 wait: float = 30.0, failing: str = "") -> Iterator[GraphStore]:
    """The store the options name, open for a block and closed after it; a
    ``StoreError`` raised in the block ends the command with one line
    (prefixed by ``failing``)."""
    from ..store import StoreError, open_store

    try:
        store = open_store(store_location(store_dir, endpoint, endpoint_kind), write=write, wait=wait)
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


def cached_view(store_dir: Path | None, endpoint: str | None, endpoint_kind: str, doing: str) -> CachedView:
    """The store's graph view and names (``pipeline.view_cache``): from the cache without opening the store
    when the store's files have not changed since the cache was last found current, else from the cache
    checked against the store (patched or made, with progress saying ``doing``)."""
    from ..view_cache import cached_view as checked_view
    from ..view_cache import current_view, files_stamp

    folder = None if endpoint else store_location(store_dir, endpoint, endpoint_kind).path
    files = files_stamp(folder) if folder else ""
    known = current_view(folder, files) if folder else None
    if known is not None:
        return known
    with opened_store(store_dir, endpoint, endpoint_kind) as store, Progress(doing) as tick:
        return checked_view(store, tick, files)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[str]], limit: int | None = None,
                max_width: int | None = None, output: Path | None = None) -> None:
    """A table: fitted to the terminal (or to ``max_width``), at most ``limit`` rows (how many
    were left out said on standard error), to ``output`` when given; piped, plain aligned columns.

    Examples
    --------
    >>> print_table(["zone", "ha"], [["Hòa Lạc", "1586"], ["Nghi Sơn", "106000"]])
    zone      ha
    --------  ------
    Hòa Lạc   1586
    Nghi Sơn  106000
    """
    if limit is not None and len(rows) > limit:
        click.echo(f"vnkg: {len(rows) - limit} more row(s) not shown (--limit {limit})", err=True)
        rows = rows[:limit]
    terminal = output is None and sys.stdout.isatty()
    if terminal and max_width is None:
        import shutil

        max_width = shutil.get_terminal_size().columns
    lines = fit_rows(columns, rows, max_width)
    if output is not None:
        output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        click.echo(f"vnkg: wrote {len(rows)} row(s) to {output}", err=True)
        return
    for line in lines:
        click.echo(line)


def fit_rows(columns: Sequence[str], rows: Sequence[Sequence[str]], max_width: int | None = None) -> list[str]:
    """The lines of a plain table whose lines are at most ``max_width`` characters: the widest
    columns give up room first, a cell cut short ends with "…"; a cell's line breaks become spaces.

    Examples
    --------
    >>> for line in fit_rows(["name", "sentence"], [["Hòa Lạc", "Khu công nghệ cao Hòa Lạc có 111 dự án."]], 30):
    ...     print(line)
    name     sentence
    -------  ---------------------
    Hòa Lạc  Khu công nghệ cao Hò…
    """
    table = [[" ".join(str(c).split()) for c in r] for r in (columns, *rows)]
    widths = [max(len(r[i]) for r in table) for i in range(len(columns))]
    if max_width is not None:
        room = max_width - 2 * (len(columns) - 1)
        while sum(widths) > room and max(widths) > 4:
            widest = widths.index(max(widths))
            widths[widest] -= max(1, min(sum(widths) - room, widths[widest] - sorted(widths)[-2] or 1))
    cut = [[c if len(c) <= w else c[:w - 1] + "…" for c, w in zip(r, widths, strict=True)] for r in table]
    cut.insert(1, ["-" * w for w in widths])
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cut]


def choose(candidates: Sequence[Entity], name: str) -> str:
    """The IRI of the entity meant among several named like ``name``: asked on a terminal;
    otherwise the candidates are listed and the command stops (exit 1)."""
    shown = candidates[:20]
    lines = [f"{i}. {e.label} ({e.kind}, {e.reports} report(s)) {e.iri}" for i, e in enumerate(shown, 1)]
    if sys.stdin.isatty() and sys.stdout.isatty():
        click.echo(f"{len(candidates)} entities are named like {name!r}:")
        click.echo("\n".join(lines))
        picked = click.prompt("Which one", type=click.IntRange(1, len(shown)), default=1)
        return shown[picked - 1].iri
    click.echo(f"vnkg: {len(candidates)} entities are named like {name!r}; give one's IRI (or more of its name):",
               err=True)
    click.echo("\n".join("  " + line for line in lines), err=True)
    sys.exit(1)


class Progress:
    """Progress of a long command: on a terminal a bar when the ``total`` is known (else a
    spinner counting ``unit``); elsewhere a plain line on standard error every ``every`` seconds.
    Entering gives a tick function: each call counts one item; an item that is a phrase (not an
    IRI) also says what the command is doing now ("laying out 812 nodes").

    Examples
    --------
    >>> with Progress("ingesting", total=3, every=0) as tick:  # standard error is not a terminal here
    ...     tick("a.txt")  # stderr: vnkg: ingesting: 1/3 graphs (0 s)
    """

    def __init__(self, what: str, total: int | None = None, unit: str = "graphs", every: float = 5.0):
        self.what = what
        self.total = total
        self.unit = unit
        self.every = every
        self.bar: RichProgress | None = None

    def __enter__(self) -> Callable[[Any], None]:
        import time

        start = last = time.monotonic()
        done = 0
        if not sys.stderr.isatty():
            def log(item: Any) -> None:
                nonlocal done, last
                now = time.monotonic()
                phrase = isinstance(item, str) and " " in item
                done += not phrase
                if phrase or now - last >= self.every:
                    last = now
                    count = f"{done}/{self.total} {self.unit}" if self.total else f"{done} {self.unit}"
                    if phrase:  # a command that counts nothing yet only says what it does
                        count = f"{count} ({item})" if done or self.total else item
                    click.echo(f"vnkg: {self.what}: {count} ({now - start:.0f} s)", err=True)
            return log
        from rich.progress import Progress as RichProgress
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        if self.total is None:
            bar = RichProgress(SpinnerColumn(), TextColumn(f"{{task.description}} {{task.completed}} {self.unit}"),
                               TimeElapsedColumn(), transient=True)
        else:
            bar = RichProgress(*RichProgress.get_default_columns(), TimeElapsedColumn(), transient=True)
        bar.start()
        task = bar.add_task(self.what, total=self.total)
        self.bar = bar

        def advance(item: Any) -> None:
            if isinstance(item, str) and " " in item:
                bar.update(task, description=f"{self.what}: {item}")
            else:
                bar.advance(task)
        return advance

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


def store_location(store_dir: Path | None, endpoint: str | None, endpoint_kind: str) -> Location:
    """Where the store options point (both --store and --endpoint: a usage error)."""
    from ..store import Location, default_location

    if endpoint and store_dir:
        usage("give --store or --endpoint, not both")
    if endpoint:
        return Location(endpoint=endpoint, kind=endpoint_kind)
    return Location(path=store_dir) if store_dir else default_location()
