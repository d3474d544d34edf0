"""`make import FROM=file.docx` end to end: Word files written with python-docx (and real ones that
LibreOffice converted from Debian's documents) are imported into a copy of the basic fixture, the
files and the report are read, and the built article page is read as a reader sees it."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, build
from word_docs import CAPTION, SIGNATURE, TITLE, add_linked_picture, document, news, photo

REAL = FIXTURES / "word_real"
SLUG = "doan-khoi-to-chuc-ngay-hoi-hien-mau-tinh-nguyen"
QUICK = {"SEARCH_ENABLED": False}


def run_import(source, content, report, *extra, category=None, settings=None):
    env = {key: value for key, value in os.environ.items() if key != "CATEGORY"}
    if category is not None:
        env["CATEGORY"] = category  # as `make import CATEGORY=…` passes it
    command = [sys.executable, str(ROOT / "tools" / "import_news.py"), str(source), "--content", str(content),
               "--report", str(report), *extra]
    if settings:
        command += ["-s", str(settings)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


def words(tag) -> str:
    """The text as read: the site's typography joins the last words with no-break spaces."""
    return " ".join(tag.get_text(" ").split())


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def short_doc(path: Path, title: str, text: str = "Nội dung của bài.") -> Path:
    doc = document()
    doc.add_heading(title, 1)
    doc.add_paragraph(text)
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("word")
    content = root / "content"
    shutil.copytree(FIXTURES / "basic", content)
    picture = photo(root / "anh-goc.jpg")
    published = run_import(news(root / "bai-hien-mau.docx", picture), content, root / "r1.md", "--publish", category="Công tác Đoàn")
    draft = run_import(short_doc(root / "nhap.docx", "Kế hoạch ra quân tháng Thanh niên"), content, root / "r2.md")
    for result in (published, draft):
        assert result.returncode == 0, result.stdout + result.stderr
    return root, content, picture


@pytest.fixture(scope="module")
def site(imported):
    root, content, _picture = imported
    return build(content, root / "output", QUICK)


def test_word_article_page_shows_title_date_photo_signature_and_table(site):
    page = site.page(f"2022/06/{SLUG}.html")
    assert words(page.select_one("h1.article-title")) == TITLE
    time = page.select_one(".article-meta time")
    assert time.get_text(strip=True) == "Chủ nhật, ngày 19/6/2022 - 22:02" and time["datetime"] == "2022-06-19T22:02:00+07:00"
    body = page.select_one(".article-body")
    first = body.find("p")
    assert words(first).startswith("Sáng 19/6,")  # not the date line
    assert first.find("strong").get_text() == "hơn 200 đoàn viên" and first.find("em").get_text() == "hiến máu tình nguyện"
    assert first.find("a")["href"] == "https://hienmau.example.vn/"
    figure = body.select_one("figure")
    assert words(figure.figcaption) == CAPTION and figure.img["alt"] == CAPTION
    # The photo goes through the photo pipeline like any other: derivatives, never the original.
    assert "/photos/" in figure.img["src"] and site.exists(site.resolve(f"2022/06/{SLUG}.html", figure.img["src"]))
    assert [words(li) for li in body.select("ul li")] == ["Nhận giấy chứng nhận", "Nhận quà lưu niệm"]
    table = body.select_one("table")
    assert [words(th) for th in table.select("th")] == ["Đơn vị", "Số người"]
    assert [[words(td) for td in row.select("td")] for row in table.select("tbody tr")] == \
        [["Chi đoàn Sở Y tế", "25"], ["Chi đoàn Điện lực", "31"]]
    assert words(page.select_one(".article-signature")) == SIGNATURE
    text = words(body)
    assert SIGNATURE not in text and "ngày 19 tháng 6" not in text and "10 giờ" not in text and "Kiểm tra lại giờ" not in text
    assert "Ngày hội kết thúc lúc 11 giờ cùng ngày." in text  # the tracked change, accepted
    assert [words(p) for p in body.find_all("p")][1:3] == ["Chương trình do Đoàn Khối phát động.", "Mỗi chi đoàn cử ít nhất mười người."]
    assert not body.select("p:empty") and "<br" not in str(body)
    assert page.select_one(".breadcrumb, nav[aria-label]") is not None and "Công tác Đoàn" in page.get_text(" ")


def test_the_signature_is_right_aligned_as_the_site_shows_signatures(site):
    css = next(site.output.glob("theme/css/site.*.css")).read_text(encoding="utf-8")
    assert re.search(r"\.article-signature\{[^}]*text-align:right", css.replace(" ", ""))


def test_photo_is_copied_at_full_resolution_and_named_from_the_slug(imported):
    _root, content, picture = imported
    assert (content / "images" / "2022" / f"{SLUG}-1.jpg").read_bytes() == picture.read_bytes()


