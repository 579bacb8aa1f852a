"""Stage 4: programmes and legal documents."""
from conftest import recognise


def documents(text):
    return [(m.info.name, m.info.identifier, m.info.date) for m in recognise(text).mentions.documents]


def test_numbered_documents_with_and_without_so_and_a_date():
    assert documents("Theo Chương trình hành động số 277/CTr-UBND ngày 05/12/2021 và Nghị quyết 57-NQ/TW.") == [
        ("Chương trình hành động số 277/CTr-UBND", "277/CTr-UBND", "2021-12-05"),
        ("Nghị quyết số 57-NQ/TW", "57-NQ/TW", None)]


def test_laws_by_name_and_numbers_that_are_no_document():
    assert documents("Luật Thủ đô (sửa đổi) được thông qua; Chương trình số 07 đã hoàn thành.") == [
        ("Luật Thủ đô", None, None)]


def test_the_event_concerns_the_programme_it_reviews(seed):
    ents = seed.linked.entities
    assert [ents[k].name for k in seed.linked.event.concerns] == ["Chương trình số 07-CTr/TU"]
