"""What vnkg runs of underthesea without its package __init__: underthesea's own, and its own when unsure."""
import os
import subprocess
import sys
import unicodedata

import pytest

from pipeline import s2_underthesea as ut

from conftest import ROOT

TEXT = (
    "Sáng 12/3, tại TP.Hồ Chí Minh, UBND thành phố tổ chức hội nghị tổng kết năm 2024. "
    "Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Bình Dương, cho biết vốn FDI đạt 1.348,5 triệu USD (tăng 7,37%)! "
    "Đồng chí Ðặng Thị Hoà, Bí thư Đảng ủy khối, đề nghị các đơn vị... Còn ai ý kiến gì nữa không? "
    "Thông tin chi tiết tại https://baochinhphu.vn/tin-tuc.htm hoặc email: vp@hanoi.gov.vn, v.v."
)
WORDS = ["Ông", "Nguyễn Văn An", ",", "Phó Chủ tịch", "UBND", "tỉnh", "Bình Dương", ",", "cho biết", "vốn",
         "FDI", "đạt", "1.348,5", "triệu", "USD", "(", "tăng", "7,37", "%", ")", "!"]


@pytest.fixture()
def unsure(monkeypatch, tmp_path):
    """The path taken with an underthesea vnkg does not know: a mirrored file's digest differs."""
    monkeypatch.setenv("VNKG_CACHE_DIR", str(tmp_path))
    monkeypatch.setitem(ut.MIRRORED, "pipeline/pos_tag/model_crf.py", "0" * 32)
    for cached in (ut._kept, ut.word_pattern, ut._pos_crf):
        cached.cache_clear()
    yield
    monkeypatch.undo()
    for cached in (ut._kept, ut.word_pattern, ut._pos_crf):
        cached.cache_clear()


def test_sentences_are_underthesea_own():
    from underthesea import sent_tokenize

    assert ut.sent_tokenize(TEXT) == sent_tokenize(TEXT)
    found = ut.sent_tokenize(TEXT)
    assert found[0].endswith("Chí Minh, UBND thành phố tổ chức hội nghị tổng kết năm 2024.")  # not cut at "TP."
    assert found[1].endswith("1.348,5 triệu USD (tăng 7,37%)!") and found[3] == "Còn ai ý kiến gì nữa không?"
    assert found[4] == "Thông tin chi tiết tại https://baochinhphu."  # as underthesea cuts, links too
    assert ut.sent_tokenize("") == sent_tokenize("") == []


def test_the_splitter_is_underthesea_module_run_from_its_file():
    import underthesea.pipeline.sent_tokenize as module

    alone = ut._from_file("sent_tokenize", ut.underthesea_home() / "pipeline" / "sent_tokenize" / "__init__.py")
    assert alone.sent_tokenize.__code__.co_filename == module.__file__
    assert alone is not module and alone.__name__ not in sys.modules  # underthesea's own module is left as it was
    assert alone.sent_tokenize(TEXT) == module.sent_tokenize(TEXT)
    assert ut._splitter() is module.sent_tokenize  # underthesea imported already: its own function


def test_tokens_and_characters_are_underthesea_own():
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
    from underthesea.pipeline.text_normalize.text_normalizer import character_map
    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

    kept = ut.kept()
    assert kept is not None and kept.characters == tuple(character_map.items()) and ("Ð", "Đ") in kept.characters
    pattern = ut.word_pattern()
    assert (pattern.pattern, pattern.flags) == (patterns.pattern, patterns.flags)
    decomposed = unicodedata.normalize("NFD", TEXT)
    for text in (TEXT, decomposed):
        assert ut.normalise(text) == normalize_characters_in_text(text)
        ours = [(m.start(), m.end()) for m in pattern.finditer(ut.normalise(text))]
        assert ours == [(m.start(), m.end()) for m in patterns.finditer(normalize_characters_in_text(text))]
    assert "Ðặng" not in ut.normalise(TEXT) and "Đặng" in ut.normalise(TEXT)


