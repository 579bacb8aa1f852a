"""Persons across the reports of a store: one node per official, namesakes of two provinces apart."""
import pytest

from pipeline.store import Location, ingest, open_store, remove
from pipeline.store.persons import PersonEvidence, ReportContext, choose_node, current_provinces

PERSONS = """SELECT DISTINCT ?p ?o WHERE { ?p a <https://schema.org/Person> ;
  <https://w3id.org/vnkg/ontology#nameKey> ?k FILTER(?k = "%s") OPTIONAL { ?p <http://www.w3.org/ns/org#holds>/<http://www.w3.org/ns/org#postIn>/
  <http://www.w3.org/2004/02/skos/core#altLabel> ?o } }"""

REPORTS = {
    "phu-tho-2020.txt": "Ngày 12/3/2020, Chủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu làm việc với Sở Tài chính "
                        "tỉnh Phú Thọ về kế hoạch đầu tư công năm 2020.\n",
    "trung-uong-2021.txt": "Ngày 5/6/2021, đồng chí Bùi Minh Châu, Ủy viên Ban Chấp hành Trung ương Đảng, phát biểu "
                           "tại hội nghị tổng kết công tác cải cách hành chính.\n",
    "nghe-an-2020.txt": "Ngày 9/7/2020, Phó Chủ tịch UBND tỉnh Nghệ An Bùi Minh Châu kiểm tra tiến độ công trình "
                        "đường ven biển.\n",
    "phu-tho-le-hoi.txt": "Ngày 2/2/2021, tại tỉnh Phú Thọ, ông Bùi Minh Châu dự lễ hội Đền Hùng cùng nhân dân.\n",
}


def _nodes(location, names, key="bùi minh châu"):
    with open_store(location, write=True) as store:
        ingest(store, names)
        rows = store.select(PERSONS % key)
    nodes: dict[str, set[str]] = {}
    for row in rows:
        nodes.setdefault(row["p"], set()).update({row["o"]} if row.get("o") else set())
    return nodes


@pytest.fixture()
def reports(tmp_path):
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("order", [("phu-tho-2020.txt", "trung-uong-2021.txt"),
                                   ("trung-uong-2021.txt", "phu-tho-2020.txt")])
def test_official_with_and_without_a_province_is_one_node(reports, tmp_path, order):
    nodes = _nodes(Location(path=tmp_path / "store"), [reports / n for n in order])
    assert len(nodes) == 1
    (bodies,) = nodes.values()
    assert {"UBND tỉnh Phú Thọ", "Ban Chấp hành Trung ương Đảng"} <= bodies


def test_namesakes_with_posts_in_two_provinces_stay_two(reports, tmp_path):
    nodes = _nodes(Location(path=tmp_path / "store"), [reports / "phu-tho-2020.txt", reports / "nghe-an-2020.txt"])
    assert len(nodes) == 2
    assert sorted("UBND tỉnh Nghệ An" in bodies for bodies in nodes.values()) == [False, True]


def test_a_person_with_no_post_joins_the_official_of_the_reports_province(reports, tmp_path):
    location = Location(path=tmp_path / "store")
    nodes = _nodes(location, [reports / "phu-tho-2020.txt", reports / "nghe-an-2020.txt",
                              reports / "phu-tho-le-hoi.txt"])
    assert len(nodes) == 2  # the festival-goer of a Phú Thọ report is Phú Thọ's Chủ tịch, not Nghệ An's
    with open_store(location, write=True) as store:
        remove(store, str(reports / "phu-tho-le-hoi.txt"))
        assert len({r["p"] for r in store.select(PERSONS % "bùi minh châu")}) == 2


def test_choose_node_needs_evidence_for_a_person_with_no_post():
    hanoi = PersonEvidence("a", "k", frozenset({"01"}), bodies=frozenset({"ubnd-hn"}))
    hue = PersonEvidence("b", "k", frozenset({"46"}))
    bare = PersonEvidence("x", "k")
    assert choose_node(bare, [hanoi, hue], ReportContext()) is None
    assert choose_node(bare, [hanoi, hue], ReportContext(frozenset({"46"}))) == "b"
    assert choose_node(bare, [hanoi, hue], ReportContext(bodies=frozenset({"ubnd-hn"}))) == "a"
    assert choose_node(bare, [hanoi], ReportContext()) is None  # a shared name alone is no evidence
    # Bình Dương (74) in 2017 is not Hồ Chí Minh City (79), though it joined the city on 1 July 2025
    assert current_provinces()["74"] == {"74"} and current_provinces()["724"] == {"74"}
    assert choose_node(PersonEvidence("y", "k", frozenset({"74"})), [PersonEvidence("c", "k", frozenset({"79"}))],
                       ReportContext()) is None
