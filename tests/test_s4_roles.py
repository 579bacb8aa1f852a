"""Stage 4: roles."""
from conftest import recognise


def labels(text):
    return [(m.info.label, m.info.former) for m in recognise(text).mentions.roles]


def test_modifiers_compose_with_the_role_word():
    assert labels("Phó Bí thư Thường trực Thành ủy, Phó trưởng Ban Chỉ đạo, nguyên Bộ trưởng Bộ Tài chính") == [
        ("Phó Bí thư Thường trực", False), ("Phó Trưởng ban", False), ("Bộ trưởng", True)]


def test_role_ending_in_a_head_noun_points_at_the_organisation():
    rec = recognise("Trưởng ban Tuyên giáo Thành ủy Nguyễn Doãn Toản")
    role = rec.mentions.roles[0]
    assert role.info.org_head == role.token_end - 1  # "ban" begins "Ban Tuyên giáo ..."


def test_implied_organisation():
    rec = recognise("Thủ tướng Nguyễn Xuân Phúc phát biểu.")
    assert rec.mentions.roles[0].info.implied_org == "Chính phủ"
