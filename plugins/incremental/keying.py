"""Digests of everything a build's output depends on. Pelican-free (tools/incremental_build.py uses
it before any Pelican import).

- code_digest: the plugins' and the theme's files, byte for byte;
- settings_digest: the values of the settings (what the settings file computed, environment
  variables such as CANONICAL_URL included), without the output and cache folders;
- versions_digest: the Python version and every installed distribution's name and version
  (Pelican, Markdown, nh3, typogrify, Pagefind, Pillow, ...);
- tree_digest: every file of a folder (the content), byte for byte.

Any change to one of them gives another digest, so a cache or memo keyed by it can never be reused
for an output it was not made for. A change the digest cannot see (a file edited by hand inside the
installed packages) is the one gap: `make clean` empties every cache."""

import hashlib
import os
import re
import sys
from importlib import metadata
from pathlib import Path

# Settings that name where the output and caches go, not what they contain.
UNKEYED_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "INCREMENTAL_DIGEST", "INCREMENTAL_BASE_CACHE_PATH", "INCREMENTAL_RENDER"})
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
SKIPPED_DIRS = {"__pycache__", ".git", ".mypy_cache", ".pytest_cache"}


def _files(folder: Path):
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(names):
            if name.endswith((".pyc", ".pyo")):
                continue
            yield Path(root) / name


def tree_digest(folder) -> str:
    """Relative path and bytes of every file under `folder` (none if it does not exist)."""
    folder = Path(folder)
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in _files(folder):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError as error:
                digest.update(f"unreadable {error}".encode())
    return digest.hexdigest()


def stable_repr(value) -> str:
    """A repr that is the same in every process for the same value (no memory addresses)."""
    if isinstance(value, dict):
        items = sorted(((stable_repr(k), stable_repr(v)) for k, v in value.items()))
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, (list, tuple)):
        return type(value).__name__ + "[" + ", ".join(stable_repr(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "set{" + ", ".join(sorted(stable_repr(item) for item in value)) + "}"
    if hasattr(value, "__module__") and hasattr(value, "__qualname__"):  # functions and classes
        return f"<{value.__module__}.{value.__qualname__}>"
    if type(value).__name__ == "module":
        return f"<module {getattr(value, '__name__', '?')}>"
    return _ADDRESS.sub("", repr(value))


def settings_digest(settings: dict) -> str:
    keyed = {key: value for key, value in settings.items() if key not in UNKEYED_SETTINGS}
    return hashlib.sha256(stable_repr(keyed).encode("utf-8", "surrogateescape")).hexdigest()


def versions_digest() -> str:
    names = sorted(
        f"{dist.metadata['Name']}=={dist.version}".lower() for dist in metadata.distributions() if dist.metadata["Name"]
    )
    return hashlib.sha256("\n".join([sys.version, sys.executable, *names]).encode()).hexdigest()


def code_digest(settings: dict) -> str:
    digest = hashlib.sha256()
    import trangtin  # noqa: PLC0415 - the package this build runs, wherever it is installed

    # A site's own templates (THEME_TEMPLATES_OVERRIDES) shape the HTML as much as the theme's.
    folders = [str(trangtin.PACKAGE_DIR), *settings.get("PLUGIN_PATHS", []), settings.get("THEME", ""),
               *(settings.get("THEME_TEMPLATES_OVERRIDES") or [])]
    for folder in folders:
        if folder:
            digest.update(str(folder).encode() + b"\0" + tree_digest(folder).encode())
    return digest.hexdigest()


def build_key(settings: dict) -> str:
    """What the content cache is keyed by: code, settings values and versions."""
    parts = [code_digest(settings), settings_digest(settings), versions_digest()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
