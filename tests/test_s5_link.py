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


def test_what_a_speaker_from_an_authority_says_is_about_the_place_it_governs_but_not_what_he_does():
    subjects = _subjects("Ông Trần Văn Hà, Phó Giám đốc Sở Kế hoạch và Đầu tư tỉnh Bình Định, cho biết tổng vốn đầu tư "
                         "nước ngoài thu hút năm 2024 đạt hơn 222 triệu USD. Chủ tịch UBND tỉnh Phú Yên Trần Hữu Thế "
                         "đã tặng 100 suất quà cho công nhân.")
    assert subjects == {"hơn 222 triệu USD": "Bình Định", "100 suất quà": None}


def test_a_fronted_with_phrase_is_about_the_subject_of_the_main_clause():
    subjects = _subjects("Với dân số gần 100 triệu người, Việt Nam là thị trường lớn. "
                         "Với diện tích 300 ha, Khu công nghiệp Nam Đình Vũ đã thu hút 45 dự án.")
    assert subjects == {"gần 100 triệu người": "Việt Nam", "300 ha": "Khu công nghiệp Nam Đình Vũ",
                        "45 dự án": "Khu công nghiệp Nam Đình Vũ"}


def test_a_place_after_tren_dia_ban_scopes_the_sentence():
    subjects = _subjects("Năm 2024, tổng sản lượng rau là 491.000 tấn, đáp ứng 44% nhu cầu tiêu dùng của người dân "
                         "trên địa bàn tỉnh Lâm Đồng. Ông Lê Văn Tám cho biết sản lượng lúa là 90.000 tấn, "
                         "phần lớn ở tỉnh Long An.")
    assert subjects == {"491.000 tấn": "Lâm Đồng", "44%": "Lâm Đồng", "90.000 tấn": None}


def test_zones_counted_with_no_place_named_are_the_report_s_province():
    subjects = _subjects("UBND thành phố Hải Phòng báo cáo kết quả. Thành phố Hải Phòng đẩy mạnh thu hút đầu tư. "
                         "Đến nay đã có 3 khu công nghiệp mới được Thủ tướng quyết định chủ trương đầu tư. "
                         "Nhiều doanh nghiệp đã đến tìm hiểu. Đến nay đã có 5 nhà máy mới đi vào hoạt động.")
    assert subjects == {"3 khu công nghiệp": "Hải Phòng", "5 nhà máy": None}


def test_a_bank_after_the_copula_is_what_the_subject_is_and_a_bare_bank_is_the_one_named_by_its_brand():
    subjects = _subjects("Vietcombank được giao hỗ trợ NH Xây dựng (VNCB). Năm 2016, Vietcombank là NH đầu tiên xử lý "
                         "toàn bộ nợ xấu, đóng góp cho ngân sách nhà nước gần 5.000 tỉ đồng. "
                         "“NH đặt mục tiêu vào nhóm 300 tập đoàn tài chính toàn cầu”.")
    assert subjects == {"gần 5.000 tỉ đồng": "Vietcombank", "300 tập đoàn": "Vietcombank"}


def test_of_several_places_where_things_are_the_nearest_before_the_figure():
    subjects = _subjects("Theo ông Tâm, kênh Ba Bò tiếp nhận nước thải từ các khu dân cư ở tỉnh Long An mà chủ yếu là "
                         "các khu dân cư ở tỉnh Tây Ninh, đặc biệt là từ 2 khu công nghiệp.")
    assert subjects == {"từ 2 khu công nghiệp": "Tây Ninh"}


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


def test_stacked_titles_joined_by_a_dash_each_give_a_post():
    got = posts_of(link("Ủy viên Ban Thường vụ Tỉnh ủy - Trưởng Ban Dân vận Tỉnh ủy Hoàng Minh Tâm dự họp "
                        "tại Hưng Yên."))
    assert {("Hoàng Minh Tâm", "Ủy viên", "Ban Thường vụ Tỉnh ủy Hưng Yên"),
            ("Hoàng Minh Tâm", "Trưởng ban", "Ban Dân vận Tỉnh ủy Hưng Yên")} <= got


def test_a_role_stacked_before_a_body_shares_it():
    """"Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc X": X is minister and chairman of the one body."""
    got = posts_of(link("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Hầu A Phềnh làm việc với tỉnh Lai Châu."))
    assert got == {("Hầu A Phềnh", "Bộ trưởng", "Ủy ban Dân tộc"), ("Hầu A Phềnh", "Chủ nhiệm", "Ủy ban Dân tộc")}


