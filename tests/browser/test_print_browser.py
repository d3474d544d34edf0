"""The print button: hidden without JavaScript (where it could not work), shown by site.js, and it
opens the browser's print dialog."""

import pytest

from conftest import serve

ARTICLE = "2021/01/hoi-nghi-tong-ket-cong-tac-doan-nam-2020.html"


@pytest.fixture(scope="module")
def server(basic_site):
    with serve(basic_site.output) as base:
        yield base


def test_print_button_opens_the_print_dialog_when_javascript_is_on(server, chromium):
    page = chromium.new_page()
    # Record the call instead of opening a dialog that headless Chromium cannot show.
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(server + ARTICLE)
    button = page.locator("button.print-button")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1
    page.close()


def test_print_button_stays_hidden_when_javascript_is_off(server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + ARTICLE)
    assert page.locator("button.print-button").count() == 1
    assert not page.locator("button.print-button").is_visible()
    context.close()
