"""`make publish`: publishconf.py with the public SITEURL from the environment, as CI runs it; drafts
never leave the machine (tests/fixtures/drafts: a draft news, one with its own `Save_as:`, a news dated
2099 and a draft page)."""

import gzip
import os
import subprocess

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_CONF, FIXTURE_PUBLISHCONF, FIXTURES, PUBLIC_SITEURL, ROOT, build, run_pelican

# A GitHub Pages project site lives below a path: every link must keep it.
PUBLIC = PUBLIC_SITEURL + "/tin-tuc"
ARTICLE = "2021/01/hoi-nghi-tong-ket-cong-tac-doan-nam-2020.html"


def publish(tmp_path, siteurl):
    env = dict(os.environ, SITEURL=siteurl)
    env.pop("CANONICAL_URL", None)
    return build(FIXTURES / "basic", tmp_path / "out", conf=FIXTURE_PUBLISHCONF, env=env)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return publish(tmp_path_factory.mktemp("publish"), PUBLIC + "/")


def test_links_are_absolute_under_siteurl_when_published(published):
    for file in published.html_files():
        page = published.page(published.url_of(file))
        for tag in page.select("head link[href], body [href], body [src]"):
            value = tag.get("href") or tag.get("src")
            if value.startswith(("#", "mailto:", "https://www.facebook.com/", "https://twitter.com/")):
                continue
            assert value.startswith(PUBLIC + "/"), f"{published.url_of(file)}: {value}"
            assert published.exists(value[len(PUBLIC) + 1:]), f"{published.url_of(file)}: {value}"


def test_canonical_feeds_and_sitemap_use_siteurl_when_published(published):
    page = published.page(ARTICLE)
    assert page.select_one("link[rel=canonical]")["href"] == f"{PUBLIC}/{ARTICLE}"
    feed = feedparser.parse(published.text("feeds/all.atom.xml"))
    assert all(entry.link.startswith(PUBLIC + "/") for entry in feed.entries)
    assert f"<loc>{PUBLIC}/{ARTICLE}</loc>" in published.text("sitemap.xml")
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in published.text("robots.txt").splitlines()


# --- No public address, no publishing (vn_core.siteurl) ----------------------------------------------

WHERE_TO_SET = ("đặt địa chỉ thật của trang: trên máy, biến môi trường SITEURL (ví dụ `SITEURL=https://tin.donvi.vn make publish`); "
                "trong CI (GitHub Actions), biến kho (repository variable) SITEURL ở Settings › Secrets and variables › Actions › "
                "Variables; hoặc ghi địa chỉ vào publishconf.py")
NO_ADDRESS = "chưa có địa chỉ công khai của trang (SITEURL trống hoặc chưa đặt), không xuất bản được"