def test_a_secretary_stacked_before_a_local_body_holds_the_locality_s_party_committee():
    got = posts_of(link("Bí thư kiêm Chủ tịch UBND huyện Kim Sơn Đinh Văn Thụy kiểm tra đê biển."))
    assert got == {("Đinh Văn Thụy", "Bí thư", "Huyện ủy Kim Sơn"), ("Đinh Văn Thụy", "Chủ tịch", "UBND huyện Kim Sơn")}


def test_a_body_only_partly_recognised_gives_no_post_but_its_stack_does():
    """"Trưởng đoàn ĐBQH tỉnh": whatever the body's name, the name after "tỉnh" holds the other titles."""
    got = posts_of(link("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng đoàn ĐBQH tỉnh Trần Quốc Hưng "
                        "phát biểu tại hội nghị ở Thái Bình."))
    assert {("Trần Quốc Hưng", "Phó Bí thư", "Tỉnh ủy Thái Bình"),
            ("Trần Quốc Hưng", "Chủ tịch", "UBND tỉnh Thái Bình")} <= got


def test_a_title_then_a_dash_and_a_form_of_address():
    got = posts_of(link("Giám đốc Công ty Cổ phần Thủy sản Hòa Lợi - ông Phan Thanh Liêm - cho biết giá tôm tăng."))
    assert got == {("Phan Thanh Liêm", "Giám đốc", "Công ty Cổ phần Thủy sản Hòa Lợi")}


def test_a_colon_that_opens_a_quotation_lists_nobody():
    got = posts_of(link("Kết luận hội nghị, Bộ trưởng Bộ Y tế: “Chúng tôi cảm ơn bà Ngô Thị Mai và ông Vũ Đức Tài”."))
    assert got == set()


def test_offices_of_two_countries_are_not_one_stack():
    got = posts_of(link("Hội nghị có Thủ tướng Thái Lan, Thủ tướng Campuchia Hun Manet cùng nhiều khách mời."))
    assert got == {("Hun Manet", "Thủ tướng", "Chính phủ Campuchia")}


def test_a_title_followed_by_an_unrecognised_name_is_not_the_previous_person_s():
    got = posts_of(link("Buổi lễ có Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn, Chủ tịch Cơ quan Hợp tác Quốc tế "
                        "Nhật Bản (JICA) Akihiko Tanaka cùng nhiều khách mời."))
    assert ("Bùi Thanh Sơn", "Chủ tịch", "Cơ quan Hợp tác Quốc tế Nhật Bản") not in got


def test_a_leader_s_office_read_only_from_a_stack_is_not_given_when_someone_holds_it():
    """The comma after "Bộ Quốc phòng" ends a clause: Phan Văn Giang is the minister, not Phạm Minh Chính."""
    got = posts_of(link("Hội đàm với Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng, Thủ tướng Phạm Minh Chính "
                        "hoan nghênh hai bên."))
    assert ("Phan Văn Giang", "Bộ trưởng", "Bộ Quốc phòng") in got
    assert ("Phạm Minh Chính", "Bộ trưởng", "Bộ Quốc phòng") not in got


def test_a_foreign_head_of_state_holds_that_country_s_state():
    linked = link("Chủ tịch nước Lương Cường đón Tổng thống Indonesia Prabowo Subianto và Chủ tịch Trung Quốc "
                  "Tập Cận Bình; Tổng Bí thư Lào Thongloun Sisoulith gửi điện.")
    got = posts_of(linked)
    assert {("Prabowo Subianto", "Tổng thống", "Nhà nước Indonesia"),
            ("Tập Cận Bình", "Chủ tịch", "Nhà nước Trung Quốc")} <= got
    assert not any(person == "Thongloun Sisoulith" for person, _, _ in got)  # never Viet Nam's party


def test_a_president_with_no_country_is_the_state_of_the_one_foreign_country_the_report_names():
    got = posts_of(link("Tiếp đoàn Hoa Kỳ, ông Joe Biden, Tổng thống, khẳng định Hoa Kỳ coi trọng quan hệ hai nước."))
    assert ("Joe Biden", "Tổng thống", "Nhà nước Mỹ") in got
    got = posts_of(link("Tên lửa bay qua Hàn Quốc và Nhật Bản; ông Joe Biden, Tổng thống, lên án vụ phóng."))
    assert not any(person == "Joe Biden" for person, _, _ in got)  # which country's is not said


def test_the_name_after_the_office_of_whom_an_aide_serves_is_the_aide_s():
    got = posts_of(link("Báo Sputnik dẫn lời trợ lý của Ngoại trưởng Mỹ ông John Carter cho biết."))
    assert got == set()


