"""The school's settings (tests/other_site.py) as a reader's browser shows them: the header in the
site's own colour, the wide logo at its own proportions on a phone and on a wide screen."""

import pytest

from conftest import build, serve
from other_site import COLOURS, make_site


@pytest.fixture(scope="module")
def served_school(tmp_path_factory):
    folder = make_site(tmp_path_factory.mktemp("other-site-browser"))
    site = build(folder / "content", folder / "output", conf=folder / "caidat.py")
    with serve(site.output) as base:
        yield base


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


@pytest.mark.parametrize("width", [360, 1280])
def test_header_has_the_site_colour_and_the_wide_logo_keeps_its_proportions(chromium, served_school, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(served_school)
    header = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    box = page.locator(".site-logo").bounding_box()
    natural = page.evaluate("[document.querySelector('.site-logo').naturalWidth, document.querySelector('.site-logo').naturalHeight]")
    fit = page.evaluate("getComputedStyle(document.querySelector('.site-logo')).objectFit")
    context.close()
    assert header == rgb(COLOURS["brand"])
    assert natural == [480, 120]
    # Shown 4:1 as drawn, or boxed within that ratio by object-fit (never stretched).
    assert abs(box["width"] / box["height"] - 4) < 0.05 or fit == "contain"
    assert box["height"] >= 39
