"""The devserver's warm site: one Pelican process that keeps the whole site's context in memory
between edits, so that a body edit costs one file read and the pages that show it (tools/devserver.py
starts it after each full build and hands it every batch of edited Markdown files).

Start-up, right after a full build of the same files (or the memo's word that nothing changed since
one): the context phase of a normal build (every generator's generate_context, the plugins'
finalizers; its log muted, since the full build has just shown every message), then an output pass
that renders nothing and records which page shows which file (render.PagesShown). A content file
saved after `since` (the full build's start) whose bytes are not the ones the full build left in
Pelican's content cache may differ from what the served pages show: an edit of it is answered with a
full build. Then, per batch of edited files:

1. Each is read again by its own generator's readers, with Pelican's signals, as generate_context
   reads it.
2. What listings show of it (metadata, status, URLs: render.signature) must not have changed, and an
   article needs its own Summary; otherwise the answer is FULL_BUILD_NEEDED and the devserver builds
   everything.
3. The checks of that file (content_checks.check_edited) are logged.
4. The content object the site already holds is updated in place with what was read: every list,
   category and neighbour link that holds it sees the new body. Attributes set after reading
   (translations, neighbours, the plugins' finalizers) are kept: they are the ones that differ when
   an unchanged file is read again, learnt at start-up. A generator with `refresh_after_edit` (the
   photos') then makes what the files read need.
5. The output phase runs again with a new writer whose filter renders only the pages that show an
   edited file, the site-wide pages and the feeds; then the `finalized` receivers (search leaves its
   index commands for the devserver to run once the page is shown).

A failure (a template error, a broken photo) answers FAILED and the devserver stops this process: its
state is no longer that of the files, so the next save is a full build."""

import json
import logging
import os
import signal
import sys
import time

from pelican import Pelican, signals
from pelican.contents import Article, Content, Page, SkipStub
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import init as init_logging
from pelican.settings import read_settings

from . import render
from .render import FULL_BUILD_NEEDED, NeedsFullBuild
from trangtin.vn_core.lang import say_in

OK, FAILED = 0, 1


def _same(left, right) -> bool:
    try:
        return bool(left == right)
    except Exception:  # noqa: BLE001 - an attribute whose comparison fails counts as changed
        return False


