""""Các tin đã đăng" end to end (plugins/older_news), on tests/fixtures/older_news: three categories
of 23, 56 and 1 published news, two at the same minute, a draft and a hidden news.

Expected lists come from the fixture's own metadata, ordered by (date, slug), not from the plugin."""

import re
from datetime import datetime
from functools import lru_cache
from math import ceil

import pytest

from conftest import FIXTURES, BuildFailed, build, shared_build

CONTENT = FIXTURES / "older_news"
ANCHOR = "cac-tin-da-dang"
UNLISTED_SLUGS = ("ban-nhap-chua-dang", "tin-an-khong-liet-ke")
PER_PAGE = 10


def read_fixture():
    """Every news of the fixture: its metadata and URL, read straight from the Markdown files."""
    news = []
    for path in sorted(CONTENT.rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        date = datetime.strptime(meta["Date"], "%Y-%m-%d %H:%M")
        news.append(
            {
                "title": meta["Title"],
                "date": date,
                "slug": meta["Slug"],
                "category": meta["Category"],
                "status": meta.get("Status"),
                "url": f"{date:%Y}/{date:%m}/{meta['Slug']}.html",
            }
        )
    return news


NEWS = read_fixture()
PUBLISHED = [item for item in NEWS if item["status"] is None]


def day_label(moment):
    return f"{moment.day}/{moment.month}/{moment.year}"


def oldest_first(items):
    return sorted(items, key=lambda item: (item["date"], item["slug"]))


def category_groups():
    names = sorted({item["category"] for item in PUBLISHED})
    return {name: oldest_first([item for item in PUBLISHED if item["category"] == name]) for name in names}


def site_group():
    return {"Tất cả chuyên mục": oldest_first(PUBLISHED)}


def expected_page(group, position, page):
    """The news on page `page` of the article at `position`: URLs, newest first."""
    newest = position - 1 - PER_PAGE * (page - 1)
    return [group[p]["url"] for p in range(newest, max(-1, newest - PER_PAGE), -1)]


class Reader:
    """Reads a built site as a visitor does, caching parsed pages."""

    def __init__(self, site):
        self.site = site
        self.page = lru_cache(maxsize=None)(site.page)

    def block(self, url):
        return self.page(url).find(id=ANCHOR)

    def listed(self, url):
        block = self.block(url)
        return [self.site.resolve(url, a["href"]) for a in block.select(".older-news-list a")]

    def totals(self, url):
        return self.block(url).select_one(".listing-totals").get_text(" ", strip=True)

    def pager_links(self, url):
        nav = self.block(url).select_one("nav.pager")
        return nav.select("a") if nav else []

    def follow(self, url, a):
        target = self.site.resolve(url, a["href"])
        assert self.site.exists(target), f"{a['href']} on {url} leads to no file"
        return target


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_build(tmp_path_factory, "older_news")


@pytest.fixture(scope="module")
def reader(site):
    return Reader(site)


@pytest.fixture(scope="module")
def site_scope(tmp_path_factory):
    settings = {
        "OLDER_NEWS_SCOPE": "site",
        "OLDER_NEWS_URL": "cu/{group}-{number}.html",
        "OLDER_NEWS_SAVE_AS": "cu/{group}-{number}.html",
    }
    return Reader(build(CONTENT, tmp_path_factory.mktemp("older_news_site") / "output", settings))


def all_articles(groups):
    for name, group in groups.items():
        for position, item in enumerate(group):
            yield name, group, position, item


def test_article_shows_total_pages_and_its_first_ten_older_news_when_category_has_older_news(reader):
    for _name, group, position, item in all_articles(category_groups()):
        if position == 0:
            continue
        url = item["url"]
        block = reader.block(url)
        assert block is not None, url
        assert block.select_one("h2").get_text(strip=True) == "Các tin đã đăng"
        assert reader.totals(url) == f"Tổng số: {position} | Trang: 1 trên tổng số {ceil(position / PER_PAGE)} trang"
        assert reader.listed(url) == expected_page(group, position, 1)
        by_url = {news["url"]: news for news in group}
        for li in block.select(".older-news-list li"):
            news = by_url[reader.site.resolve(url, li.a["href"])]
            assert li.a.get_text(strip=True) == news["title"]
            day = news["date"]
            assert li.time.get_text(strip=True) == f"({day.day}/{day.month}/{day.year})"


def test_oldest_article_says_briefly_that_nothing_is_older_when_first_of_its_category(reader):
    firsts = [group[0]["url"] for group in category_groups().values()]
    assert len(firsts) == 3  # one of them is alone in its category
    for url in firsts:
        block = reader.block(url)
        assert block.select_one(".older-news-none").get_text(strip=True) == "Chưa có tin nào đăng trước tin này."
        assert block.select(".older-news-list") == [] and block.select("nav.pager") == []


def test_same_minute_news_are_listed_in_slug_order_when_published_together(reader):
    listed = reader.listed("2023/01/hoat-dong-13.html")
    assert listed[:2] == ["2023/01/hoat-dong-12.html", "2023/01/hoat-dong-11.html"]
    assert NEWS and [n["date"] for n in NEWS if n["slug"] in ("hoat-dong-11", "hoat-dong-12")] == [datetime(2023, 1, 11, 8)] * 2


def test_pager_shows_first_pages_an_ellipsis_and_the_last_when_pages_are_many(reader):
    newest = category_groups()["Thanh niên tình nguyện"][-1]["url"]  # 55 older news: 6 pages
    nav = reader.block(newest).select_one("nav.pager")
    assert [li.get_text(strip=True) for li in nav.select("li")] == ["1", "2", "3", "…", "6", "Sau ›"]
    assert nav.select_one('a[aria-current="page"]').get_text(strip=True) == "1"
    assert reader.follow(newest, nav.select_one('a[aria-current="page"]')) == newest  # page 1 is the article


def test_every_pager_link_lands_on_a_page_listing_exactly_that_page_when_followed_from_any_article(reader):
    for _name, group, position, item in all_articles(category_groups()):
        url = item["url"]
        pages = ceil(position / PER_PAGE)
        links = reader.pager_links(url)
        if pages <= 1:
            assert links == []
            continue
        numbers = []
        for a in links:
            if a.get("rel") == ["next"]:
                page = 2
            else:
                assert a.get("rel") is None, "page 1 has no previous page"
                page = int(re.fullmatch(r"Trang (\d+)", a["aria-label"]).group(1))
                numbers.append(page)
            target = reader.follow(url, a)
            if page == 1:
                assert target == url and a["href"].endswith("#" + ANCHOR)
            assert reader.listed(target) == expected_page(group, position, page), (url, a["href"])
        assert numbers[0] == 1 and numbers[-1] == pages


def test_following_next_from_page_one_visits_every_older_news_once_in_order_when_any_article(reader):
    for _name, group, position, item in all_articles(category_groups()):
        url, seen = item["url"], []
        while url:
            seen += reader.listed(url)
            nxt = [a for a in reader.pager_links(url) if a.get("rel") == ["next"]]
            url = reader.follow(url, nxt[0]) if nxt else None
        assert seen == [group[p]["url"] for p in range(position - 1, -1, -1)], item["url"]


def test_window_page_says_only_what_is_true_for_every_reader_when_many_articles_link_there(reader):
    groups = category_groups()
    readers = {}  # window URL -> {(category, article position, page)}
    for name, _group, position, item in all_articles(groups):
        for a in reader.pager_links(item["url"]):
            if a.get("rel") or a["aria-label"] == "Trang 1":
                continue
            page = int(a["aria-label"].split()[-1])
            readers.setdefault(reader.follow(item["url"], a), set()).add((name, position, page))
    assert len(readers) > 20 and max(len(r) for r in readers.values()) >= 4  # windows really are shared
    for window, arrivals in readers.items():
        text = reader.block(window).get_text(" ", strip=True)
        assert "Tổng số" not in text and "Trang:" not in text  # a shared page cannot know them
        listed = reader.listed(window)
        for name, position, page in arrivals:
            group = groups[name]
            days = [day_label(next(n for n in group if n["url"] == u)["date"]) for u in listed]
            span = f"từ ngày {days[-1]} đến ngày {days[0]}" if days[0] != days[-1] else f"ngày {days[0]}"
            assert reader.totals(window) == f"Các tin cũ hơn, {span} ({len(listed)} tin)"
            assert listed == expected_page(group, position, page)
            links = {tuple(a.get("rel") or ()): a for a in reader.pager_links(window)}
            assert reader.listed(reader.follow(window, links[("prev",)])) == expected_page(group, position, page - 1)
            if page < ceil(position / PER_PAGE):
                assert reader.listed(reader.follow(window, links[("next",)])) == expected_page(group, position, page + 1)
            else:
                assert ("next",) not in links


def test_window_links_are_named_by_the_day_they_list_back_from_when_followed(reader, site):
    windows = sorted((site.output / "tin-da-dang").rglob("index.html"))
    by_url = {news["url"]: news for news in PUBLISHED}
    followed = 0
    for file in windows:
        url = site.url_of(file)
        for a in reader.pager_links(url):
            if a.get("rel"):
                continue
            listed = reader.listed(reader.follow(url, a))
            day = day_label(by_url[listed[0]]["date"])
            # The visible label is the newest day listed; the accessible name contains it (WCAG 2.5.3).
            assert a.get_text(strip=True) == day
            assert a["aria-label"] == f"Các tin từ ngày {day} trở về trước"
            followed += 1
    assert followed > 50


def test_plugin_adds_one_small_window_per_news_but_the_newest_of_each_category_when_built(site):
    windows = sorted((site.output / "tin-da-dang").rglob("*.html"))
    sizes = {name: len(group) for name, group in category_groups().items()}
    assert sizes == {"Thanh niên tình nguyện": 56, "Tin hoạt động": 23, "Tuổi trẻ sáng tạo": 1}
    assert len(windows) == sum(n - 1 for n in sizes.values()) == 77
    assert not (site.output / "tin-da-dang" / "tuoi-tre-sang-tao").exists()
    assert max(file.stat().st_size for file in windows) < 12_000


def test_window_page_is_marked_noindex_canonical_and_left_out_of_the_sitemap_when_built(reader, site):
    url = "tin-da-dang/tin-hoat-dong/12/"
    page = reader.page(url)
    assert "page-older-news" in page.body["class"]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert page.find("link", rel="canonical")["href"] == f"http://localhost:8000/{url}"
    assert page.select_one("#" + ANCHOR + " h1").get_text(strip=True) == "Các tin đã đăng — Tin hoạt động"
    assert reader.totals(url) == "Các tin cũ hơn, từ ngày 3/1/2023 đến ngày 11/1/2023 (10 tin)"
    assert "tin-da-dang" not in site.text("sitemap.xml")
    # A window works alone: it needs no script.
    assert page.find("script", src=re.compile(r"older-news\.([0-9a-f]+\.)?js")) is None


def test_drafts_and_hidden_news_are_never_listed_when_site_is_built(reader, site):
    assert {n["slug"] for n in NEWS if n["status"]} == set(UNLISTED_SLUGS)
    for file in site.html_files():
        url = site.url_of(file)
        block = reader.block(url)
        if block is None:
            continue
        assert not any(slug in href for href in reader.listed(url) for slug in UNLISTED_SLUGS), url
    hidden = next(n for n in NEWS if n["status"] == "hidden")
    assert site.exists(hidden["url"]) and reader.block(hidden["url"]) is None


def test_site_scope_lists_the_older_news_of_every_category_when_scope_is_site(site_scope):
    reader = site_scope
    (group,) = site_group().values()
    assert len(list((reader.site.output / "cu").glob("tat-ca-*.html"))) == len(group) - 1 == 79
    for _name, group, position, item in all_articles(site_group()):
        url = item["url"]
        if position == 0:
            assert reader.block(url).select_one(".older-news-none")
            continue
        assert reader.totals(url) == f"Tổng số: {position} | Trang: 1 trên tổng số {ceil(position / PER_PAGE)} trang"
        assert reader.listed(url) == expected_page(group, position, 1)
        for a in reader.pager_links(url):
            if a.get("rel") or a["aria-label"] == "Trang 1":
                continue
            page = int(a["aria-label"].split()[-1])
            target = reader.follow(url, a)
            assert re.fullmatch(r"cu/tat-ca-\d+\.html", target)
            assert reader.listed(target) == expected_page(group, position, page)
            assert reader.totals(target).startswith("Các tin cũ hơn, ")
    # Mid-January the categories interleave: the site-wide list names each news' category.
    block = reader.block("2023/01/hoat-dong-16.html")
    categories = [li.select_one(".older-news-category").get_text() for li in block.select(".older-news-list li")]
    assert {"Tin hoạt động", "Thanh niên tình nguyện", "Tuổi trẻ sáng tạo"} <= set(categories)


def test_build_fails_when_scope_setting_is_unknown(tmp_path):
    with pytest.raises(BuildFailed, match="OLDER_NEWS_SCOPE"):
        build(CONTENT, tmp_path / "output", {"OLDER_NEWS_SCOPE": "tag"})
