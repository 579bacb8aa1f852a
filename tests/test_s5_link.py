"""Stage 5: entities, posts, figure subjects, the event."""
from conftest import entity_names, link, posts_of


def test_short_references_join_the_full_name():
    linked = link("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung phát biểu. Theo ông Chung, thành phố sẽ hỗ trợ.")
    people = [e for e in linked.entities.values() if e.kind == "person"]
    assert [p.name for p in people] == ["Nguyễn Đức Chung"]
    assert len(people[0].mentions) == 2 and "Chung" in people[0].labels


def test_a_name_that_begins_a_longer_one_is_the_same_body():
    linked = link("Ban Chỉ đạo Chương trình số 07-CTr/TU họp. Ông A - Phó trưởng Ban Chỉ đạo; "
                  "Ban chỉ đạo Chương trình 07-CTr/TU ban hành kế hoạch.")
    assert entity_names(linked, "organisation") == {"Ban Chỉ đạo Chương trình số 07-CTr/TU"}


def test_posts_in_every_order():
    text = ("Bộ trưởng Bộ Tài chính Hồ Đức Minh dự. Ông Trần Văn An, Giám đốc Sở Nội vụ tỉnh Nam Định, phát biểu. "
            "Bà Lê Thị Hoa - Chủ tịch Hội Nông dân tỉnh Nam Định cho biết. "
            "Ông Nguyễn Văn Bình - Ủy viên T.Ư Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì.")
    assert posts_of(link(text)) == {
        ("Hồ Đức Minh", "Bộ trưởng", "Bộ Tài chính"),
        ("Trần Văn An", "Giám đốc", "Sở Nội vụ tỉnh Nam Định"),
        ("Lê Thị Hoa", "Chủ tịch", "Hội Nông dân tỉnh Nam Định"),
        ("Nguyễn Văn Bình", "Ủy viên", "Ban Chấp hành Trung ương Đảng"),
        ("Nguyễn Văn Bình", "Bí thư", "Tỉnh ủy Nam Định"),
        ("Nguyễn Văn Bình", "Chủ tịch", "HĐND tỉnh Nam Định"),
    }


def test_a_title_before_a_colon_is_shared_by_everyone_listed():
    text = ("Dự có các Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An: Trưởng Ban Tổ chức Tỉnh ủy Lê Văn Hùng; "
            "Chủ tịch Ủy ban MTTQ tỉnh Võ Thị Minh Sinh.")
    got = posts_of(link(text))
    assert ("Lê Văn Hùng", "Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An") in got
    assert ("Võ Thị Minh Sinh", "Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An") in got
    assert ("Lê Văn Hùng", "Trưởng ban", "Ban Tổ chức Tỉnh ủy Nghệ An") in got
    assert ("Võ Thị Minh Sinh", "Chủ tịch", "Ủy ban MTTQ tỉnh Nghệ An") in got


def test_former_posts_implied_bodies_and_no_post_without_organisation():
    linked = link("Ông Phạm Văn Tùng, nguyên Phó Chủ tịch UBND tỉnh Thanh Hóa, và Thủ tướng Nguyễn Xuân Phúc dự; "
                  "chuyên gia Lê Minh nói.")
    former = {(linked.entities[p.person].name, p.former) for p in linked.posts}
    assert former == {("Phạm Văn Tùng", True), ("Nguyễn Xuân Phúc", False)}
    assert ("Nguyễn Xuân Phúc", "Thủ tướng", "Chính phủ") in posts_of(linked)


def test_head_noun_refers_back_to_the_named_body():
    text = ("Trung tâm Dịch vụ việc làm Hải Phòng khảo sát 1.800 doanh nghiệp. "
            "Ông Trần Anh Tuấn, Phó Giám đốc Trung tâm cho biết nhu cầu tăng.")
    assert posts_of(link(text)) == {("Trần Anh Tuấn", "Phó Giám đốc", "Trung tâm Dịch vụ việc làm Hải Phòng")}


def test_figure_subject_is_the_topic_of_its_sentence():
    linked = link("Khu công nghệ cao Hòa Lạc hiện đã thu hút 111 dự án đầu tư, với tổng vốn đăng ký khoảng "
                  "115.830 tỷ đồng. Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Văn A cho biết tỉnh có 16 khu công nghiệp.")
    subjects = {f.mention.text: linked.entities[f.about].name for f in linked.figures}
    assert subjects["111 dự án"] == "Khu công nghệ cao Hòa Lạc"
    assert subjects["khoảng 115.830 tỷ đồng"] == "Khu công nghệ cao Hòa Lạc"
    assert subjects["16 khu công nghiệp"] == "Bắc Ninh"  # the title's UBND is no topic
    indicators = {f.mention.text: f.indicator for f in linked.figures}
    assert indicators["khoảng 115.830 tỷ đồng"] == "tổng vốn đăng ký"


