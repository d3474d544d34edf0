"""End to end: tests/fixtures/date_archives built with the project's settings, read as a reader would.

The fixture has news on seven days over 2021 and 2022, twelve of them on 19/6/2022 (two at the same
minute) so that day, its month and its year need two pages; a draft on 20/6/2022 and a hidden
article in July 2022 must appear in no archive, no calendar and not in the manifest."""

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from conftest import FIXTURE_CONF, FIXTURES, Site, build

FIXTURE = FIXTURES / "date_archives"
TOTALS = re.compile(r"^Tổng số: (\d+) \| Trang: (\d+) trên tổng số (\d+) trang$")

# What a reader must find: period URL -> (heading, news count, pages).
ARCHIVES = {
    "2021/": ("Tin năm 2021", 3, 1),
    "2022/": ("Tin năm 2022", 16, 2),
    "2021/03/": ("Tin tháng 3/2021", 1, 1),
    "2021/12/": ("Tin tháng 12/2021", 2, 1),
    "2022/01/": ("Tin tháng 1/2022", 1, 1),
    "2022/06/": ("Tin tháng 6/2022", 14, 2),
    "2022/08/": ("Tin tháng 8/2022", 1, 1),
    "2021/03/01/": ("Tin ngày 1/3/2021", 1, 1),
    "2021/12/31/": ("Tin ngày 31/12/2021", 2, 1),
    "2022/01/01/": ("Tin ngày 1/1/2022", 1, 1),
    "2022/06/15/": ("Tin ngày 15/6/2022", 1, 1),
    "2022/06/19/": ("Tin ngày 19/6/2022", 12, 2),
    "2022/06/21/": ("Tin ngày 21/6/2022", 1, 1),
    "2022/08/01/": ("Tin ngày 1/8/2022", 1, 1),
}

# Period URL -> (up link, earlier neighbour with news, later neighbour with news).
NAVIGATION = {
    "2021/": ("luu-tru/", None, "2022/"),
    "2022/": ("luu-tru/", "2021/", None),
    "2021/03/": ("2021/", None, "2021/12/"),
    "2021/12/": ("2021/", "2021/03/", "2022/01/"),
    "2022/01/": ("2022/", "2021/12/", "2022/06/"),
    "2022/06/": ("2022/", "2022/01/", "2022/08/"),
    "2022/08/": ("2022/", "2022/06/", None),
    "2021/03/01/": ("2021/03/", None, "2021/12/31/"),
    "2021/12/31/": ("2021/12/", "2021/03/01/", "2022/01/01/"),
    "2022/01/01/": ("2022/01/", "2021/12/31/", "2022/06/15/"),
    "2022/06/15/": ("2022/06/", "2022/01/01/", "2022/06/19/"),
    "2022/06/19/": ("2022/06/", "2022/06/15/", "2022/06/21/"),
    "2022/06/21/": ("2022/06/", "2022/06/19/", "2022/08/01/"),
    "2022/08/01/": ("2022/08/", "2022/06/21/", None),
}

DRAFT_AND_HIDDEN = ("ban-nhap-ke-hoach-thang-7", "thong-bao-noi-bo-thang-7")


def fixture_news():
    """The fixture's published news read straight from the Markdown, newest first then by slug:
    an oracle independent of Pelican and of the plugin."""
    found = []
    for source in FIXTURE.rglob("*.md"):
        meta = dict(
            line.split(": ", 1) for line in source.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
        )
        if meta.get("Status", "published") == "published":
            found.append((datetime.strptime(meta["Date"], "%Y-%m-%d %H:%M"), meta["Slug"]))
    return sorted(found, reverse=True)


def expected_slugs(period_url):
    parts = [int(part) for part in period_url.strip("/").split("/")]
    return [slug for moment, slug in fixture_news() if [moment.year, moment.month, moment.day][: len(parts)] == parts]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURE, tmp_path_factory.mktemp("date_archives") / "output")


def listed_slugs(site, url):
    page = site.page(url)
    return [Path(link["href"]).stem for link in page.select(".news-list .news-title a")]


def page_urls(url, pages):
    return [url] + [f"{url}trang/{number}/" for number in range(2, pages + 1)]


def href_target(site, from_url, element):
    assert element is not None
    return site.resolve(from_url, element["href"])


