"""Pelican glue for the theme's assets.

- generator_init: the templates get the `theme_asset` filter, `{{ 'css/site.css'|theme_asset }}` ->
  `theme/css/site.3f2a9c1b04.css`, the hash of the bytes the output will hold (minified when
  ASSETS_MINIFY), computed from the theme's static folders before any page is written.
- finalized: the theme's CSS and JS in the output are minified and renamed to those hashed names (the
  unhashed copies are removed, so a page can only link to the current version); then, when
  ASSETS_PRECOMPRESS, every text file of the output gets `.gz` and `.br` copies beside it.

Only the theme's own static folder is renamed (not Pagefind's files, not the editors' static files)."""

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals
from trangtin.vn_core.forking import usable_cpus
from trangtin.vn_core.paths import output_file

from .minify import COMPRESSIBLE, HASHED, brotli_bytes, gzip_bytes, hashed_name, minify

logger = logging.getLogger(__name__)

DEFAULTS = {
    "ASSETS_MINIFY": True,
    "ASSETS_HASH": True,
    # Off for `make html` (a preview needs no compressed copies; compressing 600 MB of HTML costs
    # ~30 s of CPU at 10,000 news); publishconf.py turns it on.
    "ASSETS_PRECOMPRESS": False,
    "ASSETS_BROTLI_QUALITY": 5,  # pages: 5 compresses ~50 MB/s, 11 under 1 MB/s for 1-2 % less
    "ASSETS_BROTLI_QUALITY_HASHED": 11,  # the theme's few hashed files: the best, they are tiny
}


class AssetsFailed(Exception):
    pass


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _output_bytes(settings, text: str, suffix: str) -> bytes:
    return (minify(text, suffix) if setting(settings, "ASSETS_MINIFY") else text).encode("utf-8")


def theme_manifest(settings) -> dict:
    """{'css/site.css': 'css/site.<hash>.css'} for every CSS and JS file of the theme's static folders,
    named after the bytes the output will hold."""
    if not setting(settings, "ASSETS_HASH"):
        return {}
    theme = Path(settings["THEME"])
    manifest = {}
    for static in settings.get("THEME_STATIC_PATHS", ["static"]):
        root = theme / static
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in HASHED and path.is_file():
                relative = path.relative_to(root).as_posix()
                data = _output_bytes(settings, path.read_text(encoding="utf-8"), path.suffix)
                manifest[relative] = hashed_name(relative, data)
    return manifest


def add_asset_filter(generator):
    settings = generator.settings
    manifest = theme_manifest(settings)
    static_dir = settings.get("THEME_STATIC_DIR", "theme")

    def theme_asset(relative):
        """The output path (below SITEURL) of a theme file: hashed for CSS and JS."""
        return f"{static_dir}/{manifest.get(relative, relative)}"

    generator.env.filters["theme_asset"] = theme_asset


def _write_beside(path: Path, data: bytes) -> None:
    # Write beside and rename: a reader never sees a half-written file.
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def finish_theme_assets(pelican_object):
    settings = pelican_object.settings
    output = Path(pelican_object.output_path)
    folder = Path(output_file(output, settings.get("THEME_STATIC_DIR", "theme"), "cài đặt THEME_STATIC_DIR"))
    if folder.is_dir():
        expected = theme_manifest(settings)
        already = set(expected.values()) - set(expected)
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in HASHED or not path.is_file():
                continue
            if path.relative_to(folder).as_posix() in already:
                continue  # named by an earlier pass (a quick rebuild writes into the previous output)
            text = path.read_text(encoding="utf-8")
            data = _output_bytes(settings, text, path.suffix)
            relative = path.relative_to(folder).as_posix()
            if not setting(settings, "ASSETS_HASH"):
                if data != text.encode("utf-8"):
                    _write_beside(path, data)
                continue
            name = hashed_name(relative, data)
            if expected.get(relative, name) != name:
                raise AssetsFailed(f"assets: {relative} in the output differs from the theme's copy; "
                                   f"pages link to {expected[relative]}")
            _write_beside(folder / name, data)
            path.unlink()
        logger.debug("assets: minified and named %s", folder)
    if setting(settings, "ASSETS_PRECOMPRESS"):
        precompress(output, setting(settings, "ASSETS_BROTLI_QUALITY"), setting(settings, "ASSETS_BROTLI_QUALITY_HASHED"),
                    set(theme_manifest(settings).values()), folder)


def _compress_beside(path: str, quality: int) -> int:
    """`.gz` and `.br` beside one file, each only when smaller. Returns how many were written."""
    with open(path, "rb") as handle:
        data = handle.read()
    made = 0
    for suffix, packed in ((".gz", gzip_bytes(data)), (".br", brotli_bytes(data, quality))):
        if len(packed) < len(data):
            # The folders were walked without following links; O_NOFOLLOW keeps the last step inside too.
            handle = os.open(path + suffix, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
            with open(handle, "wb") as stream:
                stream.write(packed)
            made += 1
    return made


def precompress(output: Path, quality: int, hashed_quality: int, hashed: set, theme_folder: Path,
                threads: int | None = None) -> int:
    """`.gz` and `.br` beside every text file of `output` for which they are smaller. Returns the count.
    zlib and brotli let go of Python's lock while they compress, so one thread per usable core
    divides the time (the bytes written are the same whatever the number of threads)."""
    hashed_paths = {str(theme_folder / name) for name in hashed}
    jobs = []
    for parent, folders, files in os.walk(output):
        folders.sort()
        for name in sorted(files):
            if not name.lower().endswith(COMPRESSIBLE):
                continue
            path = os.path.join(parent, name)
            if not os.path.islink(path):
                jobs.append((path, hashed_quality if path in hashed_paths else quality))
    count = max(1, min(threads or usable_cpus(), len(jobs)))

    def share(index):  # every count-th file: neighbouring files are alike in size
        return sum(_compress_beside(path, level) for path, level in jobs[index::count])

    if count == 1:
        made = share(0)
    else:
        with ThreadPoolExecutor(max_workers=count, thread_name_prefix="precompress") as pool:
            made = sum(pool.map(share, range(count)))
    logger.info("assets: %d compressed copies (.gz, .br) written", made)
    return made


def connect():
    signals.generator_init.connect(add_asset_filter)
    signals.finalized.connect(finish_theme_assets)
