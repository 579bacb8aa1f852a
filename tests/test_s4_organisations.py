"""Stage 4: organisations."""
from conftest import names, recognise


def orgs(text):
    return names(recognise(text).mentions["organisations"])


def test_field_heads_read_fields_of_government():
    assert orgs("Bộ trưởng Bộ Tài nguyên và Môi trường Trần Hồng Hà cho biết.") == ["Bộ Tài nguyên và Môi trường"]
    assert orgs("Hà Nội đứng đầu Bộ Chỉ số đổi mới sáng tạo.") == []  # "Bộ chỉ số" is no ministry


def test_names_with_lower_case_words_end_on_a_capitalised_word_or_place():
    got = orgs("Ông A, Giám đốc Trung tâm phục vụ hành chính công TP Hà Nội tham luận tại hội nghị.")
    assert got == ["Trung tâm phục vụ hành chính công TP Hà Nội"]
    assert orgs("Công ty cổ phần Dệt may Bến Thành tuyển 50 công nhân.") == ["Công ty cổ phần Dệt may Bến Thành"]
    assert orgs("Công ty này đang tuyển lao động.") == ["Công ty"]  # a bare head, kept for anaphora


def test_parent_bodies_and_implicit_locality():
    rec = recognise("Thành ủy Hà Nội họp. Trưởng Ban Tổ chức Thành ủy Hà Minh Hải và Phó Chủ tịch HĐND thành phố dự.")
    got = {m.attrs["name"]: (m.attrs["parent"] or {}).get("name") for m in rec.mentions["organisations"]}
    assert got["Ban Tổ chức Thành ủy Hà Nội"] == "Thành ủy Hà Nội"
    assert "HĐND thành phố Hà Nội" in got


def test_plural_and_generic_mentions_are_not_organisations():
    assert orgs("Chủ tịch UBND các huyện và các sở, ban, ngành báo cáo.") == []


def test_known_bodies_and_abbreviations():
    got = orgs("Ông Nguyễn Đức Chung - Ủy viên T.Ư Đảng; ông Mai Đức Chính - Phó Chủ tịch Tổng LĐLĐVN.")
    assert got == ["Ban Chấp hành Trung ương Đảng", "Tổng Liên đoàn Lao động Việt Nam"]


def test_defined_alias_is_the_company_wherever_written():
    rec = recognise("Vinatrans ký hợp đồng. Tổng công ty Vận tải Thủy (Vinatrans) cho biết. Vinatrans tăng vốn.")
    got = [m.attrs["name"] for m in rec.mentions["organisations"]]
    assert got == ["Tổng công ty Vận tải Thủy"] * 3


def test_latin_brand_with_a_corporate_word_and_news_outlets():
    assert orgs("Tập đoàn FPT (FPT Software, Đại học FPT) tham gia.") == ["Tập đoàn FPT", "FPT Software", "Đại học FPT"]
    assert orgs("Thủ tướng nhấn mạnh./. Nguyễn Quỳnh/VOV.VN") == ["VOV.VN"]