def _subjects(text):
    linked = link(text)
    return {f.mention.text: linked.entities[f.about].name if f.about else None for f in linked.figures}


def test_what_an_authority_reports_is_about_the_place_it_governs():
    subjects = _subjects("Theo Sở Công Thương tỉnh Lào Cai, kim ngạch xuất khẩu qua cửa khẩu đạt 2,1 tỷ USD. "
                         "Công ty cổ phần Apatit Lào Cai nộp ngân sách 900 tỷ đồng.")
    assert subjects == {"2,1 tỷ USD": "Lào Cai", "900 tỷ đồng": "Công ty cổ phần Apatit Lào Cai"}


def test_the_agent_of_a_passive_is_no_subject():
    assert _subjects("Năm nay có thêm 3 dự án đã được UBND tỉnh Lào Cai chấp thuận.") == {"3 dự án": None}


def test_each_item_of_a_list_has_the_subject_of_its_clause():
    subjects = _subjects("Năm nay huyện Yên Phong có 30 dự án mới; huyện Quế Võ có 12 dự án, tổng vốn 300 triệu USD.")
    assert subjects == {"30 dự án": "Yên Phong", "12 dự án": "Quế Võ", "300 triệu USD": "Quế Võ"}


def test_a_parenthesis_is_about_what_it_follows_and_a_rank_not_about_its_range():
    subjects = _subjects("Năm 2024, tỉnh Thái Nguyên tăng trưởng 7,5% (đứng thứ 12 vùng Trung du và miền núi "
                         "phía Bắc); Khu công nghiệp Điềm Thụy (đã có 45 doanh nghiệp) đạt doanh thu 900 tỷ đồng.")
    assert subjects == {"7,5%": "Thái Nguyên", "đứng thứ 12": "Thái Nguyên",
                        "45 doanh nghiệp": "Khu công nghiệp Điềm Thụy", "900 tỷ đồng": "Khu công nghiệp Điềm Thụy"}


def test_the_owner_right_after_a_count_and_where_the_counted_things_are():
    subjects = _subjects("Việt Nam thu hút nhiều nhà đầu tư. Có khoảng 120 doanh nghiệp tỉnh Gifu đang đầu tư, chiếm "
                         "20% số doanh nghiệp Nhật Bản tại Việt Nam; trong đó 3 dự án mới đặt nhà máy tại xã Đại Đồng, "
                         "huyện Tiên Du.")
    assert subjects == {"khoảng 120 doanh nghiệp": "Gifu", "20%": "Gifu", "3 dự án": "Đại Đồng"}


def test_words_that_refer_to_a_zone_a_province_or_the_country():
    subjects = _subjects("Khu công nghiệp Quang Châu rộng 426 ha. Nhiều nhà đầu tư Nhật Bản đã đến tìm hiểu. "
                         "Năm 2025, khu công nghiệp này thu hút 9.000 lao động. Tỉnh Nghệ An nằm khá xa Hà Nội. "
                         "Năm nay, tỉnh thu hút 20 dự án. Việt Nam có nhiều khu công nghiệp. "
                         "Theo thống kê, cả nước có 400 khu công nghiệp.")
    assert subjects == {"426 ha": "Khu công nghiệp Quang Châu", "9.000 lao động": "Khu công nghiệp Quang Châu",
                        "20 dự án": "Nghệ An", "400 khu công nghiệp": "Việt Nam"}


def test_what_a_figure_counts_and_where_people_are_from_are_not_its_subject():
    subjects = _subjects("Bộ Tài chính vừa cấp tiền cho 4 địa phương Hà Tĩnh, Quảng Bình, Quảng Trị. "
                         "Real đã trả 58 triệu euro cho ngôi sao người Pháp. Tỉnh Nghệ An có nhiều dự án. "
                         "Hiện còn 4 huyện của tỉnh chưa có dự án FDI nào.")
    assert subjects == {"4 địa phương": None, "58 triệu euro": None, "4 huyện": "Nghệ An"}  # "của tỉnh": its owner