def test_word_file_becomes_markdown_with_its_origin(imported):
    root, content, _picture = imported
    text = (content / "2022" / f"{SLUG}.md").read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0].splitlines()
    sha = hashlib.sha256((root / "bai-hien-mau.docx").read_bytes()).hexdigest()
    assert head == [f"Title: {TITLE}", "Date: 2022-06-19 22:02", "Category: Công tác Đoàn", f"Author: {SIGNATURE}",
                    f"Slug: {SLUG}", f"Word-SHA256: {sha}"]


def test_report_names_every_guess(imported):
    report = (imported[0] / "r1.md").read_text(encoding="utf-8")
    for line in [
        f"- tiêu đề được đoán từ kiểu Title: «{TITLE}» — kiểm tra lại dòng `Title:`",
        "- ngày đăng được đoán: dòng ngày «Tuyên Quang, ngày 19 tháng 6 năm 2022», giờ theo ngày tạo tệp: 19/06/2022 22:02 — kiểm tra lại dòng `Date:`",
        f"- chữ ký được đoán: đoạn cuối căn phải: «{SIGNATURE}» — thành dòng `Author:`, hiện căn phải cuối bài",
        f"- chú thích ảnh được đoán: «{CAPTION}» — kiểm tra lại",
    ]:
        assert line in report.splitlines()
    assert "chưa chọn chuyên mục" not in report and "bản nháp" not in report.split("## Tất cả")[0].replace("(bản nháp: 0)", "")


def test_without_publish_the_article_is_a_draft_in_the_default_category(imported, site):
    root, content, _picture = imported
    text = (content / "2022" / "ke-hoach-ra-quan-thang-thanh-nien.md").read_text(encoding="utf-8")
    assert "Category: Tin hoạt động\n" in text and "Status: draft\n" in text
    report = (root / "r2.md").read_text(encoding="utf-8")
    assert "- chưa chọn chuyên mục: dùng chuyên mục mặc định «Tin hoạt động» — đổi dòng `Category:` nếu cần" in report
    assert "**bản nháp trong kho** (nhập từ Word — đọc lại, rồi xoá dòng `Status: draft` để đăng)" in report
    assert not site.exists("2022/06/ke-hoach-ra-quan-thang-thanh-nien.html")


def test_news_default_category_setting_is_used_when_no_category_is_given(tmp_path):
    settings = tmp_path / "conf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        "NEWS_DEFAULT_CATEGORY = 'Tuổi trẻ sáng tạo'\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(short_doc(tmp_path / "a.docx", "Sáng kiến mới"), content, tmp_path / "r.md", settings=settings)
    assert result.returncode == 0, result.stderr
    assert "Category: Tuổi trẻ sáng tạo\n" in (content / "2022" / "sang-kien-moi.md").read_text(encoding="utf-8")


def test_importing_the_same_file_again_changes_nothing(imported, tmp_path):
    root, content, _picture = imported
    before = snapshot(content)
    again = run_import(root / "bai-hien-mau.docx", content, tmp_path / "r.md", "--publish")
    assert again.returncode == 0, again.stderr
    assert snapshot(content) == before
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Bài đã nhập: 0" in report and "Đã có từ lần nhập trước: 1" in report


def test_a_folder_of_word_files_imports_each(tmp_path):
    source = tmp_path / "tin-word"
    source.mkdir()
    short_doc(source / "mot.docx", "Tin thứ nhất")
    short_doc(source / "hai.docx", "Tin thứ hai")
    (source / "~$mot.docx").write_bytes(b"Word's lock file")
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(source, content, tmp_path / "r.md")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in content.rglob("*.md")) == ["tin-thu-hai.md", "tin-thu-nhat.md"]


def empty_docx(path):
    doc = document()
    doc.add_paragraph("")
    doc.add_paragraph("   ")
    doc.save(path)


def truncated_docx(path):
    short_doc(path, "Tin")
    path.write_bytes(path.read_bytes()[:900])


def encrypted_docx(path):
    # The shape of a password-protected .docx: an OLE container with an EncryptedPackage stream.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)


@pytest.mark.parametrize("name, make, message", [
    ("cu.doc", lambda path: shutil.copy(REAL / "users-and-groups.doc", path),
     "tệp Word cũ (.doc) — mở bằng Word hoặc LibreOffice, chọn Lưu thành… › Word (.docx) rồi nhập lại"),
    ("mat-khau.docx", encrypted_docx,
     "tệp Word có mật khẩu — mở bằng Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu), lưu lại rồi nhập lại"),
    ("hong.docx", truncated_docx,
     "tệp .docx bị hỏng hoặc không phải tệp Word — mở thử bằng Word, lưu lại thành .docx rồi nhập lại"),
    ("trong.docx", empty_docx, "tệp Word không có chữ nào — không có gì để nhập"),
])
def test_unreadable_word_file_gets_one_vietnamese_line_and_nothing_is_written(tmp_path, name, make, message):
    path = tmp_path / name
    make(path)
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    before = snapshot(content)
    result = run_import(path, content, tmp_path / "r.md")
    assert result.returncode == 2
    assert result.stderr == f"{path}: {message}\n" and result.stdout == ""
    assert snapshot(content) == before and not (tmp_path / "r.md").exists()


