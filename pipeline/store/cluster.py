"""Ingest on a Dask cluster: workers extract batches of reports, this process writes each one to the store."""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..vocab import report_graph
from .base import GraphStore, StoreError
from .ingest import FLUSH_EVERY, Failure, IngestReport, Prepared, _safe_prepare, record, stored_reports

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["ClusterOptions", "ingest_on_cluster", "extract_on_cluster", "extract_batch"]

Task = tuple[str, "str | None", bool]  # (absolute path, its stored content hash, local store?)


@dataclass(frozen=True)
class ClusterOptions:
    """How to use a Dask cluster: its scheduler, reports per task, tasks in flight, patience.

    ``window`` (tasks sent and not yet written) defaults to twice the cluster's
    threads: enough to keep every worker busy while this process writes, few
    enough that a folder of a million reports never sits in memory. A task
    that has not finished ``timeout`` seconds after it was sent is given up
    and its reports are tried again, each alone, once.
    """

    address: str
    batch: int = 8
    window: int | None = None
    timeout: float = 900.0
    connect_timeout: float = 30.0


@dataclass
class _Batch:
    items: list[tuple[str, str, Task]]  # (path as given, absolute path, task)
    attempt: int = 0
    sent: float = field(default_factory=time.monotonic)


def ingest_on_cluster(store: GraphStore, paths: Iterable[str | Path], options: ClusterOptions,
                      progress: Callable[[str], None] | None = None) -> IngestReport:
    """``ingest`` with the extraction on a ``dask.distributed`` cluster; the store is written here.

    Reports go to the workers in batches of ``options.batch`` (as absolute
    paths: every worker must see the files where this process does); each
    report comes back as its graph's N-Triples and is written in one
    transaction as ``ingest`` writes it, in the order the batches finish. A
    batch lost with its worker is sent again by Dask; one that fails anyway
    or times out is tried again report by report, and a report that fails
    twice is named in ``failed``.

    Examples
    --------
    >>> from pipeline.store import ClusterOptions, Location, ingest_on_cluster, open_store
    >>> with open_store(Location(path="output/store"), write=True) as store:  # doctest: +SKIP
    ...     ingest_on_cluster(store, ["news/"], ClusterOptions("tcp://10.0.0.5:8786")).summary()
    '2132 added, 0 replaced, 0 unchanged, 0 failed'
    """
    report = IngestReport()
    client = _connect(options)
    try:
        stored = stored_reports(store)
        local = store.location.endpoint is None
        written = 0
        for given, absolute, prepared in _extracted(client, paths, stored, local, options):
            # not enumerate(): it keeps its first result, and with it the first report, to the end
            record(store, report, stored, given, absolute, prepared)
            del prepared
            written += 1
            _tick(progress, given)
            if written % FLUSH_EVERY == 0:
                store.flush()
    finally:
        client.close()
    return report


def extract_on_cluster(paths: Iterable[str | Path], options: ClusterOptions, *, local: bool = True
                       ) -> Iterator[tuple[str, Prepared | None | Failure]]:
    """Each report extracted on the cluster as ``ingest`` shapes it, as (path as given, result), in the
    order the batches finish: for the bulk path's shards (``pipeline.store.bulk.shard_results``)."""
    client = _connect(options)
    try:
        for given, _, prepared in _extracted(client, paths, {}, local, options):
            yield given, prepared
    finally:
        client.close()


def _extracted(client: Client, paths: Iterable[str | Path], stored: dict[str, str], local: bool,
               options: ClusterOptions) -> Iterator[tuple[str, str, Prepared | None | Failure]]:
    """(path as given, absolute path, result) of each report, batches sent as earlier ones finish."""
    window = options.window or 2 * (sum(client.nthreads().values()) or 1)
    fresh = _batches(paths, stored, local, max(1, options.batch))
    retry: deque[_Batch] = deque()
    in_flight: dict[Future, _Batch] = {}

    def fill() -> None:
        while len(in_flight) < window:
            batch = retry.popleft() if retry else next(fresh, None)
            if batch is None:
                return
            batch.sent = time.monotonic()
            in_flight[client.submit(extract_batch, [task for _, _, task in batch.items], pure=False)] = batch

    def give_up(batch: _Batch, reason: str) -> Iterator[tuple[str, str, Failure]]:
        if batch.attempt == 0:  # each report again, alone: the one at fault fails, the others come back
            retry.extend(_Batch([item], attempt=1) for item in batch.items)
            return
        for given, absolute, _ in batch.items:
            yield given, absolute, Failure(f"{reason} (tried twice)")

    fill()
    while in_flight:
        for future in _first_done(client, list(in_flight), min(options.timeout, 5.0)):
            batch = in_flight.pop(future)
            if future.status == "finished":
                for (given, absolute, _), prepared in zip(batch.items, future.result(), strict=True):
                    yield given, absolute, prepared
            else:
                yield from give_up(batch, f"its task failed: {_why(future)}")
        now = time.monotonic()
        for future, batch in list(in_flight.items()):
            if now - batch.sent > options.timeout:
                del in_flight[future]
                future.cancel()
                yield from give_up(batch, f"timed out after {options.timeout:.0f} s")
        fill()


def extract_batch(tasks: list[Task]) -> list[Prepared | None | Failure]:
    """Run on a worker: each report's ``Prepared`` (None when unchanged, a ``Failure`` when it cannot be
    extracted), in order. An error in one report fails that report, not the batch."""
    return [_safe_prepare(task) for task in tasks]


def _connect(options: ClusterOptions) -> Client:
    try:
        from distributed import Client
    except ImportError:
        raise StoreError('--cluster needs Dask: pip install "vnkg[cluster]"') from None
    try:
        return Client(options.address, timeout=options.connect_timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise StoreError(f"{options.address}: cannot reach the Dask scheduler: {exc}") from None


def _batches(paths: Iterable[str | Path], stored: dict[str, str], local: bool, size: int) -> Iterator[_Batch]:
    """Batches of reports, made as they are sent: a long list of paths is never all tasks at once."""
    items: list[tuple[str, str, Task]] = []
    for path in paths:
        absolute = str(Path(path).resolve())
        items.append((str(path), absolute, (absolute, stored.get(report_graph(absolute, "")), local)))
        if len(items) == size:
            yield _Batch(items)
            items = []
    if items:
        yield _Batch(items)


def _first_done(client: Client, futures: list[Future], timeout: float) -> list[Future]:
    from distributed import wait

    try:
        with client.as_current():  # wait() asks for the current client; this one is not the default
            done, _ = wait(futures, timeout=timeout, return_when="FIRST_COMPLETED")
    except TimeoutError:
        return []
    return list(done)


def _why(future: Future) -> str:
    try:
        exc = future.exception(timeout=5)
    except Exception as error:  # the scheduler forgot it, or cannot be reached
        return f"{type(error).__name__}: {error}"
    return f"{type(exc).__name__}: {exc}" if exc is not None else str(future.status)


def _tick(progress: Callable[[str], None] | None, path: str) -> None:
    if progress is not None:
        progress(path)
