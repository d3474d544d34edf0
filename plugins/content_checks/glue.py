"""Pelican glue: run the content checks at the start of every build, before anything is written.

The check runs when the articles generator is created (signal `generator_init`): that is before
Pelican reads any file, before DELETE_OUTPUT_DIRECTORY empties the output and on every rebuild of
`make devserver`. Errors stop the build with an exception, so `pelican` exits non-zero."""

import logging
import os
import sys
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.utils import slugify

from .checks import ERROR, INFO, WARNING, CheckConfig, KNOWN_KEYS, format_problem, format_summary
from .scan import display_root, run_checks

logger = logging.getLogger(__name__)

DEFAULTS = {
    "CONTENT_CHECKS_ENABLED": True,
    # Metadata keys of other plugins, accepted besides the site's own (checks.KNOWN_KEYS).
    "CONTENT_CHECKS_EXTRA_KEYS": (),
    "CONTENT_CHECKS_LANG": "vi",
}

_SAVE_AS_KEYS = (
    "ARTICLE_SAVE_AS", "ARTICLE_LANG_SAVE_AS", "DRAFT_SAVE_AS", "DRAFT_LANG_SAVE_AS",
    "PAGE_SAVE_AS", "PAGE_LANG_SAVE_AS", "DRAFT_PAGE_SAVE_AS", "DRAFT_PAGE_LANG_SAVE_AS",
)


class ContentCheckFailed(SystemExit):
    """Stops a build whose content has errors: exit status 1 and the summary line. A SystemExit,
    because Pelican's main() prints a full traceback for any Exception, which only scares editors."""

    def __init__(self, summary: str):
        super().__init__(summary)
        self.code = summary  # printed to stderr by the interpreter; the exit status is 1


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _as_tuple(value):
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def config_from_settings(settings, now=None) -> CheckConfig:
    """The checks' view of Pelican settings; slugs are made exactly as Pelican makes them."""
    timezone = settings.get("TIMEZONE") or "UTC"
    return CheckConfig(
        slugify=partial(
            slugify,
            regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        ),
        now=now or datetime.now(ZoneInfo(timezone)),
        categories=tuple(settings.get("NEWS_CATEGORIES", ())),
        known_keys=KNOWN_KEYS + tuple(setting(settings, "CONTENT_CHECKS_EXTRA_KEYS")),
        timezone=timezone,
        default_lang=settings.get("DEFAULT_LANG", "en"),
        page_paths=_as_tuple(settings.get("PAGE_PATHS", ("pages",))),
        article_excludes=_as_tuple(settings.get("ARTICLE_EXCLUDES", ())),
        ignore_files=_as_tuple(settings.get("IGNORE_FILES", ())),
        with_future_dates=settings.get("WITH_FUTURE_DATES", True),
        slugify_source=settings.get("SLUGIFY_SOURCE", "title"),
        save_as={key: settings[key] for key in _SAVE_AS_KEYS if settings.get(key)},
    )


class CoveredByChecks(logging.Filter):
    """Drops Pelican's own warning about a problem the checks already reported with file and line
    (an image without alt text, two articles sharing a slug), so each problem is reported once."""

    def __init__(self):
        super().__init__("content_checks")
        self.covered = set()

    def filter(self, record):
        key = pelican_record_key(record)
        return key is None or key not in self.covered


def pelican_record_key(record):
    args = record.args if isinstance(record.args, tuple) else ()
    if record.msg == "Empty alt attribute for image %s in %s" and len(args) == 2:
        return ("alt", os.path.abspath(str(args[1])), str(args[0]))
    if isinstance(record.msg, str) and record.msg.startswith(("There are %s items", "There are %s original")):
        paths = [os.path.abspath(str(arg)) for arg in args if isinstance(arg, str) and os.path.isabs(str(arg))]
        return ("slug", frozenset(paths)) if paths else None
    return None


def covered_keys(problems, root):
    """The keys of Pelican records that these problems already report."""
    keys = set()
    groups = {}
    for problem in problems:
        path = os.path.abspath(os.path.join(root, problem.path))
        params = dict(problem.params)
        if problem.code == "missing_alt":
            keys.add(("alt", path, os.path.basename(params["target"])))
        elif problem.code == "same_slug":
            other = os.path.abspath(os.path.join(root, params["other"]))
            group = groups.setdefault(other, {other})
            group.add(path)
    for group in groups.values():
        # Pelican names the whole group, or only its originals; both are covered.
        keys.add(("slug", frozenset(group)))
    return keys


def _covered_filter(logger_name):
    target = logging.getLogger(logger_name)
    for existing in target.filters:
        if isinstance(existing, CoveredByChecks):
            return existing
    added = CoveredByChecks()
    target.addFilter(added)
    return added


def _log(level, text) -> bool:
    """Log one line; True when Pelican's --fatal turned it into an exception (so that every
    problem is still listed before the build stops)."""
    try:
        logger.log(level, "%s", text)
    except RuntimeError:
        return True
    return False


PREVIEW_NOTE = {
    "vi": "(Bản xem trước vẫn được tạo; `make html` và `make publish` sẽ dừng cho đến khi sửa hết lỗi.)",
    "en": "(The preview is built anyway; `make html` and `make publish` stop until every error is fixed.)",
}


def _in_autoreload() -> bool:
    """True inside `pelican -r` (make devserver / regenerate): its loop is on the call stack."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "autoreload" and frame.f_globals.get("__name__") == "pelican":
            return True
        frame = frame.f_back
    return False


def check_before_build(generator):
    if not isinstance(generator, ArticlesGenerator):
        return
    settings = generator.settings
    if not setting(settings, "CONTENT_CHECKS_ENABLED"):
        return
    lang = setting(settings, "CONTENT_CHECKS_LANG")
    root = generator.path
    problems, files = run_checks(root, config_from_settings(settings))
    shown = display_root(root)
    levels = {ERROR: logging.ERROR, WARNING: logging.WARNING, INFO: logging.INFO}
    fatal = False
    for problem in problems:
        fatal |= _log(levels[problem.severity], format_problem(problem, lang, shown))
    covered = covered_keys(problems, root)
    for name in ("pelican.readers", "pelican.utils"):
        _covered_filter(name).covered = covered
    summary = format_summary(problems, files, lang)
    if fatal or any(problem.severity == ERROR for problem in problems):
        if _in_autoreload():
            # `make devserver`: Pelican re-runs a failed build at once, in a loop, until a file changes;
            # so build the preview anyway and say so (make html and make publish still stop).
            logger.warning("%s %s", summary, PREVIEW_NOTE[lang])
            return
        raise ContentCheckFailed(summary)
    logger.info("%s", summary)


def connect():
    signals.generator_init.connect(check_before_build)
