"""Pelican glue: index the finished output with Pagefind when the build is over (signal `finalized`).

A failed index stops the build (exit 1, one clear message, no traceback), so `make html` and
`make publish`, which build into a temporary folder, leave output/ untouched. In the preview
(`pelican -r`, `make devserver`) the same Pelican object runs again on every change: from the second
run on the index is rebuilt in the background, so a save is shown at once and search follows a
moment later."""

import logging
import subprocess
import threading
from pathlib import Path

from pelican import signals

from . import indexing

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_ENABLED": True,
    # The folder of the built site that receives Pagefind's files (pagefind.js, index chunks).
    "SEARCH_BUNDLE_DIR": "pagefind",
    # Rebuilds of the preview index in the background (the first build always indexes in the foreground).
    "SEARCH_PREVIEW_IN_BACKGROUND": True,
}

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


def _command(settings, output: Path) -> list[str]:
    try:
        executable = _executable()
    except (ImportError, FileNotFoundError):
        raise SearchIndexFailed(
            "search: Pagefind is not installed (PyPI packages `pagefind` and `pagefind-bin`, "
            "pinned in requirements.txt); run `make install`. The build is stopped."
        ) from None
    language = (settings.get("DEFAULT_LANG") or "vi").split("-")[0]
    return indexing.pagefind_command(executable, output, setting(settings, "SEARCH_BUNDLE_DIR"), language)


def _run(command, bundle: Path) -> tuple[int, str]:
    result = subprocess.run(command, capture_output=True, text=True)
    log = result.stdout + result.stderr
    if result.returncode == 0:
        indexing.remove_unused_files(bundle)
    return result.returncode, log


def _index_in_background(state: dict, command, output: Path, bundle: Path) -> None:
    previous = state.get("thread")
    if previous is not None and previous.is_alive():
        previous.join()  # one index at a time: two Pagefind runs must not write the same folder

    # The bundle is not cleared first: the preview keeps serving the previous index while this one is
    # written, and its unreferenced chunks stay until the next full build (`make html`) clears them.
    def work():
        status, log = _run(command, bundle)
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
    bundle = output / setting(settings, "SEARCH_BUNDLE_DIR")
    command = _command(settings, output)
    state = getattr(pelican, _STATE, None)
    if state is not None and setting(settings, "SEARCH_PREVIEW_IN_BACKGROUND"):
        _index_in_background(state, command, output, bundle)
        return
    indexing.clear_bundle(bundle)
    status, log = _run(command, bundle)
    if status != 0:
        raise SearchIndexFailed(indexing.failure_message(status, log, output))
    logger.debug("%s", log)
    report = indexing.read_report(log)
    logger.info("search: %s pages indexed into %s", "?" if report.pages is None else report.pages, bundle)
    setattr(pelican, _STATE, {})


def connect():
    signals.finalized.connect(index_site)
