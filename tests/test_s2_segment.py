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

    from pipeline.s2_segment import _align, _words_of

    def _words(piece):
        return _words_of([piece])[0].words

    for sentence in ONE_PASS:
        words = _words(sentence)
        assert words == list(_align(sentence, word_tokenize(sentence, use_token_normalize=False)))
        assert all(sentence[s:e].strip() == sentence[s:e] for s, e in words)
    first = ONE_PASS[0]
    assert {"12/3/2025", "TP.HCM.", "Thủ tướng", "Hội nghị", "..."} <= {first[s:e] for s, e in _words(first)}
    assert _words("") == [] and _words("   ") == []


CUT_ONCE = [
    *ONE_PASS,
    "Xem https://thanhhoa.gov.vn/tin-tuc?id=12&p=3 và email vp@ubnd.gov.vn, ĐT: 0237.3852.345 lúc 9h30.",
    "Ông Nguyễn Văn A—Giám đốc—nói «tốt» 😀 với Th.S. Lê B; TP.Hà Nội/TP.HCM; Covid-19, F0… hết!!!",
    "Tỷ lệ đạt 99,5%/năm, vốn 1.600m-2.000m, 3x4, x2, +5, -3 °C, 10 km² và a_b_c ‹ › № ½.",
    "Thủ đô 東京 và 서울 cùng ông Nguye\u0302\u0303n (dấu rời) dự\u00a0lễ\tkhai mạc.",
    "Trang http://( và https://x, (2024), “Hà Nội”, 5%/năm, -3, ½, x², a_b, 'nhà' và O’Neil.",
]


def test_vnkg_tokens_are_cut_from_underthesea_tokens_as_its_own_regex_cuts_the_sentence():
    # Stage 2 cuts a sentence once (underthesea's regex); vnkg's tokens are taken from those tokens,
    # and are the tokens vnkg's own regex (tokenise) would cut from the whole sentence.
    from pipeline.s2_segment import _word_model, _words_of
    from pipeline.s2_tokens import tokens_from

    for sentence in CUT_ONCE:
        assert _words_of([sentence])[0].tokens == tokenise(sentence), sentence
        seg = segment(read_text(sentence))
        assert [(t.text, t.start, t.end) for t in seg.tokens] == tokenise(seg.document.text)
    model = _word_model()
    piece = CUT_ONCE[3]
    spans = [(m.start(), m.end()) for m in model.pattern.finditer(model.normalise(piece))]
    assert tokens_from(piece, spans[:-3]) == tokenise(piece)  # underthesea's tokens miss some: cut whole
