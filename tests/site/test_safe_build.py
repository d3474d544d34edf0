"""Safe builds and the content checks on every build: a build with a content error exits non-zero,
names the file and line, and leaves the previous output/ untouched; `make newpost` starts an article
and never overwrites one."""

import os
import subprocess
import sys
import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from conftest import FIXTURES, ROOT, run_pelican

SAFE_BUILD = ROOT / "tools" / "safe_build.py"
NEWPOST = ROOT / "tools" / "newpost.py"
# Wide log lines: Rich wraps at the terminal width, and a test must find `file:line` in one piece.
ENV = dict(os.environ, COLUMNS="250")


def safe_build(content, output, *options, conf="pelicanconf.py"):
    command = [sys.executable, str(SAFE_BUILD), str(content), str(output), "-s", str(ROOT / conf), "--", *options]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=ENV)


def snapshot(folder):
    """Every file's bytes and modification time, by relative path."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def previous_output(tmp_path):
    """An output/ folder from a good build, as `make html` leaves it."""
    output = tmp_path / "output"
    result = safe_build(FIXTURES / "checks_valid", output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "2022" / "06" / "ra-quan-thang-thanh-nien.html").is_file()
    return output


def test_failed_build_leaves_output_byte_for_byte_untouched_when_content_has_an_error(previous_output):
    before = snapshot(previous_output)
    result = safe_build(FIXTURES / "checks_bad_date", previous_output)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "tests/fixtures/checks_bad_date/2022/ngay-sai.md:2: lỗi: không đọc được ngày" in log
    assert "was left unchanged" in log
    assert snapshot(previous_output) == before
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["output"], "a temporary folder was left behind"


def test_successful_build_replaces_output_and_drops_stale_files_when_it_succeeds(previous_output):
    stale = previous_output / "stale.html"
    stale.write_text("old", encoding="utf-8")
    result = safe_build(FIXTURES / "checks_category_new", previous_output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not stale.exists()
    assert (previous_output / "2022" / "06" / "hoi-nghi-so-ket-cong-tac-doan.html").is_file()
    assert not (previous_output / "2022" / "06" / "ra-quan-thang-thanh-nien.html").exists()
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["output"]


def test_first_build_creates_output_when_there_was_none(tmp_path):
    output = tmp_path / "site" / "output"
    result = safe_build(FIXTURES / "checks_valid", output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "index.html").is_file()
    assert sorted(p.name for p in output.parent.iterdir()) == ["output"]


def test_failed_first_build_creates_nothing_when_content_has_an_error(tmp_path):
    output = tmp_path / "output"
    result = safe_build(FIXTURES / "checks_same_url", output)
    assert result.returncode != 0
    assert list(tmp_path.iterdir()) == []


def test_publish_settings_refuse_to_build_when_content_has_an_error(previous_output):
    before = snapshot(previous_output)
    result = safe_build(FIXTURES / "checks_missing_image", previous_output, conf="publishconf.py")
    assert result.returncode != 0
    assert "tests/fixtures/checks_missing_image/2022/anh-thieu.md:8: lỗi: ảnh" in result.stdout + result.stderr
    assert snapshot(previous_output) == before


def test_pelican_exits_non_zero_and_names_file_and_line_when_content_has_an_error(tmp_path):
    output = tmp_path / "out"
    result = run_pelican(FIXTURES / "checks_misspelt_key", output, fatal=None, env=ENV)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "tests/fixtures/checks_misspelt_key/2022/sai-khoa.md:3: lỗi: khóa `Catgory`" in log
    assert "Kiểm tra nội dung: 1 tệp, 1 lỗi, 0 cảnh báo, 0 ghi chú." in log
    assert "Traceback" not in log, "an editor should see the problems, not a Python traceback"
    assert result.returncode == 1
    assert not output.exists(), "the build wrote output before stopping"


def test_every_error_is_listed_when_the_build_runs_with_fatal_errors(tmp_path):
    content = tmp_path / "content"
    (content / "2022").mkdir(parents=True)
    article = "Title: A\nDate: {}\nCategory: Tin hoạt động\n\nBody\n"
    (content / "2022" / "a.md").write_text(article.format("hôm qua"), encoding="utf-8")
    (content / "2022" / "b.md").write_text(article.format("2022-02-30"), encoding="utf-8")
    result = run_pelican(content, tmp_path / "out", fatal="errors", env=ENV)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "2022/a.md:2: lỗi" in log and "2022/b.md:2: lỗi" in log


def test_each_warning_is_reported_once_when_pelican_would_also_warn(tmp_path):
    # Pelican warns about an empty alt and about two articles sharing a slug on its own; the checks
    # say it with file and line, and Pelican's duplicate is dropped.
    for folder in ("checks_missing_alt", "checks_same_slug"):
        result = run_pelican(FIXTURES / folder, tmp_path / folder, fatal=None, env=ENV)
        log = result.stdout + result.stderr
        assert result.returncode == 0, log
        assert log.count("cảnh báo:") == 1, log
        assert "Empty alt attribute" not in log and "There are 2" not in log, log


def test_pelicans_own_warning_stays_when_the_checks_did_not_report_it(tmp_path):
    content = tmp_path / "content"
    (content / "2022").mkdir(parents=True)
    # Only what the checks reported is dropped: with the checks off, Pelican's warning reaches the editor.
    (content / "2022" / "a.md").write_text(
        "Title: A\nDate: 2022-01-01\nCategory: Tin hoạt động\n\n![](http://example.com/a.png)\n", encoding="utf-8"
    )
    result = run_pelican(content, tmp_path / "out", {"CONTENT_CHECKS_ENABLED": False}, fatal=None, env=ENV)
    assert "Empty alt attribute for image a.png" in result.stdout + result.stderr


def test_warnings_fail_a_build_with_fatal_warnings_when_tests_or_ci_build(tmp_path):
    result = run_pelican(FIXTURES / "checks_nfd", tmp_path / "out", fatal="warnings", env=ENV)
    assert result.returncode != 0
    assert "tests/fixtures/checks_nfd/2022/to-hop.md:6: cảnh báo: chữ tổ hợp" in result.stdout + result.stderr


def test_a_new_category_does_not_fail_a_fatal_warnings_build_when_it_is_not_a_near_miss(tmp_path):
    result = run_pelican(FIXTURES / "checks_category_new", tmp_path / "out", fatal="warnings", env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr


# --- make newpost ----------------------------------------------------------------------------------


def newpost(content, title, category, *extra):
    command = [sys.executable, str(NEWPOST), "--content", str(content), "--title", title, "--category", category, *extra]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=ENV)


def test_newpost_creates_an_article_with_every_field_when_given_a_title_and_category(tmp_path):
    content = tmp_path / "content"
    before = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(second=0, microsecond=0)
    result = newpost(content, "Đoàn Khối ra quân “Tháng Thanh niên” & hiến máu", "Thanh niên tình nguyện")
    assert result.returncode == 0, result.stderr
    path = content / f"{before.year}" / "doan-khoi-ra-quan-thang-thanh-nien-hien-mau.md"
    assert result.stdout.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    lines = text.splitlines()
    assert lines[:5] == [
        "Title: Đoàn Khối ra quân “Tháng Thanh niên” & hiến máu",
        lines[1],
        "Category: Thanh niên tình nguyện",
        "Author: Đoàn Khối các cơ quan và doanh nghiệp tỉnh",
        "Slug: doan-khoi-ra-quan-thang-thanh-nien-hien-mau",
    ]
    written = datetime.strptime(lines[1], "Date: %Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert before <= written <= before + timedelta(minutes=2)
    for commented in ("Summary:", "Tags:", "Image:", "Featured:", "Views:", "Status:", "Modified:"):
        assert any(line.startswith(commented) for line in lines[lines.index("<!--"):lines.index("-->")]), commented


def test_newpost_refuses_to_overwrite_when_the_file_exists(tmp_path):
    content = tmp_path / "content"
    first = newpost(content, "Hội nghị sơ kết", "Công tác Đoàn")
    assert first.returncode == 0, first.stderr
    written = next(content.rglob("*.md"))
    written.write_text(written.read_text(encoding="utf-8") + "Nội dung đã viết.\n", encoding="utf-8")
    kept = written.read_bytes()
    second = newpost(content, "Hội nghị sơ kết", "Công tác Đoàn")
    assert second.returncode != 0
    assert "đã có, không ghi đè" in second.stderr and "already exists" in second.stderr
    assert written.read_bytes() == kept


def test_newpost_suggests_the_configured_category_when_it_is_misspelt(tmp_path):
    result = newpost(tmp_path / "content", "Bài mới", "Cong tac doan")
    assert result.returncode != 0
    assert "có phải là `Công tác Đoàn`?" in result.stderr
    assert not (tmp_path / "content").exists() or not list((tmp_path / "content").rglob("*.md"))


def test_newpost_article_passes_the_checks_once_its_body_is_written(tmp_path):
    content = tmp_path / "content"
    result = newpost(content, "Tuổi trẻ sáng tạo năm nay", "Tuổi trẻ sáng tạo")
    path = next(content.rglob("*.md"))
    check = [sys.executable, "-m", "content_checks", str(content), "-s", str(ROOT / "pelicanconf.py")]
    env = dict(ENV, PYTHONPATH=str(ROOT / "plugins"))
    empty = subprocess.run(check, capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0 and empty.returncode == 1
    assert "lỗi: bài không có nội dung" in empty.stdout
    path.write_text(path.read_text(encoding="utf-8") + "Nội dung bài.\n", encoding="utf-8")
    written = subprocess.run(check, capture_output=True, text=True, cwd=ROOT, env=env)
    assert written.returncode == 0, written.stdout


def test_checker_predicts_every_url_pelican_writes_when_the_real_content_is_built(built_site):
    # The same-URL check is only as good as its URLs: they must be the files Pelican really writes.
    sys.path.insert(0, str(ROOT / "plugins"))
    from content_checks.glue import config_from_settings  # noqa: PLC0415
    from content_checks.scan import read_content  # noqa: PLC0415
    from content_checks import checks  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    config = config_from_settings(read_settings(str(ROOT / "pelicanconf.py")))
    sources, existing = read_content(ROOT / "content", config)
    predicted = [checks.check_file(path, data, existing, config)[1] for path, data in sorted(sources.items())]
    assert len(predicted) > 2
    missing = [entry.save_as for entry in predicted if not built_site.exists(entry.save_as)]
    assert missing == []


def test_devserver_reports_an_error_once_and_waits_when_content_has_an_error(tmp_path):
    # `pelican -r` re-runs a build that raised at once; the checks must not make it spin.
    command = [sys.executable, "-m", "pelican", "-r", str(FIXTURES / "checks_bad_date"), "-s", "pelicanconf.py",
               "-o", str(tmp_path / "out")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT, env=ENV)
    try:
        log, _ = process.communicate(timeout=8)
    except subprocess.TimeoutExpired:
        process.terminate()
        log, _ = process.communicate()
    assert log.count("checks_bad_date/2022/ngay-sai.md:2: lỗi") == 1, log
    assert "Bản xem trước vẫn được tạo" in log
