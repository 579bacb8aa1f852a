"""Places resolved to administrative units: codes, parents, 2025 successors; countries' ISO codes."""
from rdflib import Literal

from pipeline.lexicons.admin_units import admin_unit, current_units
from pipeline.runner import run_stages

PREFIXES = """PREFIX vnkg: <https://w3id.org/vnkg/ontology#> PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"""


def _graph(text: str):
    return run_stages(text, until="graph")


def _codes(text: str) -> dict[str, str | None]:
    linked = run_stages(text, until="link")
    return {e.name: e.code for e in linked.entities.values() if e.kind == "place"}


def test_ha_giang_2017_is_replaced_by_tuyen_quang():
    g = _graph("Ngày 12/4/2017, Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn tiếp đoàn công tác của Bộ Y tế.")
    rows = list(g.query(PREFIXES + """SELECT ?label ?next ?until WHERE {
        ?p a schema:Place ; skos:prefLabel ?label ; vnkg:adminCode "02" ; schema:validThrough ?until ;
           dcterms:isReplacedBy ?s . ?s vnkg:adminCode ?next }"""))
    assert [(str(r.label), str(r.next)) for r in rows] == [("Hà Giang", "08")]
    assert rows[0].until == Literal("2025-06-30", datatype="http://www.w3.org/2001/XMLSchema#date")


def test_same_code_is_same_node_in_every_report():
    old = _graph("Ngày 3/5/2017, tỉnh Tuyên Quang khởi công nhà máy thủy điện.")
    new = _graph("Ngày 3/9/2025, UBND tỉnh Tuyên Quang họp phiên thường kỳ. Tỉnh Hà Giang (cũ) có 11 huyện.")
    q = PREFIXES + 'SELECT ?p WHERE { ?p a schema:Place ; vnkg:adminCode "08" }'
    assert {r.p for r in old.query(q)} == {r.p for r in new.query(q)} != set()
    former = PREFIXES + 'SELECT ?p WHERE { ?p vnkg:adminCode "02" ; schema:validThrough ?d }'
    assert len(list(new.query(former))) == 1  # "Hà Giang (cũ)": the former province


def test_body_of_a_locality_is_linked_to_its_unit():
    g = _graph("Ngày 2/10/2025, Sở Tài chính tỉnh Nghệ An và UBND phường Ba Đình, thành phố Hà Nội ký kết hợp tác.")
    rows = {(str(r.o), str(r.code)) for r in g.query(PREFIXES + """SELECT ?o ?code WHERE {
        ?b vnkg:jurisdiction ?u ; skos:prefLabel ?o . ?u vnkg:adminCode ?code }""")}
    assert ("Sở Tài chính tỉnh Nghệ An", "40") in rows
    assert ("UBND phường Ba Đình", "00004") in rows  # the ward of Hà Nội, not Thanh Hóa's "Ba Đình"


def test_ambiguous_ward_is_left_unresolved_and_context_decides():
    # Many communes are called "Tân Lập": with no province in the report, none is chosen.
    assert _codes("Ngày 4/4/2018, xã Tân Lập tổ chức lễ hội mùa xuân.")["Tân Lập"] is None
    in_hanoi = _codes("Ngày 4/4/2018, xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội tổ chức lễ hội.")
    assert in_hanoi["Tân Lập"] == admin_code("Tân Lập", "ward", parent="Đan Phượng")


def admin_code(name: str, level: str, parent: str) -> str:
    """The code the reference data gives a unit of a name under a parent of a name (the test's oracle)."""
    from pipeline.keys import name_key
    from pipeline.lexicons.admin_units import admin_units_named

    (unit,) = [u for u in admin_units_named(name_key(name)) if u.level == level and u.parent
               and admin_unit(u.parent)[0].name == parent]
    return unit.code


def test_countries_get_iso_codes():
    g = _graph("Thủ tướng tiếp Đại sứ Nhật Bản và Đại sứ Hoa Kỳ tại Hà Nội.")
    codes = {str(r.c) for r in g.query(PREFIXES + "SELECT ?c WHERE { ?p a vnkg:Country ; vnkg:isoCode ?c }")}
    assert codes == {"JP", "US"}


def test_reference_data_reform():
    assert [u.name for u in admin_unit("02")] == ["Hà Giang"] and admin_unit("02")[0].ceased
    assert current_units("02") == ("08",)
    (district,) = admin_unit("001")  # quận Ba Đình: abolished, its wards merged into new ones
    assert district.ceased and district.successors and all(len(s) == 5 for s in district.successors)
    assert {u.era for u in admin_unit("01")} == {"old", "new"} and not admin_unit("01")[0].ceased


def test_company_and_zone_are_linked_to_their_country_and_unit():
    g = _graph("Ngày 6/8/2019, Tập đoàn Samsung (Hàn Quốc) khởi công nhà máy tại Khu công nghiệp Yên Phong, "
               "tỉnh Bắc Ninh.")
    country = {str(r.c) for r in g.query(PREFIXES + """SELECT ?c WHERE {
        ?o skos:prefLabel "Tập đoàn Samsung"@vi ; vnkg:jurisdiction/vnkg:isoCode ?c }""")}
    assert country == {"KR"}
    zone = {str(r.code) for r in g.query(PREFIXES + """SELECT ?code WHERE {
        ?z a vnkg:Zone ; schema:containedInPlace/vnkg:adminCode ?code }""")}
    assert zone == {"27"}


def test_a_ward_the_report_does_not_place_gets_no_code_from_elsewhere():
    # Bình Dương's "phường Bình An" is the only one in the 2025 data; a 2017 Hồ Chí Minh City report's
    # "phường Bình An, quận 2" is another (merged in 2021), so it stays unresolved.
    codes = _codes("Ngày 6/2/2017, nhà ông V ở phường Bình An, quận 2 bị trộm. Công an TP.HCM vào cuộc.")
    assert codes["Bình An"] is None and codes["Hồ Chí Minh"] == "79"
    city = _codes("Ngày 6/2/2017, hội nghị ngành tôm diễn ra tại thành phố Cà Mau.")
    assert city == {"Cà Mau": "964"}  # the provincial city of Tỉnh Cà Mau (96), not the province
    assert _codes("Ngày 19/5/2017, học tập tư tưởng Hồ Chí Minh.").get("Hồ Chí Minh") is None


def test_a_commune_is_resolved_only_in_the_district_its_sentence_names():
    codes = _codes("Ngày 5/4/2016, khu công nghiệp nằm trên địa phận 2 xã Xuân Phú, Xuân Thắng (huyện Thọ Xuân) "
                   "và xã Thọ Sơn (huyện Triệu Sơn), tỉnh Thanh Hóa.")
    assert codes["Xuân Thắng"] is None  # the data's one Xuân Thắng lies in Thường Xuân, not in Thọ Xuân
    assert admin_unit(codes["Xuân Phú"] or "")[0].parent == codes["Thọ Xuân"]
    assert _codes("Ngày 5/4/2016, đoàn công tác thăm xã Xuân Thắng, huyện Thường Xuân, tỉnh Thanh Hóa.")[
        "Xuân Thắng"] == "15640"
