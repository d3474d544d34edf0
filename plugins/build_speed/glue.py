"""Signal receivers of the fast build. register() in __init__ only connects them.

Everything is set on this build's own generator and content instances (Pelican's autoreload runs
the plugins again in the same process), and BUILD_SPEED_PLAIN = True switches it all off: the test
that the fast build equals the plain one byte for byte builds both."""

import gc
import hashlib
import logging
import os
import pickle
import re
import signal
import string
import struct
import sys
import traceback
from itertools import chain
from types import MethodType

from pelican import signals, urlwrappers
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, PagesGenerator, TemplatePagesGenerator
from pelican.utils import path_to_url
from pelican.writers import FileOverwriteFailedError

from trangtin.vn_core.forking import STOP_SIGNALS, build_processes, fork_children, read_all, stop_children, write_all
from trangtin.vn_core.slugs import remembered

from . import shares
from .fragments import FRAGMENTS, fragment, fragment_uncached

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Processes that render the output pages; None: every CPU this process may use.
    "BUILD_WORKERS": None,
    # True: Pelican's own code paths only (one process, no caches), the reference for the tests.
    "BUILD_SPEED_PLAIN": False,
}

# Pelican's generators that write only through the writer; a plugin's generator says so with a
# class attribute. Every other generator (static files, photos, redirects) runs in the parent only,
# after every worker has finished.
PAGE_GENERATORS = (ArticlesGenerator, PagesGenerator, TemplatePagesGenerator)
# Sent by the page generators when their pages are written: muted in the workers and, with
# several workers, sent by the parent once every worker has finished.
WRITER_FINALIZED = ((ArticlesGenerator, signals.article_writer_finalized), (PagesGenerator, signals.page_writer_finalized))


class WorkerFailed(RuntimeError):
    pass


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def plain(settings) -> bool:
    return bool(setting(settings, "BUILD_SPEED_PLAIN"))


def workers_for(settings) -> int:
    return build_processes(setting(settings, "BUILD_WORKERS"))


# --- Tag, category and author pages in linear time ---

def _write_taxonomy(generator, write, template_name, groups, name):
    """Pelican's generate_tags / generate_categories / generate_authors (4.12), with `dates` built
    from each article's position instead of `[a for a in self.dates if a in articles]`."""
    template = generator.get_template(template_name)
    positions = shares.positions_of(generator.dates)
    for item, articles in groups:
        dates = shares.in_order(articles, generator.dates, positions)
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
    if plain(generator.settings):
        return
    generator.generate_tags = MethodType(_generate_tags, generator)
    generator.generate_categories = MethodType(_generate_categories, generator)
    generator.generate_authors = MethodType(_generate_authors, generator)


# --- Forked processes never outlive the build (vn_core.forking: die_with_parent) ---


class StopChildrenOnSignal:
    """While children run: a signal that stops the parent first stops and reaps them, then acts as
    it would have (so `kill PID` and Ctrl-C leave no process writing behind the parent's back)."""

    def __init__(self, pids):
        self.pids = pids
        self.previous = {}

    def __enter__(self):
        for signum in STOP_SIGNALS:
            self.previous[signum] = signal.signal(signum, self._stop)
        return self

    def _stop(self, signum, _frame):
        for pid in list(self.pids):
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.pids.clear()
        # Then what the signal would have done; the other signals keep this handler until the end,
        # so one arriving meanwhile is never lost between two handlers.
        previous = self.previous.get(signum)
        if callable(previous):
            return previous(signum, _frame)
        signal.signal(signum, signal.SIG_DFL if previous is None else previous)
        os.kill(os.getpid(), signum)
        return None

    def __exit__(self, *_exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        self.previous = {}


# --- Article bodies made by forked readers while this process reads the rest ---

# One file in this many is made by the parent itself: it also runs Pelican's part of reading.
PARENT_EVERY = 10
_RECORD_HEAD = struct.Struct("!I")


def _digest(body: str) -> bytes:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).digest()


def _send(fd, record):
    data = pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
    write_all(fd, _RECORD_HEAD.pack(len(data)) + data)


def _silence_logging():
    """In a body reader: nothing is printed; a file whose conversion logs anything is left to the
    parent, which then logs it exactly as a plain build would."""
    noted = []

    class Note(logging.Handler):
        def emit(self, record):
            noted.append(record.levelno)

    for logger_object in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger_object, logging.Logger):
            logger_object.handlers = []
    logging.root.handlers = [Note(logging.DEBUG)]
    return noted


