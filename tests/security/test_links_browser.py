"""Issue 20, links built from data, in headless Chromium: the article sidebar ("Xem nhiều nhất", site.js)
and the 404 page's old-address lookup (redirect-lookup.js) follow same-origin addresses only. The
checker refuses such values (test_metadata_security.py); here hostile values are written straight
into the built data, as a value that got past the checker would be, and no cross-origin or
`javascript:` link or navigation may come of them."""

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import NotFoundPageHandler, build, serve

pytestmark = pytest.mark.browser

HEAD = "Title: {title}\nDate: 2022-05-{day:02d} 10:00\nCategory: Tin hoạt động\nViews: {views}\n\nNội dung bài.\n"
ARTICLE = "2022/05/bai-mot.html"
OTHER = "2022/05/bai-hai.html"
HOSTILE = [
    "javascript:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/phish",
    "///evil.example/phish",
    "https://evil.example/phish",
    "http://127.0.0.2/phish",
    "\\\\evil.example\\phish",
    "/\\evil.example/phish",
    "http:evil.example/phish",
    "file:///etc/passwd",
]
LOOKUP_RE = re.compile(r'(<script type="application/json" id="redirect-lookup">)(.*?)(</script>)', re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-links")
    content = root / "content"
    (content / "2022").mkdir(parents=True)
    for day, (name, title, views) in enumerate((("bai-mot", "Bài một", 10), ("bai-hai", "Bài hai", 5000)), 1):
        (content / "2022" / f"{name}.md").write_text(HEAD.format(title=title, day=day, views=views), encoding="utf-8")
    redirects = {"redirects": [{"from": "/News/Detail.aspx?NewsID=1", "to": "2022/bai-hai.md"}]}
    (content / "chuyen-huong.json").write_text(json.dumps(redirects), encoding="utf-8")
    built = build(content, root / "output", {"SEARCH_ENABLED": False})
    output = built.output

    # The sidebar's data: every hostile address as a most viewed and a latest item, beside a good one.
    sidebar = output / "tin-noi-bat.json"
    data = json.loads(sidebar.read_text(encoding="utf-8"))
    good = next(item for item in data["most_viewed"] if item["url"] == OTHER)
    bad = [{**good, "title": f"Độc {index}", "url": url} for index, url in enumerate(HOSTILE)]
    bad += [{**good, "title": "Độc số", "url": 42}, {**good, "title": "Độc rỗng", "url": None}]
    data["most_viewed"] = bad + [good]
    data["latest"] = bad + [good]
    sidebar.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    # The 404 page's table: the real entry (NewsID=1) and one hostile target per NewsID from 100 on.
    page = output / "404.html"
    html = page.read_text(encoding="utf-8")
    table = json.loads(LOOKUP_RE.search(html).group(2))
    assert table == {"/news/detail.aspx?newsid=1": f"/{OTHER}"}
    table.update({f"/news/detail.aspx?newsid={100 + index}": url for index, url in enumerate(HOSTILE)})
    page.write_text(LOOKUP_RE.sub(lambda m: m.group(1) + json.dumps(table).replace("<", "\\u003c") + m.group(3), html),
                    encoding="utf-8")
    with serve(output, NotFoundPageHandler) as base:
        yield base, output


@pytest.fixture
def watched(page, site):
    """The page, with every request off the test server's origin (and every dialog) recorded and
    stopped."""
    base, _output = site
    origin = urlsplit(base).netloc
    seen = {"requests": [], "dialogs": []}

    def route(route):
        if urlsplit(route.request.url).netloc != origin:
            seen["requests"].append(route.request.url)
            return route.abort()
        return route.continue_()

    page.context.route("**/*", route)
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("framenavigated", lambda frame: seen.setdefault("navigations", []).append(frame.url))
    return page, seen


def test_sidebar_links_stay_on_the_site_when_the_data_holds_hostile_addresses(watched, site):
    page, seen = watched
    base, _output = site
    page.goto(base + ARTICLE)
    box = page.locator("[data-list=most_viewed] ol.sidebar-news")
    box.wait_for()
    for list_name in ("most_viewed", "latest"):
        links = page.locator(f"[data-list={list_name}] ol.sidebar-news a")
        shown = dict(zip(links.all_inner_texts(), links.evaluate_all("links => links.map(link => link.href)")))
        assert shown["Bài hai"] == base + OTHER
        # What is left of a hostile value is at most a path of this site (`http:evil.example/` is one).
        assert {title: href for title, href in shown.items() if not href.startswith(base)} == {}
    every_href = page.locator("[data-sidebar] a[href]").evaluate_all("links => links.map(link => link.href)")
    assert not [href for href in every_href if not href.startswith(base)]
    page.locator("[data-list=most_viewed] ol.sidebar-news a", has_text="Bài hai").click()
    page.wait_for_url(base + OTHER)
    assert seen["requests"] == [] and seen["dialogs"] == []


def test_404_lookup_still_sends_an_old_address_on_to_its_article(watched, site):
    page, seen = watched
    base, _output = site
    page.goto(base + "News/Detail.aspx?NewsID=1")
    page.wait_for_url(base + OTHER)
    assert page.locator("h1.article-title").text_content().strip() == "Bài hai"
    assert seen["requests"] == []


@pytest.mark.parametrize("index", range(len(HOSTILE)), ids=[repr(url) for url in HOSTILE])
def test_404_lookup_never_leaves_the_site_when_the_table_holds_a_hostile_target(watched, site, index):
    page, seen = watched
    base, _output = site
    asked = base + f"News/Detail.aspx?NewsID={100 + index}"
    response = page.goto(asked)
    assert response.status == 404
    page.wait_for_timeout(300)  # as long as the good entry's redirect takes, and more
    assert page.url == asked
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert page.locator(".redirect-lookup").is_hidden()
    assert page.locator("[data-redirect-target]").get_attribute("href") == ""
    assert seen["requests"] == [] and seen["dialogs"] == []
    assert [url for url in seen.get("navigations", []) if url != asked] == []


def test_404_page_has_no_inline_script_when_the_lookup_is_on(site):
    _base, output = site
    soup = BeautifulSoup((output / "404.html").read_text(encoding="utf-8"), "html.parser")
    inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") not in ("application/json", "application/ld+json")]
    assert inline == []
    sources = [s["src"] for s in soup.find_all("script", src=True)]
    lookup = [src for src in sources if "redirect-lookup" in src]
    assert len(lookup) == 1 and lookup[0].startswith("/theme/js/")