@pytest.mark.parametrize("url", sorted(ARCHIVES))
def test_archive_lists_exactly_its_news_newest_first_when_built(site, url):
    _heading, count, pages = ARCHIVES[url]
    listed = []
    for number, page_url in enumerate(page_urls(url, pages), start=1):
        page = site.page(page_url)
        totals = TOTALS.match(page.select_one(".listing-totals").get_text(strip=True))
        assert totals, page_url
        assert totals.groups() == (str(count), str(number), str(pages))
        slugs = listed_slugs(site, page_url)
        assert len(slugs) == (10 if number < pages else count - 10 * (pages - 1))
        listed += slugs
    assert listed == expected_slugs(url)
    assert not site.exists(f"{url}trang/{pages + 1}/")


def test_same_minute_news_are_ordered_by_slug_when_a_day_paginates(site):
    assert listed_slugs(site, "2022/06/19/")[:2] == ["hoi-nghi-19-6-tin-b", "hoi-nghi-19-6-tin-a"]
    assert listed_slugs(site, "2022/06/19/trang/2/") == ["hoi-nghi-19-6-tin-02", "hoi-nghi-19-6-tin-01"]


@pytest.mark.parametrize("url", sorted(ARCHIVES))
def test_archive_heading_title_and_body_class_name_the_period_when_built(site, url):
    heading, _count, pages = ARCHIVES[url]
    granularity = {1: "year", 2: "month", 3: "day"}[url.count("/")]
    for page_url in page_urls(url, pages):
        page = site.page(page_url)
        assert page.select_one("h1").get_text(strip=True) == heading
        assert {"page-period-archive", f"page-archive-{granularity}"} <= set(page.body["class"])
        assert page.title.get_text().startswith(heading)


@pytest.mark.parametrize("url", sorted(NAVIGATION))
def test_archive_links_up_and_to_neighbours_with_news_when_built(site, url):
    up, earlier, later = NAVIGATION[url]
    page = site.page(url)
    nav = page.select_one("nav.period-nav")
    assert href_target(site, url, nav.select_one(".period-up a")) == up
    for css, target in ((".period-earlier a", earlier), (".period-later a", later)):
        link = nav.select_one(css)
        if target is None:
            assert link is None
        else:
            assert href_target(site, url, link) == target
            assert ARCHIVES[target][0].split(" ", 2)[2] in link.get_text()


def test_breadcrumb_climbs_day_month_year_and_archive_index_when_on_a_day(site):
    crumbs = site.page("2022/06/19/").select(".breadcrumb li")
    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Trang chủ", "Lưu trữ", "Năm 2022", "Tháng 6/2022", "Ngày 19/6/2022"]
    assert [site.resolve("2022/06/19/", a["href"]) for a in site.page("2022/06/19/").select(".breadcrumb a")] == [
        "", "luu-tru/", "2022/", "2022/06/",
    ]
    assert crumbs[-1].select_one("[aria-current=page]")


def test_only_periods_with_news_have_archive_pages_when_built(site):
    built = {
        site.url_of(file)
        for file in site.output.glob("20*/**/index.html")
    }
    expected = {page for url, (_h, _c, pages) in ARCHIVES.items() for page in page_urls(url, pages)}
    assert built == expected
    assert not site.exists("2022/06/20/") and not site.exists("2022/07/")


def test_drafts_and_hidden_news_appear_in_no_listing_when_built(site):
    manifest_text = site.text("ngay.json")
    for file in site.html_files():
        url = site.url_of(file)
        if any(slug in url for slug in DRAFT_AND_HIDDEN):
            continue  # their own pages, reachable only by their address
        hrefs = [a["href"] for a in site.page(url).select("a[href]")]
        assert not [href for href in hrefs if any(slug in href for slug in DRAFT_AND_HIDDEN)], url
    assert "2022-06-20" not in manifest_text and "2022-07" not in manifest_text


