"""Stage 1: reading and normalising reports."""
import pytest

from pipeline.s1_read import ReadError, read_path, read_text

from conftest import SEED


def test_read_seed_states_title_source_and_url():
    doc = read_path(SEED)
    assert doc.title == "Phát triển khoa học, công nghệ và đổi mới sáng tạo"
    assert doc.publisher == "Hà Nội TV"
    assert doc.url is not None and doc.url.startswith("https://hanoionline.vn/")
    assert doc.name == "hanoi-khcn-2025"


def test_same_text_same_id_whatever_the_path(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Thành ủy Hà Nội họp.", encoding="utf-8")
    b.write_bytes("\ufeffThành ủy Hà Nội họp.".encode("utf-8"))
    assert read_path(a).id == read_path(b).id


def test_utf16_and_decomposed_text_give_the_normalised_text(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("Khu công nghệ cao Hoà Lạc".encode("utf-16"))
    assert read_path(path).text == "Khu công nghệ cao Hòa Lạc"


def test_date_is_read_only_when_a_line_states_it():
    assert read_text("Ngày đăng: 05/12/2021\nHội nghị").date == "2021-12-05"
    assert read_text("Hội nghị sáng 3/4 tại Hà Nội").date is None


@pytest.mark.parametrize("content,reason",
                         [(b"", "no text"), (b"\x00\x01\x02binary", "binary"), (b"\xff\xfe\xfa", None)])
def test_bad_files_raise_a_read_error_with_the_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_path(path)
    if reason:
        assert reason in str(err.value)


def test_missing_folder_and_unsupported_files(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="folder"):
        read_path(tmp_path)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 JFIF")
    with pytest.raises(ReadError, match="a JPEG image, not a report"):
        read_path(tmp_path / "photo.jpg")
    (tmp_path / "notes.odt").write_bytes("Hà Nội".encode())
    with pytest.raises(ReadError, match="unsupported file type '.odt'"):
        read_path(tmp_path / "notes.odt")


def test_text_that_starts_like_a_file_signature_is_read(tmp_path):
    # "BM" opens bitmaps, "GIF8" GIFs, "RIFF" WAV files: a headline may open the same way.
    for name, text in {"bmw.txt": "BMW ngưng sản xuất 6-Series Coupe tại nhà máy Dingolfing.",
                       "gif.txt": "GIF8 là tên một dự án tại Khu công nghệ cao Hòa Lạc.",
                       "riff.txt": "RIFF là nhóm nhạc trẻ biểu diễn tại Hà Nội."}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert read_path(tmp_path / name).text.startswith(text.split()[0])
    bitmap = tmp_path / "scan.txt"
    bitmap.write_bytes(b"BM6\x00\x0c\x00\x00\x00\x00\x006\x00\x00\x00" + b"\xff" * 64)
    with pytest.raises(ReadError, match="a BMP image, not a report"):
        read_path(bitmap)
