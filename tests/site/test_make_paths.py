"""Every make target works in a checkout whose path has a space (and Vietnamese letters): the repository
is copied into such a folder and the real targets run there. The copy's .venv is a real venv whose
packages come from ours (a .pth file), so no download is needed; `make` sees it as installed."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SITE_NAME, SITE_SHORTNAME, publish_env, school_site_content

COPIED = ["Makefile", "pelicanconf.py", "publishconf.py", "requirements.txt", "requirements-dev.txt", "pyproject.toml",
          "setup.py", "README.md", "LICENSE", "plugins", "theme", "tools"]
ENV = publish_env(base=dict(os.environ, COLUMNS="250", GIT_AUTHOR_NAME="Biên tập", GIT_AUTHOR_EMAIL="bt@example.vn",
           GIT_COMMITTER_NAME="Biên tập", GIT_COMMITTER_EMAIL="bt@example.vn"))
# Run as an editor would, not as a sub-make of `make test` (which would print "Entering directory").
for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"):
    ENV.pop(name, None)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    repo = tmp_path_factory.mktemp("paths") / "Tài liệu của tôi" / "trang tin"
    repo.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, repo / name)
    # A second organisation's checkout: the school fixture site as its content/, its name in the settings.
    school_site_content(repo / "content")
    with (repo / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nSITENAME = {SITE_NAME!r}\nSITE_SHORTNAME = {SITE_SHORTNAME!r}\n")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(repo / ".venv")], check=True)
    ours = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
    theirs = next((repo / ".venv").glob("lib/python3*/site-packages"))
    (theirs / "packages-of-the-test-venv.pth").write_text(str(ours) + "\n", encoding="utf-8")
    # The product itself is the copy's, installed editable as `make install` does (offline: our setuptools).
    subprocess.run([sys.executable, "-m", "pip", "--python", str(repo / ".venv" / "bin" / "python"), "install", "-q",
                    "--disable-pip-version-check", "--no-deps", "--no-index", "--no-build-isolation", "-e", str(repo)],
                   check=True, capture_output=True)
    for marker in (".installed", ".installed-dev"):
        (repo / ".venv" / marker).touch()
    return repo


def make(checkout, *arguments):
    return subprocess.run(["make", *arguments], cwd=checkout, capture_output=True, text=True, env=ENV, timeout=300)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def home_page(port, server, timeout=120):
    """The served home page's title, once the server answers."""
    deadline = time.monotonic() + timeout
    while True:
        assert server.poll() is None, server.stdout.read()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                return BeautifulSoup(response.read(), "html.parser").title.get_text()
        except OSError:
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.05)


def start(checkout, *arguments):
    return subprocess.Popen(["make", *arguments], cwd=checkout, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=ENV, start_new_session=True)


