"""Pelican glue: run the content checks at the start of every build, before anything is written.

The check runs when the articles generator is created (signal `generator_init`): that is before
Pelican reads any file, before DELETE_OUTPUT_DIRECTORY empties the output and on every rebuild of
`make devserver`. Which files are content is asked of Pelican's own generator (get_files with the
enabled readers' extensions), the URL of each file of Pelican's own content classes, and dates of
vn_core.dates (with Pelican's get_date), so the checks see what the build sees. Errors stop the
build with an exception, so `pelican` exits non-zero; with CONTENT_CHECKS_PREVIEW (set by `make
devserver` / `make regenerate`) the preview is built anyway.

Pelican's own warnings and errors about content are re-worded in the checks' `file:line` format
(PelicanRecords), and the log is written one record a line, never wrapped (plain_log_handler)."""

import logging
import os
import re
import sys
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator
from pelican.utils import get_date, posixize_path, slugify

from trangtin.vn_core.dates import parse_date
from trangtin.vn_core.embeds import DEFAULT_IFRAME_HOSTS
from trangtin.vn_core.forking import build_processes
from trangtin.vn_core.lang import editor_lang
from trangtin.vn_core.redirects import DEFAULT_DATA as DEFAULT_REDIRECTS_DATA
from trangtin.vn_core.paths import unsafe_links
from trangtin.vn_core.slugs import remembered
from trangtin.vn_core.uploads import DEFAULT_MAX_PIXELS

from . import messages
from .checks import ERROR, INFO, WARNING, CheckConfig, Discovery, KNOWN_KEYS, format_problem, format_summary, join_root
from .scan import display_root, read_sources, run_checks

logger = logging.getLogger(__name__)

DEFAULTS = {
    "CONTENT_CHECKS_ENABLED": True,
    # Metadata keys of other plugins, accepted besides the site's own (checks.KNOWN_KEYS).
    "CONTENT_CHECKS_EXTRA_KEYS": (),
    "CONTENT_CHECKS_LANG": "vi",
    # `make devserver` / `make regenerate` set it (with -e): the preview keeps building despite errors.
    "CONTENT_CHECKS_PREVIEW": False,
    "VN_NEWS_IFRAME_HOSTS": DEFAULT_IFRAME_HOSTS,
}


class ContentCheckFailed(SystemExit):
    """Stops a build whose content has errors: exit status 1 and the summary line. A SystemExit,
    because Pelican's main() prints a full traceback for any Exception, which only scares editors."""

    def __init__(self, summary: str):
        super().__init__(summary)
        self.code = summary  # printed to stderr by the interpreter; the exit status is 1


def setting(settings, name):
    if name == "CONTENT_CHECKS_LANG":
        # `CONTENT_CHECKS_LANG=en make html`: the environment wins, as for the build's wrappers.
        return editor_lang(settings.get(name, DEFAULTS[name]))
    return settings.get(name, DEFAULTS[name])


def _as_tuple(value):
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def pelican_save_as(settings):
    """(kind, {key: text}, path) -> the file Pelican's Article or Page writes for that metadata."""
    from pelican.contents import Article, Page  # noqa: PLC0415 - only when checking
    from pelican.readers import _DISCARD, METADATA_PROCESSORS  # noqa: PLC0415

    # Category, author and tag objects reused across files: each slugifies its name once.
    shared = {}

    def save_as_of(kind, fields, path):
        metadata = {}
        for key, value in fields.items():
            if key in ("date", "modified"):
                metadata[key] = parse_date(value, get_date)
            elif key in METADATA_PROCESSORS:
                if (key, value) not in shared:
                    shared[(key, value)] = METADATA_PROCESSORS[key](value, settings)
                processed = shared[(key, value)]
                if processed is not _DISCARD:
                    metadata[key] = processed
            else:
                metadata[key] = value
        klass = Page if kind == "page" else Article
        source = os.path.join(settings.get("PATH") or "", path)
        # A throwaway object asked only for its save_as: the plugins' content_object_init receivers
        # (photos plans covers, reads the file again) would do their work for nothing.
        with signals.content_object_init.muted():
            content = klass("", metadata=metadata, settings=settings, source_path=source, context={})
        return posixize_path(content.save_as).lstrip("/") if content.save_as else None

    return save_as_of


