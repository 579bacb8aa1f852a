"""RDF terms come from pipeline.vocab, and every term the code names is declared where it belongs."""
import re

import pytest
from rdflib import URIRef
from rdflib.namespace import SDO

from pipeline.vocab import PREFIXES, curie, expand, prologue, report_graph

from conftest import ROOT

_CURIE = re.compile(r"\b(vnkg|schema|org|skos|prov):([A-Za-z]\w*)")
_EXPANDED = re.compile(r"""expand\(["'](\w+:\w+)["']\)""")
# Code whose SPARQL text names terms by prefix, and the ready questions.
_SPARQL_SOURCES = ["pipeline/store/*.py", "pipeline/export.py", "pipeline/summary.py", "pipeline/cli/*.py",
                   "ontology/queries/*.rq"]


def _named_terms() -> set[str]:
    found = set()
    for pattern in _SPARQL_SOURCES:
        for path in ROOT.glob(pattern):
            found |= {f"{p}:{local}" for p, local in _CURIE.findall(path.read_text(encoding="utf-8"))}
    for path in (ROOT / "pipeline").rglob("*.py"):
        found |= set(_EXPANDED.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_term_the_code_and_the_ready_questions_name_is_declared():
    terms = _named_terms()
    assert {"vnkg:sourcePath", "vnkg:canonicalName", "schema:Report", "org:Post"} <= terms
    undeclared = []
    for name in sorted(terms):
        try:
            term = curie(name)  # closed namespaces: vnkg's from the ontology, org, skos, prov
        except (AttributeError, KeyError):
            undeclared.append(name)
            continue
        if name.startswith("schema:") and URIRef(term) not in SDO:  # rdflib's schema.org warns, not fails
            undeclared.append(name)
        assert str(term) == expand(name)
    assert undeclared == []


def test_no_iri_is_written_outside_vocab():
    # Doctests may show IRIs (and stage 1 reads URLs out of reports); code takes them from pipeline.vocab.
    iri = re.compile(r"https?://")
    written = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        if path.name == "vocab.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if iri.search(line) and not line.lstrip().startswith(">>>") and not _is_doctest_output(path, n):
                written.append(f"{path.relative_to(ROOT)}:{n}")
    assert written == []


def test_prologue_and_report_graph():
    assert prologue().count("PREFIX") == len(PREFIXES)
    seed = ROOT / "corpus" / "hanoi-khcn-2025.txt"
    relative = seed.relative_to(ROOT)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        assert report_graph(relative, "abc") == report_graph(str(seed), "abc") != report_graph(None, "abc")


def _is_doctest_output(path, n: int) -> bool:
    """Whether line ``n`` of ``path`` is the expected output of a doctest line above it."""
    lines = path.read_text(encoding="utf-8").splitlines()[:n]
    for line in reversed(lines[:-1]):
        stripped = line.strip()
        if stripped.startswith((">>>", "...")):
            return True
        if not stripped:
            return False
    return False


def test_the_namespaces_kept_between_runs_accept_what_rdflib_accepts(tmp_path, monkeypatch):
    import warnings

    from rdflib.namespace import PROV, SKOS

    from pipeline import terms

    monkeypatch.setenv("VNKG_CACHE_DIR", str(tmp_path))
    terms.namespaces.cache_clear()
    try:
        made = terms.namespaces()  # written to the cache
        terms.namespaces.cache_clear()
        kept = terms.namespaces()  # read from it
        assert list(tmp_path.glob("namespaces-*.pickle"))
        assert {p: ns._terms for p, ns in kept.items()} == {p: ns._terms for p, ns in made.items()}
        assert kept["schema"].Report.value == str(SDO.Report) and kept["skos"].prefLabel.value == str(SKOS.prefLabel)
        assert kept["prov"].wasDerivedFrom.value == str(PROV.wasDerivedFrom)
        assert kept["rdf"]["_3"].value.endswith("#_3") and kept["vnkg"].Zone.value == PREFIXES["vnkg"] + "Zone"
        for prefix, name in (("schema", "Reprot"), ("org", "headOff"), ("vnkg", "Zoen"), ("xsd", "strng")):
            with pytest.raises(AttributeError, match=name):
                getattr(kept[prefix], name)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(Warning):
                SDO["Reprot"]  # rdflib only warns; vnkg refuses, as before
    finally:
        terms.namespaces.cache_clear()


def test_extraction_starts_without_rdflib_and_the_graph_still_comes_on_request(tmp_path):
    import subprocess
    import sys

    code = ("import sys, pipeline\n"
            "ex = pipeline.extract('Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn chủ trì hội nghị ngày 12/3/2024.')\n"
            "print('rdflib' in sys.modules, len(ex.triples))\n"
            "g = ex.graph\n"
            "print('rdflib' in sys.modules, len(g))\n")
    env = {**__import__("os").environ, "VNKG_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                           check=True).stdout.split() for _ in range(2)]
    first, second = runs
    assert first[0] == "True"  # the cache was empty: the terms were read with rdflib, and kept
    assert second[0] == "False", "extracting a report imported rdflib"
    assert second[2] == "True" and int(second[1]) == int(second[3]) > 10  # the Graph: the same triples
    assert first[1:] == second[1:]
