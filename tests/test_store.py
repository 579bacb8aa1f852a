"""pipeline.store: a persistent graph of many reports."""
import json

import pytest

from pipeline.store import (
    Location,
    StoreError,
    ingest,
    named_queries,
    open_store,
    remove,
    run_query,
    stats,
    validate_store,
)

from conftest import CORPUS, SEED, SHARED, needs_shared

OTHER = CORPUS / "thanh-hoa-kcn-2024.txt"


@pytest.fixture()
def location(tmp_path):
    """An empty store of the test's own."""
    return Location(path=tmp_path / "store")


@pytest.fixture()
def seed_location(seed_store):
    """The seed report's store, shared by the session: read only."""
    return Location(path=seed_store)


@pytest.fixture()
def corpus_location(corpus_store):
    """The project's reports' store, shared by the session: read only."""
    return Location(path=corpus_store)


def posts_of(store, name):
    rows = store.select(f"""PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?p ?post WHERE {{ ?p skos:prefLabel "{name}"@vi ; org:holds ?post }}""")
    return {r["p"] for r in rows}, {r["post"] for r in rows}


def test_ingesting_twice_changes_nothing(location):
    with open_store(location, write=True) as store:
        assert ingest(store, [SEED, OTHER]).summary() == "2 added, 0 replaced, 0 unchanged, 0 failed"
        first = stats(store)
        assert ingest(store, [SEED, OTHER]).summary() == "0 added, 0 replaced, 2 unchanged, 0 failed"
        assert stats(store) == first
        assert first["reports"] == 2


