"""Table tests of plugins/date_archives/periods.py: counts, neighbours, calendars, the manifest,
and the linear period archives checked against Pelican's own (quadratic) builder."""

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest


from trangtin.date_archives import periods
from trangtin.vn_core.vietnamese import period_heading  # noqa: E402

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=VN)


def news(text, slug):
    return SimpleNamespace(date=at(text), slug=slug)


# --- counts ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "moments, expected",
    [
        ([], {"year": {}, "month": {}, "day": {}}),
        (["2022-06-19 22:02"], {"year": {(2022,): 1}, "month": {(2022, 6): 1}, "day": {(2022, 6, 19): 1}}),
        (
            ["2022-06-19 22:02", "2022-06-19 22:02", "2022-06-20 00:00"],
            {"year": {(2022,): 3}, "month": {(2022, 6): 3}, "day": {(2022, 6, 19): 2, (2022, 6, 20): 1}},
        ),
        (
            ["2021-12-31 23:59", "2022-01-01 00:00"],
            {"year": {(2021,): 1, (2022,): 1}, "month": {(2021, 12): 1, (2022, 1): 1},
             "day": {(2021, 12, 31): 1, (2022, 1, 1): 1}},
        ),
        (
            ["2024-02-29 08:00", "2024-03-01 08:00"],
            {"year": {(2024,): 2}, "month": {(2024, 2): 1, (2024, 3): 1}, "day": {(2024, 2, 29): 1, (2024, 3, 1): 1}},
        ),
    ],
)
def test_count_periods_counts_every_day_month_and_year_when_given_dates(moments, expected):
    assert periods.count_periods(at(m) for m in moments) == expected


def test_count_periods_lists_periods_oldest_first_when_dates_are_unsorted():
    counts = periods.count_periods([at("2022-06-19 10:00"), at("2020-01-05 10:00"), at("2021-03-01 10:00")])
    assert list(counts["day"]) == [(2020, 1, 5), (2021, 3, 1), (2022, 6, 19)]


# --- neighbours -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "found, expected",
    [
        ([], {}),
        ([(2022, 6, 19)], {(2022, 6, 19): (None, None)}),
        (
            [(2022, 6, 21), (2021, 12, 31), (2022, 6, 19)],
            {
                (2021, 12, 31): (None, (2022, 6, 19)),
                (2022, 6, 19): ((2021, 12, 31), (2022, 6, 21)),
                (2022, 6, 21): ((2022, 6, 19), None),
            },
        ),
        ([(2021, 12), (2022, 1)], {(2021, 12): (None, (2022, 1)), (2022, 1): ((2021, 12), None)}),
        ([(2019,), (2022,)], {(2019,): (None, (2022,)), (2022,): ((2019,), None)}),
    ],
)
def test_neighbours_are_the_nearest_periods_with_news_when_periods_have_gaps(found, expected):
    assert periods.neighbours(found) == expected


# --- labels -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "period, heading, parent, wider, picker",
    [
        ((2022, 6, 19), "Tin ngày 19/6/2022", (2022, 6), [(2022,), (2022, 6)], {"day": 19, "month": 6, "year": 2022}),
        ((2022, 6), "Tin tháng 6/2022", (2022,), [(2022,)], {"day": "", "month": 6, "year": 2022}),
        ((2022,), "Tin năm 2022", None, [], {"day": "", "month": "", "year": 2022}),
        ((2022, 12, 1), "Tin ngày 1/12/2022", (2022, 12), [(2022,), (2022, 12)], {"day": 1, "month": 12, "year": 2022}),
    ],
)
def test_period_heading_parent_and_picker_when_period_is_day_month_or_year(period, heading, parent, wider, picker):
    assert period_heading(period) == heading
    assert periods.parent_period(period) == parent
    assert periods.ancestors(period) == wider
    assert periods.picker_values(period) == picker


# --- calendars --------------------------------------------------------------------------------

def days_of(grid):
    return [[cell["day"] if cell else None for cell in week] for week in grid]


@pytest.mark.parametrize(
    "year, month, first_week, last_week, weeks",
    [
        # May 2022 starts on a Sunday: six empty cells, then the 1st under CN.
        (2022, 5, [None] * 6 + [1], [30, 31, None, None, None, None, None], 6),
        # January 2024 starts on a Monday; it ends on a Wednesday.
        (2024, 1, [1, 2, 3, 4, 5, 6, 7], [29, 30, 31, None, None, None, None], 5),
        # January 2022 starts on a Saturday and ends on a Monday: a last row with one day.
        (2022, 1, [None, None, None, None, None, 1, 2], [31, None, None, None, None, None, None], 6),
        # February 2021: 28 days from Monday to Sunday, exactly four rows.
        (2021, 2, [1, 2, 3, 4, 5, 6, 7], [22, 23, 24, 25, 26, 27, 28], 4),
        # Leap year: February 2024 has the 29th (a Thursday).
        (2024, 2, [None, None, None, 1, 2, 3, 4], [26, 27, 28, 29, None, None, None], 5),
        # Not a leap year: February 2023 stops at the 28th; 1900 was not a leap year, 2000 was.
        (2023, 2, [None, None, 1, 2, 3, 4, 5], [27, 28, None, None, None, None, None], 5),
        (1900, 2, [None, None, None, 1, 2, 3, 4], [26, 27, 28, None, None, None, None], 5),
        (2000, 2, [None, 1, 2, 3, 4, 5, 6], [28, 29, None, None, None, None, None], 5),
    ],
)
def test_month_grid_starts_on_monday_when_month_starts_or_ends_on_any_weekday(year, month, first_week, last_week, weeks):
    grid = days_of(periods.month_grid(year, month, {}))
    assert len(grid) == weeks
    assert all(len(week) == 7 for week in grid)
    assert grid[0] == first_week
    assert grid[-1] == last_week


