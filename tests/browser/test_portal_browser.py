"""The portal look in headless Chromium at a phone's (360 px) and a desktop's (1280 px) width, on the
school fixture site (tests/fixtures/school_site): axe-core (npm, pinned) finds no WCAG 2.1 AA violation on any page type, nothing
scrolls sideways, the phone header stays compact, the article's text column reads at 60–80
characters a line, the menu and the sidebar work. Screenshots of every page type go to
test-artifacts/<type>-<width>.png."""

import json

import pytest

from conftest import ROOT, serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REFERENCE = "2022/06/nhung-ket-qua-hoat-dong-noi-bat-cua-doan-truong-trong-nam-hoc-2021-2022.html"
WIDTHS = [360, 1280]

PAGE_TYPES = {
    "home": "",
    "home-page-2": "trang/2/",
    "article": REFERENCE,
    "article-older-news": "2022/02/tap-huan-can-bo-lop-va-bi-thu-chi-doan-dot-13.html",
    "category": "chuyen-muc/tin-hoat-dong/",
    "category-page-2": "chuyen-muc/tin-hoat-dong/trang/2/",
    "categories": "chuyen-muc/",
    "tag": "the/an-sinh-xa-hoi/",
    "tags": "the/",
    "author": "tac-gia/dtn/",
    "authors": "tac-gia/",
    "archives": "luu-tru/",
    "year": "2022/",
    "month": "2022/06/",
    "day": "2022/06/19/",
    "older-news-window": "tin-da-dang/tin-hoat-dong/10/",
    "static-page": "gioi-thieu.html",
    "not-found": "404.html",
}


@pytest.fixture(scope="module")
def served(school_site):
    with serve(school_site.output) as base:
        yield base


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def context(request, chromium):
    context = chromium.new_context(viewport={"width": request.param, "height": 800}, device_scale_factor=1)
    context.width = request.param
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()


