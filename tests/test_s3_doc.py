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


def test_one_vocabulary_made_as_spacy_blank_makes_its_own():
    import spacy

    from pipeline import nlp
    from pipeline.s3_doc import blank_nlp, shared_vocab

    ours = shared_vocab()
    parsed = to_doc(segment(read_text("Ngày 15/3, UBND TP.Hà Nội chi 1.348,5 tỷ đồng cho 12 dự án của Bộ GD&ĐT.")))
    assert parsed.doc.vocab is ours is nlp().vocab is blank_nlp().vocab
    spacys = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab
    assert (ours.lang, ours.writing_system, ours.vectors.shape, type(ours.vectors)) == \
        (spacys.lang, spacys.writing_system, spacys.vectors.shape, type(spacys.vectors))
    assert sorted(ours.lex_attr_getters) == sorted(spacys.lex_attr_getters)  # type: ignore[attr-defined]
    attrs = ["norm_", "shape_", "prefix_", "suffix_", "is_alpha", "is_digit", "like_num", "is_stop", "is_punct",
             "lang_", "is_upper", "like_url"]
    for token in parsed.doc:
        assert [getattr(ours[token.text], a) for a in attrs] == [getattr(spacys[token.text], a) for a in attrs]
    assert ours["1.348,5"].like_num and ours["và"].is_stop and ours["GD&ĐT"].shape_ == "XX&XX"


def test_extraction_builds_one_language(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    script = """
import pipeline
from pipeline.s3_doc import blank_nlp
from pipeline.s4_recognise.language import nlp
ex = pipeline.extract("Chủ tịch UBND tỉnh Phú Thọ Bùi Văn Quang phát biểu tại hội nghị.")
print(len(ex.graph) > 0, nlp.cache_info().currsize, blank_nlp.cache_info().currsize)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "1", "0"]
