"""Pelican's content cache written atomically: to a temporary file, then renamed over the cache
(Pelican writes it in place, so a build stopped while saving, or two builds at once, would leave a
truncated cache behind). Replaces FileDataCacher.save_cache for one build, behind the `cache` part;
with Pelican's own, the cache is the same, written in place."""

import logging
import os
import pickle

from pelican.cache import FileDataCacher

from . import patches

logger = logging.getLogger(__name__)


def atomic_save_cache(self):
    """FileDataCacher.save_cache (Pelican 4.12), written to a temporary file and renamed over the cache."""
    if not self._cache_data_policy:
        return
    folder = self.settings["CACHE_PATH"]
    temporary = f"{self._cache_path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        with self._cache_open(temporary, "wb") as handle:
            pickle.dump(self._cache, handle)
        os.replace(temporary, self._cache_path)
        os.utime(folder)  # the newest folders are the ones kept (plugins/incremental)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
        logger.warning("Could not save cache %s\n ... %s", self._cache_path, error)
        try:
            os.unlink(temporary)
        except OSError:
            pass


def use_atomic_cache():
    patches.replace("cache", FileDataCacher, "save_cache", atomic_save_cache)
