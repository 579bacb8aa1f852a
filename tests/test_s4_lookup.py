"""Phrase tables: patterns made without a Doc per phrase match as Docs of the phrases do."""
import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline import lexicons, nlp
from pipeline.s2_tokens import tokenise
from pipeline.s4_recognise.lookup import PhraseTable

TEXT = ("Sáng 12/3, Bộ trưởng Bộ Kế hoạch và Đầu tư cùng Chủ tịch UBND TP.Hà Nội, Phó Bí thư Tỉnh ủy "
        "Thừa Thiên Huế và lãnh đạo Sở GD&ĐT tỉnh Đắk Lắk thăm Khu công nghiệp Thăng Long, huyện Đông Anh; "
        "TỈNH ỦY BẮC NINH, Công ty TNHH Hoàng Gia, xã Ea H'leo và Cộng hòa Liên bang Đức ký biên bản.")


def _by_docs(phrases, attr):
    """The matcher as PhraseTable made it before: a Doc of each phrase's words."""
    vocab = nlp().vocab
    matcher = PhraseMatcher(vocab, attr=attr)
    for phrase in phrases:
        words = [t for t, _, _ in tokenise(phrase)]
        if words:
            key = " ".join(words).lower() if attr == "LOWER" else " ".join(words)
            matcher.add(key, [Doc(vocab, words=words)])
    return matcher


def _patterns(matcher):
    """A PhraseMatcher's patterns (key -> set of tuples of attribute values), as it pickles them."""
    _, (_, patterns, _, _), *_ = matcher.__reduce__()
    return patterns


@pytest.mark.parametrize("attr", ["LOWER", "ORTH", "NORM"])
@pytest.mark.parametrize("lexicon", ["place_units", "org_heads", "known_orgs", "countries", "roles", "gazetteer"])
def test_patterns_are_those_of_docs_and_match_alike(lexicon, attr):
    source = getattr(lexicons, lexicon)()
    phrases = [n for k in source for n in (k.canonical, *k.aliases)] if lexicon == "known_orgs" else list(source)
    assert len(phrases) > 10
    table = PhraseTable(nlp(), [(p, p) for p in phrases], attr=attr)
    reference = _by_docs(phrases, attr)
    assert _patterns(table.matcher) == _patterns(reference)  # the same keys, each with the same attribute values
    doc = nlp()(TEXT)
    strings = doc.vocab.strings
    assert sorted((strings[k], s, e) for k, s, e in table.matcher(doc)) == \
        sorted((strings[k], s, e) for k, s, e in reference(doc))


def test_a_table_finds_phrases_in_any_case_or_as_written():
    doc = nlp()(TEXT)
    lower = PhraseTable(nlp(), [("tỉnh ủy", "committee"), ("Bộ Kế hoạch và Đầu tư", "ministry"), ("GD&ĐT", "field")])
    exact = PhraseTable(nlp(), [("Tỉnh ủy", "committee"), ("Đắk Lắk", "province")], attr="ORTH")
    found = {doc[s:hits[0][0]].text: hits[0][1] for s, hits in lower.at(doc).items()}
    assert found == {"Tỉnh ủy": "committee", "TỈNH ỦY": "committee", "Bộ Kế hoạch và Đầu tư": "ministry",
                     "GD&ĐT": "field"}
    assert {doc[s:hits[0][0]].text for s, hits in exact.at(doc).items()} == {"Tỉnh ủy", "Đắk Lắk"}
