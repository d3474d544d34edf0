"""Pelican glue: once every page is written (signal `finalized`), minify the theme's CSS and JS in
the output folder. Only the theme's own static folder is touched (not Pagefind's files, not the
editors' static files)."""

import logging
import os
from pathlib import Path

from pelican import signals

from .minify import MINIFIERS, minify

logger = logging.getLogger(__name__)

DEFAULTS = {"ASSETS_MINIFY": True}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def minify_theme_assets(pelican_object):
    settings = pelican_object.settings
    if not setting(settings, "ASSETS_MINIFY"):
        return
    folder = Path(pelican_object.output_path) / settings.get("THEME_STATIC_DIR", "theme")
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in MINIFIERS and path.is_file():
            text = path.read_text(encoding="utf-8")
            smaller = minify(text, path.suffix)
            if smaller != text:
                # Write beside and rename: a reader never sees a half-written file.
                temporary = path.with_name(f".{path.name}.min")
                temporary.write_text(smaller, encoding="utf-8")
                os.replace(temporary, path)
    logger.debug("assets: minified %s", folder)


def connect():
    signals.finalized.connect(minify_theme_assets)
