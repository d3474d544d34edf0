"""The portal look (issue 10), read from built fixture sites as a reader would see them: the home's
lead story, row, latest list and category blocks; the article sidebar and its one JSON file; the
header, the footer's legal block, listings with summaries, and `Trang N` in titles."""

import json
import shutil

import pytest

from conftest import FIXTURES, SITE_NAME, SITE_SHORTNAME, build, built_on

LEAD_FEATURED = "2022/09/tin-noi-bat-trong-hai-tuan.html"
WITH_COVER = "2022/09/tin-co-anh-bia.html"
NEWEST = "2022/09/tin-moi-nhat-cua-chuyen-muc.html"
OLD_FEATURED = "2022/08/tin-noi-bat-da-cu.html"
NO_VIEWS = "2022/07/tin-chua-co-luot-xem.html"
# The day after the fixture's newest news (20/9/2022): every news is young enough to lead.
FRESH = built_on("2022-09-21")


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory):
    return build(FIXTURES / "portal", tmp_path_factory.mktemp("portal") / "output", env=FRESH)


def links(site, page, selector, url=""):
    return [site.resolve(url, a["href"]) for a in page.select(selector)]


def test_featured_news_leads_the_home_when_at_most_14_days_older_than_the_newest(portal_site):
    page = portal_site.page("")
    lead = page.select_one("main .lead-story")
    assert links(portal_site, lead, ".lead-title a") == [LEAD_FEATURED]
    assert lead.select_one(".lead-summary").get_text(strip=True).startswith("Tin được biên tập viên chọn")
    # The lead is not repeated lower down.
    others = links(portal_site, page, ".card-title a, .home-latest .news-title a")
    assert LEAD_FEATURED not in others
    assert others == [NEWEST, WITH_COVER, OLD_FEATURED, NO_VIEWS]


def test_newest_news_with_a_cover_leads_when_the_featured_news_is_too_old(tmp_path):
    site = build(FIXTURES / "portal", tmp_path / "output", {"PORTAL_FEATURED_DAYS": 5}, env=FRESH)
    lead = site.page("").select_one("main .lead-story")
    assert links(site, lead, ".lead-title a") == [WITH_COVER]
    image = lead.select_one("img")
    assert site.exists(site.resolve("", image["src"]))
    assert image["alt"] == "" and image["width"] and image["height"]


def test_home_shows_row_latest_and_a_block_per_category_when_the_site_has_news(basic_site):
    page = basic_site.page("")
    assert len(page.select("main .lead-story")) == 1
    assert len(page.select("main .card-row .card")) == 4
    # The only news with a cover is 19 months older than the newest: the newest leads instead.
    assert links(basic_site, page, "main .lead-title a") == ["2022/08/giai-bong-da-thanh-nien-khoi-nam-2022.html"]
    latest = page.select("main .home-latest .news-item")
    assert latest and all(item.select_one("time[datetime]") for item in latest)
    for block in page.select(".home-category"):
        first = block.select_one(".block-first")
        assert first.select_one(".news-title a") and first.select_one("time[datetime]")
        assert first.select_one(".news-summary").get_text(strip=True)


def test_home_headings_step_down_one_level_at_a_time_when_rendered(basic_site):
    for url in ["", "trang/2/", "chuyen-muc/tin-hoat-dong/", "the/doan-khoi/", "tac-gia/dtn/", "2021/"]:
        levels = [int(h.name[1]) for h in basic_site.page(url).select("main h1, main h2, main h3, main h4")]
        assert levels[0] == 1, url
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (url, levels)


def test_listing_items_show_date_summary_and_thumbnail_when_the_news_has_a_cover(basic_site):
    page = basic_site.page("chuyen-muc/tin-hoat-dong/trang/2/")
    items = page.select("main .news-list .news-item")
    assert items
    for item in items:
        assert item.select_one("h2.news-title a")
        assert item.select_one("time[datetime]")
        assert item.select_one(".news-summary").get_text(strip=True)
    with_cover = [i for i in items if "hoi-nghi-tong-ket" in i.select_one(".news-title a")["href"]]
    assert with_cover and with_cover[0].select_one("img.cover")["alt"] == ""


