"""Stage 2: sentences, words and tokens with offsets."""
from pipeline.s1_read import read_path, read_text
from pipeline.s2_segment import segment, tokenise

from conftest import SEED


def test_every_offset_slices_the_normalised_text():
    seg = segment(read_path(SEED))
    text = seg.document.text
    assert all(text[t.start:t.end] == t.text for t in seg.tokens)
    assert all(text[s:e].strip() == text[s:e] and text[s:e] for s, e in seg.sentences)
    assert all(text[s:e] for s, e in seg.words)


def test_lines_end_sentences_and_underthesea_groups_words():
    seg = segment(read_text("Các đại biểu tham dự hội nghị\nPhó Bí thư Nguyễn Văn Phong phát biểu."))
    text = seg.document.text
    assert [text[s:e] for s, e in seg.sentences] == [
        "Các đại biểu tham dự hội nghị", "Phó Bí thư Nguyễn Văn Phong phát biểu."]
    assert "Nguyễn Văn Phong" in [text[s:e] for s, e in seg.words]
    starts = {t.text: t.word_start for t in seg.tokens}
    assert starts["Nguyễn"] and not starts["Phong"]


def test_tokenise_keeps_numbers_codes_and_abbreviations_whole():
    toks = [t for t, _, _ in tokenise("Chương trình số 07-CTr/TU, 115.830 tỷ đồng, 700-800 tỉ, KH&CN, T.Ư Đảng")]
    assert {"115.830", "700-800", "KH&CN", "T.Ư"} <= set(toks)
    assert [t for t, _, _ in tokenise("TP.Hà Nội")] == ["TP", ".", "Hà", "Nội"]
