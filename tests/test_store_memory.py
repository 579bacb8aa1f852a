"""A long ingest keeps nothing per report: the embedded store reopened as it goes, its writer's lock held."""
import gc
import importlib

import pyoxigraph
import pytest

from pipeline.store import Location, StoreError, ingest, open_store
from pipeline.store.local import REOPEN_EVERY, OxigraphStore

from conftest import CORPUS, SEED

OTHER = CORPUS / "thanh-hoa-kcn-2024.txt"


@pytest.fixture()
def opened(monkeypatch):
    """The databases opened for writing, counted."""
    count = [0]
    open_writer = OxigraphStore._open_writer

    def counted(path, wait):
        count[0] += 1
        return open_writer(path, wait)

    monkeypatch.setattr(OxigraphStore, "_open_writer", staticmethod(counted))
    return count


def test_a_writer_reopens_its_database_every_few_flushes_and_no_other_writer_gets_in(tmp_path, opened):
    location = Location(path=tmp_path / "store")
    with open_store(location, write=True) as store:
        store.write([], "urn:vnkg:g", '<urn:vnkg:a> <urn:vnkg:b> "Hà Nội" .', {})
        for _ in range(REOPEN_EVERY - 1):
            store.flush()
        assert opened == [1]
        store.flush()
        assert opened == [2]
        assert _count(store) == 1  # what was written is there after the reopening
        with pytest.raises(StoreError, match="in use by another vnkg process"):
            open_store(location, write=True, wait=0.3)
        store.write([], "urn:vnkg:g2", '<urn:vnkg:c> <urn:vnkg:b> "Huế" .', {})
    with open_store(location, write=True, wait=0) as again:  # closed: the lock is free
        assert _count(again) == 2


def test_an_ingest_reopening_after_every_report_writes_the_same_quads_and_holds_one_report(tmp_path, monkeypatch,
                                                                                          opened):
    from pipeline.store.ingest import Prepared

    def quads(path):
        store = pyoxigraph.Store.read_only(str(path))
        found = {str(q) for q in store}
        del store
        return found

    with open_store(Location(path=tmp_path / "plain"), write=True) as store:
        ingest(store, [SEED, OTHER])
    monkeypatch.setattr(importlib.import_module("pipeline.store.ingest"), "FLUSH_EVERY", 1)
    monkeypatch.setattr(importlib.import_module("pipeline.store.local"), "REOPEN_EVERY", 1)
    held = []

    def progress(path):  # after each report is written: the reports prepared and still alive
        gc.collect()
        held.append(sum(isinstance(o, Prepared) for o in gc.get_objects()))

    with open_store(Location(path=tmp_path / "reopened"), write=True) as store:
        assert ingest(store, [SEED, OTHER], progress=progress).summary() == "2 added, 0 replaced, 0 unchanged, 0 failed"
    assert opened == [1 + 1 + 2]  # the plain store, then the other opened and reopened after each report
    assert held == [0, 0]  # each report is let go once written
    assert quads(tmp_path / "reopened") == quads(tmp_path / "plain")


def _count(store):
    (row,) = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(row["n"])
