"""Listings, page types, drafts and hidden news across the whole site (tests/fixtures/basic).

The fixture has 14 published news: 12 in "Tin hoạt động", 1 in "Công tác Đoàn", 1 in "Thanh niên
tình nguyện"; 12 tagged "Đoàn Khối"; 11 signed "ĐTN"; plus one draft and one hidden news."""

import re

import pytest

DRAFT_SLUG = "ban-nhap-ke-hoach-mua-he-xanh-2022"
DRAFT_TITLE = "Bản nháp kế hoạch Mùa hè xanh 2022"
HIDDEN_URL = "2022/02/thong-bao-noi-bo-ve-lich-hop-ban-thuong-vu.html"
TOTALS = re.compile(r"^Tổng số: (\d+) \| Trang: (\d+) trên tổng số (\d+) trang$")


@pytest.mark.parametrize(
    "url, body_class",
    [
        ("", "page-index"),
        ("trang/2/", "page-index"),
        ("2022/06/doan-khoi-tong-ket-nhiem-ky-lam-thoi.html", "page-article"),
        ("chuyen-muc/tin-hoat-dong/", "page-category"),
        ("chuyen-muc/tin-hoat-dong/trang/2/", "page-category"),
        ("the/doan-khoi/", "page-tag"),
        ("tac-gia/dtn/", "page-author"),
        ("chuyen-muc/", "page-categories"),
        ("the/", "page-tags"),
        ("tac-gia/", "page-authors"),
        ("luu-tru/", "page-archives"),
        ("2022/", "page-period-archive"),
        ("2022/03/", "page-period-archive"),
        ("2022/03/26/", "page-period-archive"),
        ("gioi-thieu.html", "page-static"),
        ("404.html", "page-404"),
        (f"ban-nhap/{DRAFT_SLUG}.html", "page-article"),
    ],
)
def test_our_theme_renders_the_page_when_its_type_is_built(basic_site, url, body_class):
    page = basic_site.page(url)
    assert body_class in page.body["class"], f"{url} was not rendered by our {body_class} template"
    assert page.html["lang"] == "vi"
    assert page.select_one("a.skip-link[href='#noi-dung']") is not None


def listing(site, url):
    page = site.page(url)
    totals = page.select(".listing-totals")
    assert len(totals) == 1, f"{url} needs exactly one totals line"
    match = TOTALS.match(totals[0].get_text(strip=True))
    assert match, totals[0].get_text()
    items = [site.resolve(url, a["href"]) for a in page.select("main .lead-title a, main .card-title a, main .home-latest .news-title a, main > .wrap > .news-list .news-title a")]
    return tuple(int(n) for n in match.groups()), items


@pytest.mark.parametrize(
    "url, totals, items_on_page",
    [
        # The home's first page: its 10 news, the newest as the lead story, then the row and the latest.
        ("", (14, 1, 2), 10),
        ("trang/2/", (14, 2, 2), 4),
        ("chuyen-muc/tin-hoat-dong/", (12, 1, 2), 10),
        ("chuyen-muc/tin-hoat-dong/trang/2/", (12, 2, 2), 2),
        ("chuyen-muc/cong-tac-doan/", (1, 1, 1), 1),
        ("chuyen-muc/thanh-nien-tinh-nguyen/", (1, 1, 1), 1),
        ("the/doan-khoi/", (12, 1, 2), 10),
        ("the/doan-khoi/trang/2/", (12, 2, 2), 2),
        ("tac-gia/dtn/", (11, 1, 2), 10),
        ("tac-gia/dtn/trang/2/", (11, 2, 2), 1),
    ],
)
def test_listing_states_totals_when_rendered(basic_site, url, totals, items_on_page):
    found, items = listing(basic_site, url)
    assert found == totals
    assert len(items) == items_on_page
    assert all(basic_site.exists(item) for item in items)


def pager(site, url):
    nav = site.page(url).select_one("nav.pager")
    if nav is None:
        return None
    numbers = [(a.get_text(strip=True), site.resolve(url, a["href"]), a.get("aria-current")) for a in nav.find_all("a") if not a.has_attr("rel")]
    rel = {a["rel"][0]: site.resolve(url, a["href"]) for a in nav.find_all("a", rel=True)}
    return numbers, rel


@pytest.mark.parametrize("base", ["", "chuyen-muc/tin-hoat-dong/", "the/doan-khoi/", "tac-gia/dtn/"])
def test_pager_numbers_every_page_and_marks_the_current_one_when_listing_has_two_pages(basic_site, base):
    second = f"{base}trang/2/"
    numbers, rel = pager(basic_site, base)
    assert numbers == [("1", base, "page"), ("2", second, None)]
    assert rel == {"next": second}
    numbers, rel = pager(basic_site, second)
    assert numbers == [("1", base, None), ("2", second, "page")]
    assert rel == {"prev": base}


