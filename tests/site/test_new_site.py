"""`make new-site`: a site for another organisation, made from the product's checkout into an empty
folder, then used there as its IT officer would: `make html`, `make check`, `make newpost`,
`make publish` without and with SITEURL, the Windows route (`trangtin …`), and nothing of the first
organisation anywhere in the folder or its output.

The site's virtual environment is a fresh one whose third-party packages come from ours (a .pth file,
no download): its own `make html` installs the product itself from requirements.txt, as on a new machine."""

import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

NAME = "Đoàn trường THPT Chuyên Hà Giang"
SHORTNAME = "Đoàn trường"
SITEURL = "https://doantruong.edu.vn"
CATEGORIES = "Hoạt động Đoàn; Học tập; Gương sáng"
# The first organisation: its name (any case, with or without marks), short mark, province and domain.
LEAKS = re.compile(r"đoàn khối|doan khoi|doankhoi|đk|tuyên quang|tuyen quang|tuyenquang", re.IGNORECASE)
ENV = {key: value for key, value in os.environ.items()
       if key not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "SITEURL", "NAME", "SHORTNAME", "CATEGORIES")}


def make(folder, *arguments, **env):
    return subprocess.run(["make", *arguments], cwd=folder, capture_output=True, text=True, timeout=600,
                          env={**ENV, "COLUMNS": "250", **env})


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("new-site") / "doan truong"
    made = make(ROOT, "new-site", f"DIR={folder}", NAME=NAME, SHORTNAME=SHORTNAME, SITEURL=SITEURL, CATEGORIES=CATEGORIES)
    assert made.returncode == 0, made.stdout + made.stderr
    assert f"Đã tạo trang tin của {NAME} tại {folder}" in made.stdout
    subprocess.run([sys.executable, "-m", "venv", str(folder / ".venv")], check=True)
    ours = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
    theirs = next((folder / ".venv").glob("lib/python3*/site-packages"))
    (theirs / "packages-of-the-test-venv.pth").write_text(f"{ours}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(site):
    # The browser editor's packages, as `make cms-tools` installs them from the site's own package-lock.json
    # (the same pinned Decap as the product's, already installed by `make test`).
    (site / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    result = make(site, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def product_source(folder: Path) -> Path:
    """What a release of the product holds (pyproject.toml's sources), copied into `folder`."""
    folder.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        (folder / name).write_bytes((ROOT / name).read_bytes())
    for name in ("plugins", "theme", "tools"):
        subprocess.run(["cp", "-r", str(ROOT / name), str(folder / name)], check=True)
    return folder


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_new_folder_holds_no_product_code_and_none_of_the_first_organisations_content(site):
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and ".venv" not in p.parts)
    assert files == [".github/workflows/publish.yml", ".gitignore", "HUONG-DAN-BIEN-TAP.md", "Makefile", "README.md",
                     "content/pages/gioi-thieu.md", "content/pages/lien-he.md", "package-lock.json", "package.json",
                     "pelicanconf.py", "publishconf.py", "requirements.txt"]
    assert (site / "content" / f"{datetime.now(ZoneInfo('Asia/Ho_Chi_Minh')).year}").is_dir()  # the empty news folder
    settings = (site / "pelicanconf.py").read_text(encoding="utf-8")
    assert "from trangtin.settings import *" in settings
    assert len(settings.splitlines()) < 60
    assert "NEWS_CATEGORIES = ['Hoạt động Đoàn', 'Học tập', 'Gương sáng']" in settings
    assert f"'{SITEURL}'" in (site / "publishconf.py").read_text(encoding="utf-8")
    requirement = (site / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^(trangtin( @ |==)|git\+\S+#egg=trangtin$)", requirement, re.MULTILINE)
    guide = (site / "HUONG-DAN-BIEN-TAP.md").read_text(encoding="utf-8")
    assert "`Hoạt động Đoàn`, `Học tập`, `Gương sáng`" in guide and NAME in guide
    workflow = (site / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert "make check" in workflow and "make publish" in workflow and "make test" not in workflow


def test_make_html_installs_the_product_and_builds_the_site_for_the_new_name(built):
    home = soup(built / "output" / "index.html")
    assert home.html["lang"] == "vi"
    assert NAME in home.title.get_text()
    assert home.select_one(".home-latest .news-empty").get_text() == "Chưa có tin nào."  # a new site: no news yet
    menu = home.get_text(" ")
    for category in ("Giới thiệu", "Liên hệ"):
        assert category in menu
    about = " ".join(soup(built / "output" / "gioi-thieu.html").main.get_text(" ").replace("\xa0", " ").split())
    assert f"Trang tin điện tử của {NAME}" in about
    # The product came from requirements.txt into the site's own environment.
    shown = subprocess.run([str(built / ".venv/bin/python"), "-m", "pip", "show", "trangtin"], capture_output=True, text=True)
    assert shown.returncode == 0 and "Version: " in shown.stdout
    assert str(built / ".venv") in subprocess.run([str(built / ".venv/bin/python"), "-c", "import trangtin, sys; print(sys.prefix)"],
                                                  capture_output=True, text=True).stdout


def test_the_site_has_its_browser_editor_for_its_own_categories(built):
    admin = built / "output" / "admin"
    assert (admin / "index.html").is_file()
    config = next(admin.glob("cau-hinh*.js")).read_text(encoding="utf-8")
    for category in ("Hoạt động Đoàn", "Học tập", "Gương sáng"):
        assert json.dumps(category, ensure_ascii=False) in config or json.dumps(category) in config
    lock = json.loads((built / "package-lock.json").read_text(encoding="utf-8"))
    product = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name in ("decap-cms", "decap-server"):  # the same pinned versions as the product's own
        assert lock["packages"][f"node_modules/{name}"]["version"] == product["packages"][f"node_modules/{name}"]["version"]


def test_make_newpost_check_and_the_windows_route_work_in_the_site(built):
    made = make(built, "newpost", TITLE="Ra quân Mùa hè xanh", CATEGORY="Học tập")
    assert made.returncode == 0, made.stdout + made.stderr
    post = next(built.glob("content/*/ra-quan-mua-he-xanh.md"))
    assert "Category: Học tập" in post.read_text(encoding="utf-8")
    empty = make(built, "check")
    assert empty.returncode != 0 and f"{post.relative_to(built)}:" in empty.stdout  # no body yet: file and line
    with post.open("a", encoding="utf-8") as body:
        body.write("\nSáng nay, đoàn viên nhà trường ra quân chiến dịch Mùa hè xanh.\n")
    checked = make(built, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Windows: `.venv\Scripts\trangtin check`, the same checker (here its Linux path).
    windows = subprocess.run([str(built / ".venv/bin/trangtin"), "check"], cwd=built, capture_output=True, text=True,
                             env={**ENV, "PYTHONUTF8": "1"})
    assert windows.returncode == 0, windows.stdout + windows.stderr
    assert checked.stdout.splitlines()[-1:] == windows.stdout.splitlines()[-1:]
    rebuilt = make(built, "html")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert any("Ra quân Mùa hè xanh".upper() in p.read_text(encoding="utf-8").upper()
               for p in (built / "output").glob("*/*/ra-quan-mua-he-xanh.html"))


def test_make_publish_uses_the_given_address_and_the_environments_when_set(built):
    published = make(built, "publish")
    assert published.returncode == 0, published.stdout + published.stderr
    home = soup(built / "output" / "index.html")
    assert home.find("link", rel="canonical")["href"] == f"{SITEURL}/"
    elsewhere = make(built, "publish", SITEURL="https://tin.doantruong.edu.vn/")
    assert elsewhere.returncode == 0, elsewhere.stdout + elsewhere.stderr
    home = soup(built / "output" / "index.html")
    assert home.find("link", rel="canonical")["href"] == "https://tin.doantruong.edu.vn/"
    assert "https://tin.doantruong.edu.vn/" in (built / "output" / "sitemap.xml").read_text(encoding="utf-8")


def test_nothing_of_the_first_organisation_is_in_the_folder_or_its_output(built):
    leaks = []
    for path in sorted(built.rglob("*")):
        if not path.is_file() or {".venv", "cache", "cache-photos"} & set(path.parts):
            continue
        data = path.read_bytes()
        text = data.decode("utf-8", "replace")
        if ".br" == path.suffix or ".gz" == path.suffix:
            continue  # compressed twins of files read here as text
        for match in LEAKS.finditer(text):
            leaks.append(f"{path.relative_to(built)}: …{text[max(0, match.start() - 40):match.end() + 40]}…")
    assert leaks == []


def test_new_site_refuses_a_folder_that_is_not_empty_and_missing_values(tmp_path):
    (tmp_path / "old.txt").write_text("giữ nguyên", encoding="utf-8")
    refused = make(ROOT, "new-site", f"DIR={tmp_path}", NAME=NAME, SHORTNAME=SHORTNAME, SITEURL=SITEURL, CATEGORIES=CATEGORIES)
    assert refused.returncode != 0
    assert f"new-site: lỗi: {tmp_path} đã có và không trống — chọn một thư mục mới (không ghi đè tệp nào)" in refused.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["old.txt"]
    missing = make(ROOT, "new-site", f"DIR={tmp_path / 'moi'}", NAME=NAME, SHORTNAME=SHORTNAME, CATEGORIES=CATEGORIES)
    assert missing.returncode != 0
    assert "new-site: lỗi: Thiếu SITEURL" in missing.stderr
    bad = make(ROOT, "new-site", f"DIR={tmp_path / 'moi'}", NAME=NAME, SHORTNAME=SHORTNAME, SITEURL="doantruong.edu.vn",
               CATEGORIES="Học tập;hoc tap")
    assert "new-site: lỗi: SITEURL `doantruong.edu.vn` không phải địa chỉ trang web" in bad.stderr
    assert not (tmp_path / "moi").exists()


def test_the_wheel_carries_the_plugins_the_theme_and_the_tools_and_no_site(tmp_path):
    source = product_source(tmp_path / "src")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"),
                    str(source)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("trangtin-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("trangtin/__init__.py", "trangtin/settings.py", "trangtin/vn_core/paths.py", "trangtin/search/__init__.py",
                     "trangtin/theme/templates/article.html", "trangtin/theme/static/css/site.css",
                     "trangtin/tools/new_site.py", "trangtin/tools/site.mk", "trangtin/tools/site_template/Makefile"):
        assert expected in names, expected
    assert not [name for name in names if name.startswith(("content/", "tests/")) or "/content/2022/" in name]
    # One namespace: nothing at the top level but the package and its metadata.
    assert {name.split("/")[0] for name in names} == {"trangtin", wheel.name.split("-py3")[0] + ".dist-info"}


def test_upgrading_is_one_line_of_requirements_and_changes_nothing_else(built, tmp_path):
    """The product moves on (here: the same code as version 0.1.99 in another folder); the site changes
    its requirements.txt line and runs `make html`: the new version is installed, no other file of the
    site changes and no content arrives."""
    newer = product_source(tmp_path / "trangtin-newer")
    init = newer / "plugins" / "__init__.py"
    init.write_text(re.sub(r'__version__ = "[^"]+"', '__version__ = "0.1.99"', init.read_text(encoding="utf-8")), encoding="utf-8")

    def site_files():
        return {p.relative_to(built).as_posix(): p.read_bytes() for p in built.rglob("*")
                if p.is_file() and not {".venv", "output", "cache", "cache-photos"} & set(p.relative_to(built).parts)}

    before = site_files()
    requirements = built / "requirements.txt"
    old = requirements.read_text(encoding="utf-8")
    line = next(line for line in old.splitlines() if "trangtin" in line and not line.startswith("#"))
    requirements.write_text(old.replace(line, f"trangtin @ {newer.as_uri()}"), encoding="utf-8")
    upgraded = make(built, "html")
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    version = subprocess.run([str(built / ".venv/bin/python"), "-c", "import trangtin; print(trangtin.__version__)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert version == "0.1.99"
    after = site_files()
    assert {name for name in after if after[name] != before.get(name)} == {"requirements.txt"}
    assert set(after) == set(before)


def test_names_with_quotes_and_backslashes_give_working_settings(tmp_path):
    """Whatever an organisation's name holds (quotes, a backslash, a dollar sign), the settings it writes
    are valid Python holding that exact name."""
    name = 'Hội "Sinh viên" \\ Khoa $Toán \'99 """'
    folder = tmp_path / "hoi"
    made = subprocess.run([sys.executable, "-m", "trangtin.tools.new_site", str(folder), "--name", name, "--shortname", "Hội SV",
                           "--siteurl", "https://hoisv.edu.vn", "--categories", "Tin; Sự kiện"],
                          capture_output=True, text=True, env={**ENV, "PYTHONUTF8": "1"}, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    namespace = {}
    code = (folder / "pelicanconf.py").read_text(encoding="utf-8").replace("from trangtin.settings import *", "pass")
    exec(compile(code, "pelicanconf.py", "exec"), {"__file__": str(folder / "pelicanconf.py")}, namespace)
    assert namespace["SITENAME"] == name and namespace["NEWS_CATEGORIES"] == ["Tin", "Sự kiện"]
    compile((folder / "publishconf.py").read_text(encoding="utf-8"), "publishconf.py", "exec")
