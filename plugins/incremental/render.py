"""Render only what an edit can change (the devserver's quick rebuild).

Recording (a full build started by tools/devserver.py, env INCREMENTAL_RECORDS=<file>): for every
output page, NewsWriter.render_filter sees the page's own context; the content objects in it that are
not the site-wide ones (the `article` or `page`, a listing's articles, the paginated page's
object_list) are what the page shows. Saved with each source file's hash and a signature of
everything listings show about it (metadata, status, URLs).

Quick build (setting INCREMENTAL_RENDER=true, same records file, written into the previous output):
the files whose bytes changed since the records are the edited ones. The build goes on only when
each edited article kept its signature and has its own Summary (so no listing shows text taken from
the body) and no file was added or removed; otherwise it stops with exit status 75 and the devserver
makes a full build. Then only the pages that show an edited article are rendered, plus every page
that shows no content object of its own (the home page's blocks, archives, sitemap, ...; they read
the site-wide lists and are always rendered), and the feeds (Pelican's write_feed, never filtered).
Nothing listings show changed, so every other page is byte for byte what it was."""

import hashlib
import logging
import os
import pickle
from pathlib import Path

from pelican.contents import Content, Static

from .keying import stable_repr

logger = logging.getLogger(__name__)

RECORDS_ENV = "INCREMENTAL_RECORDS"
FULL_BUILD_NEEDED = 75
_KINDS = ("articles", "drafts", "hidden_articles", "translations", "drafts_translations", "hidden_translations",
          "pages", "hidden_pages", "draft_pages")


class NeedsFullBuild(SystemExit):
    def __init__(self, reason):
        super().__init__(FULL_BUILD_NEEDED)
        self.reason = reason


def file_hash(path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def signature(content) -> str:
    return stable_repr([sorted(content.metadata.items()), content.status, content.url, content.save_as,
                        getattr(content, "lang", None)])


class Session:
    """One Pelican run's recording or quick render."""

    def __init__(self, records_file: str, quick: bool, context):
        self.records_file = Path(records_file)
        self.quick = quick
        self.context = context
        self.contents = {}  # source path -> content object (this run)
        self.hashes = {}  # source path -> hash of the bytes as they were read (taken when read, not later)
        self.pages = {}  # output name -> frozenset of source paths, or None (shows none of its own)
        self.previous = None
        self.dirty = set()
        self._site_wide = {}  # id(list) -> (the list, kept alive so the id stays its own; site-wide?)
        self._lists = None
        if quick:
            try:
                self.previous = pickle.loads(self.records_file.read_bytes())
            except (OSError, pickle.PickleError, EOFError, ValueError):
                raise NeedsFullBuild("no records of the previous build") from None
            self.records_file.unlink(missing_ok=True)  # a failed quick build leaves none: the next is full

    def read(self, content):
        """content_object_init: the file's hash now, right after it was read (a save made later during the
        build must look changed to the next build, never already done)."""
        path = getattr(content, "source_path", None)
        if path and path not in self.hashes and not isinstance(content, Static):
            self.hashes[path] = file_hash(path)

    def note(self, generator):
        for kind in _KINDS:
            for content in getattr(generator, kind, None) or []:
                self.contents[content.source_path] = content

    def decide(self):
        """After every content generator: which files changed, and whether a quick build may go on."""
        if not self.quick:
            return
        previous = self.previous
        if set(self.contents) != set(previous["signatures"]):
            raise NeedsFullBuild("a content file was added, removed or failed to read")
        for path, content in self.contents.items():
            if signature(content) != previous["signatures"][path]:
                raise NeedsFullBuild(f"{os.path.relpath(path)}: what listings show changed")
            if self.hashes.get(path, "") != previous["hashes"][path]:
                if "summary" not in content.metadata and content.__class__.__name__ == "Article":
                    raise NeedsFullBuild(f"{os.path.relpath(path)}: no Summary, listings show the body's start")
                self.dirty.add(path)
        logger.info("incremental: %d edited file(s), only the pages that show them are rendered", len(self.dirty))

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
        """The source paths of the content objects this page shows; None when the page has no data of
        its own (a direct template: it reads the site-wide lists, so it is rendered every time). A page
        whose own data holds no content object (older_news windows: url, title, date) shows nothing
        a body edit can change."""
        found = set()
        own_data = False
        for key, value in page_context.items():
            if self.context.get(key) is value and key not in ("article", "page"):
                continue
            if key.endswith(("_previous_page", "_next_page", "_paginator")):
                continue  # the pager's neighbours: only their addresses are shown
            if value is None or isinstance(value, (str, int, float, bool)):
                continue  # output_file, SITEURL, page_name, ...
            own_data = True
            self._collect(key, value, found, depth=2)
        return frozenset(found) if own_data else None

    def _collect(self, key, value, found, depth):
        if isinstance(value, Content):
            found.add(value.source_path)
        elif isinstance(value, (list, tuple)):
            if value and not self.site_wide(value):
                for item in value:
                    if isinstance(item, Content):
                        found.add(item.source_path)
                    elif depth and isinstance(item, dict):  # e.g. older_news rows {"article": ...}
                        self._collect(key, item, found, depth - 1)
        elif key.endswith("_page") and hasattr(value, "object_list"):
            found.update(item.source_path for item in value.object_list if isinstance(item, Content))
        elif depth and isinstance(value, dict):  # a plugin's page data (older_news_window)
            for inner_key, inner in value.items():
                self._collect(inner_key, inner, found, depth - 1)

    def render_filter(self, name, page_context) -> bool:
        if "feed_items" in page_context:
            return True  # a feed (NewsWriter.write_feed): always rendered, whatever its items
        if not self.quick:
            self.pages[name] = self.shown(page_context)
            return True
        pages = self.previous["pages"]
        if name not in pages or pages[name] is None:
            return True  # a page the records do not know, or one that reads the site-wide lists
        return bool(pages[name] & self.dirty)

    def save(self):
        if self.quick:
            records = self.previous
            for path in self.dirty:
                records["hashes"][path] = self.hashes.get(path, "")
        else:
            records = {
                "signatures": {path: signature(content) for path, content in self.contents.items()},
                "hashes": {path: self.hashes.get(path, "") for path in self.contents},
                "pages": self.pages,
            }
        self.records_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.records_file.with_name(self.records_file.name + f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, self.records_file)
