"""`make import` end to end: import the WordPress export and the saved legacy pages of
tests/fixtures/import_sources into a copy of the basic fixture, compare the files with
tests/fixtures/import_expected, run the content checks, build the site and read it."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, BuildFailed, build

SOURCES = FIXTURES / "import_sources"
EXPECTED = FIXTURES / "import_expected"
CONFIG = SOURCES / "config.json"
WXR = SOURCES / "wordpress" / "export.xml"
UPLOADS = SOURCES / "wordpress" / "uploads"
LEGACY = SOURCES / "legacy"


def run_import(source, content, report, *extra):
    command = [sys.executable, str(ROOT / "tools" / "import_news.py"), str(source), "--content", str(content),
               "--config", str(CONFIG), "--report", str(report), *extra]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def import_both(content, reports):
    first = run_import(WXR, content, reports / "wp.md", "--uploads", str(UPLOADS))
    second = run_import(LEGACY, content, reports / "legacy.md")
    assert first.returncode == 0, first.stdout + first.stderr
    assert second.returncode == 0, second.stdout + second.stderr
    return (reports / "wp.md").read_text(encoding="utf-8"), (reports / "legacy.md").read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("import")
    content = root / "content"
    shutil.copytree(FIXTURES / "basic", content)
    wp_report, legacy_report = import_both(content, root)
    return content, wp_report, legacy_report, root


@pytest.fixture(scope="module")
def site(imported):
    content, *_ = imported
    # The export's scheduled post (2099) is a deliberate warning, so warnings are read, not fatal.
    built = build(content, imported[3] / "output", fatal="errors")
    return built


def imported_files(content):
    return sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md") if "Legacy-URL:" in p.read_text(encoding="utf-8"))


def test_imported_files_match_the_expected_markdown(imported):
    content = imported[0]
    expected = sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md"))
    assert imported_files(content) == expected
    for name in expected:
        assert (content / name).read_text(encoding="utf-8") == (EXPECTED / name).read_text(encoding="utf-8"), name


def test_media_are_copied_with_the_original_of_a_resized_variant(imported):
    content = imported[0]
    assert (content / "images/2022/hien-mau.png").read_bytes() == (UPLOADS / "2022/06/hien-mau.png").read_bytes()
    assert not list(content.rglob("*1024x768*"))
    assert (content / "tai-lieu/2022/ke-hoach.pdf").read_bytes().startswith(b"%PDF")
    assert (content / "images/2022/ngoi-nha.png").is_file()


def test_imported_content_passes_the_checks_with_no_error(imported):
    result = subprocess.run([sys.executable, "-m", "trangtin.content_checks", str(imported[0]), "-s", str(ROOT / "pelicanconf.py")],
                            capture_output=True, text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout
    assert "0 lỗi" in result.stdout
    warnings = [line for line in result.stdout.splitlines() if "cảnh báo:" in line]
    # The one warning left (the scheduled post) is also in the report.
    assert len(warnings) == 1 and "thong-bao-he.md" in warnings[0]
    assert "kiểm tra nội dung: dòng 2: ngày đăng 2099-06-01 08:00 ở tương lai" in imported[1]


def test_report_lists_what_needs_a_person(imported):
    _content, wp, legacy, _root = imported
    assert "Bài không có ngày" in wp and "**không có ngày đăng**" in wp
    assert "**không có tiêu đề**" in wp
    assert wp.count("**bản nháp trong kho**") == 3  # pending, password, untitled
    assert "`[contact-form-7 id=\"5\"]`" in wp
    assert "mat-anh.png" in wp and "**thiếu ảnh/tệp**" in wp
    assert "**tệp XML" not in wp
    assert "đã chuyển bảng mã TCVN3 sang Unicode" in legacy
    assert "chú thích ảnh được đoán: «Lễ bàn giao Ngôi nhà 26/3»" in legacy
    assert "tiêu đề viết hoa toàn bộ" in legacy
    assert "Thứ hai, ngày 31/2/2022 - 10:00" in legacy


def test_category_totals_are_compared_with_the_portal(imported):
    legacy = imported[2]
    # The portal's listing says 3 news in "Tin hoạt động"; this import brought 2 of them.
    assert "| Tin hoạt động | 2 | 3 | **lệch** |" in legacy


def test_importing_again_changes_nothing(imported, tmp_path):
    content = imported[0]
    before = snapshot(content)
    wp_again, legacy_again = import_both(content, tmp_path)
    assert snapshot(content) == before
    assert "Bài đã nhập: 0" in wp_again and "Đã có từ lần nhập trước: 7" in wp_again
    assert "Đã có từ lần nhập trước: 3" in legacy_again


def test_a_new_item_whose_name_is_taken_gets_a_distinct_name(tmp_path):
    content = tmp_path / "content"
    (content / "2022").mkdir(parents=True)
    mine = "Title: Bài của tôi\nDate: 2022-01-01 08:00\nCategory: Tin hoạt động\n\nNội dung của tôi.\n"
    (content / "2022" / "ngay-hoi-hien-mau.md").write_text(mine, encoding="utf-8")
    result = run_import(WXR, content, tmp_path / "r.md", "--uploads", str(UPLOADS))
    assert result.returncode == 0, result.stderr
    assert (content / "2022" / "ngay-hoi-hien-mau.md").read_text(encoding="utf-8") == mine
    renamed = (content / "2022" / "ngay-hoi-hien-mau-2.md").read_text(encoding="utf-8")
    assert "Slug: ngay-hoi-hien-mau-2" in renamed and "Legacy-URL: https://tuoitre.example.vn/2022/06/19/ngay-hoi-hien-mau/" in renamed
    assert "tên trùng với bài đã có — đặt tên khác: `2022/ngay-hoi-hien-mau-2.md`" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_a_truncated_export_imports_what_it_can_and_says_where_it_broke(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(SOURCES / "wordpress" / "truncated.xml", content, tmp_path / "r.md", "--uploads", str(UPLOADS))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "**tệp XML hỏng hoặc bị cắt**: truncated.xml:" in report
    assert (content / "2022" / "ngay-hoi-hien-mau.md").is_file() and (content / "2022" / "ra-quan-tinh-nguyen.md").is_file()


def test_imported_article_shows_figures_views_and_author(site):
    page = site.page("2022/06/hoi-nghi-so-ket-6-thang-dau-nam-2021.html")
    figure = page.select_one("article figure")
    # The imported photo is shown through its derivatives (plugins/photos), never the original.
    assert "/photos/hoi-nghi-" in figure.img["src"] and site.exists(site.resolve("2022/06/x.html", figure.img["src"]))
    assert figure.figcaption.get_text(strip=True) == "Hội nghị sơ kết 6 tháng đầu năm 2021"
    assert page.select_one("article time")["datetime"] == "2022-06-19T22:02:00+07:00"
    assert page.select_one(".article-views").get_text(strip=True) == "Đã xem: 152"
    assert page.select_one(".article-signature").get_text(strip=True) == "ĐTN"
    body = page.select_one(".article-body")
    assert "ĐTN" not in body.get_text(" ")  # the signature left the body for Author:
    assert "CÁC TIN ĐÃ ĐĂNG" not in body.get_text(" ") and "Tổng số" not in body.get_text(" ")
    assert "mso" not in str(body) and "o:p" not in str(body)
    # "tỉnh&nbsp;&nbsp;&nbsp;tổ chức hội nghị\u200b sơ kết": the run is one space, the zero-width space gone.
    assert "doanh nghiệp tỉnh tổ chức hội nghị sơ kết 6 tháng" in body.get_text(" ")
    link = [a for a in body.find_all("a") if "Ngôi nhà 26/3" in a.get_text()][0]
    assert site.exists(site.resolve("2022/06/hoi-nghi-so-ket-6-thang-dau-nam-2021.html", link["href"]))


def test_photo_in_a_table_cell_becomes_a_figure(site):
    page = site.page("2022/03/cong-trinh-thanh-nien-ngoi-nha-263.html")
    figure = page.select_one("article figure")
    assert figure.figcaption.get_text(strip=True) == "Lễ bàn giao Ngôi nhà 26/3"
    assert page.select_one("article table") is None


def test_tcvn3_page_reads_as_unicode(site):
    page = site.page("2021/12/tuoi-tre-sang-tao-nam-2021.html")
    assert page.select_one("h1").get_text(strip=True) == "TUỔI TRẺ SÁNG TẠO NĂM 2021"
    assert "Ban Giám khảo trao 3 giải nhất" in page.get_text(" ")


def test_drafts_are_not_published(site):
    assert not site.exists("2022/07/bai-mat-khau.html")
    assert not site.exists("2022/07/ke-hoach-chua-duyet.html")
    assert not site.exists("2099/06/thong-bao-he.html")


def redirect_target(site, old_file):
    page = site.page(old_file)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    return page, refresh.split("url=", 1)[1]


def test_old_paths_get_redirect_pages_to_the_new_article(site):
    page, target = redirect_target(site, "2022/06/19/ngay-hoi-hien-mau/index.html")
    assert site.exists(site.resolve("2022/06/19/ngay-hoi-hien-mau/index.html", target))
    assert site.resolve("2022/06/19/ngay-hoi-hien-mau/index.html", target) == "2022/06/ngay-hoi-hien-mau.html"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical")["href"].endswith("/2022/06/ngay-hoi-hien-mau.html")
    assert page.find("a")["href"] == target
    assert page.find(attrs={"data-pagefind-body": True}) is None
    assert page.find("html")["lang"] == "vi"


def test_redirect_pages_are_not_in_the_sitemap(site):
    sitemap = site.text("sitemap.xml")
    assert "2022/06/ngay-hoi-hien-mau.html" in sitemap
    assert "2022/06/19/ngay-hoi-hien-mau" not in sitemap and "gioi-thieu-doan-khoi/" not in sitemap


def test_query_string_addresses_get_server_rules(site):
    htaccess = site.text(".htaccess")
    assert "RewriteCond %{QUERY_STRING} ^NewsID=101$ [NC]" in htaccess
    assert 'RewriteRule ^News/Detail\\.aspx$ "/2022/06/hoi-nghi-so-ket-6-thang-dau-nam-2021.html" [R=301,L,NC,QSD]' in htaccess
    nginx = site.text("chuyen-huong.nginx.conf")
    assert '"/News/Detail.aspx?NewsID=101" "/2022/06/hoi-nghi-so-ket-6-thang-dau-nam-2021.html";' in nginx
    assert nginx.strip().startswith("#") and "map $request_uri $legacy_redirect {" in nginx
    config = ET.fromstring(site.text("web.config"))
    entries = {add.get("key"): add.get("value") for add in config.iter("add") if add.get("key")}
    assert entries["/News/Detail.aspx?NewsID=103"] == "/2021/12/tuoi-tre-sang-tao-nam-2021.html"
    assert entries["/?p=101"] == "/2022/06/ngay-hoi-hien-mau.html"
    assert "/?p=103" not in entries  # a draft: no redirect until it is published


def test_404_page_carries_the_lookup_table(site):
    page = site.page("404.html")
    table = json.loads(page.find("script", id="redirect-lookup").string)
    assert table["/news/detail.aspx?newsid=102"] == "/2022/03/cong-trinh-thanh-nien-ngoi-nha-263.html"
    assert "/2022/06/19/ngay-hoi-hien-mau/" not in table


def test_redirect_colliding_with_a_real_page_stops_the_build(imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported[0], content)
    data = json.loads((content / "chuyen-huong.json").read_text(encoding="utf-8"))
    data["redirects"].append({"from": "/2022/06/ngay-hoi-hien-mau.html", "to": "2022/ra-quan-tinh-nguyen.md"})
    (content / "chuyen-huong.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build(content, tmp_path / "output", fatal="errors")
    assert "chuyen-huong.json" in str(failure.value) and "2022/ngay-hoi-hien-mau.md" in str(failure.value)
    assert "Traceback" not in str(failure.value)


def test_redirect_to_a_missing_file_stops_the_build(imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported[0], content)
    (content / "2022" / "ra-quan-tinh-nguyen.md").unlink()
    (content / "2022" / "ngay-hoi-hien-mau.md").write_text(
        (content / "2022" / "ngay-hoi-hien-mau.md").read_text(encoding="utf-8").replace("[bài ra quân]({filename}/2022/ra-quan-tinh-nguyen.md)", "bài ra quân"),
        encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build(content, tmp_path / "output", fatal="errors")
    assert "2022/ra-quan-tinh-nguyen.md" in str(failure.value) and "Traceback" not in str(failure.value)


def test_a_page_with_a_date_but_no_body_is_skipped_and_reported(tmp_path):
    source = tmp_path / "mirror" / "host.vn"
    source.mkdir(parents=True)
    (source / "a.html").write_text("<html><body><h1>Chỉ có tiêu đề</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p></body></html>", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(tmp_path / "mirror", content, tmp_path / "r.md")
    assert result.returncode == 1, result.stderr  # nothing could be imported
    assert not list(content.rglob("*.md"))
    assert "### Chỉ có tiêu đề" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "**không có nội dung**" in (tmp_path / "r.md").read_text(encoding="utf-8")


HOSTILE_WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:base_site_url>https://cu.example.vn</wp:base_site_url>
<item><title><![CDATA[<script>alert(1)</script>Tin "nóng"
 <img src=x onerror=alert(2)>]]></title><link>https://cu.example.vn/tin-nong/</link>
<content:encoded><![CDATA[<p onclick="alert(3)">Nội dung <a href="javascript:alert(4)">xấu</a> và
<a href="https://cu.example.vn/bai-chua-nhap/">bài cũ chưa nhập</a>.</p><script>alert(5)</script><iframe src="https://evil.example"></iframe>]]></content:encoded>
<excerpt:encoded><![CDATA[Tóm tắt </title><script>alert(6)</script>]]></excerpt:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2022-06-01 01:00:00</wp:post_date_gmt><wp:post_name>tin-nong</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="x"><![CDATA[Tin hoạt động]]></category>
<category domain="post_tag" nicename="y"><![CDATA[thẻ, có phẩy <b>]]></category>
</item></channel></rss>
"""


