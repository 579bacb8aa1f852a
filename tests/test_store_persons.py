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


def _written(folder, texts):
    """``texts`` (file name -> report) written into ``folder``, which is returned."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


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
    return _written(tmp_path, REPORTS)


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
    k = "nguyễn văn hùng"  # a name many hold: the name alone is no evidence
    hanoi = PersonEvidence("a", k, frozenset({"01"}), bodies=frozenset({"ubnd-hn"}))
    hue = PersonEvidence("b", k, frozenset({"46"}))
    bare = PersonEvidence("x", k)
    assert choose_node(bare, [hanoi, hue], ReportContext()) is None
    assert choose_node(bare, [hanoi, hue], ReportContext(frozenset({"46"}))) == "b"
    assert choose_node(bare, [hanoi, hue], ReportContext(bodies=frozenset({"ubnd-hn"}))) == "a"
    assert choose_node(bare, [hanoi], ReportContext()) is None
    assert choose_node(bare, [PersonEvidence("c", k)], ReportContext()) is None  # nor joins a bare namesake
    # Bình Dương (74) in 2017 is not Hồ Chí Minh City (79), though it joined the city on 1 July 2025
    assert current_provinces()["74"] == {"74"} and current_provinces()["724"] == {"74"}
    assert choose_node(PersonEvidence("y", "k", frozenset({"74"})), [PersonEvidence("c", "k", frozenset({"79"}))],
                       ReportContext()) is None


DATED = {
    "bo-tai-chinh-2021.txt": "Ngày 10/4/2021, Thứ trưởng Bộ Tài chính Trần Văn Hiếu làm việc với Kho bạc Nhà "
                             "nước về quản lý nợ công.\n",
    "bac-ninh-2021.txt": "Ngày 15/4/2021, Phó Chủ tịch UBND tỉnh Bắc Ninh Trần Văn Hiếu kiểm tra công tác phòng "
                         "chống dịch tại Khu công nghiệp Quế Võ.\n",
    "bac-ninh-le-hoi.txt": "Ngày 2/5/2021, lãnh đạo UBND tỉnh Bắc Ninh dự lễ khánh thành cầu Phật Tích; ông Trần "
                           "Văn Hiếu cắt băng khánh thành.\n",
    "yen-bai-2018.txt": "Ngày 3/5/2018, Phó Chủ tịch UBND tỉnh Yên Bái Đỗ Văn Hùng làm việc với huyện Lục Yên "
                        "về xây dựng nông thôn mới.\n",
    "bo-xay-dung-2021.txt": "Ngày 8/9/2021, Thứ trưởng Bộ Xây dựng Đỗ Văn Hùng kiểm tra dự án nhà ở xã hội tại "
                            "tỉnh Đồng Nai.\n",
    "tw-2020.txt": "Ngày 5/6/2020, đồng chí Bùi Minh Châu, Ủy viên Ban Chấp hành Trung ương Đảng, phát biểu tại "
                   "hội nghị tổng kết công tác cải cách hành chính.\n",
    "nam-dinh-2019.txt": "Ngày 2/3/2019, Phó Giám đốc Sở Y tế tỉnh Nam Định Lê Thị Hoa kiểm tra Bệnh viện đa khoa "
                         "huyện Hải Hậu.\n",
    "nam-dinh-2022.txt": "Ngày 10/11/2022, Giám đốc Sở Y tế tỉnh Nam Định Lê Thị Hoa báo cáo kết quả tiêm chủng.\n",
    "thai-binh-2023.txt": "Ngày 6/2/2023, Phó Giám đốc Sở Y tế tỉnh Thái Bình Lê Thị Hoa kiểm tra Trung tâm Y tế "
                          "huyện Quỳnh Phụ.\n",
}


@pytest.fixture()
def dated(tmp_path):
    return _written(tmp_path, DATED)


@pytest.mark.parametrize("order", [("bo-tai-chinh-2021.txt", "bac-ninh-2021.txt"),
                                   ("bac-ninh-2021.txt", "bo-tai-chinh-2021.txt")])
def test_a_minister_and_a_provincial_official_of_one_name_at_one_date_are_two(dated, tmp_path, order):
    nodes = _nodes(Location(path=tmp_path / "store"), [dated / n for n in order], "trần văn hiếu")
    assert sorted(("Bộ Tài chính" in bodies, "UBND tỉnh Bắc Ninh" in bodies) for bodies in nodes.values()) == [
        (False, True), (True, False)]


def test_a_provincial_official_later_at_a_ministry_is_one_person(dated, tmp_path):
    nodes = _nodes(Location(path=tmp_path / "store"), [dated / "yen-bai-2018.txt", dated / "bo-xay-dung-2021.txt"],
                   "đỗ văn hùng")
    (bodies,) = nodes.values()
    assert {"UBND tỉnh Yên Bái", "Bộ Xây dựng"} <= bodies


def test_a_central_committee_member_the_same_year_is_the_provincial_leader(reports, dated, tmp_path):
    nodes = _nodes(Location(path=tmp_path / "store"), [reports / "phu-tho-2020.txt", dated / "tw-2020.txt"])
    (bodies,) = nodes.values()
    assert {"UBND tỉnh Phú Thọ", "Ban Chấp hành Trung ương Đảng"} <= bodies


def test_a_deputy_who_later_heads_the_body_is_one_person_and_another_province_stays_apart(dated, tmp_path):
    nodes = _nodes(Location(path=tmp_path / "store"), [dated / "nam-dinh-2019.txt", dated / "nam-dinh-2022.txt",
                                                        dated / "thai-binh-2023.txt"], "lê thị hoa")
    assert sorted(sorted(bodies) for bodies in nodes.values()) == [["Sở Y tế tỉnh Nam Định"],
                                                                    ["Sở Y tế tỉnh Thái Bình"]]


def test_a_person_with_no_post_joins_the_official_of_a_body_the_report_names(dated, tmp_path):
    location = Location(path=tmp_path / "store")
    nodes = _nodes(location, [dated / "bo-tai-chinh-2021.txt", dated / "bac-ninh-2021.txt",
                              dated / "bac-ninh-le-hoi.txt"], "trần văn hiếu")
    assert len(nodes) == 2  # the man at the ribbon is Bắc Ninh's vice-chairman: the report names his UBND
    (bac_ninh,) = [p for p, bodies in nodes.items() if "UBND tỉnh Bắc Ninh" in bodies]
    with open_store(location) as store:
        rows = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{bac_ninh}> a <https://schema.org/Person> }} }}")
    assert len(rows) == 2  # his report and the ribbon's


def test_the_report_context_holds_the_provinces_of_the_units_it_names():
    from pipeline.runner import run_stages
    from pipeline.store.persons import report_persons

    graph = run_stages("Ngày 2/2/2021, tại xã Hy Cương, thành phố Việt Trì, ông Bùi Minh Châu dự lễ giỗ Tổ.",
                       until="graph")
    persons, context = report_persons(graph, None)
    assert [p.key for p in persons] == ["bùi minh châu"] and not persons[0].official
    assert "25" in context.provinces  # Việt Trì's commune lies in Phú Thọ (25)
    phu_tho = PersonEvidence("a", "bùi minh châu", frozenset({"25"}))
    nghe_an = PersonEvidence("b", "bùi minh châu", frozenset({"40"}))
    assert choose_node(persons[0], [phu_tho, nghe_an], context) == "a"
    graph = run_stages("Cầu thủ Nguyễn Thế Hùng của CLB Hà Nội ghi bàn thắng quyết định.", until="graph")
    persons, context = report_persons(graph, None)
    assert "01" not in context.provinces  # a province named in passing is no evidence


BARE_FIRST = {
    "a-ha-tinh-bare.txt": "Sáng nay, Bộ Lao động - Thương binh và Xã hội phối hợp với UBND tỉnh Hà Tĩnh trao quà "
                          "cho các gia đình chính sách; ông Phan Văn Lộc dự và phát biểu.\n",
    "b-ha-tinh-official.txt": "Thứ trưởng Bộ Lao động - Thương binh và Xã hội Phan Văn Lộc chủ trì hội nghị về "
                              "giảm nghèo bền vững.\n",
    "c-nghe-an-official.txt": "Giám đốc Sở Xây dựng tỉnh Nghệ An Phan Văn Lộc kiểm tra dự án đường ven biển.\n",
    "d-ha-giang-bare.txt": "Đoàn công tác của UBND tỉnh Hà Giang thăm cao nguyên đá Đồng Văn; ông Nguyễn Văn Sơn "
                           "trao quà cho học sinh nghèo.\n",
    "e-ha-giang-official.txt": "Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn chủ trì hội nghị về giảm nghèo bền vững.\n",
    "f-bo-cong-an.txt": "Thứ trưởng Bộ Công an Nguyễn Văn Sơn kiểm tra công tác bảo đảm an ninh trật tự.\n",
}


@pytest.fixture()
def bare_first(tmp_path):
    return _written(tmp_path, BARE_FIRST)


def _graphs_of(store, key):
    rows = store.select(f"""SELECT DISTINCT ?p ?g WHERE {{ GRAPH ?g {{ ?p <https://w3id.org/vnkg/ontology#nameKey>
      "{key}" }} }}""")
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["p"], set()).add(row["g"])
    return found


@pytest.mark.parametrize("order", [("a-ha-tinh-bare.txt", "b-ha-tinh-official.txt"),
                                   ("b-ha-tinh-official.txt", "a-ha-tinh-bare.txt")])
def test_an_official_and_a_bare_mention_his_body_supports_are_one_in_either_order(bare_first, tmp_path, order):
    nodes = _nodes(Location(path=tmp_path / "store"), [bare_first / n for n in order], "phan văn lộc")
    ((bodies),) = nodes.values()  # the bare mention's node is keyed to Hà Tĩnh, the minister's to no province
    assert "Bộ Lao động - Thương binh và Xã hội" in bodies


def test_removing_the_official_undoes_the_merge_it_caused(bare_first, tmp_path):
    location = Location(path=tmp_path / "store")
    _nodes(location, [bare_first / "a-ha-tinh-bare.txt", bare_first / "b-ha-tinh-official.txt"], "phan văn lộc")
    with open_store(location, write=True) as store:
        ((node, graphs),) = _graphs_of(store, "phan văn lộc").items()
        assert len(graphs) == 2
        remove(store, str(bare_first / "b-ha-tinh-official.txt"))
        assert {k: len(v) for k, v in _graphs_of(store, "phan văn lộc").items()} == {node: 1}
        assert not store.select(f"SELECT ?post WHERE {{ <{node}> <http://www.w3.org/ns/org#holds> ?post }}")
        ingest(store, [bare_first / "c-nghe-an-official.txt"])  # a namesake of Nghệ An: nothing joins him to it
        assert len(_graphs_of(store, "phan văn lộc")) == 2


def test_an_official_of_another_province_does_not_join_a_bare_mention(bare_first, tmp_path):
    nodes = _nodes(Location(path=tmp_path / "store"), [bare_first / "a-ha-tinh-bare.txt",
                                                       bare_first / "c-nghe-an-official.txt"], "phan văn lộc")
    assert sorted("Sở Xây dựng tỉnh Nghệ An" in bodies for bodies in nodes.values()) == [False, True]


@pytest.mark.parametrize("names", [("e-ha-giang-official.txt", "f-bo-cong-an.txt"),
                                   ("f-bo-cong-an.txt", "e-ha-giang-official.txt"),
                                   ("d-ha-giang-bare.txt", "e-ha-giang-official.txt", "f-bo-cong-an.txt")])
def test_an_undated_provincial_chairman_and_deputy_minister_stay_two(bare_first, tmp_path, names):
    nodes = _nodes(Location(path=tmp_path / "store"), [bare_first / n for n in names], "nguyễn văn sơn")
    assert sorted(("Bộ Công an" in bodies, "UBND tỉnh Hà Giang" in bodies) for bodies in nodes.values()) == [
        (False, True), (True, False)]


def test_a_wrong_unit_one_report_gives_a_body_does_not_split_its_officials(tmp_path):
    texts = {"a.txt": "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải phát biểu tại hội nghị.\n",
             "b.txt": "Bí thư Thành ủy Hà Nội Hoàng Trung Hải kiểm tra công tác phòng chống lụt bão.\n"}
    _written(tmp_path, texts)
    location = Location(path=tmp_path / "store")
    nodes = _nodes(location, [tmp_path / "a.txt"], "hoàng trung hải")
    with open_store(location, write=True) as store:
        (body,) = {r["o"] for r in store.select("""SELECT ?o WHERE { ?o <https://w3id.org/vnkg/ontology#jurisdiction>
          <https://w3id.org/vnkg/resource/place/vn-01> }""")}
        store.write([], "https://w3id.org/vnkg/resource/graph/elsewhere",  # another report's misreading
                    f"<{body}> <https://w3id.org/vnkg/ontology#jurisdiction> "
                    "<https://w3id.org/vnkg/resource/place/vn-52> .", {})
    nodes = _nodes(location, [tmp_path / "b.txt"], "hoàng trung hải")
    assert len(nodes) == 1


def test_a_province_meets_the_one_it_became_and_an_unresolved_province_is_not_another():
    from pipeline.store.person_rules import conflicting

    old, new = PersonEvidence("a", "k", frozenset({"27"})), PersonEvidence("b", "k", frozenset({"24"}))
    assert not conflicting(old, new)  # Bắc Ninh of 2024 became Bắc Ninh (24) on 1 July 2025
    assert conflicting(old, PersonEvidence("c", "k", frozenset({"40"})))  # Nghệ An
    unresolved = PersonEvidence("d", "k", frozenset({"https://w3id.org/vnkg/resource/place/province-bac-ninh-f36452"}))
    assert not conflicting(old, unresolved)
    assert conflicting(unresolved, PersonEvidence("e", "k", frozenset({"https://w3id.org/vnkg/resource/place/x"})))


# Persons with no post (issue 16, step 1): one name few people hold is one person across provinces unless
# something tells them apart; a name many hold is not; an occupation or an age keeps a person from an official.
BARE = {
    "da-nang-ca-si.txt": "Tối 14/4/2019, tại thành phố Đà Nẵng, ca sĩ Đàm Vĩnh Hưng biểu diễn trong đêm nhạc gây "
                         "quỹ cho học sinh nghèo.\n",
    "can-tho-dam.txt": "Sáng 20/8/2019, tại thành phố Cần Thơ, Đàm Vĩnh Hưng trao 200 suất học bổng cho học sinh "
                       "vượt khó.\n",
    "nghe-an-hung.txt": "Ngày 2/3/2019, tại tỉnh Nghệ An, ông Nguyễn Văn Hùng trao quà cho các hộ nghèo.\n",
    "phu-tho-hung.txt": "Ngày 9/5/2019, tại tỉnh Phú Thọ, ông Nguyễn Văn Hùng nhận giấy khen của xã.\n",
    "bo-cong-thuong.txt": "Ngày 6/6/2019, Bộ trưởng Bộ Công Thương Trần Tuấn Anh làm việc với Tập đoàn Điện lực "
                          "Việt Nam về cung ứng điện mùa khô.\n",
    "luat-su.txt": "Ngày 11/6/2019, tại tỉnh Bình Dương, luật sư Trần Tuấn Anh cho biết thân chủ của mình sẽ kháng "
                   "cáo bản án sơ thẩm.\n",
    "ha-tinh-tuan-anh.txt": "Ngày 15/7/2019, tại tỉnh Hà Tĩnh, ông Trần Tuấn Anh thăm nhà máy nhiệt điện Vũng Áng "
                            "và nghe báo cáo tiến độ.\n",
    "tinh-nguyen.txt": "Sáng 30/4/2019, tại quận 1, TP Hồ Chí Minh, anh Nguyễn Văn Linh (SN 1972), tình nguyện "
                       "viên, phân luồng giao thông trước trụ sở Thành ủy TP Hồ Chí Minh.\n",
    "bi-thu.txt": "Ngày 3/2/2019, Bí thư Thành ủy TP Hồ Chí Minh Nguyễn Văn Linh chủ trì hội nghị Thành ủy.\n",
    "quang-ninh.txt": "Ngày 8/7/2019, Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Đức Long chủ trì hội nghị sơ kết công tác "
                      "chống buôn lậu.\n",
    "oan-sai.txt": "Ngày 12/5/2019, tại quận Tây Hồ, thành phố Hà Nội, cử tri nhắc lại các vụ án oan như vụ ông Nguyễn "
                   "Đức Long được nhân dân chú ý theo dõi.\n",
}


@pytest.fixture()
def bare(tmp_path):
    return _written(tmp_path, BARE)


@pytest.mark.parametrize("order", [("da-nang-ca-si.txt", "can-tho-dam.txt"), ("can-tho-dam.txt", "da-nang-ca-si.txt")])
def test_a_distinctive_name_with_no_post_in_two_provinces_is_one_person(bare, tmp_path, order):
    assert len(_nodes(Location(path=tmp_path / "store"), [bare / n for n in order], "đàm vĩnh hưng")) == 1


def test_a_common_name_with_no_post_in_two_provinces_stays_two(bare, tmp_path):
    names = [bare / "nghe-an-hung.txt", bare / "phu-tho-hung.txt"]
    assert len(_nodes(Location(path=tmp_path / "store"), names, "nguyễn văn hùng")) == 2


@pytest.mark.parametrize("order", [("bo-cong-thuong.txt", "luat-su.txt", "ha-tinh-tuan-anh.txt"),
                                   ("luat-su.txt", "ha-tinh-tuan-anh.txt", "bo-cong-thuong.txt")])
def test_a_lawyer_is_not_the_minister_and_a_bare_mention_is(bare, tmp_path, order):
    nodes = _nodes(Location(path=tmp_path / "store"), [bare / n for n in order], "trần tuấn anh")
    assert len(nodes) == 2  # the minister with the Hà Tĩnh visit, and the lawyer
    assert sorted(bool(bodies) for bodies in nodes.values()) == [False, True]


@pytest.mark.parametrize("order", [("tinh-nguyen.txt", "bi-thu.txt"), ("bi-thu.txt", "tinh-nguyen.txt")])
def test_a_volunteer_with_a_birth_year_does_not_join_the_official_whose_body_his_report_names(bare, tmp_path, order):
    assert len(_nodes(Location(path=tmp_path / "store"), [bare / n for n in order], "nguyễn văn linh")) == 2


def test_choose_node_for_persons_with_no_post_by_traits():
    singer = PersonEvidence("s", "đàm vĩnh hưng", traits=frozenset({"group:arts"}))
    assert choose_node(PersonEvidence("x", "đàm vĩnh hưng"), [singer], ReportContext()) == "s"
    lawyer = PersonEvidence("y", "đàm vĩnh hưng", traits=frozenset({"group:lawyer"}))
    assert choose_node(lawyer, [singer], ReportContext()) is None  # two occupations: two persons
    minister = PersonEvidence("m", "vũ đức đam", national=True, bodies=frozenset({"cp"}))
    assert choose_node(PersonEvidence("z", "vũ đức đam"), [minister], ReportContext()) == "m"
    deputy = PersonEvidence("d", "vũ đức đam", frozenset({"22"}), bodies=frozenset({"ubnd-qn"}))
    assert choose_node(PersonEvidence("z", "vũ đức đam"), [minister, deputy], ReportContext()) is None
    aged = PersonEvidence("a", "vũ đức đam", traits=frozenset({"age:45"}))
    assert choose_node(aged, [minister], ReportContext()) is None
    assert choose_node(PersonEvidence("b", "vũ đức đam", traits=frozenset({"age:30"})), [aged],
                       ReportContext()) is None
    # a report's IRI held by a namesake its traits tell apart (same province, a lawyer and a singer): its own IRI
    assert choose_node(PersonEvidence("s", "đàm vĩnh hưng", traits=frozenset({"group:lawyer"})), [singer],
                       ReportContext()) == "s-lawyer"
    official = PersonEvidence("o", "nguyễn văn linh", frozenset({"79"}), bodies=frozenset({"tu"}))
    assert choose_node(PersonEvidence("o", "nguyễn văn linh", traits=frozenset({"group:any"})), [official],
                       ReportContext()) == "o-any"
    assert choose_node(PersonEvidence("o", "nguyễn văn linh"), [official], ReportContext()) is None



@pytest.mark.parametrize("order", [("quang-ninh.txt", "oan-sai.txt"), ("oan-sai.txt", "quang-ninh.txt")])
def test_a_bare_nguyen_joins_the_official_of_the_name_only_on_evidence(bare, tmp_path, order):
    assert len(_nodes(Location(path=tmp_path / "store"), [bare / n for n in order], "nguyễn đức long")) == 2


def test_crowded_names_need_evidence_and_a_coach_is_not_told_from_a_singer():
    chairman = PersonEvidence("c", "nguyễn đức long", frozenset({"22"}), bodies=frozenset({"ubnd-qn"}))
    bare = PersonEvidence("x", "nguyễn đức long")
    assert choose_node(bare, [chairman], ReportContext(frozenset({"01"}))) is None
    assert choose_node(bare, [chairman], ReportContext(frozenset({"22"}))) == "c"
    assert choose_node(bare, [PersonEvidence("y", "nguyễn đức long")], ReportContext()) == "y"  # two bare: one
    coach = PersonEvidence("h", "đàm vĩnh hưng", traits=frozenset({"group:any"}))
    assert choose_node(PersonEvidence("s", "đàm vĩnh hưng", traits=frozenset({"group:arts"})), [coach],
                       ReportContext()) == "h"
