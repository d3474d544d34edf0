"""Pelican glue for "Các tin đã đăng": a generator that prepares every article's first page in
generate_context() and writes the shared window pages in generate_output(). register() in
__init__ only connects `add_generator`; the arithmetic lives in listing.py."""

from urllib.parse import quote

from pelican import signals
from pelican.generators import Generator

# vn_news is loaded first (PLUGINS order); it owns the one news order and the Jinja filters.
from vn_core.ordering import oldest_first

from . import listing

ANCHOR = "cac-tin-da-dang"
TEMPLATE = "older_news_window"
# Stands for the window number while turning OLDER_NEWS_URL into a pattern for the script.
_NUMBER_MARK = 987654321

DEFAULTS = {
    # "category": older news of the same category; "site": older news of the whole site.
    "OLDER_NEWS_SCOPE": "category",
    "OLDER_NEWS_PER_PAGE": 10,
    "OLDER_NEWS_PAGER_RADIUS": 2,
    # {group}: the category slug (or OLDER_NEWS_SITE_GROUP); {number}: the window's newest news,
    # counted from the group's first news = 1.
    "OLDER_NEWS_URL": "tin-da-dang/{group}/{number}/",
    "OLDER_NEWS_SAVE_AS": "tin-da-dang/{group}/{number}/index.html",
    "OLDER_NEWS_SITE_GROUP": "tat-ca",
    "OLDER_NEWS_SITE_LABEL": "Tất cả chuyên mục",
}

SCOPES = {
    # scope: how a window page explains its numbering
    "category": "đánh số từ tin đầu tiên của chuyên mục",
    "site": "đánh số từ tin đầu tiên của trang",
}


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
    radius = setting(settings, "OLDER_NEWS_PAGER_RADIUS")
    block = {
        "anchor": ANCHOR,
        "total": position,
        "news": [],
        "pager": None,
        "show_category": setting(settings, "OLDER_NEWS_SCOPE") == "site",
        "per_page": per_page,
        "radius": radius,
        "url_pattern": group.url_pattern,
        "article_url": article_url,
    }
    if position == 0:
        return block
    block["news"] = [group.lines[p] for p in listing.page_positions(position, 1, per_page)]
    pager = listing.reader_pager(position, 1, per_page, radius)
    # The window pages learn who is reading from ?t= (this article's total) and ?tu= (its path).
    query = f"?t={position}&tu={quote(article_url, safe='/')}"

    def url(page):
        if page == 1:
            return f"{article_url}#{ANCHOR}"
        return group.window_url(listing.window_top(position, page, per_page)) + query

    block["pager"] = {
        "count": pager["count"],
        "pages": pager["pages"],
        "number": pager["number"],
        "links": [
            None if link is None else {"number": link["page"], "url": url(link["page"]), "current": link["current"]}
            for link in pager["links"]
        ],
        "previous": url(pager["previous"]) if pager["previous"] else None,
        "next": url(pager["next"]) if pager["next"] else None,
    }
    return block


def window_page(group, top, settings) -> dict:
    """A shared window page: what it lists and a pager that is true for every reader."""
    per_page = setting(settings, "OLDER_NEWS_PER_PAGE")
    radius = setting(settings, "OLDER_NEWS_PAGER_RADIUS")
    first, last = listing.window_span(top, per_page)
    pager = listing.window_pager(top, len(group.news), per_page, radius)
    links = []
    for link in pager["links"]:
        if link is None:
            links.append(None)
            continue
        single = link["first"] == link["last"]
        links.append(
            {
                "number": link["first"],
                "url": group.window_url(link["top"]),
                "current": link["current"],
                "label": str(link["first"]) if single else f"{link['first']}–{link['last']}",
                "aria_label": f"Tin thứ {link['first']}" if single else f"Tin thứ {link['first']} đến {link['last']}",
            }
        )
    return {
        "url": group.window_url(top),
        "save_as": group.window_save_as(top),
        "top": top,
        "first": first,
        "last": last,
        "news": [group.lines[p] for p in listing.window_positions(top, per_page)],
        "group_label": group.label,
        "group_url": group.url,
        "numbering": SCOPES[setting(settings, "OLDER_NEWS_SCOPE")],
        "show_category": setting(settings, "OLDER_NEWS_SCOPE") == "site",
        "per_page": per_page,
        "radius": radius,
        "url_pattern": group.url_pattern,
        "pager": {
            "count": None,
            "pages": pager["windows"],
            "number": None,
            "links": links,
            "previous": group.window_url(pager["previous"]) if pager["previous"] is not None else None,
            "next": group.window_url(pager["next"]) if pager["next"] is not None else None,
        },
    }


class OlderNewsGenerator(Generator):
    """Runs after the articles generator: generate_context() attaches page 1 to every published
    article (article.older_news) and writes nothing; generate_output() writes the windows."""

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
