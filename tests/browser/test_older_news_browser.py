""""Các tin đã đăng" in headless Chromium: from an article to page 2 and back, with JavaScript on
(exact "Trang 2" label, pages turned in place or on the shared window page) and off (plain links,
the window's always-true text)."""

import pytest

from conftest import serve_fixture

ARTICLE = "2023/01/hoat-dong-23.html"  # 22 older news in "Tin hoạt động": 3 pages
PAGE_1 = [f"2023/01/hoat-dong-{n:02d}.html" for n in range(22, 12, -1)]
PAGE_2 = [f"2023/01/hoat-dong-{n:02d}.html" for n in range(12, 2, -1)]
PAGE_3 = [f"2023/01/hoat-dong-{n:02d}.html" for n in range(2, 0, -1)]
BLOCK = "#cac-tin-da-dang"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve_fixture(tmp_path_factory, "older_news") as base:
        yield base


def listed(page, base):
    hrefs = page.eval_on_selector_all(f"{BLOCK} .older-news-list a", "links => links.map(a => a.href)")
    return [href[len(base):] for href in hrefs]


def totals(page):
    return page.inner_text(f"{BLOCK} .listing-totals").strip()


def pager_link(page, label):
    return page.locator(f"{BLOCK} nav.pager a", has_text=label).first


def test_pages_turn_in_place_with_exact_label_when_javascript_is_on(server, chromium):
    page = chromium.new_page()
    page.goto(server + ARTICLE)
    assert totals(page) == "Tổng số: 22 | Trang: 1 trên tổng số 3 trang"
    page.locator(f'{BLOCK} nav.pager a[aria-label="Trang 2"]').click()
    page.wait_for_function("document.querySelector('#cac-tin-da-dang .listing-totals').textContent.includes('Trang: 2')")
    assert totals(page) == "Tổng số: 22 | Trang: 2 trên tổng số 3 trang"
    assert page.url == server + ARTICLE
    assert listed(page, server) == PAGE_2
    assert page.get_attribute(f'{BLOCK} a[aria-current="page"]', "aria-label") == "Trang 2"
    pager_link(page, "‹ Trước").click()
    page.wait_for_function("document.querySelector('#cac-tin-da-dang .listing-totals').textContent.includes('Trang: 1')")
    assert listed(page, server) == PAGE_1
    assert page.url == server + ARTICLE
    page.close()


def test_window_page_shows_the_reader_exact_page_when_javascript_is_on(server, chromium):
    page = chromium.new_page()
    page.goto(server + ARTICLE)
    href = page.get_attribute(f'{BLOCK} nav.pager a[aria-label="Trang 2"]', "href")
    page.goto(server + "2023/01/" + href)  # where the plain link leads: the shared window
    assert page.url.startswith(server + "tin-da-dang/tin-hoat-dong/12/?t=22")
    assert totals(page) == "Tổng số: 22 | Trang: 2 trên tổng số 3 trang"
    assert page.get_attribute(f'{BLOCK} a[aria-current="page"]', "aria-label") == "Trang 2"
    assert listed(page, server) == PAGE_2
    pager_link(page, "Sau ›").click()
    page.wait_for_url(lambda url: "/tin-da-dang/tin-hoat-dong/2/?t=22&" in url)
    assert totals(page) == "Tổng số: 22 | Trang: 3 trên tổng số 3 trang"
    assert listed(page, server) == PAGE_3
    page.locator(f'{BLOCK} nav.pager a[aria-label="Trang 1"]').click()
    page.wait_for_url(server + ARTICLE + "#cac-tin-da-dang")
    assert totals(page) == "Tổng số: 22 | Trang: 1 trên tổng số 3 trang"
    page.close()


def test_window_page_keeps_its_true_text_when_the_reader_total_does_not_fit(server, chromium):
    page = chromium.new_page()
    for query in ("?t=23", "?t=abc", "?t=5", "?t=22&tu=https://example.invalid/x"):
        page.goto(server + "tin-da-dang/tin-hoat-dong/12/" + query)
        if query.startswith("?t=22"):
            # A valid total with a foreign path: exact label, but page 1 stays inside the site.
            assert totals(page) == "Tổng số: 22 | Trang: 2 trên tổng số 3 trang"
            first = page.get_attribute(f'{BLOCK} nav.pager a[aria-label="Trang 1"]', "href")
            assert "example.invalid" not in first and first.startswith("../../../tin-da-dang/tin-hoat-dong/22/")
        else:
            assert totals(page) == "Tin thứ 12 đến 3, đánh số từ tin đầu tiên của chuyên mục", query
    page.close()


def test_links_reach_page_two_and_back_with_true_text_when_javascript_is_off(server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + ARTICLE)
    assert totals(page) == "Tổng số: 22 | Trang: 1 trên tổng số 3 trang"
    page.locator(f'{BLOCK} nav.pager a[aria-label="Trang 2"]').click()
    page.wait_for_url(lambda url: "/tin-da-dang/tin-hoat-dong/12/?t=22&" in url)
    assert totals(page) == "Tin thứ 12 đến 3, đánh số từ tin đầu tiên của chuyên mục"
    assert listed(page, server) == PAGE_2
    pager_link(page, "‹ Trước").click()
    page.wait_for_url(server + "tin-da-dang/tin-hoat-dong/22/")
    assert listed(page, server) == PAGE_1  # the same news as the article's page 1
    page.go_back()
    page.go_back()
    page.wait_for_url(server + ARTICLE)
    assert totals(page) == "Tổng số: 22 | Trang: 1 trên tổng số 3 trang"
    assert listed(page, server) == PAGE_1
    context.close()


def test_window_page_shows_no_pager_when_the_reader_has_a_single_page(server, chromium):
    page = chromium.new_page()
    page.goto(server + "tin-da-dang/tin-hoat-dong/4/?t=4&tu=2023/01/hoat-dong-05.html")
    assert totals(page) == "Tổng số: 4 | Trang: 1 trên tổng số 1 trang"
    assert page.locator(f"{BLOCK} nav.pager").count() == 0
    page.close()
