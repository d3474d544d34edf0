"""Feeds that state the site's language and keep metadata as text.

The language is set through Pelican's public `feed_generated` signal. The rest needs the writer:
Pelican's writer strips tags from titles before any signal sees them, so a title such as `a <b> c`
would lose `<b>` (escaping it first makes strip-tags a no-op that hands the exact text to the XML
serialiser), and it links feed items from SITEURL, which is empty in development."""

from markupsafe import escape
from pelican.writers import Writer


class _TitleAsText:
    def __init__(self, item):
        self._item = item
        self.title = str(escape(item.title))

    def __getattr__(self, name):
        return getattr(self._item, name)


class _NullFile:
    def write(self, text):
        return len(text)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _FilteredTemplate:
    """The page's template, rendered only when the writer's render_filter says so."""

    def __init__(self, template, writer):
        self._template = template
        self._writer = writer

    def render(self, localcontext):
        name = localcontext.get("output_file")
        if self._writer.render_filter(name, localcontext):
            return self._template.render(localcontext)
        self._writer._skipping = name
        return ""

    def __getattr__(self, name):
        return getattr(self._template, name)


class NewsWriter(Writer):
    _skipping = None

    def render_filter(self, name, page_context) -> bool:
        """Shared hook: called for every output page (each page of a paginated write too) with its
        own context, before it is rendered; False leaves that page's file as it is. Default: True."""
        return True

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _FilteredTemplate(template, self), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        skipping, self._skipping = self._skipping, None
        if skipping is not None:
            return _NullFile()
        return super()._open_w(filename, encoding, override)

    def _create_new_feed(self, feed_type, feed_title, context):
        context = dict(context, SITENAME=str(escape(context["SITENAME"])))
        return super()._create_new_feed(feed_type, str(escape(feed_title)) if feed_title else feed_title, context)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False, feed_title=None):
        # Feed links must be absolute even when pages use relative URLs.
        domain = self.settings.get("CANONICAL_URL") or context.get("SITEURL", "")
        context = dict(context, SITEURL=domain)
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, _TitleAsText(item))


def state_feed_language(context, feed):
    """Receiver of `feed_generated`: every feed says it is in the site's language."""
    feed.feed["language"] = context.get("DEFAULT_LANG") or "vi"