def _body_reader(reader, paths, fd):
    try:
        noted = _silence_logging()
        for path in paths:
            html, body = None, None
            try:
                before = len([level for level in noted if level >= logging.WARNING])
                _block, body = reader.split(path)
                html = reader.body_html(path, body)
                if len([level for level in noted if level >= logging.WARNING]) != before:
                    html = None
            except Exception:  # noqa: BLE001 - the parent makes this file itself and reports its error
                html = None
            _send(fd, (path, _digest(body) if body is not None else b"", html))
        os.close(fd)
    finally:
        os._exit(0)


class BodiesMadeElsewhere:
    """The parent's side: takes each body's HTML from the reader process that made it, and makes it
    itself when that process had none (an error, a warning, a file changed meanwhile)."""

    def __init__(self, owners, readers):
        self.owners = owners  # path -> index in readers
        self.readers = readers  # [(pid, fd)]
        self.waiting = {}  # path -> (digest, html) read ahead
        self.pending = [b"" for _ in readers]
        self.taken = 0

    def _read_record(self, index):
        _pid, fd = self.readers[index]
        while True:
            buffer = self.pending[index]
            if len(buffer) >= _RECORD_HEAD.size:
                (size,) = _RECORD_HEAD.unpack_from(buffer)
                if len(buffer) >= _RECORD_HEAD.size + size:
                    record = pickle.loads(buffer[_RECORD_HEAD.size:_RECORD_HEAD.size + size])
                    self.pending[index] = buffer[_RECORD_HEAD.size + size:]
                    return record
            chunk = os.read(fd, 1 << 20) if fd is not None else b""
            if not chunk:
                return None
            self.pending[index] = buffer + chunk

    def __call__(self, path, body):
        index = self.owners.pop(path, None)
        if index is None:
            return None
        while path not in self.waiting:
            record = self._read_record(index)
            if record is None:
                self._close(index)
                return None
            self.waiting[record[0]] = record[1:]
        digest, html = self.waiting.pop(path)
        if html is None or digest != _digest(body):
            return None
        self.taken += 1
        return html

    def _close(self, index):
        pid, fd = self.readers[index]
        if fd is not None:
            os.close(fd)
            self.readers[index] = (pid, None)

    def finish(self):
        logger.debug("build_speed: %d article bodies made by %d reader processes", self.taken, len(self.readers))
        for index, (pid, _fd) in enumerate(self.readers):
            self._close(index)
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)


def read_bodies_elsewhere(generator):
    """Receiver of `article_generator_init`: fork the body readers before the articles are read."""
    settings = generator.settings
    count = workers_for(settings)
    if plain(settings) or count == 1:
        return
    reader = generator.readers.readers.get("md")
    if reader is None or not all(hasattr(reader, name) for name in ("split", "body_html", "made_elsewhere")):
        return
    extensions = tuple(f".{ext}" for ext, one in generator.readers.readers.items() if one is reader)
    paths = [
        os.path.abspath(os.path.join(generator.path, name))
        for name in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
        if name.endswith(extensions)
    ]
    if settings.get("LOAD_CONTENT_CACHE") and hasattr(generator.readers, "get_cached_data"):
        # Pelican's content cache answers for unchanged files: the readers make only the others.
        paths = [path for path in paths if generator.readers.get_cached_data(path, None) is None]
    shares_of = [[] for _ in range(count - 1)]
    owners = {}
    for position, path in enumerate(paths):
        if position % PARENT_EVERY:
            index = position % (count - 1)
            shares_of[index].append(path)
            owners[path] = index
    children = fork_children(count, lambda index, write_fd: _body_reader(reader, shares_of[index - 1], write_fd),
                             pipe_size=1 << 20)
    readers = [(pid, read_fd) for pid, read_fd, _index in children]
    made = BodiesMadeElsewhere(owners, readers)
    reader.made_elsewhere = made
    generator._build_speed_bodies = made


def stop_body_readers(generator):
    """Receiver of `article_generator_pretaxonomy`: every article is read by then."""
    made = generator.__dict__.pop("_build_speed_bodies", None)
    if made is not None:
        made.finish()
        reader = generator.readers.readers.get("md")
        if reader is not None:
            reader.__dict__.pop("made_elsewhere", None)


# --- Templates checked for changes once per build ---