def test_hostile_export_imports_as_plain_safe_text(tmp_path):
    export = tmp_path / "hostile.xml"
    export.write_text(HOSTILE_WXR, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(export, content, tmp_path / "r.md")
    assert result.returncode == 0, result.stdout + result.stderr
    text = (content / "2022" / "tin-nong.md").read_text(encoding="utf-8")
    assert text.splitlines()[0] == 'Title: alert(1)Tin "nóng"'
    assert "Tags: thẻ - có phẩy\n" in text and "Summary: Tóm tắt alert(6)\n" in text
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "liên kết tới trang cũ chưa nhập: `https://cu.example.vn/bai-chua-nhap/`" in report
    site = build(content, tmp_path / "output")
    page = site.page("2022/06/tin-nong.html")
    runnable = [tag for tag in page.find_all("script") if tag.get("type") in (None, "text/javascript", "module")]
    assert not [tag for tag in runnable if "alert" in (tag.string or "") or "alert" in tag.get("src", "")]
    assert "<script>alert" not in site.text("2022/06/tin-nong.html")
    assert page.find("iframe") is None and page.find(attrs={"onclick": True}) is None and page.find(attrs={"onerror": True}) is None
    assert all(not a.get("href", "").startswith("javascript") for a in page.find_all("a"))
    assert page.select_one("h1").get_text(strip=True) == 'alert(1)Tin "nóng"'


def test_the_same_old_page_saved_twice_is_imported_once(tmp_path):
    source = tmp_path / "saved"
    source.mkdir()
    page = (LEGACY / "saved" / "Detail.html").read_bytes()
    (source / "a.html").write_bytes(page)
    (source / "b.html").write_bytes(page)
    content = tmp_path / "content"
    content.mkdir()
    result = run_import(source, content, tmp_path / "r.md")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in content.rglob("*.md")] == ["cong-trinh-thanh-nien-ngoi-nha-263.md"]
    assert "cùng địa chỉ cũ (http://doankhoi.tuyenquang.gov.vn/News/Detail.aspx?NewsID=102) với một trang khác trong nguồn" in (tmp_path / "r.md").read_text(encoding="utf-8")


