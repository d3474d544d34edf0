"""plugins/branding/rules.py and vn_core/siteurl.py: favicon letters, the search example, the colours a
site may set and the public address, by table."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

from trangtin.branding.rules import BrandingProblem, favicon_letters, search_example, site_colours, theme_colours  # noqa: E402
from trangtin.vn_core.siteurl import SiteUrlMissing, public_siteurl  # noqa: E402


@pytest.mark.parametrize("letters, short_name, site_name, expected", [
    ("", "Đoàn trường", "Đoàn trường THPT Chuyên Hà Giang", "ĐT"),
    ("", "", "Hội Sinh viên Việt Nam", "HS"),
    ("", "ước", "", "Ư"),  # one word: one letter, upper case with its marks
    ("", "u\u031bo\u031b\u0301c mo\u031b", "", "ƯM"),  # typed decomposed (NFD): the letter keeps its horn
    ("", "Đoàn - Hội 2024", "", "ĐH"),  # words that do not begin with a letter are skipped
    ("HSV", "Hội Sinh viên", "", "HSV"),
])
def test_favicon_letters_are_the_setting_or_the_short_names_initials(letters, short_name, site_name, expected):
    assert favicon_letters(letters, short_name, site_name) == expected


def test_favicon_letters_need_a_letter_somewhere():
    with pytest.raises(BrandingProblem) as raised:
        favicon_letters("", "2024", "")
    assert raised.value.setting == "SITE_SHORTNAME"


@pytest.mark.parametrize("names, expected", [
    (["Đoàn trường", "Đoàn trường THPT Chuyên Hà Giang"], {"typed": "doan truong", "found": "Đoàn trường"}),
    ([None, "Trường THPT Chuyên Hà Giang"], {"typed": "truong thpt", "found": "Trường THPT"}),
    (["Youth Union", "Tin hoạt động"], {"typed": "hoat dong", "found": "hoạt động"}),
    (["CLB 2024", "Liên đội"], {"typed": "lien doi", "found": "Liên đội"}),
    (["Youth Union", "News"], None),  # nothing with marks: the hint shows no example
])
def test_search_example_is_the_first_marked_words_of_the_sites_own_names(names, expected):
    assert search_example(names) == expected


def test_site_colours_are_the_theme_stylesheets_custom_properties():
    theme = theme_colours((ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8"))
    assert {"brand", "brand-dark", "accent"} <= set(theme) and theme["brand"].startswith("#")
    assert site_colours({"brand": " #7A1F2B ", "accent": "#fc0"}, theme) == {"brand": "#7a1f2b", "accent": "#fc0"}
    for bad in ({"brand": "rgb(1,2,3)"}, {"brand": "#12345"}, {"brand": 123}, {"nau": "#123456"}, ["#123456"]):
        with pytest.raises(BrandingProblem):
            site_colours(bad, theme)


@pytest.mark.parametrize("from_environment, written, expected", [
    ("https://tin.donvi.vn/", "", "https://tin.donvi.vn"),
    ("", "https://doantruong.edu.vn/tin", "https://doantruong.edu.vn/tin"),  # CI's unset variable is ""
    (None, "https://doantruong.edu.vn", "https://doantruong.edu.vn"),
    ("https://moi.donvi.vn", "https://cu.donvi.vn", "https://moi.donvi.vn"),  # the environment wins
    ("http://192.168.1.10:8080", "", "http://192.168.1.10:8080"),
])
def test_public_siteurl_is_the_environments_then_the_written_one(from_environment, written, expected):
    assert public_siteurl(from_environment, written) == expected


@pytest.mark.parametrize("address", ["", None, "https://", "ftp://tin.donvi.vn", "/tin-tuc", "https://localhost:8000",
                                     "https://tin.example", "https://example.org", "https://a.test", "https://b.invalid",
                                     "https://www.example.com."])
def test_public_siteurl_refuses_a_missing_partial_or_reserved_address(address):
    with pytest.raises(SiteUrlMissing) as raised:
        public_siteurl(address, "")
    assert raised.value.code.startswith("SITEURL: lỗi: ")
