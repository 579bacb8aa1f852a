"""Files written by pyoxigraph hold the graph rdflib writes: isomorphic in every format, readable Turtle."""
import io

import pytest
import rdflib
from rdflib.compare import isomorphic

import pipeline
from pipeline.formats import write_rdf
from pipeline.terms import lit, namespaces

from conftest import CORPUS

# Real-looking reports of our own: posts, a zone with its type, figures and ranges, a decree, a
# unit that ceased in 2025, an event with a date, a foreign country.
REPORTS = {
    "posts": "Ngày 12/3/2024, Phó Chủ tịch UBND tỉnh Nghệ An Bùi Đình Long chủ trì hội nghị triển khai "
             "Nghị quyết số 39/NQ-CP. Giám đốc Sở Kế hoạch và Đầu tư Nguyễn Văn Hải báo cáo.",
    "zone": "Khu công nghiệp VSIP Nghệ An đã thu hút 25 dự án với tổng vốn đầu tư khoảng 1.200 tỷ đồng, "
            "tỷ lệ lấp đầy đạt 60-70%.",
    "units": "Năm 2019, huyện Quỳnh Lưu, tỉnh Nghệ An có 3.500 hộ nghèo; xuất khẩu sang Hàn Quốc tăng 12,5%.",
}
# rdflib's parser name of each format vnkg writes with pyoxigraph
PARSERS = {"turtle": "turtle", "nt": "nt", "trig": "trig", "nquads": "nquads", "rdfxml": "xml"}


@pytest.fixture(scope="module")
def extractions(seed):
    found = [seed, *(pipeline.extract_path(CORPUS / n) for n in ("thanh-hoa-kcn-2024.txt",
                                                                  "da-nang-chuyen-doi-so-2025.txt"))]
    return found + [pipeline.extract(text, name=name) for name, text in REPORTS.items()]


def parsed(data: bytes, fmt: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    if fmt in ("trig", "nquads"):
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=PARSERS[fmt])
        for s, p, o, _ in dataset.quads():
            graph.add((s, p, o))
    else:
        graph.parse(data=data, format=PARSERS[fmt])
    return graph


def written(reports, fmt: str) -> bytes:
    out = io.BytesIO()
    write_rdf(reports, fmt, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_each_format_is_isomorphic_to_rdflibs_output(extractions, fmt):
    for ex in extractions:
        reference = rdflib.Graph().parse(data=ex.graph.serialize(format="nt"), format="nt")
        got = parsed(written([ex], fmt), fmt)
        assert len(got) == len(ex.triples) == len(reference) > 20
        assert isomorphic(got, reference), (ex.document.path, fmt)


def test_several_reports_write_their_union_once(extractions):
    union = rdflib.Graph()
    for ex in extractions:
        union += ex.graph
    got = parsed(written(extractions, "turtle"), "turtle")
    assert isomorphic(got, union)
    # the province node both Nghệ An snippets name is one node, stated once
    assert len(got) < sum(len(ex.triples) for ex in extractions)


def test_named_graph_formats_keep_one_graph_per_report(extractions):
    dataset = rdflib.Dataset()
    dataset.parse(data=written(extractions, "nquads"), format="nquads")
    names = {str(c.identifier) for c in dataset.graphs() if len(c)}
    assert len(names) == len(extractions)


def test_turtle_is_readable(seed):
    text = written([seed], "turtle").decode("utf-8")
    assert "@prefix schema: <https://schema.org/> ." in text
    assert " a schema:Report" in text and "vnkg:mention" in text and "skos:prefLabel" in text
    assert "\\/" not in text  # no escaped slashes in prefixed names: resources keep their full IRIs
    assert "<https://w3id.org/vnkg/resource/report/" in text


def test_closed_vocabularies_still_fail_on_a_misspelt_term():
    with pytest.raises(AttributeError, match="mentoin"):
        _ = namespaces()["vnkg"].mentoin
    with pytest.raises(AttributeError, match="prefLabell"):
        _ = namespaces()["skos"].prefLabell
    assert namespaces()["vnkg"].mention.value == "https://w3id.org/vnkg/ontology#mention"


def test_literals_are_written_as_rdflib_writes_them():
    from decimal import Decimal

    for value in (True, False, 0, 1348, Decimal("0.85"), Decimal("1E+3"), Decimal("12.50"), "Hà Nội"):
        ours, theirs = lit(value), rdflib.Literal(value)
        assert ours.value == str(theirs), value
        assert ours.datatype.value == str(theirs.datatype or rdflib.XSD.string), value
    assert lit("Bộ Tài chính", lang="vi").language == "vi"


def test_the_same_report_gives_the_same_turtle_bytes_in_every_process(tmp_path):
    """Two processes (different string hashing) write byte-identical Turtle for a report with a zone
    and its type's concept: nothing in the output follows a set's or a parser's whim."""
    import os
    import subprocess
    import sys

    report = tmp_path / "vsip.txt"
    report.write_text(REPORTS["zone"] + "\n" + REPORTS["posts"] + "\n", encoding="utf-8")
    written = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(report), "--output-dir", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        written.append((out / "vsip.ttl").read_bytes())
    assert b"vnkg:IndustrialPark a skos:Concept" in written[0]  # the zone type's concept is there
    assert written[0] == written[1]
