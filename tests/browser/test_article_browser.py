"""The reference article in headless Chromium at a phone's width (360×740).

Serves tests/fixtures/school_site on 127.0.0.1 and keeps a full-page screenshot in test-artifacts/."""

import pytest

from conftest import serve

REFERENCE = "2022/06/nhung-ket-qua-hoat-dong-noi-bat-cua-doan-truong-trong-nam-hoc-2021-2022.html"


@pytest.fixture(scope="module")
def served_site(school_site):
    with serve(school_site.output) as base:
        yield base


@pytest.fixture(scope="module")
def phone_page(served_site, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    requested = []
    errors = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site + REFERENCE, wait_until="load")
    page.requested, page.errors, page.base = requested, errors, served_site
    yield page
    context.close()


def test_article_has_no_horizontal_scroll_when_viewport_is_360_px_wide(phone_page):
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    # No element sticks out to the right either (an overflow hidden by a parent would not widen the page).
    widest = phone_page.evaluate(
        "Math.max(...[...document.querySelectorAll('main *')].map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= 360


def test_title_is_rendered_upper_case_when_page_is_shown(phone_page):
    title = phone_page.locator("h1.article-title")
    assert title.evaluate("e => getComputedStyle(e).textTransform") == "uppercase"
    assert title.inner_text().startswith("NHỮNG KẾT QUẢ, HOẠT ĐỘNG NỔI BẬT")


def test_print_button_is_visible_when_javascript_runs(phone_page):
    button = phone_page.locator("button.print-button")
    assert button.is_visible()
    assert button.inner_text() == "In bài viết"
    assert phone_page.errors == []


def test_page_fetches_nothing_from_elsewhere_when_loaded(phone_page):
    outside = [url for url in phone_page.requested if not url.startswith(phone_page.base)]
    assert outside == []


def test_screenshot_is_kept_when_article_is_shown_at_360_px(phone_page, artifacts):
    target = artifacts / "article-360.png"
    phone_page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000


def test_print_shows_only_the_article_when_page_is_printed(phone_page):
    phone_page.emulate_media(media="print")
    try:
        hidden = phone_page.evaluate(
            "['.site-nav', '.article-actions', '.article-neighbours', '.breadcrumb', '.site-footer']"
            ".map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)"
        )
        assert hidden and set(hidden) == {"none"}
        assert phone_page.locator("h1.article-title").is_visible()
        assert phone_page.locator(".article-signature").is_visible()
    finally:
        phone_page.emulate_media(media="screen")


@pytest.mark.parametrize("url", ["", "chuyen-muc/tin-hoat-dong/", "chuyen-muc/tin-hoat-dong/trang/3/", "the/"])
def test_listing_has_no_horizontal_scroll_when_viewport_is_360_px_wide(phone_page, url):
    phone_page.goto(phone_page.base + url, wait_until="load")
    try:
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        phone_page.goto(phone_page.base + REFERENCE, wait_until="load")
