"""Part-of-speech tags of a Doc's words: underthesea's pos_tag model, fed features vnkg makes in linear time."""
from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

from pipeline import nlp
from pipeline.s4_recognise.tokens import table
from pipeline.s4_recognise.word_tags import WordTags, features

SENTENCES = [
    "Cục Đầu tư nước ngoài (Bộ Kế hoạch và Đầu tư) cho biết vốn FDI tăng 7,37% so với cùng kỳ năm 2024.",
    "Sáng 12/3, Bệnh viện Nhi trung ương tiếp nhận 45 bệnh nhân; Báo Thanh Niên kịp thời đưa tin.",
    "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Phú Thọ, phát biểu.",
]


def test_features_are_underthesea_own():
    transformer = CRFPOSTagPredictor.Instance().transformer
    for sentence in SENTENCES:
        words = sentence.split(" ")
        assert features(words) == transformer.transform([[(w, "X") for w in words]])[0][0]
    assert features([]) == []


def test_tags_are_pos_tag_on_the_doc_words():
    predictor = CRFPOSTagPredictor.Instance()
    doc = nlp()(" ".join(SENTENCES))
    t = table(doc)
    tags = WordTags(doc)
    for start in t.sentence_starts:
        end = t.sentence_end(start)
        starts = [i for i in range(start, end) if t.word_start[i] and not t.space[i]]
        words = [t.text(i, next((j for j in range(i + 1, end) if t.word_start[j]), end)) for i in starts]
        expected = [tag for _, tag in predictor.predict(words)]
        assert [tags.at(i) for i in starts] == expected
    inside = t.texts.index("tư")  # "Đầu tư": inside a word, no tag of its own
    assert not t.word_start[inside] and tags.at(inside) is None and tags.at(inside - 1) is not None
