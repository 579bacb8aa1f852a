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