class WarmSite:
    def __init__(self, content: str, output: str, settings_file: str, overrides: dict, since: float = 0.0):
        settings = read_settings(settings_file, override={
            **overrides, "PATH": os.path.abspath(content), "OUTPUT_PATH": os.path.abspath(output),
            "INCREMENTAL_RENDER": True,
        })
        self.pelican = Pelican(settings)  # registers the plugins
        self.settings = settings
        context = settings.copy()
        context["generated_content"] = {}
        context["static_links"] = set()
        context["static_content"] = {}
        context["localsiteurl"] = settings["SITEURL"]
        self.generators = [
            cls(context=context, settings=settings, path=self.pelican.path, theme=self.pelican.theme,
                output_path=self.pelican.output_path)
            for cls in self.pelican._get_generator_classes()  # noqa: SLF001 - Pelican.run's own list
        ]
        stamps = _cached_stamps(self.generators)
        for generator in self.generators:
            if hasattr(generator, "generate_context"):
                generator.generate_context()
            if hasattr(generator, "check_disabled_readers"):
                generator.check_disabled_readers()
        signals.all_generators_finalized.send(self.generators)
        for generator in self.generators:
            if hasattr(generator, "refresh_metadata_intersite_links"):
                generator.refresh_metadata_intersite_links()
        self.contents = {}
        for generator in self.generators:
            for kind in render.KINDS:
                for item in getattr(generator, kind, None) or []:
                    self.contents[item.source_path] = item
        self.signatures = {path: render.signature(item) for path, item in self.contents.items()}
        self.suspect = {path for path, item in self.contents.items()
                        if _modified_since(path, since) and not self._as_built(item, stamps)}
        self.shown = render.PagesShown(context)
        self._output(finalize=False, workers=1)  # records, renders nothing
        self.shown.recording = False
        self.post_read = self._learn_post_read_keys()

    def _as_built(self, content, stamps) -> bool:
        """Whether the file's bytes are the ones the full build read (the stamp it left in Pelican's
        content cache: a hash of the bytes with CHECK_MODIFIED_METHOD = "sha256")."""
        readers = getattr(self._generator_of(content), "readers", None)
        path = content.source_path
        return path in stamps and readers is not None and readers._get_file_stamp(path) == stamps[path]  # noqa: SLF001

    # --- reading one file again ---

    def _generator_of(self, content):
        kind = PagesGenerator if isinstance(content, Page) else ArticlesGenerator
        return next(generator for generator in self.generators if isinstance(generator, kind))

    def _read(self, content):
        generator = self._generator_of(content)
        page = isinstance(generator, PagesGenerator)
        return generator.readers.read_file(
            base_path=generator.path,
            path=os.path.relpath(content.source_path, generator.path),
            content_class=content.__class__,
            context=generator.context,
            preread_signal=signals.page_generator_preread if page else signals.article_generator_preread,
            preread_sender=generator,
            context_signal=signals.page_generator_context if page else signals.article_generator_context,
            context_sender=generator,
        )

    def _learn_post_read_keys(self) -> set:
        """The attributes a finished context sets or changes after reading: those that differ when a
        file whose bytes did not change is read again. Learnt from the first file of each kind
        (article, translation, draft, page, ...) and the first with translations."""
        samples = {}
        for generator in self.generators:
            for kind in render.KINDS:
                items = [item for item in getattr(generator, kind, None) or [] if item.source_path not in self.suspect]
                if items:
                    samples.setdefault(items[0].source_path, items[0])
                translated = next((item for item in items if getattr(item, "translations", None)), None)
                if translated is not None:
                    samples.setdefault(translated.source_path, translated)
        keys = set()
        for sample in samples.values():
            fresh = self._read(sample)
            if hasattr(fresh, "refresh_metadata_intersite_links"):
                fresh.refresh_metadata_intersite_links()
            old = sample.__dict__
            keys |= {key for key, value in fresh.__dict__.items() if key in old and not _same(old[key], value)}
        return keys

    def _take(self, content, fresh):
        """`content` (the object every list holds) gets what `fresh` read, but for what the context
        set after reading."""
        old = content.__dict__
        for key, value in fresh.__dict__.items():
            if key in self.post_read:
                continue
            if key not in old or not _same(old[key], value):
                old[key] = value
        _forget_memos(content)
        self._generator_of(content).add_static_links(content)

    # --- one batch of edits ---

    def edit(self, paths) -> int:
        """Every file in `paths` is rendered again (a save without a change too: cheaper than being
        wrong about what the served pages show)."""
        changed = sorted({os.path.abspath(path) for path in paths})
        fresh = {}
        for path in changed:
            if path not in self.contents:
                raise render.NeedsFullBuild(f"{os.path.relpath(path)}: not one of the site's files")
            if path in self.suspect:
                raise render.NeedsFullBuild(f"{os.path.relpath(path)}: saved during the last full build")
            content = self.contents[path]
            try:
                read = self._read(content)
            except Exception as error:  # noqa: BLE001 - the full build reports it with its file and line
                raise render.NeedsFullBuild(f"{os.path.relpath(path)}: could not be read ({error})") from None
            if read is None or isinstance(read, SkipStub) or not read.is_valid():
                raise render.NeedsFullBuild(f"{os.path.relpath(path)}: could not be read")
            if hasattr(read, "refresh_metadata_intersite_links"):
                read.refresh_metadata_intersite_links()
            if render.signature(read) != self.signatures[path]:
                raise render.NeedsFullBuild(f"{os.path.relpath(path)}: what listings show changed")
            if "summary" not in read.metadata and isinstance(read, Article):
                raise render.NeedsFullBuild(f"{os.path.relpath(path)}: no Summary, listings show the body's start")
            fresh[path] = read
        self._check(changed)
        for path, read in fresh.items():
            self._take(self.contents[path], read)
        for generator in self.generators:  # what a plugin makes from the files read (photos)
            if hasattr(generator, "refresh_after_edit"):
                generator.refresh_after_edit()
        self.shown.dirty = set(changed)
        self._output()
        return OK

    def _check(self, paths):
        from trangtin.content_checks.glue import check_edited  # noqa: PLC0415 - a plugin of this build

        root = self.settings["PATH"]
        relative = [os.path.relpath(path, root).replace(os.sep, "/") for path in paths]
        pages = {name for name, path in zip(relative, paths) if isinstance(self.contents[path], Page)}
        if self.settings.get("CONTENT_CHECKS_ENABLED", True):
            check_edited(self.settings, root, relative, pages)

    def _output(self, finalize=True, workers=None):
        writer = self.pelican._get_writer()  # noqa: SLF001 - Pelican.run's own writer
        writer.render_filter = self.shown.render_filter
        saved = self.settings.get("BUILD_WORKERS")
        if workers is not None:
            self.settings["BUILD_WORKERS"] = workers  # the recording pass: every page seen by this process
        try:
            for generator in self.generators:
                if hasattr(generator, "generate_output"):
                    generator.generate_output(writer)
        finally:
            self.settings["BUILD_WORKERS"] = saved
        if finalize:
            signals.finalized.send(self.pelican)


