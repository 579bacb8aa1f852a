"""Streets and landmarks a report names after a place noun are not read as persons elsewhere in it."""
import pytest

from pipeline.runner import run_stages


def _persons(text):
    doc = run_stages(text, until="recognise").doc
    return [s.text for s in doc.spans["persons"]]


@pytest.mark.parametrize("text", [
    "Hành khách đón xe buýt tại bến xe Kim Mã từ 5 giờ sáng. Kim Mã đông khách vào giờ cao điểm.",
    "Người dân xã Đồng Tâm, huyện Mỹ Đức đã nhận lại đất. Đồng Tâm hiện đã yên ổn.",
    "Cửa hàng thực phẩm tại số 96 Phan Đình Phùng bị xử phạt 20 triệu đồng. Phan Đình Phùng là tuyến phố "
    "nhiều cây xanh.",
    "Du khách leo núi Yên Tử hành hương đầu năm. Lượng du khách đến với Yên Tử tăng mạnh.",
    "Người bệnh chờ khám tại Bệnh viện Bạch Mai từ sáng sớm. Bạch Mai đã quá tải nhiều năm.",
    "Vụ va chạm xảy ra tại ngã ba Lý Thái Tổ - Lê Duẩn. Lý Thái Tổ và Lê Duẩn bị ùn tắc kéo dài.",
    "Dự án đường cao tốc Đồng Đăng - Trà Lĩnh được khởi công. Đồng Đăng là cửa ngõ biên giới phía Bắc.",
])
def test_a_name_written_after_a_place_noun_is_no_person_in_that_report(text):
    assert _persons(text) == []


def test_a_person_a_cue_introduces_keeps_the_name_a_street_also_has():
    text = ("Ông Lê Duẩn, trưởng thôn, cho biết đường Lê Duẩn mới được mở rộng. Lê Duẩn nói người dân "
            "đồng tình.")
    assert _persons(text).count("Lê Duẩn") == 2


def test_a_person_no_place_noun_names_is_still_found():
    text = ("Phó Chủ tịch UBND tỉnh Nam Định Trần Anh Dũng kiểm tra đê biển Hải Hậu. Trần Anh Dũng yêu cầu "
            "gia cố xong trước mùa bão.")
    assert _persons(text) == ["Trần Anh Dũng", "Trần Anh Dũng"]


@pytest.mark.parametrize("text", [
    "Ngày 10/7, Chủ tịch UBND tỉnh Nguyễn Đức Chính ký quyết định bổ nhiệm. Nguyễn Đức Chính yêu cầu các sở "
    "thực hiện nghiêm.",
    "Chủ tịch xã Lê Văn Bình cho biết đường vào thôn đã được bê tông hóa. Lê Văn Bình nói thêm người dân đồng tình.",
])
def test_a_unit_word_that_ends_a_body_or_a_role_is_followed_by_a_person(text):
    assert len(_persons(text)) == 2


@pytest.mark.parametrize("text", [
    "Tờ vé số trúng giải đặc biệt được bán tại điểm bán hàng 253 Kim Mã, quận Ba Đình, gần phố Núi Trúc.",
    "Bộ phim giúp cô giành đề cử nữ diễn viên xuất sắc tại LHP Kim Mã năm 1978.",
    "Ga Hà Nội còn vướng mặt bằng tại các ga: Kim Mã, Cát Linh, Văn Miếu.",
])
def test_a_street_or_award_of_the_lexicon_is_no_person(text):
    assert "Kim Mã" not in _persons(text)


def test_a_house_number_a_name_and_its_unit_name_a_street():
    text = "Một cửa hàng ở 45 Hoàng Văn Thụ, phường 4 bị cháy lúc rạng sáng. Hoàng Văn Thụ ùn tắc nhiều giờ."
    assert _persons(text) == []
    assert _persons("Năm 2020, 3 cán bộ gồm Nguyễn Văn An, Trần Văn Bình được khen thưởng.") == [
        "Nguyễn Văn An", "Trần Văn Bình"]


@pytest.mark.parametrize(("text", "name"), [
    ("Trận chiến trên sông năm 938 được tái hiện tại lễ hội. Chiến thắng Bạch Đằng là niềm tự hào.", "Bạch Đằng"),
    ("Quần đảo thu hút nhiều du khách dịp hè. Cù Lao Chàm đón hơn 3.000 khách mỗi ngày.", "Cù Lao Chàm"),
    ("Lễ hội xuân thu hút hàng vạn người. Yên Tử mở cửa đón khách từ mùng 1 Tết.", "Yên Tử"),
])
def test_a_river_islands_and_a_mountain_of_the_lexicon_are_no_persons(text, name):
    assert name not in _persons(text)


def test_a_street_span_from_one_name_to_another_is_no_person():
    text = ("Sở Giao thông vận tải cấm xe trên đoạn từ Lê Duẩn đến cầu Thủ Thiêm trong hai ngày. "
            "Lê Duẩn sẽ thông xe sau lễ.")
    assert "Lê Duẩn" not in _persons(text)
    assert _persons("Ông Trần Văn Nam đi đoạn từ nhà đến trường mỗi ngày.") == ["Trần Văn Nam"]
