"""The fast build (plugins/build_speed) writes the same site as Pelican's own code paths, byte for
byte, with one worker and with several; and a worker that fails stops the build with its error."""

import shutil
import subprocess
import sys

import pytest

from conftest import CONTENT, PAGEFIND_UNORDERED, ROOT, comparable_files, run_pelican

NEWS = 150
# Pagefind's second index (the newest news, pagefind/moi/) has the same hash-ordered files.
RECENT_UNORDERED = tuple(prefix.replace("pagefind/", "pagefind/moi/", 1) for prefix in PAGEFIND_UNORDERED)


def site_files(folder):
    """comparable_files, with the hash-ordered files of pagefind/moi/ counted too."""
    files = {}
    for name, value in comparable_files(folder).items():
        unordered = next((prefix for prefix in RECENT_UNORDERED if name.startswith(prefix)), None)
        if unordered:
            files[f"<{unordered}*>"] = files.get(f"<{unordered}*>", 0) + 1
        else:
            files[name] = value
    return files


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    """The project's content/ (drafts, hidden news, pages, photos, redirects) and 150 generated news."""
    folder = tmp_path_factory.mktemp("speed") / "content"
    shutil.copytree(CONTENT, folder)
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_news.py"), "--count", str(NEWS), "--seed", "20221906",
         "--settings", str(ROOT / "pelicanconf.py"), str(folder / "sinh")],
        check=True, capture_output=True,
    )
    return folder


def built(content, output, settings):
    result = run_pelican(content, output, settings)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_files(output)


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
    conf = ROOT / "publishconf.py"
    plain = run_pelican(content, tmp_path / "plain", {"BUILD_SPEED_PLAIN": True}, conf=conf)
    fast = run_pelican(content, tmp_path / "fast", {"BUILD_WORKERS": 2}, conf=conf)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert fast.returncode == 0, fast.stdout + fast.stderr
    assert site_files(tmp_path / "fast") == site_files(tmp_path / "plain")


def test_template_error_on_one_page_fails_the_build_with_its_message_when_built_with_workers(content, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    broken = "{% if article.source_path.endswith('ky-niem-90-nam-thanh-lap-doan.md') %}{{ none_such.missing.attribute }}{% endif %}"
    article.write_text(article.read_text(encoding="utf-8").replace("{% block content %}", "{% block content %}" + broken, 1),
                       encoding="utf-8")
    output = tmp_path / "output"
    result = run_pelican(content, output, {"BUILD_WORKERS": 3, "THEME": str(theme)})
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "none_such" in log
