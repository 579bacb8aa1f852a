"""Phrase tables: patterns made without a Doc per phrase match as Docs of the phrases do."""
from collections import defaultdict

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline import lexicons, nlp
from pipeline.s2_tokens import tokenise
from pipeline.s4_recognise.lookup import PhraseTable

TEXT = ("Sáng 12/3, Bộ trưởng Bộ Kế hoạch và Đầu tư cùng Chủ tịch UBND TP.Hà Nội, Phó Bí thư Tỉnh ủy "
        "Thừa Thiên Huế và lãnh đạo Sở GD&ĐT tỉnh Đắk Lắk thăm Khu công nghiệp Thăng Long, huyện Đông Anh; "
        "TỈNH ỦY BẮC NINH, Công ty TNHH Hoàng Gia, xã Ea H'leo và Cộng hòa Liên bang Đức ký biên bản.")


def _hits_by_docs(pairs, attr, doc):
    """What PhraseTable.at found before: a Doc of each phrase's words, a key of each phrase's words joined."""
    vocab = nlp().vocab
    matcher, values = PhraseMatcher(vocab, attr=attr), defaultdict(list)
    for phrase, value in pairs:
        words = [t for t, _, _ in tokenise(phrase)]
        if words:
            key = " ".join(words).lower() if attr == "LOWER" else " ".join(words)
            if key not in values:
                matcher.add(key, [Doc(vocab, words=words)])
            values[key].append(value)
    found: defaultdict[int, list] = defaultdict(list)
    for match_id, start, end in matcher(doc):
        found[start] += [(end, value) for value in values[vocab.strings[match_id]]]
    return {start: sorted(hits, key=lambda h: -h[0]) for start, hits in found.items()}


@pytest.mark.parametrize("attr", ["LOWER", "ORTH"])
@pytest.mark.parametrize("lexicon", ["place_units", "org_heads", "known_orgs", "countries", "roles", "gazetteer"])
def test_tables_find_what_docs_of_their_phrases_found(lexicon, attr):
    source = getattr(lexicons, lexicon)()
    if lexicon == "known_orgs":
        pairs = [(n, k.canonical) for k in source for n in (k.canonical, *k.aliases)]
    else:
        pairs = list(source.items()) if isinstance(source, dict) else [(p, p) for p in source]
    assert len(pairs) > 10
    table = PhraseTable(nlp(), pairs, attr=attr)
    doc = nlp()(TEXT)
    found = table.at(doc)
    assert found == _hits_by_docs(pairs, attr, doc)
    if attr == "LOWER" and lexicon != "known_orgs":
        assert found  # TEXT holds some of each


def test_a_table_matches_on_lower_or_orth_only():
    with pytest.raises(ValueError, match="LOWER or ORTH"):
        PhraseTable(nlp(), [("Hà Nội", "Hà Nội")], attr="NORM")


def test_a_table_finds_phrases_in_any_case_or_as_written():
    doc = nlp()(TEXT)
    lower = PhraseTable(nlp(), [("tỉnh ủy", "committee"), ("Bộ Kế hoạch và Đầu tư", "ministry"), ("GD&ĐT", "field")])
    exact = PhraseTable(nlp(), [("Tỉnh ủy", "committee"), ("Đắk Lắk", "province")], attr="ORTH")
    found = {doc[s:hits[0][0]].text: hits[0][1] for s, hits in lower.at(doc).items()}
    assert found == {"Tỉnh ủy": "committee", "TỈNH ỦY": "committee", "Bộ Kế hoạch và Đầu tư": "ministry",
                     "GD&ĐT": "field"}
    assert {doc[s:hits[0][0]].text for s, hits in exact.at(doc).items()} == {"Tỉnh ủy", "Đắk Lắk"}
