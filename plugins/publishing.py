"""Publishing settings: a site's publishconf.py is `from pelicanconf import *`, then
`from trangtin.publishing import *`, then the site's public address (SITEURL, CANONICAL_URL, FEED_DOMAIN)."""

RELATIVE_URLS = False
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
# Not even a draft whose own `Save_as:` names a file (plugins/draft_guard, on by default).
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# The browser editor (/admin/) is published only for a site whose editors sign in to a git host
# (CMS_BACKEND); `make cms` serves it on the editor's own computer in any case.
CMS_ADMIN_NEEDS_BACKEND = True
