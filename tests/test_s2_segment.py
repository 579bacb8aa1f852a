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


ONE_PASS = [
    "Sáng 12/3/2025, tại TP.HCM., Phó Thủ tướng Trần Hồng Hà dự Hội nghị... và phát biểu “chỉ đạo”.",
    "UBND TP.Hà Nội có 1.348ha, 4/7 chỉ tiêu; liên hệ so_tttt@hanoi.gov.vn hoặc 0243.825.1234 (Q.9, H.Vũ Thư).",
    "Th.S Lê Thị Hoa (KH&CN) cho biết: năm 2024 đạt 800.000-1.000.000 tấn; tăng 7,37% so với cùng kỳ!",
]


def test_one_tokenisation_cuts_the_words_word_tokenize_cuts():
    # Stage 2 tags underthesea's own regex tokens with its CRF; the words are those word_tokenize
    # returns, found in the text (the way before), and each a slice of the sentence.
    from underthesea import word_tokenize

    from pipeline.s2_segment import _align, _words

    for sentence in ONE_PASS:
        words = _words(sentence)
        assert words == list(_align(sentence, word_tokenize(sentence, use_token_normalize=False)))
        assert all(sentence[s:e].strip() == sentence[s:e] for s, e in words)
    first = ONE_PASS[0]
    assert {"12/3/2025", "TP.HCM.", "Thủ tướng", "Hội nghị", "..."} <= {first[s:e] for s, e in _words(first)}
    assert _words("") == [] and _words("   ") == []
