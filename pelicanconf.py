"""Development settings. `pelican DIR -s pelicanconf.py -o OUT` builds any content folder laid out
like content/. Paths are anchored on this file, so the command works from any directory."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent

from trangtin.vn_core.loading import load_plugins  # noqa: E402 - needs the plugins folder on the path

SITENAME = "Đoàn Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang"
SITESUBTITLE = "Tin tức hoạt động Đoàn và phong trào thanh niên"
SITE_SHORTNAME = "Đoàn Khối Tuyên Quang"
AUTHOR = "Đoàn Khối các cơ quan và doanh nghiệp tỉnh"
# Relative links in development: output/ works behind any local server and any port.
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE = None
# A future-dated article waits as a draft and appears with the first build after its date
# (content_checks warns the editor about it).
WITH_FUTURE_DATES = False
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
# Module objects, not names: a plugin that fails to import or register stops the build (vn_core.loading).
# Any order builds the same site.
PLUGIN_NAMES = ["vn_news", "date_archives", "older_news", "content_checks", "redirects", "search", "photos", "portal", "assets",
                "incremental", "build_speed", "van_ban"]
PLUGINS = load_plugins(PLUGIN_NAMES)

# `make import` records where each imported article came from (plugins/redirects keeps the old
# address working through content/chuyen-huong.json).
# Word-SHA256: the Word file an article was imported from (make import FROM=file.docx), so importing
# it again changes nothing.
CONTENT_CHECKS_EXTRA_KEYS = ("Legacy-URL", "Word-SHA256")

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

# Content layout: articles anywhere, static pages under pages/, images under images/.
ARTICLE_PATHS = [""]
# tai-lieu/: files offered as downloads (PDF, Word, Excel), linked with {static}/tai-lieu/...
# (`make import` puts the old portal's attachments there too).
# van-ban/: the documents register (plugins/van_ban), one Markdown file per document, never an article.
ARTICLE_EXCLUDES = ["pages", "images", "tai-lieu", "extra", "van-ban"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "tai-lieu"]
IGNORE_FILES = [".#*", "*~", "README*", "*.swp"]

# URLs: readable, stable, diacritic-free slugs (Đ -> D by unidecode).
SLUGIFY_SOURCE = "title"
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_URL
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = PAGE_URL
CATEGORY_URL = "chuyen-muc/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
TAG_URL = "the/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
AUTHOR_URL = "tac-gia/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
CATEGORIES_SAVE_AS = "chuyen-muc/index.html"
CATEGORIES_URL = "chuyen-muc/"
TAGS_SAVE_AS = "the/index.html"
TAGS_URL = "the/"
AUTHORS_SAVE_AS = "tac-gia/index.html"
AUTHORS_URL = "tac-gia/"
ARCHIVES_SAVE_AS = "luu-tru/index.html"
ARCHIVES_URL = "luu-tru/"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DAY_ARCHIVE_URL = "{date:%Y}/{date:%m}/{date:%d}/"
DAY_ARCHIVE_SAVE_AS = DAY_ARCHIVE_URL + "index.html"
DRAFT_URL = "ban-nhap/{slug}.html"
DRAFT_SAVE_AS = DRAFT_URL

DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "404", "sitemap", "robots", "search"]
# The home page's one address is the site root: the pager's "1" and the canonical link say `/`, not `/index.html`.
INDEX_URL = ""
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"
# Tìm kiếm (plugins/search): the search page; Pagefind indexes the finished site after every build.
SEARCH_URL = "tim-kiem/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
TEMPLATE_PAGES = {}

# One page size for every listing in the site.
DEFAULT_PAGINATION = 10
DEFAULT_ORPHANS = 0
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None, "author": None, "period_archives": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang/{number}/", "{base_name}/trang/{number}/index.html"),
)

# "Các tin đã đăng" under every article (plugins/older_news): older news of the same category
# ("site" for the whole site), 10 a page; pages 2+ are shared windows numbered from the oldest news.
OLDER_NEWS_SCOPE = "category"
OLDER_NEWS_PER_PAGE = DEFAULT_PAGINATION
OLDER_NEWS_URL = "tin-da-dang/{group}/{number}/"
OLDER_NEWS_SAVE_AS = OLDER_NEWS_URL + "index.html"

# Feeds: the whole site and each category, Atom and RSS.
# Absolute address for canonical links, Open Graph, JSON-LD, share links, sitemap and feeds.
# In development it is `make devserver`'s address; publishconf.py sets the public one.
CANONICAL_URL = os.environ.get("CANONICAL_URL", "http://localhost:8000").rstrip("/")
FEED_DOMAIN = CANONICAL_URL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20

# Markdown: our reader (plugins/vn_news) normalises to NFC, adds figures, applies typogrify
# (without the ASCII-only `caps` filter) and sanitises the HTML. Pelican's own typogrify pass
# stays off because it would also rewrite titles into HTML entities.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
TYPOGRIFY = False
# Articles are Markdown; reStructuredText is switched off (docutils has no Vietnamese).
READERS = {"rst": None}
VN_NEWS_TYPOGRIFY = True
SUMMARY_MAX_LENGTH = 40

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

MENUITEMS = ()
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = True
HOME_CATEGORY_ITEMS = 5

# Photos (plugins/photos): derivatives are made once into this cache, outside output/ (`make clean`
# keeps it, `make clean-photos` empties it), and linked into output/photos/ on every build.
PHOTOS_CACHE_PATH = str(ROOT / "cache-photos")
PHOTOS_DEFAULT_SOCIAL_IMAGE = "images/mang-xa-hoi.jpg"

# Pelican's content cache (what our reader made of each file), reused when the file's bytes are the
# same; plugins/incremental keys its folder by the code, the settings and the versions, so a cached
# reading is never reused by a build that would read the file differently. `make clean` empties it.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"
CACHE_PATH = str(ROOT / "cache")
DELETE_OUTPUT_DIRECTORY = False

# Portal look (plugins/portal, theme): the mark in the header, and the footer's legal block.
# SITE_LOGO: a path in the output (the theme's files are under THEME_STATIC_DIR, "theme/"), or
# a site image such as "images/logo.png"; empty for none. The sample mark is drawn in the
# repository (theme/static/emblem.svg); replace it with the organisation's own emblem.
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

# Văn bản (plugins/van_ban): the documents register at van-ban/, read from content/van-ban/*.md, with
# listings by loại, năm and cơ quan ban hành, van-ban/index.json and an Atom feed of new documents.
# VAN_BAN_HOME_ITEMS: the "Văn bản mới" block on the home page (0: none).
VAN_BAN_HOME_ITEMS = 5
VAN_BAN_DOCUMENT_URL = "van-ban/{year}/{slug}.html"
VAN_BAN_DOCUMENT_SAVE_AS = VAN_BAN_DOCUMENT_URL
# The documents' pages hold a data-pagefind-body too: the search plugin indexes them with the news.
SEARCH_EXTRA_BODY_SAVE_AS = (VAN_BAN_DOCUMENT_SAVE_AS,)
