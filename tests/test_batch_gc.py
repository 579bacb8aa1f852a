"""The vnkg command's garbage collection: tuned thresholds, what the first report loaded frozen once."""
from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

REPORT = ("Sáng 12/3, Bí thư Tỉnh ủy Bắc Ninh Nguyễn Anh Tuấn chủ trì hội nghị triển khai kế hoạch "
          "phát triển Khu công nghiệp Yên Phong II. Doanh thu của các doanh nghiệp đạt 1.250 tỷ đồng.")


def test_the_command_freezes_what_the_first_report_loaded_and_only_once():
    """In a tuned process (as ``vnkg`` runs), the first extraction leaves the models and lexicons frozen;
    later extractions add nothing to the frozen set, and give the same triples."""
    script = textwrap.dedent(f"""
        import gc, pipeline
        from pipeline.batch_gc import tune_for_batch
        tune_for_batch()
        assert gc.get_freeze_count() == 0
        first = pipeline.extract({REPORT!r})
        frozen = gc.get_freeze_count()
        again = pipeline.extract({REPORT!r})
        print(gc.get_threshold()[0], frozen, gc.get_freeze_count() == frozen,
              sorted(map(str, first.triples)) == sorted(map(str, again.triples)))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "10000"
    assert int(out[1]) > 100_000  # spaCy's pipeline and vnkg's lexicons: hundreds of thousands of objects
    assert out[2:] == ["True", "True"]


def test_the_python_api_leaves_the_collector_alone():
    """``pipeline.extract`` in a process that did not ask for batch tuning changes no threshold and
    freezes nothing."""
    import pipeline

    before = gc.get_threshold(), gc.get_freeze_count()
    ex = pipeline.extract(REPORT)
    assert any("Nguyễn Anh Tuấn" in str(t) for t in ex.triples)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
