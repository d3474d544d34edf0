"""Feeds, sitemap and robots.txt (tests/fixtures/basic): machine-read files a reader never sees."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

CANONICAL = "http://localhost:8000"
PUBLISHED = 14
CATEGORIES = {"cong-tac-doan": 1, "thanh-nien-tinh-nguyen": 1, "tin-hoat-dong": 12}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def published_articles(site):
    """Every published article page: each body.page-article outside ban-nhap/, hidden ones left out."""
    urls = []
    for file in site.html_files():
        url = site.url_of(file)
        if url.startswith("ban-nhap/"):
            continue
        page = site.page(url)
        if "page-article" in page.body["class"]:
            urls.append(url)
    return urls


def parse(site, url):
    feed = feedparser.parse(site.text(url))
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return feed


@pytest.mark.parametrize("url", ["feeds/all.atom.xml", "feeds/all.rss.xml"])
def test_site_feed_parses_and_states_vietnamese_when_built(basic_site, url):
    feed = parse(basic_site, url)
    assert feed.feed.language == "vi"
    assert len(feed.entries) == PUBLISHED
    titles = [entry.title for entry in feed.entries]
    assert "Hội nghị tổng kết công tác Đoàn năm 2020" in titles
    assert all(entry.link.startswith(CANONICAL + "/") for entry in feed.entries)


@pytest.mark.parametrize("kind", ["atom", "rss"])
@pytest.mark.parametrize("slug, count", sorted(CATEGORIES.items()))
def test_each_category_has_its_own_feed_when_built(basic_site, kind, slug, count):
    feed = parse(basic_site, f"feeds/{slug}.{kind}.xml")
    assert feed.feed.language == "vi"
    assert len(feed.entries) == count


def test_feeds_leave_out_drafts_and_hidden_news_when_built(basic_site):
    for file in sorted((basic_site.output / "feeds").glob("*.xml")):
        text = file.read_text(encoding="utf-8")
        assert "ban-nhap" not in text, file.name
        assert "thong-bao-noi-bo" not in text, file.name


def sitemap_urls(site):
    root = ET.fromstring(site.text("sitemap.xml"))
    return [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]


def test_sitemap_lists_every_published_article_when_built(basic_site):
    listed = sitemap_urls(basic_site)
    articles = published_articles(basic_site)
    # The hidden news has an article page too, but it must not be announced.
    assert "2022/02/thong-bao-noi-bo-ve-lich-hop-ban-thuong-vu.html" in articles
    articles.remove("2022/02/thong-bao-noi-bo-ve-lich-hop-ban-thuong-vu.html")
    assert len(articles) == PUBLISHED
    for url in articles:
        assert f"{CANONICAL}/{url}" in listed, url
    assert len(listed) == len(set(listed)), "an address is listed twice"


def test_sitemap_points_only_at_files_that_exist_when_built(basic_site):
    for loc in sitemap_urls(basic_site):
        assert loc.startswith(CANONICAL + "/")
        path = loc[len(CANONICAL) + 1:]
        assert basic_site.exists(path), loc
        assert not path.startswith("ban-nhap/")
        assert "thong-bao-noi-bo" not in path


def test_robots_names_the_sitemap_and_shuts_out_drafts_when_built(basic_site):
    lines = basic_site.text("robots.txt").splitlines()
    assert f"Sitemap: {CANONICAL}/sitemap.xml" in lines
    assert "Disallow: /ban-nhap/" in lines
