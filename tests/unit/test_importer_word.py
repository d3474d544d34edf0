"""Reading a Word file (tools/importer/word.py): what is taken as the title, the date, the
signature and a photo's caption, on .docx files written with python-docx."""

import io
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

ROOT = Path(__file__).resolve().parents[2]

from trangtin.tools.importer import word  # noqa: E402
from legacy_text import encode_tcvn3  # noqa: E402
from word_docs import CAPTION, TITLE, add_photo, document, italic, news, photo  # noqa: E402

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def read(doc, **kwargs):
    data = io.BytesIO()
    doc.save(data)
    return word.read_docx(data.getvalue(), "bai.docx", **kwargs)


def body_paragraphs(item):
    from bs4 import BeautifulSoup  # noqa: PLC0415

    return [p.get_text(" ", strip=True) for p in BeautifulSoup(item.body_html, "html.parser").find_all("p")]


@pytest.mark.parametrize("line, expected, has_time", [
    ("Tuyên Quang, ngày 19 tháng 6 năm 2022", datetime(2022, 6, 19), False),
    ("ngày 19 tháng 06 năm 2022", datetime(2022, 6, 19), False),
    ("19/6/2022", datetime(2022, 6, 19), False),
    ("6/7/2022", datetime(2022, 7, 6), False),  # 6 July: day first, never month first
    ("Hà Nội, ngày 05-03-2021", datetime(2021, 3, 5), False),
    ("Thứ hai, ngày 20/6/2022 - 07:30", datetime(2022, 6, 20, 7, 30), True),
    ("Thứ 2, ngày 20.6.2022", datetime(2022, 6, 20), False),
    ("Chủ nhật, ngày 19/6/2022 - 22h02", datetime(2022, 6, 19, 22, 2), True),
    ("ngày 19/6/2022 lúc 22 giờ 02", datetime(2022, 6, 19, 22, 2), True),
])
def test_date_line_is_read_day_first(line, expected, has_time):
    assert word.parse_date_line(line, ZONE) == (expected.replace(tzinfo=ZONE), has_time)


@pytest.mark.parametrize("line", [
    "Ngày 19/6/2022, Đoàn Khối tổ chức hội nghị sơ kết",  # a sentence, not a date line
    "Ngày 31/2/2022",  # no such day
    "Số 12/KH-ĐTN",
    "19/6",
    "19/6/2022 " + "x" * 120,
])
def test_what_is_not_a_date_line(line):
    assert word.parse_date_line(line, ZONE) is None


def test_title_date_signature_and_caption_leave_the_body(tmp_path):
    path = news(tmp_path / "bai.docx", photo(tmp_path / "anh.jpg"))
    item = word.read_docx(path.read_bytes(), "bai.docx")
    assert item.title == TITLE
    assert item.date == datetime(2022, 6, 19, 22, 2, tzinfo=ZONE)
    assert item.author == "Nguyễn Văn An"
    paragraphs = body_paragraphs(item)
    assert paragraphs[0].startswith("Sáng 19/6,")  # the date line is not the first line of the body
    assert not any("ngày 19 tháng 6" in p or "Nguyễn Văn An" in p or p == TITLE or p == CAPTION for p in paragraphs)
    assert item.status == "draft"
    assert [code for code, _ in item.notes] == ["word_title", "word_signature", "caption_guessed", "word_date"]


@pytest.mark.parametrize("style, how", [(0, "kiểu Title"), (1, "kiểu Heading 1")])
def test_title_from_word_styles(style, how):
    doc = document()
    doc.add_paragraph("Đoạn mở đầu bình thường.")
    doc.add_heading("Tiêu đề theo kiểu", style)
    doc.add_paragraph("Nội dung.")
    item = read(doc)
    assert item.title == "Tiêu đề theo kiểu"
    assert ("word_title", f"{how}: «Tiêu đề theo kiểu»") in item.notes
    assert body_paragraphs(item) == ["Đoạn mở đầu bình thường.", "Nội dung."]


def test_a_heading_1_below_a_title_stays_a_heading_of_the_body():
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    doc.add_heading("Phần một", 1)
    doc.add_paragraph("Nội dung.")
    item = read(doc)
    assert item.title == "Tiêu đề" and "<h2>Phần một</h2>" in item.body_html


