"""The content cache and the whole-build memo never serve stale HTML: after each kind of input change
(a content file, a plugin's code, a template, a setting's value, an installed version, a future-dated
article falling due, the output edited by hand), the next build's output equals a clean build's."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, comparable_files, project_copy


def incremental_build(project: Path, output: Path, *options, env=None) -> subprocess.CompletedProcess:
    command = [sys.executable, str(project / "tools" / "incremental_build.py"), str(project / "content"), str(output),
               "-s", str(project / "pelicanconf.py"), *options]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def clean_build(project: Path, output: Path, env=None):
    """Plain Pelican with a cache folder of its own that starts empty: nothing is reused."""
    command = [sys.executable, "-m", "pelican", str(project / "content"), "-s", str(project / "pelicanconf.py"),
               "-o", str(output), "-e", f"CACHE_PATH={json.dumps(str(output.parent / (output.name + '-cache')))}"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return comparable_files(output)


def reused(result) -> bool:
    return "không có gì thay đổi từ lần dựng trước" in result.stderr


def append(path: Path, text: str):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


ARTICLE = "content/2022/hien-mau-tinh-nguyen.md"


def edit_content(project):
    append(project / ARTICLE, "\nĐoạn văn thêm vào sau khi dựng lần đầu.\n")
    return "Đoạn văn thêm vào"


def edit_plugin(project):
    # The reader's sanitiser is part of what the content cache holds: a cached reading must not survive it.
    append(project / "plugins/vn_news/sanitize.py",
           "\n_first = sanitise_html\n\ndef sanitise_html(*args, **kwargs):\n"
           "    return _first(*args, **kwargs).replace('<p>', '<p data-plugin-edited>')\n")
    return "data-plugin-edited"


def edit_template(project):
    path = project / "theme/templates/article.html"
    path.write_text(path.read_text(encoding="utf-8").replace("{{ article.content|safe }}",
                                                              "{{ article.content|safe }}<p>Mẫu đã sửa</p>"), encoding="utf-8")
    return "<p>Mẫu đã sửa</p>"


def edit_setting(project):
    # Typography is applied by the reader, so this setting's value changes what the cache holds.
    append(project / "pelicanconf.py", "\nVN_NEWS_TYPOGRIFY = False\nSITESUBTITLE = 'Phụ đề đã sửa'\n")
    return "Phụ đề đã sửa"


@pytest.mark.parametrize("edit", [edit_content, edit_plugin, edit_template, edit_setting],
                         ids=["content", "plugin", "template", "setting"])
def test_second_build_after_an_edit_equals_a_clean_build(tmp_path, edit):
    project = project_copy(tmp_path)
    output = tmp_path / "output"
    incremental_build(project, output)
    again = incremental_build(project, output)
    assert reused(again), "nothing changed: the memo should have reused the output"
    before = comparable_files(output)
    marker = edit(project)
    result = incremental_build(project, output)
    assert not reused(result)
    after = comparable_files(output)
    assert after != before
    assert any(marker.encode() in data for data in after.values() if isinstance(data, bytes))
    assert after == clean_build(project, tmp_path / "clean")
    # The content cache alone (no memo) gives the same bytes too.
    incremental_build(project, tmp_path / "cache-only", "--no-memo")
    assert comparable_files(tmp_path / "cache-only") == after


def test_an_environment_setting_is_an_input(tmp_path):
    project = project_copy(tmp_path)
    output = tmp_path / "output"
    incremental_build(project, output)
    env = {**os.environ, "CANONICAL_URL": "https://doantruong.example"}
    result = incremental_build(project, output, env=env)
    assert not reused(result)
    assert comparable_files(output) == clean_build(project, tmp_path / "clean", env=env)


def test_an_installed_version_is_an_input(tmp_path, monkeypatch):
    from trangtin.incremental import keying  # noqa: PLC0415

    settings = {"PLUGIN_PATHS": [str(ROOT / "plugins")], "THEME": str(ROOT / "theme"), "SITENAME": "x"}
    first = keying.build_key(settings)
    monkeypatch.setattr(keying, "versions_digest", lambda: "markdown==99.0")
    assert keying.build_key(settings) != first
    assert keying.build_key({**settings, "SITENAME": "y"}) != first
    assert keying.build_key({**settings, "OUTPUT_PATH": "/elsewhere", "CACHE_PATH": "/c"}) == keying.build_key(settings)


def test_output_edited_by_hand_is_rebuilt(tmp_path):
    project = project_copy(tmp_path)
    output = tmp_path / "output"
    incremental_build(project, output)
    page = next(output.rglob("*hien-mau*.html"))
    page.write_text("hỏng", encoding="utf-8")
    result = incremental_build(project, output)
    assert not reused(result)
    assert comparable_files(output) == clean_build(project, tmp_path / "clean")


def test_a_future_article_is_published_by_the_first_build_after_its_date(tmp_path):
    project = project_copy(tmp_path)
    output = tmp_path / "output"
    from datetime import datetime, timedelta  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    soon = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) + timedelta(minutes=2)
    (project / "content/2022/sap-dang.md").write_text(
        f"Title: Tin sắp đăng\nDate: {soon:%Y-%m-%d %H:%M}\nCategory: Tin hoạt động\nAuthor: ĐTN\n"
        "Summary: Một tin hẹn giờ.\n\nNội dung tin hẹn giờ.\n", encoding="utf-8")
    incremental_build(project, output)
    memo = json.loads(next((project / "cache").glob("build-memo-*.json")).read_text())
    assert memo["next_due"] is not None
    # The minute it names may already be over; what matters is that the memo stops at that moment.
    due = datetime.fromtimestamp(memo["next_due"], ZoneInfo("Asia/Ho_Chi_Minh"))
    assert due.strftime("%Y-%m-%d %H:%M") == f"{soon:%Y-%m-%d %H:%M}"
    memo_file = next((project / "cache").glob("build-memo-*.json"))
    memo["next_due"] = 1.0  # as if the moment had passed
    memo_file.write_text(json.dumps(memo))
    assert not reused(incremental_build(project, output))


def test_photos_keep_content_objects_picklable(tmp_path):
    """Pelican's generator caching layer pickles whole articles, photos' link hook included."""
    from conftest import run_pelican  # noqa: PLC0415

    settings = {"CONTENT_CACHING_LAYER": "generator", "CACHE_PATH": str(tmp_path / "cache")}
    result = run_pelican(FIXTURES / "basic", tmp_path / "output", settings, fatal=None)
    assert result.returncode == 0, result.stderr
    assert "pickle" not in result.stderr.lower()
    assert list((tmp_path / "cache").glob("content-*/ArticlesGenerator"))


def test_the_next_status_change_of_a_document_is_a_reason_to_rebuild_when_that_day_comes(tmp_path):
    project = project_copy(tmp_path)
    output = tmp_path / "output"
    from datetime import datetime, timedelta  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    tomorrow = datetime.now(zone).date() + timedelta(days=1)
    (project / "content/tai-lieu").mkdir(parents=True, exist_ok=True)
    (project / "content/tai-lieu/a.pdf").write_bytes((FIXTURES / "van_ban/tai-lieu/2022/15-kh-dtn.pdf").read_bytes())
    (project / "content/van-ban").mkdir()
    (project / "content/van-ban/a.md").write_text(
        f"Số ký hiệu: 1-TB/ĐTN\nLoại: Thông báo\nTrích yếu: Hết hạn ngày mai\nNgày ban hành: 1/1/2024\n"
        f"Hết hiệu lực: {tomorrow.day}/{tomorrow.month}/{tomorrow.year}\nTệp: tai-lieu/a.pdf\n", encoding="utf-8")
    incremental_build(project, output)
    assert "Còn hiệu lực" in (output / "van-ban/index.html").read_text(encoding="utf-8")
    memo_file = next((project / "cache").glob("build-memo-*.json"))
    memo = json.loads(memo_file.read_text())
    assert datetime.fromtimestamp(memo["next_due"], zone).isoformat() == f"{tomorrow.isoformat()}T00:00:00+07:00"
    assert reused(incremental_build(project, output))
    memo["next_due"] = 1.0  # as if midnight had passed
    memo_file.write_text(json.dumps(memo))
    assert not reused(incremental_build(project, output))


def test_a_sites_own_template_is_an_input(tmp_path):
    # THEME_TEMPLATES_OVERRIDES: a template in the site's folder shapes the HTML as the theme's do.
    project = project_copy(tmp_path)
    templates = project / "templates"
    templates.mkdir()
    (templates / "page.html").write_text('{% extends "!theme/page.html" %}', encoding="utf-8")
    append(project / "pelicanconf.py", '\nTHEME_TEMPLATES_OVERRIDES = [str(ROOT / "templates")]\n')
    output = tmp_path / "output"
    incremental_build(project, output)
    (templates / "page.html").write_text('{% extends "!theme/page.html" %}{% block content %}{{ super() }}'
                                         '<p>Mẫu riêng đã sửa</p>{% endblock %}', encoding="utf-8")
    result = incremental_build(project, output)
    assert not reused(result)
    after = comparable_files(output)
    assert any("<p>Mẫu riêng đã sửa</p>".encode() in data for data in after.values())
    assert after == clean_build(project, tmp_path / "clean")
