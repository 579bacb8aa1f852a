"""Shared fixtures: the project's reports, stores built once a session, extraction helpers, ../shared."""
from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEED = CORPUS / "hanoi-khcn-2025.txt"

# The test process keeps the language models and the session's stores and graphs alive; with Python's
# default thresholds the cyclic collector re-scans them over and over (5 s of a 55 s run, measured).
gc.set_threshold(50_000, 20, 100)

needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared is not present")


@pytest.fixture(scope="session")
def seed():
    import pipeline

    return pipeline.extract_path(SEED)


@pytest.fixture(scope="session")
def thanh_hoa():
    import pipeline

    return pipeline.extract_path(CORPUS / "thanh-hoa-kcn-2024.txt")


@pytest.fixture(scope="session")
def da_nang():
    import pipeline

    return pipeline.extract_path(CORPUS / "da-nang-chuyen-doi-so-2025.txt")


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """A store of the project's reports (corpus/), ingested once a session through the CLI.

    Shared: tests only read it. A test that writes takes ``corpus_store_copy``.
    """
    from click.testing import CliRunner

    from pipeline.cli import cli

    path = tmp_path_factory.mktemp("corpus") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 added" in result.stderr
    return path


@pytest.fixture()
def corpus_store_copy(corpus_store, tmp_path) -> Path:
    """A copy of ``corpus_store`` of the test's own, to write to."""
    return Path(shutil.copytree(corpus_store, tmp_path / "store"))


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store of the seed report alone, ingested once a session; shared, so tests only read it."""
    from pipeline.store import Location, ingest, open_store

    path = tmp_path_factory.mktemp("seed") / "store"
    with open_store(Location(path=path), write=True) as store:
        assert ingest(store, [SEED]).summary() == "1 added, 0 replaced, 0 unchanged, 0 failed"
    return path


def recognise(text: str):
    """Stage-4 output for a snippet of report text."""
    from pipeline.runner import run_stages

    return run_stages(text, until="recognise")


def link(text: str):
    from pipeline.runner import run_stages

    return run_stages(text, until="link")


def names(mentions, attr="name"):
    """An attribute of each mention's typed info (``m.info.name`` by default)."""
    return [getattr(m.info, attr) for m in mentions]


def entity_names_of(linked, kind):
    """For each mention of a kind ("organisations"), in text order, the name of the
    entity linking made it part of (None when it joined none)."""
    named = {id(m): e.name for e in linked.entities.values() for m in e.mentions}
    return [named.get(id(m)) for m in getattr(linked.mentions, kind)]


def posts_of(linked):
    """(person, role, organisation) names of a linked report's posts."""
    ents = linked.entities
    return {(ents[p.person].name, p.role, ents[p.org].name) for p in linked.posts}


def entity_names(linked, kind):
    return {e.name for e in linked.entities.values() if e.kind == kind}


def store_quads(path: Path) -> dict[str, set[str]]:
    """Every graph of an embedded store and its triples, to compare two stores."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(path))
    graphs: dict[str, set[str]] = {}
    for quad in store:
        graphs.setdefault(str(quad.graph_name), set()).add(str(quad.triple))
    return graphs