# The site's own pages, by the DIRECT_TEMPLATES name, as editors know them.
PRODUCT_NAMES = {
    "index": ("trang chủ", "home page"),
    "404": ("trang báo lỗi 404 (không tìm thấy trang)", "404 (page not found) page"),
    "search": ("trang tìm kiếm", "search page"),
    "sitemap": ("sơ đồ trang sitemap.xml", "sitemap.xml"),
    "robots": ("tệp robots.txt", "robots.txt"),
    "categories": ("trang danh sách chuyên mục", "list of categories"),
    "tags": ("trang danh sách thẻ", "list of tags"),
    "authors": ("trang danh sách tác giả", "list of authors"),
    "archives": ("trang lưu trữ", "archives page"),
}
FEEDS = ("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS", "CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS")


def product_pages(settings, slug) -> dict:
    """save_as -> (Vietnamese, English) name of each file the site writes besides the content: its
    direct templates (404, search, sitemap, robots, archives…), feeds and the configured categories'
    pages; `slug` is Pelican's slugify as the build calls it."""
    pages = {}
    for name in settings.get("DIRECT_TEMPLATES") or ():
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            vi, en = PRODUCT_NAMES.get(name, (f"trang `{name}`", f"`{name}` page"))
            pages[save_as] = (vi, en)
    for category in settings.get("NEWS_CATEGORIES") or ():
        values = {"slug": slug(category), "name": category}
        save_as = settings.get("CATEGORY_SAVE_AS")
        if save_as:
            pages[save_as.format(**values)] = (f"trang chuyên mục {category}", f"page of the category {category}")
        for key in FEEDS[4:]:
            if settings.get(key):
                pages[settings[key].format(**values)] = (f"bản tin RSS/Atom của chuyên mục {category}",
                                                         f"RSS/Atom feed of the category {category}")
    for key in FEEDS[:4]:
        if settings.get(key):
            pages[settings[key]] = ("bản tin RSS/Atom", "RSS/Atom feed")
    return {posixize_path(path).lstrip("/"): names for path, names in pages.items()}