@pytest.mark.parametrize(
    "url, title",
    [
        ("", SITE_NAME),
        ("trang/2/", f"{SITE_NAME} – Trang 2"),
        ("chuyen-muc/tin-hoat-dong/", f"Tin hoạt động – {SITE_SHORTNAME}"),
        ("chuyen-muc/tin-hoat-dong/trang/2/", f"Tin hoạt động – Trang 2 – {SITE_SHORTNAME}"),
        ("the/doan-khoi/trang/2/", f"Thẻ: Đoàn Khối – Trang 2 – {SITE_SHORTNAME}"),
        ("tac-gia/dtn/trang/2/", f"Tác giả: ĐTN – Trang 2 – {SITE_SHORTNAME}"),
    ],
)
def test_title_names_the_page_number_when_the_page_is_not_the_first(basic_site, url, title):
    assert basic_site.page(url).title.get_text() == title


def test_header_has_the_emblem_both_names_and_a_menu_button_when_rendered(basic_site):
    header = basic_site.page("").select_one("header.site-header")
    logo = header.select_one(".site-brand img.site-logo")
    assert basic_site.exists(basic_site.resolve("", logo["src"]))
    assert logo["alt"] == ""  # the name beside it is the link's text
    assert header.select_one(".site-name-long").get_text(strip=True) == SITE_NAME
    assert header.select_one(".site-name-short").get_text(strip=True) == SITE_SHORTNAME
    menu = header.select_one("details.site-menu")
    assert menu.select_one("summary").get_text(strip=True) == "Chuyên mục"
    assert menu.select_one("nav.site-nav a[href]")
    assert header.select_one(".site-search-slot") is not None


def test_header_has_no_image_when_no_logo_is_set(tmp_path):
    site = build(FIXTURES / "portal", tmp_path / "output", {"SITE_LOGO": ""})
    assert site.page("").select(".site-brand img") == []


def test_footer_shows_the_legal_block_marked_as_sample_when_sample_values_are_set(basic_site):
    footer = basic_site.page("").select_one("footer.site-footer")
    terms = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in footer.select(".legal-list dt")}
    assert terms["Cơ quan chủ quản"] == "Ban Chấp hành Đoàn trường THPT Lê Quý Đôn"  # tests/fixtures/fixture_site_conf.py
    assert "Địa chỉ" in terms and "Chịu trách nhiệm nội dung" in terms
    # No made-up phone number or licence in the sample.
    assert "Điện thoại" not in terms and "Giấy phép" not in terms
    assert footer.select('a[href^="tel:"]') == []
    assert "Ghi rõ nguồn" in footer.select_one(".footer-republish").get_text()
    assert "Thông tin mẫu" in footer.select_one(".footer-example").get_text()


def test_footer_shows_every_field_escaped_when_the_settings_fill_them(tmp_path):
    legal = {
        "owner": "Tỉnh đoàn <Tuyên Quang>", "address": "Số 1, phường Minh Xuân", "phone": "0207 3822 000",
        "email": "doankhoi@tuyenquang.gov.vn", "responsible": "Nguyễn Văn A", "licence": "Giấy phép số 12/GP-TTĐT",
        "republish": "Ghi rõ nguồn khi phát hành lại.",
    }
    site = build(FIXTURES / "portal", tmp_path / "output", {"SITE_LEGAL": legal, "SITE_LEGAL_EXAMPLE": False})
    text = site.text("")
    assert "Tỉnh đoàn &lt;Tuyên Quang&gt;" in text
    footer = site.page("").select_one("footer.site-footer")
    terms = [dt.get_text(strip=True) for dt in footer.select(".legal-list dt")]
    assert terms == ["Cơ quan chủ quản", "Địa chỉ", "Điện thoại", "Thư điện tử", "Chịu trách nhiệm nội dung", "Giấy phép"]
    assert footer.select_one('a[href="tel:02073822000"]').get_text() == "0207 3822 000"
    assert footer.select_one('a[href="mailto:doankhoi@tuyenquang.gov.vn"]')
    assert footer.select_one(".footer-example") is None


