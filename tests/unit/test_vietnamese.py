"""vn_core.vietnamese: date lines, numbers, view counts and NFC, independent of the system locale."""

import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify


from trangtin.vn_core.vietnamese import DEFAULT_WEEKDAYS, dateline, group_thousands, nfc, parse_count, short_date  # noqa: E402

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    "moment, expected",
    [
        (datetime(2022, 6, 13, 8, 0, tzinfo=HCM), "Thứ hai, ngày 13/6/2022 - 08:00"),
        (datetime(2022, 6, 14, 9, 15, tzinfo=HCM), "Thứ ba, ngày 14/6/2022 - 09:15"),
        (datetime(2022, 6, 15, 10, 30, tzinfo=HCM), "Thứ tư, ngày 15/6/2022 - 10:30"),
        (datetime(2022, 6, 16, 11, 45, tzinfo=HCM), "Thứ năm, ngày 16/6/2022 - 11:45"),
        (datetime(2022, 6, 17, 13, 5, tzinfo=HCM), "Thứ sáu, ngày 17/6/2022 - 13:05"),
        (datetime(2022, 6, 18, 17, 59, tzinfo=HCM), "Thứ bảy, ngày 18/6/2022 - 17:59"),
        (datetime(2022, 6, 19, 22, 2, tzinfo=HCM), "Chủ nhật, ngày 19/6/2022 - 22:02"),
    ],
)
def test_dateline_names_the_weekday_when_date_falls_on_each_day(moment, expected):
    assert dateline(moment) == expected


@pytest.mark.parametrize(
    "moment, expected",
    [
        (datetime(2021, 1, 1, 0, 5, tzinfo=HCM), "Thứ sáu, ngày 1/1/2021 - 00:05"),
        (datetime(2020, 12, 31, 23, 59, tzinfo=HCM), "Thứ năm, ngày 31/12/2020 - 23:59"),
        (datetime(2022, 3, 7, 0, 0, tzinfo=HCM), "Thứ hai, ngày 7/3/2022 - 00:00"),
    ],
)
def test_dateline_pads_only_the_time_when_day_or_month_has_one_digit(moment, expected):
    assert dateline(moment) == expected


def test_dateline_uses_the_given_table_when_weekdays_are_configured():
    short = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
    assert dateline(datetime(2022, 6, 19, 22, 2), short) == "CN, ngày 19/6/2022 - 22:02"
    assert dateline(datetime(2022, 6, 13, 7, 0), short) == "T2, ngày 13/6/2022 - 07:00"


def test_dateline_refuses_a_table_when_it_does_not_have_seven_names():
    with pytest.raises(ValueError):
        dateline(datetime(2022, 6, 19), DEFAULT_WEEKDAYS[:6])


@pytest.mark.parametrize(
    "moment, expected",
    [(datetime(2022, 1, 5), "5/1/2022"), (datetime(2022, 10, 25), "25/10/2022"), (datetime(2020, 2, 29), "29/2/2020")],
)
def test_short_date_has_no_zero_padding_when_day_or_month_is_small(moment, expected):
    assert short_date(moment) == expected


@pytest.mark.parametrize(
    "number, expected",
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1234, "1.234"),
        (152, "152"),
        (999999, "999.999"),
        (1000000, "1.000.000"),
        (1234567, "1.234.567"),
        (-1, "-1"),
        (-1000, "-1.000"),
        (-1234567, "-1.234.567"),
        ("4321", "4.321"),
    ],
)
def test_group_thousands_puts_dots_between_thousands_when_number_is_formatted(number, expected):
    assert group_thousands(number) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        (None, None),
        ("", None),
        ("152", 152),
        (" 152 ", 152),
        ("1.234", 1234),
        ("1 234 567", 1234567),
        ("1\u00a0234", 1234),
        ("0", 0),
        ("nhiều", None),
        ("-5", None),
        ("12a", None),
    ],
)
def test_parse_count_reads_whole_numbers_only_when_views_come_from_metadata(raw, expected):
    assert parse_count(raw) == expected


def test_nfc_composes_vietnamese_when_text_is_decomposed():
    composed = "Đoàn Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert nfc(decomposed) == composed
    assert nfc(composed) == composed


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đoàn Khối", "doan-khoi"),
        ("đoàn viên", "doan-vien"),
        ("Tháng Thanh niên 2022", "thang-thanh-nien-2022"),
        ("Văn hóa - Thể thao", "van-hoa-the-thao"),
        ("ĐTN", "dtn"),
        (unicodedata.normalize("NFD", "Đoàn Khối"), "doan-khoi"),
    ],
)
def test_slug_drops_diacritics_and_maps_d_bar_when_pelican_slugifies(text, expected):
    assert slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]) == expected
