"""Old addresses in headless Chromium: an imported site (tests/fixtures/import_sources imported into
a copy of tests/fixtures/basic) served from 127.0.0.1 by a server that answers missing files with
404.html, as a static host does."""

import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, NotFoundPageHandler, build, serve

SOURCES = FIXTURES / "import_sources"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("redirects")
    content = root / "content"
    shutil.copytree(FIXTURES / "basic", content)
    for source, extra in ((SOURCES / "wordpress" / "export.xml", ["--uploads", str(SOURCES / "wordpress" / "uploads")]),
                          (SOURCES / "legacy", [])):
        subprocess.run([sys.executable, str(ROOT / "tools" / "import_news.py"), str(source), "--content", str(content),
                        "--config", str(SOURCES / "config.json"), "--report", str(root / "report.md"), *extra],
                       check=True, capture_output=True, cwd=ROOT)
    site = build(content, root / "output", fatal="errors")
    with serve(site.output, NotFoundPageHandler) as base:
        yield base


def test_old_wordpress_permalink_lands_on_the_new_article(page, base_url):
    page.goto(base_url + "2022/06/19/ngay-hoi-hien-mau/")
    page.wait_for_url("**/2022/06/ngay-hoi-hien-mau.html")
    assert page.locator("h1").text_content().strip() == "Ngày hội hiến máu & tình nguyện"


def test_old_query_string_address_is_sent_on_by_the_404_page(page, base_url):
    page.goto(base_url + "News/Detail.aspx?NewsID=102")
    page.wait_for_url("**/2022/03/cong-trinh-thanh-nien-ngoi-nha-263.html")
    assert page.locator("h1").text_content().strip() == "Công trình thanh niên “Ngôi nhà 26/3”"


def test_unknown_address_stays_on_the_404_page(page, base_url):
    response = page.goto(base_url + "News/Detail.aspx?NewsID=999")
    assert response.status == 404
    page.wait_for_timeout(300)
    assert page.url.endswith("NewsID=999")
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert page.locator(".redirect-lookup").is_hidden()
