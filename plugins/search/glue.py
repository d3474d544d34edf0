"""Pelican glue: index the finished output with Pagefind when the build is over (signal `finalized`).

A failed index stops the build (exit 1, one clear message, no traceback), so `make html` and
`make publish`, which build into a temporary folder, leave output/ untouched. In the preview
(`pelican -r`, `make devserver`) the same Pelican object runs again on every change: from the second
run on the index is rebuilt in the background, so a save is shown at once and search follows a
moment later."""

import json
import logging
import os
import subprocess
import threading
from pathlib import Path

from pelican import signals

from trangtin.vn_core.ordering import newest_first
from trangtin.vn_core.paths import output_file

from . import indexing, stable

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_ENABLED": True,
    # The folder of the built site that receives Pagefind's files (pagefind.js, index chunks).
    "SEARCH_BUNDLE_DIR": "pagefind",
    # Rebuilds of the preview index in the background (the first build always indexes in the foreground).
    "SEARCH_PREVIEW_IN_BACKGROUND": True,
    # The newest news also indexed on their own (pagefind/moi/), so the search page can show their
    # results first while the complete index loads; 0 turns it off. Only made when the site has more.
    "SEARCH_RECENT_NEWS": 150,
    # Save-as patterns of other pages that hold a data-pagefind-body (the documents register's pages).
    "SEARCH_EXTRA_BODY_SAVE_AS": (),
}

# Output folder -> what this build publishes: "news" (the news' output paths, newest first),
# "articles" / "pages" (every published file with a data-pagefind-body) and "indexed" (those articles
# and pages, whose đ-words are read once the site is written: before, a `{static}` link in their
# content is not resolved yet). Noted when the articles and pages are ready (*_generator_finalized),
# used when the site is written (finalized).
_PUBLISHED: dict[str, dict] = {}

# tools/devserver.py's quick rebuilds: where to leave the index commands, run once the page is shown.
DEFERRED_ENV = "SEARCH_DEFERRED_COMMANDS"

# The attribute on the Pelican object that remembers the preview's indexing run.
_STATE = "_search_index_state"


class SearchIndexFailed(SystemExit):
    """Stops the build with exit status 1 and the message; a SystemExit, because Pelican's main()
    prints a full traceback for any Exception."""

    def __init__(self, message: str):
        super().__init__(message)
        self.code = message


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _executable() -> Path:
    from pagefind.service import get_executable  # noqa: PLC0415 - a missing package is reported below

    found = get_executable()
    if found is None or not Path(found).is_file():
        raise FileNotFoundError(found)
    return Path(found)


def _command(settings, output: Path) -> list[list[str]]:
    try:
        executable = _executable()
    except (ImportError, FileNotFoundError):
        raise SearchIndexFailed(
            "search: Pagefind is not installed (PyPI packages `pagefind` and `pagefind-bin`, "
            "pinned in requirements.txt); run `make install`. The build is stopped."
        ) from None
    language = (settings.get("DEFAULT_LANG") or "vi").split("-")[0]
    published = _PUBLISHED.get(str(output), {})
    news = published.get("news", [])
    patterns = [settings[name] for name in ("ARTICLE_SAVE_AS", "ARTICLE_LANG_SAVE_AS", "PAGE_SAVE_AS", "PAGE_LANG_SAVE_AS")
                if settings.get(name)]
    patterns += list(setting(settings, "SEARCH_EXTRA_BODY_SAVE_AS"))
    complete_glob = indexing.body_glob(patterns, [*published.get("articles", []), *published.get("pages", [])])
    return indexing.index_commands(
        executable, output, setting(settings, "SEARCH_BUNDLE_DIR"), language, news, setting(settings, "SEARCH_RECENT_NEWS"),
        complete_glob,
    )


def _d_words(output: Path) -> list[str]:
    """The đ-words of what the index reads of the published articles and pages (article.html)."""
    items = [item for group in _PUBLISHED.get(str(output), {}).get("indexed", {}).values() for item in group]
    return sorted(indexing.d_words(text for item in items for text in (item.title, getattr(item, "summary", None), item.content)))


def _run(commands, bundle: Path, d_words: list[str]) -> tuple[int, str]:
    """Runs the complete index, then the recent one; stops at the first failure. The đ-words are
    written into the complete bundle once Pagefind is done with it."""
    logs = []
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True)
        logs.append(result.stdout + result.stderr)
        if result.returncode != 0:
            return result.returncode, "".join(logs)
    indexing.remove_unused_files(bundle)
    indexing.remove_unused_files(bundle / indexing.RECENT_SUBDIR)
    try:
        # An unchanged site gives the same bytes: an upload or a CDN sync sends nothing.
        stable.stabilise_bundle(bundle)
        stable.stabilise_bundle(bundle / indexing.RECENT_SUBDIR)
    except (stable.UnexpectedIndex, ValueError, OSError) as error:
        logs.append(f"search: Pagefind's index has a layout this site does not know ({error})")
        return 1, "".join(logs)
    indexing.write_d_words(bundle, d_words)
    return 0, "".join(logs)


