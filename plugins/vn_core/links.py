"""How content names its own files: Pelican's intrasite prefixes and the cover (`Image:`) value, and
the one rule for a metadata value that becomes an address or a file (`Url:`, `Save_as:`, `Image:`…).
Pure: no Pelican imports, no I/O. Shared by the reader's helpers, the checker and the photos plugin."""

import html
import re
from urllib.parse import unquote

# Prefixes that name a file copied as it is (static files, attachments).
STATIC_PREFIXES = ("{static}", "|static|", "{attach}", "|attach|")
# Every prefix Pelican resolves to a file of the content folder.
INTRASITE_PREFIXES = STATIC_PREFIXES + ("{filename}", "|filename|")
EXTERNAL_PREFIXES = ("http://", "https://")
# Another site's photo may be a cover; nothing else with a scheme may.
COVER_SCHEMES = ("http", "https")

SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces around it.
DROPPED_RE = re.compile(r"[\t\n\r]")
EDGE = "".join(chr(code) for code in range(0x21)) + "\x7f"
# C0 and C1 controls, DEL, and the Unicode line and paragraph separators: none belongs in an address,
# a file name or a one-line metadata value (the redirect data and the importer use the same set).
CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Rounds of entity and percent decoding: `%252e` is `.` after two; more rounds only find more.
DECODE_ROUNDS = 4


def _readings(value: str):
    """The value as a browser, a server or a second decoder may read it: raw, entities decoded,
    percent-decoded, repeatedly, each stripped as a browser strips a URL."""
    text, seen = value, []
    for _round in range(DECODE_ROUNDS):
        reading = DROPPED_RE.sub("", text).strip(EDGE)
        if reading in seen:
            break
        seen.append(reading)
        text = unquote(html.unescape(text))
    return seen


def address_problem(value, schemes=()) -> tuple | None:
    """Why a metadata value that becomes a link of the site or an output file is unsafe, as
    (reason, detail): 'scheme' (`javascript:`, `data:`, `http:`… unless in `schemes`), 'network'
    (`//host`), 'absolute' (`/…`), 'backslash', 'parent' (a `..` segment) or 'control'; None
    when it is a plain path inside the site. Checked on every decoded reading of the value."""
    if value is None:
        return None
    value = str(value)
    if CONTROL_RE.search(value.strip("\t\n\r ")):
        return "control", ""
    for reading in _readings(value):
        if "\\" in reading:
            return "backslash", ""
        scheme = SCHEME_RE.match(reading)
        if scheme and scheme.group(1).lower() not in schemes:
            return "scheme", scheme.group(1)
        if scheme:
            continue  # an allowed external address: its path is another site's business
        if reading.startswith("//"):
            return "network", ""
        if reading.startswith("/"):
            return "absolute", ""
        if ".." in reading.split("?")[0].split("#")[0].split("/"):
            return "parent", ""
    return None


def split_intrasite(target: str, prefixes=INTRASITE_PREFIXES):
    """(prefix, rest) for a link written with one of `prefixes`, else (None, target)."""
    prefix = next((p for p in prefixes if target.startswith(p)), None)
    return prefix, target[len(prefix):] if prefix else target


def cover_problem(value) -> tuple | None:
    """address_problem for an `Image:` value: a file of the content folder (`{static}/images/a.jpg`,
    `/images/a.jpg`, `images/a.jpg`: the leading `/` is the content root) or an http(s) address."""
    if not value:
        return None
    _prefix, text = split_intrasite(str(value).strip())
    problem = address_problem(text, COVER_SCHEMES)
    if problem and problem[0] == "absolute":
        problem = address_problem(text.lstrip("/"), COVER_SCHEMES) if not text.startswith("//") else ("network", "")
    return problem


def cover_path(value):
    """`{static}/images/a.jpg`, `/images/a.jpg` or `images/a.jpg` -> `images/a.jpg`; a cover on another
    site (`https://…`) is kept as it is; None when there is none, or when it would leave the content
    folder (cover_problem: the checker names it; the build never reads such a file)."""
    if not value or cover_problem(value):
        return None
    _prefix, text = split_intrasite(str(value).strip())
    if text.startswith(EXTERNAL_PREFIXES):
        return text
    return text.lstrip("/")
