"""What a reader meets first (issue 23), in headless Chromium on tests/fixtures/school_site: phone home titles
readable at a glance, no empty picture boxes, the date picker near an article's top on a phone,
sharing by the system's share sheet or a copied link, and `sizes` that describe the layout (the
browser fetches the candidate the displayed width needs, at 360, 768 and 1280 px, DPR 1 and 2)."""

import re
import shutil

import pytest

from conftest import FIXTURES, build, built_on, serve

ARTICLE = "2022/06/nhung-ket-qua-hoat-dong-noi-bat-cua-doan-truong-trong-nam-hoc-2021-2022.html"
WIDTH = re.compile(r"-(\d+)w\.(?:webp|jpg|png)$")


@pytest.fixture(scope="module")
def served(school_site):
    with serve(school_site.output) as base:
        yield base


PHOTO_NEWS = """Title: Ảnh hội trại thanh niên
Date: 2022-08-06 08:00
Category: Tin hoạt động
Author: ĐTN
Summary: Bài có ảnh lớn và ảnh nhỏ.
Image: {static}/images/anh-0.jpg
Slug: anh-hoi-trai

Mở đầu.

![Ảnh lớn]({static}/images/anh-1.jpg "Ảnh lớn")

Giữa bài.

![Ảnh nhỏ hơn cột chữ]({static}/images/anh-nho.jpg "Ảnh nhỏ")
"""
PHOTO_ARTICLE = "2022/08/anh-hoi-trai.html"


