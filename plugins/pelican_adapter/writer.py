"""The writer of every page and feed (the `get_writer` receiver of plugins/vn_news hands it to Pelican).

Pelican's own Writer writes the pages, with the first page's path confined to the output folder
(vn_core.paths: Pelican's sanitised_join is a string-prefix test that `../output-old/` passes), unless
a build sets `render_filter`: then each output page (every page of a paginated write, every feed) is
offered to `render_filter(name, page_context)` before it is rendered, which needs Pelican's
pagination loop here (a copy of Writer.write_file, gate part `page_filter`). The forked workers of
plugins/build_speed and the devserver's warm site (plugins/incremental) set it; each asks
`filters_pages()` first and, when the gate says no, renders every page in one process instead.

Feed titles stay text (gate part `feed_text`): Pelican strips tags from titles before any signal
sees them, so `a <b> c` would lose `<b>`; escaping it first makes strip-tags a no-op that hands the
exact text to the XML serialiser. Feed links are absolute even when pages use relative URLs."""

import logging
import os

from markupsafe import escape
from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url
from pelican.writers import FileOverwriteFailedError, Writer

from trangtin.vn_core.paths import output_file

from . import gate

# The log lines of the pages it writes stay those of Pelican's writer.
logger = logging.getLogger("pelican.writers")


def filters_pages() -> bool:
    """Whether NewsWriter can offer each page to a render_filter on this Pelican (else: none set)."""
    return gate.allowed("page_filter")


class _TitleAsText:
    def __init__(self, item):
        self._item = item
        self.title = str(escape(item.title))

    def __getattr__(self, name):
        return getattr(self._item, name)


class NewsWriter(Writer):
    # (name, page_context) -> whether this process renders output page `name`; called once per page
    # in every process, in the same order. Set on the instance; None: every page is rendered.
    render_filter = None

    def _create_new_feed(self, feed_type, feed_title, context):
        if not gate.allowed("feed_text"):
            return super()._create_new_feed(feed_type, feed_title, context)
        context = dict(context, SITENAME=str(escape(context["SITENAME"])))
        return super()._create_new_feed(feed_type, str(escape(feed_title)) if feed_title else feed_title, context)

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, _TitleAsText(item) if gate.allowed("feed_text") else item)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False, feed_title=None):
        # Feed links must be absolute even when pages use relative URLs.
        domain = self.settings.get("CANONICAL_URL") or context.get("SITEURL", "")
        context = dict(context, SITEURL=domain)
        if path:
            confined = output_file(self.output_path, path, _feed_setting(self.settings, path))
            if self.render_filter is not None and not self.render_filter(path, dict(context, feed_items=elements)):
                self._claim(confined, override_output)
                return None
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if not name:
            return
        if self.render_filter is None:
            output_file(self.output_path, name, _source_of(kwargs, template))  # refused before anything is written
            super().write_file(name, template, context, relative_urls, paginated, template_name, override_output,
                               url, **kwargs)
            return
        self._write_filtered(name, template, context, relative_urls, paginated, template_name, override_output, url,
                             kwargs)

    # --- a copy of Pelican's Writer.write_file (4.12), for a build that set render_filter ---

    def _write_filtered(self, name, template, context, relative_urls, paginated, template_name, override_output, url,
                        kwargs):
        """Writer.write_file's pagination loop, so that each page passes through render_filter."""
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