# --- issue 23: WordPress's theme unit test export, the exit code, where the report goes -------------

THEME_UNIT_TEST = SOURCES / "wordpress" / "theme-unit-test.xml"


def import_from(source, content, cwd, *extra):
    """The import as an editor runs it: no --report, from a folder that is not the site's."""
    command = [sys.executable, str(ROOT / "tools" / "import_news.py"), str(source), "--content", str(content), *extra]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def theme_unit_test(tmp_path_factory):
    root = tmp_path_factory.mktemp("theme-unit-test")
    site = root / "trang"
    shutil.copytree(FIXTURES / "basic", site / "content")
    elsewhere = root / "noi-khac"
    elsewhere.mkdir()
    result = import_from(THEME_UNIT_TEST, site / "content", elsewhere)
    return site, elsewhere, result


def test_theme_unit_test_export_imports_with_exit_0_though_the_report_has_things_to_check(theme_unit_test):
    site, _elsewhere, result = theme_unit_test
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"Đã nhập 11 bài (3 bản nháp), 0 đã có, bỏ qua 1. Báo cáo: {site / 'bao-cao-nhap-tin.md'}\n"
    assert result.stderr == ""
    report = (site / "bao-cao-nhap-tin.md").read_text(encoding="utf-8")
    assert "**không có nội dung**" in report and "**thiếu ảnh/tệp**" in report


