"""Signal receivers. register() in __init__ only connects them."""

from pelican import signals

from trangtin.vn_core import vietnamese
from trangtin.vn_core.ordering import by_name, in_preferred_order, neighbours, newest_first, oldest_first
from trangtin.vn_core.pager import radius_from

from .feeds import NewsWriter, refuse_settings_leaving_output, state_feed_language
from .pages import absolute, listing_pager, news_article_jsonld, static_path
from .reader import install_news_reader
from .sources import refuse_unsafe_source

DEFAULTS = {
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
    weekdays = vietnamese.weekdays_from(settings)
    radius = radius_from(settings)
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
    # The theme's CSS/JS by name; plugins/assets replaces it with the hashed names (setdefault: any order).
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    env.filters.setdefault("theme_asset", lambda relative: f"{static_dir}/{relative}")
    env.globals.update(
        {
            "listing_pager": lambda page: listing_pager(page, radius),
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


def order_named_lists(generator):
    """Vietnamese order for what the site lists by name (tags, authors, the categories index and the
    tags under an article); the menu and the home page keep the order of NEWS_CATEGORIES."""
    context = generator.context
    context["tags"] = by_name(context.get("tags", []))
    context["authors"] = by_name(context.get("authors", []))
    context["categories_by_name"] = by_name(generator.categories)
    generator.categories = in_preferred_order(generator.categories, generator.settings.get("NEWS_CATEGORIES", ()))
    context["categories"] = generator.categories
    for article in (*generator.articles, *generator.translations, *generator.drafts, *generator.drafts_translations,
                    *generator.hidden_articles, *generator.hidden_translations):
        if getattr(article, "tags", None):
            article.tags = [tag for tag, _ in by_name((tag, None) for tag in article.tags)]


def use_news_writer(pelican_object):
    return NewsWriter


def connect():
    signals.readers_init.connect(use_news_reader)
    signals.generator_init.connect(add_template_helpers)
    signals.initialized.connect(refuse_settings_leaving_output)
    signals.content_object_init.connect(refuse_unsafe_source)
    signals.content_object_init.connect(enrich_content)
    signals.get_writer.connect(use_news_writer)
    signals.feed_generated.connect(state_feed_language)
    signals.article_generator_pretaxonomy.connect(order_news)
    signals.article_generator_finalized.connect(link_category_neighbours)
    signals.article_generator_finalized.connect(order_named_lists)
