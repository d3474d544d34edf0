"""The browser editor's files in a built site (plugins/cms): /admin/ is made from the settings, served from
the site itself (Decap's bundle copied from node_modules, no CDN), left out by CMS_ADMIN = False, and a
machine without Decap builds the site anyway and says why /admin/ is missing."""

import json
import re
import sys
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, build, run_pelican

from trangtin.cms.plugin import MISSING_DECAP  # noqa: E402
from trangtin.content_checks.messages import DATE_FORMS, MESSAGES  # noqa: E402

DECAP = ROOT / "node_modules" / "decap-cms" / "dist"
FAST = {"SEARCH_ENABLED": False}
CATEGORIES = ["Tin hoạt động", "Công tác Đoàn", "Thanh niên tình nguyện", "Tuổi trẻ sáng tạo", "Văn hóa - Thể thao"]


def admin_config(output: Path) -> dict:
    text = (output / "admin" / "cau-hinh.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"window\.TRANGTIN_CMS = (\{.*\});\s*$", text, re.S).group(1))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "cms", tmp_path_factory.mktemp("cms") / "output", FAST)


def test_admin_page_loads_decap_from_the_site_itself(site):
    page = BeautifulSoup((site.output / "admin" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "vi" and page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert [script["src"] for script in page.find_all("script")] == ["cau-hinh.js", "decap-cms.js", "trangtin-cms.js"]
    assert (site.output / "admin" / "decap-cms.js").read_bytes() == (DECAP / "decap-cms.js").read_bytes()
    chunks = {path.name for path in DECAP.glob("*.decap-cms.js")} | {path.name for path in DECAP.glob("*.wasm")}
    copied = {path.name for path in (site.output / "admin").iterdir()}
    assert chunks and chunks <= copied
    assert not [name for name in copied if name.endswith(".map") or name.startswith("cms.js")]
    assert (site.output / "admin" / "trangtin-cms.js").read_bytes() == (ROOT / "plugins/cms/static/trangtin-cms.js").read_bytes()


def test_admin_config_comes_from_the_settings_and_the_checkers_words(site):
    made = admin_config(site.output)
    config, ours = made["config"], made["trangtin"]
    assert config["locale"] == "vi" and "local_backend" not in config and "publish_mode" not in config
    news, pages, documents = config["collections"]
    assert (news["label"], news["folder"], news["path"], news["format"]) == ("Tin bài", "content", "{{year}}/{{slug}}", "pelican")
    assert (pages["label"], pages["folder"]) == ("Trang", "content/pages")
    assert (documents["label"], documents["folder"], documents["format"]) == ("Văn bản", "content/van-ban", "pelican")
    fields = {field["name"]: field for field in documents["fields"]}
    assert [fields[f"doc_{key}"]["label"] for key in ("number", "type", "abstract", "issuer", "signer", "issued", "files")] == [
        "Số ký hiệu (bắt buộc)", "Loại (bắt buộc)", "Trích yếu (bắt buộc)", "Cơ quan ban hành", "Người ký",
        "Ngày ban hành (bắt buộc)", "Tệp (bắt buộc)"]
    year = datetime.now().year
    assert (fields["doc_files"]["widget"], fields["doc_files"]["public_folder"]) == ("file", f"tai-lieu/{year}")
    assert ours["messages"]["doc_missing_field"] == MESSAGES["doc_missing_field"][0]
    labels = {field["name"]: field["label"] for field in news["fields"]}
    assert labels["title"].startswith("Tiêu đề") and labels["date"].startswith("Ngày đăng")
    assert [labels[key] for key in ("author", "summary", "image", "tags", "draft", "body")] == [
        "Tác giả", "Tóm tắt", "Ảnh đại diện", "Thẻ", "Bản nháp", "Nội dung"]
    category = next(field for field in news["fields"] if field["name"] == "category")
    assert category["options"] == CATEGORIES == ours["categories"]
    body = next(field for field in news["fields"] if field["name"] == "body")
    assert body["modes"] == ["raw"]  # never the rich-text mode, which rewrites the Markdown
    year = datetime.now().year
    assert (news["media_folder"], news["public_folder"]) == (f"/content/images/{year}", f"{{static}}/images/{year}")
    assert ours["messages"]["missing_title"] == MESSAGES["missing_title"][0]
    assert ours["messages"]["bad_date"] == MESSAGES["bad_date"][0] and ours["date_forms"] == DATE_FORMS["vi"]
    assert ours["stylesheet"].startswith("../theme/css/site.") and (site.output / ours["stylesheet"][3:]).is_file()
    htaccess = (site.output / ".htaccess").read_text(encoding="utf-8")
    assert "%{REQUEST_URI} =~ m#^/admin/#" in htaccess and "'unsafe-eval'" in htaccess


def test_cms_admin_false_leaves_the_editor_out(tmp_path):
    site = build(FIXTURES / "cms", tmp_path / "output", {**FAST, "CMS_ADMIN": False})
    assert not (site.output / "admin").exists()
    assert "m#^/admin/#" not in (site.output / ".htaccess").read_text(encoding="utf-8")
    assert "'unsafe-eval'" not in (site.output / ".htaccess").read_text(encoding="utf-8")


def test_publishing_leaves_the_editor_out_unless_editors_have_a_git_host_to_sign_in_to(tmp_path):
    conf = FIXTURES / "fixture_site_publishconf.py"
    alone = build(FIXTURES / "cms", tmp_path / "alone", FAST, conf=conf)
    assert not (alone.output / "admin").exists()
    assert "m#^/admin/#" not in (alone.output / ".htaccess").read_text(encoding="utf-8")
    backend = {"name": "gitea", "repo": "donvi/trang-tin", "base_url": "https://git.donvi.vn", "app_id": "x",
               "api_root": "https://git.donvi.vn/api/v1", "auth_type": "pkce"}
    shared = build(FIXTURES / "cms", tmp_path / "shared", {**FAST, "CMS_BACKEND": backend}, conf=conf)
    assert (shared.output / "admin" / "index.html").is_file()
    assert admin_config(shared.output)["config"]["backend"]["repo"] == "donvi/trang-tin"
    assert "m#^/admin/#" in (shared.output / ".htaccess").read_text(encoding="utf-8")


def test_without_decap_the_site_is_built_and_the_build_says_how_to_get_the_editor(tmp_path):
    empty = tmp_path / "no-decap"
    empty.mkdir()
    result = run_pelican(FIXTURES / "cms", tmp_path / "output", {**FAST, "CMS_DECAP_DIST": str(empty)}, fatal=None)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "2022" / "03" / "ra-quan-thang-thanh-nien-nam-2022.html").is_file()
    assert not (tmp_path / "output" / "admin").exists()
    log = " ".join((result.stdout + result.stderr).split())
    assert MISSING_DECAP.format(folder=empty, admin="admin") in log
