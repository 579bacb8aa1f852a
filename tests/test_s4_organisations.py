"""Stage 4: organisations as written; their names in the report's locality come from linking."""
from conftest import entity_names_of, link, recognise


def orgs(text):
    """The name linking gives each organisation mention (its surface when it joins no entity)."""
    linked = link(text)
    named = zip(entity_names_of(linked, "organisations"), linked.mentions.organisations, strict=True)
    return [name or m.text for name, m in named]


def test_field_heads_read_fields_of_government():
    assert orgs("Bộ trưởng Bộ Tài nguyên và Môi trường Trần Hồng Hà cho biết.") == ["Bộ Tài nguyên và Môi trường"]
    assert orgs("Hà Nội đứng đầu Bộ Chỉ số đổi mới sáng tạo.") == []  # "Bộ chỉ số" is no ministry


def test_names_with_lower_case_words_end_on_a_capitalised_word_or_place():
    got = orgs("Ông A, Giám đốc Trung tâm phục vụ hành chính công TP Hà Nội tham luận tại hội nghị.")
    assert got == ["Trung tâm phục vụ hành chính công TP Hà Nội"]
    assert orgs("Công ty cổ phần Dệt may Bến Thành tuyển 50 công nhân.") == ["Công ty cổ phần Dệt may Bến Thành"]
    assert orgs("Công ty này đang tuyển lao động.") == ["Công ty"]  # a bare head, kept for anaphora


def test_parent_bodies_and_implicit_locality():
    text = "Thành ủy Hà Nội họp. Trưởng Ban Tổ chức Thành ủy Hà Minh Hải và Phó Chủ tịch HĐND thành phố dự."
    rec = recognise(text)
    board = rec.mentions.organisations[1].info
    assert (board.own, board.parent.surface, board.parent.place) == ("Ban Tổ chức", "Thành ủy", None)
    assert rec.mentions.organisations[2].info.implicit_level == "city"  # "thành phố": which one, linking says
    linked = link(text)
    parents = {e.name: {linked.entities[k].name for k in e.parents} for e in linked.entities.values()}
    assert parents["Ban Tổ chức Thành ủy Hà Nội"] == {"Thành ủy Hà Nội"}
    assert "HĐND thành phố Hà Nội" in parents


def test_plural_and_generic_mentions_are_not_organisations():
    assert orgs("Chủ tịch UBND các huyện và các sở, ban, ngành báo cáo.") == []


def test_known_bodies_and_abbreviations():
    got = orgs("Ông Nguyễn Đức Chung - Ủy viên T.Ư Đảng; ông Mai Đức Chính - Phó Chủ tịch Tổng LĐLĐVN.")
    assert got == ["Ban Chấp hành Trung ương Đảng", "Tổng Liên đoàn Lao động Việt Nam"]


def test_defined_alias_is_the_company_wherever_written():
    text = "Vinatrans ký hợp đồng. Tổng công ty Vận tải Thủy (Vinatrans) cho biết. Vinatrans tăng vốn."
    rec = recognise(text)
    defined = rec.mentions.organisations[1].info
    assert [m.info.refers_to for m in rec.mentions.organisations] == [
        (defined.start, defined.end), None, (defined.start, defined.end)]
    assert orgs(text) == ["Tổng công ty Vận tải Thủy"] * 3


def test_latin_brand_with_a_corporate_word_and_news_outlets():
    assert orgs("Tập đoàn FPT (FPT Software, Đại học FPT) tham gia.") == ["Tập đoàn FPT", "FPT Software", "Đại học FPT"]
    assert orgs("Thủ tướng nhấn mạnh./. Nguyễn Quỳnh/VOV.VN") == ["VOV.VN"]


def test_lower_case_heads_name_a_body_when_a_capitalised_name_follows():
    assert orgs("Giám đốc công ty Minh Long cho biết đơn hàng tăng.") == ["Công ty Minh Long"]
    assert orgs("Phóng viên báo Lao Động ghi nhận tại bệnh viện Thanh Nhàn.") == ["Báo Lao Động",
                                                                                 "Bệnh viện Thanh Nhàn"]
    assert orgs("Các công ty Hàn Quốc và các tạp chí ISI.") == []  # a country's companies; journals, none named
    assert orgs("Tỉnh sẽ tổ chức Hội chợ xuân.") == []  # "tổ chức": a verb
    assert orgs("Tập đoàn Minh Long và VKT ký kết.") == ["Tập đoàn Minh Long"]  # an acronym after "và": another