def stop(server):
    os.killpg(server.pid, signal.SIGINT)  # Ctrl-C, as an editor stops it
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def test_build_check_newpost_and_clean_work_when_the_checkout_path_has_a_space(checkout):
    result = make(checkout, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (checkout / "output" / "index.html").is_file()
    result = make(checkout, "publish")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (checkout / "output" / "ban-nhap").exists()
    result = make(checkout, "check")
    assert result.returncode == 0 and " 0 lỗi" in result.stdout, result.stdout + result.stderr
    result = make(checkout, "newpost", "TITLE=Bài thử đường dẫn", "CATEGORY=Tin hoạt động")
    assert result.returncode == 0, result.stdout + result.stderr
    written = checkout / result.stdout.strip()
    assert written.is_file() and written.name == "bai-thu-duong-dan.md"
    written.unlink()
    result = make(checkout, "clean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (checkout / "output").exists()
    assert sorted(p.name for p in checkout.parent.iterdir()) == ["trang tin"], "make wrote beside the checkout"


def test_import_of_a_word_file_takes_category_and_publish_when_the_checkout_path_has_a_space(checkout, tmp_path):
    from word_docs import document  # noqa: PLC0415

    doc = document()
    doc.add_heading("Tin gửi bằng Word", 0)
    doc.add_paragraph("Nội dung.")
    doc.save(tmp_path / "bài gửi.docx")
    content = tmp_path / "nội dung"
    content.mkdir()
    result = make(checkout, "import", f"FROM={tmp_path / 'bài gửi.docx'}", f"CONTENT={content}", 'CATEGORY=Văn hóa - Thể thao', "PUBLISH=1")
    assert result.returncode == 0, result.stdout + result.stderr
    text = (content / "2022" / "tin-gui-bang-word.md").read_text(encoding="utf-8")
    assert "Category: Văn hóa - Thể thao\n" in text and "Status:" not in text


@pytest.mark.parametrize("target", ["serve", "devserver"])
def test_local_server_answers_when_the_checkout_path_has_a_space(checkout, target):
    if target == "serve":
        assert make(checkout, "html").returncode == 0
    port = free_port()
    server = start(checkout, target, f"PORT={port}")
    try:
        assert home_page(port, server).startswith(SITE_NAME)
    finally:
        stop(server)


def test_regenerate_rebuilds_when_the_checkout_path_has_a_space(checkout):
    make(checkout, "clean")
    server = start(checkout, "regenerate")
    built = False
    try:
        deadline = time.monotonic() + 120
        while server.poll() is None and time.monotonic() < deadline:
            if (checkout / "output" / "index.html").is_file():
                built = True
                break
            time.sleep(0.05)
    finally:
        stop(server)
    # Read the log only once the server is stopped: reading a running server's pipe never ends.
    assert built, server.stdout.read()


def test_github_target_pushes_the_published_site_when_the_checkout_path_has_a_space(checkout, tmp_path):
    remote = tmp_path / "kho trên máy chủ.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "site"], ["remote", "add", "origin", str(remote)]):
        subprocess.run(["git", *command], cwd=checkout, check=True, env=ENV, capture_output=True)
    try:
        result = make(checkout, "github")
        assert result.returncode == 0, result.stdout + result.stderr
        files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote, check=True,
                               capture_output=True, text=True).stdout.split()
        assert "index.html" in files and "robots.txt" in files
        assert not [name for name in files if name.startswith("ban-nhap/")]
    finally:
        shutil.rmtree(checkout / ".git")


# --- Without make (Windows): `py tools/check.py` and `py tools/preview.py`, run by a bare Python -----

BARE_PYTHON = getattr(sys, "_base_executable", None) or sys.executable  # the interpreter behind our venv


def test_check_without_make_finds_the_project_venv_and_names_the_file_when_an_article_has_an_error(checkout):
    bad = checkout / "content" / "2022" / "ngay-sai-thu.md"
    bad.write_text("Title: Bài thử\nDate: 19 tháng 6 năm 2022\nCategory: Tin hoạt động\n\nNội dung.\n", encoding="utf-8")
    try:
        result = subprocess.run([BARE_PYTHON, "tools/check.py"], cwd=checkout, capture_output=True, text=True,
                                encoding="utf-8", env=ENV)
    finally:
        bad.unlink()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2022/ngay-sai-thu.md:2: lỗi: không đọc được ngày" in result.stdout
    good = subprocess.run([BARE_PYTHON, str(checkout / "tools" / "check.py")], cwd=checkout.parent,
                          capture_output=True, text=True, encoding="utf-8", env=ENV)
    assert good.returncode == 0 and " 0 lỗi" in good.stdout, good.stdout + good.stderr


def test_preview_without_make_serves_the_site_and_its_drafts_with_reloading_when_started_with_a_bare_python(checkout):
    port = free_port()
    server = subprocess.Popen([BARE_PYTHON, "tools/preview.py", "--port", str(port)], cwd=checkout,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV,
                              start_new_session=True)
    try:
        assert home_page(port, server).startswith(SITE_NAME)
        # The server answers at once; the preview build writes the drafts a moment later.
        deadline = time.monotonic() + 120
        while not (drafts := sorted((checkout / "output" / "ban-nhap").glob("*.html"))):
            assert server.poll() is None and time.monotonic() < deadline, "no draft preview was written"
            time.sleep(0.05)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/ban-nhap/{drafts[0].name}", timeout=5) as response:
            page = BeautifulSoup(response.read(), "html.parser")
        assert page.select_one(".draft-banner strong").get_text() == "Bản nháp — chưa đăng"
        # It is the devserver: the page it serves asks for each new build and reloads itself.
        assert "/__devserver/build" in page.select_one("script[data-devserver]").get_text()
    finally:
        stop(server)


def test_check_without_make_says_how_to_install_when_there_is_no_venv(tmp_path):
    if subprocess.run([BARE_PYTHON, "-c", "import pelican"], capture_output=True).returncode == 0:
        pytest.skip("this machine's bare Python has Pelican installed")
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([BARE_PYTHON, "tools/check.py"], cwd=tmp_path, capture_output=True, text=True,
                            encoding="utf-8", env=ENV)
    assert result.returncode == 2
    assert "py -m venv .venv" in result.stderr and "Traceback" not in result.stderr


def test_every_command_in_the_editors_guide_exists_when_an_editor_copies_it():
    import re  # noqa: PLC0415

    guide = (ROOT / "docs" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    # The product's Makefile and the everyday targets it includes (tools/site.mk, every site's too).
    makefiles = (ROOT / "Makefile").read_text(encoding="utf-8") + (ROOT / "tools" / "site.mk").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z_-]+):", makefiles, re.M))
    used = set(re.findall(r"`make ([a-z_-]+)", guide))
    assert used and used <= targets, used - targets
    scripts = set(re.findall(r"py tools\\(\w+\.py)", guide))
    assert scripts == {"check.py", "preview.py", "newdoc.py", "newpost.py"}
    assert all((ROOT / "tools" / name).is_file() for name in scripts)
