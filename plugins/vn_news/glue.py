"""Signal receivers. register() in __init__ only connects them."""

from pelican import signals

from vn_core import vietnamese
from .feeds import NewsWriter
from vn_core.ordering import neighbours, newest_first, oldest_first
from .pages import absolute, news_article_jsonld, pager_links, static_path
from .reader import install_news_reader

DEFAULTS = {
    "VN_NEWS_WEEKDAYS": vietnamese.DEFAULT_WEEKDAYS,
    "VN_NEWS_PAGER_RADIUS": 2,
    "VN_NEWS_TYPOGRIFY": True,
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def use_news_reader(readers):
    install_news_reader(readers)


def add_template_helpers(generator):
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    weekdays = tuple(setting(settings, "VN_NEWS_WEEKDAYS"))
    radius = setting(settings, "VN_NEWS_PAGER_RADIUS")
    env.filters.update(
        {
            "dateline": lambda moment: vietnamese.dateline(moment, weekdays),
            "vn_date": vietnamese.short_date,
            "vn_number": vietnamese.group_thousands,
            "isoformat": lambda moment: moment.isoformat(),
            # A cover may be a site path or an external URL: prefix only site paths.
            "asset_url": lambda path, base: absolute(base, path),
        }
    )
    env.globals.update(
        {
            "pager_links": lambda page: pager_links(page, radius),
            "news_article_jsonld": lambda article: news_article_jsonld(article, settings),
        }
    )


def enrich_content(content):
    """Typed values the theme shows: the view count as a number, the cover image as a path."""
    metadata = content.metadata
    content.views_count = vietnamese.parse_count(metadata.get("views"))
    content.cover = static_path(metadata.get("image"))
    content.lead = metadata.get("summary")


def order_news(generator):
    """Before Pelican groups articles, put them in the one stable order (newest first, then slug),
    so categories, tags, authors and date archives all list same-minute news alike."""
    generator.articles = newest_first(generator.articles)


def link_category_neighbours(generator):
    """Previous/next article in the same category."""
    for _category, articles in generator.categories:
        for older, article, newer in neighbours(oldest_first(articles)):
            article.older_in_category = older
            article.newer_in_category = newer


def use_news_writer(pelican_object):
    return NewsWriter


def connect():
    signals.readers_init.connect(use_news_reader)
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(enrich_content)
    signals.get_writer.connect(use_news_writer)
    signals.article_generator_pretaxonomy.connect(order_news)
    signals.article_generator_finalized.connect(link_category_neighbours)
