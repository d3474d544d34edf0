""""Các tin đã đăng" in headless Chromium: from an article to older pages and back, with JavaScript
on (pages turned in place, the address following so Back, reload and a shared link work, focus on
the list's heading) and off (plain links to the shared window pages)."""

import pytest

from conftest import serve_fixture

ARTICLE = "2023/01/hoat-dong-23.html"  # 22 older news in "Tin hoạt động": 3 pages
PAGE_1 = [f"2023/01/hoat-dong-{n:02d}.html" for n in range(22, 12, -1)]
PAGE_2 = [f"2023/01/hoat-dong-{n:02d}.html" for n in range(12, 2, -1)]
PAGE_3 = [f"2023/01/hoat-dong-{n:02d}.html" for n in range(2, 0, -1)]
BLOCK = "#cac-tin-da-dang"
FIRST_TOTALS = "Tổng số: 22 | Trang: 1 trên tổng số 3 trang"
PAGE_2_TOTALS = "Các tin cũ hơn, từ ngày 3/1/2023 đến ngày 11/1/2023 (10 tin)"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve_fixture(tmp_path_factory, "older_news") as base:
        yield base


def listed(page, base):
    hrefs = page.eval_on_selector_all(f"{BLOCK} .older-news-list a", "links => links.map(a => a.href)")
    return [href[len(base):] for href in hrefs]


def totals(page):
    return page.inner_text(f"{BLOCK} .listing-totals").strip()


def wait_for_list(page, base, expected):
    page.wait_for_function(
        "([selector, first]) => { const a = document.querySelector(selector); return a && a.href === first; }",
        arg=[f"{BLOCK} .older-news-list a", base + expected[0]],
    )
    assert listed(page, base) == expected


def pager_link(page, label):
    return page.locator(f"{BLOCK} nav.pager a", has_text=label).first


def test_pages_turn_in_place_and_the_address_follows_when_javascript_is_on(server, chromium):
    page = chromium.new_page()
    page.goto(server + ARTICLE)
    assert totals(page) == FIRST_TOTALS
    page.locator(f'{BLOCK} nav.pager a[aria-label="Trang 2"]').click()
    wait_for_list(page, server, PAGE_2)
    assert totals(page) == PAGE_2_TOTALS
    assert page.url == server + ARTICLE + "?tin-da-dang=12#cac-tin-da-dang"
    assert page.evaluate("document.activeElement.id") == "cac-tin-da-dang-tieu-de"
    assert page.locator("h1.article-title").count() == 1  # still the article
    pager_link(page, "Tin cũ hơn ›").click()
    wait_for_list(page, server, PAGE_3)
    assert page.url == server + ARTICLE + "?tin-da-dang=2#cac-tin-da-dang"
    page.go_back()
    wait_for_list(page, server, PAGE_2)
    page.go_back()
    wait_for_list(page, server, PAGE_1)
    assert totals(page) == FIRST_TOTALS
    page.go_forward()
    wait_for_list(page, server, PAGE_2)
    page.reload()
    wait_for_list(page, server, PAGE_2)
    assert totals(page) == PAGE_2_TOTALS
    page.close()


def test_shared_link_opens_the_article_on_that_older_page_when_javascript_is_on(server, chromium):
    page = chromium.new_page()
    page.goto(server + ARTICLE + "?tin-da-dang=2")
    wait_for_list(page, server, PAGE_3)
    pager_link(page, "‹ Tin mới hơn").click()
    wait_for_list(page, server, PAGE_2)
    page.close()


@pytest.mark.parametrize("query", ["?tin-da-dang=abc", "?tin-da-dang=999", "?tin-da-dang=-1", "?tin-da-dang=0"])
def test_article_keeps_its_first_page_when_the_address_names_no_window(server, chromium, query):
    page = chromium.new_page()
    failed = []
    page.on("pageerror", lambda error: failed.append(error))
    page.goto(server + ARTICLE + query)
    page.wait_for_load_state("networkidle")
    assert totals(page) == FIRST_TOTALS and listed(page, server) == PAGE_1
    assert failed == []
    page.close()


def test_links_reach_older_pages_and_back_when_javascript_is_off(server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + ARTICLE)
    assert totals(page) == FIRST_TOTALS
    page.locator(f'{BLOCK} nav.pager a[aria-label="Trang 2"]').click()
    page.wait_for_url(server + "tin-da-dang/tin-hoat-dong/12/")
    assert totals(page) == PAGE_2_TOTALS
    assert listed(page, server) == PAGE_2
    pager_link(page, "‹ Tin mới hơn").click()
    page.wait_for_url(server + "tin-da-dang/tin-hoat-dong/22/")
    assert listed(page, server) == PAGE_1  # the same news as the article's page 1
    page.go_back()
    page.go_back()
    page.wait_for_url(server + ARTICLE)
    assert totals(page) == FIRST_TOTALS
    assert listed(page, server) == PAGE_1
    context.close()
