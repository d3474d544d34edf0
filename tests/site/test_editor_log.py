"""Issue 23: every line an editor sees from `make html`, `make check` and the Windows commands
(`py tools/check.py`) is Vietnamese and names file:line where there is one; English with
`--lang en` / CONTENT_CHECKS_LANG=en. The real commands run in a subprocess, on a content folder with
the mistakes editors make (an impossible date; six photos without alt text, more than Pelican prints)."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, VIETNAMESE, english

ENV = {key: value for key, value in os.environ.items() if key not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CONTENT_CHECKS_LANG")}
ENV.update(PYTHONIOENCODING="utf-8", COLUMNS="250")
PHOTOS = "".join(f"![]({{static}}/images/2022/ra-quan.svg)\n\n" for _ in range(6))


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("log") / "content"
    shutil.copytree(FIXTURES / "checks_valid", folder)
    (folder / "2022" / "sau-anh.md").write_text(
        f"Title: Sáu ảnh\nDate: 19/6/2022 22:02\nCategory: Công tác Đoàn\n\nẢnh.\n\n{PHOTOS}", encoding="utf-8")
    # A photo narrower than 600 px: the photos plugin's warning, which had an English `WARNING:` before it.
    from PIL import Image  # noqa: PLC0415

    Image.new("RGB", (300, 200), (200, 40, 40)).save(folder / "images" / "2022" / "nho.jpg", "JPEG")
    (folder / "2022" / "anh-nho.md").write_text(
        "Title: Ảnh nhỏ\nDate: 20/6/2022 08:00\nCategory: Công tác Đoàn\n\nẢnh.\n\n![Ảnh nhỏ]({static}/images/2022/nho.jpg)\n",
        encoding="utf-8")
    return folder


def make(*arguments, env=None):
    return subprocess.run(["make", "--no-print-directory", *arguments], cwd=ROOT, capture_output=True, text=True,
                          env=env or ENV, timeout=600)


def test_make_html_speaks_vietnamese_with_file_and_line_when_it_builds_fails_and_is_up_to_date(content, tmp_path):
    output = tmp_path / "output"
    built = make("html", f"INPUTDIR={content}", f"OUTPUTDIR={output}")
    log = built.stdout + built.stderr
    assert built.returncode == 0, log
    assert english(log) == [], log
    assert f"{content}/2022/sau-anh.md:7: cảnh báo: ảnh `{{static}}/images/2022/ra-quan.svg` chưa có mô tả (alt)" in log
    assert re.search(rf"^{content}/2022/anh-nho.md:7: cảnh báo: ", log, re.M), log
    assert re.search(r"^Đã dựng xong: 4 bài, 0 bản nháp, 0 bài ẩn, 1 trang, 0 trang ẩn, 0 trang nháp, trong [\d.]+ giây\.$", log, re.M)
    assert re.search(rf"^dựng xong; đã thay {output} \(\d+ trong \d+ tệp thay đổi; so sánh trong [\d.]+ giây\)\.$", log, re.M)
    again = make("html", f"INPUTDIR={content}", f"OUTPUTDIR={output}")
    assert again.stderr.strip() == f"không có gì thay đổi từ lần dựng trước: {output} đã mới nhất."
    broken = tmp_path / "broken"
    shutil.copytree(content, broken)
    shutil.copy(FIXTURES / "checks_impossible_date" / "2022" / "ngay-khong-co.md", broken / "2022")
    failed = make("html", f"INPUTDIR={broken}", f"OUTPUTDIR={output}")
    log = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert english(log) == [], log
    assert f"{broken}/2022/ngay-khong-co.md:2: lỗi: ngày `31/02/2022 08:00` ở Date không có thật" in log
    assert f"bản dựng lỗi (mã 1), xem thông báo ở trên; {output} giữ nguyên như trước." in log


def test_make_html_speaks_english_when_content_checks_lang_is_en(content, tmp_path):
    built = make("html", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'output'}", env=dict(ENV, CONTENT_CHECKS_LANG="en"))
    log = built.stdout + built.stderr
    assert built.returncode == 0, log
    assert "sau-anh.md:7: warning: the image `{static}/images/2022/ra-quan.svg` has no alt text" in log
    assert re.search(r"^Built: 4 articles, .* in [\d.]+ seconds\.$", log, re.M) and "build succeeded; replacing" in log
    # The photos plugin has Vietnamese messages only (plugins/photos MESSAGES): its line is left out here.
    others = "\n".join(line for line in log.splitlines() if "anh-nho.md" not in line)
    assert not VIETNAMESE.search(others), log


def test_make_check_and_the_windows_check_say_the_same_in_vietnamese_when_content_has_mistakes(content):
    lines = {}
    for name, command in (("make", ["make", "--no-print-directory", "check", f"INPUTDIR={content}"]),
                          ("windows", [sys.executable, str(ROOT / "tools" / "check.py")])):
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=600)
        assert english(result.stdout + result.stderr) == [], result.stdout + result.stderr
        lines[name] = result.stdout.splitlines()
    assert len([line for line in lines["make"] if ": cảnh báo: ảnh `{static}/images/2022/ra-quan.svg` chưa có mô tả" in line]) == 6
    assert lines["make"][-1] == "Kiểm tra nội dung: 5 tệp, 0 lỗi, 6 cảnh báo, 0 ghi chú."
    assert lines["windows"][-1].startswith("Kiểm tra nội dung: ")
