"""Stage 4: titles read together and the persons beside them."""
from conftest import recognise


def titles(text):
    rec = recognise(text)
    doc = rec.doc
    return [(doc[m.token_start:m.token_end].text, [doc[p].text for p in m.info.after],
             [doc[p].text for p in m.info.before], m.info.closed) for m in rec.mentions.titles]


def test_a_chain_of_titles_before_a_name_is_one_title():
    got = titles("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Văn Bình chủ trì.")
    assert got == [("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh", ["Nguyễn"], [], False)]


def test_a_title_after_a_name_is_joined_by_punctuation():
    assert titles("Bà Lê Thị Hoa - Chủ tịch Hội Nông dân tỉnh Nam Định cho biết.") == [
        ("Chủ tịch Hội Nông dân tỉnh Nam Định", [], ["Lê"], False)]
    assert titles("Ông Phạm Minh Chính, Thủ tướng, nói.") == [("Thủ tướng", [], ["Phạm"], True)]


def test_a_title_before_a_colon_lists_everyone_after_it():
    rec = recognise("Dự có các Ủy viên Ban Thường vụ Tỉnh ủy: Lê Văn Hùng; Võ Thị Minh Sinh.")
    (title,) = rec.mentions.titles
    assert title.info.colon and title.info.plural
    assert [rec.doc[p].text for p in title.info.listed] == ["Lê", "Võ"]


def test_phrases_point_at_the_role_and_the_body_written_after_it():
    rec = recognise("Trưởng ban Tổ chức Thành ủy Hà Minh Hải và Thủ tướng Anh phát biểu.")
    doc = rec.doc
    got = [[(doc[r].text, doc[o].text if o >= 0 else None) for r, o in t.info.phrases] for t in rec.mentions.titles]
    assert got == [[("Trưởng", "ban")], [("Thủ", None)]]


def test_a_title_before_a_colon_lists_the_persons_up_to_the_next_such_title():
    rec = recognise("Dự họp có các Ủy viên Bộ Chính trị: Lương Văn Hải, Bí thư Tỉnh ủy; Đỗ Thị Lan; "
                    "các Ủy viên Trung ương Đảng: Phan Văn Mười, Trần Hữu Nghĩa.")
    first = rec.mentions.titles[0]
    assert first.info.colon and [rec.doc[p].text for p in first.info.listed] == ["Lương", "Đỗ"]
