"""The "Xem tin theo ngày" picker in headless Chromium, on tests/fixtures/date_archives served from
127.0.0.1. Days with news in the fixture: 1/3/2021, 31/12/2021, 1/1/2022, 15/6/2022, 19/6/2022,
21/6/2022, 1/8/2022; a draft sits on 20/6/2022 and a hidden news in July 2022."""

import json

import pytest

from conftest import FIXTURES, serve_fixture

NEWS_DAYS = {"2021-03-01", "2021-12-31", "2022-01-01", "2022-06-15", "2022-06-19", "2022-06-21", "2022-08-01"}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with serve_fixture(tmp_path_factory, "date_archives") as base:
        yield base


def pick(page, day, month, year):
    if page.locator(".date-picker-summary").is_visible() and page.locator("#picker-day").is_hidden():
        page.click(".date-picker-summary")  # an article's picker is folded on a phone
    page.fill("#picker-day", day)
    page.fill("#picker-month", month)
    page.fill("#picker-year", year)
    page.click(".picker-button")


def message(page):
    locator = page.locator(".picker-message")
    locator.locator("p").first.wait_for()
    return locator


def test_picker_opens_the_day_archive_when_the_day_has_news(page, base_url):
    page.goto(base_url + "2022/06/15/")
    assert page.input_value("#picker-day") == "15"
    pick(page, "19", "6", "2022")
    page.wait_for_url(base_url + "2022/06/19/")
    assert page.locator("h1").text_content() == "Tin ngày 19/6/2022"


def test_picker_stays_and_offers_nearest_days_when_the_day_has_no_news(page, base_url):
    start = base_url + "2022/06/"
    page.goto(start)
    pick(page, "20", "6", "2022")  # only a draft was written that day
    box = message(page)
    assert box.locator("p").first.inner_text() == "Không có tin nào được đăng ngày 20/6/2022."
    assert page.url == start
    earlier = box.locator(".picker-earlier a")
    later = box.locator(".picker-later a")
    month = box.locator(".picker-month a")
    assert earlier.inner_text().startswith("19/6/2022")
    assert later.inner_text().startswith("21/6/2022")
    assert earlier.get_attribute("href") == base_url + "2022/06/19/"
    assert later.get_attribute("href") == base_url + "2022/06/21/"
    assert month.get_attribute("href") == base_url + "2022/06/"
    later.click()
    page.wait_for_url(base_url + "2022/06/21/")
    assert page.locator("h1").text_content() == "Tin ngày 21/6/2022"


def test_picker_omits_the_month_link_when_the_month_has_no_news(page, base_url):
    page.goto(base_url + "luu-tru/")
    pick(page, "4", "7", "2022")  # the hidden news' day: no published news that month
    box = message(page)
    assert "Không có tin nào được đăng ngày 4/7/2022" in box.inner_text()
    assert box.locator(".picker-earlier a").get_attribute("href") == base_url + "2022/06/21/"
    assert box.locator(".picker-later a").get_attribute("href") == base_url + "2022/08/01/"
    assert box.locator(".picker-month").count() == 0
    assert page.url == base_url + "luu-tru/"


def test_picker_offers_only_the_later_day_when_the_day_is_before_all_news(page, base_url):
    page.goto(base_url + "2021/")
    pick(page, "1", "1", "2020")
    box = message(page)
    assert box.locator(".picker-earlier").count() == 0
    assert box.locator(".picker-later a").get_attribute("href") == base_url + "2021/03/01/"


@pytest.mark.parametrize(
    "day, month, year, field, text",
    [
        ("31", "2", "2022", "#picker-day", "tháng 2/2022 chỉ có 28 ngày"),
        ("29", "2", "2023", "#picker-day", "tháng 2/2023 chỉ có 28 ngày"),
        ("0", "13", "2022", "#picker-month", "tháng phải từ 1 đến 12"),
        ("0", "6", "2022", "#picker-day", "tháng 6/2022 chỉ có 30 ngày"),
        ("ab", "6", "2022", "#picker-day", "chỉ được có chữ số"),
        ("19", "6", "", "#picker-year", "Hãy nhập năm"),
        ("19", "6", "22", "#picker-year", "năm cần đủ 4 chữ số"),
    ],
)
def test_picker_explains_and_focuses_the_field_when_the_date_is_impossible(page, base_url, day, month, year, field, text):
    start = base_url + "2022/06/19/"
    page.goto(start)
    pick(page, day, month, year)
    box = message(page)
    assert text in box.inner_text()
    assert "picker-error" in box.get_attribute("class")
    assert page.get_attribute(field, "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == field[1:]
    assert page.url == start


def test_leap_day_has_its_own_answer_when_the_year_is_a_leap_year(page, base_url):
    page.goto(base_url + "2022/")
    pick(page, "29", "2", "2024")
    assert "Không có tin nào được đăng ngày 29/2/2024" in message(page).inner_text()


def test_picker_works_with_the_keyboard_alone_when_tabbing_to_the_fields(page, base_url):
    page.goto(base_url + "2021/12/tong-ket-nam-2021.html")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "picker-day":
            break
    else:
        pytest.fail("Tab never reached the day field")
    for value in ("1", "1", "2022"):
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "picker-button"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # Enter in a field submits the form
    page.wait_for_url(base_url + "2022/01/01/")


def test_keyboard_reaches_the_suggested_days_when_the_day_has_no_news(page, base_url):
    page.goto(base_url + "2022/06/19/")
    page.fill("#picker-day", "20")
    page.focus("#picker-day")
    page.keyboard.press("Enter")
    message(page)
    page.focus(".picker-button")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("19/6/2022")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "2022/06/19/")


