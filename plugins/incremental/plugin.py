"""Signal receivers.

1. initialized: when the content cache is on (CACHE_CONTENT), its folder becomes
   CACHE_PATH/content-<key>, the key being a digest of the plugins' and theme's code, the settings'
   values and every installed version (keying.build_key). Pelican checks each content file's own
   stamp (CHECK_MODIFIED_METHOD, a hash of its bytes in pelicanconf.py); the key covers the rest, so
   a cached reading is only ever reused by a build that would read the file the same way. Only the
   newest few cache folders are kept.
2. The cache is written atomically (temporary file, then rename: pelican_adapter/cache.py): a build
   stopped while saving, or two builds at once, never leave a truncated cache behind (Pelican writes
   it in place).
3. finalized: when INCREMENTAL_FACTS names a file, the build's time-dependent facts are written there
   for tools/incremental_build.py (the first moment a future-dated article becomes due, or a document
   of the register changes status)."""

import json
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

from pelican import signals

from trangtin.pelican_adapter import cache, patches

from . import keying
from .render import KINDS

PREFIX = "content-"
KEEP_FOLDERS = 64
KEEP_DAYS = 7
FACTS_ENV = "INCREMENTAL_FACTS"

_due: list = []


def key_cache_folder(pelican_object):
    settings = pelican_object.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    base = Path(settings.get("INCREMENTAL_BASE_CACHE_PATH") or settings["CACHE_PATH"])
    key = keying.build_key(settings)
    folder = base / (PREFIX + key[:24])
    settings["INCREMENTAL_BASE_CACHE_PATH"] = str(base)
    settings["CACHE_PATH"] = str(folder)
    _prune(base, folder)


def _prune(base: Path, current: Path):
    """Forget cache folders unused for KEEP_DAYS, and the oldest beyond KEEP_FOLDERS: by age first, so
    builds with other settings (the preview, publish, the tests' fixtures) do not evict each other."""
    try:
        folders = [path for path in base.iterdir() if path.is_dir() and path.name.startswith(PREFIX) and path != current]
    except OSError:
        return
    now = time.time()
    dated = sorted(((path.stat().st_mtime, path) for path in folders), reverse=True)
    for position, (used, old) in enumerate(dated):
        if now - used > KEEP_DAYS * 86400 or position >= KEEP_FOLDERS - 1:
            shutil.rmtree(old, ignore_errors=True)


def use_atomic_cache(_pelican_object):
    """Receiver of `get_generators` (the start of every build): the content cache is written to a
    temporary file and renamed (pelican_adapter/cache.py), until the build is over."""
    cache.use_atomic_cache()
    return None  # no generator of its own


def note_due(generator):
    """The earliest date still in the future: the build that follows it must publish that article."""
    now = datetime.now(timezone.utc)
    for name in KINDS:
        for content in getattr(generator, name, None) or []:
            date = getattr(content, "date", None)
            if isinstance(date, datetime) and date.tzinfo is not None and date > now:
                _due.append(date.timestamp())


def note_other_dues(generators):
    """Other generators' time-dependent moments (their `due_moments`, POSIX timestamps): the documents
    register (plugins/van_ban) names the next day a document comes into force or expires."""
    now = time.time()
    for generator in generators:
        _due.extend(moment for moment in getattr(generator, "due_moments", ()) if moment > now)


def write_facts(pelican_object):
    target = os.environ.get(FACTS_ENV)
    if not target:
        return
    facts = {"next_due": min(_due) if _due else None, "built_at": time.time()}
    Path(target).write_text(json.dumps(facts), encoding="utf-8")


def connect():
    patches.connect()  # before this plugin's own receivers: a stopped build's replacements go first
    signals.get_generators.connect(use_atomic_cache)
    signals.initialized.connect(key_cache_folder)
    signals.article_generator_finalized.connect(note_due)
    signals.page_generator_finalized.connect(note_due)
    signals.all_generators_finalized.connect(note_other_dues)
    signals.finalized.connect(write_facts)
