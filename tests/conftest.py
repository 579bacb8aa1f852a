"""Shared fixtures: the project's reports, extraction helpers, the optional ../shared folder."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEED = CORPUS / "hanoi-khcn-2025.txt"

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
