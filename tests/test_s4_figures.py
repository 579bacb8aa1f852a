"""Stage 4: figures and the Vietnamese number grammar."""
import pytest

from pipeline.s4_recognise.numbers import parse_fraction, parse_number, parse_range

from conftest import recognise


def figures(text):
    keys = ("value", "min", "max", "unit", "total", "qualifier")
    return [{k: getattr(m.info, k) for k in keys if getattr(m.info, k) is not None}
            for m in recognise(text).mentions.figures]


@pytest.mark.parametrize("text,value", [("1.348", 1348), ("115.830", 115830), ("2,5", 2.5), ("7,37", 7.37),
                                        ("1.234,5", 1234.5), ("100,000,000", 100000000), ("600", 600)])
def test_vietnamese_numerals(text, value):
    assert parse_number(text) == value


def test_dates_years_and_periods_are_not_numbers():
    assert parse_number("6.2") is None
    assert parse_range("2021-2025") is None and parse_range("10-7") is None
    assert parse_range("700-800") == (700, 800)
    assert parse_fraction("4/7") == (4, 7) and parse_fraction("1/500") is None and parse_fraction("8/2") is None


def test_units_and_scales_normalise():
    got = figures("Tổng diện tích là 1.348ha, tổng vốn khoảng 115.830 tỷ đồng (tương đương 5,1 tỷ USD), "
                  "hơn 23 triệu tấn rác, 15 vạn công nhân, xấp xỉ 100% và 4.500km đường.")
    assert got == [
        {"value": 1348.0, "unit": "ha"},
        {"value": 115830000000000.0, "unit": "VND", "qualifier": "khoảng"},
        {"value": 5100000000.0, "unit": "USD"},
        {"value": 23000000.0, "unit": "tonne", "qualifier": "hơn"},
        {"value": 150000.0, "unit": "count"},
        {"value": 100.0, "unit": "percent", "qualifier": "xấp xỉ"},
        {"value": 4500.0, "unit": "km"},
    ]


def test_ranges_fractions_totals_and_ranks():
    got = figures("Đạt 4/7 chỉ tiêu; 700-800 tỉ đồng; từ 8,5 - 9%; 1 trong 4 chương trình; Hà Nội xếp thứ 14/63 "
                  "và xếp thứ nhất về chỉ số PCI; tăng 37 bậc.")
    assert got == [
        {"value": 4.0, "total": 7.0, "unit": "count"},
        {"min": 700000000000.0, "max": 800000000000.0, "unit": "VND"},
        {"min": 8.5, "max": 9.0, "unit": "percent", "qualifier": "từ"},
        {"value": 1.0, "total": 4.0, "unit": "count"},
        {"unit": "rank", "total": 63.0, "value": 14.0},
        {"unit": "rank", "value": 1.0},
        {"value": 37.0, "unit": "count"},
    ]


def test_dates_documents_ordinals_ages_and_speeds_are_left_out():
    text = ("Sáng 3/4, theo Chương trình số 07-CTr/TU và 277/CTr-UBND ngày 05/12/2021, Kỳ họp thứ 3 Quốc hội "
            "khóa XIV, giai đoạn 2021-2025, trong 6 tháng, tốc độ 80 km/h, Quốc lộ 1A, Điều 93, năm 2016.")
    assert figures(text) == []


def test_counted_noun_is_kept():
    rec = recognise("Khu công nghệ cao Hòa Lạc thu hút 111 dự án và 17 lượt ý kiến, 10 khu công nghiệp, 2.229 tổ chức.")
    assert [m.info.count_of for m in rec.mentions.figures] == [
        "dự án", "lượt ý kiến", "khu công nghiệp", "tổ chức"]


def test_amounts_compound_ranged_at_both_ends_and_rates():
    got = figures("Tổng mức đầu tư 12 tỷ 450 triệu đồng, vốn mỗi năm khoảng 300 triệu – 500 triệu USD, "
                  "giá thuê 25 triệu đồng/năm, năng suất 6,2 tấn/ha và tăng trưởng trên 9%/năm.")
    assert got == [{"value": 12450000000, "unit": "VND"},
                   {"min": 300000000, "max": 500000000, "unit": "USD", "qualifier": "khoảng"},
                   {"value": 25000000, "unit": "VND"}, {"value": 6.2, "unit": "tonne"},
                   {"value": 9, "unit": "percent", "qualifier": "trên"}]


def test_a_number_after_a_place_or_with_a_unit_is_no_name():
    """"Hội nghị TƯ 5" is a name; "Việt Nam 120 dự án" and "GPMB 2.150ha" are figures."""
    got = figures("Các nhà đầu tư Nhật Bản có tại Việt Nam 120 dự án; công tác GPMB 2.150ha; Hội nghị TƯ 5 bế mạc.")
    assert got == [{"value": 120, "unit": "count"}, {"value": 2150, "unit": "ha"}]


def test_fractions_of_large_wholes_and_counted_bodies():
    rec = recognise("Thanh tra tỉnh giải quyết 145/160 vụ việc; dự án được 5 Bộ và Thủ tướng cho ý kiến; "
                    "bản đồ tỷ lệ 1/500.")
    assert [(m.info.value, m.info.total, m.info.count_of) for m in rec.mentions.figures] == [
        (145, 160, "vụ việc"), (5, None, "Bộ")]


def test_a_ranks_total_written_after_it_is_no_figure_of_its_own():
    rec = recognise("Năm 2024, tỉnh xếp thứ 12 về chỉ số PCI so với 34 tỉnh, thành phố; "
                    "Đà Nẵng đứng thứ nhất trên 34 tỉnh.")
    assert [(m.info.value, m.info.total, m.info.unit) for m in rec.mentions.figures] == [
        (12, 34, "rank"), (1, 34, "rank")]


def test_a_numbered_plan_and_a_speed_are_no_figures():
    assert figures("Triển khai Đề án 06 trên địa bàn; tốc độ thiết kế 100 km/h.") == []


def test_the_indicator_written_before_a_figure():
    rec = recognise("Kim ngạch xuất khẩu thủy sản đạt 2,5 tỷ USD. "
                    "Cây cầu mới có chiều cao 45 m và giá bán vé 30.000 đồng.")
    assert {m.text: m.info.indicator for m in rec.mentions.figures} == {
        "2,5 tỷ USD": "kim ngạch xuất khẩu thủy sản", "45 m": "chiều cao", "30.000 đồng": "giá bán vé"}
