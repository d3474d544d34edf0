"""tests/fixtures/other_site made into a site folder: a school's Youth Union with its own settings file,
colours, a wide logo and a template of its own; shared by tests/site/test_site_settings.py and the
browser test of the same settings."""

import shutil

from PIL import Image

from conftest import FIXTURES, ROOT

OTHER_SITE = FIXTURES / "other_site"
NAME = "Đoàn trường THPT Chuyên Hà Giang"
SHORT_NAME = "Đoàn trường"
LEGAL = {
    "owner": "Ban Chấp hành Đoàn trường THPT Chuyên Hà Giang",
    "address": "Số 2 đường Nguyễn Trãi, phường Nguyễn Trãi, thành phố Hà Giang",
    "phone": "0219 3866 123",
    "email": "doantruong@chuyenhagiang.edu.vn",
    "responsible": "Bí thư Đoàn trường",
    "republish": "Ghi rõ nguồn “Đoàn trường THPT Chuyên Hà Giang” khi đăng lại.",
}
COLOURS = {"brand": "#7a1f2b", "accent": "#e0a800"}
# The reference site's organisation, province, domain and categories: none may reach another site. Names
# as written (a category such as "Tin hoạt động" is inside "xem tất cả tin Hoạt động Đoàn trường" when case
# is ignored); the unaccented forms of addresses, slugs and search whatever their case.
FIRST_ORGANISATION = ["Đoàn Khối", "ĐK", "Tuyên Quang", "Tin hoạt động", "Công tác Đoàn", "Thanh niên tình nguyện",
                      "Tuổi trẻ sáng tạo", "Văn hóa - Thể thao"]
FIRST_ORGANISATION_ANY_CASE = ["doan khoi", "doankhoi", "doan-khoi", "tuyen quang", "tuyenquang", "tuyen-quang"]
SETTINGS = '''\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403 - the product's defaults, then this site's values

SITENAME = {name!r}
SITESUBTITLE = "Tin tức của tuổi trẻ nhà trường"
SITE_SHORTNAME = {short!r}
AUTHOR = "Ban Thường vụ Đoàn trường"
NEWS_CATEGORIES = ["Hoạt động Đoàn trường", "Học tập"]
NEWS_DEFAULT_CATEGORY = NEWS_CATEGORIES[0]
SITE_LEGAL = {legal!r}
SITE_LEGAL_EXAMPLE = False
SITE_COLORS = {colours!r}
SITE_LOGO = "images/logo-ngang.png"
THEME_TEMPLATES_OVERRIDES = [str(ROOT_OF_SITE / "templates")]
CACHE_PATH = str(ROOT_OF_SITE / "cache")
PHOTOS_CACHE_PATH = str(ROOT_OF_SITE / "cache-photos")
SEARCH_ENABLED = False
'''


def make_site(folder):
    """The school's folder: content, templates, a 480 × 120 logo and its settings file (caidat.py:
    a site's own pelicanconf.py would shadow the product's module of the same name here)."""
    site = folder / "truong"
    shutil.copytree(OTHER_SITE, site)
    (site / "content" / "images").mkdir()
    Image.new("RGB", (480, 120), "#7a1f2b").save(site / "content" / "images" / "logo-ngang.png")
    text = SETTINGS.format(root=str(ROOT), name=NAME, short=SHORT_NAME, legal=LEGAL, colours=COLOURS)
    text = text.replace("from pelicanconf import *", "from pathlib import Path\nfrom pelicanconf import *", 1)
    (site / "caidat.py").write_text(text.replace("ROOT_OF_SITE", "Path(__file__).resolve().parent"), encoding="utf-8")
    return site
