"""Stage 4: places."""
from conftest import link, names, recognise


def test_unit_word_and_name_is_a_place_with_its_level():
    rec = recognise("Dự án nằm trên địa phận xã Xuân Phú (huyện Thọ Xuân, tỉnh Thanh Hóa) và quận 7, TP.HCM.")
    got = {(m.info.name, m.info.level) for m in rec.mentions.places}
    assert {("Xuân Phú", "ward"), ("Thọ Xuân", "district"), ("Thanh Hóa", "province"),
            ("Quận 7", "district"), ("Hồ Chí Minh", "province")} <= got


def test_bare_provinces_and_countries_but_not_bare_districts():
    rec = recognise("Tập đoàn Hanwha (Hàn Quốc) đầu tư vào Bắc Ninh và Hải Châu.")
    assert names(rec.mentions.places) == ["Hàn Quốc", "Bắc Ninh"]


def test_coordinated_names_share_the_unit_word():
    rec = recognise("Khu công nghiệp nằm trên 2 xã Xuân Phú, Xuân Thắng của huyện Thọ Xuân.")
    assert names(rec.mentions.places) == ["Xuân Phú", "Xuân Thắng", "Thọ Xuân"]


def test_a_person_after_a_bodys_unit_word_is_no_place():
    rec = recognise("Phó Chủ tịch UBND thành phố Lê Hồng Sơn phát biểu tại thành phố La Haye. Ông về La Haye.")
    assert names(rec.mentions.places) == ["La Haye", "La Haye"]
    assert names(rec.mentions.persons) == ["Lê Hồng Sơn"]


def test_the_document_locality_is_the_most_named_province():
    linked = link("UBND thị xã Kỳ Anh họp. Thị xã Kỳ Anh có 35 dự án. Thường trực Thị ủy Kỳ Anh chỉ đạo.")
    assert linked.locality.province == "Hà Tĩnh"  # Kỳ Anh lies in Hà Tĩnh in the administrative data


def test_next_sentence_word_is_not_a_place_name():
    rec = recognise("một năm mấy trăm triệu tại một phường Tại cuộc họp, ông nói.")
    assert rec.mentions.places == []


def test_places_listed_after_a_unit_word_and_a_colon():
    rec = recognise("Các địa phương chưa có dự án gồm các huyện: Mường Tè, Sìn Hồ và Phong Thổ.")
    assert {(m.info.name, m.info.level) for m in rec.mentions.places} >= {
        ("Mường Tè", "district"), ("Sìn Hồ", "district"), ("Phong Thổ", "district")}


def test_a_currency_names_no_country_and_an_ocean_is_no_person():
    rec = recognise("Vốn đăng ký đạt 1,2 tỷ đô la Mỹ. Tàu hoạt động ở khu vực châu Á – Thái Bình Dương và Ấn Độ Dương.")
    assert "Mỹ" not in names(rec.mentions.places)
    assert names(rec.mentions.persons) == []
    assert {"Thái Bình Dương", "Ấn Độ Dương"} <= set(names(rec.mentions.places))


def test_a_foreign_country_underthesea_glued_to_a_neighbour_is_still_a_country():
    rec = recognise("Đoàn đã thăm Chile và Peru, sau đó điện đàm với Quốc vương Bahrain Hamad Isa Al Khalifa.")
    assert names(rec.mentions.places) == ["Chile", "Peru", "Bahrain"]
    assert names(recognise("Lãnh đạo Petro Vietnam và hãng Vietnam Airlines họp.").mentions.places) == []


def test_a_known_name_is_read_whole_when_underthesea_glued_a_verb_to_it():
    rec = recognise("Phòng Tài chính huyện Quế Võ họp với xã Tân Dân.")
    assert [(m.info.name, m.info.level) for m in rec.mentions.places] == [("Quế Võ", "district"), ("Tân Dân", "ward")]


def test_a_district_party_committee_names_its_unit_without_the_unit_word():
    rec = recognise("Đoàn kiểm tra 5 đơn vị trực thuộc Tỉnh ủy Bình Định, gồm: Thành ủy Quy Nhơn, "
                    "Huyện ủy Tuy Phước, Thị ủy An Nhơn. Phó Bí thư Thành ủy Nguyễn Thiện Nhân dự họp.")
    got = {(m.info.name, m.info.level, m.info.province) for m in rec.mentions.places}
    assert {("Quy Nhơn", "district", "Bình Định"), ("Tuy Phước", "district", "Bình Định"),
            ("An Nhơn", "town", "Bình Định")} <= got
    assert "Nguyễn Thiện" not in names(rec.mentions.places)  # a person after "Thành ủy", not a district


def test_a_cooperative_is_no_commune():
    rec = recognise("Hợp tác xã Thành Công ở xã Hòa Bình vừa gia nhập Liên minh Hợp tác xã Việt Nam.")
    assert {(m.info.name, m.info.level) for m in rec.mentions.places} == {("Hòa Bình", "ward"), ("Việt Nam", "country")}


def test_a_city_is_the_unit_the_data_knows_not_the_province_an_alias_names():
    linked = link("Ngày 8/5, tại thành phố Vũng Tàu, Phó Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu dự lễ. "
                  "UBND tỉnh Thừa Thiên- Huế và UBND thành phố Huế cùng ký kết.")
    places = {(e.name, e.code) for e in linked.entities.values() if e.kind == "place"}
    assert {("Vũng Tàu", "747"), ("Bà Rịa - Vũng Tàu", "77"), ("Thừa Thiên Huế", "46"), ("Huế", "46")} <= places
    assert "Thừa Thiên" not in {name for name, _ in places}


def test_a_city_named_like_its_province_is_the_city_unless_the_province_is_a_city():
    linked = link("Thủ tướng thăm Tập đoàn Thủy sản Minh Phú (TP.Cà Mau, tỉnh Cà Mau) ngày 5/2/2017. "
                  "Sau đó, lãnh đạo UBND TP Đà Nẵng làm việc tại đây.")
    places = {(e.name, e.level, e.code) for e in linked.entities.values() if e.kind == "place"}
    assert {("Cà Mau", "district", "964"), ("Cà Mau", "province", "96"), ("Đà Nẵng", "province", "48")} <= places