def test_a_changed_report_replaces_its_graph_and_remove_takes_it_out(location, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with open_store(location, write=True) as store:
        ingest(store, [report])
        before = stats(store)
        report.write_text(SEED.read_text(encoding="utf-8").replace("Cù Ngọc Trang", "Lý Văn Tám"), encoding="utf-8")
        assert ingest(store, [report]).replaced == [str(report.resolve())]
        assert stats(store)["reports"] == 1
        assert posts_of(store, "Lý Văn Tám")[0] and not posts_of(store, "Cù Ngọc Trang")[0]
        assert stats(store)["triples"] == before["triples"]
        assert remove(store, str(report)) == [str(report.resolve())]
        after = stats(store)
        assert after["reports"] == 0 and set(after["entities"].values()) == {0}
        with pytest.raises(StoreError, match="no such report"):
            remove(store, str(report))


def test_a_report_another_vnkg_extracted_is_extracted_again(location, monkeypatch):
    import sys

    from pipeline.fingerprint import extractor_fingerprint

    ingest_module = sys.modules["pipeline.store.ingest"]  # the module, not the function pipeline.store exports

    with open_store(location, write=True) as store:
        monkeypatch.setattr(ingest_module, "extractor_fingerprint", lambda: "0123456789abcdef")  # an older vnkg
        ingest(store, [SEED])
        monkeypatch.undo()
        assert ingest(store, [SEED]).summary() == "0 added, 1 replaced, 0 unchanged, 0 failed"
        assert ingest(store, [SEED]).summary() == "0 added, 0 replaced, 1 unchanged, 0 failed"
        rows = store.select("PREFIX vnkg: <https://w3id.org/vnkg/ontology#> "
                            "SELECT ?with WHERE { GRAPH ?g { ?r vnkg:extractedWith ?with } }")
        assert [r["with"] for r in rows] == [extractor_fingerprint()]
        assert stats(store)["reports"] == 1


@pytest.fixture(scope="module")
def seed_twice(tmp_path_factory):
    """The seed report, a copy of it under another title, and another report; built once, read only."""
    folder = tmp_path_factory.mktemp("seed-twice")
    copy = folder / "copy.txt"
    copy.write_text("Một tiêu đề khác\n" + SEED.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    location = Location(path=folder / "store")
    with open_store(location, write=True) as store:
        assert ingest(store, [SEED, copy, OTHER]).summary().startswith("3 added")
    return location


def test_one_official_across_two_reports(seed_twice):
    with open_store(seed_twice) as store:
        people, posts = posts_of(store, "Nguyễn Văn Phong")
        assert len(people) == 1 and len(posts) == 4  # two posts stated by each report
        assert validate_store(store).conforms


def test_namesakes_in_two_provinces_stay_apart_and_bodies_meet(location, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Chủ tịch UBND tỉnh Nam Định Trần Văn Hùng dự họp tại Nam Định.", encoding="utf-8")
    b.write_text("Chủ tịch UBND tỉnh Bắc Giang Trần Văn Hùng phát biểu. Ủy ban nhân dân tỉnh Nam Định cử đại diện.",
                 encoding="utf-8")
    with open_store(location, write=True) as store:
        ingest(store, [a, b])
        people, _ = posts_of(store, "Trần Văn Hùng")
        assert len(people) == 2
        rows = store.select("""PREFIX org: <http://www.w3.org/ns/org#>
            SELECT DISTINCT ?o WHERE { ?o a org:Organization ; <http://www.w3.org/2004/02/skos/core#altLabel> ?l
            FILTER(CONTAINS(LCASE(STR(?l)), "nam định")) }""")
        assert len(rows) == 1  # "UBND tỉnh Nam Định" and "Ủy ban nhân dân tỉnh Nam Định" are one body


def test_one_preferred_label_per_entity(corpus_location):
    with open_store(corpus_location) as store:
        rows = store.select("""SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE {
            ?e <https://w3id.org/vnkg/ontology#canonicalName> ?c .
            OPTIONAL { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } } GROUP BY ?e""")
        assert rows and all(r["n"] == "1" for r in rows)


def test_a_body_takes_the_name_most_reports_give_and_loses_it_when_they_go(location, tmp_path):
    short, full, other = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    short.write_text("Chủ tịch UBND tỉnh Nam Định Trần Văn Hùng dự họp.", encoding="utf-8")
    full.write_text("Ủy ban nhân dân tỉnh Nam Định tổ chức hội nghị về chuyển đổi số.", encoding="utf-8")
    other.write_text("Ủy ban nhân dân tỉnh Nam Định ban hành kế hoạch phát triển khu công nghiệp.", encoding="utf-8")
    names = """SELECT DISTINCT ?o ?l WHERE { ?o a <http://www.w3.org/ns/org#Organization> ;
        <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(CONTAINS(STR(?l), "Nam Định")) }"""
    with open_store(location, write=True) as store:
        ingest(store, [short])
        assert [r["l"] for r in store.select(names)] == ["UBND tỉnh Nam Định"]
        ingest(store, [full, other])
        assert [r["l"] for r in store.select(names)] == ["Ủy ban nhân dân tỉnh Nam Định"]
        remove(store, str(full)), remove(store, str(other))
        assert [r["l"] for r in store.select(names)] == ["UBND tỉnh Nam Định"]
        remove(store, str(short))
        assert store.select(names) == []


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_named_officials_in_every_format(seed_location, fmt):
    with open_store(seed_location) as store:
        result = run_query(store, named_queries()["officials"].text, fmt)
    if fmt == "table":
        assert ["Nguyễn Văn Phong", "Phó Bí thư Thường trực", "Thành ủy Hà Nội"] in [r[:3] for r in result.rows]
    elif fmt == "csv":
        assert "Nguyễn Văn Phong,Phó Bí thư Thường trực,Thành ủy Hà Nội" in result.data.decode("utf-8")
    else:
        data = json.loads(result.data)
        names = {b["name"]["value"] for b in data["results"]["bindings"]}
        assert data["head"]["vars"][:3] == ["name", "role", "organisation"] and "Cù Ngọc Trang" in names


def test_career_and_construct(seed_location):
    with open_store(seed_location) as store:
        career = run_query(store, named_queries()["career"].text, "table", {"name": "văn phong"})
        assert {r[2] for r in career.rows} == {"Phó Bí thư Thường trực", "Trưởng ban"}
        turtle = run_query(store, "CONSTRUCT { ?z a <https://w3id.org/vnkg/ontology#Zone> } WHERE "
                                  "{ ?z a <https://w3id.org/vnkg/ontology#Zone> }", "json")
        assert turtle.fmt == "turtle" and turtle.data.count(b"Zone") == 4
        holds = "ASK { ?person <http://www.w3.org/ns/org#holds> ?post }"
        assert run_query(store, holds).rows == [["true"]]
        assert run_query(store, holds.replace("holds", "headOf")).rows == [["false"]]


def test_figures_about_a_subject_with_what_they_measure_and_where_they_are_said(corpus_location):
    with open_store(corpus_location) as store:
        figures = named_queries()["figures"]
        assert list(figures.params) == ["about"]
        result = run_query(store, figures.text, "table", {"about": "nghi sơn"})
        found = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
        # The zone's figures are the zone's, not those of the board that reports them.
        assert {f["subject"] for f in found} == {"Khu kinh tế Nghi Sơn"}
        total = next(f for f in found if f["text"] == "hơn 368.000 tỷ đồng")
        assert (total["indicator"], total["value"], total["unit"]) == ("tổng vốn đăng ký", "368000000000000", "VND")
        assert total["report"].startswith("Thanh Hóa sơ kết công tác phát triển khu kinh tế")
        assert all(f["text"] in f["sentence"] for f in found)
        assert [f["subject"].lower() for f in found] == sorted(f["subject"].lower() for f in found)
        # Old-style tone marks and another case find the same figures; a subject no report names finds none.
        assert run_query(store, figures.text, "table", {"about": "NGHI SƠN"}).rows == result.rows
        hoa_lac = run_query(store, figures.text, "table", {"about": "Hoà Lạc"}).rows
        assert {r[0] for r in hoa_lac} == {"Khu công nghệ cao Hòa Lạc"} and {r[7] for r in hoa_lac} >= {"111 dự án"}
        assert run_query(store, figures.text, "table", {"about": "Khu công nghiệp Phú Bài"}).rows == []


def test_queries_are_read_only_and_errors_say_where(seed_location):
    with open_store(seed_location) as store:
        with pytest.raises(StoreError, match="read-only"):
            run_query(store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        with pytest.raises(StoreError, match="line 1, column 26"):
            run_query(store, "SELECT ?x WHERE { ?x ?y }")


def test_the_read_only_check_follows_the_grammar_not_keywords(seed_location):
    # Variables and prefixes may be called like update keywords; the first keyword after the prologue decides.
    with open_store(seed_location) as store:
        copy = run_query(store, "SELECT ?copy WHERE { ?copy a <https://schema.org/Report> }")
        assert copy.columns == ["copy"] and len(copy.rows) == 1
        add = run_query(store, "# officials\nBASE <https://w3id.org/vnkg/>\nPREFIX add: <http://www.w3.org/ns/org#>\n"
                               "SELECT ?p WHERE { ?p add:holds ?post } LIMIT 1")
        assert add.columns == ["p"] and len(add.rows) == 1
        for update in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                       "PREFIX x: <urn:x#> DELETE WHERE { ?s x:p ?o }",
                       "# a comment first\nPREFIX select: <urn:s#> drop all"):
            with pytest.raises(StoreError, match=r"queries are read-only: SPARQL updates \((INSERT|DELETE|DROP)\)"):
                run_query(store, update)
        assert stats(store)["reports"] == 1


def test_a_held_store_makes_other_writers_wait_then_fail_and_readers_never_wait(location):
    with open_store(location, write=True) as writer:
        ingest(writer, [SEED])
        with pytest.raises(StoreError, match="in use by another vnkg process"):
            open_store(location, write=True, wait=0.5)
        with open_store(location, wait=0) as reader:
            assert stats(reader)["reports"] == 1


def test_querying_a_missing_store_says_so(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(Location(path=tmp_path / "nothing"))


@pytest.mark.slow
@needs_shared
def test_the_development_reports_ingested_twice_give_the_same_triples(location):
    docs = sorted((SHARED / "eval" / "dev" / "docs").glob("*.txt"))
    with open_store(location, write=True) as store:
        ingest(store, docs)
        first = stats(store)
        assert ingest(store, docs).summary() == f"0 added, 0 replaced, {len(docs)} unchanged, 0 failed"
        assert stats(store) == first and first["reports"] == len(docs)


def test_named_organisations_count_reports_once_each(seed_twice):
    with open_store(seed_twice) as store:
        table = run_query(store, named_queries()["organisations"].text, "table").rows
    rows = {r[0]: r[1:] for r in table}
    assert rows["Ban Thường vụ Thành ủy Hà Nội"] == ["Thành ủy Hà Nội", "2"]
    assert rows["Ban Thường vụ Tỉnh ủy Thanh Hóa"] == ["Tỉnh ủy Thanh Hóa", "1"]
    assert len(table) == len(rows)  # one row per organisation, however many reports repeat it
