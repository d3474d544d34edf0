"""What the search plugin asks of Pagefind, without Pelican: the command line and its report."""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

# Pagefind's ready-made interfaces and its on-page highlighter: the site has its own interface
# (theme/static/js/search.js), so these are removed after indexing rather than published unused.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-highlight.js",
)

_INDEXED_PAGES = re.compile(r"Indexed (\d[\d,]*) pages?")


@dataclass(frozen=True)
class IndexReport:
    pages: int | None  # None when Pagefind's report did not say


def pagefind_command(executable, site: Path, bundle_dir: str, language: str) -> list[str]:
    """The Pagefind command that indexes the built site `site` into `site/bundle_dir`.

    The language is forced because Pagefind would otherwise split the index by each page's `lang`
    and an article with a different `lang` would vanish from Vietnamese searches."""
    return [
        str(executable),
        "--site", str(site),
        "--output-subdir", bundle_dir,
        "--force-language", language,
    ]


def read_report(text: str) -> IndexReport:
    """Pagefind's own count of indexed pages, from its log."""
    match = _INDEXED_PAGES.search(text)
    return IndexReport(pages=int(match.group(1).replace(",", "")) if match else None)


def failure_message(status: int, log: str, site: Path) -> str:
    """One message an editor can act on: what failed, where, and Pagefind's last words."""
    tail = "\n".join(line for line in log.strip().splitlines()[-8:] if line.strip())
    message = f"search: Pagefind could not index {site} (exit {status}); the build is stopped."
    return f"{message}\n{tail}" if tail else message


def clear_bundle(bundle: Path) -> None:
    """A fresh bundle on every full build: Pagefind's hashed chunk names would otherwise pile up."""
    if bundle.is_dir():
        shutil.rmtree(bundle)


def remove_unused_files(bundle: Path) -> None:
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