def _index_in_background(state: dict, command, output: Path, bundle: Path, d_words: list[str]) -> None:
    previous = state.get("thread")
    if previous is not None and previous.is_alive():
        previous.join()  # one index at a time: two Pagefind runs must not write the same folder

    # The bundle is not cleared first: the preview keeps serving the previous index while this one is
    # written, and its unreferenced chunks stay until the next full build (`make html`) clears them.
    def work():
        status, log = _run(command, bundle, d_words)
        if status != 0:
            logger.error("%s", indexing.failure_message(status, log, output))
        else:
            logger.info("search: preview index updated")

    thread = threading.Thread(target=work, name="search-index", daemon=True)
    state["thread"] = thread
    thread.start()


def index_site(pelican):
    settings = pelican.settings
    if not setting(settings, "SEARCH_ENABLED"):
        return
    output = Path(pelican.output_path)
    # Pagefind writes (and the build empties) this folder: it must be inside the output.
    bundle = Path(output_file(output, setting(settings, "SEARCH_BUNDLE_DIR"), "cài đặt SEARCH_BUNDLE_DIR"))
    command = _command(settings, output)
    d_words = _d_words(output)
    deferred = os.environ.get(DEFERRED_ENV)
    if deferred and settings.get("INCREMENTAL_RENDER"):
        # The devserver's quick rebuild: the page is shown first, the devserver refreshes the index after.
        Path(deferred).write_text(json.dumps({"commands": [[str(part) for part in c] for c in command],
                                              "bundle": str(bundle), "d_words": d_words}), encoding="utf-8")
        return
    state = getattr(pelican, _STATE, None)
    if state is not None and setting(settings, "SEARCH_PREVIEW_IN_BACKGROUND"):
        _index_in_background(state, command, output, bundle, d_words)
        return
    indexing.clear_bundle(bundle)
    status, log = _run(command, bundle, d_words)
    if status != 0:
        raise SearchIndexFailed(indexing.failure_message(status, log, output))
    logger.debug("%s", log)
    report = indexing.read_report(log)  # the complete index's report comes first
    logger.info("search: %s pages indexed into %s", "?" if report.pages is None else report.pages, bundle)
    setattr(pelican, _STATE, {})


def note_news(generator):
    output = str(Path(generator.output_path))
    published = _PUBLISHED.setdefault(output, {})
    published["news"] = [article.save_as for article in newest_first(generator.articles)]
    published["articles"] = [item.save_as for item in [*generator.articles, *generator.translations]]
    published.setdefault("indexed", {})["articles"] = [*generator.articles, *generator.translations]


def note_pages(generator):
    output = str(Path(generator.output_path))
    pages = [item for item in [*generator.pages, *generator.translations] if item.status == "published"]
    published = _PUBLISHED.setdefault(output, {})
    published["pages"] = [item.save_as for item in pages]
    published.setdefault("indexed", {})["pages"] = pages


def add_defaults(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)  # the search page's template reads SEARCH_RECENT_NEWS


def connect():
    signals.initialized.connect(add_defaults)
    signals.article_generator_finalized.connect(note_news)
    signals.page_generator_finalized.connect(note_pages)
    signals.finalized.connect(index_site)


def run_deferred(job_file) -> int:
    """The index of a quick devserver rebuild, made after the page was shown (tools/devserver.py):
    written beside the served bundle, then put in its place, so the preview keeps a working search
    meanwhile and ends with exactly the files a full build makes (no chunks of the old index)."""
    job = json.loads(Path(job_file).read_text(encoding="utf-8"))
    bundle = Path(job["bundle"])
    staging = bundle.with_name(f".{bundle.name}.new")
    indexing.clear_bundle(staging)
    commands = []
    for command in job["commands"]:
        command = list(command)
        at = command.index("--output-subdir") + 1
        command[at] = staging.name + command[at][len(bundle.name):]
        commands.append(command)
    status, log = _run(commands, staging, job.get("d_words", []))
    if status != 0:
        indexing.clear_bundle(staging)
        print(indexing.failure_message(status, log, bundle.parent), flush=True)
        return status
    retired = bundle.with_name(f".{bundle.name}.old")
    indexing.clear_bundle(retired)
    if bundle.exists():
        bundle.rename(retired)
    staging.rename(bundle)
    indexing.clear_bundle(retired)
    return 0
