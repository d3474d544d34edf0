"""Tag, category and author pages in linear time: Pelican's generate_tags / generate_categories /
generate_authors (4.12), with each page's `dates` built from each article's position instead of
`[a for a in self.dates if a in articles]` (quadratic). Set on one generator instance (a build's
own), behind the gate's `taxonomies` part; with Pelican's own, the pages are the same."""

import logging
from types import MethodType

from pelican.writers import FileOverwriteFailedError

from trangtin.vn_core.ordering import in_order, positions_of

from . import gate

logger = logging.getLogger(__name__)


def _write_taxonomy(generator, write, template_name, groups, name):
    template = generator.get_template(template_name)
    positions = positions_of(generator.dates)
    for item, articles in groups:
        dates = in_order(articles, generator.dates, positions)
        try:
            write(
                item.save_as, template, generator.context, url=item.url, articles=articles, dates=dates,
                template_name=template_name, blog=True, page_name=item.page_name,
                all_articles=generator.articles, **{name: item},
            )
        except FileOverwriteFailedError:
            if not item.slug:
                logger.info(
                    '%s "%s" has an invalid slug; skipping writing %s page...', name.capitalize(), item, name,
                    extra={"limit_msg": f"Further {name} with invalid slugs."},
                )
                continue
            logger.error('Failed to write %s page for "%s".', name.capitalize(), item)
            raise


def _generate_tags(self, write):
    _write_taxonomy(self, write, "tag", self.tags.items(), "tag")


def _generate_categories(self, write):
    _write_taxonomy(self, write, "category", self.categories, "category")


def _generate_authors(self, write):
    _write_taxonomy(self, write, "author", self.authors, "author")


def use_linear_taxonomies(generator):
    """On this ArticlesGenerator only (made for one build), when the gate allows."""
    if not gate.allowed("taxonomies"):
        return
    generator.generate_tags = MethodType(_generate_tags, generator)
    generator.generate_categories = MethodType(_generate_categories, generator)
    generator.generate_authors = MethodType(_generate_authors, generator)