def test_a_number_after_a_company_name_belongs_to_it():
    assert orgs("Công ty Sông Hồng 5 có 300 công nhân.") == ["Công ty Sông Hồng 5"]
    assert orgs("Tập đoàn Minh Long 3 năm liền lãi lớn.") == ["Tập đoàn Minh Long"]


def test_names_take_a_lower_case_tail_of_nouns():
    assert orgs("Cục Xúc tiến thương mại vừa công bố báo cáo.") == ["Cục Xúc tiến thương mại"]
    assert orgs("Ông được đưa vào Bệnh viện Nhi trung ương cấp cứu.") == ["Bệnh viện Nhi trung ương"]
    assert orgs("Báo Lao Động kịp thời phản ánh.") == ["Báo Lao Động"]  # an adverb is no part of it
    assert orgs("Công ty Minh Long vốn 200 tỷ đồng.") == ["Công ty Minh Long"]  # a noun phrase begins
    assert orgs("Hội Doanh nhân trẻ & khởi nghiệp Đà Nẵng họp.") == ["Hội Doanh nhân trẻ & khởi nghiệp Đà Nẵng"]


def test_a_word_glued_to_a_name_is_no_part_of_it():
    assert orgs("Tập đoàn Samsung doanh thu giảm.") == ["Tập đoàn Samsung"]


def test_listed_local_bodies_share_the_locality_written_once():
    assert orgs("Tỉnh ủy, HĐND, UBND tỉnh Gia Lai quyết định.") == [
        "Tỉnh ủy Gia Lai", "HĐND tỉnh Gia Lai", "UBND tỉnh Gia Lai"]
    assert orgs("HĐND và UBND huyện Đông Anh họp.") == ["HĐND huyện Đông Anh", "UBND huyện Đông Anh"]


def test_national_bodies_take_viet_nam_and_local_ones_their_unit():
    assert orgs("Bảo hiểm xã hội Việt Nam công bố số liệu.") == ["Bảo hiểm xã hội Việt Nam"]
    assert orgs("Ông A, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Gia Lai, phát biểu.") == [
        "Ủy ban MTTQ Việt Nam tỉnh Gia Lai"]
    assert orgs("Đảng bộ tỉnh Gia Lai có 80 nghìn đảng viên.") == ["Đảng bộ tỉnh Gia Lai"]


def test_foreign_ministries_and_parties():
    assert orgs("Bộ Năng lượng và Khoáng sản Indonesia cho biết.") == ["Bộ Năng lượng và Khoáng sản Indonesia"]
    assert orgs("Đảng Bảo thủ giành đa số; Đảng và Nhà nước ta quan tâm.") == [
        "Đảng Bảo thủ", "Đảng Cộng sản Việt Nam"]
    assert orgs("Đề án chuyển đổi số trong các cơ quan Đảng được triển khai.") == []  # "Đảng" qualifies a noun


def test_brands_named_alone():
    assert orgs("Lợi nhuận của Sonabank tăng mạnh.") == ["Sonabank"]  # a trading name's ending
    assert orgs("Theo hãng tin Kyodo, hãng Suzuki sẽ mở nhà máy.") == ["Kyodo", "Suzuki"]
    assert orgs("Các doanh nghiệp Amazon, Netflix và Spotify đầu tư.") == ["Amazon", "Netflix", "Spotify"]
    assert orgs("Doanh nghiệp Nhà nước và doanh nghiệp Nhật Bản cùng tham gia.") == []  # no foreign name
    assert orgs("Các dự án điện của TKV, Hoanggroup được đẩy nhanh.") == ["TKV", "Hoanggroup"]


def test_a_misspelt_brand_and_a_board_named_by_an_alias_join_their_body():
    assert orgs("Minhphatbank tăng vốn. Minhphatbank và Minhpahtbank cùng báo lãi.") == ["Minhphatbank"] * 3
    text = "Ông A, Trưởng Ban Quản lý Khu kinh tế Vân Phong (Kvp), cho biết. Ông B, Phó trưởng ban Kvp, dự."
    assert set(orgs(text)) == {"Ban Quản lý Khu kinh tế Vân Phong"}
    assert orgs("Ban lãnh đạo Minhphatbank họp.") == ["Minhphatbank"]  # its leaders, no board


