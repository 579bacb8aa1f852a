"""Stage 4: persons."""
from conftest import names, recognise


def test_family_name_grammar_on_word_boundaries():
    rec = recognise("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung và Phó Chủ tịch HĐND thành phố Phùng Thị Hồng Hà dự họp.")
    assert names(rec.mentions.persons) == ["Nguyễn Đức Chung", "Phùng Thị Hồng Hà"]


def test_forms_of_address_and_short_references():
    rec = recognise("Theo ông Chung, bà Trần Thị Anh Đào và GS.TS Lê Văn Bình đã phát biểu.")
    got = [(m.info.name, m.info.partial) for m in rec.mentions.persons]
    assert got == [("Chung", True), ("Trần Thị Anh Đào", False), ("Lê Văn Bình", False)]


def test_streets_provinces_and_lunar_years_are_not_persons():
    rec = recognise("Sau Tết Đinh Dậu, đường Hồ Chí Minh qua Cao Bằng được mở rộng; tư tưởng Hồ Chí Minh.")
    assert rec.mentions.persons == []


def test_name_glued_to_an_acronym_by_underthesea():
    rec = recognise("Phó Giám đốc Sở TN&MT Hồ Huy Thành: cần bảo đảm đúng nguyên tắc.")
    assert names(rec.mentions.persons) == ["Hồ Huy Thành"]


def test_bylines_and_photo_credits():
    rec = recognise("Ảnh: QUẾ CHI Tại đây công nhân nêu kiến nghị.\nChủ tịch đã tặng quà. TẤT THẢO")
    assert names(rec.mentions.persons) == ["Quế Chi", "Tất Thảo"]
    rec = recognise("Hội nghị kết thúc tốt đẹp. Mai Hà ")
    assert names(rec.mentions.persons) == ["Mai Hà"]


def test_foreign_leaders_after_a_role_and_their_country():
    rec = recognise("Chiều 20/9, Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Nhật Bản Shinzo Abe; "
                    "Tổng thống Nga Vladimir Putin gửi điện mừng. Ông Abe cảm ơn.")
    assert names(rec.mentions.persons) == ["Nguyễn Xuân Phúc", "Shinzo Abe", "Vladimir Putin", "Abe"]


def test_a_country_after_a_role_does_not_make_a_place_or_company_a_person():
    rec = recognise("Đại sứ Nhật Bản Umeda Kunio thăm Tổng thống Mỹ Nhà Trắng và Chủ tịch Trung Quốc Hải Nam.")
    assert "Nhà Trắng" not in names(rec.mentions.persons)
    assert "Hải Nam" not in names(rec.mentions.persons)


def test_a_foreign_leader_named_after_the_title_alone():
    rec = recognise("Thủ tướng Jacinda Ardern và Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh hội đàm; "
                    "Tổng thống Mỹ Joe Biden dự.")
    assert names(rec.mentions.persons) == ["Jacinda Ardern", "Trần Sỹ Thanh", "Joe Biden"]


def test_a_company_name_after_its_abbreviated_legal_form_is_no_person():
    rec = recognise("Ông Trần Văn Lâm, Giám đốc Cty TNHH TM DV Hoàng Long Phát cho biết.")
    assert names(rec.mentions.persons) == ["Trần Văn Lâm"]


def test_bylines_and_credits_joined_by_dashes_and_a_caption_credit_without_colon():
    rec = recognise("Ông Hùng nói thêm. Ảnh: Quang Vinh – TTXVN\nToàn cảnh hội nghị. Ảnh Ngọc Hà\n"
                    "Đoàn đã về nước. Minh Khôi - Thu Trang")
    assert names(rec.mentions.persons) == ["Hùng", "Quang Vinh", "Ngọc Hà", "Minh Khôi", "Thu Trang"]


def test_a_foreign_leaders_long_or_hyphenated_name_is_read_whole_or_not_at_all():
    rec = recognise("Quốc vương Saudi Arabia Salman Bin Abdul-Aziz Al Saud và "
                    "Tổng thống Hàn Quốc Moon Jae-in gặp nhau.")
    assert names(rec.mentions.persons) == ["Salman Bin Abdul-Aziz Al Saud", "Moon Jae-in"]
    assert names(recognise("Ông gặp Thủ tướng Pakistan Na-oa Sa ríp tại Islamabad.").mentions.persons) == []


def test_a_name_underthesea_glued_to_the_place_before_it_is_a_person_after_that_place():
    rec = recognise("Phó Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn cho biết. "
                    "Bí thư Tỉnh ủy Bắc Ninh Vương Quốc Tuấn chủ trì hội nghị.")
    assert names(rec.mentions.persons) == ["Vương Quốc Tuấn", "Vương Quốc Tuấn"]
    assert names(rec.mentions.places) == ["Bắc Ninh", "Bắc Ninh"]
