"""Stage 4: events, their days, and the words that say who takes part."""
from conftest import recognise


def test_an_event_is_named_by_its_noun_and_the_words_after_it():
    rec = recognise("Chiều nay (12/3), Sở Công Thương tổ chức Hội nghị xúc tiến đầu tư vào tỉnh Bắc Giang.")
    (event,) = rec.mentions.events
    assert (event.info.label, event.info.day, event.info.month, event.info.year) == (
        "Hội nghị xúc tiến đầu tư", 12, 3, None)


def test_a_day_with_its_year():
    rec = recognise("Sáng 12/7/2024, UBND tỉnh tổ chức buổi làm việc với doanh nghiệp.")
    assert [(e.info.label, e.info.day, e.info.month, e.info.year) for e in rec.mentions.events] == [
        ("Buổi làm việc", 12, 7, 2024)]


def test_cues_are_whole_words():
    rec = recognise("Dự án được phê duyệt. Bộ trưởng Hồ Đức Phớc dự, đồng chủ trì và phát biểu; "
                    "hội nghị do Bộ Tài chính tổ chức.")
    assert [(m.text, m.info.role) for m in rec.mentions.event_cues] == [
        ("được", "passive"), ("dự", "attend"), ("đồng chủ trì", "chair"), ("phát biểu", "attend"), ("do", "by"),
        ("tổ chức", "organise")]


def test_token_patterns_match_as_over_the_whole_doc():
    # The Matcher runs only where a pattern's first word is; the matches are those over the whole Doc.
    from pipeline import nlp
    from pipeline.s4_recognise.patterns import PatternMatcher

    text = ("Sáng nay, 12/3, trong toàn tỉnh có 5 xã đạt chuẩn. Với các tỉnh bạn, tỉnh, thành phố khác cùng họp. "
            "Trong cả nước, chiều (20/11) và tối 21.11.2024 các tỉnh thành dự hội nghị; trên toàn thành phố mỗi tỉnh")
    for name in ("event_cues", "events"):
        matcher = PatternMatcher(nlp(), name)
        doc = nlp()(text)
        whole = sorted((s, e, k) for k, s, e in matcher.tokens(doc))
        assert sorted((s, e, k) for k, s, e in matcher._token_matches(doc)) == whole
        assert len(whole) >= 2
