"""Feeds that state the site's language and keep metadata as text.

The language is set through Pelican's public `feed_generated` signal. The rest needs the writer:
Pelican's writer strips tags from titles before any signal sees them, so a title such as `a <b> c`
would lose `<b>` (escaping it first makes strip-tags a no-op that hands the exact text to the XML
serialiser), and it links feed items from SITEURL, which is empty in development.

The writer also asks `render_filter(name, page_context)` before it renders each output page (every
page of a paginated write, every feed): a build that renders only a share of the pages (forked
workers, plugins/build_speed) or only what changed still walks the whole list in every process."""

import logging
import os
import re

from markupsafe import escape
from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url
from pelican.writers import FileOverwriteFailedError, Writer

from trangtin.vn_core.paths import WriteOutside, output_file

# The log lines of the pages it writes stay those of Pelican's writer.
logger = logging.getLogger("pelican.writers")


class _TitleAsText:
    def __init__(self, item):
        self._item = item
        self.title = str(escape(item.title))

    def __getattr__(self, name):
        return getattr(self._item, name)


class NewsWriter(Writer):
    def render_filter(self, name, page_context) -> bool:
        """Whether this process renders output page `name`; `page_context` is what the template would
        get. Called once per page in every process, in the same order. Replace it on the instance."""
        return True

    def _create_new_feed(self, feed_type, feed_title, context):
        context = dict(context, SITENAME=str(escape(context["SITENAME"])))
        return super()._create_new_feed(feed_type, str(escape(feed_title)) if feed_title else feed_title, context)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False, feed_title=None):
        # Feed links must be absolute even when pages use relative URLs.
        domain = self.settings.get("CANONICAL_URL") or context.get("SITEURL", "")
        context = dict(context, SITEURL=domain)
        if path:
            # Pelican's writer joins with sanitised_join, a string-prefix test (`../output-old/` passes).
            confined = output_file(self.output_path, path, _feed_setting(self.settings, path))
            if not self.render_filter(path, dict(context, feed_items=elements)):
                self._claim(confined, override_output)
                return None
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, _TitleAsText(item))

    def _make_folder(self, folder):
        # Thousands of pages share a few hundred folders: ask the file system once per folder.
        made = self.__dict__.setdefault("_made_folders", set())
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)

    def _claim(self, filename, override):
        """Pelican's bookkeeping of `_open_w` for a page another process writes, so that writing one
        file twice fails the same way whichever process renders it."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            return
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it previously '
                "(set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        """Pelican's Writer.write_file (4.12), with its pagination loop here so that each page passes
        through render_filter before it is rendered."""
        if not name:
            return
        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            self._write_page(template, context, name, kwargs, relative_urls, override_output)
            return
        per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
        paginators = {key: Paginator(name, url, val, self.settings, per_page) for key, val in paginated.items()}
        for page_num in range(next(iter(paginators.values())).num_pages):
            paginated_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                previous_page = paginator.page(page_num) if page_num > 0 else None
                page = paginator.page(page_num + 1)
                next_page = paginator.page(page_num + 2) if page_num + 1 < paginator.num_pages else None
                paginated_kwargs.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": previous_page,
                    f"{key}_next_page": next_page,
                })
            self._write_page(template, context, page.save_as, paginated_kwargs, relative_urls, override_output)

    def _write_page(self, template, context, name, kwargs, relative_urls, override):
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        # Contents link relative to the page being written: set even for a page rendered elsewhere,
        # so the next page starts from the same state in every process.
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        path = output_file(self.output_path, name, _source_of(kwargs, template))
        if not self.render_filter(name, localcontext):
            self._claim(path, override)
            return
        output = template.render(localcontext)
        self._make_folder(os.path.dirname(path))
        with self._open_w(path, "utf-8", override=override) as handle:
            handle.write(output)
        logger.info('Writing "%s"', path)
        signals.content_written.send(path, context=localcontext)


# Settings that name a file or a folder of the output (Pelican's and our plugins').
OUTPUT_SETTING = re.compile(r"(_SAVE_AS|^FEED_.*|_FEED_(ATOM|RSS)|_STATIC_DIR|_OUTPUT_DIR|_BUNDLE_DIR)$")
FORMAT_FIELD = re.compile(r"\{[^{}]*\}")


def refuse_settings_leaving_output(pelican_object):
    """`initialized`: a setting naming a file outside the output folder (`../output-old/{slug}.html`)
    stops the build before anything is written, named in the message. Format fields are filled with
    a plain word: what is left is the path every page of that setting shares."""
    output = pelican_object.output_path
    for key, value in sorted(pelican_object.settings.items()):
        if isinstance(value, str) and value and OUTPUT_SETTING.search(key):
            try:
                output_file(output, FORMAT_FIELD.sub("x", value), f"cài đặt {key}")
            except WriteOutside:
                raise WriteOutside(value, output, f"cài đặt {key}") from None


def _source_of(kwargs, template):
    """What a page's file name came from, for the message when it leaves the output folder: the
    content file (its Save_as or the *_SAVE_AS setting applied to it), else the template's setting."""
    content = kwargs.get("article") or kwargs.get("page")
    if content is not None and getattr(content, "relative_source_path", None):
        return f"{content.relative_source_path} (Save_as / ARTICLE_SAVE_AS, PAGE_SAVE_AS)"
    name = getattr(template, "name", None) or "?"
    return f"cài đặt *_SAVE_AS của mẫu {name}"


def _feed_setting(settings, path):
    """The feed setting that gave `path` (a per-category or per-tag feed: the FEED_* family)."""
    named = sorted(key for key, value in settings.items() if key.startswith(("FEED_", "CATEGORY_FEED", "TAG_FEED",
                   "AUTHOR_FEED", "TRANSLATION_FEED")) and value == path)
    return f"cài đặt {', '.join(named) or 'FEED_* (nguồn tin)'}"


def state_feed_language(context, feed):
    """Receiver of `feed_generated`: every feed says it is in the site's language."""
    feed.feed["language"] = context.get("DEFAULT_LANG") or "vi"