def test_a_place_named_before_and_referred_to_by_its_unit_word_and_this():
    subjects = _subjects("Xã Ia Sao có 300 hộ nghèo. Nhiều gia đình đã vay vốn. Năm nay địa phương này còn nợ hơn "
                         "2 tỷ đồng. Argentina là đối tác lớn. Năm 2016, nước này xuất khẩu 3 tỷ USD sang Việt Nam.")
    assert subjects == {"300 hộ": "Ia Sao", "hơn 2 tỷ đồng": "Ia Sao", "3 tỷ USD": "Argentina"}


def test_a_share_of_the_whole_country_is_not_about_the_country_but_a_scope_is():
    subjects = _subjects("Việt Nam có nhiều cảng biển. Công ty cổ phần Cảng Hải Phòng nộp ngân sách 900 tỷ đồng. "
                         "Sản lượng hàng thông qua cảng đạt 30 triệu tấn, chiếm 10% cả nước. Tỉnh Nghệ An có bờ biển "
                         "dài. Năm nay, có 1.200 hộ nghèo trong toàn tỉnh thoát nghèo.")
    port = "Công ty cổ phần Cảng Hải Phòng"
    assert subjects == {"900 tỷ đồng": port, "30 triệu tấn": port, "10%": port, "1.200 hộ": "Nghệ An"}


def test_a_run_of_figures_keeps_its_subject_and_a_figure_of_nothing_named_has_none():
    subjects = _subjects("Công ty cổ phần Thép Hòa Bình đạt lợi nhuận 20 tỷ đồng. Doanh thu đạt 300 tỷ đồng. "
                         "Ông Lê Văn Hòa cho biết có 3 người bị thương. Sáng nay có 5 xe bị hỏng.")
    assert subjects == {"20 tỷ đồng": "Công ty cổ phần Thép Hòa Bình", "300 tỷ đồng": "Công ty cổ phần Thép Hòa Bình",
                        "3 người": None, "5 xe": None}


def test_the_event_its_date_organiser_and_chair():
    linked = link("Sáng 12/7/2024, Sở Công Thương tỉnh Bắc Giang tổ chức hội nghị xúc tiến đầu tư. "
                  "Phó Chủ tịch UBND tỉnh Nguyễn Văn Cường chủ trì hội nghị.")
    event, ents = linked.event, linked.entities
    assert event.label.startswith("Hội nghị xúc tiến đầu tư")
    assert event.date == "2024-07-12"
    assert [ents[k].name for k in event.organisers] == ["Sở Công Thương tỉnh Bắc Giang"]
    assert [ents[k].name for k in event.chairs] == ["Nguyễn Văn Cường"]


def test_a_foreign_office_is_held_in_that_country_s_body():
    linked = link("Thủ tướng Nguyễn Xuân Phúc tiếp Thủ tướng Hà Lan Mark Rutte tại Hà Nội. Ông Rutte cảm ơn.")
    assert {("Nguyễn Xuân Phúc", "Thủ tướng", "Chính phủ"),
            ("Mark Rutte", "Thủ tướng", "Chính phủ Hà Lan")} <= posts_of(linked)
    rutte = linked.entities["person:mark rutte"]
    assert len(rutte.mentions) == 2


def test_a_word_that_only_begins_with_an_event_verb_makes_nobody_an_attendee():
    """"dự án" (project) is no "dự" (attend): only Lê Thị Hoa attends."""
    linked = link("Sáng 3/4, UBND tỉnh Thanh Hóa tổ chức hội nghị xúc tiến đầu tư. "
                  "Ông Nguyễn Văn An cho biết dự án sẽ khởi công, dự kiến xong năm 2026. Bà Lê Thị Hoa dự hội nghị.")
    assert [linked.entities[k].name for k in linked.event.attendees] == ["Lê Thị Hoa"]


def test_a_name_ending_in_a_local_issuer_code_is_no_local_document():
    """"07-CTr/TU" is issued in every province; a university named "… STU" is not."""
    text = ("UBND tỉnh Phú Thọ họp. Ban Chỉ đạo Chương trình số 07-CTr/TU họp. "
            "Ông Nguyễn Văn A, Hiệu trưởng Trường Đại học STU, phát biểu.")
    identities = {e.name: e.identity for e in link(text).entities.values() if e.kind == "organisation"}
    assert identities["Ban Chỉ đạo Chương trình số 07-CTr/TU"].endswith("@Phú Thọ")
    assert identities["Trường Đại học STU"] == "org:trường đại học stu"


def test_a_foreign_name_written_in_either_order_is_one_person():
    linked = link("Ông Tanaka Hiroshi, Chủ tịch JETRO, phát biểu. Ông Hiroshi Tanaka cho biết thêm.")
    people = [e for e in linked.entities.values() if e.kind == "person"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Tanaka Hiroshi", 2)]