def test_wordpress_uncategorized_becomes_the_default_category_not_a_new_one(theme_unit_test):
    site, _elsewhere, _result = theme_unit_test
    sticky = next((site / "content").rglob("template-sticky.md")).read_text(encoding="utf-8")
    assert "Category: Tin hoạt động\n" in sticky and "Uncategorized" not in sticky
    assert "Uncategorized" not in (site / "bao-cao-nhap-tin.md").read_text(encoding="utf-8")


def test_a_post_with_no_category_gets_the_default_category_and_a_report_line(theme_unit_test):
    site, _elsewhere, _result = theme_unit_test
    text = (site / "content" / "2009" / "edge-case-no-category.md").read_text(encoding="utf-8")
    assert text.split("\n\n")[0].split("\n")[:4] == [
        "Title: Edge Case: No Category", "Date: 2009-10-06 01:00", "Category: Tin hoạt động", "Tags: edge case"]
    report = (site / "bao-cao-nhap-tin.md").read_text(encoding="utf-8")
    part = report.split("### Edge Case: No Category\n", 1)[1].split("###", 1)[0]
    assert part.strip().split("\n")[-1] == "- chưa chọn chuyên mục: dùng chuyên mục mặc định «Tin hoạt động» — đổi dòng `Category:` nếu cần"
    assert "không có chuyên mục" not in report