@pytest.fixture(scope="module")
def served_photos(tmp_path_factory):
    """tests/fixtures/basic with camera-sized covers on its newest news and an article with a wide and
    a narrow photo, built a few days after its newest news: a lead, a row, lists and blocks, all
    with photos plugins/photos turns into candidates."""
    from PIL import Image, ImageDraw  # noqa: PLC0415 - only this test draws photos

    root = tmp_path_factory.mktemp("photos-layout")
    content = root / "content"
    shutil.copytree(FIXTURES / "basic", content)
    images = content / "images"

    def photo(name, width, height, colour):
        picture = Image.new("RGB", (width, height), colour)
        ImageDraw.Draw(picture).ellipse((width // 4, height // 4, width // 2, height // 2), fill=(255, 255, 255))
        picture.save(images / name, quality=85)

    for index, path in enumerate(sorted((content / "2022").glob("*.md")) + sorted((content / "2021").glob("*.md"))):
        photo(f"anh-{index}.jpg", 1600, 900, (40 * index % 256, 90, 160))
        text = path.read_text(encoding="utf-8")
        if "\nImage:" not in text:
            path.write_text(text.replace("\n", f"\nImage: {{static}}/images/anh-{index}.jpg\n", 1), encoding="utf-8")
    photo("anh-nho.jpg", 600, 450, (200, 120, 40))
    (content / "2022" / "anh-hoi-trai.md").write_text(PHOTO_NEWS, encoding="utf-8")
    site = build(content, root / "output", {"SEARCH_ENABLED": False, "PHOTOS_CACHE_PATH": str(root / "cache-photos")},
                 env=built_on("2022-08-10"))
    with serve(site.output) as base:
        yield base


def new_page(chromium, width, height=800, ratio=1, **options):
    context = chromium.new_context(viewport={"width": width, "height": height}, device_scale_factor=ratio, **options)
    return context, context.new_page()


# Each title's link: its lines on screen (height / line height), and its whole text.
TITLE_LINES = """selector => [...document.querySelectorAll(selector)].map(a => {
  const style = getComputedStyle(a);
  return [a.getAttribute('href'), Math.round(a.getBoundingClientRect().height / parseFloat(style.lineHeight)), a.textContent];
})"""


def test_phone_home_titles_take_at_most_three_lines_and_keep_their_whole_text(chromium, served, school_site):
    context, page = new_page(chromium, 360)
    page.goto(served)
    titles = page.evaluate(TITLE_LINES, ".card-title a, .home-latest .news-title a, .home-category .news-title a, .block-more a")
    lefts = page.evaluate("[...document.querySelectorAll('.card')].map(c => Math.round(c.getBoundingClientRect().left))")
    context.close()
    assert len(titles) >= 10
    for href, lines, text in titles:
        assert 1 <= lines <= 3, (href, lines)
        # Clamped on screen only: the link's text (what screen readers read) is the whole title.
        title = school_site.page(school_site.resolve("", href)).select_one("h1.article-title").get_text()
        assert text == title
    assert len(set(lefts)) == 1  # one news a line: the row is one column on a phone


@pytest.mark.parametrize("width", [360, 1280])
def test_row_news_without_a_photo_show_a_visible_emblem_not_an_empty_box(chromium, served, width):
    context, page = new_page(chromium, width)
    page.goto(served, wait_until="load")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    boxes = page.evaluate("""[...document.querySelectorAll('.card .cover-placeholder')].map(p => {
      const r = p.getBoundingClientRect(), emblem = p.querySelector('img').getBoundingClientRect();
      const category = p.querySelector('.placeholder-category');
      return [r.width, r.height, emblem.width, p.querySelector('img').naturalWidth,
              getComputedStyle(p).backgroundImage, category.getBoundingClientRect().width];
    })""")
    context.close()
    assert boxes, "the reference site's row has news without a photo"
    for box_width, box_height, emblem_width, natural, background, category_width in boxes:
        assert box_width > 90 and abs(box_height - box_width * 9 / 16) < 2
        assert emblem_width >= 28 and natural > 0
        assert background.startswith("linear-gradient")
        # The category is named where there is room for it; a phone's small box shows the emblem alone.
        assert (category_width > 0) == (width > 640)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_phone_article_has_the_date_picker_within_two_screens_of_its_top(chromium, served, javascript):
    context, page = new_page(chromium, 360, java_script_enabled=javascript)
    page.goto(served + ARTICLE)
    top = page.evaluate("document.querySelector('.date-picker').getBoundingClientRect().top + window.scrollY")
    assert top <= 1600
    page.locator(".date-picker-summary").click()
    target = "#picker-day" if javascript else ".picker-fallback a"
    assert page.locator(target).is_visible()
    field_top = page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top + window.scrollY")
    title_top = page.evaluate("document.querySelector('.article-title').getBoundingClientRect().top + window.scrollY")
    context.close()
    assert field_top <= 1600
    # Folded, it costs the article one line: the title still starts on the first screen.
    assert title_top < 400


def test_wide_article_shows_the_date_picker_open_beside_the_text(chromium, served):
    context, page = new_page(chromium, 1280)
    page.goto(served + ARTICLE)
    assert page.locator("#picker-day").is_visible()
    picker = page.evaluate("(() => { const r = document.querySelector('.date-picker').getBoundingClientRect(); return [r.left, r.top]; })()")
    body_right = page.evaluate("document.querySelector('.article-body').getBoundingClientRect().right")
    sidebar_top = page.evaluate("document.querySelector('.article-sidebar').getBoundingClientRect().top")
    context.close()
    assert picker[0] > body_right and picker[1] < 300
    assert sidebar_top > picker[1]


SHARED = "http://localhost:8000/" + ARTICLE


def test_share_button_opens_the_system_share_sheet_when_the_browser_has_one(chromium, served):
    context, page = new_page(chromium, 360)
    # Headless Chromium on Linux has no share sheet: a recording stand-in, as a phone browser has.
    page.add_init_script("window.__shared = []; navigator.share = data => { window.__shared.push(data); return Promise.resolve(); };")
    page.goto(served + ARTICLE)
    button = page.locator("button[data-share]")
    assert button.is_visible() and button.inner_text() == "Chia sẻ qua Zalo, Messenger…"
    button.click()
    shared = page.evaluate("window.__shared")
    context.close()
    assert shared == [{"title": "Những kết quả, hoạt động nổi bật của Đoàn trường trong năm học 2021 - 2022", "url": SHARED}]


def test_copy_link_puts_the_address_on_the_clipboard_when_there_is_no_share_sheet(chromium, served):
    context, page = new_page(chromium, 1280)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    page.goto(served + ARTICLE)
    assert page.evaluate("'share' in navigator") is False
    assert page.locator("button[data-share]").is_hidden()
    page.locator("button[data-copy-link]").click()
    page.locator(".share-status", has_text="Đã sao chép").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    status = page.locator(".share-status").inner_text()
    context.close()
    assert copied == SHARED
    assert status == "Đã sao chép liên kết. Dán vào Zalo hoặc tin nhắn để gửi."


def test_share_buttons_stay_hidden_when_javascript_is_off(chromium, served):
    context, page = new_page(chromium, 360, java_script_enabled=False)
    page.goto(served + ARTICLE)
    hidden = [page.locator(s).is_hidden() for s in ("button[data-share]", "button[data-copy-link]")]
    links = page.locator(".share-links a").all_inner_texts()
    context.close()
    assert hidden == [True, True]
    assert links == ["Facebook", "X", "Email"]


# Every picture with candidates: its displayed width, the width `sizes` gave the browser (a w-descriptor
# image's naturalWidth is its slot width), the candidates of the format it used and the one it chose.
PICTURES = """() => [...document.querySelectorAll('main img[srcset]')].filter(i => i.currentSrc).map(img => {
  const source = [...img.parentElement.querySelectorAll('source')].find(s => s.srcset.includes(img.currentSrc.split('/').pop()));
  const srcset = (source || img).srcset;
  return {cls: img.className, shown: img.getBoundingClientRect().width, slot: img.naturalWidth,
          candidates: srcset.split(',').map(c => c.trim().split(/\\s+/)[0]), chosen: img.currentSrc};
})"""


def width_of(url):
    return int(WIDTH.search(url).group(1))


@pytest.mark.parametrize("ratio", [1, 2])
@pytest.mark.parametrize("width", [360, 768, 1280])
def test_browser_fetches_the_smallest_candidate_covering_each_picture_when_sizes_match_the_layout(chromium, served_photos, width, ratio):
    pictures = []
    for url in ["", "chuyen-muc/tin-hoat-dong/", PHOTO_ARTICLE]:
        # A fresh context a page: no larger candidate already in the memory cache.
        context, page = new_page(chromium, width, ratio=ratio)
        page.goto(served_photos + url, wait_until="load")
        total = page.evaluate("document.documentElement.scrollHeight")
        for y in range(0, total + 800, 400):
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(30)
        page.wait_for_load_state("networkidle")
        pictures += [dict(item, page=url) for item in page.evaluate(PICTURES)]
        context.close()
    kinds = {item["cls"].split()[-1] if item["cls"] else "body" for item in pictures}
    assert {"cover-lead", "cover-card", "cover-block", "cover-thumb", "body"} <= kinds, kinds
    for item in pictures:
        assert item["shown"] > 0, item
        # `sizes` describes the layout: the slot the browser computed is the width shown.
        assert abs(item["slot"] - item["shown"]) <= 1, item
        widths = sorted(width_of(url) for url in item["candidates"])
        need = item["shown"] * ratio
        covering = [w for w in widths if w >= need - 0.5]
        expected = covering[0] if covering else widths[-1]
        chosen = width_of(item["chosen"])
        if ratio > 1 and chosen < expected:
            # Chromium takes the candidate below when the screen's density is under the geometric
            # mean of the two candidates' densities (HTMLSrcsetParser's PickBestImageCandidate).
            below = widths[widths.index(expected) - 1]
            assert chosen == below and ratio < ((below / item["shown"]) * (expected / item["shown"])) ** 0.5, item
        else:
            assert chosen == expected, item
