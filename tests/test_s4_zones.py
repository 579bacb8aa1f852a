"""Stage 4: zones."""
from conftest import names, recognise


def zones(text):
    return names(recognise(text).mentions.zones)


def test_zone_types_with_names_and_abbreviations():
    assert zones("Khu công nghệ cao Hòa Lạc và KCN Thăng Long, Khu chế xuất Linh Trung I (quận Thủ Đức).") == [
        "Khu công nghệ cao Hòa Lạc", "Khu công nghiệp Thăng Long", "Khu chế xuất Linh Trung I"]


def test_counted_and_plural_zone_types_are_generic():
    assert zones("Hà Nội có 10 khu công nghiệp và hai khu CNTT tập trung; các KCN Hà Nội đều lấp đầy.") == []


def test_qualifiers_units_and_coordination():
    assert zones("hạ tầng khu công nghệ cao sinh học Hà Nội") == ["Khu công nghệ cao sinh học Hà Nội"]
    assert zones("lập quy hoạch cụm công nghiệp thị trấn Thọ Xuân") == ["Cụm công nghiệp thị trấn Thọ Xuân"]
    assert zones("tại khu công nghiệp Tân Thuận và Linh Trung") == [
        "Khu công nghiệp Tân Thuận", "Khu công nghiệp Linh Trung"]


def test_lists_of_named_zones_even_when_counted():
    assert zones("Hai KCN Tân Phú 1, Tân Phú 2 đã lấp đầy.") == [
        "Khu công nghiệp Tân Phú 1", "Khu công nghiệp Tân Phú 2"]
    assert zones("Tỉnh mở rộng các Cụm công nghiệp An Lạc, Bình Minh và Đồng Tâm.") == [
        "Cụm công nghiệp An Lạc", "Cụm công nghiệp Bình Minh", "Cụm công nghiệp Đồng Tâm"]
    assert zones("Nhà máy ở KCN Tân Phú, H. Đức Hòa, tỉnh Long An.") == ["Khu công nghiệp Tân Phú"]
    assert zones("Có 3 KCN Bắc Ninh và các khu chế xuất và Sở Y tế ký kết.") == []


def test_long_qualifiers_numbers_and_compound_types():
    assert zones("KCN phụ trợ dệt may Bình An thu hút 5 dự án.") == ["Khu công nghiệp phụ trợ dệt may Bình An"]
    assert zones("Khu công nghiệp công nghệ cao 2 đã có 10 nhà đầu tư.") == ["Khu công nghiệp công nghệ cao 2"]
    assert zones("Khu kinh tế cửa khẩu Quốc tế Lao Bảo phát triển.") == ["Khu kinh tế cửa khẩu Quốc tế Lao Bảo"]
    assert zones("Dự án Khu công nghiệp - đô thị và dịch vụ Becamex Bình Phước.") == [
        "Khu công nghiệp - đô thị và dịch vụ Becamex Bình Phước"]


def test_a_zone_named_inside_an_organisation_is_no_zone_mention():
    assert zones("Ban Quản lý Khu kinh tế Vân Phong công bố quy hoạch.") == []
    assert zones("Công ty cổ phần Khu công nghiệp Tân Phú tăng vốn.") == []


def test_abbreviation_in_brackets_colon_lists_and_numbered_zones():
    assert zones("Khu công nghiệp (KCN) Tràng Duệ có 20 dự án.") == ["Khu công nghiệp Tràng Duệ"]
    assert zones("Tỉnh có các CCN: Tân Dân, Phú Lâm đã lấp đầy.") == [
        "Cụm công nghiệp Tân Dân", "Cụm công nghiệp Phú Lâm"]
    assert zones("Mở rộng KCN số 3 và KCN Quế Võ giai đoạn 2.") == ["Khu công nghiệp số 3", "Khu công nghiệp Quế Võ"]


def test_a_brand_named_park_is_named_alone_too():
    text = "Dự án Khu công nghiệp - đô thị và dịch vụ Becamex Bình Phước. Đến nay Becamex Bình Phước có 40 dự án."
    assert zones(text) == ["Khu công nghiệp - đô thị và dịch vụ Becamex Bình Phước"] * 2


def test_a_persons_name_after_the_zones_place_is_no_part_of_it():
    assert zones("Giám đốc Cụm công nghiệp thị trấn Thọ Xuân Lê Văn Hùng cho biết.") == [
        "Cụm công nghiệp thị trấn Thọ Xuân"]