def test_month_grid_carries_the_counts_when_some_days_have_news():
    grid = periods.month_grid(2022, 6, {19: 3, 1: 1})
    cells = {cell["day"]: cell["count"] for week in grid for cell in week if cell}
    assert cells[19] == 3 and cells[1] == 1 and cells[20] == 0
    assert len(cells) == 30


def test_days_by_month_groups_day_counts_when_days_span_months():
    assert periods.days_by_month({(2022, 6, 19): 3, (2022, 6, 21): 1, (2021, 12, 31): 2}) == {
        (2022, 6): {19: 3, 21: 1},
        (2021, 12): {31: 2},
    }


# --- manifest -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "url_format, pattern",
    [
        ("{date:%Y}/{date:%m}/{date:%d}/", "{yyyy}/{mm}/{dd}/"),
        ("{date:%Y}/{date:%m}/", "{yyyy}/{mm}/"),
        ("archives/{date:%Y}-{date:%m}-{date:%d}.html", "archives/{yyyy}-{mm}-{dd}.html"),
        ("{date:%Y/%m/%d}/", "{yyyy}/{mm}/{dd}/"),
    ],
)
def test_url_pattern_has_placeholders_when_format_uses_zero_padded_directives(url_format, pattern):
    assert periods.url_pattern(url_format) == pattern


def test_url_pattern_refuses_when_format_uses_a_directive_the_picker_cannot_fill():
    with pytest.raises(ValueError):
        periods.url_pattern("{date:%Y}/{date:%b}/")


def test_manifest_lists_every_day_with_its_count_when_days_have_news():
    data = periods.manifest(
        {(2022, 6, 19): 12, (2021, 12, 31): 2, (2022, 1, 1): 1},
        "{date:%Y}/{date:%m}/{date:%d}/",
        "{date:%Y}/{date:%m}/",
        "luu-tru/",
    )
    assert data == {
        "day_url": "{yyyy}/{mm}/{dd}/",
        "month_url": "{yyyy}/{mm}/",
        "index_url": "luu-tru/",
        "days": {"2021-12-31": 2, "2022-01-01": 1, "2022-06-19": 12},
    }
    assert list(data["days"]) == sorted(data["days"])


def test_manifest_is_empty_when_site_has_no_news():
    assert periods.manifest({}, "{date:%Y}/{date:%m}/{date:%d}/", "{date:%Y}/{date:%m}/", "luu-tru/")["days"] == {}


# --- period archives, linear ------------------------------------------------------------------

FORMATS = {
    "year": ("{date:%Y}/index.html", "{date:%Y}/"),
    "month": ("{date:%Y}/{date:%m}/index.html", "{date:%Y}/{date:%m}/"),
    "day": ("{date:%Y}/{date:%m}/{date:%d}/index.html", "{date:%Y}/{date:%m}/{date:%d}/"),
}


def newest_first(items):
    return sorted(items, key=lambda item: (item.date, item.slug), reverse=True)


def test_period_archives_keep_newest_first_and_slug_order_when_news_share_a_minute():
    items = newest_first([news("2022-06-19 22:02", "b"), news("2022-06-19 22:02", "a"), news("2022-06-19 08:00", "c")])
    archives = periods.period_archives(items, items, FORMATS)
    (day,) = archives["day"]
    assert [item.slug for item in day["articles"]] == ["b", "a", "c"]
    assert day["url"] == "2022/06/19/" and day["save_as"] == "2022/06/19/index.html"
    assert day["period_num"] == (2022, 6, 19) and day["period"] == (2022, "June", 19)


@pytest.mark.parametrize("count", [0, 1, 10, 11, 250])
def test_period_archives_match_pelicans_builder_when_news_are_random(count):
    pelican_generators = pytest.importorskip("pelican.generators")
    generator = random.Random(count)
    start = at("2019-12-25 00:00")
    items = newest_first(
        news((start + timedelta(minutes=generator.randrange(3 * 366 * 24 * 60))).strftime("%Y-%m-%d %H:%M"), f"tin-{i}")
        for i in range(count)
    )
    sorted_items = sorted(items, key=lambda item: item.date, reverse=True)
    settings = {}
    for granularity, (save_as, url) in FORMATS.items():
        settings[f"{granularity.upper()}_ARCHIVE_SAVE_AS"] = save_as
        settings[f"{granularity.upper()}_ARCHIVE_URL"] = url
    expected = pelican_generators.ArticlesGenerator._build_period_archives(None, sorted_items, items, settings)
    assert periods.period_archives(sorted_items, items, FORMATS) == expected


def test_period_archives_skip_a_granularity_when_its_save_as_is_empty():
    items = [news("2022-06-19 22:02", "a")]
    archives = periods.period_archives(items, items, dict(FORMATS, day=("", "")))
    assert set(archives) == {"year", "month"}
