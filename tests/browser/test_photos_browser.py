"""The school fixture site's long article with four camera photos in Chromium: a phone fetches small candidates only,
a desktop no more than the column needs, and no original is ever fetched.

Weights are measured by tools/bench_photos.py; here only which candidates the browser picks."""

import re

import pytest

from conftest import serve

ARTICLE = "2022/06/nhung-ket-qua-hoat-dong-noi-bat-cua-doan-truong-trong-nam-hoc-2021-2022.html"
WIDTH = re.compile(r"-(\d+)w\.(?:webp|jpg|png)$")


@pytest.fixture(scope="module")
def served_site(school_site):
    with serve(school_site.output) as base:
        yield base


def load_to_the_end(chromium, base, width, height, ratio, screenshot=None):
    """The image URLs fetched; `screenshot`, a path, receives the top of the page."""
    context = chromium.new_context(viewport={"width": width, "height": height}, device_scale_factor=ratio)
    page = context.new_page()
    images = []
    page.on("response", lambda response: images.append(response.url) if response.request.resource_type == "image" else None)
    page.goto(base + ARTICLE, wait_until="load")
    # Scroll step by step so every lazy picture is reached, then wait for the network to settle.
    total = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, total + height, height // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    complete = page.evaluate("[...document.querySelectorAll('.article-body img')].every(i => i.complete && i.naturalWidth > 0)")
    if screenshot:
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(screenshot))
    context.close()
    return images, complete


def widths(urls):
    return [int(match.group(1)) for match in map(WIDTH.search, urls) if match]


def test_phone_at_360_px_downloads_only_small_webp_candidates(chromium, served_site, artifacts):
    images, complete = load_to_the_end(chromium, served_site, 360, 800, 2, artifacts / "photos-article-360.png")
    photos = [url for url in images if "/photos/" in url]
    assert complete
    assert len(photos) == 4, images
    assert all(url.endswith(".webp") for url in photos)
    # 328 CSS px of column × 2 device pixels: the 720 px candidate, never the 1600 px one.
    assert widths(photos) == [720, 720, 720, 720]
    assert not [url for url in images if "/images/2022/trai-he" in url]  # no original


def test_desktop_at_1280_px_downloads_the_column_sized_candidate(chromium, served_site, artifacts):
    images, complete = load_to_the_end(chromium, served_site, 1280, 800, 1, artifacts / "photos-article-1280.png")
    photos = [url for url in images if "/photos/" in url]
    assert complete
    # The text column is 608 CSS px (38rem): the 720 px candidate, not the 1200 px one.
    assert widths(photos) == [720, 720, 720, 720]


def test_pictures_keep_their_space_before_they_load(chromium, served_site):
    """width/height reserve the box: the text below does not jump when a lazy photo arrives."""
    context = chromium.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    page.route("**/photos/*", lambda route: route.abort())  # no image ever arrives
    page.goto(served_site + ARTICLE, wait_until="load")
    boxes = page.evaluate("[...document.querySelectorAll('.article-body picture img')].map(i => i.getBoundingClientRect().height)")
    context.close()
    assert len(boxes) == 4
    assert all(240 <= height <= 250 for height in boxes), boxes  # 328 px wide at 4:3
