"""Safe builds and the content checks on every build: a build with a content error exits non-zero,
names the file and line, and leaves the previous output/ untouched; `make newpost` starts an article
and never overwrites one."""

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from conftest import FIXTURE_CONF, FIXTURE_PUBLISHCONF, FIXTURES, ROOT, LoggedProcess as _LoggedProcess, comparable_files, publish_env, run_pelican

SAFE_BUILD = ROOT / "tools" / "safe_build.py"
NEWPOST = ROOT / "tools" / "newpost.py"
# Wide log lines: Rich wraps at the terminal width, and a test must find `file:line` in one piece.
ENV = publish_env(base=dict(os.environ, COLUMNS="250"))


def safe_build(content, output, *options, conf=FIXTURE_CONF):
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
    assert "giữ nguyên như trước." in log
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
    result = safe_build(FIXTURES / "checks_missing_image", previous_output, conf=FIXTURE_PUBLISHCONF)
    assert result.returncode != 0
    assert "tests/fixtures/checks_missing_image/2022/anh-thieu.md:8: lỗi: ảnh" in result.stdout + result.stderr
    assert snapshot(previous_output) == before


# --- Only real changes touch the disk ---------------------------------------------------------------

OLD_TIME_NS = 1_000_000_000 * 10**9  # 2001-09-09: far from any build's time, whatever the clock's grain


def test_only_changed_files_get_a_new_time_when_the_site_is_built_again(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "checks_valid", content)
    extra = content / "2022" / "bai-se-xoa.md"
    extra.write_text("Title: Bài sẽ xoá\nDate: 2022-01-05 09:00\nCategory: Tin hoạt động\nAuthor: ĐTN\n\nSẽ xoá.\n",
                     encoding="utf-8")
    output = tmp_path / "output"
    assert (result := safe_build(content, output)).returncode == 0, result.stdout + result.stderr
    gone = output / "2022" / "01" / "bai-se-xoa.html"
    assert gone.is_file()
    for path in [output, *output.rglob("*")]:
        os.utime(path, ns=(OLD_TIME_NS, OLD_TIME_NS), follow_symlinks=False)
    before = {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}

    extra.unlink()
    article = content / "2022" / "bai-hop-le.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Đoàn Khối ra quân.", "Đoàn Khối ra quân sớm."),
                       encoding="utf-8")
    result = safe_build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr

    assert not gone.exists()
    edited = output / "2022" / "06" / "ra-quan-thang-thanh-nien.html"
    assert "sớm." in edited.read_text(encoding="utf-8")
    assert edited.stat().st_mtime_ns != OLD_TIME_NS
    kept, changed = [], []
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(output).as_posix()
        same = before.get(name) == path.read_bytes()
        (kept if same else changed).append(name)
        assert (path.stat().st_mtime_ns == OLD_TIME_NS) == same, f"{name}: same bytes {same}, mtime {path.stat().st_mtime_ns}"
    assert "images/2022/ra-quan.svg" in kept and "robots.txt" in kept
    assert kept and changed
    assert f"({len(changed) + len([n for n in kept if n not in before])} trong {len(kept) + len(changed)} tệp thay đổi;" \
        in result.stderr
    # A folder with the same names keeps its time; one that lost a file gets a new one.
    assert (output / "theme" / "css").stat().st_mtime_ns == OLD_TIME_NS
    assert not (output / "2022" / "01").exists() and (output / "2022").stat().st_mtime_ns != OLD_TIME_NS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_a_rebuild_with_nothing_changed_keeps_every_time_search_index_included(tmp_path):
    """Nothing changed: every file keeps its time, Pagefind's index too (plugins/search/stable.py). The
    comparison only reads the previous site (no hard link shared with it), so each file is a new one, not
    the old one reused."""
    output = tmp_path / "output"
    assert (result := safe_build(FIXTURES / "checks_valid", output)).returncode == 0, result.stderr
    first = {p.relative_to(output).as_posix(): p.stat() for p in output.rglob("*") if p.is_file()}
    assert (result := safe_build(FIXTURES / "checks_valid", output)).returncode == 0, result.stderr
    second = {p.relative_to(output).as_posix(): p.stat() for p in output.rglob("*") if p.is_file()}
    assert set(first) == set(second)
    assert all(stat_.st_nlink == 1 and stat_.st_ino != first[name].st_ino
               for name, stat_ in second.items() if name in first)
    changed = sorted(name for name in second if name not in first or second[name].st_mtime_ns != first[name].st_mtime_ns)
    assert changed == []
    assert f"(0 trong {len(second)} tệp thay đổi;" in result.stderr


