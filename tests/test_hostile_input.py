"""Hostile input (issue 15, items 1-4, 9, 12): files and text made to exhaust memory or time, or to mislead."""
import importlib
import os
import signal
import sys
import zipfile
from contextlib import contextmanager

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import pipeline
import pipeline.runner as runner
import pipeline.s1_formats as formats
import pipeline.s1_read as s1
import pipeline.s2_segment as s2
from pipeline.cli import cli
from pipeline.s1_read import ReadError, read_path
from pipeline.vocab import vnkg

from conftest import CORPUS, SEED, entity_names, posts_of

ingest_module = importlib.import_module("pipeline.store.ingest")  # the package's `ingest` is the function

OTHER = CORPUS / "da-nang-chuyen-doi-so-2025.txt"
OFFICIAL = "Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị tại Hà Nội."


@contextmanager
def deadline(seconds):
    """A read that would wait forever fails the test instead of hanging it."""
    def give_up(*_):
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def broken_merge_docx(path):
    """A Word report whose table has a cell spanning 0 columns, merged with a row above that does not exist."""
    document = docx.Document()
    document.add_paragraph(OFFICIAL)
    table = document.add_table(rows=2, cols=2)
    table.rows[1].cells[1].text = "Khu công nghệ cao Hòa Lạc"
    properties = table.rows[0].cells[0]._tc.get_or_add_tcPr()
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "0")
    properties.append(span)
    properties.append(OxmlElement("w:vMerge"))
    document.save(path)
    return path


# 1. One bad file never stops a batch.

