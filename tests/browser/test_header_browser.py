"""The header on a phone whatever the site's name and logo (a site made by `make new-site` has no logo
and may have a one-word short name): the menu button never covers the search field."""

import pytest

from conftest import FIXTURES, build, serve


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = build(FIXTURES / "basic", tmp_path_factory.mktemp("header") / "output",
                 {"SITE_LOGO": "", "SITE_SHORTNAME": "Đoàn trường", "SEARCH_ENABLED": False})
    with serve(site.output) as base:
        yield base


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 360, 412])
def test_the_menu_button_and_the_search_field_do_not_overlap_on_a_phone_without_a_logo(chromium, served, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(served)
    button = page.locator(".site-menu-button").bounding_box()
    field = page.locator(".site-header .search-form").bounding_box()
    brand = page.locator(".site-brand").bounding_box()
    context.close()
    assert page is not None and button and field and brand
    assert field["y"] >= button["y"] + button["height"], (button, field)
    assert brand["x"] + brand["width"] <= button["x"], (brand, button)
