"""The sample content in content/: enough news for every listing, pager and archive to show something."""

import re
from collections import Counter

from conftest import CONTENT, ROOT

REFERENCE = "2022/06/nhung-ket-qua-hoat-dong-noi-bat-nhiem-ky-lam-thoi-2020-2022.html"
TOTALS = re.compile(r"Tổng số: (\d+) \| Trang: (\d+) trên tổng số (\d+) trang")


def news_categories():
    namespace = {"__file__": str(ROOT / "pelicanconf.py")}
    exec(compile((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), "pelicanconf.py", "exec"), namespace)
    return namespace["NEWS_CATEGORIES"]


def published_metadata():
    """Metadata of every published sample article, read from the Markdown header."""
    found = []
    for path in sorted(CONTENT.rglob("*.md")):
        # Static pages and the documents register (van-ban/) are not news.
        if {"pages", "van-ban"} & set(path.relative_to(CONTENT).parts):
            continue
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        metadata = dict(re.findall(r"^([A-Za-z]+):\s*(.*)$", header, re.M))
        if metadata.get("Status") not in ("draft", "hidden"):
            found.append(metadata)
    return found


def test_sample_spans_2020_to_2022_in_four_categories_when_counted():
    articles = published_metadata()
    assert len(articles) >= 35
    years = Counter(a["Date"][:4] for a in articles)
    assert all(years[year] >= 5 for year in ("2020", "2021", "2022")), years
    categories = Counter(a["Category"] for a in articles)
    assert len(categories) >= 4
    assert set(categories) <= set(news_categories())
    assert max(categories.values()) > 20, "one category must paginate beyond two pages"


def test_sample_has_same_minute_news_and_news_without_views_when_counted():
    articles = published_metadata()
    assert max(Counter(a["Date"] for a in articles).values()) >= 2
    assert any("Views" not in a for a in articles)
    assert any(int(a.get("Views", 0)) >= 1000 for a in articles)


def test_reference_article_shows_its_view_count_when_built(built_site):
    page = built_site.page(REFERENCE)
    assert page.select_one(".article-views").get_text(strip=True) == "Đã xem: 152"
    assert page.select_one(".article-meta time").get_text(strip=True) == "Chủ nhật, ngày 19/6/2022 - 22:02"
    assert len(page.select(".article-body figure figcaption")) == 4
    assert page.select_one(".article-signature").get_text(strip=True) == "ĐTN"


def test_thousands_are_grouped_when_sample_views_exceed_999(built_site):
    page = built_site.page("2020/02/doan-vien-thanh-nien-khoi-ra-quan-tuyen-truyen-phong-chong-dich-covid-19.html")
    assert page.select_one(".article-views").get_text(strip=True) == "Đã xem: 1.234"


def test_busiest_category_has_three_pages_when_built(built_site):
    counts = Counter(a["Category"] for a in published_metadata())
    busiest = counts.most_common(1)[0][1]
    pages = -(-busiest // 10)
    assert pages >= 3
    last = built_site.page(f"chuyen-muc/tin-hoat-dong/trang/{pages}/")
    assert TOTALS.search(last.get_text()).groups() == (str(busiest), str(pages), str(pages))
    assert not built_site.exists(f"chuyen-muc/tin-hoat-dong/trang/{pages + 1}/")


def test_draft_is_only_under_ban_nhap_when_sample_is_built(built_site):
    assert built_site.exists("ban-nhap/ke-hoach-to-chuc-dai-hoi-doan-khoi-nhiem-ky-2022-2027-du-thao.html")
    assert "ke-hoach-to-chuc-dai-hoi" not in built_site.text("sitemap.xml")
    assert "ke-hoach-to-chuc-dai-hoi" not in built_site.text("feeds/all.atom.xml")
