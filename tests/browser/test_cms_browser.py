"""The browser editor (/admin/, plugins/cms) as an editor uses it on one office PC: `make cms`
(tools/cms.py) starts decap-server and the preview on a copy of tests/fixtures/cms, Chromium drives
Decap CMS. One editor process for the module; the tests run in file order and the last one stops it
with Ctrl-C."""

import json
import os
import shutil
import signal
import socket
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, LoggedProcess, project_copy

from trangtin.content_checks.messages import render  # noqa: E402

BUILT = "devserver: đã dựng xong"
IMPORTED = "2022/hoi-nghi-tong-ket-2021.md"
MAX_PHOTO_MB = 1
REPORT = "https://ci.example.invalid/doankhoi/trang-tin/actions"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Editor(LoggedProcess):
    def __init__(self, project: Path):
        self.project, self.content, self.output = project, project / "content", project / "output"
        self.port, self.api_port = free_port(), free_port()
        super().__init__([sys.executable, str(project / "tools" / "cms.py"), str(self.content), str(self.output),
                          "-s", str(project / "pelicanconf.py"), "--port", str(self.port), "--api-port", str(self.api_port),
                          "--", "-e", "SEARCH_ENABLED=false", f"CMS_MAX_PHOTO_MB={MAX_PHOTO_MB}",
                          f"CMS_REPORT_URL={json.dumps(REPORT)}"], cwd=project)
        self.admin = f"http://127.0.0.1:{self.port}/admin/"


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    assert (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file(), "run `make cms-tools` first"
    project = project_copy(tmp_path_factory.mktemp("cms"))
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURES / "cms", project / "content")
    editor = Editor(project)
    editor.wait_for_line(BUILT)
    deadline = time.monotonic() + 30
    while not listening(editor.api_port):
        assert time.monotonic() < deadline, editor.log
        time.sleep(0.1)
    yield editor
    if editor.process.poll() is None:
        editor.send(signal.SIGINT, group=True)
        editor.finish()


def sign_in(page, editor, hash_path=""):
    page.goto(editor.admin)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Tin bài").first.wait_for()
    if hash_path:
        page.goto(editor.admin + "#" + hash_path)


def publish(page):
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay").click()