def test_manifest_matches_the_day_archives_when_built(site):
    manifest = json.loads(site.text("ngay.json"))
    day_archives = {url: count for url, (_h, count, _p) in ARCHIVES.items() if url.count("/") == 3}
    assert {day.replace("-", "/") + "/": count for day, count in manifest["days"].items()} == day_archives
    assert manifest["day_url"] == "{yyyy}/{mm}/{dd}/"
    assert manifest["month_url"] == "{yyyy}/{mm}/"
    assert manifest["index_url"] == "luu-tru/"
    for day, count in manifest["days"].items():
        url = manifest["day_url"].format(yyyy=day[:4], mm=day[5:7], dd=day[8:])
        totals = TOTALS.match(site.page(url).select_one(".listing-totals").get_text(strip=True))
        assert int(totals.group(1)) == count


def test_archive_index_lists_years_and_months_with_counts_when_built(site):
    page = site.page("luu-tru/")
    assert "page-archives" in page.body["class"]
    assert page.select_one("h1").get_text(strip=True) == "Lưu trữ"
    years = [
        (section.select_one("h2").get_text(" ", strip=True), [li.get_text(" ", strip=True) for li in section.select(".archive-months li")])
        for section in page.select("section.archive-year")
    ]
    assert years == [
        ("Năm 2022 (16 tin)", ["Tháng 8/2022 (1 tin)", "Tháng 6/2022 (14 tin)", "Tháng 1/2022 (1 tin)"]),
        ("Năm 2021 (3 tin)", ["Tháng 12/2021 (2 tin)", "Tháng 3/2021 (1 tin)"]),
    ]
    for section in page.select("section.archive-year"):
        for link in section.select("h2 a, .archive-months a"):
            assert site.resolve("luu-tru/", link["href"]) in ARCHIVES


def test_archive_index_calendars_link_exactly_the_days_with_news_when_built(site):
    page = site.page("luu-tru/")
    manifest = json.loads(site.text("ngay.json"))
    calendars = page.select("table.month-calendar")
    assert [table.caption.get_text(strip=True) for table in calendars] == [
        "Tháng 8/2022", "Tháng 6/2022", "Tháng 1/2022", "Tháng 12/2021", "Tháng 3/2021",
    ]
    linked = []
    for table in calendars:
        assert [th.get_text(strip=True) for th in table.select("thead th")] == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
        assert all(len(row.find_all("td")) == 7 for row in table.select("tbody tr"))
        for link in table.select("tbody a"):
            target = site.resolve("luu-tru/", link["href"])
            assert site.exists(target), target
            assert link.get_text(strip=True) == str(int(target.split("/")[2]))
            linked.append(target)
    assert sorted(linked) == sorted(day.replace("-", "/") + "/" for day in manifest["days"])


def test_calendar_puts_the_first_on_its_weekday_when_month_starts_on_monday(site):
    # 1/8/2022 was a Monday; 1/6/2022 a Wednesday; 1/1/2022 a Saturday.
    tables = {table.caption.get_text(strip=True): table for table in site.page("luu-tru/").select("table.month-calendar")}
    for caption, empty_before in (("Tháng 8/2022", 0), ("Tháng 6/2022", 2), ("Tháng 1/2022", 5)):
        first_row = [td.get_text(strip=True) for td in tables[caption].select("tbody tr")[0].find_all("td")]
        assert first_row[: empty_before + 1] == [""] * empty_before + ["1"]


@pytest.mark.parametrize(
    "url, values, fill_today",
    [
        ("2022/06/19/", ("19", "6", "2022"), False),
        ("2022/06/19/trang/2/", ("19", "6", "2022"), False),
        ("2022/06/", ("", "6", "2022"), False),
        ("2022/", ("", "", "2022"), False),
        ("2021/12/tong-ket-nam-2021.html", ("31", "12", "2021"), False),
        # No date of its own: the newest day with news (1/8/2022), so the first try finds news.
        ("", ("1", "8", "2022"), False),
        ("chuyen-muc/tin-hoat-dong/", ("1", "8", "2022"), False),
        ("luu-tru/", ("1", "8", "2022"), False),
    ],
)
def test_date_picker_is_prefilled_with_the_page_date_when_page_has_one(site, url, values, fill_today):
    page = site.page(url)
    picker = page.select_one("section.date-picker")
    assert picker.select_one("h2").get_text(strip=True) == "Xem tin theo ngày"
    form = picker.select_one("form")
    assert form.has_attr("hidden")  # shown by the script only
    fields = [form.select_one(f"#{name}") for name in ("picker-day", "picker-month", "picker-year")]
    for field in fields:
        assert page.select_one(f"label[for={field['id']}]")
        assert field["inputmode"] == "numeric"
    assert tuple(field.get("value", "") for field in fields) == values
    assert form.has_attr("data-fill-today") == fill_today
    assert site.exists(site.resolve(url, form["data-manifest"]))
    assert page.select_one(".picker-message[aria-live=polite]")
    fallback = picker.select_one(".picker-fallback")
    assert fallback is not None and not fallback.has_attr("hidden")
    if url != "luu-tru/":
        assert site.resolve(url, fallback.select_one("a")["href"]) == "luu-tru/"
    script = page.select_one("script[src*='js/date-picker.']")
    assert site.exists(site.resolve(url, script["src"]))