def _forget_memos(content):
    """Pelican memoizes get_content and get_summary per object and site URL (pelican.utils.memoized,
    on the class): the object's old body must not be served again, by a feed for one."""
    for name in ("get_content", "get_summary"):
        cache = getattr(Content.__dict__.get(name), "cache", None)
        if isinstance(cache, dict):
            for key in [key for key in cache if isinstance(key, tuple) and key and key[0] is content]:
                del cache[key]


def _cached_stamps(generators) -> dict:
    """Source path -> the stamp Pelican's content cache holds for it (reader layer), as loaded."""
    stamps = {}
    for generator in generators:
        cache = getattr(getattr(generator, "readers", None), "_cache", None)
        if isinstance(cache, dict):
            stamps.update({path: entry[0] for path, entry in cache.items() if isinstance(entry, tuple) and entry})
    return stamps


def _modified_since(path, since) -> bool:
    try:
        return os.stat(path).st_mtime >= since
    except OSError:
        return True


def _reply(replies, **message):
    replies.write(json.dumps(message) + "\n")
    replies.flush()


def _replies_on_stdout():
    """The devserver reads the replies on this process's stdout (a pipe: no file descriptor to pass,
    so Windows works too); whatever else is printed to stdout, by Pelican or a plugin, goes to stderr
    from now on and cannot be taken for a reply."""
    sys.stdout.flush()
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return replies


QUICK_FAILED = {"failed": ("devserver: dựng nhanh không được ({error}); trang sẽ được dựng lại toàn bộ.",
                           "devserver: the quick rebuild failed ({error}); the whole site is built again.")}


def main(argv) -> int:
    """`... content output settings overrides_json since`: the devserver's warm process. Reads one JSON
    list of edited paths per line on stdin, answers one JSON object per line on stdout:
    {"ready": true} once started, then {"status": 0 | 1 | 75, "seconds": …} per batch."""
    content, output, settings_file, overrides, since = argv
    # Ctrl-C in the devserver's terminal reaches this process too: the devserver stops it (SIGTERM).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    replies = _replies_on_stdout()
    init_logging(level=logging.WARNING, name="pelican")  # as `pelican` does
    started = time.monotonic()
    logging.disable(logging.CRITICAL)  # the full build has just shown every message
    try:
        site = WarmSite(content, output, settings_file, json.loads(overrides), float(since))
    except BaseException as error:  # noqa: BLE001 - the devserver goes on with full builds
        logging.disable(logging.NOTSET)
        _reply(replies, ready=False, reason=f"{type(error).__name__}: {error}")
        return FAILED
    logging.disable(logging.NOTSET)
    _reply(replies, ready=True, seconds=round(time.monotonic() - started, 2))
    for line in sys.stdin:
        started = time.monotonic()
        try:
            status = site.edit(json.loads(line))
        except NeedsFullBuild as need:
            # The devserver says it in the editors' words ("thay đổi này cần dựng lại toàn bộ trang").
            logging.getLogger(__name__).debug("incremental: full build needed: %s", need.reason)
            _reply(replies, status=FULL_BUILD_NEEDED, seconds=round(time.monotonic() - started, 2))
            return FULL_BUILD_NEEDED
        except BaseException as error:  # noqa: BLE001 - reported; the devserver stops this process
            # One line, no traceback: the devserver goes on with a full build, which shows any content error.
            print(say_in(QUICK_FAILED, "failed", error=f"{type(error).__name__}: {error}"), file=sys.stderr, flush=True)
            _reply(replies, status=FAILED, seconds=round(time.monotonic() - started, 2))
            return FAILED
        sys.stdout.flush()
        sys.stderr.flush()
        _reply(replies, status=status, seconds=round(time.monotonic() - started, 2))
    return OK


if __name__ == "__main__":  # python -m incremental.warm, with plugins/ on sys.path
    sys.exit(main(sys.argv[1:]))