@pytest.mark.parametrize("url", ["", "chuyen-muc/tin-hoat-dong/", "luu-tru/"])
def test_picker_starts_on_the_newest_day_with_news_when_the_page_has_no_date(page, base_url, url):
    page.goto(base_url + url)
    assert page.locator(".picker-fallback").is_hidden()
    assert (page.input_value("#picker-day"), page.input_value("#picker-month"), page.input_value("#picker-year")) == ("1", "8", "2022")
    page.click(".picker-button")  # the first try finds news
    page.wait_for_url(base_url + "2022/08/01/")


def test_blank_day_opens_the_month_when_the_month_has_news(page, base_url):
    page.goto(base_url + "2022/06/")
    assert page.input_value("#picker-day") == ""
    # The month page opens itself again: wait for that navigation, not for the address it already has.
    with page.expect_navigation(url=base_url + "2022/06/"):
        page.click(".picker-button")
    page.goto(base_url + "2022/")
    pick(page, "", "12", "2021")
    page.wait_for_url(base_url + "2021/12/")


def test_blank_day_stays_and_says_so_when_the_month_has_no_news(page, base_url):
    start = base_url + "2022/06/"
    page.goto(start)
    pick(page, "", "5", "2022")
    text = message(page).inner_text()
    assert "Không có tin nào được đăng trong tháng 5/2022" in text
    assert "1/1/2022" in text and "15/6/2022" in text
    assert page.url == start


@pytest.mark.parametrize(
    "day, month, year",
    [(" 19 ", " 6", "2022 "), ("1\u00a09", "6", "2022"), ("19/6/2022", "", ""), ("19 / 06 / 2022", "", "")],
)
def test_typed_values_with_spaces_are_read_when_the_form_is_sent(page, base_url, day, month, year):
    page.goto(base_url + "2021/")
    pick(page, day, month, year)
    page.wait_for_url(base_url + "2022/06/19/")


@pytest.mark.parametrize("pasted", ["19/6/2022", " 19 / 6 / 2022 ", "19-06-2022", "19.6.2022", "19 6 2022"])
def test_a_whole_pasted_date_fills_the_three_fields_when_pasted_into_one(page, base_url, pasted):
    page.goto(base_url + "2021/")
    page.fill("#picker-day", "")
    page.focus("#picker-day")
    page.evaluate(
        """(text) => { const data = new DataTransfer(); data.setData('text/plain', text);
           document.querySelector('#picker-day').dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); }""",
        pasted,
    )
    assert (page.input_value("#picker-day"), page.input_value("#picker-month"), page.input_value("#picker-year")) == ("19", "6", "2022")
    page.click(".picker-button")
    page.wait_for_url(base_url + "2022/06/19/")


SHORT_DATES = json.loads((FIXTURES / "short_dates.json").read_text(encoding="utf-8"))["days"]


def test_script_labels_days_as_python_does_when_given_the_shared_table(page, base_url):
    # The same table runs through vn_core.vietnamese.short_date in tests/unit/test_short_date_table.py.
    page.goto(base_url + "2022/")
    labels = page.evaluate("(days) => days.map(([iso]) => window.VnDatePicker.label(iso))", SHORT_DATES)
    assert labels == [label for _iso, label in SHORT_DATES]


@pytest.mark.parametrize("iso, label", [row for row in SHORT_DATES if row[0] not in NEWS_DAYS])
def test_no_news_message_shows_the_typed_day_as_python_would_when_typed_zero_padded(page, base_url, iso, label):
    year, month, day = iso.split("-")
    page.goto(base_url + "2022/")
    pick(page, day, month, year)
    text = message(page).inner_text()
    assert f"Không có tin nào được đăng ngày {label}." in text


@pytest.mark.parametrize("url", ["luu-tru/", "2022/06/19/", "2021/12/tong-ket-nam-2021.html", ""])
def test_nothing_scrolls_sideways_when_the_screen_is_360_px_wide(chromium, base_url, url):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + url)
    pick(page, "20", "6", "2022")
    message(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    picker_right = page.evaluate("document.querySelector('.date-picker').getBoundingClientRect().right")
    context.close()
    assert overflow <= 0
    assert picker_right <= 360


@pytest.mark.parametrize("url", ["", "2022/06/19/", "2021/12/tong-ket-nam-2021.html", "chuyen-muc/tin-hoat-dong/"])
def test_picker_shows_a_link_to_the_archive_index_when_javascript_is_off(chromium, base_url, url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + url)
    fallback = page.locator(".picker-fallback a")
    visible = fallback.is_visible()
    form_hidden = page.locator("form.date-picker-form").is_hidden()
    href = fallback.get_attribute("href")
    fallback.click()
    page.wait_for_url(base_url + "luu-tru/")
    calendars = page.locator("table.month-calendar").count()
    context.close()
    assert visible and form_hidden and href
    assert calendars == 5
