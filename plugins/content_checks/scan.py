"""The file-system edge of the checks: read a content folder, hand its bytes to checks.check_site."""

import os
from dataclasses import replace
from functools import partial
from pathlib import Path

from trangtin.vn_core.forking import forked_map
from trangtin.vn_core.paths import unsafe_links

from .checks import check_site, discover
from .documents import check_documents, document_paths
from .files import check_files


def _all_files(root: Path):
    existing = set()
    blocked = unsafe_links(root)  # links leading out or looping: not walked (the checks report them)
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = sorted(name for name in dirs if Path(folder, name).relative_to(root).as_posix() not in blocked)
        files = [name for name in files if Path(folder, name).relative_to(root).as_posix() not in blocked]
        for name in sorted(files):
            existing.add(Path(folder, name).relative_to(root).as_posix())
    return existing


def read_content(root: Path, config, discovery=None):
    """(sources, existing): bytes of each content file Pelican reads (from
    `discovery`, Pelican's own file discovery; from the settings alone when None), and every
    file's path, all relative to `root` with forward slashes."""
    root = Path(root)
    existing = _all_files(root)
    discovery = discovery or discover(existing, config)
    return _sources(root, discovery), existing


def read_sources(root, discovery):
    """Bytes of each file Pelican reads, by content-relative path."""
    return _sources(Path(root), discovery)


def _sources(root: Path, discovery):
    return {path: (root / path).read_bytes() for path in sorted(discovery.articles | discovery.pages)}


def run_checks(root: Path, config, discovery=None, sources_out=None, processes=1):
    """(problems, number of files checked); the files are shared between `processes` processes."""
    root = Path(root)
    existing = _all_files(root)
    discovery = discovery or discover(existing, config)
    sources = _sources(root, discovery)
    if sources_out is not None:
        sources_out.update(sources)
    redirects = None
    if config.redirects_data in existing:
        redirects = (root / config.redirects_data).read_bytes().decode("utf-8", errors="replace")
    mapper = partial(forked_map, processes=processes)
    # The documents register's files (issue 27) are read by their own rules, not reported as unread.
    documents = {path: (root / path).read_bytes() for path in sorted(document_paths(discovery.files, config.documents_path))}
    discovery = replace(discovery, files=discovery.files - documents.keys())
    problems = (check_site(sources, existing, config, discovery, redirects, mapper) + check_files(root, discovery, config)
                + check_documents(documents, existing, config))
    return sorted(problems, key=lambda p: (p.path, p.line, p.code)), len(sources) + len(documents)


def display_root(root) -> str:
    """How to show the content folder in messages: relative to the working folder when inside it,
    so editors read `content/2022/a.md:3`."""
    absolute = os.path.abspath(root)
    relative = os.path.relpath(absolute)
    shown = absolute if relative == ".." or relative.startswith(".." + os.sep) else relative
    return "" if shown == "." else Path(shown).as_posix()
