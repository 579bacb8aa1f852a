"""Which vnkg extracted a report: a fingerprint of the code, data and ontology that make its graph."""
from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["extractor_fingerprint"]

# Libraries whose upgrade can change what a report's graph says (their models and data).
_LIBRARIES = ("underthesea", "underthesea_core", "spacy")


@cache
def extractor_fingerprint() -> str:
    """A short hash of every file of the ``pipeline`` package (code, lexicons, patterns), the
    ontology and the versions of the libraries extraction runs: two runs that could give a report
    different graphs have different fingerprints. Read once per process (about 25 ms).

    A store keeps it on each report (``vnkg:extractedWith``); ``ingest`` extracts again a report
    another fingerprint made, so upgrading vnkg and ingesting the same folders again leaves no
    graph of the old rules beside the new.

    Examples
    --------
    >>> fp = extractor_fingerprint()
    >>> len(fp), fp == extractor_fingerprint()
    (16, True)
    """
    from .vocab import ontology_files

    digest = hashlib.sha256()
    package = Path(__file__).parent
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    named = [(p.relative_to(package).as_posix(), p) for p in files]
    named += [(f"ontology/{p.name}", p) for p in ontology_files()]
    for name, path in sorted(named):
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        digest.update(f"{name}={_version(name)}".encode())
    return digest.hexdigest()[:16]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