def test_a_minister_s_field_names_the_ministry():
    got = posts_of(link("Bộ trưởng Kế hoạch và Đầu tư Nguyễn Chí Dũng dự. Bộ trưởng Thương mại Indonesia - "
                        "ông Budi Santoso - cho biết hai nước sẽ ký kết."))
    assert {("Nguyễn Chí Dũng", "Bộ trưởng", "Bộ Kế hoạch và Đầu tư"),
            ("Budi Santoso", "Bộ trưởng", "Bộ Thương mại Indonesia")} <= got


def test_the_inspector_general_heads_the_government_inspectorate():
    got = posts_of(link("Tổng Thanh tra Chính phủ Đoàn Hồng Phong chủ trì hội nghị."))
    assert got == {("Đoàn Hồng Phong", "Tổng Thanh tra", "Thanh tra Chính phủ")}


def test_a_head_noun_written_again_after_the_role_begins_the_body():
    got = posts_of(link("Trưởng ban Ban Quản lý các khu công nghiệp tỉnh Nam Định Trần Anh Dũng cho biết."))
    assert got == {("Trần Anh Dũng", "Trưởng ban", "Ban Quản lý các khu công nghiệp tỉnh Nam Định")}


def test_a_bare_title_refers_to_the_office_stated_for_the_same_person():
    got = posts_of(link("Thủ tướng Nhật Bản Shigeru Ishiba đến Hà Nội. Tại buổi gặp, Thủ tướng - ông Shigeru "
                        "Ishiba - cho biết hai nước sẽ hợp tác."))
    assert got == {("Shigeru Ishiba", "Thủ tướng", "Chính phủ Nhật Bản")}


def test_the_front_s_presidium_is_a_body_not_a_chairman():
    got = posts_of(link("Ủy viên Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Lê Thị Nga phát biểu."))
    assert got == {("Lê Thị Nga", "Ủy viên", "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")}


def test_former_titles_before_two_joined_names_go_to_both():
    got = posts_of(link("Dự lễ có các đồng chí nguyên Ủy viên Bộ Chính trị, nguyên Thường trực Ban Bí thư "
                        "Lê Văn Hải và Trần Quốc Bảo."))
    assert got == {(name, role, org) for name in ("Lê Văn Hải", "Trần Quốc Bảo")
                   for role, org in (("Ủy viên", "Bộ Chính trị"), ("Thường trực", "Ban Bí thư"))}


def test_a_chairman_s_title_is_not_shared_with_the_name_joined_after_his():
    got = posts_of(link("Chủ tịch UBND tỉnh Ninh Bình Nguyễn Văn Tâm và Lê Thị Hoa cùng dự."))
    assert got == {("Nguyễn Văn Tâm", "Chủ tịch", "UBND tỉnh Ninh Bình")}


def test_a_standing_board_is_a_body_and_the_secretariat_s_standing_member_an_office():
    linked = link("Thường trực Tỉnh ủy Ninh Bình làm việc. Đồng chí Lê Văn Hải, Ủy viên Bộ Chính trị, "
                  "Thường trực Ban Bí thư dự.")
    assert "Thường trực Tỉnh ủy Ninh Bình" in entity_names(linked, "organisation")
    assert ("Lê Văn Hải", "Thường trực", "Ban Bí thư") in posts_of(linked)


def test_a_title_in_the_bracket_after_a_name_past_the_age():
    got = posts_of(link("Ông Đỗ Văn Khải (52 tuổi, Giám đốc Công ty Cổ phần Xây dựng Hòa Bình) bị khởi tố."))
    assert got == {("Đỗ Văn Khải", "Giám đốc", "Công ty Cổ phần Xây dựng Hòa Bình")}


def test_a_foreign_office_is_not_given_to_a_person_named_as_another_country_s():
    got = posts_of(link("Hội nghị có Tổng thống Kenya William Ruto, Thủ tướng Ethiopia, cùng nhiều khách mời."))
    assert got == {("William Ruto", "Tổng thống", "Nhà nước Kenya")}


def test_chinh_quyen_is_no_acting_office():
    got = posts_of(link("Đây là chính sách của chính quyền Tổng thống Mỹ Joe Biden."))
    assert got == {("Joe Biden", "Tổng thống", "Nhà nước Mỹ")}


def test_a_place_name_the_place_grammar_missed_is_no_unrecognised_name():
    got = posts_of(link("Ông Lò Văn Páo - Phó Chủ tịch UBND xã Hương Vĩnh thông tin: lũ đã rút."))
    assert {person for person, _, _ in got} == {"Lò Văn Páo"}