def test_part_of_speech_tags_are_underthesea_own(monkeypatch):
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
    from underthesea.pipeline.pos_tag.tagged_feature import apply_function

    from pipeline.s4_recognise.word_tags import features

    predictor = CRFPOSTagPredictor.Instance()
    assert ut.pos_templates() == tuple(predictor.transformer.template)
    try:
        monkeypatch.setattr(ut, "_made_predictor", lambda: None)  # as in a process that never imported underthesea
        ut._pos_crf.cache_clear()
        assert ut._pos_crf() is not predictor.model  # vnkg's own CRFTagger of the model file
        tags = ut.pos_tag(features(WORDS))
        assert tags == [tag for _, tag in predictor.predict(WORDS)]
        assert tags[1] == "Np" and tags[9] == "N"
        monkeypatch.undo()
        ut._pos_crf.cache_clear()
        assert ut._pos_crf() is predictor.model  # underthesea's loaded already (as filling the cache does): shared
    finally:
        ut._pos_crf.cache_clear()
    for word in ["Hà Nội", "hà Nội", "UBND", "7,37", "", " ", "Bình  Dương", "Đặng Thị Hoà", "(", "ĐẢNG ủy"]:
        for name in ("lower", "istitle"):
            assert ut.pos_function(name, word) == apply_function(name, word), (name, word)


def test_an_underthesea_of_other_files_is_used_as_it_is(unsure):
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

    from pipeline.s4_recognise.word_tags import features

    assert ut.kept() is None
    assert ut.word_pattern() is patterns and ut._pos_crf() is CRFPOSTagPredictor.Instance().model
    assert ut.normalise(unicodedata.normalize("NFD", TEXT)) == normalize_characters_in_text(TEXT)
    assert ut.pos_tag(features(WORDS)) == [tag for _, tag in CRFPOSTagPredictor.Instance().predict(WORDS)]


def test_a_splitter_that_cannot_run_alone_is_underthesea_own(monkeypatch):
    from underthesea import sent_tokenize

    def fails(name, path):
        raise ImportError("attempted relative import with no known parent package")

    monkeypatch.setattr(ut, "_from_file", fails)
    ut._splitter.cache_clear()
    try:
        assert ut._splitter() is sent_tokenize
    finally:
        ut._splitter.cache_clear()


def test_extraction_leaves_underthesea_unimported_and_whole_for_whoever_imports_it(tmp_path):
    script = """
import sys
import pipeline
names = sorted(e.view.nodes[n]["label"] for e in [pipeline.extract(sys.argv[1])] for n in e.view
               if e.view.nodes[n]["type"] == "Person")
print(names, sorted({m.split(".")[0] for m in sys.modules if m.startswith(("underthesea", "joblib"))}))
import underthesea
from underthesea.pipeline.text_normalize.text_normalizer import character_map
print(callable(underthesea.ner), callable(underthesea.pos_tag), len(underthesea.word_tokenize(sys.argv[1])) > 20,
      underthesea.sent_tokenize(sys.argv[1]) == pipeline.s2_underthesea.sent_tokenize(sys.argv[1]), character_map["Ð"])
"""
    env = {**os.environ, "VNKG_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", script, TEXT], capture_output=True, text=True, cwd=ROOT, env=env,
                           timeout=300) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    (first_names, first_modules), (second_names, second_modules) = (
        r.stdout.splitlines()[0].rsplit("] ", 1) for r in runs)
    assert "underthesea" in first_modules  # the first run read what it keeps from underthesea's modules
    assert second_modules == "[]"  # the second, from the cache: neither underthesea nor joblib imported
    assert first_names == second_names and "'Nguyễn Văn An'" in second_names and "Thị Hòa'" in second_names
    assert [r.stdout.splitlines()[1] for r in runs] == ["True True True True Đ"] * 2