def wait_for(condition, what, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_editor_page_is_vietnamese_with_the_sites_categories(editor, page):
    sign_in(page, editor, "/collections/tin-bai/new")
    page.locator("#category-field-3").click()
    options = page.locator("[class*=option]").all_inner_texts()
    assert options == ["Tin hoạt động", "Công tác Đoàn", "Thanh niên tình nguyện", "Tuổi trẻ sáng tạo", "Văn hóa - Thể thao"]
    labels = page.locator("label").all_inner_texts()
    for label in ("Tiêu đề", "Ngày đăng", "Chuyên mục", "Tác giả", "Tóm tắt", "Ảnh đại diện", "Thẻ", "Bản nháp", "Nội dung"):
        assert any(text.lower().startswith(label.lower()) for text in labels), (label, labels)
    report = page.get_by_role("link", name="Kết quả đăng trang")
    assert report.get_attribute("href") == REPORT
    # The imported article is listed with the others; the static page is not a news item.
    page.goto(editor.admin + "#/collections/tin-bai")
    page.get_by_text("Hội nghị tổng kết công tác Đoàn năm 2021").wait_for()
    assert page.get_by_text("Giới thiệu", exact=True).count() == 0


def test_a_new_article_with_a_photo_and_its_caption_reaches_the_site(editor, page, tmp_path):
    from PIL import Image

    photo = tmp_path / "hien-mau.jpg"
    Image.new("RGB", (900, 600), (180, 30, 40)).save(photo, quality=85)
    caption = "Đoàn viên hiến máu tại Hội trường Khối"
    builds = editor.log.count(BUILT)
    sign_in(page, editor, "/collections/tin-bai/new")
    page.locator("#title-field-1").fill("Ngày hội hiến máu mùa đông")
    page.locator("#date-field-2").fill("19/6/2022 22:02")
    page.locator("#category-field-3").fill("Tin hoạt động")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Thêm ảnh").click()
    page.get_by_label("list field").get_by_role("button", name="Chọn một hình").click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.locator("[id^=caption-field]").fill(caption)
    page.locator("[contenteditable=true]").last.click()
    page.keyboard.type("Sáng 19/6, hơn 200 đoàn viên tham gia hiến máu.")
    publish(page)

    saved = lambda: list(editor.content.glob("*/ngay-hoi-hien-mau-mua-dong.md"))  # noqa: E731
    uploaded = lambda: list(editor.content.glob("images/*/hien-mau.jpg"))  # noqa: E731
    wait_for(lambda: saved() and uploaded() and uploaded()[0].stat().st_size == photo.stat().st_size,
             f"the article's file and its photo: {sorted(str(p) for p in editor.content.rglob('*'))}")
    text = saved()[0].read_text(encoding="utf-8")
    uploaded = uploaded()
    assert len(uploaded) == 1 and uploaded[0].read_bytes() == photo.read_bytes()
    year = uploaded[0].parent.name
    assert text == (
        "Title: Ngày hội hiến máu mùa đông\nDate: 19/6/2022 22:02\nCategory: Tin hoạt động\n\n"
        "Sáng 19/6, hơn 200 đoàn viên tham gia hiến máu.\n\n"
        f'![{caption}]({{static}}/images/{year}/hien-mau.jpg "{caption}")\n'
    )

    # The preview rebuilds after the save: the article's page shows the photo with its caption.
    editor.wait_for_line(BUILT, builds + 1)
    html = editor.output / "2022" / "06" / "ngay-hoi-hien-mau-mua-dong.html"
    wait_for(html.is_file, "the article's page")
    figure = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article figure")
    assert figure.figcaption.get_text(strip=True) == caption
    page.goto(f"http://127.0.0.1:{editor.port}/2022/06/ngay-hoi-hien-mau-mua-dong.html")
    image = page.locator("article figure img")
    wait_for(lambda: image.evaluate("img => img.complete && img.naturalWidth > 0"), "the photo to load")
    assert page.locator("article figure figcaption").inner_text().strip() == caption


def test_an_imported_article_saved_with_one_word_changed_keeps_every_other_byte(editor, page):
    path = editor.content / IMPORTED
    before = path.read_bytes()
    assert b"\r\nLegacy-URL: " in before and b"\r\nViews: 1.234\r\n" in before  # CRLF lines, Vietnamese keys
    sign_in(page, editor, "/collections/tin-bai/entries/2022/hoi-nghi-tong-ket-2021")
    assert page.locator("#title-field-1").input_value() == "Hội nghị tổng kết công tác Đoàn năm 2021"
    assert page.locator("#date-field-2").input_value() == "15/1/2022 08:30"
    body = page.locator("[contenteditable=true]").last
    body.get_by_text("biểu dương", exact=False).wait_for()
    # Select the word "biểu" in the body, as a double click would, and type over it.
    page.evaluate("""() => {
        const editor = [...document.querySelectorAll('[contenteditable=true]')].pop();
        const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode()) && !node.data.includes('biểu dương')) {}
        const at = node.data.indexOf('biểu dương');
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'biểu'.length);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }""")
    page.keyboard.type("tuyên")
    publish(page)
    wait_for(lambda: path.read_bytes() != before, "the saved file")
    assert path.read_bytes() == before.replace("biểu dương".encode(), "tuyên dương".encode())


def test_before_saving_the_checks_show_the_content_checks_words_and_nothing_is_lost(editor, page, tmp_path):
    files_before = sorted(p.relative_to(editor.content).as_posix() for p in editor.content.rglob("*"))
    sign_in(page, editor, "/collections/tin-bai/new")
    page.locator("#date-field-2").fill("31/2/2022 08:00")
    page.locator("[contenteditable=true]").last.click()
    page.keyboard.type("Nội dung đang viết dở")
    publish(page)
    box = page.locator("#trangtin-problems")
    box.wait_for()
    items = box.locator("li").all_inner_texts()
    categories = "Tin hoạt động, Công tác Đoàn, Thanh niên tình nguyện, Tuổi trẻ sáng tạo, Văn hóa - Thể thao"
    assert items == [
        render("missing_title", {}, "vi").split(" — ")[0],
        render("no_such_day", {"value": "31/2/2022 08:00", "key": "Ngày đăng", "day": 31, "month": 2, "year": 2022,
                               "last": 28}, "vi"),
        render("missing_category", {"categories": categories}, "vi").split(" — ")[0],
    ]
    assert items[0] == "thiếu Title (tiêu đề)"
    # Nothing was written, and what the editor typed is still there.
    time.sleep(1)
    assert sorted(p.relative_to(editor.content).as_posix() for p in editor.content.rglob("*")) == files_before
    assert "Nội dung đang viết dở" in page.locator("[contenteditable=true]").last.inner_text()

    # A date that cannot be read at all, once the other fields are right.
    page.locator("#title-field-1").fill("Tin thử")
    page.locator("#date-field-2").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("ngày mai")
    page.locator("#category-field-3").fill("Công tác Đoàn")
    page.keyboard.press("Enter")
    publish(page)
    page.wait_for_function("() => document.querySelector('#trangtin-problems li').textContent.includes('ngày mai')")
    assert box.locator("li").all_inner_texts() == [render("bad_date", {"value": "ngày mai", "key": "Ngày đăng"}, "vi")]

    # A photo above CMS_MAX_PHOTO_MB is refused before it is sent, in the same words.
    heavy = tmp_path / "anh-nang.jpg"
    heavy.write_bytes(b"\xff\xd8\xff" + os.urandom(int(1.5 * 1024 * 1024)))
    said = []
    page.on("dialog", lambda dialog: (said.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Chọn một hình").first.click()
    page.locator("input[type=file]").set_input_files(str(heavy))
    wait_for(lambda: said, "the photo's message")
    assert said == [render("photo_too_large", {"name": "anh-nang.jpg", "size": "1,5", "limit": MAX_PHOTO_MB}, "vi")]
    assert not list(editor.content.rglob("anh-nang.jpg"))


def test_a_document_of_the_register_saves_back_with_one_word_changed_and_its_spellings_kept(editor, page):
    """Văn bản (issue 27): an existing document opens in its own collection, with the unaccented key it
    was written with (`So ky hieu`), and saves back changing only the edited word."""
    path = editor.content / "van-ban" / "15-kh-dtn.md"
    before = path.read_bytes()
    sign_in(page, editor, "/collections/van-ban/entries/15-kh-dtn")
    number = page.locator("[id^=doc_number-field]")
    number.wait_for()
    assert number.input_value() == "15-KH/ĐTN"
    assert page.locator("[id^=doc_signer-field]").input_value() == "Nguyễn Văn An"
    abstract = page.locator("[id^=doc_abstract-field]")
    abstract.fill(abstract.input_value().replace("Ngày hội", "Lễ hội"))
    publish(page)
    wait_for(lambda: path.read_bytes() != before, "the saved document")
    assert path.read_bytes() == before.replace("Ngày hội".encode(), "Lễ hội".encode())


def test_a_document_missing_its_required_fields_is_not_saved_and_says_which(editor, page):
    files_before = sorted(p.relative_to(editor.content).as_posix() for p in editor.content.rglob("*"))
    sign_in(page, editor, "/collections/van-ban/new")
    page.locator("[id^=doc_number-field]").fill("20-TB/ĐTN")
    page.locator("[id^=doc_issued-field]").fill("31/6/2022")
    publish(page)
    box = page.locator("#trangtin-problems")
    box.wait_for()
    missing = [render("doc_missing_field", {"key": key}, "vi").split(" — ")[0] for key in ("Loại", "Trích yếu", "Tệp")]
    assert box.locator("li").all_inner_texts() == missing + [
        render("doc_bad_date", {"value": "31/6/2022", "key": "Ngày ban hành"}, "vi")]
    time.sleep(1)
    assert sorted(p.relative_to(editor.content).as_posix() for p in editor.content.rglob("*")) == files_before


def test_ctrl_c_stops_the_editor_and_the_preview(editor):
    editor.send(signal.SIGINT, group=True)
    assert editor.finish(60) == 0, editor.log
    assert "cms: đã dừng trình soạn tin và xem trước." in editor.log
    assert not listening(editor.api_port) and not listening(editor.port)
    with pytest.raises(OSError):
        urllib.request.urlopen(editor.admin, timeout=5)