def test_publish_drops_stale_files_and_keeps_unchanged_times_when_published_again(tmp_path):
    output = tmp_path / "output"
    assert (result := safe_build(FIXTURES / "checks_valid", output, conf=FIXTURE_PUBLISHCONF)).returncode == 0, result.stderr
    stale = output / "2020" / "bai-cu.html"
    stale.parent.mkdir()
    stale.write_text("old", encoding="utf-8")
    css = output / "images" / "2022" / "ra-quan.svg"
    os.utime(css, ns=(OLD_TIME_NS, OLD_TIME_NS))
    assert (result := safe_build(FIXTURES / "checks_valid", output, conf=FIXTURE_PUBLISHCONF)).returncode == 0, result.stderr
    assert not stale.exists() and not stale.parent.exists()
    assert css.stat().st_mtime_ns == OLD_TIME_NS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


# --- Builds that survive people: signals, kills, power cuts, two builds at once, umask -------------
#
# Each test starts a real build in its own process group (as a terminal runs `make html`), waits for an
# event (the staging folder appearing, Pelican's first file in it, the log line before the swap) and
# then sends the signal. Afterwards output/ must be exactly the old site or exactly the new one.


def many_news(folder, count=150):
    """A content folder big enough that Pelican takes a moment to write it."""
    (folder / "2022").mkdir(parents=True)
    for number in range(count):
        (folder / "2022" / f"tin-{number:03d}.md").write_text(
            f"Title: Tin số {number} của Đoàn Khối\nDate: 2022-{1 + number % 12:02d}-{1 + number % 28:02d} "
            f"{number % 24:02d}:{number % 60:02d}\nCategory: Tin hoạt động\nAuthor: ĐTN\n\nNội dung tin số {number}.\n",
            encoding="utf-8",
        )
    return folder


