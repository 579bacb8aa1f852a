"""The store's label index: career and figures find names by their words; an older store gets the index."""
import shutil

import pyoxigraph
import pytest

from pipeline.store import Location, named_queries, open_store, run_query
from pipeline.store.ingest import stored_reports
from pipeline.store.labels import LABEL_WORD


@pytest.fixture(scope="module")
def store_path(seed_store, tmp_path_factory):
    return shutil.copytree(seed_store, tmp_path_factory.mktemp("index") / "store")


def _career(path, name):
    with open_store(Location(path=path)) as store:
        return run_query(store, named_queries()["career"].text, "table", {"name": name}).rows


def _words(path):
    store = pyoxigraph.Store.read_only(str(path))
    quads = store.quads_for_pattern(None, pyoxigraph.NamedNode(LABEL_WORD), None, None)
    return {q.object.value for q in quads if isinstance(q.object, pyoxigraph.Literal)}


def test_labels_are_indexed_by_their_words(store_path):
    words = _words(store_path)
    assert {"phong", "văn", "văn phong", "hà", "nội", "hà nội"} <= words  # words and pairs of words in a row
    assert all(w == w.lower() and w.count(" ") <= 1 for w in words)


def test_career_finds_an_official_by_whole_words_in_any_case(store_path):
    roles = {r[2] for r in _career(store_path, "VĂN PHONG")}
    assert roles == {"Phó Bí thư Thường trực", "Trưởng ban"}
    assert _career(store_path, "Phong Văn") == []  # the words as the name has them, in its order


def test_career_by_node_iri_gives_that_node_alone(store_path):
    with open_store(Location(path=store_path)) as store:
        (row,) = store.select("""SELECT ?p WHERE { ?p a <https://schema.org/Person> ;
            <http://www.w3.org/2004/02/skos/core#prefLabel> "Nguyễn Văn Phong"@vi }""")
    rows = _career(store_path, row["p"])
    assert rows and {r[0] for r in rows} == {"Nguyễn Văn Phong"}
    assert _career(store_path, row["p"] + "-nobody") == []


def test_figures_find_a_subject_by_a_word_of_its_name(store_path):
    with open_store(Location(path=store_path)) as store:
        rows = run_query(store, named_queries()["figures"].text, "table", {"about": "hà nội"}).rows
    assert rows and all("hà nội" in r[0].lower() for r in rows)


def test_a_store_written_before_the_index_gets_it_on_the_next_ingest(store_path, tmp_path):
    old = shutil.copytree(store_path, tmp_path / "old")
    raw = pyoxigraph.Store(str(old))
    raw.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s <{LABEL_WORD}> ?w }} }}")
    raw.flush()
    del raw
    assert _words(old) == set()
    assert _career(old, "Văn Phong") == []
    with open_store(Location(path=old), write=True) as store:
        stored_reports(store)
    assert _words(old) == _words(store_path)
    assert {r[2] for r in _career(old, "Văn Phong")} == {"Phó Bí thư Thường trực", "Trưởng ban"}