def test_a_dash_apposition_whose_name_has_its_own_title_is_a_list():
    got = posts_of(link("Khách mời gồm: - Ông Đỗ Quý Doãn -- nguyên Thứ trưởng Bộ Thông tin và Truyền thông "
                        "- Ông Lê Quang Tự Do -- Cục trưởng Cục Phát thanh, truyền hình."))
    assert ("Lê Quang Tự Do", "Thứ trưởng", "Bộ Thông tin và Truyền thông") not in got
    assert ("Đỗ Quý Doãn", "Thứ trưởng", "Bộ Thông tin và Truyền thông") in got


def test_a_foreign_name_written_in_either_order_is_one_person():
    linked = link("Ông Tanaka Hiroshi, Chủ tịch JETRO, phát biểu. Ông Hiroshi Tanaka cho biết thêm.")
    people = [e for e in linked.entities.values() if e.kind == "person"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Tanaka Hiroshi", 2)]


def test_a_body_a_bare_unit_word_follows_is_the_locality_s():
    """"Chủ tịch Ủy ban MTTQ thành phố <misspelt place>": the locality's Front committee, still a post."""
    got = posts_of(link("Bà Lê Thị Hà, Chủ tịch Ủy ban MTTQVN thành phố Đà nẵng cho biết. Ủy ban MTTQVN thành phố "
                        "Đà Nẵng đồng tình."))
    assert ("Lê Thị Hà", "Chủ tịch", "Ủy ban MTTQVN thành phố Đà Nẵng") in got


def test_a_bare_office_stacked_with_a_foreign_one_is_not_viet_nam_s():
    got = posts_of(link("Đoàn đã hội kiến Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình tại Bắc Kinh."))
    assert got == {("Tập Cận Bình", "Chủ tịch", "Nhà nước Trung Quốc")}


def test_viet_nam_written_after_an_office_is_no_foreign_country():
    got = posts_of(link("Năm 2005, Thủ tướng Việt Nam Phan Văn Khải thăm Hoa Kỳ."))
    assert got == {("Phan Văn Khải", "Thủ tướng", "Chính phủ")}


def test_a_capitalised_staff_title_before_a_name_and_a_body_is_a_post():
    got = posts_of(link("Người phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng cho biết."))
    assert got == {("Lê Thị Thu Hằng", "Người phát ngôn", "Bộ Ngoại giao")}
    assert posts_of(link("Hôm qua, công nhân Công ty May 10 Nguyễn Văn Bình bị thương.")) == set()


def test_a_foreign_minister_named_after_the_ministrys_field_and_country():
    got = posts_of(link("Ông đã tiếp Bộ trưởng Quốc phòng Hà Lan Jeanine Hennis và "
                        "Bộ trưởng Ngoại giao Nga Sergey Lavrov."))
    assert got == {("Jeanine Hennis", "Bộ trưởng", "Bộ Quốc phòng Hà Lan"),
                   ("Sergey Lavrov", "Bộ trưởng", "Bộ Ngoại giao Nga")}


def test_a_body_completed_with_the_reports_city_belongs_to_that_city_not_the_most_named_province():
    linked = link("Kênh Ba Bò nhận nước thải của Bình Dương. Bình Dương hứa xử lý, nhưng Bình Dương chậm. "
                  "Tại kỳ họp HĐND TP Hồ Chí Minh, Chủ tịch UBND TP Nguyễn Thành Phong trả lời chất vấn.")
    assert linked.locality.province == "Bình Dương"  # named most, bare
    body = next(e for e in linked.entities.values() if e.name == "UBND TP Hồ Chí Minh")
    assert body.province == "Hồ Chí Minh"


def test_a_bare_body_completed_with_one_province_does_not_begin_the_same_body_of_another():
    linked = link("Hội nghị công bố kết quả kiểm tra tại Tỉnh ủy Bình Định. Ông Hồ Quốc Dũng, Phó Bí thư Tỉnh ủy, "
                  "Chủ tịch UBND tỉnh Bình Định báo cáo. Đoàn kiểm tra 2 đơn vị là Tỉnh ủy Bình Định, "
                  "Tỉnh ủy Bình Thuận.")
    committees = {e.name: len(e.mentions) for e in linked.entities.values() if e.name.startswith("Tỉnh ủy")}
    assert committees == {"Tỉnh ủy Bình Định": 3, "Tỉnh ủy Bình Thuận": 1}
    assert ("Hồ Quốc Dũng", "Phó Bí thư", "Tỉnh ủy Bình Định") in posts_of(linked)