def keep_templates_loaded(generator):
    """Jinja re-reads each template's mtime on every include; this generator's environment lives
    for one build only (Pelican makes new generators for each rebuild), so once is enough."""
    env = getattr(generator, "env", None)
    if env is not None and not plain(generator.settings):
        env.auto_reload = False


# --- Parts of pages rendered once per build (fragments.py) ---

def add_fragment_cache(generator):
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["fragment"] = fragment_uncached if plain(generator.settings) else fragment


# --- URL settings formatted from the fields they name ---

_PLAIN_FIELDS = {}  # pattern -> the names of the fields it formats, or None for an unusual pattern


def _fields_of(pattern: str):
    try:
        return _PLAIN_FIELDS[pattern]
    except KeyError:
        pass
    names = []
    try:
        for _text, field, _spec, _conversion in string.Formatter().parse(pattern):
            if field is None:
                continue
            name = re.split(r"[.\[]", field, maxsplit=1)[0]
            if not name or name.isdigit():
                names = None
                break
            if name not in names:
                names.append(name)
    except ValueError:
        names = None
    _PLAIN_FIELDS[pattern] = None if names is None else tuple(names)
    return _PLAIN_FIELDS[pattern]


def _field(content, name):
    """What Content.url_format (Pelican 4.12) holds under `name`; LookupError when it holds nothing."""
    if name == "path":
        return path_to_url(content.metadata.get("path", content.get_relative_source_path()))
    if name == "slug":
        return getattr(content, "slug", "")
    if name == "lang":
        return getattr(content, "lang", "en")
    if name == "date":
        return content.date  # AttributeError (no date): url_format would use now(); Pelican's path decides
    if name in ("author", "category"):
        return getattr(content, name).slug if hasattr(content, name) else ""
    return content.metadata[name]


def _expand_settings(self, key, klass=None):
    """Content._expand_settings (Pelican 4.12) without copying the metadata and computing the
    relative source path for every URL: only the fields the pattern names are looked up. The
    templates and the plugins ask each article's URL and save-as path some twenty times while the
    context is built, before _UrlsOnce may remember them."""
    if not klass:
        klass = self.__class__.__name__
    pattern = str(self.settings[f"{klass}_{key}".upper()])
    names = _fields_of(pattern)
    if names is not None:
        try:
            values = {name: _field(self, name) for name in names}
        except (LookupError, AttributeError):
            pass
        else:
            return pattern.format(**values)
    return pattern.format(**self.url_format)


_PELICAN_EXPAND_SETTINGS = Content._expand_settings
_PELICAN_SLUGIFY = urlwrappers.slugify
_REMEMBERED_SLUGIFY = remembered(_PELICAN_SLUGIFY)


def use_fast_url_settings(pelican_object):
    """Receiver of `initialized`: URL settings formatted from their fields, and the category, tag and
    author slugs remembered (vn_core.slugs), for this build; Pelican's own for a plain one."""
    fast = not plain(pelican_object.settings)
    Content._expand_settings = _expand_settings if fast else _PELICAN_EXPAND_SETTINGS
    urlwrappers.slugify = _REMEMBERED_SLUGIFY if fast else _PELICAN_SLUGIFY


# --- URLs and save-as paths computed once per content object ---

class _UrlsOnce:
    """Content.get_url_setting for one object, remembered: templates ask each article's url some
    twenty times, and Pelican formats it from a copy of the metadata every time."""

    def __init__(self, content):
        self.compute = content.get_url_setting
        self.known = {}

    def __call__(self, key):
        try:
            return self.known[key]
        except KeyError:
            value = self.known[key] = self.compute(key)
            return value


def _content_objects(generators, context):
    lists = []
    for generator in generators:
        for name in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                     "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
                     "staticfiles"):
            lists.append(getattr(generator, name, None) or ())
    lists.append(context.get("generated_content", {}).values())
    lists.append(context.get("static_content", {}).values())
    seen = {}
    for item in chain.from_iterable(lists):
        if hasattr(item, "get_url_setting"):
            seen[id(item)] = item
    return list(seen.values())


def remember_urls(contents):
    """Only once the context is complete: slugs, dates and metadata are final from then on."""
    for content in contents:
        content.get_url_setting = _UrlsOnce(content)


def forget_urls(contents):
    """Leaves the objects as Pelican made them (the content cache pickles them)."""
    for content in contents:
        content.__dict__.pop("get_url_setting", None)


# --- The output phase on several cores ---

def _renders_pages(generator) -> bool:
    return isinstance(generator, PAGE_GENERATORS) or getattr(generator, "writes_only_through_writer", False)