def tree(folder):
    return comparable_files(folder)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    """The big content and what a complete build of it looks like."""
    root = tmp_path_factory.mktemp("new-site")
    content = many_news(root / "content")
    result = safe_build(content, root / "reference" / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return content, tree(root / "reference" / "output")


class LoggedProcess(_LoggedProcess):
    def __init__(self, command):
        super().__init__(command, cwd=ROOT, env=ENV)


class RunningBuild(LoggedProcess):
    """safe_build.py, started as a terminal starts `make html`."""

    def __init__(self, content, output, *arguments, conf=FIXTURE_CONF, umask=None):
        command = [sys.executable, str(SAFE_BUILD), str(content), str(output), "-s", str(ROOT / conf), *arguments]
        if umask is not None:
            command = ["sh", "-c", f'umask {umask} && exec "$@"', "sh", *command]
        self.output = output
        super().__init__(command)

    def staging(self):
        return [p for p in self.output.parent.iterdir() if p.name.startswith(".output.new-")]


def reach(running, moment):
    if moment == "staging folder appears":
        running.wait_until(lambda: running.staging(), moment)
    elif moment == "Pelican is writing":
        running.wait_until(lambda: any(f.is_file() for s in running.staging() for f in s.rglob("*")), moment)
    else:
        running.wait_for_line("dựng xong; đã thay")


def process_group_is_gone(running):
    try:
        os.killpg(running.process.pid, 0)
    except ProcessLookupError:
        return True
    return False


MOMENTS = ["staging folder appears", "Pelican is writing", "swap"]


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("signum, group", [(signal.SIGINT, True), (signal.SIGTERM, False), (signal.SIGTERM, True)],
                         ids=["Ctrl-C", "kill PID", "kill job"])
def test_output_is_the_old_or_the_new_site_and_nothing_is_left_when_a_build_is_interrupted(
        previous_output, new_site, moment, signum, group):
    content, complete = new_site
    before = snapshot(previous_output)
    running = RunningBuild(content, previous_output, "--", "--fatal", "errors")
    reach(running, moment)
    running.send(signum, group)
    status = running.finish()
    if status == 0:
        assert tree(previous_output) == complete, running.log
    else:
        assert status == 128 + signum, running.log
        assert f"đã dừng ({signal.Signals(signum).name})" in running.log
        assert snapshot(previous_output) == before or tree(previous_output) == complete
        if moment != "swap":
            assert snapshot(previous_output) == before, "interrupted before the swap, yet output/ changed"
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["output"], "a temporary folder was left"
    assert "Traceback" not in running.log
    # Pelican was stopped too: nothing keeps writing after the build said it stopped.
    deadline = time.monotonic() + 30
    while not process_group_is_gone(running) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process_group_is_gone(running)


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("group", [True, False], ids=["power cut", "kill -9 PID"])
def test_output_is_never_missing_or_half_written_and_the_next_build_cleans_up_when_a_build_is_killed(
        previous_output, new_site, moment, group):
    content, complete = new_site
    before = snapshot(previous_output)
    running = RunningBuild(content, previous_output)
    reach(running, moment)
    running.send(signal.SIGKILL, group)
    running.finish()
    assert previous_output.is_dir()
    assert snapshot(previous_output) == before or tree(previous_output) == complete
    if moment != "swap":
        assert snapshot(previous_output) == before
    # The next build (once an orphaned Pelican has let go of the lock) removes what was left over.
    result = safe_build(FIXTURES / "checks_valid", previous_output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["output"]
    assert (previous_output / "2022" / "06" / "ra-quan-thang-thanh-nien.html").is_file()


def test_next_build_puts_the_previous_site_back_when_a_power_cut_fell_between_two_renames(previous_output):
    # Without the atomic exchange (--no-exchange, macOS, Windows) the swap is two renames; a cut between
    # them leaves only the retired copy. Even a build that then fails gives the editor the old site back.
    before = snapshot(previous_output)
    previous_output.rename(previous_output.parent / ".output.old-abc123")
    result = safe_build(FIXTURES / "checks_bad_date", previous_output)
    assert result.returncode != 0
    assert "bị mất sau một lần dựng bị ngắt; đã đặt lại trang trước đó." in result.stderr
    assert snapshot(previous_output) == before
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["output"]


@pytest.mark.parametrize("moment", ["Pelican is writing", "swap"])
def test_two_rename_fallback_leaves_the_old_or_the_new_site_when_interrupted(previous_output, new_site, moment):
    content, complete = new_site
    before = snapshot(previous_output)
    running = RunningBuild(content, previous_output, "--no-exchange")
    reach(running, moment)
    running.send(signal.SIGTERM, False)
    running.finish()
    assert snapshot(previous_output) == before or tree(previous_output) == complete
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["output"]


def test_second_build_waits_for_the_first_and_both_succeed_when_started_together(previous_output, new_site):
    content, complete = new_site
    first = RunningBuild(content, previous_output)
    reach(first, "staging folder appears")
    second = RunningBuild(content, previous_output)
    # The message only comes when the lock is held: the second build met the first one running.
    second.wait_for_line("một bản dựng khác đang ghi vào")
    assert first.finish() == 0 and second.finish() == 0, first.log + second.log
    assert second.log.index("một bản dựng khác đang ghi vào") < second.log.index("bản dựng kia đã xong; bắt đầu dựng.")
    assert "thư mục còn lại từ một lần dựng bị ngắt" not in second.log, "the second build met the first one's folders"
    assert tree(previous_output) == complete
    assert sorted(p.name for p in previous_output.parent.iterdir()) == ["output"]


def test_second_build_refuses_with_a_clear_message_when_asked_not_to_wait(previous_output, new_site):
    content, _ = new_site
    before = snapshot(previous_output)
    first = RunningBuild(content, previous_output)
    reach(first, "staging folder appears")
    second = RunningBuild(FIXTURES / "checks_valid", previous_output, "--no-wait")
    assert second.finish() == 1
    assert second.log.strip() == (
        f"một bản dựng khác đang ghi vào {previous_output} — hãy chạy lại khi nó xong."
    )
    first.send(signal.SIGTERM, False)
    first.finish()
    assert snapshot(previous_output) == before


def test_output_is_readable_by_another_user_when_the_umask_is_private(tmp_path):
    output = tmp_path / "output"
    running = RunningBuild(FIXTURES / "checks_valid", output, umask="077")
    assert running.finish() == 0, running.log
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [output, *output.rglob("*")] if p.is_dir()}
    assert modes == {0o755}
    modes = {stat.S_IMODE(p.stat().st_mode) for p in output.rglob("*") if p.is_file()}
    assert modes == {0o644}
    assert (output / "index.html").is_file()


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
    assert "content/2022/a.md:5: cảnh báo: ảnh `a.png` chưa có mô tả (alt) cho người khiếm thị" in result.stdout + result.stderr


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
    check = [sys.executable, "-m", "trangtin.content_checks", str(content), "-s", str(ROOT / "pelicanconf.py")]
    env = dict(ENV)
    empty = subprocess.run(check, capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0 and empty.returncode == 1
    assert "lỗi: bài không có nội dung" in empty.stdout
    path.write_text(path.read_text(encoding="utf-8") + "Nội dung bài.\n", encoding="utf-8")
    written = subprocess.run(check, capture_output=True, text=True, cwd=ROOT, env=env)
    assert written.returncode == 0, written.stdout


def urls_the_checker_predicts(content, conf) -> list:
    """The output path the content checker predicts for each file of `content`."""
    from trangtin.content_checks.plugin import config_from_settings  # noqa: PLC0415
    from trangtin.content_checks.scan import read_content  # noqa: PLC0415
    from trangtin.content_checks import checks  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    config = config_from_settings(read_settings(str(conf)))
    sources, existing = read_content(content, config)
    predicted = [checks.check_file(path, data, existing, config)[1] for path, data in sorted(sources.items())]
    assert len(predicted) > 2
    return [entry.save_as for entry in predicted]


def test_checker_predicts_every_url_pelican_writes_when_the_fixture_is_built(basic_site):
    # The same-URL check is only as good as its URLs: they must be the files Pelican really writes.
    # The reference site's content/ is checked the same way in test_reference_site_content.py.
    missing = [url for url in urls_the_checker_predicts(FIXTURES / "basic", FIXTURE_CONF) if not basic_site.exists(url)]
    assert missing == []


def test_devserver_reports_an_error_once_and_waits_when_content_has_an_error(tmp_path):
    # `pelican -r` re-runs a build that raised at once; the checks must not make it spin. Events, not a
    # fixed wait: the first build's report, then the rebuild that fixing the file triggers. A spinning
    # server would repeat the error in between. `make devserver` sets CONTENT_CHECKS_PREVIEW (issue 8:
    # an explicit setting, no call-stack walking).
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "checks_bad_date", content)
    command = [sys.executable, "-m", "pelican", "-r", str(content), "-s", str(FIXTURE_CONF), "-o", str(tmp_path / "out"),
               "-e", "CONTENT_CHECKS_PREVIEW=true"]
    server = LoggedProcess(command)
    try:
        server.wait_for_line("Đã dựng xong:")
        assert "Bản xem trước vẫn được tạo" in server.log
        article = content / "2022" / "ngay-sai.md"
        lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[1] = "Date: 2022-06-19 08:00\n"
        # The watcher starts a moment after the first build: save again until the rebuild comes.
        deadline = time.monotonic() + 120
        while server.log.count("Đã dựng xong:") < 2:
            assert time.monotonic() < deadline and server.process.poll() is None, server.log
            article.write_text("".join(lines), encoding="utf-8")
            with server.changed:
                server.changed.wait(0.2)
    finally:
        server.send(signal.SIGTERM, group=True)
        server.finish()
    assert server.log.count("2022/ngay-sai.md:2: lỗi") == 1, server.log