def test_no_pager_is_shown_when_listing_fits_one_page(basic_site):
    assert pager(basic_site, "chuyen-muc/cong-tac-doan/") is None


def test_listing_runs_newest_first_with_slug_breaking_ties_when_two_news_share_a_minute(basic_site):
    _totals, items = listing(basic_site, "chuyen-muc/tin-hoat-dong/")
    assert items[:6] == [
        "2022/08/giai-bong-da-thanh-nien-khoi-nam-2022.html",
        "2022/06/doan-khoi-tong-ket-nhiem-ky-lam-thoi.html",
        "2022/05/thanh-nien-voi-chuyen-doi-so.html",
        "2022/03/tuyen-duong-doan-vien-tieu-bieu-nam-2021.html",
        "2022/03/ra-quan-thang-thanh-nien-nam-2022.html",
        "2022/01/xuan-tinh-nguyen-nam-2022.html",
    ]
    _totals, second = listing(basic_site, "chuyen-muc/tin-hoat-dong/trang/2/")
    assert second == [
        "2021/03/ky-niem-90-nam-ngay-thanh-lap-doan-tncs-ho-chi-minh.html",
        "2021/01/hoi-nghi-tong-ket-cong-tac-doan-nam-2020.html",
    ]


def test_home_page_has_a_block_per_category_when_first_page(basic_site):
    page = basic_site.page("")
    blocks = page.select(".home-category")
    titles = [b.select_one(".section-title a").get_text(strip=True) for b in blocks]
    # NEWS_CATEGORIES order (Tin hoạt động, Công tác Đoàn, Thanh niên tình nguyện).
    assert titles == ["Tin hoạt động", "Công tác Đoàn", "Thanh niên tình nguyện"]
    assert basic_site.page("trang/2/").select(".home-category") == []


def home_links(site, selector):
    return [site.resolve("", a["href"]) for a in site.page("").select(selector)]


def test_category_blocks_skip_the_news_shown_higher_on_the_home_when_the_category_has_more(basic_site):
    shown = set(home_links(basic_site, ".lead-title a, .card-title a, .home-latest .news-title a"))
    block = basic_site.page("").select(".home-category")[0]
    in_block = [basic_site.resolve("", a["href"]) for a in block.select(".news-title a, .block-more a")]
    # Tin hoạt động has 12 news: 9 are higher up (lead, row, latest), the other 3 fill its block.
    assert in_block == [
        "2021/05/sinh-hoat-chuyen-de-ky-niem-ngay-sinh-chu-tich-ho-chi-minh.html",
        "2021/03/ky-niem-90-nam-ngay-thanh-lap-doan-tncs-ho-chi-minh.html",
        "2021/01/hoi-nghi-tong-ket-cong-tac-doan-nam-2020.html",
    ]
    assert not shown & set(in_block)
    # Thanh niên tình nguyện's only news is in the row: its block keeps it rather than vanishing.
    small = basic_site.page("").select(".home-category")[2]
    assert [basic_site.resolve("", a["href"]) for a in small.select(".news-title a")] == ["2022/04/ngay-hoi-hien-mau-tinh-nguyen.html"]
    assert "2022/04/ngay-hoi-hien-mau-tinh-nguyen.html" in shown


def test_static_pages_and_404_exist_when_site_is_built(basic_site):
    assert basic_site.page("gioi-thieu.html").select_one("h1").get_text(strip=True) == "Giới thiệu"
    page = basic_site.page("404.html")
    assert "Không tìm thấy trang" in page.get_text()


def every_output_file(site):
    return [p for p in site.output.rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".txt"}]


def test_draft_appears_nowhere_but_under_ban_nhap_when_status_is_draft(basic_site):
    draft = f"ban-nhap/{DRAFT_SLUG}.html"
    assert basic_site.exists(draft)
    mentions = [
        basic_site.url_of(p) for p in every_output_file(basic_site)
        if DRAFT_SLUG in p.read_text(encoding="utf-8") or DRAFT_TITLE in p.read_text(encoding="utf-8")
    ]
    assert mentions == [draft]


def test_hidden_news_is_reachable_only_by_its_address_when_status_is_hidden(basic_site):
    assert basic_site.exists(HIDDEN_URL)
    slug = HIDDEN_URL.rsplit("/", 1)[1]
    mentions = [basic_site.url_of(p) for p in every_output_file(basic_site) if slug in p.read_text(encoding="utf-8")]
    assert mentions == [HIDDEN_URL]
