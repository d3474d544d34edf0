"""Signal receivers for the portal's home page and sidebar. register() in __init__ only connects
them; which news go where is decided in choose.py."""

import json
import logging
import os
from datetime import datetime, timezone

from pelican import signals

from trangtin.vn_core import vietnamese
from trangtin.vn_core.ordering import newest_first
from trangtin.vn_core.paths import output_file

from . import choose

logger = logging.getLogger(__name__)

DEFAULTS = {
    # A news marked `Featured: true` leads the home page while it is at most this many days older
    # than the newest news; after that the newest news with a cover leads.
    "PORTAL_FEATURED_DAYS": 14,
    # Only a news at most this many days old on the day of the build leads the home page (0: no
    # limit). A month covers an organisation that publishes a few news a month; an older lead tells
    # the reader the site is abandoned, so its news shows as an ordinary item instead.
    "PORTAL_LEAD_MAX_AGE_DAYS": 30,
    # News with thumbnails in the row under the lead story.
    "PORTAL_ROW_SIZE": 4,
    # The one file the article sidebar reads: the latest and the most viewed news. Lists that change
    # with every publish live here, so a new article does not rewrite every article page.
    "PORTAL_SIDEBAR_SAVE_AS": "tin-noi-bat.json",
    "PORTAL_SIDEBAR_URL": "tin-noi-bat.json",
    # One more than the sidebar shows, so the script can leave out the article being read.
    "PORTAL_SIDEBAR_ITEMS": 6,
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _has_cover(item):
    return bool(getattr(item, "cover", None))


def _featured(item):
    return choose.is_featured(item.metadata.get("featured"))


def _views(item):
    return getattr(item, "views_count", None)


def build_moment():
    """The build's "now": SOURCE_DATE_EPOCH when set (reproducible builds, tests), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)


def _first_page_size(settings):
    size = (settings.get("PAGINATED_TEMPLATES") or {}).get("index")
    return size or settings.get("DEFAULT_PAGINATION") or 10


def build_portal(articles, categories, settings) -> dict:
    """What the home page and the date picker show, from the published news."""
    news = newest_first(articles)
    lead = choose.lead_story(news, _featured, _has_cover, setting(settings, "PORTAL_FEATURED_DAYS"),
                             build_moment(), setting(settings, "PORTAL_LEAD_MAX_AGE_DAYS"))
    first_page = news[: _first_page_size(settings)]
    home = choose.home_sections(first_page, lead, setting(settings, "PORTAL_ROW_SIZE"))
    shown = ([lead] if lead else []) + home["row"] + home["latest"]
    blocks = choose.category_blocks(
        [(str(category), category, items) for category, items in categories],
        list(settings.get("NEWS_CATEGORIES") or ()),
        shown,
        # News per category block on the home page (the first with its thumbnail and summary).
        settings.get("HOME_CATEGORY_ITEMS", 5),
    )
    newest = news[0].date if news else None
    return {
        **home,
        "blocks": blocks,
        # The date picker's values on pages without a date of their own: the newest day with news.
        "newest_day": {"day": newest.day, "month": newest.month, "year": newest.year} if newest else None,
        "sidebar_url": setting(settings, "PORTAL_SIDEBAR_URL"),
        # "Xem nhiều nhất" only on a site where some news has a view count: never an empty box.
        "has_views": any(_views(item) is not None for item in news),
    }


def prepare_portal(generator):
    generator.context["portal"] = build_portal(generator.articles, generator.categories, generator.settings)


def _line(item):
    return {"title": item.title, "url": item.url, "date": vietnamese.short_date(item.date), "iso": item.date.isoformat()}


def sidebar_data(articles, settings) -> dict:
    count = setting(settings, "PORTAL_SIDEBAR_ITEMS")
    return {
        "latest": [_line(item) for item in choose.latest(articles, count)],
        "most_viewed": [
            {**_line(item), "views": _views(item), "views_label": vietnamese.group_thousands(_views(item))}
            for item in choose.most_viewed(articles, _views, count)
        ],
    }


def write_sidebar(generator, writer):
    save_as = setting(generator.settings, "PORTAL_SIDEBAR_SAVE_AS")
    if not save_as:
        return
    path = output_file(writer.output_path, save_as, "cài đặt PORTAL_SIDEBAR_SAVE_AS")
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as data_file:
        # json.dumps escapes nothing HTML cares about, but this file is read with JSON.parse and
        # written into the page with textContent only.
        json.dump(sidebar_data(generator.articles, generator.settings), data_file, ensure_ascii=False, separators=(",", ":"))
    logger.info('Writing "%s"', path)


def connect():
    signals.article_generator_finalized.connect(prepare_portal)
    signals.article_writer_finalized.connect(write_sidebar)
