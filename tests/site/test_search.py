"""Search (plugins/search) on built fixture sites: what Pagefind indexes, the search form on every
page, the search page without JavaScript, and a failed index stopping the build.

tests/fixtures/search has 17 published news, one page (Giới thiệu), a draft (“Kế hoạch tuyệt mật…”)
and a hidden news (“Thông báo nội bộ lịch họp kín”)."""

import gzip
import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURE_CONF, FIXTURES, ROOT, SEARCH, build, run_pelican, shared_build

SAFE_BUILD = ROOT / "tools" / "safe_build.py"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    return shared_build(tmp_path_factory, "search", SEARCH)


def indexed_urls(site, bundle="pagefind"):
    """The page URLs in Pagefind's index: each fragment is gzip'd `pagefind_dcd` + JSON."""
    urls = set()
    for fragment in (site.output / bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        urls.add(json.loads(data[len(b"pagefind_dcd"):])["url"].lstrip("/"))
    return urls


def published_news_urls(site):
    return {
        site.url_of(file) for file in site.html_files()
        if "page-article" in site.page(site.url_of(file)).body["class"] and not site.url_of(file).startswith("ban-nhap/")
        and "hop-kin" not in file.name
    }


def test_index_holds_exactly_the_published_news_and_pages_when_the_site_is_built(search_site):
    urls = indexed_urls(search_site)
    news = published_news_urls(search_site)
    assert len(news) == 17
    assert urls == news | {"gioi-thieu.html"}


def test_drafts_hidden_news_and_listings_are_not_indexed_when_built(search_site):
    urls = indexed_urls(search_site)
    assert search_site.exists("ban-nhap/ke-hoach-tuyet-mat-chua-duyet.html")
    assert not any(url.startswith("ban-nhap/") for url in urls)
    assert not any("hop-kin" in url for url in urls)
    for listing in ("", "chuyen-muc/", "luu-tru/", "2022/", "tac-gia/", "the/", "tim-kiem/"):
        assert listing not in urls
    assert not any(url.startswith(("tin-da-dang/", "chuyen-muc/", "trang/")) for url in urls)


def test_only_the_article_itself_is_marked_for_the_index_when_an_article_is_built(search_site):
    page = search_site.page("2024/06/doan-khoi-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he.html")
    bodies = page.select("[data-pagefind-body]")
    assert [body.name for body in bodies] == ["article"]
    article = bodies[0]
    assert article["data-pagefind-filter"] == "year:2024"
    assert article.select_one("[data-pagefind-filter=category]").get_text() == "Tin hoạt động"
    assert article.select_one("[data-pagefind-meta=date]").get_text() == "Chủ nhật, ngày 2/6/2024 - 07:30"
    assert article.select_one("h1[data-pagefind-meta=title]").get_text() == "Đoàn Khối ra quân chiến dịch thanh niên tình nguyện hè"
    # The menu, the older news and the date picker stay out of the index.
    assert page.select_one(".site-nav").has_attr("data-pagefind-ignore")
    assert not article.select(".site-nav, .older-news, .date-picker")
    assert page.select_one(".date-picker").has_attr("data-pagefind-ignore")


def test_indexed_text_has_no_menu_or_date_picker_when_read_from_the_index(search_site):
    for fragment in (search_site.output / "pagefind" / "fragment").glob("*.pf_fragment"):
        content = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["content"]
        assert "Xem tin theo ngày" not in content
        assert "Các tin đã đăng" not in content
        assert "Lưu trữ" not in content


def test_draft_and_hidden_pages_carry_no_index_mark_when_built(search_site):
    for url in ("ban-nhap/ke-hoach-tuyet-mat-chua-duyet.html", "2022/02/thong-bao-noi-bo-lich-hop-kin.html"):
        assert search_site.page(url).select("[data-pagefind-body]") == [], url


def test_every_page_has_the_search_form_when_built(search_site):
    files = search_site.html_files()
    assert len(files) > 30
    for file in files:
        url = search_site.url_of(file)
        form = search_site.page(url).select_one("header.site-header form.search-form")
        assert form is not None, url
        assert form["method"] == "get"
        assert search_site.resolve(url, form["action"]) == "tim-kiem/", url
        field = form.select_one("input[name=q]")
        label = form.select_one(f"label[for={field['id']}]")
        assert label.get_text() == "Tìm kiếm tin bài"


def test_404_page_offers_the_search_form_when_built(search_site):
    page = search_site.page("404.html")
    forms = page.select("main form.search-form")
    assert len(forms) == 1
    assert forms[0].select_one("input[name=q]")["id"] != page.select_one("header input[name=q]")["id"]


def test_search_page_says_search_needs_javascript_and_offers_archives_and_categories_when_built(search_site):
    page = search_site.page("tim-kiem/")
    assert "page-search" in page.body["class"]
    notice = page.select_one(".search-noscript")
    assert "Tìm kiếm cần JavaScript" in notice.get_text()
    links = {search_site.resolve("tim-kiem/", a["href"]) for a in notice.select("a")}
    assert "luu-tru/" in links
    assert {"chuyen-muc/tin-hoat-dong/", "chuyen-muc/thanh-nien-tinh-nguyen/"} <= links
    assert page.select_one(".search-page-form").has_attr("hidden")
    assert page.select_one("[aria-live=polite]") is not None


def test_pagefind_files_are_published_without_its_ready_made_interface_when_built(search_site):
    bundle = search_site.output / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list(bundle.glob("*.pf_meta")) and list(bundle.glob("index/*.pf_index"))
    assert not list(bundle.glob("pagefind-*ui*"))


def test_rebuild_leaves_no_stale_index_chunks_when_content_changed(tmp_path):
    output = tmp_path / "out"
    stale = output / "pagefind" / "fragment" / "vi_stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    build(FIXTURES / "search", output, SEARCH)
    assert not stale.exists()


def fake_pagefind(tmp_path, script):
    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    binary.chmod(0o755)
    return dict(os.environ, PAGEFIND_BINARY_PATH=str(binary), COLUMNS="250")


def test_failed_index_stops_the_build_with_a_clear_message_when_pagefind_fails(tmp_path):
    env = fake_pagefind(tmp_path, 'echo "Error: disk full" >&2; exit 3')
    result = run_pelican(FIXTURES / "search", tmp_path / "out", SEARCH, env=env)
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "search: Pagefind could not index" in log
    assert "exit 3" in log and "Error: disk full" in log
    assert "Traceback" not in log


def test_failed_index_leaves_output_untouched_when_built_through_safe_build(tmp_path):
    output = tmp_path / "output"
    ok = subprocess.run([sys.executable, str(SAFE_BUILD), str(FIXTURES / "search"), str(output), "-s", str(FIXTURE_CONF), "--", "-e", "SEARCH_ENABLED=true"],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    before = {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    env = fake_pagefind(tmp_path, "exit 1")
    failed = subprocess.run([sys.executable, str(SAFE_BUILD), str(FIXTURES / "search"), str(output), "-s", str(FIXTURE_CONF), "--", "-e", "SEARCH_ENABLED=true"],
                            capture_output=True, text=True, cwd=ROOT, env=env)
    assert failed.returncode != 0
    assert "giữ nguyên như trước." in failed.stderr
    after = {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "pagefind") == ["output"]


def test_missing_pagefind_stops_the_build_and_says_how_to_install_it_when_the_binary_is_absent(tmp_path):
    env = dict(os.environ, PAGEFIND_BINARY_PATH=str(tmp_path / "nowhere" / "pagefind"))
    result = run_pelican(FIXTURES / "search", tmp_path / "out", SEARCH, env=env)
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Pagefind is not installed" in log and "make install" in log
    assert "Traceback" not in log


def test_search_can_be_switched_off_when_setting_is_false(tmp_path):
    site = build(FIXTURES / "search", tmp_path / "out", {"SEARCH_ENABLED": False})
    assert not (site.output / "pagefind").exists()


def test_preview_rebuild_reindexes_in_the_background_when_the_same_pelican_runs_again(tmp_path):
    """`pelican -r` runs the same Pelican object again on every change: the first run indexes in the
    foreground, the next ones in a background thread."""
    from types import SimpleNamespace  # noqa: PLC0415

    from trangtin.search import plugin  # noqa: PLC0415

    site = build(FIXTURES / "search", tmp_path / "out", {"SEARCH_ENABLED": False})
    pelican = SimpleNamespace(settings={"DEFAULT_LANG": "vi"}, output_path=str(site.output))
    assert plugin.index_site(pelican) is None
    assert len(indexed_urls(site)) == 18
    page = site.output / "2021" / "11" / "dau-tu-cong-nghe-so-cho-thanh-nien-nong-thon.html"
    page.unlink()
    plugin.index_site(pelican)
    worker = getattr(pelican, plugin._STATE)["thread"]
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert len(indexed_urls(site)) == 18  # the old chunks stay for the served preview ...
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 17  # ... but the new index knows one page less


def test_search_page_lists_categories_and_years_with_their_counts_when_built(search_site):
    page = search_site.page("tim-kiem/")
    years = [option.get_text() for option in page.select("#tim-kiem-nam option")]
    assert years == ["Tất cả các năm", "2024 (1)", "2023 (2)", "2022 (2)", "2021 (1)", "2020 (11)"]
    categories = {option["value"]: option.get_text() for option in page.select("#tim-kiem-chuyen-muc option")}
    assert categories[""] == "Tất cả chuyên mục"
    assert categories["Thanh niên tình nguyện"] == "Thanh niên tình nguyện (12)"
    assert categories["Tuổi trẻ sáng tạo"] == "Tuổi trẻ sáng tạo (2)"
    assert sum(int(text.rsplit("(", 1)[1].rstrip(")")) for value, text in categories.items() if value) == 17


@pytest.fixture(scope="module")
def recent_site(tmp_path_factory):
    return shared_build(tmp_path_factory, "search", {**SEARCH, "SEARCH_RECENT_NEWS": 3})


def test_recent_index_holds_only_the_newest_published_news_when_the_site_has_more_news(recent_site):
    newest = {
        "2024/06/doan-khoi-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he.html",
        "2023/09/doanh-nghiep-tre-khoi-nghiep-tu-nong-san-dia-phuong.html",
        "2023/03/gap-go-ong-doan-van-hung-nguoi-thay-cua-thanh-nien-vung-cao.html",
    }
    assert all(recent_site.exists(url) for url in newest)
    assert indexed_urls(recent_site, "pagefind/moi") == newest
    # The complete index is the same as without the recent one.
    assert indexed_urls(recent_site) == published_news_urls(recent_site) | {"gioi-thieu.html"}
    entry = json.loads((recent_site.output / "pagefind" / "moi" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 3
    assert not (recent_site.output / "pagefind" / "moi" / "pagefind-ui.js").exists()
    app = recent_site.page("tim-kiem/").select_one(".search-app")
    assert app["data-pagefind"].endswith("/pagefind/pagefind.js")
    assert app["data-pagefind-recent"].endswith("/pagefind/moi/pagefind.js")
    assert app["data-recent-news"] == "3"


def test_no_recent_index_when_the_site_has_no_more_news_than_the_recent_setting(search_site):
    assert not (search_site.output / "pagefind" / "moi").exists()
    app = search_site.page("tim-kiem/").select_one(".search-app")
    assert not app.has_attr("data-pagefind-recent")


def test_search_page_is_one_canonical_address_whatever_the_query_when_built(search_site):
    page = search_site.page("tim-kiem/")
    assert page.find("link", rel="canonical")["href"] == "http://localhost:8000/tim-kiem/"
    assert page.find("meta", attrs={"name": "robots"}) is None


def indexed_texts(site, bundle="pagefind"):
    """URL -> the text Pagefind indexed for it (what excerpts are cut from)."""
    texts = {}
    for fragment in (site.output / bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
        texts[data["url"].lstrip("/")] = data["content"]
    return texts


@pytest.fixture(scope="module")
def own_words_site(tmp_path_factory):
    """tests/fixtures/search_own_words: five news without `Author` (so each shows the site's AUTHOR,
    the fixture organisation's, as its signature), one with a figure caption, one tagged “Đoàn Khối”."""
    return shared_build(tmp_path_factory, "search_own_words", SEARCH)


def test_only_title_summary_body_and_captions_are_indexed_when_news_have_no_author(own_words_site):
    texts = indexed_texts(own_words_site)
    url = "2024/03/le-ra-quan-thang-thanh-nien-cua-doan-khoi.html"
    page = own_words_site.page(url)
    # The page shows the default signature and the tags, but they are not the article's words.
    assert page.select_one(".article-signature").get_text() == "Ban Chấp hành Đoàn trường THPT Lê Quý Đôn"
    assert page.select_one(".article-tags a").get_text() == "Tháng Thanh niên"
    assert texts[url] == ("Lễ ra quân Tháng Thanh niên của Đoàn Khối. Đoàn Khối phát động Tháng Thanh niên năm 2024. "
                          "Sáng 2/3, các chi đoàn cơ sở tham gia lễ ra quân tại nhà văn hóa tỉnh. "
                          "Đoàn viên dọn vệ sinh bờ suối Khuôn Thẳm")
    assert len(texts) == 5
    for other, text in texts.items():
        assert "Ban Chấp hành" not in text and "Lê Quý Đôn" not in text, other  # the signature


def test_d_words_file_lists_exactly_the_d_and_đ_words_of_the_indexed_text_when_built(own_words_site, search_site):
    from trangtin.search.indexing import d_words  # noqa: PLC0415

    for site in (own_words_site, search_site):
        written = json.loads((site.output / "pagefind" / "d-words.json").read_text(encoding="utf-8"))
        assert written == sorted(d_words(indexed_texts(site).values()))
    assert json.loads((own_words_site.output / "pagefind" / "d-words.json").read_text(encoding="utf-8")) == [
        "dai", "dan", "dich", "dien", "do", "don", "dung",
        "đa", "đao", "đau", "đeu", "đi", "đien", "đinh", "đoan", "đoi", "đong", "đuoc"]
