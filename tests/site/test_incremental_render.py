"""The devserver's warm site (tools/devserver.py WarmProcess, plugins/incremental/warm.py): after an edit,
rendering only the pages that show the edited article gives exactly the files of a clean full build,
byte for byte; an edit that listings can see needs a full build (RENDER_FULL)."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import comparable_files, project_copy

PREVIEW = {"CONTENT_CHECKS_PREVIEW": True}


def settings_option(values):
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in values.items())]


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


def devserver_of(project):
    """The project copy's own tools/devserver.py (its ROOT is the copy)."""
    spec = importlib.util.spec_from_file_location(f"devserver_{abs(hash(str(project)))}", project / "tools" / "devserver.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def full_build(project, output):
    command = [sys.executable, str(project / "tools/incremental_build.py"), str(project / "content"), str(output),
               "-s", str(project / "pelicanconf.py"), *settings_option(PREVIEW)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def start_warm(project, tmp_path):
    """A full build of the project, then its warm site, as `make devserver` starts them."""
    devserver = devserver_of(project)
    output, deferred = tmp_path / "site" / "output", tmp_path / "search.json"
    since = time.time()
    full_build(project, output)
    site = devserver.WarmProcess(project / "content", output, project / "pelicanconf.py", deferred, since)
    site.devserver, site.output = devserver, output
    assert site.started.wait(120) and site.ready
    return site


@pytest.fixture
def warm(project, tmp_path):
    site = start_warm(project, tmp_path)
    yield site
    site.stop()


def quick_edit(warm, project, relative):
    """The devserver's steps for one saved file: the warm site renders, then the search index."""
    status = warm.edit([project / "content" / relative])
    if status == 0:
        assert warm.deferred.is_file()
        assert warm.devserver.refresh_search(warm.deferred) == 0
    return status


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
    "newest article": ("2022/hien-mau-tinh-nguyen.md", edit_body("2022/hien-mau-tinh-nguyen.md", "Thêm một đoạn *mới* vào bài.")),
    "old article": ("2021/tri-an-thay-co.md",
                    edit_body("2021/tri-an-thay-co.md", "Đoạn bổ sung cho bài cũ, có [liên kết](https://example.org).")),
    "body rewritten": ("2021/ngay-quoc-khanh.md", replace_in("2021/ngay-quoc-khanh.md", "\n\n", "\n\nĐoạn mở đầu mới thay thế.\n\n")),
}


@pytest.mark.parametrize("edited", QUICK_EDITS.values(), ids=QUICK_EDITS.keys())
def test_quick_rebuild_after_a_body_edit_equals_a_clean_build(project, tmp_path, warm, edited):
    relative, edit = edited
    output = warm.output
    before = mtimes(output)
    edit(project)
    assert quick_edit(warm, project, relative) == 0
    after = mtimes(output)
    rewritten = [path for path in after if after[path] != before.get(path)]
    assert 0 < len(rewritten) < len(after) / 2, "a quick rebuild renders a few pages, not the whole site"
    assert comparable_files(output) == clean_build(project, tmp_path / "clean" / "output")
    # A second edit in a row is quick too, and still right.
    edit_body("2021/ngay-quoc-khanh.md", "Lần sửa thứ hai.")(project)
    assert quick_edit(warm, project, "2021/ngay-quoc-khanh.md") == 0
    assert comparable_files(output) == clean_build(project, tmp_path / "clean2" / "output")


def test_an_edit_that_shows_a_photo_publishes_it(project, tmp_path):
    """A photo already in the content, shown by an edit: made and linked as a full build makes it."""
    from PIL import Image  # noqa: PLC0415

    images = project / "content" / "images"
    images.mkdir(exist_ok=True)
    Image.new("RGB", (900, 600), (30, 90, 160)).save(images / "moi-them.jpg", "JPEG")
    warm = start_warm(project, tmp_path)
    try:
        edit_body("2021/tri-an-thay-co.md", '![Ảnh mới thêm]({static}/images/moi-them.jpg "Ảnh mới thêm")')(project)
        assert quick_edit(warm, project, "2021/tri-an-thay-co.md") == 0
        assert comparable_files(warm.output) == clean_build(project, tmp_path / "clean" / "output")
    finally:
        warm.stop()


FULL_EDITS = {
    "title": ("2021/tri-an-thay-co.md", replace_in("2021/tri-an-thay-co.md", "Title: ", "Title: Sửa tiêu đề ")),
    "summary": ("2021/tri-an-thay-co.md", replace_in("2021/tri-an-thay-co.md", "Summary: ", "Summary: Tóm tắt mới. ")),
    "page without summary": ("pages/gioi-thieu.md", edit_body("pages/gioi-thieu.md", "Thêm vào trang giới thiệu.")),
}


@pytest.mark.parametrize("edited", FULL_EDITS.values(), ids=FULL_EDITS.keys())
def test_an_edit_listings_can_see_asks_for_a_full_build(project, tmp_path, warm, edited):
    relative, edit = edited
    edit(project)
    status = quick_edit(warm, project, relative)
    if status == 0:  # a page has no listing text to protect: its quick rebuild must still be exact
        assert comparable_files(warm.output) == clean_build(project, tmp_path / "clean" / "output")
        return
    assert status == warm.devserver.RENDER_FULL
    assert warm.process.wait(30) == warm.devserver.RENDER_FULL, "the warm site ends: the next build is a full one"


def test_the_edited_file_is_checked_with_its_line(project, tmp_path):
    devserver = devserver_of(project)
    output, deferred, log = tmp_path / "site" / "output", tmp_path / "search.json", tmp_path / "warm.log"
    since = time.time()
    full_build(project, output)
    with log.open("w", encoding="utf-8") as handle:
        site = devserver.WarmProcess(project / "content", output, project / "pelicanconf.py", deferred, since, log=handle)
        try:
            assert site.started.wait(120) and site.ready
            edit_body("2021/tri-an-thay-co.md", "![](/images/khong-co.jpg)")(project)
            assert site.edit([project / "content/2021/tri-an-thay-co.md"]) == 0
        finally:
            site.stop()
    lines = (project / "content/2021/tri-an-thay-co.md").read_text(encoding="utf-8").split("\n")
    line = next(number for number, text in enumerate(lines, 1) if "khong-co.jpg" in text)
    text = log.read_text(encoding="utf-8")
    assert f"2021/tri-an-thay-co.md:{line}: lỗi:" in text, text
    assert "khong-co.jpg" in text


def test_a_new_file_asks_for_a_full_build(project, warm):
    shutil.copy(project / "content/2021/tri-an-thay-co.md", project / "content/2021/ban-sao.md")
    assert quick_edit(warm, project, "2021/ban-sao.md") == warm.devserver.RENDER_FULL


def test_a_file_saved_while_the_full_build_ran_asks_for_a_full_build(project, tmp_path):
    """Its served pages may show the bytes before the save: only a full build can tell."""
    devserver = devserver_of(project)
    output, deferred = tmp_path / "site" / "output", tmp_path / "search.json"
    since = time.time()
    full_build(project, output)
    edit_body("2021/tri-an-thay-co.md", "Lưu trong lúc đang dựng.")(project)  # after the build read it
    site = devserver.WarmProcess(project / "content", output, project / "pelicanconf.py", deferred, since)
    try:
        assert site.edit([project / "content/2021/tri-an-thay-co.md"]) == devserver.RENDER_FULL
    finally:
        site.stop()
