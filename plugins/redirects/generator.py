"""Pelican side of the redirects: a generator that reads chuyen-huong.json after the articles and
pages are read (generate_context) and writes the redirect pages and server files after they are
written (generate_output), so a collision with a real page is seen."""

import logging
import os
import time
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import Generator

from trangtin.vn_core.settings import browser_editor_wanted
from trangtin.vn_core.embeds import DEFAULT_IFRAME_HOSTS
from trangtin.vn_core.paths import output_file
from trangtin.vn_core.settings import setting

from .rules import (
    MARKER, Hosting, RedirectDataError, htaccess, loads, lookup_table, nginx_map, nginx_server, page_file, redirect_page,
    relative_url, web_config,
)

logger = logging.getLogger(__name__)

DEFAULTS = {
    "REDIRECTS_DATA": "chuyen-huong.json",  # in the content folder
    "REDIRECTS_HTACCESS_SAVE_AS": ".htaccess",
    "REDIRECTS_NGINX_SAVE_AS": "chuyen-huong.nginx.conf",  # nginx's http {} part
    "REDIRECTS_NGINX_SERVER_SAVE_AS": "may-chu.nginx.conf",  # nginx's server {} part
    "REDIRECTS_WEB_CONFIG_SAVE_AS": "web.config",
}


class RedirectsFailed(SystemExit):
    """Stops the build with one clear line (no traceback, like content_checks)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.code = f"redirects: {message}"


def _content_files(context):
    """content file -> (content object, published?) for every article, draft and page."""
    found = {}
    for key, published in (("articles", True), ("drafts", False), ("pages", True), ("hidden_pages", False), ("draft_pages", False)):
        for content in context.get(key, ()) or ():
            for item in [content, *getattr(content, "translations", [])]:
                found[item.relative_source_path.replace(os.sep, "/")] = (item, published and item.status == "published")
    return found


class RedirectsGenerator(Generator):
    def generate_context(self):
        self.started = time.time()
        self.pairs = []
        self.pages = []
        self.prefix = urlsplit(self.settings.get("SITEURL") or self.settings.get("CANONICAL_URL") or "").path.rstrip("/")
        data_name = setting(self.settings, "REDIRECTS_DATA", DEFAULTS)
        data_path = os.path.join(self.path, data_name)
        if not os.path.isfile(data_path):
            return
        shown = os.path.relpath(data_path)
        try:
            with open(data_path, encoding="utf-8") as handle:
                redirects = loads(handle.read(), shown)
        except (RedirectDataError, UnicodeDecodeError) as error:
            raise RedirectsFailed(str(error)) from None
        files = _content_files(self.context)
        taken = {}
        for source, (item, _published) in files.items():
            for url in {item.save_as, getattr(item, "url", "")}:
                if url:
                    taken[page_file(url)] = source
        canonical_root = (self.settings.get("CANONICAL_URL") or self.settings.get("SITEURL") or "").rstrip("/")
        for redirect in redirects:
            if redirect.source not in files:
                raise RedirectsFailed(f"{shown}: địa chỉ cũ {redirect.old} trỏ tới {redirect.source}, tệp này không có trong thư mục nội dung")
            item, published = files[redirect.source]
            if not published:
                logger.info("redirects: %s waits: %s is not published yet", redirect.old, redirect.source)
                continue
            target = f"{self.prefix}/{item.url}"
            self.pairs.append((redirect, target))
            if redirect.query:
                continue
            saved = page_file(redirect.path)
            if saved in taken:
                raise RedirectsFailed(
                    f"{shown}: địa chỉ cũ {redirect.old} trùng địa chỉ của bài {taken[saved]} ({saved}); bỏ mục này hoặc đổi Slug của bài"
                )
            self.pages.append((saved, item, f"{canonical_root}/{item.url}"))
        self.context["REDIRECT_LOOKUP"] = lookup_table(self.pairs) if self.pairs else None
        # The 404 page loads its lookup script from the site's root path (it answers at any depth).
        self.context["REDIRECT_LOOKUP_ROOT"] = self.prefix

    def generate_output(self, writer):
        # The server files are written for every site, with or without redirects: they carry the headers.
        data_name = setting(self.settings, "REDIRECTS_DATA", DEFAULTS)
        # Checked before anything is written: a redirect leading out stops the build with nothing written.
        destinations = [output_file(self.output_path, saved, f"{data_name} (\"from\")") for saved, _item, _canonical in self.pages]
        # The browser editor (plugins/cms) gets its own policy when the site has one.
        admin = str(self.settings.get("CMS_ADMIN_PATH", "admin")) if browser_editor_wanted(self.settings) else ""
        hosting = Hosting(self.prefix, tuple(self.settings.get("VN_NEWS_IFRAME_HOSTS", DEFAULT_IFRAME_HOSTS)), admin)
        servers = [(output_file(self.output_path, name, f"cài đặt {key}"), render)
                   for key, render in (("REDIRECTS_HTACCESS_SAVE_AS", lambda: htaccess(self.pairs, hosting)),
                                       ("REDIRECTS_NGINX_SAVE_AS", lambda: nginx_map(self.pairs, hosting)),
                                       ("REDIRECTS_NGINX_SERVER_SAVE_AS", lambda: nginx_server(hosting)),
                                       ("REDIRECTS_WEB_CONFIG_SAVE_AS", lambda: web_config(self.pairs, hosting)))
                   if (name := setting(self.settings, key, DEFAULTS))]
        for destination, (saved, item, canonical) in zip(destinations, self.pages):
            if os.path.exists(destination) and os.path.getmtime(destination) >= self.started:
                with open(destination, encoding="utf-8", errors="replace") as handle:
                    if MARKER not in handle.read():
                        raise RedirectsFailed(f"{setting(self.settings, 'REDIRECTS_DATA', DEFAULTS)}: địa chỉ cũ /{saved} trùng một trang của trang web")
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            relative = relative_url(saved, item.url)
            with open(destination, "w", encoding="utf-8") as handle:
                handle.write(redirect_page(item.title, relative, canonical))
        for destination, render in servers:
            with open(destination, "w", encoding="utf-8") as handle:
                handle.write(render())


def add_generator(_pelican):
    return RedirectsGenerator


def connect():
    signals.get_generators.connect(add_generator)