def test_sidebar_data_lists_latest_and_most_viewed_when_the_site_is_built(portal_site):
    article = portal_site.page(NEWEST)
    aside = article.select_one("aside.article-sidebar")
    data_url = portal_site.resolve(NEWEST, aside["data-sidebar"])
    data = json.loads(portal_site.text(data_url))
    assert [item["url"] for item in data["latest"]] == [NEWEST, WITH_COVER, LEAD_FEATURED, OLD_FEATURED, NO_VIEWS]
    # By the imported Views counts, most first; the news without a count is left out.
    assert [(item["url"], item["views_label"]) for item in data["most_viewed"]] == [
        (OLD_FEATURED, "9.999"), (LEAD_FEATURED, "1.532"), (WITH_COVER, "300"), (NEWEST, "40"),
    ]
    assert all(portal_site.exists(item["url"]) for item in data["latest"] + data["most_viewed"])
    titles = [h.get_text(strip=True) for h in aside.select("h2")]
    assert titles == ["Tin mới nhất", "Xem nhiều nhất", "Chuyên mục"]
    assert "lượt xem" in aside.select_one(".sidebar-note").get_text()


def test_sidebar_shows_plain_links_to_the_listings_when_javascript_is_off(portal_site):
    aside = portal_site.page(NEWEST).select_one("aside.article-sidebar")
    fallbacks = links(portal_site, aside, ".sidebar-fallback a", NEWEST)
    assert fallbacks == ["", "luu-tru/"]
    assert all(portal_site.exists(url) for url in fallbacks)
    # The changing lists are not written into the article page.
    assert aside.select(".sidebar-news") == []
    categories = links(portal_site, aside, ".sidebar-categories a", NEWEST)
    assert categories and all(portal_site.exists(url) for url in categories)


def test_a_new_article_leaves_article_pages_of_other_categories_unchanged_when_published(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "portal", content)
    before = build(content, tmp_path / "before")
    (content / "2022" / "tin-moi-dang.md").write_text(
        "Title: Tin mới đăng\nDate: 2022-09-25 08:00\nCategory: Tin hoạt động\nAuthor: ĐTN\n"
        "Summary: Một tin mới.\nViews: 100000\n\nNội dung tin mới đăng.\n",
        encoding="utf-8",
    )
    after = build(content, tmp_path / "after")
    # Công tác Đoàn and Thanh niên tình nguyện get no news: their article pages stay byte for byte.
    for url in [LEAD_FEATURED, OLD_FEATURED]:
        assert after.text(url) == before.text(url), url
    # The sidebar's file has the new news, first in both lists.
    data = json.loads(after.text("tin-noi-bat.json"))
    assert data["latest"][0]["url"] == data["most_viewed"][0]["url"] == "2022/09/tin-moi-dang.html"


def test_article_text_column_and_sidebar_are_marked_when_rendered(portal_site):
    page = portal_site.page(NEWEST)
    layout = page.select_one("main .article-layout")
    assert layout.select_one(".article-column article.news-article")
    assert layout.select_one("aside.article-sidebar")


def test_sidebar_file_keeps_hostile_titles_as_plain_strings_when_metadata_holds_markup(tmp_path):
    site = build(FIXTURES / "hostile_metadata", tmp_path / "output")
    data = json.loads(site.text("tin-noi-bat.json"))
    titles = [item["title"] for item in data["latest"]]
    assert "</script><script>alert(1)</script> <b>Đậm</b> & \"ngoặc kép\" 'đơn' <i>" in titles


# --- Readers (issue 23) ---

@pytest.fixture(scope="module")
def stale_site(tmp_path_factory):
    """The portal fixture built 31 days after its newest news (20/9/2022 08:00), without an emblem."""
    output = tmp_path_factory.mktemp("stale") / "output"
    return build(FIXTURES / "portal", output, {"SITE_LOGO": "", "SEARCH_ENABLED": False}, env=built_on("2022-10-21"))


