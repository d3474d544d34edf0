"""Allowed video embeds (issue 9) in headless Chromium: a 16:9 box as wide as the text, at a
phone's width and on a desktop, sandboxed and lazy. The network stays closed: the frames' own
pages never load, only their boxes are measured."""

import pytest

from conftest import FIXTURES, build, serve

URL = "2022/06/tin-co-video.html"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    # The fixture also holds a disallowed iframe, so the build warns: not --fatal warnings here.
    site = build(FIXTURES / "checks_iframe", tmp_path_factory.mktemp("iframe") / "output", fatal=None)
    with serve(site.output) as base:
        yield base


@pytest.mark.parametrize("width", [360, 1280])
def test_video_embeds_are_16_by_9_and_fit_the_page_when_viewed_at_each_width(served, chromium, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served) else route.abort())
    page.goto(served + URL, wait_until="domcontentloaded")
    boxes = page.evaluate(
        "[...document.querySelectorAll('.video-embed iframe')].map(f => {"
        " const r = f.getBoundingClientRect(), p = f.closest('.article-body').getBoundingClientRect();"
        " return [r.width, r.height, p.width, f.getAttribute('loading'), f.getAttribute('sandbox')]; })"
    )
    assert len(boxes) == 3
    for frame_width, frame_height, text_width, loading, sandbox in boxes:
        assert abs(frame_width - text_width) < 1
        assert abs(frame_width / frame_height - 16 / 9) < 0.02
        assert loading == "lazy" and "allow-top-navigation" not in sandbox
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
