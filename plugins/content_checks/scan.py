"""The file-system edge of the checks: read a content folder, hand its bytes to checks.check_site."""

import os
from pathlib import Path

from .checks import check_site, content_kind


def read_content(root: Path, config):
    """(sources, existing): bytes of each Markdown content file, and every file's path, both
    relative to `root` with forward slashes."""
    root = Path(root)
    sources, existing = {}, set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            existing.add(relative)
            if content_kind(relative, config) is not None:
                sources[relative] = path.read_bytes()
    return sources, existing


def run_checks(root: Path, config):
    """(problems, number of files checked)."""
    sources, existing = read_content(root, config)
    return check_site(sources, existing, config), len(sources)


def display_root(root) -> str:
    """How to show the content folder in messages: relative to the working folder when inside it,
    so editors read `content/2022/a.md:3`."""
    absolute = os.path.abspath(root)
    relative = os.path.relpath(absolute)
    shown = absolute if relative == ".." or relative.startswith(".." + os.sep) else relative
    return "" if shown == "." else Path(shown).as_posix()