def test_every_link_on_archive_pages_resolves_when_built(site):
    pages = ["luu-tru/"] + [page for url, (_h, _c, n) in ARCHIVES.items() for page in page_urls(url, n)]
    for url in pages:
        for link in site.page(url).select("a[href]"):
            target = site.resolve(url, link["href"])
            if target is not None and not target.startswith("#"):
                assert site.exists(target.split("#")[0]), f"{url} -> {link['href']}"


@pytest.mark.parametrize(
    "url, captions",
    [
        ("2022/", ["Tháng 8/2022", "Tháng 6/2022", "Tháng 1/2022"]),
        ("2022/trang/2/", []),
        ("2021/", ["Tháng 12/2021", "Tháng 3/2021"]),
        ("2022/06/", ["Tháng 6/2022"]),
        ("2022/06/trang/2/", []),
        ("2022/06/19/", ["Tháng 6/2022"]),
        ("2021/12/31/", ["Tháng 12/2021"]),
    ],
)
def test_archive_shows_its_month_calendars_on_its_first_page_when_built(site, url, captions):
    tables = site.page(url).select("table.month-calendar")
    assert [table.caption.get_text(strip=True) for table in tables] == captions


def test_archive_index_keeps_only_recent_calendars_when_the_site_has_many_months(tmp_path):
    small = build(FIXTURE, tmp_path / "output", {"DATE_ARCHIVES_INDEX_CALENDARS": 2})
    page = small.page("luu-tru/")
    assert [table.caption.get_text(strip=True) for table in page.select("table.month-calendar")] == ["Tháng 8/2022", "Tháng 6/2022"]
    assert "trang của từng năm" in page.select_one(".archive-note").get_text()
    # Every month's calendar is still one click away, on its year's page.
    assert len(page.select("section.archive-year .archive-months a")) == 5
    assert len(small.page("2021/").select("table.month-calendar")) == 2


def test_day_calendar_marks_the_day_shown_when_on_a_day_archive(site):
    current = site.page("2022/06/19/").select("table.month-calendar a[aria-current=date]")
    assert [link.get_text(strip=True) for link in current] == ["19"]
    assert not site.page("2022/06/").select("table.month-calendar a[aria-current]")


def test_build_never_runs_pelicans_quadratic_builder_when_the_plugin_is_on(tmp_path, monkeypatch):
    """Pelican's own `_build_period_archives` takes over half a minute at 10,000 news; the plugin
    gives each ArticlesGenerator a linear one. Here Pelican's raises, so the build proves it never ran."""
    from pelican import Pelican
    from pelican.generators import ArticlesGenerator
    from pelican.settings import read_settings

    def quadratic(*_args, **_kwargs):
        raise AssertionError("Pelican's quadratic period archive builder ran")

    from trangtin.pelican_adapter import gate  # noqa: PLC0415

    # The adapter's gate compares Pelican's real source with the one it was written for: it must look
    # before the stand-in below replaces it (in a process where no build ran yet, under pytest-xdist).
    assert gate.allowed("period_archives")
    monkeypatch.setattr(ArticlesGenerator, "_build_period_archives", quadratic)
    settings = read_settings(str(FIXTURE_CONF), override={"PATH": str(FIXTURE), "OUTPUT_PATH": str(tmp_path)})
    Pelican(settings).run()
    built = Site(tmp_path, "")
    assert TOTALS.match(built.page("2022/06/19/").select_one(".listing-totals").get_text(strip=True)).group(1) == "12"