def test_one_bad_file_in_a_folder_stops_the_whole_import(tmp_path):
    source = tmp_path / "tin-word"
    source.mkdir()
    short_doc(source / "a-tot.docx", "Tin tốt")
    shutil.copy(REAL / "users-and-groups.doc", source / "b-cu.doc")
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(source, content, tmp_path / "r.md")
    assert result.returncode == 2 and result.stderr.startswith(f"{source / 'b-cu.doc'}: tệp Word cũ (.doc)")
    assert not list(content.iterdir()) and "Traceback" not in result.stderr


def test_images_linked_from_outside_the_file_are_never_read(tmp_path):
    secret = photo(tmp_path / "bi-mat.jpg", size=(64, 64), color=(1, 2, 3))
    doc = document()
    doc.add_heading("Ảnh liên kết", 0)
    for target in ("/etc/passwd", str(secret), "bi-mat.jpg", "../bi-mat.jpg", "file:///etc/passwd"):
        add_linked_picture(doc, target, photo(tmp_path / "mau.jpg", size=(8, 8)))
    doc.add_paragraph("Nội dung.")
    path = tmp_path / "lien-ket.docx"
    doc.save(path)
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(path, content, tmp_path / "r.md", "--publish")
    assert result.returncode == 0, result.stderr
    assert [p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()] == ["2022/anh-lien-ket.md"]
    text = (content / "2022" / "anh-lien-ket.md").read_text(encoding="utf-8")
    assert "passwd" not in text and "bi-mat" not in text and "root:" not in text
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    for number in range(1, 6):
        assert (f"- **ảnh liên kết ra ngoài tệp Word** (ảnh thứ {number}) không được đọc — chèn hẳn ảnh vào tệp (Chèn › Ảnh) rồi nhập lại"
                in report.splitlines())


@pytest.fixture(scope="module")
def real_imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("word-real")
    content = root / "content"
    content.mkdir()
    results = {path.name: run_import(path, content, root / f"{path.stem}.md", "--publish") for path in sorted(REAL.glob("*.docx"))}
    return root, content, results


def test_real_word_files_import_without_a_traceback(real_imported):
    root, content, results = real_imported
    assert sorted(results) == ["idxexample.docx", "users-and-groups.docx", "zlib_how.docx"]
    for name, result in results.items():
        assert "Traceback" not in result.stdout + result.stderr, name
        assert result.returncode in (0, 1), (name, result.stderr)  # 1: the checker found something to fix
        assert result.stdout.startswith("Đã nhập 1 bài"), (name, result.stdout)
    assert len(list(content.rglob("*.md"))) == 3
    title = next(p for p in content.rglob("*.md") if "users" in p.read_text(encoding="utf-8").lower())
    assert title.read_text(encoding="utf-8").startswith("Title: Users and Groups in the Debian System\n")


def test_a_word_drawing_is_reported_not_imported(real_imported):
    root, content, _results = real_imported
    report = (root / "idxexample.md").read_text(encoding="utf-8")
    assert ("- **ảnh không chuyển được cho web** (ảnh vẽ EMF/WMF của Word, hoặc dạng ảnh lạ): ảnh thứ 1 (image/x-wmf) — trong Word, chuột phải vào ảnh › "
            "Lưu thành ảnh (PNG), rồi thêm ảnh vào bài") in report.splitlines()
    assert not (content / "images").exists()


BARE_PYTHON = Path("/usr/bin/python3")


@pytest.mark.skipif(not BARE_PYTHON.is_file() or subprocess.run([str(BARE_PYTHON), "-c", "import pelican"], capture_output=True).returncode == 0,
                    reason="needs a Python without the project's packages")
def test_a_bare_python_runs_the_import_with_the_project_venv_as_on_windows(tmp_path):
    # `py tools\import_news.py bai.docx …` from the project folder, with a Python that has no Pelican.
    content = tmp_path / "content"
    content.mkdir()
    short_doc(tmp_path / "bai.docx", "Tin từ Word")
    result = subprocess.run([str(BARE_PYTHON), str(ROOT / "tools" / "import_news.py"), "bai.docx", "--content", "content",
                             "--report", "r.md", "--category", "Công tác Đoàn"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Category: Công tác Đoàn\n" in (content / "2022" / "tin-tu-word.md").read_text(encoding="utf-8")


def test_a_link_leading_out_of_the_folder_is_not_followed(tmp_path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    short_doc(outside / "rieng.docx", "Tài liệu riêng")
    source = tmp_path / "tin-word"
    source.mkdir()
    short_doc(source / "mot.docx", "Tin thứ nhất")
    (source / "rieng.docx").symlink_to(outside / "rieng.docx")
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(source, content, tmp_path / "r.md")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in content.rglob("*.md")] == ["tin-thu-nhat.md"]