@pytest.mark.parametrize("make_first", [
    lambda p: setattr(p.add_run("Hội nghị sơ kết công tác Đoàn"), "bold", True),
    lambda p: p.add_run("HỘI NGHỊ SƠ KẾT CÔNG TÁC ĐOÀN"),
])
def test_title_from_a_bold_or_upper_case_first_paragraph(make_first):
    doc = document()
    make_first(doc.add_paragraph())
    doc.add_paragraph("Nội dung của bài.")
    item = read(doc)
    assert item.title in ("Hội nghị sơ kết công tác Đoàn", "HỘI NGHỊ SƠ KẾT CÔNG TÁC ĐOÀN")
    assert body_paragraphs(item) == ["Nội dung của bài."]


def test_a_plain_first_paragraph_is_not_a_title():
    doc = document()
    doc.add_paragraph("Sáng nay, đoàn viên ra quân.")
    doc.add_paragraph("Nội dung tiếp.")
    item = read(doc)
    assert item.title is None  # the importer then writes a draft with a placeholder title
    assert body_paragraphs(item) == ["Sáng nay, đoàn viên ra quân.", "Nội dung tiếp."]


def test_date_from_the_file_then_today():
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    doc.add_paragraph("Nội dung.")
    assert read(doc).date == datetime(2022, 6, 19, 22, 2, tzinfo=ZONE)
    undated = document(created=None)
    undated.add_heading("Tiêu đề", 0)
    undated.add_paragraph("Nội dung.")
    today = datetime(2026, 1, 2, 9, 15, 42, tzinfo=ZONE)
    item = read(undated, today=today)
    assert item.date == datetime(2026, 1, 2, 9, 15, tzinfo=ZONE)
    assert ("word_date", "không có dòng ngày, tệp không ghi ngày tạo: lấy hôm nay 02/01/2026 09:15") in item.notes


def test_a_date_line_on_another_day_than_the_file_keeps_midnight():
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    doc.add_paragraph("Nội dung.")
    doc.add_paragraph("Tuyên Quang, ngày 2/7/2022")
    item = read(doc)
    assert item.date == datetime(2022, 7, 2, 0, 0, tzinfo=ZONE)
    assert ("word_date", "dòng ngày «Tuyên Quang, ngày 2/7/2022»: 02/07/2022 00:00") in item.notes


@pytest.mark.parametrize("make_last, expected", [
    (lambda p: (setattr(p, "alignment", WD_ALIGN_PARAGRAPH.RIGHT), p.add_run("Thu Hà")), "Thu Hà"),
    (lambda p: setattr(p.add_run("Minh Tuấn - Đoàn Khối"), "bold", True), "Minh Tuấn - Đoàn Khối"),
    (lambda p: p.add_run("Một câu kết bình thường của bài viết."), None),
    (lambda p: (setattr(p, "alignment", WD_ALIGN_PARAGRAPH.RIGHT), p.add_run("Một đoạn căn phải nhưng dài quá mức một chữ ký bình thường có thể có.")), None),
])
def test_signature_is_a_short_right_aligned_or_bold_last_paragraph(make_last, expected):
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    doc.add_paragraph("Nội dung.")
    make_last(doc.add_paragraph())
    item = read(doc)
    assert item.author == expected
    assert (len(body_paragraphs(item)) == 1) == (expected is not None)


def test_a_table_after_the_last_paragraph_keeps_it_in_the_body():
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    doc.add_paragraph("Nội dung.")
    doc.add_paragraph().add_run("Bảng số liệu").bold = True
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "1"
    assert read(doc).author is None


@pytest.mark.parametrize("make_caption, is_caption", [
    (lambda doc: italic(doc, "Ảnh: đoàn viên ra quân"), True),
    (lambda doc: setattr(doc.add_paragraph("Ảnh: đoàn viên ra quân"), "alignment", WD_ALIGN_PARAGRAPH.CENTER), True),
    (lambda doc: doc.add_paragraph("Ảnh: đoàn viên ra quân", style="Caption"), True),
    (lambda doc: doc.add_paragraph("Ảnh: đoàn viên ra quân"), False),  # plain text under a photo is body text
])
def test_caption_is_a_short_italic_or_centred_paragraph_under_a_photo(tmp_path, make_caption, is_caption):
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    add_photo(doc, photo(tmp_path / "a.jpg"), alt="Đoàn viên xếp hàng")
    make_caption(doc)
    doc.add_paragraph("Nội dung sau ảnh.")
    item = read(doc)
    if is_caption:
        assert '<figcaption>Ảnh: đoàn viên ra quân</figcaption>' in item.body_html
        assert 'alt="Ảnh: đoàn viên ra quân"' in item.body_html
        assert body_paragraphs(item) == ["Nội dung sau ảnh."]
    else:
        assert "<figcaption>" not in item.body_html and 'alt="Đoàn viên xếp hàng"' in item.body_html
        assert body_paragraphs(item) == ["Ảnh: đoàn viên ra quân", "Nội dung sau ảnh."]


