"""Every page type in headless Chromium, served by Debian's real nginx and Apache with the shipped
server files (tests/web_servers.py): the Content-Security-Policy they send reports no violation, and
what needs more than the page itself still works under it (search runs Pagefind's WebAssembly)."""

import re

import pytest

from web_servers import apache, hosted, nginx  # noqa: F401 - hosted is a fixture shared with tests/site

BODY_CLASS = re.compile(r'<body[^>]*class="page (page-[a-z0-9-]+)')


@pytest.fixture(scope="module", params=["nginx", "apache"])
def base_url(request, hosted):
    folder, site = hosted
    start = nginx if request.param == "nginx" else apache
    with start(folder / request.param, site.output) as base:
        yield base


def page_types(site) -> dict:
    """One address per page type (the body class the theme gives it), the first in file order."""
    found = {}
    for file in site.html_files():
        match = BODY_CLASS.search(file.read_text(encoding="utf-8"))
        if match and match.group(1) not in found and match.group(1) != "page-404":
            found[match.group(1)] = site.url_of(file)
    return found


@pytest.fixture
def watched(chromium):
    """A page whose CSP violations (the browser's console and the DOM event) and script errors are kept."""
    context = chromium.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('Content Security Policy event: ' + e.violatedDirective + ' ' + e.blockedURI))")
    yield page, problems
    context.close()


def test_every_page_type_loads_with_no_policy_violation(hosted, base_url, watched):
    page, problems = watched
    types = page_types(hosted[1])
    assert {"page-index", "page-article", "page-category", "page-tag", "page-author", "page-search", "page-static",
            "page-older-news", "page-archives", "page-period-archive", "page-van-ban", "page-van-ban-document"} <= set(types)
    for kind, url in sorted(types.items()):
        response = page.goto(base_url + url)
        assert response.status == 200 and "script-src 'self'" in response.headers["content-security-policy"], kind
        page.wait_for_load_state("load")
        assert problems == [], (kind, url)
    # The article with a YouTube embed: the frame is allowed (the network is closed, so it loads nothing).
    page.goto(base_url + "2022/06/video-ngay-hoi-thanh-nien.html")
    page.wait_for_load_state("load")
    assert page.locator("iframe[src^='https://www.youtube-nocookie.com/embed/']").count() == 1
    assert problems == []


def test_search_finds_news_under_the_policy(base_url, watched):
    page, problems = watched
    page.goto(base_url + "tim-kiem/?q=hiến+máu")
    page.locator(".search-result").first.wait_for()  # a locator: wait_for_function would need eval
    assert "hiến máu" in page.locator(".search-result-title a").first.text_content().lower()
    assert problems == []


def test_not_found_page_passes_the_policy(base_url, watched):
    page, problems = watched
    response = page.goto(base_url + "khong-co-trang-nay")
    page.wait_for_load_state("load")
    assert response.status == 404 and page.locator("h1").text_content().strip() == "Không tìm thấy trang"
    assert problems == []
