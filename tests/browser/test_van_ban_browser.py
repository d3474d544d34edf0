"""The documents register in headless Chromium, on tests/fixtures/van_ban served from 127.0.0.1:
a số ký hiệu is found first however it is typed, the "Văn bản" filter keeps only documents, and the
register's page types have no axe violation nor sideways scroll at a phone's and a desktop's width."""

import json
from urllib.parse import urlencode

import pytest

from conftest import SEARCH, serve_fixture
from test_portal_browser import run_axe


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with serve_fixture(tmp_path_factory, "van_ban", SEARCH) as base:  # its search finds documents
        yield base


def search(page, base_url, query, **params):
    page.goto(base_url + "tim-kiem/?" + urlencode({"q": query, **params}))
    page.wait_for_function("document.querySelector('.search-status').textContent.trim() !== ''")
    # The complete index may still be loading after the first answer.
    page.wait_for_function("!document.querySelector('.search-status').textContent.includes('đang tìm')")
    return page.locator(".search-result-title a").all_text_contents()


@pytest.mark.parametrize("query", ["15-KH/ĐTN", "15 kh dtn", "15/kh-dtn", "15-kh/dtn", "15 KH ĐTN"])
def test_a_document_is_found_first_when_its_number_is_typed_in_any_spelling(page, base_url, query):
    found = search(page, base_url, query)
    assert found and found[0] == "15-KH/ĐTN: Kế hoạch tổ chức Ngày hội hiến máu tình nguyện năm 2022", found


def test_the_van_ban_filter_keeps_only_documents_when_chosen(page, base_url):
    everything = search(page, base_url, "hiến máu")
    assert "Đoàn Khối ban hành kế hoạch hiến máu" in everything
    documents = search(page, base_url, "hiến máu", **{"chuyen-muc": "Văn bản"})
    assert documents == ["15-KH/ĐTN: Kế hoạch tổ chức Ngày hội hiến máu tình nguyện năm 2022"]


def test_the_register_search_form_searches_documents_when_submitted(page, base_url):
    page.goto(base_url + "van-ban/")
    page.fill("#tim-van-ban", "20 kh dtn")
    page.click(".van-ban-search button")
    page.wait_for_function("document.querySelector('.search-status') && document.querySelector('.search-status').textContent.trim() !== ''")
    page.wait_for_function("!document.querySelector('.search-status').textContent.includes('đang tìm')")
    assert page.locator(".search-result-title a").all_text_contents()[0].startswith("20-KH/ĐTN:")
    assert page.locator("#tim-kiem-chuyen-muc").input_value() == "Văn bản"


PAGE_TYPES = {
    "register": "van-ban/",
    "register-page-2": "van-ban/trang/2/",
    "listing-by-type": "van-ban/loai/ke-hoach/",
    "document": "van-ban/2022/15-kh-dtn.html",
    "replaced-document": "van-ban/2021/10-kh-dtn.html",
    "home-with-block": "",
}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_register_page_type_has_no_axe_violation_nor_sideways_scroll_when_shown(chromium, base_url, name, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + PAGE_TYPES[name], wait_until="load")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    violations = run_axe(page)
    context.close()
    assert scroll <= width
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert errors == []


def test_the_pdf_link_works_without_javascript_when_the_page_is_opened(chromium, base_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "van-ban/2022/15-kh-dtn.html")
    data = page.locator("iframe.van-ban-viewer").get_attribute("src")
    response = page.request.get(base_url + "tai-lieu/2022/15-kh-dtn.pdf")
    ok, body = response.ok, response.body()
    context.close()
    assert data.endswith("tai-lieu/2022/15-kh-dtn.pdf")
    assert ok and body.startswith(b"%PDF")



def test_each_documents_abstract_is_in_view_without_scrolling_sideways_when_the_register_is_read_on_a_phone(chromium, base_url):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(base_url + "van-ban/")
    boxes = [cell.bounding_box() for cell in page.locator(".van-ban-abstract").all()]
    labels = page.locator(".van-ban-row td").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)")
    context.close()
    assert boxes and all(box["x"] >= 0 and box["x"] + box["width"] <= 360 for box in boxes)
    assert '"Trích yếu: "' in labels