def test_photo_without_caption_keeps_a_meaningful_alt_only(tmp_path):
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    add_photo(doc, photo(tmp_path / "a.jpg"), alt="Picture 3")
    doc.add_paragraph("Nội dung sau ảnh, một đoạn văn thường dài hơn một chú thích nhiều lắm. " * 3)
    item = read(doc)
    assert 'alt=""' in item.body_html
    [(url, (data, suffix))] = item.embedded.items()
    assert suffix == ".jpg" and data == (tmp_path / "a.jpg").read_bytes()  # full resolution, byte for byte


def test_a_bitmap_becomes_png(tmp_path):
    from PIL import Image  # noqa: PLC0415

    Image.new("RGB", (40, 30), (0, 90, 200)).save(tmp_path / "a.bmp")
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    add_photo(doc, tmp_path / "a.bmp")
    doc.add_paragraph("Nội dung.")
    [(data, suffix)] = read(doc).embedded.values()
    assert suffix == ".png" and data.startswith(b"\x89PNG")


def test_text_typed_in_a_tcvn3_font_becomes_unicode():
    doc = document()
    doc.add_heading("Tiêu đề", 0)
    run = doc.add_paragraph().add_run(encode_tcvn3("Đoàn viên thanh niên").decode("latin-1"))
    run.font.name = ".VnTime"
    item = read(doc)
    assert body_paragraphs(item) == ["Đoàn viên thanh niên"]
    assert ("encoding_converted", "TCVN3") in item.notes


@pytest.mark.parametrize("data, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
     "bai.docx: tệp Word cũ (.doc) — mở bằng Word hoặc LibreOffice, chọn Lưu thành… › Word (.docx) rồi nhập lại"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100,
     "bai.docx: tệp Word có mật khẩu — mở bằng Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu), lưu lại rồi nhập lại"),
    (b"PK\x03\x04 cut short",
     "bai.docx: tệp .docx bị hỏng hoặc không phải tệp Word — mở thử bằng Word, lưu lại thành .docx rồi nhập lại"),
    (b"{\\rtf1 not a docx}",
     "bai.docx: tệp .docx bị hỏng hoặc không phải tệp Word — mở thử bằng Word, lưu lại thành .docx rồi nhập lại"),
])
def test_unreadable_files_get_one_vietnamese_line(data, message):
    with pytest.raises(word.WordError) as error:
        word.read_docx(data, "bai.docx")
    assert str(error.value) == message


def test_a_docx_whose_parts_are_not_xml_is_a_broken_file():
    data = io.BytesIO()
    document().save(data)
    import zipfile  # noqa: PLC0415

    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data.getvalue())) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, b"<w:document><unclosed" if info.filename == "word/document.xml" else source.read(info))
    with pytest.raises(word.WordError) as error:
        word.read_docx(broken.getvalue(), "bai.docx")
    assert str(error.value).startswith("bai.docx: tệp .docx bị hỏng, không đọc được (")
    assert str(error.value).endswith(") — mở thử bằng Word, lưu lại thành .docx rồi nhập lại")


def test_each_photo_keeps_its_own_caption_when_an_image_before_it_cannot_be_read(tmp_path):
    from word_docs import add_linked_picture  # noqa: PLC0415

    doc = document()
    doc.add_heading("Tiêu đề", 0)
    add_linked_picture(doc, "/etc/passwd", photo(tmp_path / "mau.jpg", size=(8, 8)))
    italic(doc, "Chú thích của ảnh không đọc được")
    add_photo(doc, photo(tmp_path / "a.jpg"))
    italic(doc, "Chú thích của ảnh thật")
    doc.add_paragraph("Nội dung.")
    item = read(doc)
    assert item.body_html.count("<figure>") == 1
    assert "<figcaption>Chú thích của ảnh thật</figcaption>" in item.body_html
    assert ("word_external_image", "ảnh thứ 1") in item.notes


def test_a_docx_that_would_unpack_beyond_the_limit_is_refused_before_reading():
    import struct  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(packed.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = struct.pack("<I", 0xF0000000)  # the size the directory claims
    with pytest.raises(word.WordError) as error:
        word.read_docx(bytes(data), "bai.docx")
    assert str(error.value) == "bai.docx: tệp .docx giải nén ra quá lớn (hơn 512 MB) — không nhập"
