"""pipeline.text: normalisation and matching keys."""
import unicodedata

from pipeline.keys import name_key
from pipeline.text import fix_tones, fold, normalise, slug


def test_normalise_composes_nfd_and_moves_old_style_tones():
    nfd = unicodedata.normalize("NFD", "Khu công nghệ cao Hoà Lạc, thuỷ lợi")
    assert normalise(nfd) == "Khu công nghệ cao Hòa Lạc, thủy lợi"


def test_normalise_keeps_offsets_meaningful_for_plain_text():
    text = "Phó Chủ tịch UBND tỉnh Phú Thọ\nNguyễn Văn A"
    assert normalise(text) == text


def test_normalise_plain_spaces_and_newlines():
    assert normalise("Hà\u00a0Nội\r\nĐà\u200b Nẵng") == "Hà Nội\nĐà Nẵng"


def test_fix_tones_keeps_case_and_spares_qu():
    assert fix_tones("HOÀ BÌNH, Uỷ ban, quý") == "HÒA BÌNH, Ủy ban, quý"
    assert fix_tones("hoàn thành") == "hoàn thành"


def test_name_key_meets_abbreviations_and_spellings():
    assert name_key("UBND TP. Hà Nội") == name_key("Ủy ban nhân dân thành phố Hà Nội")
    assert name_key("Sở TN&MT") == name_key("Sở Tài nguyên và Môi trường")
    assert name_key("Phạm Quí Tiên") == name_key("Phạm Quý Tiên")
    assert name_key("Ủy viên T.Ư Đảng") == name_key("ủy viên trung ương đảng")
    assert name_key("Hà Nội") != name_key("Hà Nam")


def test_fold_and_slug():
    assert fold("Nguyễn Văn Phong") == "nguyen van phong"
    assert slug("Hà") != slug("Hạ")  # folded alike, kept apart
    assert slug("Hà Nội") == slug("Hà Nội")
