"""The reference site's settings (Đoàn Khối Tuyên Quang): the product's defaults (trangtin.settings), then
this site's values. `pelican DIR -s pelicanconf.py -o OUT` builds any content folder laid out like
content/. Paths are anchored on this file, so the command works from any directory."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def _this_checkout():
    """`trangtin` (the product, pyproject.toml) is this folder's plugins/ and tools/, also where another
    copy of the product is installed in the same environment: a test's copy of the project, a git
    worktree. A site made by `make new-site` imports the installed product instead."""
    if "trangtin" in sys.modules:
        return
    for name, folder in (("trangtin", ROOT / "plugins"), ("trangtin.tools", ROOT / "tools")):
        spec = importlib.util.spec_from_file_location(name, folder / "__init__.py", submodule_search_locations=[str(folder)])
        module = sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


_this_checkout()

from trangtin.settings import *  # noqa: E402,F403 - the product's defaults, after `trangtin` is this checkout's

SITENAME = "Đoàn Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang"
SITESUBTITLE = "Tin tức hoạt động Đoàn và phong trào thanh niên"
SITE_SHORTNAME = "Đoàn Khối Tuyên Quang"
AUTHOR = "Đoàn Khối các cơ quan và doanh nghiệp tỉnh"

# Categories editors are expected to use; the content checks warn about near misses (typos).
NEWS_CATEGORIES = [
    "Tin hoạt động",
    "Công tác Đoàn",
    "Thanh niên tình nguyện",
    "Tuổi trẻ sáng tạo",
    "Văn hóa - Thể thao",
]
# The category of an article imported from Word without `make import … CATEGORY=…`.
NEWS_DEFAULT_CATEGORY = NEWS_CATEGORIES[0]


# The header's mark: the theme's sample emblem (trangtin.settings documents SITE_LOGO, SITE_COLORS,
# SITE_FAVICON); the footer's legal block below.
SITE_LOGO = "theme/emblem.svg"
# The footer's legal block, as Vietnamese official portals show it. Empty values are left out.
# SITE_LEGAL_EXAMPLE marks the block as sample values until the real ones are filled in; the
# sample has no phone number because a made-up one would look real.
SITE_LEGAL = {
    "owner": "Ban Chấp hành Đoàn Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang",
    "address": "Thành phố Tuyên Quang, tỉnh Tuyên Quang",
    "phone": "",
    "email": "",
    "responsible": "Bí thư Đoàn Khối các cơ quan và doanh nghiệp tỉnh",
    "licence": "",
    "republish": "Ghi rõ nguồn “Đoàn Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang” khi phát hành lại thông tin từ trang này.",
}
SITE_LEGAL_EXAMPLE = True


PHOTOS_DEFAULT_SOCIAL_IMAGE = "images/mang-xa-hoi.jpg"

# The product's code and theme this checkout builds with (_this_checkout): plugins/incremental keys its caches by
# the files under PLUGIN_PATHS, so an edit of a plugin here rebuilds what it shapes.
PLUGIN_PATHS = [str(ROOT / "plugins")]
THEME = str(ROOT / "theme")
# Caches beside this file, wherever the build is started from.
CACHE_PATH = str(ROOT / "cache")
PHOTOS_CACHE_PATH = str(ROOT / "cache-photos")
