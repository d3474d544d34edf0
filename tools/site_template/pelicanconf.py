"""This site's settings: the product's defaults (trangtin.settings), then the site's own
values. Everything the product lets a site set is in the operators' guide of Trang tin (settings)."""

from pathlib import Path

from trangtin.settings import *  # noqa: F403

ROOT = Path(__file__).resolve().parent

SITENAME = $sitename_py
SITE_SHORTNAME = $shortname_py
SITESUBTITLE = "Trang tin điện tử"
AUTHOR = $sitename_py

# The categories editors choose from; the checks warn about near misses (typos).
NEWS_CATEGORIES = $categories_py
# The category of an article imported from Word without `make import … CATEGORY=…`.
NEWS_DEFAULT_CATEGORY = NEWS_CATEGORIES[0]

# The footer's legal block, as Vietnamese official portals show it. Empty values are left out.
SITE_LEGAL = {
    "owner": $sitename_py,
    "address": "",
    "phone": "",
    "email": "",
    "responsible": "",
    "licence": "",
    "republish": $republish_py,
}

# Caches beside this file, wherever the build is started from.
CACHE_PATH = str(ROOT / "cache")
PHOTOS_CACHE_PATH = str(ROOT / "cache-photos")