def _share_filter(writer, share):
    inner = writer.render_filter

    def render_filter(name, page_context):
        # The inner filter (incremental builds) sees every page; the share counts what it keeps.
        return inner(name, page_context) and share.take()

    return render_filter


def _mute_writer_finalized():
    for _kind, sender in WRITER_FINALIZED:
        sender.is_muted = True


def _unmute_writer_finalized():
    for _kind, sender in WRITER_FINALIZED:
        sender.is_muted = False


def _render_share(renderers, outputs, writer, share):
    default = writer.render_filter
    writer.render_filter = _share_filter(writer, share)
    try:
        for generator in renderers:
            outputs[id(generator)](writer)
    finally:
        writer.render_filter = default


def _worker(renderers, outputs, writer, share, report_fd):
    """In the forked child: render this share of the pages, report, and leave without returning
    into Pelican (the parent alone does the rest of the build)."""
    status = 0
    message = b""
    try:
        _mute_writer_finalized()
        _render_share(renderers, outputs, writer, share)
    except BaseException:  # noqa: BLE001 - whatever it is, the parent must fail with it
        status = 1
        message = traceback.format_exc().encode("utf-8", "replace")
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            write_all(report_fd, message)
            os.close(report_fd)
        finally:
            os._exit(status)


def _start_workers(count, renderers, outputs, writer):
    return fork_children(count, lambda index, write_fd: _worker(renderers, outputs, writer, shares.Share(index, count), write_fd))


def _join_workers(children, count):
    failures = []
    for pid, read_fd, index in children:
        message = read_all(read_fd).decode("utf-8", "replace")
        _pid, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            failures.append(f"build_speed: worker {index} of {count} failed (exit {code}), so the site is incomplete:\n{message.rstrip()}")
    if failures:
        raise WorkerFailed("\n".join(failures))


def _parallel_output(generators, outputs, writer, count):
    renderers = [generator for generator in generators if _renders_pages(generator)]
    others = [generator for generator in generators if not _renders_pages(generator)]
    # Objects made so far stay out of the collector's way: fewer pages copied on write.
    gc.freeze()
    pids = []
    with StopChildrenOnSignal(pids):
        children = _start_workers(count, renderers, outputs, writer)
        pids.extend(pid for pid, _fd, _index in children)
        try:
            _mute_writer_finalized()
            try:
                _render_share(renderers, outputs, writer, shares.Share(0, count))
            finally:
                _unmute_writer_finalized()
        except BaseException:
            stop_children(children)
            pids.clear()
            raise
        finally:
            gc.unfreeze()
        _join_workers(children, count)
        pids.clear()
    for generator in renderers:
        for kind, sender in WRITER_FINALIZED:
            if isinstance(generator, kind):
                sender.send(generator, writer=writer)
    for generator in others:
        outputs[id(generator)](writer)


def take_over_output_phase(generators):
    """Receiver of `all_generators_finalized`: Pelican then calls each generator's generate_output in
    turn; the first call runs the whole phase (on every worker) and the others do nothing."""
    if not generators:
        return
    settings = generators[0].settings
    if plain(settings):
        return
    outputs = {
        id(generator): generator.generate_output for generator in generators if hasattr(generator, "generate_output")
    }
    generators = [generator for generator in generators if id(generator) in outputs]

    def output_phase(_self, writer):
        FRAGMENTS.clear()
        contents = _content_objects(generators, generators[0].context)
        remember_urls(contents)
        try:
            count = workers_for(settings)
            if count == 1:
                for generator in generators:
                    outputs[id(generator)](writer)
            else:
                _parallel_output(generators, outputs, writer, count)
        finally:
            forget_urls(contents)
            FRAGMENTS.clear()  # what the memo holds is not needed once every page is written

    def already_done(_self, _writer):
        return None

    for generator in generators[1:]:
        generator.generate_output = MethodType(already_done, generator)
    generators[0].generate_output = MethodType(output_phase, generators[0])


def connect():
    signals.initialized.connect(use_fast_url_settings)
    signals.article_generator_init.connect(use_linear_taxonomies)
    signals.article_generator_init.connect(read_bodies_elsewhere)
    signals.article_generator_pretaxonomy.connect(stop_body_readers)
    signals.generator_init.connect(keep_templates_loaded)
    signals.generator_init.connect(add_fragment_cache)
    signals.all_generators_finalized.connect(take_over_output_phase)
