"""Stage 3: the spaCy Doc keeps the text, word starts and sentences."""
from pipeline.s1_read import read_path, read_text
from pipeline.s2_segment import segment
from pipeline.s3_doc import WORD_INSIDE, WORD_START, to_doc

from conftest import SEED


def test_doc_text_is_the_document_text_exactly():
    for text in ["  Hà  Nội\n\n Đà Nẵng ", "\n", "Thủ tướng Nguyễn Xuân Phúc."]:
        parsed = to_doc(segment(read_text(text)))
        assert parsed.doc.text == parsed.document.text
    parsed = to_doc(segment(read_path(SEED)))
    assert parsed.doc.text == parsed.document.text


def test_token_offsets_and_word_tags():
    parsed = to_doc(segment(read_text("Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.")))
    doc = parsed.doc
    assert all(doc.text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    tags = {t.text: t.tag_ for t in doc}
    assert tags["Đỗ"] == WORD_START and tags["Hưng"] == WORD_INSIDE


def test_sentences_come_from_underthesea():
    parsed = to_doc(segment(read_text("Hà Nội tăng 37 bậc. Đà Nẵng xếp thứ nhất.")))
    assert [s.text for s in parsed.doc.sents] == ["Hà Nội tăng 37 bậc.", "Đà Nẵng xếp thứ nhất."]