def config_from_settings(settings, now=None) -> CheckConfig:
    """The checks' view of Pelican settings; slugs, dates and URLs are made as Pelican makes them."""
    timezone = settings.get("TIMEZONE") or "UTC"
    slug = partial(
        remembered(slugify),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
    category_slug = partial(
        remembered(slugify),
        regex_subs=settings.get("CATEGORY_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", [])),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
    return CheckConfig(
        slugify=slug,
        product_pages=product_pages(settings, category_slug),
        now=now or datetime.now(ZoneInfo(timezone)),
        categories=tuple(settings.get("NEWS_CATEGORIES", ())),
        known_keys=KNOWN_KEYS + tuple(setting(settings, "CONTENT_CHECKS_EXTRA_KEYS")),
        timezone=timezone,
        default_lang=settings.get("DEFAULT_LANG", "en"),
        page_paths=_as_tuple(settings.get("PAGE_PATHS", ("pages",))),
        article_excludes=_as_tuple(settings.get("ARTICLE_EXCLUDES", ())),
        ignore_files=_as_tuple(settings.get("IGNORE_FILES", ())),
        static_paths=tuple(path.strip("/") for path in _as_tuple(settings.get("STATIC_PATHS", ("images",)))),
        with_future_dates=settings.get("WITH_FUTURE_DATES", True),
        slugify_source=settings.get("SLUGIFY_SOURCE", "title"),
        get_date=get_date,
        save_as_of=pelican_save_as(settings),
        iframe_hosts=tuple(setting(settings, "VN_NEWS_IFRAME_HOSTS")),
        redirects_data=settings.get("REDIRECTS_DATA") or DEFAULT_REDIRECTS_DATA,
        max_pixels=settings.get("PHOTOS_MAX_PIXELS") or DEFAULT_MAX_PIXELS,
        documents_path=(settings.get("VAN_BAN_PATH", "van-ban") or "").strip("/"),
    )


# --- which files Pelican reads: asked of Pelican's own generator code --------------------------


class _FileFinder(Generator):
    """Pelican's Generator.get_files on a content folder, without building a template environment
    (what Generator.__init__ would do): for `python -m content_checks`."""

    def __init__(self, path, settings, readers):  # noqa: D107 - see the class docstring
        self.path = path
        self.settings = settings
        self.readers = readers


def _relative(paths):
    return {posixize_path(os.path.normpath(path)) for path in paths}


def discover(generator) -> Discovery:
    """Articles, pages, static files and all files, found by Pelican's own get_files rules
    (ARTICLE_PATHS, PAGE_PATHS, *_EXCLUDES, IGNORE_FILES, the enabled readers' extensions)."""
    settings = generator.settings
    # Pelican's walk follows links: one leading out (to /etc, to /) or looping is not walked but reported.
    unsafe = unsafe_links(generator.path)
    blocked = list(unsafe)

    def files(paths, exclude=(), extensions=None):
        found = _relative(generator.get_files(paths, exclude=[*exclude, *blocked], extensions=extensions))
        return {path for path in found if not any(path == link or path.startswith(link + "/") for link in blocked)}

    articles = files(settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"])
    pages = files(settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"])
    static = files(settings["STATIC_PATHS"], settings["STATIC_EXCLUDES"], extensions=False)
    everything = files([""], extensions=False)
    # Pelican's static generator leaves out the sources it read (STATIC_EXCLUDE_SOURCES).
    if settings.get("STATIC_EXCLUDE_SOURCES", True):
        static -= articles | pages
    return Discovery(articles - pages, pages, static, everything, tuple(generator.readers.extensions), unsafe)


def discover_folder(root, settings) -> Discovery:
    """discover() for a folder outside a build: the plugins are registered so that the readers
    (and so the extensions) are those of the build."""
    from pelican.readers import Readers  # noqa: PLC0415

    return discover(_FileFinder(str(root), settings, Readers(settings)))


# --- Pelican's own log records, in the checks' words -------------------------------------------


def _content_path(value, root):
    """A path Pelican logged, relative to the content folder (Pelican logs absolute and relative ones)."""
    text = str(value)
    absolute = text if os.path.isabs(text) else os.path.join(root, text)
    relative = os.path.relpath(absolute, root)
    return posixize_path(relative)


class PelicanRecords(logging.Filter):
    """On Pelican's loggers: drops Pelican's own record of a problem the checks already reported
    (an image without alt text, two articles sharing a slug, a missing file), and re-words the
    others about content in the checks' `file:line: lỗi|cảnh báo: what — how to fix` format.
    Matched on the logger and the message template (record.msg); tests hold one case per template."""

    def __init__(self):
        super().__init__("content_checks")
        self.covered = set()
        self.links = {}  # content-relative target -> (file, line) of the link that names it
        self.root = ""
        self.shown = ""
        self.lang = "vi"
        self.errors = 0

    def start(self, covered, links, root, shown, lang):
        self.covered, self.links, self.root, self.shown, self.lang = covered, links, root, shown, lang
        self.errors = 0

    def _say(self, record, severity, path, line, code, **params):
        label = messages.SEVERITY_LABELS[self.lang][severity]
        text = messages.render(code, params, self.lang)
        where = f"{join_root(self.shown, path)}:{line}: " if path else ""
        record.msg, record.args = "%s", (f"{where}{label}: {text}",)
        record.exc_info, record.exc_text = None, None
        record.name = REWORDED  # the line carries its own `lỗi:`: no English `ERROR:` before it
        if severity == ERROR:
            self.errors += 1
        return True

    def filter(self, record):
        if record.msg == "Keyboard interrupt received. Exiting.":
            return False  # Ctrl-C: the build's wrapper (safe_build) says what became of the output
        group = getattr(record, "limit_msg", None)
        if group and record.msg == group:
            # Pelican's LimitFilter turned its 5th record of a kind into "Other images have empty alt
            # attributes": the checks list every one with its line; say where to see them.
            return self._say(record, WARNING, "", 0, "pelican_more", message=group) if not self.covered else False
        key = pelican_record_key(record)
        if key is not None and key in self.covered:
            return False
        args = record.args if isinstance(record.args, tuple) else ()
        if record.msg == "Empty alt attribute for image %s in %s" and len(args) == 2:
            path = _content_path(args[1], self.root)
            return self._say(record, WARNING, path, _line_naming(args[1], str(args[0])), "missing_alt", target=args[0])
        if record.msg == "Could not process %s" and len(args) == 1:
            if ("skipped", _content_path(args[0], self.root)) in self.covered:
                return False  # the checks named the cause (a date that does not exist…) at its line
            return self._say(record, ERROR, _content_path(args[0], self.root), 1, "pelican_skipped")
        if record.msg == "Skipping %s: could not find information about '%s'" and len(args) == 2:
            return self._say(record, ERROR, _content_path(args[0], self.root), 1, "pelican_missing_info", key=args[1])
        if record.msg == "Duplicate definition of `%s` for %s. Using first one." and len(args) == 2:
            return self._say(record, WARNING, _content_path(args[1], self.root), 1, "pelican_duplicate", key=args[0])
        if record.msg == "Unable to find '%s', skipping url replacement." and len(args) == 1:
            target = str(args[0]).lstrip("/")
            path, line = self.links.get(target, ("?", 1))
            return self._say(record, WARNING, path, line, "pelican_unable_to_find", target=args[0])
        if record.msg == "%s: %s" and len(args) == 2 and args[0] in TEMPLATE_ERRORS:
            error = record.exc_info[1] if record.exc_info else None
            where = getattr(error, "filename", None) or getattr(error, "name", None) or "theme"
            line = getattr(error, "lineno", None) or 1
            label = messages.SEVERITY_LABELS[self.lang][ERROR]
            text = messages.render("pelican_template_error", {"error": args[1]}, self.lang)
            record.msg, record.args = "%s", (f"{posixize_path(os.path.relpath(where)) if os.path.isabs(where) else where}:{line}: {label}: {text}",)
            record.exc_info, record.exc_text = None, None
            record.name = REWORDED
            self.errors += 1
        return True


# The logger name of Pelican's records once re-worded: OneLineFormatter shows them as they are.
REWORDED = "content_checks.pelican"


def _line_naming(source, name) -> int:
    """The first line of a content file that names `name` (an image Pelican reported), else 1."""
    try:
        with open(source, encoding="utf-8-sig") as handle:
            return next((number for number, line in enumerate(handle, 1) if name in line), 1)
    except (OSError, UnicodeDecodeError):
        return 1


TEMPLATE_ERRORS = ("TemplateSyntaxError", "UndefinedError", "TemplateNotFound", "TemplateError", "TemplateAssertionError")
PELICAN_LOGGERS = ("pelican", "pelican.readers", "pelican.utils", "pelican.generators", "pelican.contents", "pelican.writers")


def pelican_record_key(record):
    args = record.args if isinstance(record.args, tuple) else ()
    if record.msg == "Empty alt attribute for image %s in %s" and len(args) == 2:
        return ("alt", os.path.abspath(str(args[1])), str(args[0]))
    if isinstance(record.msg, str) and record.msg.startswith(("There are %s items", "There are %s original")):
        paths = [os.path.abspath(str(arg)) for arg in args if isinstance(arg, str) and os.path.isabs(str(arg))]
        return ("slug", frozenset(paths)) if paths else None
    if record.msg == "Unable to find '%s', skipping url replacement." and len(args) == 1:
        return ("missing", str(args[0]).lstrip("/"))
    return None


def covered_keys(problems, root):
    """The keys of Pelican records that these problems already report."""
    keys = set()
    groups = {}
    for problem in problems:
        path = os.path.abspath(os.path.join(root, problem.path))
        params = dict(problem.params)
        if problem.severity == ERROR:
            # Pelican's own "Could not process" of this file would only repeat it, in vaguer words.
            keys.add(("skipped", problem.path))
        if problem.code == "missing_alt":
            keys.add(("alt", path, os.path.basename(params["target"])))
        elif problem.code == "same_slug":
            other = os.path.abspath(os.path.join(root, params["other"]))
            group = groups.setdefault(other, {other})
            group.add(path)
        elif problem.code in ("missing_file", "nfd_file_name", "not_in_static", "cover_not_static"):
            target = params["target"]
            for prefix in ("{static}", "{filename}", "{attach}", "|static|", "|filename|", "|attach|"):
                target = target.removeprefix(prefix)
            keys.add(("missing", target.lstrip("/")))
            if "resolved" in params:
                keys.add(("missing", params["resolved"]))
    for group in groups.values():
        # Pelican names the whole group, or only its originals; both are covered.
        keys.add(("slug", frozenset(group)))
    return keys


def pelican_records():
    """The one PelicanRecords filter, on each of Pelican's loggers (reused by autoreload's rebuilds)."""
    found = None
    for name in PELICAN_LOGGERS:
        target = logging.getLogger(name)
        existing = next((f for f in target.filters if isinstance(f, PelicanRecords)), None)
        found = found or existing
    found = found or PelicanRecords()
    for name in PELICAN_LOGGERS:
        target = logging.getLogger(name)
        if found not in target.filters:
            target.addFilter(found)
    return found


# --- a log that never wraps a message -----------------------------------------------------------


# A line that already says its severity (`tệp:3: cảnh báo: …`, as the photos plugin writes them).
LABELLED_RE = re.compile(r"(?:^|: )(?:lỗi|cảnh báo|ghi chú|error|warning|note): ")


class OneLineFormatter(logging.Formatter):
    """Our messages as they are (they carry `lỗi:` / `cảnh báo:`); others after their level."""

    def format(self, record):
        text = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            text = f"{text}\n{record.exc_text}"
        if record.name.startswith("content_checks") or record.levelno <= logging.INFO or LABELLED_RE.search(text):
            return text
        # Another plugin's warning or error: its level in the editors' words, not Python's `WARNING:`.
        severity = ERROR if record.levelno >= logging.ERROR else WARNING
        return f"{messages.SEVERITY_LABELS[pelican_records().lang][severity]}: {text}"


def plain_log_handler():
    """Pelican logs through rich, which wraps a long line at the terminal's width, in the middle
    of a path; swap it for a plain handler writing each record on one line to the same stream."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler).__name__ == "RichHandler":
            stream = getattr(getattr(handler, "console", None), "file", None) or sys.stderr
            plain = logging.StreamHandler(stream)
            plain.setLevel(handler.level)
            plain.setFormatter(OneLineFormatter())
            for existing in handler.filters:
                plain.addFilter(existing)
            root.removeHandler(handler)
            root.addHandler(plain)


# --- the receivers -------------------------------------------------------------------------------


def _log(level, text) -> bool:
    """Log one line; True when Pelican's --fatal turned it into an exception (so that every
    problem is still listed before the build stops)."""
    try:
        logger.log(level, "%s", text)
    except RuntimeError:
        return True
    return False


LEVELS = {ERROR: logging.ERROR, WARNING: logging.WARNING, INFO: logging.INFO}

PREVIEW_NOTE = {
    "vi": "(Bản xem trước vẫn được tạo; bản dựng để đăng lên mạng sẽ dừng cho đến khi sửa hết lỗi.)",
    "en": "(The preview is built anyway; the build for publishing stops until every error is fixed.)",
}


def link_index(root, sources):
    """content-relative target -> (file, line) of the first link or image naming it."""
    from .checks import _links, _resolve  # noqa: PLC0415 - the same link reading as the checks

    index = {}
    for path, data in sources.items():
        try:
            lines = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        except UnicodeDecodeError:
            continue
        for number, _image, target, _alt in _links(lines, 0):
            _prefix, resolved = _resolve(target, path, root_relative=False)
            if resolved:
                index.setdefault(resolved, (path, number))
    return index


def check_processes(settings) -> int:
    """The build's processes (BUILD_WORKERS of plugins/build_speed, else every usable core); one for
    the plain build (BUILD_SPEED_PLAIN), which the fast build is compared with."""
    return 1 if settings.get("BUILD_SPEED_PLAIN") else build_processes(settings.get("BUILD_WORKERS"))


def check_before_build(generator):
    if not isinstance(generator, ArticlesGenerator):
        return
    settings = generator.settings
    lang = setting(settings, "CONTENT_CHECKS_LANG")
    root = generator.path
    shown = display_root(root)
    discovery = discover(generator)
    records = pelican_records()
    if not setting(settings, "CONTENT_CHECKS_ENABLED") or settings.get("INCREMENTAL_RENDER"):
        # Pelican's own records are still re-worded (and its errors still fail the build). The
        # devserver's warm site (INCREMENTAL_RENDER) starts after a full build that checked every
        # file; it checks each file edited afterwards (check_edited).
        records.start(set(), link_index(root, read_sources(root, discovery)), root, shown, lang)
        return
    sources = {}
    problems, files = run_checks(root, config_from_settings(settings), discovery, sources, check_processes(settings))
    fatal = False
    for problem in problems:
        fatal |= _log(LEVELS[problem.severity], format_problem(problem, lang, shown))
    records.start(covered_keys(problems, root), link_index(root, sources), root, shown, lang)
    summary = format_summary(problems, files, lang)
    if fatal or any(problem.severity == ERROR for problem in problems):
        if setting(settings, "CONTENT_CHECKS_PREVIEW"):
            # `make devserver`: Pelican re-runs a failed build at once, in a loop, until a file changes;
            # so build the preview anyway and say so (make html and make publish still stop).
            logger.warning("%s %s", summary, PREVIEW_NOTE[lang])
            return
        raise ContentCheckFailed(summary)
    logger.info("%s", summary)


def check_edited(settings, root, paths, pages=()):
    """The checks of some files only (the devserver's warm rebuilds, plugins/incremental/warm.py):
    every problem of each file in `paths` (content-relative; those in `pages` checked as pages) is
    logged as check_before_build logs it. The checks across files are not run again: an edit that
    could change them (a title, a date, a slug) is rebuilt in full, and checked in full."""
    from .checks import check_file  # noqa: PLC0415
    from .scan import _all_files  # noqa: PLC0415

    lang = setting(settings, "CONTENT_CHECKS_LANG")
    shown = display_root(root)
    config = config_from_settings(settings)
    existing = _all_files(Path(root))
    problems, sources = [], {}
    for path in paths:
        sources[path] = (Path(root) / path).read_bytes()
        found, _entry = check_file(path, sources[path], existing, config, "page" if path in pages else "article")
        problems += found
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.code)):
        _log(LEVELS[problem.severity], format_problem(problem, lang, shown))
    records = pelican_records()
    records.covered |= covered_keys(problems, root)
    records.links.update(link_index(root, sources))
    return problems


PELICAN_FAILED = {
    "vi": "Pelican báo {errors} lỗi ở trên (đã ghi kèm tệp và dòng) — sửa rồi chạy lại.",
    "en": "Pelican reported {errors} errors above (with file and line) — fix them and run again.",
}


def stop_on_pelican_errors(pelican_object):
    """Pelican only logs a file it skipped: that fails `make html` / `make publish` here."""
    records = pelican_records()
    settings = pelican_object.settings
    if records.errors and not setting(settings, "CONTENT_CHECKS_PREVIEW"):
        raise ContentCheckFailed(PELICAN_FAILED[records.lang].format(errors=records.errors))


DONE_RE = re.compile(
    r"^Done: Processed (?P<articles>\d+) articles?, (?P<drafts>\d+) drafts?, (?P<hidden>\d+) hidden articles?, "
    r"(?P<pages>\d+) pages?, (?P<hidden_pages>\d+) hidden pages? and (?P<draft_pages>\d+) draft pages? "
    r"in (?P<seconds>[\d.]+) seconds\.$"
)
DONE = {
    "vi": "Đã dựng xong: {articles} bài, {drafts} bản nháp, {hidden} bài ẩn, {pages} trang, {hidden_pages} trang ẩn, "
          "{draft_pages} trang nháp, trong {seconds} giây.",
    "en": "Built: {articles} articles, {drafts} drafts, {hidden} hidden articles, {pages} pages, {hidden_pages} hidden "
          "pages, {draft_pages} draft pages, in {seconds} seconds.",
}


def vietnamese_console():
    """Pelican prints its closing `Done: Processed N articles…` on its rich console (not the log):
    say it in the editors' language, on one line. Wrapped once (autoreload registers plugins again)."""
    from pelican.log import console  # noqa: PLC0415

    original = console.print
    if getattr(original, "content_checks", False):
        return

    def print_translated(*objects, **kwargs):
        if len(objects) == 1 and isinstance(objects[0], str):
            done = DONE_RE.match(objects[0])
            if done:
                objects = (DONE[pelican_records().lang].format(**done.groupdict()),)
                kwargs.setdefault("soft_wrap", True)
        return original(*objects, **kwargs)

    print_translated.content_checks = True
    console.print = print_translated


def connect():
    vietnamese_console()
    plain_log_handler()
    pelican_records()
    signals.generator_init.connect(check_before_build)
    signals.finalized.connect(stop_on_pelican_errors)
