"""Pelican's log as the editors' messages need it (plugins/content_checks): the templates of Pelican's
records about content (matched on record.msg, the template, never on the formatted text), the rich
handler that wraps a long line in the middle of a path, and the console line that ends a build.

Gate part `log`, required: a Pelican whose records changed would leave editors with English
tracebacks or silent failures, so the build stops with a message saying what to install. The
handler and the console line are changed from the start of a build (content_checks' register and
every `get_generators`) until Pelican prints its closing line; a build that stops before it leaves
the plain handler to the process, which exits (or, under autoreload, builds again with it)."""

import logging
import re
import sys

from pelican import log as pelican_log
from rich.logging import RichHandler

from . import gate

# Pelican's message templates (record.msg) about content, by what they report.
EMPTY_ALT = "Empty alt attribute for image %s in %s"  # readers.find_empty_alt
COULD_NOT_PROCESS = "Could not process %s"  # Articles/PagesGenerator.generate_context
MISSING_INFO = "Skipping %s: could not find information about '%s'"  # Content._has_valid_mandatory_properties
DUPLICATE_KEY = "Duplicate definition of `%s` for %s. Using first one."  # MarkdownReader._parse_metadata
UNABLE_TO_FIND = "Unable to find '%s', skipping url replacement."  # Content._link_replacer
SAME_SLUG_PREFIXES = ("There are %s items", "There are %s original")  # utils.get_original_items
EXCEPTION = "%s: %s"  # pelican.main: the exception that stopped the build (class name, message)
KEYBOARD_INTERRUPT = "Keyboard interrupt received. Exiting."  # pelican.main
LOGGERS = ("pelican", "pelican.readers", "pelican.utils", "pelican.generators", "pelican.contents", "pelican.writers")
# Pelican.run's closing console line.
DONE_RE = re.compile(
    r"^Done: Processed (?P<articles>\d+) articles?, (?P<drafts>\d+) drafts?, (?P<hidden>\d+) hidden articles?, "
    r"(?P<pages>\d+) pages?, (?P<hidden_pages>\d+) hidden pages? and (?P<draft_pages>\d+) draft pages? "
    r"in (?P<seconds>[\d.]+) seconds\.$"
)

# What to put back when the build's closing line is printed.
_restore: list = []


def check():
    gate.require("log")


def limit_group(record):
    """The group of a record that pelican.log.LimitFilter summarises after its fifth ("Other images
    have empty alt attributes"), else None."""
    return getattr(record, "limit_msg", None)


def use_plain_handler(make_plain):
    """Pelican's rich handler on the root logger is replaced by `make_plain(stream, level, filters)`
    until the closing line; a handler already replaced is left as it is."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RichHandler):
            stream = getattr(getattr(handler, "console", None), "file", None) or sys.stderr
            plain = make_plain(stream, handler.level, handler.filters)
            root.removeHandler(handler)
            root.addHandler(plain)
            _restore.append(lambda plain=plain, handler=handler: (root.removeHandler(plain), root.addHandler(handler)))


def translate_closing_line(translate):
    """Pelican's closing `Done: Processed …` console line becomes `translate(match)`, on one line."""
    console = pelican_log.console
    if "print" in console.__dict__:
        return  # this build's already
    original = console.print

    def print_translated(*objects, **kwargs):
        done = DONE_RE.match(objects[0]) if len(objects) == 1 and isinstance(objects[0], str) else None
        if done is None:
            return original(*objects, **kwargs)
        kwargs.setdefault("soft_wrap", True)
        try:
            return original(translate(done), **kwargs)
        finally:
            end_of_build()

    console.print = print_translated
    _restore.append(lambda: console.__dict__.pop("print", None))


def end_of_build():
    while _restore:
        _restore.pop()()
