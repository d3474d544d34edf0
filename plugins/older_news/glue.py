"""Pelican glue for "Các tin đã đăng": a generator that prepares every article's first page in
generate_context() and writes the shared window pages in generate_output(). register() in
__init__ only connects `add_generator`; the arithmetic lives in listing.py, the pager in vn_core."""

from pelican import signals
from pelican.generators import Generator

from trangtin.vn_core.ordering import oldest_first
from trangtin.vn_core.pager import radius_from
from trangtin.vn_core.vietnamese import short_date

from . import listing

ANCHOR = "cac-tin-da-dang"
TEMPLATE = "older_news_window"
# Stands for the window number while turning OLDER_NEWS_URL into a pattern for the script.
_NUMBER_MARK = 987654321

DEFAULTS = {
    # "category": older news of the same category; "site": older news of the whole site.
    "OLDER_NEWS_SCOPE": "category",
    "OLDER_NEWS_PER_PAGE": 10,
    # {group}: the category slug (or OLDER_NEWS_SITE_GROUP); {number}: the window's newest news,
    # counted from the group's first news = 1.
    "OLDER_NEWS_URL": "tin-da-dang/{group}/{number}/",
    "OLDER_NEWS_SAVE_AS": "tin-da-dang/{group}/{number}/index.html",
    "OLDER_NEWS_SITE_GROUP": "tat-ca",
    "OLDER_NEWS_SITE_LABEL": "Tất cả chuyên mục",
}
SCOPES = ("category", "site")


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


class NewsGroup:
    """The news that share one older-news list (a category or the whole site), oldest first."""

    def __init__(self, slug, label, url, news, settings):
        self.slug = slug
        self.label = label
        self.url = url
        self.news = news
        # What a list line shows, read once: Pelican computes `Article.url` afresh on every access,
        # and each news appears in up to 20 lists (10 article pages, 10 windows).
        self.lines = [
            {"url": item.url, "title": item.title, "date": item.date, "category": str(item.category)}
            for item in news
        ]
        self._url = setting(settings, "OLDER_NEWS_URL")
        self._save_as = setting(settings, "OLDER_NEWS_SAVE_AS")
        # OLDER_NEWS_URL with `{number}` left for the script to fill.
        self.url_pattern = self.window_url(_NUMBER_MARK - 1).replace(str(_NUMBER_MARK), "{number}")

    def window_url(self, top: int) -> str:
        return self._url.format(group=self.slug, number=top + 1)

    def window_save_as(self, top: int) -> str:
        return self._save_as.format(group=self.slug, number=top + 1)

    def newest_day(self, top: int) -> str:
        return short_date(self.lines[top]["date"])


def news_groups(articles, categories, settings) -> list:
    scope = setting(settings, "OLDER_NEWS_SCOPE")
    if scope not in SCOPES:
        raise ValueError(f"OLDER_NEWS_SCOPE must be one of {sorted(SCOPES)}, not {scope!r}")
    if scope == "site":
        return [
            NewsGroup(
                setting(settings, "OLDER_NEWS_SITE_GROUP"),
                setting(settings, "OLDER_NEWS_SITE_LABEL"),
                "",
                oldest_first(articles),
                settings,
            )
        ]
    return [
        NewsGroup(category.slug, str(category), category.url, oldest_first(items), settings)
        for category, items in categories
    ]


def first_page(group, position, settings) -> dict:
    """What the article at `position` shows under its body: page 1 of its older news."""
    article_url = group.lines[position]["url"]
    per_page = setting(settings, "OLDER_NEWS_PER_PAGE")
    return {
        "anchor": ANCHOR,
        "total": position,
        "news": [group.lines[p] for p in listing.page_positions(position, 1, per_page)] if position else [],
        "pager": listing.article_pager(position, per_page, group.window_url, f"{article_url}#{ANCHOR}", radius_from(settings)),
        "show_category": setting(settings, "OLDER_NEWS_SCOPE") == "site",
        "url_pattern": group.url_pattern,
    }


def window_page(group, top, settings) -> dict:
    """A shared window page: what it lists, worded so that it is true for every reader."""
    per_page = setting(settings, "OLDER_NEWS_PER_PAGE")
    positions = listing.window_positions(top, per_page)
    pager = listing.window_pager(
        top, len(group.news), per_page, group.window_url,
        label_of_top=group.newest_day,
        name_of_top=lambda link_top: f"Các tin từ ngày {group.newest_day(link_top)} trở về trước",
        radius=radius_from(settings),
    )
    return {
        "url": group.window_url(top),
        "save_as": group.window_save_as(top),
        "number": top + 1,
        "newest_day": group.newest_day(positions[0]),
        "oldest_day": group.newest_day(positions[-1]),
        "count": len(positions),
        "news": [group.lines[p] for p in positions],
        "group_label": group.label,
        "group_url": group.url,
        "show_category": setting(settings, "OLDER_NEWS_SCOPE") == "site",
        "url_pattern": group.url_pattern,
        "pager": pager,
    }


class OlderNewsGenerator(Generator):
    """Runs after the articles generator: generate_context() attaches page 1 to every published
    article (article.older_news) and writes nothing; generate_output() writes the windows."""

    # Writes only through the writer, so forked workers may share its pages (plugins/build_speed).
    writes_only_through_writer = True

    def generate_context(self):
        self.groups = news_groups(self.context.get("articles", []), self.context.get("categories", []), self.settings)
        for group in self.groups:
            for position, article in enumerate(group.news):
                article.older_news = first_page(group, position, self.settings)

    def generate_output(self, writer):
        template = self.get_template(TEMPLATE)
        relative = self.settings["RELATIVE_URLS"]
        for group in self.groups:
            for top in listing.window_tops(len(group.news)):
                window = window_page(group, top, self.settings)
                writer.write_file(
                    window["save_as"], template, self.context, relative_urls=relative,
                    url=window["url"], older_news_window=window,
                )


def add_generator(pelican_object):
    return OlderNewsGenerator


def connect():
    signals.get_generators.connect(add_generator)
