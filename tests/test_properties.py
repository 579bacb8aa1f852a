"""Properties of the whole pipeline on arbitrary text (hypothesis)."""
import math
from dataclasses import fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.runner import Trace, run_stages

UNITS = {"VND", "USD", "EUR", "ha", "m2", "km2", "km", "m", "tonne", "percent", "count", "rank"}
# Report-like pieces, so the grammars fire, mixed with any Unicode at all.
PIECES = st.sampled_from([
    "Chủ tịch UBND tỉnh ", "Nguyễn Văn An", " - Giám đốc Sở Nội vụ", "Khu công nghiệp ", "KCN ", "Tân Thuận",
    " có ", "1.348ha", " 115.830 tỷ đồng", " 4/7 chỉ tiêu", " xếp thứ nhất", " 700-800 tỉ đồng", ", ", ". ", "\n",
    "ông ", "TP.HCM", "Hà Nội", "(", ")", " 8,5 - 9%", "Ban Chỉ đạo Chương trình số 07-CTr/TU", "Thủ tướng ",
    "Tập đoàn ", "FPT", "Ảnh: ", "QUẾ CHI", " tăng 37 bậc", "các ", "và ", "1/500", " ngày 3/4", "Hoà Lạc",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_goes_through_and_every_offset_slices_its_surface(text):
    trace = Trace()
    run_stages(text, until="graph", trace=trace)
    assert trace.link is not None and trace.read is not None
    linked, normalised = trace.link, trace.read.text
    for f in fields(linked.mentions):
        for m in getattr(linked.mentions, f.name):
            assert normalised[m.start:m.end] == m.text
    for fig in linked.figures:
        a = fig.mention.info
        assert a.unit in UNITS
        for value in (a.value, a.min, a.max, a.total):
            if value is not None:
                assert math.isfinite(value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=300))
def test_arbitrary_unicode_never_crashes(text):
    graph = run_stages(text, until="graph")
    assert len(graph) >= 3  # at least the report itself is described
