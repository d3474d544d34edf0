"""The search page in headless Chromium, on tests/fixtures/search served from 127.0.0.1.

The fixture: “Đoàn Khối ra quân…” (2024, Tin hoạt động), “Gặp gỡ ông Doãn Văn Hùng…” (2023),
“Doanh nghiệp trẻ khởi nghiệp…” (2023), “Ngày hội hiến máu tình nguyện năm 2022” (the phrase, once),
“Thanh niên hiến kế giúp bệnh viện có đủ máu” (both words often, never together), “Đầu tư công nghệ
số…” (2021; the only `dau` is `Đầu`/`đầu`), eleven “Phong trào sinh viên tình nguyện đợt N” (2020),
the page Giới thiệu, a draft “Kế hoạch tuyệt mật chưa duyệt” and a hidden “Thông báo nội bộ lịch họp kín”."""

import json
import unicodedata
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import FIXTURES, SEARCH, build, serve, serve_fixture, shared_build

VARIANTS = json.loads((FIXTURES / "search_query_variants.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with serve_fixture(tmp_path_factory, "search", SEARCH) as base:
        yield base


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def search(page, base_url, query="", **params):
    from urllib.parse import urlencode  # noqa: PLC0415

    page.goto(base_url + "tim-kiem/" + ("?" + urlencode({"q": query, **params}) if query or params else ""))
    return wait_for_status(page)


def wait_for_status(page):
    page.wait_for_function("document.querySelector('.search-status').textContent.trim() !== ''")
    return page.locator(".search-status").text_content()


def titles(page):
    return page.locator(".search-result-title a").all_text_contents()


def marks(page, nth=0):
    """The highlighted words of a result, its title's first, then its excerpt's."""
    return page.locator(".search-result").nth(nth).locator("mark").all_text_contents()


def folded(text):
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(".,;:")


def test_unaccented_query_finds_and_highlights_accented_text_when_typed_without_marks(page, base_url):
    status = search(page, base_url, "hien mau")
    assert status == "Tìm thấy 2 kết quả cho “hien mau”"
    assert titles(page)[0] == "Ngày hội hiến máu tình nguyện năm 2022"
    highlighted = marks(page)
    assert "hiến" in highlighted and "máu" in highlighted
    assert {folded(word) for word in highlighted} <= {"hien", "mau"}


def test_accented_query_finds_the_same_news_when_typed_with_marks(page, base_url):
    search(page, base_url, "hiến máu")
    assert titles(page)[0] == "Ngày hội hiến máu tình nguyện năm 2022"
    assert len(titles(page)) == 2


def test_phrase_ranks_above_scattered_words_when_the_query_has_several_words(page, base_url):
    # Pagefind alone ranks the news with both words more often, apart, first.
    for query in ("hien mau", "hiến máu"):
        search(page, base_url, query)
        assert titles(page) == ["Ngày hội hiến máu tình nguyện năm 2022", "Thanh niên hiến kế giúp bệnh viện có đủ máu"], query


def test_query_matches_through_đ_when_typed_with_a_plain_d(page, base_url):
    status = search(page, base_url, "dau tu")
    assert status.startswith("Tìm thấy")
    assert titles(page)[0] == "Đầu tư công nghệ số cho thanh niên nông thôn"
    assert "Đầu" in marks(page) or "đầu" in marks(page)
    assert search(page, base_url, "dau") == "Tìm thấy 1 kết quả cho “dau”"
    assert titles(page) == ["Đầu tư công nghệ số cho thanh niên nông thôn"]


def test_unaccented_doan_khoi_finds_đoàn_khối_first_when_typed_without_marks(page, base_url):
    search(page, base_url, "doan khoi")
    assert titles(page)[0] == "Đoàn Khối ra quân chiến dịch thanh niên tình nguyện hè"
    assert marks(page)[:2] == ["Đoàn", "Khối"] or {"Đoàn", "Khối"} <= set(marks(page))


def test_exact_marks_rank_first_when_the_query_is_typed_with_diacritics(page, base_url):
    search(page, base_url, "Doãn")
    found = titles(page)
    assert found[0] == "Gặp gỡ ông Doãn Văn Hùng, người thầy của thanh niên vùng cao"
    assert found.index("Doanh nghiệp trẻ khởi nghiệp từ nông sản địa phương") > 0
    search(page, base_url, "Đoàn")
    found = titles(page)
    assert found[0] == "Đoàn Khối ra quân chiến dịch thanh niên tình nguyện hè"
    assert "Gặp gỡ ông Doãn Văn Hùng, người thầy của thanh niên vùng cao" not in found[:1]


def test_decomposed_query_finds_the_news_when_typed_in_nfd(page, base_url):
    search(page, base_url, unicodedata.normalize("NFD", "hiến máu"))
    assert titles(page)[0] == "Ngày hội hiến máu tình nguyện năm 2022"


def test_text_stored_decomposed_is_found_either_way_when_the_source_was_nfd(chromium, tmp_path):
    site = build(FIXTURES / "nfd", tmp_path / "out", {**SEARCH, "CONTENT_CHECKS_ENABLED": False}, fatal=None)
    context = chromium.new_context()
    page = context.new_page()
    with serve(site.output) as base:
        for query in ("tuyen duong", "tuyên dương", unicodedata.normalize("NFD", "tuyên dương")):
            search(page, base, query)
            assert titles(page) == ["Đoàn viên tiêu biểu Tuyên Quang"], query
    context.close()


def test_result_shows_title_link_date_line_category_and_excerpt_when_found(page, base_url):
    search(page, base_url, "doan khoi")
    first = page.locator(".search-result").first
    link = first.locator(".search-result-title a")
    assert urlparse(link.get_attribute("href")).path.endswith("/2024/06/doan-khoi-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he.html")
    assert first.locator(".search-result-date").text_content() == "Chủ nhật, ngày 2/6/2024 - 07:30"
    assert first.locator(".search-result-category").text_content() == "Tin hoạt động"
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1.article-title").text_content() == "Đoàn Khối ra quân chiến dịch thanh niên tình nguyện hè"


def test_draft_and_hidden_news_are_never_found_when_their_titles_are_searched(page, base_url):
    for query in ("tuyet mat chua duyet", "Kế hoạch tuyệt mật", "hop kin", "lịch họp kín"):
        search(page, base_url, query)
        found = titles(page)
        assert "Kế hoạch tuyệt mật chưa duyệt" not in found, query
        assert "Thông báo nội bộ lịch họp kín" not in found, query


def test_empty_state_offers_archives_and_categories_when_nothing_matches(page, base_url):
    status = search(page, base_url, "xyzqua")
    assert status == "Không tìm thấy kết quả cho “xyzqua”."
    empty = page.locator(".search-empty")
    assert empty.is_visible()
    assert empty.get_by_role("link", name="Lưu trữ").is_visible()
    assert empty.get_by_role("link", name="Tin hoạt động").is_visible()
    assert page.locator(".search-result").count() == 0


def test_more_results_load_on_demand_and_take_the_focus_when_asked(page, base_url):
    status = search(page, base_url, "sinh vien")
    assert status == "Tìm thấy 11 kết quả cho “sinh vien”"
    assert page.locator(".search-result").count() == 10
    more = page.get_by_role("button", name="Xem thêm kết quả")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.search-result').length === 11")
    assert not more.is_visible()
    focused = page.evaluate("document.activeElement.closest('.search-result') === document.querySelectorAll('.search-result')[10]")
    assert focused


def test_filters_narrow_results_by_category_and_year_when_chosen(page, base_url):
    search(page, base_url, "thanh nien")
    everything = len(titles(page))
    page.locator(".search-filters summary").click()
    page.select_option("#tim-kiem-chuyen-muc", "Tuổi trẻ sáng tạo")
    # Results arrive search by search (the đ variants follow the plain query): wait for the settled list.
    page.wait_for_function("(() => { const c = [...document.querySelectorAll('.search-result-category')];"
                           " return c.length === 2 && c.every(e => e.textContent === 'Tuổi trẻ sáng tạo'); })()")
    assert page.locator(".search-result").count() == 2
    assert parse_qs(urlparse(page.url).query)["chuyen-muc"] == ["Tuổi trẻ sáng tạo"]
    page.select_option("#tim-kiem-chuyen-muc", "")
    page.select_option("#tim-kiem-nam", "2023")
    # Not an empty list (every() is true of one) while the filtered results are still on their way.
    page.wait_for_function("(() => { const d = [...document.querySelectorAll('.search-result-date')];"
                           " return d.length > 0 && d.every(e => e.textContent.includes('/2023')); })()")
    assert 0 < page.locator(".search-result").count() < everything
    options = page.locator("#tim-kiem-nam option").all_text_contents()
    assert options[:2] == ["Tất cả các năm", "2024 (1)"]


def test_newest_first_sort_orders_results_by_date_when_chosen(page, base_url):
    search(page, base_url, "thanh nien", **{"sap-xep": "moi-nhat"})
    dates = page.locator(".search-result-date").all_text_contents()
    years = [int(text.split("/")[2].split()[0]) for text in dates]
    assert years == sorted(years, reverse=True)
    assert years[0] == 2024


def test_shared_link_restores_query_filters_and_results_when_opened(page, base_url):
    status = search(page, base_url, "tinh nguyen", nam="2020")
    assert page.input_value("#tim-kiem-q") == "tinh nguyen"
    assert page.input_value("#tim-kiem-nam") == "2020"
    assert status == "Tìm thấy 11 kết quả cho “tinh nguyen”"


def test_address_follows_typing_without_new_history_entries_when_the_reader_types(page, base_url):
    page.goto(base_url + "tim-kiem/")
    page.locator("#tim-kiem-q").wait_for()
    length = page.evaluate("history.length")
    page.locator("#tim-kiem-q").press_sequentially("doan khoi", delay=30)
    page.wait_for_function("document.querySelector('.search-status').textContent.includes('doan khoi')")
    assert parse_qs(urlparse(page.url).query)["q"] == ["doan khoi"]
    assert page.evaluate("history.length") == length


def test_count_is_announced_through_a_live_region_when_results_arrive(page, base_url):
    search(page, base_url, "doan khoi")
    status = page.locator(".search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.get_attribute("role") == "status"


def test_keyboard_alone_searches_from_the_header_and_opens_a_result(page, base_url):
    page.goto(base_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    assert page.evaluate("document.activeElement.closest('header.site-header') !== null")
    page.keyboard.type("hien mau")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=hien+mau")
    wait_for_status(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.search-result')"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Ngày hội hiến máu tình nguyện năm 2022"
    page.keyboard.press("Enter")
    page.wait_for_url("**/2022/05/*.html")


def test_search_page_shows_two_results_on_a_phone_with_the_filters_folded_when_results_are_shown(chromium, base_url):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    status = search(page, base_url, "thanh nien")
    assert page.locator("main .search-status").text_content() == status == "Tìm thấy 18 kết quả cho “thanh nien”"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("window.scrollY") == 0
    for n in (0, 1):  # two whole results without scrolling
        box = page.locator(".search-result").nth(n).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 800, n
    # The filters are one control; opened, they fit the width.
    assert not page.locator("#tim-kiem-chuyen-muc").is_visible()
    page.locator(".search-filters summary").click()
    for selector in ("#tim-kiem-q", "#tim-kiem-chuyen-muc", "#tim-kiem-nam", "#tim-kiem-sap-xep", ".search-result-title a"):
        box = page.locator(selector).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
    page.goto(base_url)
    assert page.locator("header .search-form input[name=q]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_filters_show_open_when_a_shared_link_carries_one(page, base_url):
    search(page, base_url, "thanh nien", nam="2020")
    assert page.locator("#tim-kiem-nam").is_visible()
    search(page, base_url, "thanh nien")
    assert not page.locator("#tim-kiem-nam").is_visible()


def test_search_page_without_javascript_says_so_and_offers_archives_and_categories(chromium, base_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "tim-kiem/?q=doan")
    notice = page.locator(".search-noscript")
    assert notice.is_visible()
    assert "Tìm kiếm cần JavaScript" in notice.text_content()
    assert notice.get_by_role("link", name="Lưu trữ").is_visible()
    assert not page.locator(".search-page-form").is_visible()
    assert page.locator("header .search-form input[name=q]").is_visible()
    context.close()


@pytest.mark.parametrize("case", VARIANTS["cases"], ids=lambda case: case["query"].strip() or "blank")
def test_query_forms_follow_the_shared_table_when_computed_in_the_browser(page, base_url, case):
    page.goto(base_url + "tim-kiem/")
    got = page.evaluate("""([q, words]) => {
        const plan = window.vnSearch.plannedSearches(q, window.vnSearch.vocabulary(words));
        return [plan, window.vnSearch.combinedSearches(plan)];
    }""", [case["query"], VARIANTS["d_words"]])
    assert got == [case["forms"], case["searches"]]


def test_hostile_titles_and_excerpts_are_shown_as_text_when_found(chromium, tmp_path_factory):
    """tests/fixtures/hostile_metadata: title, category and lead full of markup and `<script>`."""
    context = chromium.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_fixture(tmp_path_factory, "hostile_metadata", SEARCH) as base:
        search(page, base, "alert")
        found = titles(page)
        assert "</script><script>alert(1)</script> <b>Đậm</b> & \"ngoặc kép\" 'đơn' <i>" in found
        assert 'Giới thiệu </script><script>alert(1)</script> <b>x</b> & "q"' in found
        article = page.locator(".search-result").nth(found.index("</script><script>alert(1)</script> <b>Đậm</b> & \"ngoặc kép\" 'đơn' <i>"))
        assert article.locator(".search-result-category").text_content() == '</script><script>alert(1)</script> <b>Mục</b> & "x"'
        tags = page.evaluate("[...document.querySelectorAll('.search-results *')].map(e => e.tagName.toLowerCase())")
        assert set(tags) <= {"li", "h2", "a", "p", "span", "mark"}
        excerpts = page.locator(".search-result-excerpt mark").all_text_contents()
        assert "alert(1)</script>" in excerpts or any("alert" in text for text in excerpts)
    assert dialogs == []
    context.close()


@pytest.fixture(scope="module")
def recent_base_url(tmp_path_factory):
    """The same fixture with an index of its 3 newest news (as a site with more than 150 news has)."""
    site = shared_build(tmp_path_factory, "search", {**SEARCH, "SEARCH_RECENT_NEWS": 3})
    with serve(site.output) as base:
        yield base


# Notes every status the page shows, with the list and the "more results" button at that moment.
RECORD_STATES = """
() => {
  window.__states = [];
  const status = document.querySelector('.search-status');
  new MutationObserver(() => {
    window.__states.push({status: status.textContent,
      titles: Array.from(document.querySelectorAll('.search-result-title a'), a => a.textContent),
      moreHidden: document.querySelector('.search-more-wrap').hidden});
  }).observe(status, {childList: true, characterData: true, subtree: true});
}
"""
NEWEST_THREE = {
    "Đoàn Khối ra quân chiến dịch thanh niên tình nguyện hè",
    "Doanh nghiệp trẻ khởi nghiệp từ nông sản địa phương",
    "Gặp gỡ ông Doãn Văn Hùng, người thầy của thanh niên vùng cao",
}


def wait_until_complete(page):
    page.wait_for_function("document.querySelector('.search-app').dataset.searchState === 'complete'")
    return page.locator(".search-status").text_content()


def test_newest_news_show_first_then_the_complete_results_replace_them_when_the_site_is_large(page, base_url, recent_base_url):
    search(page, base_url, "doan")
    expected = titles(page)  # the same site without the recent index
    requested = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    page.goto(recent_base_url + "tim-kiem/")
    page.locator("#tim-kiem-q").wait_for()
    page.wait_for_load_state("networkidle")
    # Before the first query only the small index is loaded.
    assert "/pagefind/moi/pagefind.js" in requested
    assert "/pagefind/pagefind.js" not in requested
    page.evaluate(RECORD_STATES)
    page.locator("#tim-kiem-q").press_sequentially("doan")
    final = wait_until_complete(page)
    states = page.evaluate("window.__states")
    partial = [state for state in states if "tin mới nhất" in state["status"]]
    assert partial, states
    first = partial[-1]
    shown = int(first["status"].split(" ")[0])
    assert first["status"] == f"{shown} kết quả cho “doan” trong 3 tin mới nhất; đang tìm trong tất cả các tin…"
    assert set(first["titles"]) == NEWEST_THREE and shown == 3
    assert first["moreHidden"]  # the partial list offers no "more results"
    assert states[-1]["status"] == final
    total = int(final.removeprefix("Tìm thấy ").split(" ")[0])
    assert final == f"Tìm thấy {total} kết quả cho “doan”" and total > shown
    assert "/pagefind/pagefind.js" in requested
    assert titles(page) == expected  # the complete results, ranked as on a small site


def test_filters_and_shared_links_give_the_complete_results_when_the_site_is_large(page, base_url, recent_base_url):
    search(page, base_url, "phong trao", nam="2020")
    expected = sorted(titles(page))
    assert len(expected) == 10 and all("Phong trào" in title for title in expected)  # 11, 10 a page
    page.goto(recent_base_url + "tim-kiem/?" + "q=phong+trao&nam=2020")
    final = wait_until_complete(page)
    assert final == "Tìm thấy 11 kết quả cho “phong trao”"
    assert sorted(titles(page)) == expected
    assert page.locator(".search-more").is_visible()


def test_result_count_groups_thousands_as_python_does_when_given_the_same_table(page, base_url):
    import sys  # noqa: PLC0415

    from conftest import ROOT  # noqa: PLC0415

    from trangtin.vn_core.vietnamese import group_thousands  # noqa: PLC0415

    table = [0, 7, 999, 1000, 1234, 10000, 99999, 123456, 1234567, 9914]
    page.goto(base_url + "tim-kiem/")
    page.wait_for_function("window.vnSearch !== undefined")
    assert page.evaluate("(numbers) => numbers.map(window.vnSearch.groupThousands)", table) == [group_thousands(n) for n in table]


@pytest.fixture(scope="module")
def own_words_url(tmp_path_factory):
    """tests/fixtures/search_own_words: five news without `Author`; only one holds “Đoàn Khối”; “Nghệ An
    thu hút…” holds `an thu hút` in a row, “Bếp ăn an toàn…” holds ăn, an, thu and hút often but apart,
    “Giải bóng đá…” holds `thu hút` once; only “Bếp ăn…” holds `đi` and `điện`."""
    with serve_fixture(tmp_path_factory, "search_own_words", SEARCH) as base:
        yield base


def test_doan_khoi_finds_only_the_news_holding_those_words_when_no_news_has_an_author(page, own_words_url):
    for query in ("doan khoi", "Đoàn Khối"):
        assert search(page, own_words_url, query) == f"Tìm thấy 1 kết quả cho “{query}”", query
        assert titles(page) == ["Lễ ra quân Tháng Thanh niên của Đoàn Khối"]
    search(page, own_words_url, "khuon tham")  # a word only in the figure's caption
    assert titles(page) == ["Lễ ra quân Tháng Thanh niên của Đoàn Khối"]


def test_d_is_searched_as_đ_only_where_the_site_has_such_a_word_when_typed_plain(page, own_words_url):
    # `điet` would find `điện` (Pagefind matches the start of a word): `diet` is not searched so.
    assert search(page, own_words_url, "diet") == "Không tìm thấy kết quả cho “diet”."
    search(page, own_words_url, "di hoc")  # `đi học` once, in a row
    assert titles(page)[0] == "Bếp ăn an toàn cho học sinh bán trú"
    assert {"đi", "học"} <= set(marks(page))


def test_words_in_a_row_rank_above_the_same_words_apart_when_typed_without_marks(page, own_words_url):
    assert search(page, own_words_url, "an thu hut") == "Tìm thấy 2 kết quả cho “an thu hut”"
    assert titles(page) == ["Nghệ An thu hút thanh niên về quê lập nghiệp", "Bếp ăn an toàn cho học sinh bán trú"]
    search(page, own_words_url, "thu hút")
    found = titles(page)
    assert found[-1] == "Bếp ăn an toàn cho học sinh bán trú" and len(found) == 3
    search(page, own_words_url, "hut thu an")  # the same words in another order: none in a row
    assert set(titles(page)) == {"Nghệ An thu hút thanh niên về quê lập nghiệp", "Bếp ăn an toàn cho học sinh bán trú"}


def test_every_result_highlights_its_matched_words_without_punctuation_and_without_repeating_the_title(page, own_words_url):
    for query in ("an thu hut", "doan vien", "Đoàn viên", "hut"):
        search(page, own_words_url, query)
        results = page.locator(".search-result")
        assert results.count() > 0, query
        for n in range(results.count()):
            result = results.nth(n)
            title = result.locator(".search-result-title").text_content()
            excerpt = result.locator(".search-result-excerpt").text_content()
            highlighted = result.locator("mark").all_text_contents()
            assert highlighted, (query, title)
            assert {folded(word) for word in highlighted} <= set(folded(query).split()), (query, highlighted)
            assert all(word.isalnum() for word in highlighted), highlighted
            assert title not in excerpt, (query, title)


def test_doan_highlights_đoàn_never_doanh_and_ranks_it_first_when_typed_without_marks(page, base_url):
    search(page, base_url, "doan")
    found = titles(page)
    assert found.index("Doanh nghiệp trẻ khởi nghiệp từ nông sản địa phương") > found.index("Đoàn Khối ra quân chiến dịch thanh niên tình nguyện hè")
    every_mark = page.locator(".search-result mark").all_text_contents()
    assert every_mark and {folded(word) for word in every_mark} == {"doan"}


def test_text_check_counts_whole_words_in_a_row_never_a_word_that_only_starts_so(page, base_url):
    page.goto(base_url + "tim-kiem/")
    page.wait_for_function("window.vnSearch !== undefined")
    runs = page.evaluate("""() => [
        window.vnSearch.textRun('Sở Y tế tổng kết năm', ['y', 'te', 'to']),
        window.vnSearch.textRun('Sở Y tế tổ chức', ['y', 'te', 'to']),
        window.vnSearch.textRun('tổ chức, y tế', ['y', 'te', 'to']),
        window.vnSearch.textRun('Doanh nghiệp', ['doan'])]""")
    assert runs == [2, 3, 2, 0]


def test_adjacent_run_counts_consecutive_matched_positions_at_most_once_a_query_word(page, base_url):
    page.goto(base_url + "tim-kiem/")
    page.wait_for_function("window.vnSearch !== undefined")
    runs = page.evaluate("""() => [
        window.vnSearch.adjacentRun(new Set([]), 3),
        window.vnSearch.adjacentRun(new Set([7]), 3),
        window.vnSearch.adjacentRun(new Set([12, 3, 5, 4]), 3),
        window.vnSearch.adjacentRun(new Set([1, 2, 3, 4, 5, 9]), 2),
        window.vnSearch.adjacentRun(new Set([2, 4, 6]), 3)]""")
    assert runs == [0, 1, 3, 2, 1]


def test_combined_results_rank_adjacent_words_first_then_by_score_and_keep_each_page_once(page, base_url):
    page.goto(base_url + "tim-kiem/")
    page.wait_for_function("window.vnSearch !== undefined")
    ranked = page.evaluate("""() => window.vnSearch.combine([
        [{id: 'apart', score: 9, words: [1, 5, 9]}, {id: 'row', score: 2, words: [20, 21]}],
        [{id: 'apart', score: 4, words: [2]}, {id: 'other', score: 3, words: [0, 4]}]], 2)
        .map(entry => [entry.result.id, entry.score, entry.together])""")
    # `apart` holds 1 and 2 through its two spellings: a run of two, and its better score.
    assert ranked == [["apart", 9, 2], ["row", 2, 2], ["other", 3, 1]]


@pytest.mark.parametrize("large", [False, True], ids=["small site", "large site"])
def test_first_visit_fetches_the_search_module_and_the_d_words_once_each_as_preloaded(chromium, base_url, recent_base_url, large):
    base = recent_base_url if large else base_url
    context = chromium.new_context()
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    search(page, base, "doan khoi")
    wait_until_complete(page)
    first = "/pagefind/moi/pagefind.js" if large else "/pagefind/pagefind.js"
    assert page.locator("link[rel=modulepreload]").get_attribute("href").endswith(first)
    assert fetched.count(first) == 1
    assert fetched.count("/pagefind/d-words.json") == 1
    # Asked for while the page is read, before the script that searches.
    script = urlparse(page.evaluate("document.querySelector('script[src*=search]').src")).path
    assert fetched.index("/pagefind/d-words.json") < fetched.index(script)
    context.close()



@pytest.fixture(scope="module")
def marks_url(tmp_path_factory):
    """tests/fixtures/search_marks: “súng máy” three times in one news, “Sung may” (a name and a verb,
    no marks) once in the title of another."""
    with serve_fixture(tmp_path_factory, "search_marks", SEARCH) as base:
        yield base


def test_words_carrying_marks_rank_as_their_unmarked_look_alikes_when_typed_without_marks(page, marks_url):
    # Pagefind's diacriticSimilarity would put the unmarked `Sung may` first for `sung may`.
    for query in ("sung may", "súng máy"):
        search(page, marks_url, query)
        assert titles(page)[0] == "Bảo tàng tỉnh trưng bày khẩu súng máy thời kháng chiến", query