def test_newest_news_is_an_ordinary_item_when_older_than_the_lead_age_limit(stale_site):
    page = stale_site.page("")
    assert page.select("main .lead-story") == []
    # Nothing is lost: the five news fill the row and the list, newest first.
    shown = links(stale_site, page, ".card-title a, .home-latest .news-title a")
    assert shown == [NEWEST, WITH_COVER, LEAD_FEATURED, OLD_FEATURED, NO_VIEWS]
    assert page.select_one("main .home-row h2").get_text() == "Tin mới đăng"


def test_old_news_lead_again_when_the_age_limit_is_off(tmp_path):
    site = build(FIXTURES / "portal", tmp_path / "output", {"PORTAL_LEAD_MAX_AGE_DAYS": 0, "SEARCH_ENABLED": False},
                 env=built_on("2026-01-01"))
    assert links(site, site.page(""), "main .lead-title a") == [LEAD_FEATURED]


def test_row_news_without_a_photo_show_the_emblem_and_their_category_when_the_site_has_an_emblem(portal_site):
    cards = portal_site.page("").select("main .card-row .card")
    assert len(cards) == 4
    for card in cards:
        title = card.select_one(".card-title a")
        placeholder = card.select_one(".cover-placeholder")
        if card.select_one("img.cover"):
            assert placeholder is None
            continue
        # No empty box: the site's emblem (SITE_LOGO) and the category of this very news.
        article = portal_site.page(portal_site.resolve("", title["href"]))
        category = article.select(".breadcrumb a")[-1].get_text(strip=True)
        assert placeholder["aria-hidden"] == "true"
        emblem = placeholder.select_one("img.placeholder-emblem")
        assert emblem["alt"] == "" and portal_site.exists(portal_site.resolve("", emblem["src"]))
        assert placeholder.select_one(".placeholder-category").get_text(strip=True) == category
    assert sum(bool(card.select_one(".cover-placeholder")) for card in cards) == 3


def test_row_news_without_a_photo_show_their_category_when_the_site_has_no_emblem(stale_site):
    cards = [card for card in stale_site.page("").select("main .card-row .card") if not card.select_one("img.cover")]
    assert len(cards) == 3
    for card in cards:
        article = stale_site.page(stale_site.resolve("", card.select_one(".card-title a")["href"]))
        placeholder = card.select_one(".cover-placeholder")
        assert placeholder.select("img") == []
        assert placeholder.get_text(strip=True) == article.select(".breadcrumb a")[-1].get_text(strip=True)
    assert "card-placeholder" not in stale_site.text("")


def test_most_viewed_box_is_left_out_when_no_news_has_a_view_count(tmp_path):
    site = build(FIXTURES / "date_archives", tmp_path / "output", {"SEARCH_ENABLED": False})
    pages = [site.page(site.url_of(f)) for f in site.html_files()]
    asides = [page.select_one("aside.article-sidebar") for page in pages if page.select_one("aside.article-sidebar")]
    assert asides
    for aside in asides:
        assert [h.get_text(strip=True) for h in aside.select("h2")] == ["Tin mới nhất", "Chuyên mục"]
        assert aside.select("[data-list=most_viewed]") == []


def test_article_offers_the_share_sheet_and_copying_its_link_hidden_until_the_script_shows_them(portal_site):
    footer = portal_site.page(NEWEST).select_one(".article-footer")
    share = footer.select_one("button[data-share]")
    copy = footer.select_one("button[data-copy-link]")
    assert share.has_attr("hidden") and copy.has_attr("hidden")
    assert share["data-share-url"] == copy["data-copy-link"] == "http://localhost:8000/" + NEWEST
    assert share["data-share-title"] == "Tin mới nhất của chuyên mục"
    assert share.get_text() == "Chia sẻ qua Zalo, Messenger…" and copy.get_text() == "Sao chép liên kết"
    assert footer.select_one(".share-status[role=status]")
    # The plain links stay for browsers without the script.
    assert [a.get_text() for a in footer.select(".share-links a")] == ["Facebook", "X", "Email"]
