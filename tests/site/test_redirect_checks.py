"""The checker knows the redirect data (chuyen-huong.json, written by `make import`): `make check` and
every build report a broken file, an old address that leads nowhere, one given twice, or one that
would take the address of a page the site writes — each at its line, before anything is built."""

import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, BuildFailed, build

BASIC = FIXTURES / "basic"
ARTICLE = "2021/hoi-nghi-tong-ket-2020.md"  # written to 2021/01/hoi-nghi-tong-ket-cong-tac-doan-nam-2020.html
ARTICLE_URL = "2021/01/hoi-nghi-tong-ket-cong-tac-doan-nam-2020.html"


def content_with(tmp_path, text):
    content = tmp_path / "content"
    shutil.copytree(BASIC, content)
    (content / "chuyen-huong.json").write_text(text, encoding="utf-8")
    return content


def check(content):
    result = subprocess.run(
        [sys.executable, "-m", "trangtin.content_checks", str(content), "-s", str(ROOT / "pelicanconf.py")],
        capture_output=True, text=True, cwd=content.parent, env={"PATH": "/usr/bin:/bin"},
    )
    lines = [line for line in result.stdout.splitlines() if "chuyen-huong.json" in line]
    return result.returncode, lines


def data(*entries):
    return json.dumps({"redirects": [{"from": old, "to": to} for old, to in entries]}, ensure_ascii=False, indent=1) + "\n"


def test_valid_redirect_data_passes_the_checks_and_gets_no_note(tmp_path):
    content = content_with(tmp_path, data(("/News/Detail.aspx?NewsID=12", ARTICLE), ("/tin-cu/hoi-nghi.html", ARTICLE)))
    status, lines = check(content)
    assert (status, lines) == (0, [])


def test_old_address_leading_to_a_missing_file_is_an_error_at_its_line(tmp_path):
    content = content_with(tmp_path, data(("/tin-cu/a.html", ARTICLE), ("/tin-cu/b.html", "2022/khong-co.md")))
    status, lines = check(content)
    assert status == 1
    assert lines == [
        "content/chuyen-huong.json:8: lỗi: địa chỉ cũ `/tin-cu/b.html` chuyển tới `2022/khong-co.md`, tệp này không có trong"
        ' thư mục nội dung — sửa "to" thành đường dẫn của bài (ví dụ `2022/ten-bai.md`) hoặc bỏ mục này'
    ]


def test_old_address_given_twice_is_an_error_naming_both_lines(tmp_path):
    content = content_with(tmp_path, data(("/tin-cu/a.html", ARTICLE), ("/tin-cu/a.html", ARTICLE)))
    status, lines = check(content)
    assert status == 1
    assert lines == ["content/chuyen-huong.json:8: lỗi: địa chỉ cũ `/tin-cu/a.html` có hai mục (dòng 4 và dòng này) — giữ lại một mục"]


def test_old_address_that_is_a_page_of_the_site_is_an_error_naming_that_article(tmp_path):
    content = content_with(tmp_path, data(("/" + ARTICLE_URL, "2022/chuyen-doi-so.md")))
    status, lines = check(content)
    assert status == 1
    assert lines == [
        f"content/chuyen-huong.json:4: lỗi: địa chỉ cũ `/{ARTICLE_URL}` trùng địa chỉ `{ARTICLE_URL}` của content/{ARTICLE},"
        " trang chuyển hướng sẽ đè mất bài đó — bỏ mục này, hoặc đặt `Slug:` khác cho bài"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('{"redirects": [\n {"from": "/a", "to": "x.md"},\n]}\n',
         "content/chuyen-huong.json:3: lỗi: tệp chuyển hướng không đọc được (Expecting value)"),
        ('{"redirects": [{"from": "a", "to": "x.md"}]}\n',
         "content/chuyen-huong.json:1: lỗi: tệp chuyển hướng sai dạng: mục thứ 1 cần"),
    ],
)
def test_broken_redirect_file_is_an_error_at_its_line_when_checked(tmp_path, text, expected):
    status, lines = check(content_with(tmp_path, text))
    assert status == 1
    assert len(lines) == 1 and lines[0].startswith(expected)


def test_build_stops_before_writing_when_the_redirect_data_is_wrong(tmp_path):
    content = content_with(tmp_path, data(("/tin-cu/b.html", "2022/khong-co.md")))
    with pytest.raises(BuildFailed, match="chuyen-huong.json:4: lỗi: địa chỉ cũ `/tin-cu/b.html`"):
        build(content, tmp_path / "output")
    assert not (tmp_path / "output" / "index.html").exists()
