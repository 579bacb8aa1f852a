"""Stage 2's word tagger: underthesea's CRF run from its model file gives underthesea's own tags."""
import pytest

from pipeline.s2_segment import _word_model
from pipeline.s2_words import _is_int, load_word_crf, underthesea_tagger, word_crf, word_starts

from conftest import SHARED

SENTENCES = [
    "Sáng 12/3/2025, tại TP.HCM, Phó Thủ tướng Trần Hồng Hà dự Hội nghị tổng kết công tác năm 2024.",
    "Chủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu cho biết tỉnh thu hút 1.348 dự án FDI, tăng 7,37%.",
    "Khu công nghiệp Trạm Thản rộng 250 ha, vốn đầu tư 2.147.483.648 đồng (hơn 2 nghìn tỷ).",
    "Th.S Lê Thị Hoa (Sở KH&CN) nói: “Chúng tôi sẽ hoàn thành 100% chỉ tiêu trước ngày 30/6”.",
    "Hà Nội",
    "Ông",
    "Đồng chí +5 -3 2024 2147483647 2147483648 phát biểu chỉ đạo.",
    "BOS EOS Bos và eos là chữ thường thôi .",
    "iPhone, ĐẢNG, Đảng, đảng, A1, 1A, aB và Ab Cd đều là token.",
]


def _tokens(sentence: str) -> list[str]:
    model = _word_model()
    return [m.group() for m in model.pattern.finditer(model.normalise(sentence))]


def _word_tokenize_module():
    import importlib

    underthesea_tagger()  # loads underthesea's word model
    return importlib.import_module("underthesea.pipeline.word_tokenize")


def _underthesea(tokens: list[str]) -> list[bool]:
    return [tag != "I-W" for tag in underthesea_tagger()([[t] for t in tokens])]


def test_tags_are_underthesea_tags_one_sentence_at_a_time_and_all_at_once():
    sentences = [_tokens(s) for s in SENTENCES]
    expected = [_underthesea(tokens) for tokens in sentences]
    assert [word_crf().tag([tokens])[0] for tokens in sentences] == expected
    assert word_crf().tag(sentences) == expected
    assert word_crf().tag([]) == [] and word_crf().tag([[]]) == [[]]


def test_words_of_a_sentence_are_read_right():
    tokens = _tokens("Bí thư Thành ủy Nguyễn Văn Phong phát biểu tại hội nghị.")
    starts = word_crf().tag([tokens])[0]
    words: list[str] = []
    for token, start in zip(tokens, starts, strict=True):
        words.append(token) if start else words.append(words.pop() + " " + token)
    assert words == ["Bí thư", "Thành ủy", "Nguyễn Văn Phong", "phát biểu", "tại", "hội nghị", "."]


def test_what_it_cannot_read_as_underthesea_does_goes_to_underthesea():
    crf = word_crf()
    assert crf.handles(_tokens(SENTENCES[0]))
    assert not crf.handles(["Hà Nội"]) and not crf.handles(["", "Hà"])  # underthesea's featurizer fails on these
    mixed = [["Thủ", "đô", "東京", "của", "Nhật", "Bản"], _tokens(SENTENCES[1])]
    assert word_starts(mixed) == [_underthesea(tokens) for tokens in mixed]


def test_other_scripts_are_tagged_here_when_underthesea_cases_them_as_python_does():
    """Cyrillic, Greek (a final sigma), CJK and arrows are cased alike by Python and underthesea's
    featurizer, so the numpy tagger reads them (underthesea's own, 15 MB more, is not loaded for a
    Russian name); a letter the two Unicode versions case differently goes to underthesea."""
    sentences = [_tokens(s) for s in (
        "Đoàn công tác thăm Москва và Санкт-Петербург → ký 3 thỏa thuận hợp tác.",
        "Bảo tàng trưng bày bia đá khắc chữ ΟΔΟΣ ΣΟΦΙΑΣ và chữ 東京 cổ.",
        "Trong ngôn ngữ học, ký hiệu ƛ và ɤ chỉ hai âm khác nhau.")]
    crf = word_crf()
    assert crf.handles(sentences[0]) and crf.handles(sentences[1])
    assert word_starts(sentences) == [_underthesea(tokens) for tokens in sentences]
    underthesea_featurizer = _word_tokenize_module().word_tokenize_model.featurizer
    for letter in "ƛɤжΣ東":  # agreeing or not depends on the two Unicode versions; handles follows it
        row = underthesea_featurizer.process([[[letter, "X"]]])[0][0]
        lower, title = (f.split("=", 1)[1] for f in row if f.startswith(("T[0].lower=", "T[0].istitle=")))
        assert crf.handles([letter]) == (lower == letter.lower() and title == str(letter.upper() == letter))


def test_isdigit_is_a_32_bit_integer_as_underthesea_reads_it():
    assert [_is_int(t) for t in ["2024", "+5", "-3", "2147483647", "-2147483648"]] == [True] * 5
    assert [_is_int(t) for t in ["2147483648", "1.348", "7,37", "١٢", "-", "12a"]] == [False] * 6


def test_a_folder_without_a_crfsuite_model_is_refused(tmp_path):
    (tmp_path / "models.bin").write_bytes(b"not a model" * 10)
    with pytest.raises(ValueError, match="not a CRFsuite model"):
        load_word_crf(tmp_path)


@pytest.mark.skipif(not (SHARED / "corpus" / "news").is_dir(), reason="../shared is not present")
def test_news_reports_get_underthesea_tags():
    from underthesea import sent_tokenize

    from pipeline.s1_read import read_path

    sentences = []
    for path in sorted((SHARED / "corpus" / "news").glob("*.txt"))[:15]:
        for line in read_path(path).text.split("\n"):
            sentences += [t for s in (sent_tokenize(line) if line.strip() else []) if (t := _tokens(s))]
    assert len(sentences) > 200
    assert word_crf().tag(sentences) == [_underthesea(tokens) for tokens in sentences]