def test_abbreviated_heads_business_lines_and_a_credit_glued_to_an_agency():
    assert orgs("Ông là giảng viên bộ môn Cơ học, ĐH Bách khoa Đà Nẵng.") == [
        "Bộ môn Cơ học", "ĐH Bách khoa Đà Nẵng"]
    assert orgs("Theo NHNN, NH Phương Đông (OCB) sẽ hỗ trợ.") == ["Ngân hàng Nhà nước Việt Nam", "NH Phương Đông"]
    assert orgs("Giám đốc Cty TNHH TM XNK Hoàng Minh Phát ký hợp đồng.") == ["Cty TNHH TM XNK Hoàng Minh Phát"]
    assert orgs("Thủ tướng phát biểu. Ảnh: Văn Điệp-TTXVN") == ["Thông tấn xã Việt Nam"]
    assert orgs("Chính phủ số và Chính phủ điện tử là mục tiêu.") == []  # concepts, not the Government


def test_a_bank_branch_named_by_its_alias_and_province():
    text = ("Ngân hàng Phát triển Việt Nam (VDB) cho biết. VDB tỉnh Gia Lai giải ngân; "
            "Giám đốc VDB Gia Lai dự. Chi nhánh VDB tỉnh báo cáo.")
    assert orgs(text)[1:] == ["VDB tỉnh Gia Lai"] * 3


def test_a_role_head_before_the_same_head_noun():
    assert orgs("Ông A, Trưởng ban Ban quản lý dự án Sông Hồng, cho biết.") == ["Ban quản lý dự án Sông Hồng"]


def test_a_head_noun_inside_a_place_name_is_no_organisation():
    assert orgs("Thủ tướng Tây Ban Nha và Thị trưởng Hội An gặp nhau.") == []


def test_a_name_goes_on_through_a_list_of_fields():
    assert orgs("Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội họp.") == [
        "Ủy ban Khoa học, Công nghệ và Môi trường", "Quốc hội"]
    assert orgs("Hội đồng Thi đua, Khen thưởng tỉnh và Phòng Tài chính - Kế hoạch huyện Quế Võ báo cáo.") == [
        "Hội đồng Thi đua, Khen thưởng tỉnh Bắc Ninh", "Phòng Tài chính - Kế hoạch huyện Quế Võ"]
    assert orgs("Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số họp.") \
        == ["Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"]
    assert orgs("Ban Chỉ đạo Phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh "
                "Bình Phước đã họp.") == [
        "Ban Chỉ đạo Phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Bình Phước"]


def test_a_list_of_bodies_in_lower_case_is_no_list_of_fields():
    assert orgs("Sở Y tế, giáo dục và công an cùng vào cuộc.") == ["Sở Y tế"]
    assert orgs("Ban Tổ chức cuộc thi, giáo dục và y tế đã họp.") == ["Ban Tổ chức"]


def test_a_short_name_the_report_defines_is_the_body_it_names():
    text = ("Ban Chỉ đạo cấp tỉnh về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
            "(gọi tắt là Ban Chỉ đạo tỉnh) họp. Ban Chỉ đạo tỉnh giao nhiệm vụ cho các sở.")
    bodies = {e.name for e in link(text).entities.values() if e.key.startswith("org:")}
    assert bodies == {
        "Ban Chỉ đạo cấp tỉnh về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"}


def test_a_district_party_committee_is_named_after_its_district():
    text = ("Tại hội nghị, ông Lê Văn Cường, Bí thư Huyện ủy Tuy Phước, và ông Trần Minh Đức, Bí thư Thành ủy "
            "Quy Nhơn (Bình Định), báo cáo. Thường trực Quận ủy Tân Phú cũng dự.")
    assert orgs(text) == ["Huyện ủy Tuy Phước", "Thành ủy Quy Nhơn", "Thường trực Quận ủy Tân Phú"]
    linked = link(text)
    posts = {(linked.entities[p.person].name, linked.entities[p.org].name) for p in linked.posts}
    assert ("Lê Văn Cường", "Huyện ủy Tuy Phước") in posts and ("Trần Minh Đức", "Thành ủy Quy Nhơn") in posts
