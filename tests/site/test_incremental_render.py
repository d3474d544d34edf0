"""The devserver's quick rebuild (plugins/incremental/render.py): after one edit, rendering only the
pages that show the edited article gives exactly the files of a clean full build, byte for byte; an
edit that listings can see needs a full build (exit status 75)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import comparable_files, project_copy

PREVIEW = {"CONTENT_CHECKS_PREVIEW": True}


def settings_option(values):
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in values.items())]


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


def full_build(project, output, records):
    command = [sys.executable, str(project / "tools/incremental_build.py"), str(project / "content"), str(output),
               "-s", str(project / "pelicanconf.py"), *settings_option(PREVIEW)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project,
                            env={**os.environ, "INCREMENTAL_RECORDS": str(records)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert records.is_file()


def quick_build(project, output, records, deferred):
    command = [sys.executable, "-m", "pelican", str(project / "content"), "-o", str(output),
               "-s", str(project / "pelicanconf.py"), *settings_option({**PREVIEW, "INCREMENTAL_RENDER": True})]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project,
                            env={**os.environ, "INCREMENTAL_RECORDS": str(records), "SEARCH_DEFERRED_COMMANDS": str(deferred)})
    if result.returncode == 0:  # the devserver refreshes the index after showing the page, the same way
        sys.path.insert(0, str(project / "tools"))
        try:
            import devserver  # noqa: PLC0415
        finally:
            sys.path.pop(0)
        assert deferred.is_file()
        assert subprocess.run([sys.executable, "-c", devserver.SEARCH_REFRESH, str(project / "plugins"), str(deferred)],
                              capture_output=True).returncode == 0
    return result


def clean_build(project, output):
    command = [sys.executable, "-m", "pelican", str(project / "content"), "-o", str(output),
               "-s", str(project / "pelicanconf.py"),
               *settings_option({**PREVIEW, "CACHE_PATH": str(output.parent / "clean-cache")})]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return comparable_files(output)


def mtimes(folder: Path):
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*.html")}


def edit_body(relative, text):
    def edit(project):
        path = project / "content" / relative
        path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    return edit


def replace_in(relative, old, new):
    def edit(project):
        path = project / "content" / relative
        source = path.read_text(encoding="utf-8")
        assert old in source
        path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return edit


QUICK_EDITS = {
    "newest article": edit_body("2022/hien-mau-tinh-nguyen.md", "Thêm một đoạn *mới* vào bài."),
    "old article": edit_body("2021/tri-an-thay-co.md", "Đoạn bổ sung cho bài cũ, có [liên kết](https://example.org)."),
    "body rewritten": replace_in("2021/ngay-quoc-khanh.md", "\n\n", "\n\nĐoạn mở đầu mới thay thế.\n\n"),
}


@pytest.mark.parametrize("edit", QUICK_EDITS.values(), ids=QUICK_EDITS.keys())
def test_quick_rebuild_after_a_body_edit_equals_a_clean_build(project, tmp_path, edit):
    output, records, deferred = tmp_path / "site" / "output", tmp_path / "records.pickle", tmp_path / "search.json"
    full_build(project, output, records)
    before = mtimes(output)
    edit(project)
    result = quick_build(project, output, records, deferred)
    assert result.returncode == 0, result.stdout + result.stderr
    after = mtimes(output)
    rewritten = [path for path in after if after[path] != before.get(path)]
    assert 0 < len(rewritten) < len(after) / 2, "a quick rebuild renders a few pages, not the whole site"
    assert comparable_files(output) == clean_build(project, tmp_path / "clean" / "output")
    # A second edit in a row is quick too, and still right.
    edit_body("2021/ngay-quoc-khanh.md", "Lần sửa thứ hai.")(project)
    assert quick_build(project, output, records, deferred).returncode == 0
    assert comparable_files(output) == clean_build(project, tmp_path / "clean2" / "output")


FULL_EDITS = {
    "title": replace_in("2021/tri-an-thay-co.md", "Title: ", "Title: Sửa tiêu đề "),
    "summary": replace_in("2021/tri-an-thay-co.md", "Summary: ", "Summary: Tóm tắt mới. "),
    "page without summary": edit_body("pages/gioi-thieu.md", "Thêm vào trang giới thiệu."),
}


@pytest.mark.parametrize("edit", FULL_EDITS.values(), ids=FULL_EDITS.keys())
def test_an_edit_listings_can_see_asks_for_a_full_build(project, tmp_path, edit):
    output, records, deferred = tmp_path / "site" / "output", tmp_path / "records.pickle", tmp_path / "search.json"
    full_build(project, output, records)
    edit(project)
    result = quick_build(project, output, records, deferred)
    if result.returncode == 0:  # a page has no listing text to protect: its quick rebuild must still be exact
        assert comparable_files(output) == clean_build(project, tmp_path / "clean" / "output")
        return
    assert result.returncode == 75, result.stdout + result.stderr
    assert "full build needed" in result.stdout + result.stderr
    assert not records.exists(), "the next build must be a full one"


def test_a_new_file_asks_for_a_full_build(project, tmp_path):
    output, records, deferred = tmp_path / "site" / "output", tmp_path / "records.pickle", tmp_path / "search.json"
    full_build(project, output, records)
    shutil.copy(project / "content/2021/tri-an-thay-co.md", project / "content/2021/ban-sao.md")
    result = quick_build(project, output, records, deferred)
    assert result.returncode == 75, result.stdout + result.stderr
