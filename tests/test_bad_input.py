"""Input as sources publish it: encodings, formats, bad files, large reports."""
import html
import os
import shutil
import socket
import subprocess
import unicodedata

import docx
import pytest
from click.testing import CliRunner

import pipeline
from pipeline.cli import cli
from pipeline.s1_read import ReadError, read_path

from conftest import SEED, entity_names, posts_of

TEXT = SEED.read_text(encoding="utf-8")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Windows-1258: hats and horns precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


_TCVN3 = dict(zip("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
                  "µ¸¶·¹¨»¾¼½ÆÇ©ÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ", strict=True))
_VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_MARKS = {"\u0302": "â", "\u0306": "ê", "\u031b": "ô"}


def tcvn3(text: str) -> bytes:
    """TCVN3 (ABC): each Vietnamese letter on one byte (capitals share the small letters' bytes here)."""
    return "".join(_TCVN3.get(c.lower(), c) if ord(c) > 127 else c for c in text).encode("latin-1", "replace")


def vni(text: str) -> bytes:
    """VNI-Windows: a base letter, then bytes for its hat or horn and its tone."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        out.append(_VNI_TONES.get(ch) or _VNI_MARKS.get(ch) or ("ñ" if ch == "đ" else ch))
    return "".join(out).encode("cp1252", "replace")


def same_report(path, plain):
    """The same officials, organisations, zones, places and figures as ``plain``, the seed in plain UTF-8."""
    other = pipeline.extract_path(path)
    assert posts_of(other.linked) == posts_of(plain.linked)
    for kind in ("person", "organisation", "zone", "place"):
        assert entity_names(other.linked, kind) == entity_names(plain.linked, kind), kind
    figures = [{(f.mention.info.value, f.mention.info.unit) for f in e.linked.figures}
               for e in (plain, other)]
    assert figures[0] == figures[1]


@pytest.mark.parametrize("encode", [
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-16-le"),
    lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    cp1258,
], ids=["utf-8-bom", "utf-16", "utf-16le-no-bom", "nfd", "windows-1258"])
def test_every_unicode_encoding_gives_the_same_report(tmp_path, encode, seed):
    path = tmp_path / "report.txt"
    path.write_bytes(encode(TEXT))
    same_report(path, seed)


@pytest.mark.parametrize("encode,name", [(tcvn3, "TCVN3"), (vni, "VNI")])
def test_legacy_encodings_are_refused_by_name(tmp_path, encode, name):
    path = tmp_path / "legacy.txt"
    path.write_bytes(encode(TEXT))
    with pytest.raises(ReadError, match=f"legacy {name}"):
        read_path(path)
    path.write_text(encode(TEXT).decode("latin-1"), encoding="utf-8")  # pasted from a legacy font
    with pytest.raises(ReadError, match=f"legacy {name}"):
        read_path(path)


def test_a_news_page_gives_the_article_title_and_date(tmp_path, seed):
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in TEXT.split("\n")[1:] if p)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{TEXT.splitlines()[0]} | Hà Nội TV</title>
    <meta property="article:published_time" content="2025-04-03T09:15:00+07:00"></head><body>
    <nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li>Kinh tế</li></ul></nav>
    <aside class="ads">Quảng cáo: Công ty TNHH Quảng Cáo Số Một khuyến mại 50%</aside>
    <article><h1>{TEXT.splitlines()[0]}</h1>{paragraphs}</article>
    <footer>Bản quyền thuộc Đài Phát thanh và Truyền hình Hà Nội. Tổng biên tập: Trần Văn Quảng Cáo</footer>
    </body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = read_path(path)
    assert doc.title == TEXT.splitlines()[0] and doc.date == "2025-04-03"
    assert "Quảng cáo" not in doc.text and "Trang chủ" not in doc.text
    same_report(path, seed)


def test_a_word_report(tmp_path, seed):
    document = docx.Document()
    for line in TEXT.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    same_report(path, seed)


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium makes the test PDF")
def test_a_pdf_report_and_a_scan_without_text(tmp_path, seed):
    assert CHROMIUM is not None
    page = tmp_path / "report.html"
    body = "".join(f"<p>{html.escape(p)}</p>" for p in TEXT.split("\n"))
    page.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", f"--user-data-dir={tmp_path / 'c'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120)
    same_report(pdf, seed)
    blank = tmp_path / "blank.html"
    blank.write_text('<html><body><div style="width:300px;height:300px;background:#888"></div></body></html>')
    scan = tmp_path / "scan.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'd'}", f"--print-to-pdf={scan}", "--no-pdf-header-footer",
                    blank.as_uri()], capture_output=True, timeout=120)
    with pytest.raises(ReadError, match="without a text layer"):
        read_path(scan)


def test_bad_files_each_say_why(tmp_path):
    cases = {
        "empty.txt": (b"", "no text in file"),
        "junk.txt": (os.urandom(2000).replace(b"\x00", b"\x01") + b"\x00\x00", "binary data"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n" + os.urandom(100), "a PNG image"),
        "broken.pdf": (b"%PDF-1.4 this is not a pdf", "not a readable PDF"),
        "broken.docx": (b"PK\x03\x04 not a docx", "not a readable DOCX"),
        "slides.pptx": (b"PK\x03\x04", "unsupported file type"),
    }
    for name, (content, reason) in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ReadError, match=reason):
            read_path(tmp_path / name)
    sock = tmp_path / "socket.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock))
        with pytest.raises(ReadError, match="cannot read"):
            read_path(sock)  # what an unreadable file gives, even to root


def test_a_folder_of_mixed_files_stores_the_good_and_names_the_bad(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    document = docx.Document()
    for line in (SEED.parent / "thanh-hoa-kcn-2024.txt").read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(folder / "thanh-hoa.docx")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    (folder / "legacy.txt").write_bytes(tcvn3(TEXT))
    result = CliRunner().invoke(cli, ["ingest", str(folder), str(tmp_path / "missing.txt"),
                                      "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any("empty.txt: no text in file" in ln for ln in lines)
    # A folder gives its reports: the picture is left alone and said so, not counted as a failure.
    assert "vnkg: left 1 file(s) of other types alone (.png); --include GLOB reads them" in lines
    assert not any("logo.png:" in ln for ln in lines)
    assert any("legacy.txt: text in the legacy TCVN3 (ABC) encoding" in ln for ln in lines)
    assert any("missing.txt: no such file" in ln for ln in lines)
    assert lines[-1] == "vnkg: 2 added, 0 replaced, 0 unchanged, 3 failed"
    # Named with --include, it is read (and refused for what it is).
    again = CliRunner().invoke(cli, ["ingest", str(folder), "--include", "*.png", "--store", str(tmp_path / "store")])
    assert any("logo.png: a PNG image, not a report" in ln for ln in again.stderr.splitlines())
    assert "Traceback" not in result.stderr


def test_a_long_report_is_read_in_windows_with_the_same_result(monkeypatch, seed):
    import pipeline.runner as runner

    whole = seed
    monkeypatch.setattr(runner, "WINDOW_CHARS", 2500)
    windowed = pipeline.extract_path(SEED)
    assert posts_of(windowed.linked) == posts_of(whole.linked)
    assert set(windowed.graph) == set(whole.graph)


def test_a_large_report_never_holds_more_than_a_window_in_one_doc(monkeypatch):
    """Bounded memory: the spaCy Doc (the large structure) is built window by window,
    and what the last window says is still in the result."""
    import pipeline.runner as runner

    names = ["Trần Văn An", "Lê Thị Bình", "Phạm Quốc Cường", "Hoàng Minh Dũng", "Vũ Thị Hà", "Đặng Văn Khải"]
    body = TEXT.split("\n", 1)[1]
    report = "\n".join(f"Phần {i + 1}\n" + body.replace("Nguyễn Văn Phong", name) for i, name in enumerate(names))
    doc_sizes = []
    to_doc = runner.STAGES["doc"]

    def recording(value):
        parsed = to_doc(value)
        doc_sizes.append(len(parsed.doc.text))
        return parsed

    monkeypatch.setattr(runner, "WINDOW_CHARS", 5000)
    monkeypatch.setitem(runner.STAGES, "doc", recording)
    result = pipeline.extract(report, name="large.txt")
    longest_line = max(len(line) for line in report.split("\n"))
    assert len(doc_sizes) >= len(report) // 5000 and max(doc_sizes) <= 5000 + longest_line
    assert set(names) <= entity_names(result.linked, "person")
    assert {(n, "Phó Bí thư Thường trực", "Thành ủy Hà Nội") for n in names} <= posts_of(result.linked)
