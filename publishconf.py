"""Publishing settings: `make publish`. The public address comes from the SITEURL environment
variable, so CI and editors never edit this file to deploy elsewhere."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

from trangtin.vn_core.siteurl import public_siteurl  # noqa: E402 - pelicanconf put the plugins folder on the path

# The public address: the SITEURL environment variable (CI: the repository variable). A site may write
# its own as the second argument. None (or a placeholder such as an `example` domain) stops the build
# with a message saying where to set it: canonical links, feeds and the sitemap are never guessed.
SITEURL = public_siteurl(os.environ.get("SITEURL"), "")
RELATIVE_URLS = False
CANONICAL_URL = SITEURL
FEED_DOMAIN = SITEURL
# No DELETE_OUTPUT_DIRECTORY: `make publish` (tools/safe_build.py) builds into a fresh, empty folder and
# swaps it in, so nothing stale survives, and files whose bytes did not change keep their time.
DELETE_OUTPUT_DIRECTORY = False
# .gz and .br beside every text file (plugins/assets), for servers that send them as they are
# (nginx gzip_static/brotli_static, the .htaccess below): no compressing on each request.
ASSETS_PRECOMPRESS = True

# Drafts never leave the machine: no draft article or page is written anywhere in the published
# output (Pelican skips an empty save-as), so robots.txt names no draft folder either. Listings, feeds,
# the sitemap and the archives only ever list published news. A news dated in the future is a draft
# until its date too (WITH_FUTURE_DATES = False): the hourly CI build publishes it on time.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
# Not even a draft whose own `Save_as:` names a file (plugins/draft_guard).
PLUGIN_NAMES = [*PLUGIN_NAMES, "draft_guard"]  # noqa: F405
PLUGINS = load_plugins(PLUGIN_NAMES)  # noqa: F405