def test_the_report_goes_beside_the_content_folder_not_into_the_current_folder(theme_unit_test):
    site, elsewhere, _result = theme_unit_test
    assert list(elsewhere.iterdir()) == []
    assert (site / "bao-cao-nhap-tin.md").is_file() and not (site / "content" / "bao-cao-nhap-tin.md").exists()


def test_the_default_category_is_the_news_default_category_setting(tmp_path):
    settings = tmp_path / "conf.py"
    settings.write_text(f"from pelicanconf import *  # noqa\nNEWS_DEFAULT_CATEGORY = 'Công tác Đoàn'\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "import_news.py"), str(THEME_UNIT_TEST), "--content",
                             str(tmp_path / "content"), "-s", str(settings), "--report", str(tmp_path / "r.md"), "--no-check"],
                            capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert "Category: Công tác Đoàn\n" in (tmp_path / "content" / "2009" / "edge-case-no-category.md").read_text(encoding="utf-8")
    assert "dùng chuyên mục mặc định «Công tác Đoàn»" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_the_article_with_its_default_category_is_built(theme_unit_test, tmp_path):
    site, *_ = theme_unit_test
    built = build(site / "content", tmp_path / "output", fatal="errors")
    page = built.page("2009/10/edge-case-no-category.html")
    assert "This post has no category at all" in page.select_one(".article-body").get_text(" ")
    assert [a.get_text(strip=True) for a in page.select("nav.breadcrumb a")][-1] == "Tin hoạt động"


