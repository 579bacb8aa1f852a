"""vnkg as spaCy components: the README's example, DocBin, other tokenizers."""
import re

import pytest
import spacy
from spacy.tokens import DocBin

import pipeline

from conftest import ROOT


def readme_spacy_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### As spaCy components", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found, "README has no spaCy example"
    return found.group(1)


def test_the_readme_example_runs_as_written(tmp_path, monkeypatch, capsys):
    """A blank Vietnamese pipeline takes vnkg's components by name (entry points),
    fills doc.ents, renders in displaCy and writes a DocBin."""
    monkeypatch.chdir(tmp_path)
    code = readme_spacy_example()
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    doc = namespace["doc"]
    printed = capsys.readouterr().out.splitlines()
    expected = [line.removeprefix("# ") for line in code.splitlines() if line.startswith("# ")]
    assert printed == expected  # the README shows what it prints
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("UBND tỉnh Phú Thọ", "ORG"), ("Bùi Minh Châu", "PERSON")]
    assert "Bùi Minh Châu" in namespace["html"] and "PERSON" in namespace["html"]
    again = next(DocBin().from_disk(tmp_path / "reports.spacy").get_docs(namespace["nlp"].vocab))
    assert again.spans["organisations"][0]._.org == doc.spans["organisations"][0]._.org


def test_a_doc_round_trips_through_docbin_with_every_typed_attribute():
    nlp = pipeline.nlp()
    text = ("Sáng 12/3, Phó Chủ tịch UBND TP Hà Nội Vũ Thu Hà chủ trì hội nghị về Chương trình số 07-CTr/TU. "
            "Tổng công ty Hàng hải Việt Nam (Vinalines) có 12 dự án tại Khu công nghệ cao Hòa Lạc; Vinalines đạt 95%.")
    doc = nlp(text)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    again = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert again.text == doc.text and [t.tag_ for t in again] == [t.tag_ for t in doc]
    assert [(e.start, e.end, e.label_) for e in again.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    for group, (_, attr, kind) in pipeline.s4_recognise.spans.SPAN_KINDS.items():
        before = [getattr(s._, attr) for s in doc.spans.get(group, [])]
        after = [getattr(s._, attr) for s in again.spans.get(group, [])]
        assert after == before, group
        assert all(isinstance(info, kind) for info in after)
    assert {"places", "persons", "roles", "organisations", "zones", "figures", "documents"} <= {
        g for g in doc.spans if len(doc.spans[g])}


def test_nlp_pipe_gives_the_same_docs_as_nlp():
    nlp = pipeline.nlp()
    texts = ["Bộ trưởng Bộ Tài chính Hồ Đức Phớc phát biểu.", "Khu công nghiệp Nghi Sơn có 12 dự án."]
    assert [[(e.text, e.label_) for e in d.ents] for d in nlp.pipe(texts)] == \
        [[(e.text, e.label_) for e in nlp(t).ents] for t in texts]


def test_spacys_own_tokenizer_needs_the_word_segmenter_first():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vnkg_places")
    with pytest.raises(ValueError, match="vnkg_places needs vnkg's tokens and word starts"):
        nlp("Dự án nằm ở TP.Hà Nội.")
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    for name in ("vnkg_words", "vnkg_places", "vnkg_figures"):
        nlp.add_pipe(name)
    doc = nlp("Dự án nằm ở TP.Hà Nội, rộng 1.348ha.")
    assert [s._.place.name for s in doc.spans["places"]] == ["Hà Nội"]
    assert [s._.figure.value for s in doc.spans["figures"]] == [1348.0]