def test_a_table_with_broken_merges_is_read(tmp_path):
    text = read_path(broken_merge_docx(tmp_path / "merged.docx")).text
    assert OFFICIAL in text and "Khu công nghệ cao Hòa Lạc" in text


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_reader_that_fails_refuses_its_file_and_the_batch_goes_on(tmp_path, monkeypatch, jobs):
    def broken(raw):
        raise ValueError("no tr above topmost tr in w:tbl")

    monkeypatch.setitem(formats.READERS, ".docx", broken)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.docx").write_bytes(b"PK\x03\x04 a Word file")
    (folder / "c.txt").write_text(OTHER.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--jobs", str(jobs), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1, result.output
    assert f"vnkg: {folder / 'b.docx'}: cannot read this docx file (ValueError: no tr above topmost tr in w:tbl)" \
        in result.stderr.splitlines()
    assert result.stderr.strip().splitlines()[-1] == "vnkg: 2 added, 0 replaced, 0 unchanged, 1 failed"


@pytest.mark.slow
def test_a_worker_that_dies_fails_its_report_alone(tmp_path, monkeypatch):
    prepare = ingest_module.prepare

    def dying(path, *args):
        if path.endswith("dies.txt"):
            os._exit(9)  # what the kernel's out-of-memory killer does to a worker
        return prepare(path, *args)

    monkeypatch.setattr(ingest_module, "prepare", dying)  # the workers are forked from this process
    files = []
    for name, source in (("a.txt", SEED), ("dies.txt", SEED), ("c.txt", OTHER)):
        (tmp_path / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(tmp_path / name))
    result = CliRunner().invoke(cli, ["ingest", *files, "--jobs", "2", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "dies.txt: the process reading it died" in result.stderr, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "vnkg: 2 added, 0 replaced, 0 unchanged, 1 failed"


# 2. Readers stop at a byte budget and never wait.

def test_fifos_and_devices_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with deadline(10):
        with pytest.raises(ReadError, match=r"not a regular file \(a FIFO\)"):
            read_path(fifo)
        with pytest.raises(ReadError, match=r"not a regular file \(a character device\)"):
            read_path(zero)


def test_a_file_larger_than_it_says_is_read_no_further_than_the_limit(monkeypatch):
    monkeypatch.setattr(s1, "MAX_BYTES", 100)  # /proc files say they hold 0 bytes
    with pytest.raises(ReadError, match="grew past"):
        read_path("/proc/self/status")


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "MAX_DOCX_XML", 1_000_000)
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph(OFFICIAL)
    document.save(plain)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data += b"<!--" + b" " * 2_000_000 + b"-->"
            target.writestr(item, data)
    assert bomb.stat().st_size < 50_000
    with pytest.raises(ReadError, match="would unpack to 2 MB .* a zip bomb"):
        read_path(bomb)
    assert OFFICIAL in read_path(plain).text


def test_an_html_page_past_its_budget_is_refused_and_bulk_does_not_count(tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "MAX_HTML_BYTES", 20_000)
    article = "".join(f"<p>{OFFICIAL} Đoạn {i}.</p>" for i in range(40))
    bulk = "<script>" + "var x = 1;" * 20_000 + "</script><img src='data:image/png;base64," + "A" * 100_000 + "'>"
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Tin</title>{bulk}</head><body><article>{article}</article>"
                    "</body></html>", encoding="utf-8")
    assert OFFICIAL in read_path(page).text
    page.write_text(f"<html><body><article>{article * 10}</article></body></html>", encoding="utf-8")
    with pytest.raises(ReadError, match=r"an HTML page of [0-9.]+ MB of markup \(the limit is 0\.02 MB\)"):
        read_path(page)


def test_an_html_page_is_refused_holding_no_copy_of_it(tmp_path, monkeypatch):
    import tracemalloc

    import trafilatura  # noqa: F401  (the reader's own import is not what is measured)

    monkeypatch.setattr(formats, "MAX_HTML_BYTES", 1_000_000)
    monkeypatch.setattr(s1, "MAX_BYTES", 4_100_000)  # what the file is read into
    page = tmp_path / "page.html"
    paragraph = f"<p>{OFFICIAL}</p>\n".encode()
    page.write_bytes(b"<html><body><article>" + paragraph * (4_000_000 // len(paragraph)) + b"</article></body></html>")
    size = page.stat().st_size
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="an HTML page of 4.0 MB of markup"):
            read_path(page)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1.3 * size, f"{peak:,} bytes held to refuse a page of {size:,}"


# 3. A long line costs memory in proportion to its length.

def test_a_long_line_is_cut_into_sentences_of_bounded_length(monkeypatch):
    monkeypatch.setattr(s2, "MAX_SENTENCE", 400)
    ex = pipeline.extract("Báo cáo\n" + "UBND tỉnh " * 300)  # one sentence of 3,000 characters
    sentences = [str(o) for o in ex.graph.objects(None, vnkg().sentence)]
    assert len(sentences) > 100 and max(map(len, sentences)) <= 400


def test_a_report_stating_too_much_is_refused_before_its_graph_is_built(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "MAX_SENTENCE_TEXT", 200_000)
    monkeypatch.setattr(runner, "WINDOW_CHARS", 1_000)
    built = []

    def graph(linked):
        built.append(linked)
        return runner._triples(linked)

    monkeypatch.setitem(runner.STAGES, "triples", graph)
    dense = tmp_path / "dense.txt"
    dense.write_text("Báo cáo\n" + "UBND tỉnh " * 2_000, encoding="utf-8")  # 20,000 characters, 10 windows
    small = tmp_path / "small.txt"
    small.write_text(OFFICIAL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(dense), str(small), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"vnkg: {dense}: its mentions' sentences add up to over 200,000 characters in its first ")
    assert len(built) == 1 and (tmp_path / "out" / "small.ttl").exists()  # the small report's graph alone
    monkeypatch.setattr(runner, "MAX_CHARS", 1_000)
    with pytest.raises(runner.TooLarge, match="20,008 characters of text; vnkg reads reports of up to 1,000"):
        pipeline.extract_path(dense)


def _python_calls(fn, *args):
    """Python calls (generator steps included) while ``fn`` runs: its work, whatever else the machine runs."""
    calls = [0]

    def count(frame, event, arg):
        calls[0] += event == "call"

    sys.setprofile(count)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return calls[0]


def test_linking_text_dense_with_names_takes_work_in_proportion_to_it():
    from pipeline.s5_link import link

    sentence = "UBND tỉnh Hà Nam và Sở Tài chính tỉnh Hà Nam tăng 5%, tỉnh đạt 3 tỷ đồng. "
    small, large = (_python_calls(link, runner.run_stages("Báo cáo\n" + sentence * n, until="recognise"))
                    for n in (40, 80))
    assert large < 2.3 * small, (small, large)  # each mention compared with its sentence's, not the report's


# 4. Tokenisation takes time in proportion to the text.

def test_underthesea_is_never_given_a_long_run_without_spaces(monkeypatch):
    given = []
    cut = s2._words_of  # what gives the pieces of the sentences to underthesea's tokenizer and word tagger

    def recording(pieces):
        given.extend(pieces)
        return cut(pieces)

    monkeypatch.setattr(s2, "_words_of", recording)
    ex = pipeline.extract("Báo cáo\n" + "1." * 5_000 + " tỷ đồng\nĐại biểu Hà Nội dự hội nghị.")  # a run of 10,000
    assert max(len(run) for text in given for run in text.split()) <= s2.MAX_RUN
    assert max(map(len, given)) <= s2.MAX_SENTENCE
    assert not any("1.1." in text for text in given)  # not even in pieces: its words are its tokens
    assert "Hà Nội" in entity_names(ex.linked, "place")
    segmented = runner.run_stages("Vốn " + "1." * 400 + " tỷ đồng", until="segment")  # a run of 800
    words = [segmented.document.text[a:b] for a, b in segmented.words]
    assert words[:3] == ["Vốn", "1." * 399 + "1", "."] and "".join(words[3:]).replace(" ", "") == "tỷđồng"


# 9. Invisible characters.

@pytest.mark.parametrize("mark", ["\u202e", "\x00", "\u2066", "\u200e", "\u2060"])
def test_an_invisible_character_inside_a_name_changes_nothing(mark):
    ex = pipeline.extract(OFFICIAL.replace("Đỗ Trọng", f"Đỗ{mark} Trọng"))
    assert entity_names(ex.linked, "person") == {"Đỗ Trọng Hưng"}
    assert ("Đỗ Trọng Hưng", "Bí thư", "Tỉnh ủy Thanh Hóa") in posts_of(ex.linked)
    assert entity_names(ex.linked, "organisation") == {"Tỉnh ủy Thanh Hóa"}


# 12. The smaller ones, readers' side.

def test_utf8_cut_inside_a_character_is_read_as_utf8(tmp_path):
    raw = SEED.read_bytes()
    cut = len(raw) - 1
    while raw[cut] & 0xC0 == 0x80 or raw[cut] < 0x80:  # back to the first byte of a multi-byte letter
        cut -= 1
    path = tmp_path / "cut.txt"
    path.write_bytes(raw[:cut + 1])
    text = read_path(path).text
    assert text.startswith(SEED.read_text(encoding="utf-8").splitlines()[0]) and text.endswith("\ufffd")


_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R
  /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 43 >> stream
BT /F1 18 Tf 20 100 Td (Bao cao Ha Noi) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""


def test_a_pdf_named_txt_is_read_as_a_pdf(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(_PDF)
    assert read_path(path).text == "Bao cao Ha Noi"


def test_a_file_of_invisible_spaces_has_no_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\u00a0\u200b\u00a0\n\u2060", encoding="utf-8")
    with pytest.raises(ReadError, match="no text in file"):
        read_path(path)