def test_a_named_report_path_is_used_and_named(tmp_path):
    (tmp_path / "content").mkdir()
    result = import_from(THEME_UNIT_TEST, tmp_path / "content", tmp_path, "--report", str(tmp_path / "bao-cao" / "lan-1.md"), "--no-check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"Báo cáo: {tmp_path / 'bao-cao' / 'lan-1.md'}\n")
    assert (tmp_path / "bao-cao" / "lan-1.md").read_text(encoding="utf-8").startswith("# Báo cáo nhập tin cũ")
    assert not (tmp_path / "bao-cao-nhap-tin.md").exists()


def test_importing_the_same_export_again_exits_0(theme_unit_test, tmp_path):
    site, *_ = theme_unit_test
    content = tmp_path / "content"
    shutil.copytree(site / "content", content)
    again = import_from(THEME_UNIT_TEST, content, tmp_path, "--no-check")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Đã nhập 0 bài (0 bản nháp), 11 đã có, bỏ qua 1.")


def test_a_source_that_cannot_be_read_exits_1_with_the_reason(tmp_path):
    (tmp_path / "content").mkdir()
    broken = tmp_path / "export.xml"
    broken.write_text("đây không phải XML", encoding="utf-8")
    result = import_from(broken, tmp_path / "content", tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.split("\n") == [
        f"{broken}: không nhập được bài nào (xem báo cáo {tmp_path / 'bao-cao-nhap-tin.md'}).",
        "- tệp XML hỏng hoặc bị cắt: export.xml:1: syntax error: line 1, column 0 — các mục sau chỗ hỏng không đọc được",
        "",
    ]
    assert list((tmp_path / "content").iterdir()) == []


def test_a_folder_with_no_article_exits_1_naming_each_page(tmp_path):
    (tmp_path / "content").mkdir()
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "lien-he.html").write_text("<html><body><p>Địa chỉ: Tuyên Quang</p></body></html>", encoding="utf-8")
    (mirror / "bai.html").write_text("<html><body><h1>Chỉ có tiêu đề</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p></body></html>",
                                     encoding="utf-8")
    result = import_from(mirror, tmp_path / "content", tmp_path)
    assert result.returncode == 1
    assert result.stderr.split("\n") == [
        f"{mirror}: không nhập được bài nào (xem báo cáo {tmp_path / 'bao-cao-nhap-tin.md'}).",
        "- không phải trang bài viết, bỏ qua: `lien-he.html` (không thấy dòng ngày đăng (Thứ ..., ngày d/M/yyyy - HH:MM))",
        "- «Chỉ có tiêu đề» (bai.html): không có nội dung (hoặc không tìm thấy thân bài) — chưa nhập; nếu trang cũ có nội dung, "
        "đặt bộ chọn `body` trong tệp cài đặt",
        "",
    ]


# --- issue 23: saved pages of four kinds of portal, imported and built ------------------------------

PORTALS = FIXTURES / "legacy_portals"
PORTAL_ARTICLES = {
    "2016/05/tuoi-tre-khoi-ra-quan-huong-ung-thang-thanh-nien-2016.html": ("Tin hoạt động", "Thu Hà"),
    "2019/10/hoi-thi-y-tuong-sang-tao-nam-2019-45-y-tuong-vao-vong-chung-ket.html": ("Tuổi trẻ sáng tạo", "Minh Tuấn"),
    "2007/04/giai-bong-da-thanh-nien-khoi-doanh-nghiep-lan-thu-v.html": ("Tin hoạt động", "P.V"),
    "2022/07/doan-khoi-to-chuc-hoi-nghi-ban-chap-hanh-mo-rong.html": ("Công tác Đoàn", "ĐTN"),
}


@pytest.fixture(scope="module")
def portals(tmp_path_factory):
    root = tmp_path_factory.mktemp("portals")
    shutil.copytree(FIXTURES / "basic", root / "content")
    result = import_from(PORTALS, root / "content", root)
    assert result.returncode == 0, result.stdout + result.stderr
    built = build(root / "content", root / "output", fatal="errors")
    return root, result, built


def test_portal_pages_are_imported_with_their_photos_and_nothing_to_fetch(portals):
    root, result, _built = portals
    assert result.stdout.startswith("Đã nhập 4 bài (0 bản nháp), 0 đã có, bỏ qua 0.")
    report = (root / "bao-cao-nhap-tin.md").read_text(encoding="utf-8")
    # No icon of a tool was looked for: every photo of the report is an article's.
    assert "thiếu ảnh" not in report and "icon" not in report
    assert len(list((root / "content" / "images").rglob("*.jpg"))) == 4
    assert report.count("chưa chọn chuyên mục: dùng chuyên mục mặc định «Tin hoạt động»") == 2  # the pages without a breadcrumb


@pytest.mark.parametrize("address", sorted(PORTAL_ARTICLES))
def test_a_built_portal_article_shows_only_the_article(portals, address):
    _root, _result, built = portals
    page = built.page(address)
    category, signature = PORTAL_ARTICLES[address]
    assert [a.get_text(strip=True) for a in page.select("nav.breadcrumb a")][-1] == category
    assert page.select_one(".article-signature").get_text(strip=True) == signature
    body = page.select_one(".article-body")
    text = body.get_text(" ")
    for word in ("In bài", "Gửi email", "Về trang trước", "Quay lại", "Chia sẻ", "Facebook", "Zalo", "Twitter", "Lên đầu trang",
                 "Tin liên quan", "CÁC TIN ĐÃ ĐĂNG", "Bản quyền", "Trang chủ"):
        assert word not in text, word
    assert all("sharer" not in a["href"] and not a["href"].startswith(("javascript", "mailto")) for a in body.find_all("a"))
    assert len(body.find_all("figure")) == 1 and body.figure.figcaption.get_text(strip=True)
