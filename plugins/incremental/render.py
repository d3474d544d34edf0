"""Render only what an edit can change (the devserver's warm site, warm.py).

Recording (once, when the warm site starts, in a pass that renders nothing): for every output page,
NewsWriter.render_filter sees the page's own context; the content objects in it that are not the
site-wide ones (the `article` or `page`, a listing's articles, the paginated page's object_list) are
what the page shows.

Rendering (after an edit): each edited article must keep its signature (everything listings show
about it: metadata, status, URLs) and have its own Summary (so no listing shows text taken from the
body); otherwise the edit needs a full build (NeedsFullBuild). Then only the pages that show an
edited article are rendered, plus every page that shows no content object of its own (the home
page's blocks, archives, sitemap, ...; they read the site-wide lists and are always rendered), and
the feeds. Nothing listings show changed, so every other page is byte for byte what it was."""

import logging

from pelican.contents import Content

from .keying import stable_repr

logger = logging.getLogger(__name__)

FULL_BUILD_NEEDED = 75
KINDS = ("articles", "drafts", "hidden_articles", "translations", "drafts_translations", "hidden_translations",
         "pages", "hidden_pages", "draft_pages")


class NeedsFullBuild(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def signature(content) -> str:
    return stable_repr([sorted(content.metadata.items()), content.status, content.url, content.save_as,
                        getattr(content, "lang", None)])


class PagesShown:
    """Which output page shows which content file, and the filter that renders only some."""

    def __init__(self, context):
        self.context = context
        self.pages = {}  # output name -> tuple of sets of source paths, or None (shows none of its own)
        self.recording = True
        self.dirty = set()
        self._site_wide = {}  # id(list) -> (the list, kept alive so the id stays its own; site-wide?)
        self._list_paths = {}  # id(list) -> (the list, its content objects' paths, its dict rows)
        self._lists = None

    def site_wide(self, value) -> bool:
        """A list with the same content objects as one of the site-wide lists (Pelican passes its
        articles again as `all_articles`): the page reads it as any other page does."""
        key = id(value)
        if key not in self._site_wide:
            mine = {id(item) for item in value}
            self._site_wide[key] = (value, any(
                isinstance(other, (list, tuple)) and len(other) == len(value) and mine == {id(item) for item in other}
                for other in self._site_lists()))
        return self._site_wide[key][1]

    def _site_lists(self):
        if self._lists is None:
            self._lists = [value for value in self.context.values()
                           if isinstance(value, (list, tuple)) and value and isinstance(value[0], Content)]
        return self._lists

    def shown(self, page_context):
        """The source paths of the content objects this page shows, as a tuple of sets (a listing's
        whole list is one set, shared by every page of that listing); None when the page has no data
        of its own (a direct template: it reads the site-wide lists, so it is rendered every time). A
        page whose own data holds no content object (older_news windows: url, title, date) shows
        nothing a body edit can change."""
        parts, single = [], set()
        own_data = False
        for key, value in page_context.items():
            if self.context.get(key) is value and key not in ("article", "page"):
                continue
            if key.endswith(("_previous_page", "_next_page", "_paginator")):
                continue  # the pager's neighbours: only their addresses are shown
            if value is None or isinstance(value, (str, int, float, bool)):
                continue  # output_file, SITEURL, page_name, ...
            own_data = True
            self._collect(key, value, parts, single, depth=2)
        if not own_data:
            return None
        return (*parts, frozenset(single)) if single else tuple(parts)

    def _paths_of(self, value):
        """(source paths of the list's content objects, its dict rows): once per list object."""
        key = id(value)
        if key not in self._list_paths:
            paths = frozenset(item.source_path for item in value if isinstance(item, Content))
            rows = [item for item in value if isinstance(item, dict)]
            self._list_paths[key] = (value, paths, rows)  # the list kept alive, so its id stays its own
        return self._list_paths[key][1:]

    def _collect(self, key, value, parts, single, depth):
        if isinstance(value, Content):
            single.add(value.source_path)
        elif isinstance(value, (list, tuple)):
            if value and not self.site_wide(value):
                paths, rows = self._paths_of(value)
                if paths:
                    parts.append(paths)
                if depth:
                    for row in rows:  # e.g. older_news rows {"article": ...}
                        self._collect(key, row, parts, single, depth - 1)
        elif key.endswith("_page") and hasattr(value, "object_list"):
            single.update(item.source_path for item in value.object_list if isinstance(item, Content))
        elif depth and isinstance(value, dict):  # a plugin's page data (older_news_window)
            for inner_key, inner in value.items():
                self._collect(inner_key, inner, parts, single, depth - 1)

    def render_filter(self, name, page_context) -> bool:
        if "feed_items" in page_context:
            return not self.recording  # a feed (NewsWriter.write_feed): always rendered, whatever its items
        if self.recording:
            self.pages[name] = self.shown(page_context)
            return False
        shown = self.pages.get(name)
        if name not in self.pages or shown is None:
            return True  # a page the records do not know, or one that reads the site-wide lists
        return any(not part.isdisjoint(self.dirty) for part in shown)
