"""The token table recognisers read: the same as the Doc's tokens say, made once per Doc."""
from pipeline.s1_read import read_path, read_text
from pipeline.s2_segment import segment
from pipeline.s3_doc import WORD_INSIDE, to_doc
from pipeline.s4_recognise.tokens import table

from conftest import SEED

TEXTS = [
    "Sáng 12/3, Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.  Hà Nội tăng 37 bậc.\n\n"
    "UBND TP.Hà Nội có 1.348ha đất; ông Nguyễn Văn An (Sở KH&CN) cho biết…\n",
    "\n  Thủ tướng Phạm Minh Chính.\tĐà Nẵng xếp thứ nhất.  ",
    "",
]


def _docs():
    for text in TEXTS:
        yield to_doc(segment(read_text(text))).doc
    yield to_doc(segment(read_path(SEED))).doc


def test_table_says_what_the_tokens_say():
    for doc in _docs():
        t = table(doc)
        assert len(t) == len(doc)
        assert t.doc_text == doc.text
        for tok in doc:
            i = tok.i
            assert (t.texts[i], t.lower[i], t.idx[i]) == (tok.text, tok.lower_, tok.idx)
            assert t.word_start[i] == (tok.tag_ != WORD_INSIDE)
            assert t.sent_start[i] == bool(tok.is_sent_start)
            assert (t.space[i], t.space_after[i]) == (tok.is_space, tok.whitespace_ == " ")
        assert list(t.sentence_starts) == [s.start for s in doc.sents]


def test_span_text_and_sentences_match_spacy():
    doc = next(_docs())
    t = table(doc)
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 8) + 1):
            assert t.text(start, end) == doc[start:end].text
        sent = doc[start].sent
        assert (t.sentence_start(start), t.sentence_end(start)) == (sent.start, sent.end)
    assert t.sentence_of(len(doc) - 1) == len(list(doc.sents)) - 1


def test_made_once_per_doc():
    doc, other = to_doc(segment(read_text("Hà Nội."))).doc, to_doc(segment(read_text("Hà Nội."))).doc
    assert table(doc) is table(doc)
    assert table(other) is not table(doc) and table(other) == table(doc)