def without_siteurl(**values):
    env = {key: value for key, value in os.environ.items() if key not in ("SITEURL", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return {**env, **values}


@pytest.mark.parametrize("siteurl, reason", [
    # GitHub Actions passes an unset repository variable as an empty string.
    ("", NO_ADDRESS),
    ("   ", NO_ADDRESS),
    ("https://doankhoi.tuyenquang.example", "`https://doankhoi.tuyenquang.example` là địa chỉ mẫu (tên miền "
                                            "`doankhoi.tuyenquang.example`), không phải địa chỉ thật của trang"),
    ("https://www.example.com/tin/", "`https://www.example.com/tin` là địa chỉ mẫu (tên miền `www.example.com`), "
                                     "không phải địa chỉ thật của trang"),
    ("tin.donvi.vn", "`tin.donvi.vn` không phải địa chỉ web đầy đủ (phải bắt đầu bằng https://)"),
])
def test_publish_stops_with_a_message_naming_siteurl_when_it_is_empty_or_a_placeholder(tmp_path, siteurl, reason):
    result = run_pelican(FIXTURES / "basic", tmp_path / "out", conf=ROOT / "publishconf.py", env=without_siteurl(SITEURL=siteurl))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"SITEURL: lỗi: {reason} — {WHERE_TO_SET}"]
    assert not (tmp_path / "out").exists()


def test_make_publish_stops_and_keeps_the_output_when_siteurl_is_unset(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the site as it was")
    result = subprocess.run(["make", "-s", "publish", f"INPUTDIR={FIXTURES / 'basic'}", f"OUTPUTDIR={output}"],
                            cwd=ROOT, capture_output=True, text=True, env=without_siteurl())
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == f"SITEURL: lỗi: {NO_ADDRESS} — {WHERE_TO_SET}"
    assert [path.name for path in output.iterdir()] == ["index.html"]


def test_make_publish_takes_siteurl_from_the_command_line(tmp_path):
    output = tmp_path / "output"
    result = subprocess.run(["make", "-s", "publish", f"INPUTDIR={FIXTURES / 'basic'}", f"OUTPUTDIR={output}",
                             f"SITEURL={PUBLIC}", "PELICANOPTS=-e SEARCH_ENABLED=false"],
                            cwd=ROOT, capture_output=True, text=True, env=without_siteurl())
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((output / ARTICLE).read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("link[rel=canonical]")["href"] == f"{PUBLIC}/{ARTICLE}"


# --- Drafts never leave the machine -----------------------------------------------------------------

DRAFTS = FIXTURES / "drafts"
# What an unpublished file could leak: titles, slugs, the draft-only tag, author, category and summary.
UNPUBLISHED = [
    "Kế hoạch nội bộ chưa duyệt", "ke-hoach-noi-bo-chua-duyet", "Thẻ chỉ có trong bản nháp",
    "the-chi-co-trong-ban-nhap", "Người soạn thảo riêng", "nguoi-soan-thao-rieng", "Công tác Đoàn",
    "cong-tac-doan", "Tóm tắt của bản nháp", "2022-03-15", "2022/03",
    "Thông báo hẹn giờ đăng sau này", "thong-bao-hen-gio-dang-sau-nay", "2099",
    "Trang giới thiệu đang soạn", "trang-gioi-thieu-dang-soan",
    "Tài liệu mật có địa chỉ riêng", "tai-lieu-mat", "2022-04-02", "2022/04",
]
PUBLISHED = "2022/06/hoi-nghi-ban-chap-hanh-doan-khoi.html"
DRAFT_PREVIEWS = ["ban-nhap/ke-hoach-noi-bo-chua-duyet.html", "ban-nhap/thong-bao-hen-gio-dang-sau-nay.html",
                  "drafts/pages/trang-gioi-thieu-dang-soan.html",
                  "tai-lieu-mat-rieng.html"]  # a draft with its own `Save_as:`


def build_drafts(output, conf):
    # `--fatal errors`: the news dated 2099 rightly gets the "future date" warning. With search: the
    # search index must not hold a draft either.
    env = dict(os.environ, SITEURL=PUBLIC)
    result = run_pelican(DRAFTS, output, {"SEARCH_ENABLED": True}, conf=conf, fatal="errors", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    from conftest import Site  # noqa: PLC0415
    return Site(output, result.stdout + result.stderr)


@pytest.fixture(scope="module")
def drafts_published(tmp_path_factory):
    return build_drafts(tmp_path_factory.mktemp("drafts-publish") / "out", FIXTURE_PUBLISHCONF)


@pytest.fixture(scope="module")
def drafts_previewed(tmp_path_factory):
    return build_drafts(tmp_path_factory.mktemp("drafts-dev") / "out", FIXTURE_CONF)


def test_no_draft_title_slug_or_metadata_is_anywhere_in_output_when_published(drafts_published):
    site = drafts_published
    assert site.exists(PUBLISHED) and site.exists("lien-he.html"), "the published news and page must be there"
    leaks, index_files = [], 0
    for path in sorted(site.output.rglob("*")):
        relative = path.relative_to(site.output).as_posix()
        if relative.startswith("pagefind/") and path.suffix in (".js", ".pagefind"):
            continue  # Pagefind's own program files, the same for every site (they hold no content)
        if relative.startswith("admin/"):
            continue  # the browser editor: Decap's bundle and a configuration made from the settings (the
            # category list), never from the content; it reads entries from the git host when used
        data = path.read_bytes() if path.is_file() else b""
        if path.suffix.startswith(".pf_"):
            data, index_files = gzip.decompress(data), index_files + 1  # the search index, read as Pagefind does
        text = data.decode("utf-8", "replace")
        leaks += [(relative, word) for word in UNPUBLISHED if word in relative or word in text]
    assert leaks == []
    assert index_files > 3
    assert not (site.output / "ban-nhap").exists() and not (site.output / "drafts").exists()


def test_every_unpublished_file_has_a_preview_when_built_for_development(drafts_previewed):
    # The other side of the publish test: the fixture's drafts are real drafts that Pelican writes.
    for url in DRAFT_PREVIEWS:
        assert drafts_previewed.exists(url), url


def test_robots_names_no_draft_folder_and_uses_the_sitemap_setting_when_published(drafts_published):
    assert drafts_published.text("robots.txt").splitlines() == [
        "User-agent: *", "Disallow:", "", f"Sitemap: {PUBLIC}/sitemap.xml",
    ]


def test_robots_follows_draft_and_sitemap_settings_when_they_change(tmp_path):
    settings = {"DRAFT_URL": "nhap/{slug}.html", "DRAFT_SAVE_AS": "nhap/{slug}.html", "DRAFT_PAGE_SAVE_AS": "",
                "SITEMAP_SAVE_AS": "so-do.xml"}
    site = build(DRAFTS, tmp_path / "out", settings, fatal="errors")
    assert site.text("robots.txt").splitlines() == [
        "User-agent: *", "Disallow: /nhap/", "", "Sitemap: http://localhost:8000/so-do.xml",
    ]


@pytest.mark.parametrize("url", DRAFT_PREVIEWS)
def test_draft_preview_is_marked_and_never_shared_when_built_for_development(drafts_previewed, url):
    page = drafts_previewed.page(url)
    banner = page.select_one("main .draft-banner, .draft-banner")
    assert banner is not None and banner.strong.get_text() == "Bản nháp — chưa đăng"
    assert page.select_one('meta[name="robots"]')["content"].split(", ")[0] == "noindex"
    assert page.select('link[rel="canonical"]') == []
    assert page.select('meta[property^="og:"], meta[property^="article:"], meta[name^="twitter:"]') == []
    assert page.select(".share-links, a[href*='facebook.com/sharer'], a[href*='twitter.com/intent']") == []
    assert page.select('script[type="application/ld+json"]') == []


def test_published_news_keeps_canonical_open_graph_and_share_links_without_a_banner(drafts_previewed):
    page = drafts_previewed.page(PUBLISHED)
    assert page.select(".draft-banner") == [] and page.select('meta[name="robots"]') == []
    assert page.select_one('link[rel="canonical"]')["href"].endswith("/" + PUBLISHED)
    assert page.select_one('meta[property="og:title"]')["content"] == "Hội nghị Ban Chấp hành Đoàn Khối"
    assert [a.get_text() for a in page.select(".share-links a")] == ["Facebook", "X", "Email"]


def test_banner_says_how_each_unpublished_file_gets_published_when_previewed(drafts_previewed):
    def said(url):
        return " ".join(drafts_previewed.page(url).select_one(".draft-banner span").get_text().split())

    assert said(DRAFT_PREVIEWS[0]) == "Bài chỉ được đăng khi xóa dòng Status: draft."
    assert said(DRAFT_PREVIEWS[1]) == "Bài hẹn giờ: tự đăng từ lần dựng trang đầu tiên sau Thứ năm, ngày 1/1/2099 - 07:00."
    assert said(DRAFT_PREVIEWS[2]) == "Bài chỉ được đăng khi xóa dòng Status: draft."