def open_page(page, served, url):
    page.goto(served + url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return page


# Known issues in files this theme does not own, left to their owner's rewrite: (axe rule, CSS
# selector of the elements it flags). Nothing outside these elements is excused.
# (rule, selector) pairs of violations known and left for later; none today.
KNOWN_ELSEWHERE = set()


def run_axe(page) -> list:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `make test` (or `make standards-tools`) to install node_modules")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """(known) => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(result => result.violations.map(v => ({
            id: v.id, help: v.help,
            nodes: v.nodes.filter(n => !known.some(([id, selector]) => id === v.id
              && document.querySelector(n.target[0]) && document.querySelector(n.target[0]).matches(selector))).map(n => n.target)
          })).filter(v => v.nodes.length))""",
        [list(pair) for pair in KNOWN_ELSEWHERE],
    )
    return result


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_type_has_no_axe_violation_nor_sideways_scroll_when_shown(page, served, name, artifacts):
    open_page(page, served, PAGE_TYPES[name])
    width = page.viewport_size["width"]
    target = artifacts / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 5_000
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = run_axe(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert page.errors == []


@pytest.mark.parametrize("name", ["home", "article", "category", "archives", "day"])
def test_phone_header_takes_at_most_120_px_when_the_menu_is_closed(chromium, served, name):
    context = chromium.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served + PAGE_TYPES[name])
    height = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    short_visible = page.locator(".site-name-short").is_visible()
    long_visible = page.locator(".site-name-long").is_visible()
    nav_visible = page.locator(".site-nav").is_visible()
    context.close()
    assert height <= 120
    assert short_visible and not long_visible
    assert not nav_visible


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_phone_menu_opens_from_its_button_when_tapped(chromium, served, javascript):
    context = chromium.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(served)
    button = page.locator("summary.site-menu-button")
    assert button.is_visible()
    assert button.evaluate("e => e.parentElement.open") is False
    button.click()
    assert page.locator(".site-nav a", has_text="Lưu trữ").is_visible()
    page.locator(".site-nav a", has_text="Lưu trữ").click()
    page.wait_for_url(served + "luu-tru/")
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_desktop_shows_the_whole_menu_and_the_full_name_when_wide(chromium, served, javascript):
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(served)
    assert page.locator(".site-nav a", has_text="Lưu trữ").is_visible()
    assert page.locator("summary.site-menu-button").is_hidden()
    assert page.locator(".site-name-long").is_visible() and page.locator(".site-name-short").is_hidden()
    top = page.evaluate("[...document.querySelectorAll('.site-nav li')].map(li => li.getBoundingClientRect().top)")
    context.close()
    assert len(set(round(t) for t in top)) == 1  # one row


# Characters per full line of the article's longest paragraph, measured letter by letter.
CHARACTERS_PER_LINE = """() => {
  const paragraphs = [...document.querySelectorAll('.article-body p')];
  const p = paragraphs.sort((a, b) => b.textContent.length - a.textContent.length)[0];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const tops = [];
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect) tops.push(Math.round(rect.top));
    }
  }
  const lines = {};
  tops.forEach(top => { lines[top] = (lines[top] || 0) + 1; });
  const counts = Object.keys(lines).map(Number).sort((a, b) => a - b).map(top => lines[top]);
  return counts.slice(0, -1);  // the last line is a short one
}"""


def test_article_text_reads_at_60_to_80_characters_a_line_when_the_screen_is_wide(chromium, served):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(served + REFERENCE)
    lines = page.evaluate(CHARACTERS_PER_LINE)
    column = page.evaluate("document.querySelector('.article-body').getBoundingClientRect().width")
    sidebar = page.evaluate("(() => { const r = document.querySelector('.article-sidebar').getBoundingClientRect(); return [r.left, r.top]; })()")
    body = page.evaluate("document.querySelector('.article-body').getBoundingClientRect().right")
    context.close()
    assert len(lines) >= 5
    average = sum(lines) / len(lines)
    assert 60 <= average <= 80, lines
    assert column < 700
    # The sidebar sits beside the text, not under it.
    assert sidebar[0] > body and sidebar[1] < 400


def test_article_is_one_column_when_the_screen_is_a_phone(chromium, served):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(served + REFERENCE)
    body = page.evaluate("(() => { const r = document.querySelector('.article-body').getBoundingClientRect(); return [r.width, r.bottom]; })()")
    sidebar_top = page.evaluate("document.querySelector('.article-sidebar').getBoundingClientRect().top")
    context.close()
    assert body[0] >= 320
    assert sidebar_top > body[1]


def test_sidebar_lists_latest_and_most_viewed_from_the_json_file_when_javascript_runs(chromium, served, school_site):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(served + REFERENCE)
    page.wait_for_selector("[data-list=latest] .sidebar-news li")
    page.wait_for_selector("[data-list=most_viewed] .sidebar-news li")
    latest = page.eval_on_selector_all("[data-list=latest] .sidebar-news a", "links => links.map(a => a.href)")
    viewed = page.locator("[data-list=most_viewed] .sidebar-news li").all_inner_texts()
    viewed_links = page.eval_on_selector_all("[data-list=most_viewed] .sidebar-news a", "links => links.map(a => a.href)")
    context.close()
    data = json.loads(school_site.text("tin-noi-bat.json"))
    expected = [served + item["url"] for item in data["latest"] if item["url"] != REFERENCE][:5]
    assert latest == expected
    assert served + REFERENCE not in viewed_links  # the article being read is left out
    assert len(viewed) == 5 and all("lượt xem" in line for line in viewed)
    shown = [item for item in data["most_viewed"] if item["url"] != REFERENCE][:5]
    assert [served + item["url"] for item in shown] == viewed_links
    assert [item["views"] for item in shown] == sorted((item["views"] for item in shown), reverse=True)


def test_sidebar_keeps_plain_links_when_javascript_is_off(chromium, served):
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(served + REFERENCE)
    fallbacks = page.locator(".article-sidebar .sidebar-fallback a")
    assert fallbacks.count() == 2 and fallbacks.first.is_visible()
    fallbacks.first.click()
    page.wait_for_url(served)
    context.close()


def test_skip_link_shows_with_a_visible_focus_ring_when_tabbed_to(chromium, served):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(served)
    page.keyboard.press("Tab")
    focused = page.evaluate("(() => { const e = document.activeElement; const s = getComputedStyle(e); return [e.className, e.getBoundingClientRect().left, s.outlineStyle, s.outlineWidth]; })()")
    context.close()
    assert focused[0] == "skip-link" and focused[1] >= 0
    assert focused[2] == "solid" and focused[3] != "0px"


@pytest.mark.parametrize("width", WIDTHS)
def test_home_category_blocks_leave_no_row_half_empty_when_laid_out(chromium, served, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(served)
    rows = page.evaluate(
        "(() => { const rows = {}; document.querySelectorAll('.home-category').forEach(b => { const r = b.getBoundingClientRect();"
        " (rows[Math.round(r.top)] = rows[Math.round(r.top)] || []).push([r.left, r.right]); }); return Object.values(rows); })()"
    )
    grid = page.evaluate("(() => { const r = document.querySelector('.home-categories').getBoundingClientRect(); return [r.left, r.right]; })()")
    context.close()
    for row in rows:
        # Every row of blocks runs from the grid's left edge to its right edge.
        assert abs(min(left for left, _ in row) - grid[0]) < 2
        assert abs(max(right for _, right in row) - grid[1]) < 2


def test_sidebar_shows_hostile_titles_as_text_when_the_json_holds_markup(chromium, tmp_path_factory):
    from conftest import serve_fixture

    with serve_fixture(tmp_path_factory, "hostile_metadata") as base:
        context = chromium.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "2022/06/bai-binh-thuong.html")
        page.wait_for_selector("[data-list=latest] .sidebar-news li")
        texts = page.locator("[data-list=latest] .sidebar-news a").all_inner_texts()
        injected = page.evaluate("document.querySelectorAll('.article-sidebar b, .article-sidebar i, .article-sidebar script').length")
        context.close()
    assert any(text.startswith("</script><script>alert(1)</script> <b>Đậm</b>") for text in texts)
    assert injected == 0 and dialogs == []
