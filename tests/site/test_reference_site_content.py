"""The reference site (the first organisation's content/ built with the product's pelicanconf.py): its
sample news are enough for every listing, pager and archive to show something, and what the product
promises holds on real content too (links, page weight, photos, the checker's URLs).

The only site tests that read content/: the product's own behaviour is tested on tests/fixtures/."""

import io
import re
import sys
from collections import Counter

from PIL import Image

from conftest import CONTENT, ROOT
from test_article_page import BUDGET, BUDGET_GZIPPED, gzipped_weight, page_weight
from test_links import broken_links

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


def test_reference_article_shows_its_view_count_when_built(reference_site):
    page = reference_site.page(REFERENCE)
    assert page.select_one(".article-views").get_text(strip=True) == "Đã xem: 152"
    assert page.select_one(".article-meta time").get_text(strip=True) == "Chủ nhật, ngày 19/6/2022 - 22:02"
    assert len(page.select(".article-body figure figcaption")) == 4
    assert page.select_one(".article-signature").get_text(strip=True) == "ĐTN"


def test_thousands_are_grouped_when_sample_views_exceed_999(reference_site):
    page = reference_site.page("2020/02/doan-vien-thanh-nien-khoi-ra-quan-tuyen-truyen-phong-chong-dich-covid-19.html")
    assert page.select_one(".article-views").get_text(strip=True) == "Đã xem: 1.234"


def test_busiest_category_has_three_pages_when_built(reference_site):
    counts = Counter(a["Category"] for a in published_metadata())
    busiest = counts.most_common(1)[0][1]
    pages = -(-busiest // 10)
    assert pages >= 3
    last = reference_site.page(f"chuyen-muc/tin-hoat-dong/trang/{pages}/")
    assert TOTALS.search(last.get_text()).groups() == (str(busiest), str(pages), str(pages))
    assert not reference_site.exists(f"chuyen-muc/tin-hoat-dong/trang/{pages + 1}/")


def test_draft_is_only_under_ban_nhap_when_sample_is_built(reference_site):
    assert reference_site.exists("ban-nhap/ke-hoach-to-chuc-dai-hoi-doan-khoi-nhiem-ky-2022-2027-du-thao.html")
    assert "ke-hoach-to-chuc-dai-hoi" not in reference_site.text("sitemap.xml")
    assert "ke-hoach-to-chuc-dai-hoi" not in reference_site.text("feeds/all.atom.xml")


# Moved from tests/unit/test_content_checks.py (whose fixtures test every check).
def test_real_content_has_no_errors_when_checked_with_the_site_settings():
    from trangtin.content_checks import checks  # noqa: PLC0415
    from trangtin.content_checks.__main__ import register_plugins  # noqa: PLC0415
    from trangtin.content_checks.plugin import config_from_settings  # noqa: PLC0415
    from trangtin.content_checks.scan import run_checks  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    register_plugins(settings)  # the build's readers, as the command line does
    problems, files = run_checks(CONTENT, config_from_settings(settings))
    assert files > 0
    assert [checks.format_problem(p) for p in problems if p.severity != checks.INFO] == []


# Moved from test_links.py (which keeps the same check on tests/fixtures/basic).
def test_every_internal_link_resolves_when_real_content_is_built(reference_site):
    assert broken_links(reference_site) == []


def test_internal_links_are_relative_when_real_content_is_built(reference_site):
    for file in reference_site.html_files():
        page = reference_site.page(reference_site.url_of(file))
        for tag in page.select("body [href], body [src]"):
            value = tag.get("href") or tag.get("src")
            assert not value.startswith("/"), f"{reference_site.url_of(file)}: {value}"


# Moved from test_article_page.py (which keeps the budget test on tests/fixtures/basic).
def test_reference_article_stays_within_the_budget_when_images_are_left_out(reference_site):
    # The longest sample article (about 12 KB of Markdown), with the blocks other features add below it.
    assert page_weight(reference_site, REFERENCE) <= BUDGET
    assert gzipped_weight(reference_site, REFERENCE) <= BUDGET_GZIPPED


# Moved from test_photos.py (whose fixtures test the photos' rules on generated photos).
def test_sample_article_photos_are_light_and_private(reference_site):
    page = reference_site.page("2022/10/hoi-trai-thanh-nien-khoi-2022.html")
    images = page.select(".article-body picture img")
    assert len(images) == 4
    assert not list((reference_site.output / "images").rglob("*.jpg"))
    data = io.BytesIO(reference_site.path(reference_site.resolve("2022/10/hoi-trai-thanh-nien-khoi-2022.html", images[1]["src"])).read_bytes())
    with Image.open(data) as image:
        assert image.width > image.height  # stored sideways in content/, served upright


# Moved from test_safe_build.py (which runs the same check on tests/fixtures/basic).
def test_checker_predicts_every_url_pelican_writes_when_the_real_content_is_built(reference_site):
    from test_safe_build import urls_the_checker_predicts  # noqa: PLC0415

    missing = [url for url in urls_the_checker_predicts(CONTENT, ROOT / "pelicanconf.py") if not reference_site.exists(url)]
    assert missing == []
