"""The fast build (plugins/build_speed) writes the same site as Pelican's own code paths, byte for
byte, with one worker and with several; and a worker that fails stops the build with its error."""

import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURE_CONF, FIXTURE_PUBLISHCONF, FIXTURES, ROOT, Site, comparable_files, publish_env, run_pelican, school_site_content

NEWS = 150
@pytest.fixture(scope="module")
def content(tmp_path_factory):
    """The school fixture site (a draft, pages, photos) with a hidden news, redirects and 150 generated news."""
    folder = school_site_content(tmp_path_factory.mktemp("speed") / "content")
    (folder / "2022" / "tin-an.md").write_text(
        "Title: Tin ẩn khỏi danh sách\nDate: 2022-05-02 09:00\nCategory: Tin hoạt động\nStatus: hidden\n\nNội dung.\n",
        encoding="utf-8")
    (folder / "chuyen-huong.json").write_text(json.dumps({"redirects": [
        {"from": "/News/Detail.aspx?NewsID=7", "to": "2022/ket-qua-nam-hoc-2021-2022.md"}]}), encoding="utf-8")
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_news.py"), "--count", str(NEWS), "--seed", "20221906",
         "--settings", str(ROOT / "pelicanconf.py"), str(folder / "sinh")],
        check=True, capture_output=True,
    )
    return folder


def built(content, output, settings):
    result = run_pelican(content, output, settings)
    assert result.returncode == 0, result.stdout + result.stderr
    return comparable_files(output)


@pytest.fixture(scope="module")
def plain_site(content, tmp_path_factory):
    return built(content, tmp_path_factory.mktemp("plain") / "output", {"BUILD_SPEED_PLAIN": True})


@pytest.mark.parametrize("workers", [1, 3])
def test_fast_build_equals_plain_build_byte_for_byte_when_built_with_workers(content, plain_site, tmp_path, workers):
    fast = built(content, tmp_path / "output", {"BUILD_WORKERS": workers})
    assert len(plain_site) > 3 * NEWS
    assert sorted(fast) == sorted(plain_site)
    different = [name for name in plain_site if fast[name] != plain_site[name]]
    assert different == []


def test_fast_build_equals_plain_build_when_published_with_absolute_urls(content, tmp_path):
    conf = FIXTURE_PUBLISHCONF
    plain = run_pelican(content, tmp_path / "plain", {"BUILD_SPEED_PLAIN": True}, conf=conf, env=publish_env())
    fast = run_pelican(content, tmp_path / "fast", {"BUILD_WORKERS": 2}, conf=conf, env=publish_env())
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert fast.returncode == 0, fast.stdout + fast.stderr
    assert comparable_files(tmp_path / "fast") == comparable_files(tmp_path / "plain")


def test_template_error_on_one_page_fails_the_build_with_its_message_when_built_with_workers(content, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    broken = "{% if article.source_path.endswith('ket-qua-nam-hoc-2021-2022.md') %}{{ none_such.missing.attribute }}{% endif %}"
    article.write_text(article.read_text(encoding="utf-8").replace("{% block content %}", "{% block content %}" + broken, 1),
                       encoding="utf-8")
    output = tmp_path / "output"
    result = run_pelican(content, output, {"BUILD_WORKERS": 3, "THEME": str(theme)})
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "none_such" in log


def test_a_second_build_in_the_same_process_lists_the_new_title_when_an_article_is_renamed(tmp_path):
    """Pelican's autoreload (`make regenerate`) builds again in the same process: the news items that
    the first build rendered once (plugins/build_speed/fragments.py) must not be shown again."""
    from pelican import Pelican  # noqa: PLC0415 - the build runs in this process
    from pelican.settings import read_settings  # noqa: PLC0415

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    source = content / "2021" / "tri-an-thay-co.md"
    # The same address before and after (the slug would follow the title): only what is shown changes.
    source.write_text("Slug: tri-an-thay-co\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    old_title = "Tri ân thầy cô nhân Ngày Nhà giáo Việt Nam"
    new_title = "Thăm hỏi thầy cô giáo đã nghỉ hưu"

    def build_and_read():
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"), "CACHE_PATH": str(tmp_path / "cache"),
            "BUILD_WORKERS": 1, "SEARCH_ENABLED": False,
        })
        Pelican(settings).run()
        site = Site(tmp_path / "output", "")
        listed = [a.get_text(strip=True) for a in site.page("chuyen-muc/tin-hoat-dong/").select(".news-list .news-title a")]
        archive = [a.get_text(strip=True) for a in site.page("2021/11/").select(".news-list .news-title a")]
        older = {a.get_text(strip=True) for path in (tmp_path / "output" / "2022").rglob("*.html")
                 for a in site.page(path.relative_to(tmp_path / "output").as_posix()).select(".older-news-list a")}
        return listed + archive, older

    listed, older = build_and_read()
    assert old_title in listed and old_title in older
    source.write_text(source.read_text(encoding="utf-8").replace(old_title, new_title, 1), encoding="utf-8")
    listed, older = build_and_read()
    assert new_title in listed and new_title in older
    assert old_title not in listed and old_title not in older


WITHOUT_POSIX = """
import os, sys
# What Windows lacks: no fcntl module, no fork, no CPU affinity.
sys.modules["fcntl"] = None
del os.fork
if hasattr(os, "sched_getaffinity"):
    del os.sched_getaffinity
from pelican import main
sys.argv = ["pelican", *sys.argv[1:]]
main()
"""


def test_site_builds_as_on_windows_when_there_is_no_fork_and_no_fcntl(tmp_path):
    """Editors preview on Windows (`py tools/preview.py`): every plugin must load and the build run in
    one process there; the same files come out as with workers."""
    output = tmp_path / "output"
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_POSIX, str(FIXTURES / "basic"), "-s", str(FIXTURE_CONF), "-o", str(output),
         "--fatal", "warnings", "-e", f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    forked = run_pelican(FIXTURES / "basic", tmp_path / "forked", {"BUILD_WORKERS": 2, "CACHE_PATH": str(tmp_path / "cache2")})
    assert forked.returncode == 0, forked.stdout + forked.stderr
    assert comparable_files(output) == comparable_files(tmp_path / "forked")
