"""Stage 6: the graph follows the contract, keeps mentions, has stable IRIs, validates."""
import pipeline
from pipeline.validate import validate

from conftest import SEED

PREFIXES = """
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def rows(graph, query):
    return {tuple(str(x) for x in row) for row in graph.query(PREFIXES + query)}


def test_every_entity_has_one_preflabel_a_source_and_mentions(seed):
    g = seed.graph
    for cls in ("schema:Person", "org:Organization", "schema:Place", "vnkg:Zone"):
        counts = rows(g, f"SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE {{ ?e a {cls} ; skos:prefLabel ?l }} GROUP BY ?e")
        assert counts and all(n == "1" for _, n in counts), cls
        missing = rows(g, f"SELECT ?e WHERE {{ ?e a {cls} "
                          f"FILTER NOT EXISTS {{ ?e prov:wasDerivedFrom ?d ; vnkg:mention ?m }} }}")
        assert not missing, (cls, missing)


def test_mentions_slice_the_normalised_text(seed):
    text = seed.document.text
    found = rows(seed.graph, "SELECT ?s ?i ?j ?sent WHERE { "
                             "?m vnkg:surface ?s ; vnkg:start ?i ; vnkg:end ?j ; vnkg:sentence ?sent }")
    assert len(found) > 50
    for surface, start, end, sentence in found:
        assert text[int(start):int(end)] == surface
        assert surface in sentence and sentence in text


def test_posts_roles_and_organisations_in_contract_terms(seed):
    got = rows(seed.graph, """SELECT ?name ?role ?org WHERE {
        ?p a schema:Person ; skos:prefLabel ?name ; org:holds ?post .
        ?post a org:Post ; org:role ?r ; org:postIn ?o . ?r a org:Role ; skos:prefLabel ?role .
        ?o a org:Organization ; skos:prefLabel ?org }""")
    assert ("Nguyễn Văn Phong", "Phó Bí thư Thường trực", "Thành ủy Hà Nội") in got


def test_zones_have_a_type_concept(seed):
    got = rows(seed.graph, """SELECT ?z ?t WHERE { ?zone a vnkg:Zone ; skos:prefLabel ?z ; vnkg:zoneType ?c .
        ?c a skos:Concept ; skos:prefLabel ?t FILTER(lang(?t) = "vi") }""")
    assert ("Khu công nghệ cao Hòa Lạc", "Khu công nghệ cao") in got


def test_iris_are_stable_across_runs():
    a, b = pipeline.extract_path(SEED), pipeline.extract_path(SEED)
    assert set(a.graph) == set(b.graph)


def test_the_seed_graph_conforms_to_the_shapes(seed):
    result = validate(seed.graph)
    assert result.conforms, result.errors[:5]


def test_an_event_with_organiser_chair_and_date(seed):
    got = rows(seed.graph, """SELECT ?org ?chair ?date WHERE { ?e a schema:Event ; schema:startDate ?date ;
        schema:organizer/skos:prefLabel ?org ; vnkg:chairedBy/skos:prefLabel ?chair }""")
    assert ("Ban Chỉ đạo Chương trình số 07-CTr/TU", "Nguyễn Văn Phong", "--04-03") in got
