"""The editors' safety net: check Markdown articles before Pelican reads them.

Pure: no Pelican imports and no file system access. The caller hands in each Markdown file's
bytes, the set of files under the content folder and a CheckConfig (built from the settings by
the glue), and gets back a list of Problems, each with a severity, a file, a line and a message.

The metadata block is parsed exactly as Python-Markdown's `meta` extension does, so the line of a
key here is the line Pelican reads it from."""

import codecs
import difflib
import fnmatch
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable
from urllib.parse import unquote, urlparse
from zoneinfo import ZoneInfo

import dateutil.parser

# The one rule for view counts, shared with what the site shows.
from vn_core.vietnamese import WHOLE_NUMBER_RE, fold as _fold

from . import messages
from vn_core.legacy_encodings import guess_legacy_encoding

ERROR, WARNING, INFO = "error", "warning", "info"

KNOWN_KEYS = (
    "Title", "Date", "Modified", "Category", "Tags", "Author", "Authors", "Summary", "Views",
    "Image", "Status", "Slug", "Lang", "Template", "Save_as", "Url",
    "Featured",
)
STATUSES = ("published", "draft", "hidden")
# Editors write the status in Vietnamese; Pelican only knows the English words.
STATUS_IN_VIETNAMESE = {"nhap": "draft", "ban nhap": "draft", "an": "hidden", "dang": "published", "da dang": "published"}
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")

# Python-Markdown's meta extension, verbatim.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")

# d/m/yyyy written the Vietnamese way; dateutil reads the first number as the month.
DAY_FIRST_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")

MD_LINK_RE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(?P<target><[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
HTML_TAG_RE = re.compile(r"<(?P<tag>img|a)\b(?P<attrs>[^>]*)>", re.IGNORECASE)
HTML_ATTR_RE = re.compile(r"(?P<name>[A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
# A body holding only comments (the newpost template) is still empty: comments never show.
HTML_COMMENT_RE = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Params that name a file of the content folder: shown with the same root as the file itself.
PATH_PARAMS = {"other", "resolved"}
INTRASITE_PREFIXES = ("{static}", "{filename}", "{attach}", "|static|", "|filename|", "|attach|")
EXTERNAL_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


@dataclass(frozen=True)
class Problem:
    severity: str
    path: str  # relative to the content folder, with forward slashes
    line: int
    code: str
    params: tuple = ()  # (name, value) pairs; `other` names another file of the content folder

    def message(self, lang: str = "vi", root: str = "") -> str:
        values = dict(self.params)
        for name in PATH_PARAMS & values.keys():
            values[name] = join_root(root, values[name])
        return messages.render(self.code, values, lang)


@dataclass(frozen=True)
class CheckConfig:
    """What the checks need from the Pelican settings (built by glue.config_from_settings)."""

    slugify: Callable[[str], str]
    now: datetime  # aware
    categories: tuple = ()
    known_keys: tuple = KNOWN_KEYS
    timezone: str = "Asia/Ho_Chi_Minh"
    default_lang: str = "vi"
    page_paths: tuple = ("pages",)
    article_excludes: tuple = ()
    ignore_files: tuple = ()
    with_future_dates: bool = True
    slugify_source: str = "title"
    save_as: dict = field(default_factory=dict)  # "ARTICLE_SAVE_AS" -> "{date:%Y}/{slug}.html", ...


@dataclass
class Entry:
    """What the cross-file checks need to know about one file."""

    path: str
    kind: str  # "article" or "page"
    slug: str | None = None
    slug_line: int = 1
    lang: str = "vi"
    group: str = "published"  # Pelican finds translations among published, hidden and drafts apart
    save_as: str | None = None
    year: int | None = None


def join_root(root: str, path: str) -> str:
    return posixpath.join(root, path) if root else path


def _problem(severity, path, line, code, **params) -> Problem:
    return Problem(severity, path, line, code, tuple(params.items()))


# --- which files are content -------------------------------------------------------------------


def _under(path: str, folder: str) -> bool:
    folder = folder.strip("/")
    return folder == "" or path == folder or path.startswith(folder + "/")


def content_kind(path: str, config: CheckConfig):
    """'page', 'article' or None (not content) for a Markdown file's path in the content folder."""
    if path.rsplit(".", 1)[-1].lower() not in MARKDOWN_EXTENSIONS:
        return None
    name = posixpath.basename(path)
    if any(fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path, pattern) for pattern in config.ignore_files):
        return None
    if any(part.startswith(".") for part in path.split("/")):
        return None
    if any(_under(path, folder) for folder in config.page_paths):
        return "page"
    if any(_under(path, folder) for folder in config.article_excludes if folder):
        return None
    return "article"


# --- reading one file --------------------------------------------------------------------------


@dataclass
class Metadata:
    values: dict  # lower-case key -> list of (value, line)
    keys: list  # (key as written, line), in order
    body_start: int  # index of the first body line


def parse_metadata(lines: list) -> Metadata:
    """Python-Markdown's meta extension, keeping the line of every key."""
    values, keys = {}, []
    index = 0
    if lines and BEGIN_RE.match(lines[0]):
        index = 1
    key = None
    while index < len(lines):
        line = lines[index]
        if line.strip() == "" or END_RE.match(line):
            index += 1
            break
        match = META_RE.match(line)
        if match:
            key = match.group("key").lower().strip()
            keys.append((match.group("key").strip(), index + 1))
            values.setdefault(key, []).append((match.group("value").strip(), index + 1))
        else:
            more = META_MORE_RE.match(line)
            if more and key:
                values[key].append((more.group("value").strip(), index + 1))
            else:
                break
        index += 1
    return Metadata(values, keys, index)


def _first(meta: Metadata, key: str):
    """(value, line) of a single-valued key as Pelican reads it (the first definition)."""
    entries = meta.values.get(key)
    return entries[0] if entries else (None, None)


def read_date(value: str, now: datetime):
    """The date Pelican's get_date() would read, or None when it cannot."""
    text = re.sub(" +", " ", value.replace("_", " "))
    default = now.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    try:
        return dateutil.parser.parse(text, default=default)
    except Exception:  # noqa: BLE001 - dateutil also raises OverflowError and others on odd input
        return None


def _localise(moment: datetime, timezone: str) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


def closest(value: str, choices) -> str | None:
    folded = {_fold(choice): choice for choice in choices}
    match = difflib.get_close_matches(_fold(value), list(folded), n=1, cutoff=0.8)
    return folded[match[0]] if match else None


# --- the checks of one file --------------------------------------------------------------------


def decode(path: str, data: bytes):
    """(text, problem): UTF-8 text without BOM, or a problem naming the likely legacy encoding."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        legacy = guess_legacy_encoding(data)
        vi, en = messages.LEGACY[legacy]
        return None, _problem(ERROR, path, line, "not_utf8", legacy_vi=vi, legacy_en=en)


def check_metadata_keys(path, meta: Metadata, config: CheckConfig):
    known = {key.lower(): key for key in config.known_keys}
    for key, line in meta.keys:
        if key.lower() in known:
            continue
        suggestion = difflib.get_close_matches(key.lower(), list(known), n=1, cutoff=0.75)
        if suggestion:
            yield _problem(ERROR, path, line, "misspelt_key", key=key, suggestion=known[suggestion[0]])
        else:
            yield _problem(WARNING, path, line, "unknown_key", key=key, keys=", ".join(config.known_keys))


def _check_date_value(path, key_label, value, line, config):
    """(problems, moment) for a Date or Modified value."""
    moment = read_date(value, config.now) if value else None
    if moment is None:
        return [_problem(ERROR, path, line, "bad_date", key=key_label, value=value)], None
    day_first = DAY_FIRST_RE.match(value)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        if day != month and day <= 12 and month <= 12:
            return [
                _problem(
                    ERROR, path, line, "ambiguous_date", key=key_label, value=value,
                    month=day, day=month, suggestion=f"{year:04d}-{month:02d}-{day:02d}",
                )
            ], None
    return [], _localise(moment, config.timezone)


def check_required(path, kind, meta: Metadata, config: CheckConfig, misspelt=()):
    """Missing Title, Date, Category; a key already reported as misspelt is not reported again."""
    problems = []
    title, _ = _first(meta, "title")
    if not title and "title" not in misspelt:
        problems.append(_problem(ERROR, path, _line_of(meta, "title"), "missing_title"))
    if kind == "page":
        return problems
    status, _ = _first(meta, "status")
    date, _ = _first(meta, "date")
    # Pelican gives an undated draft the far future; only published and hidden articles need a date.
    if (date == "" or (date is None and status != "draft")) and "date" not in misspelt:
        problems.append(_problem(ERROR, path, _line_of(meta, "date"), "missing_date"))
    category, _ = _first(meta, "category")
    if not category and "category" not in misspelt:
        problems.append(
            _problem(ERROR, path, _line_of(meta, "category"), "missing_category", categories=", ".join(config.categories))
        )
    return problems


def _line_of(meta: Metadata, key: str) -> int:
    """The line of a key written without a value; line 1, the top of the metadata, for a missing key."""
    _, line = _first(meta, key)
    return line or 1


def check_values(path, kind, meta: Metadata, config: CheckConfig):
    problems = []
    views, line = _first(meta, "views")
    if views and not WHOLE_NUMBER_RE.match(views):
        problems.append(_problem(ERROR, path, line, "bad_views", value=views))
    status, line = _first(meta, "status")
    if status is not None and status not in STATUSES:
        suggestion = [STATUS_IN_VIETNAMESE[_fold(status)]] if _fold(status) in STATUS_IN_VIETNAMESE else (
            difflib.get_close_matches(status.lower(), STATUSES, n=1, cutoff=0.6)
        )
        problems.append(
            _problem(
                ERROR, path, line, "bad_status", value=status,
                hint_vi=f"; có phải là `{suggestion[0]}`?" if suggestion else "",
                hint_en=f"; did you mean `{suggestion[0]}`?" if suggestion else "",
            )
        )
    category, line = _first(meta, "category")
    if kind == "article" and category and config.categories and category not in config.categories:
        suggestion = closest(category, config.categories)
        if suggestion:
            problems.append(_problem(WARNING, path, line, "category_near", value=category, suggestion=suggestion))
        else:
            problems.append(_problem(INFO, path, line, "category_new", value=category))
    return problems


def check_dates(path, kind, meta: Metadata, config: CheckConfig):
    """(problems, published moment or None)."""
    problems, published = [], None
    for key, label in (("date", "Date"), ("modified", "Modified")):
        value, line = _first(meta, key)
        if not value:
            continue
        found, moment = _check_date_value(path, label, value, line, config)
        problems += found
        if key == "date":
            published = moment
            status, _ = _first(meta, "status")
            if moment is not None and moment > config.now and status != "draft":
                code = "future_date_published" if config.with_future_dates else "future_date_scheduled"
                problems.append(_problem(WARNING, path, line, code, value=value))
    return problems, published


def _resolve(target: str, path: str, root_relative: bool):
    """The content-relative path a link target names, or None for an external link."""
    prefix = next((p for p in INTRASITE_PREFIXES if target.startswith(p)), None)
    if prefix:
        target = target[len(prefix):]
    elif EXTERNAL_RE.match(target):
        return None, None
    location = urlparse(target).path
    if not location:
        return None, None
    if location.startswith("/") or root_relative:
        resolved = posixpath.normpath(location.lstrip("/"))
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), location))
    return prefix, resolved


def _exists(resolved: str, existing) -> bool:
    return resolved in existing or unquote(resolved) in existing


def _body_lines(lines, start):
    """(line number, text) of body lines outside fenced code blocks."""
    fence = None
    for index in range(start, len(lines)):
        line = lines[index]
        opening = FENCE_RE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield index + 1, line


def _links(lines, start):
    """(line, is_image, target, alt or None) for Markdown and HTML links and images."""
    for number, line in _body_lines(lines, start):
        for match in MD_LINK_RE.finditer(line):
            target = match.group("target").strip("<>")
            yield number, bool(match.group("bang")), target, match.group("text")
        for match in HTML_TAG_RE.finditer(line):
            attrs = {m.group("name").lower(): m.group("value").strip("\"'") for m in HTML_ATTR_RE.finditer(match.group("attrs"))}
            if match.group("tag").lower() == "img":
                yield number, True, attrs.get("src", ""), attrs.get("alt")
            elif "href" in attrs:
                yield number, False, attrs["href"], None


def check_links(path, lines, start, existing):
    problems = []
    for number, is_image, target, alt in _links(lines, start):
        if not target:
            continue
        if is_image and (alt is None or not alt.strip()):
            problems.append(_problem(WARNING, path, number, "missing_alt", target=target))
        prefix, resolved = _resolve(target, path, root_relative=False)
        if resolved is None:
            continue
        what = "image" if is_image else "link"
        if _exists(resolved, existing):
            if is_image and prefix is None and not target.startswith("/"):
                problems.append(
                    _problem(WARNING, path, number, "link_without_static", target=target, resolved_in_content=resolved)
                )
            continue
        if prefix is None and not is_image:
            continue  # a plain relative link may point to a page of the built site; not a file here
        if prefix is None and not target.startswith("/"):
            # An image written without {static}: found at the content root is the likely intent.
            at_root = posixpath.normpath(urlparse(target).path)
            if _exists(at_root, existing):
                problems.append(
                    _problem(WARNING, path, number, "link_without_static", target=target, resolved_in_content=at_root)
                )
                continue
        vi, en = messages.WHAT[what]
        problems.append(
            _problem(ERROR, path, number, "missing_file", what_vi=vi, what_en=en, target=target, resolved=resolved)
        )
    return problems


def check_cover(path, meta: Metadata, existing):
    value, line = _first(meta, "image")
    if not value:
        return []
    _prefix, resolved = _resolve(value, path, root_relative=True)
    if resolved is None or _exists(resolved, existing):
        return []
    vi, en = messages.WHAT["cover"]
    return [_problem(ERROR, path, line, "missing_file", what_vi=vi, what_en=en, target=value, resolved=resolved)]


def check_normalisation(path, lines):
    changed = [number for number, line in enumerate(lines, 1) if unicodedata.normalize("NFC", line) != line]
    if not changed:
        return []
    return [_problem(WARNING, path, changed[0], "nfd_text", count=len(changed))]


def _save_as(kind, meta: Metadata, slug, lang, moment, status, config: CheckConfig):
    explicit, _ = _first(meta, "save_as")
    if explicit:
        return explicit.lstrip("/")
    if kind == "page":
        klass = "DRAFT_PAGE" if status == "draft" else "PAGE"
    else:
        klass = "DRAFT" if status == "draft" else "ARTICLE"
    key = f"{klass}_SAVE_AS" if lang == config.default_lang else f"{klass}_LANG_SAVE_AS"
    pattern = config.save_as.get(key)
    if not pattern:
        return None
    category, _ = _first(meta, "category")
    author, _ = _first(meta, "author")
    fields = {name: entries[0][0] for name, entries in meta.values.items()}
    # Slugs of category and author only when the pattern uses them: slugify is the slow part.
    fields.update(
        slug=slug, lang=lang, date=moment,
        category=config.slugify(category) if category and "{category" in pattern else "",
        author=config.slugify(author) if author and "{author" in pattern else "",
    )
    try:
        return pattern.format(**fields).lstrip("/")
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return None


def check_file(path: str, data: bytes, existing, config: CheckConfig):
    """(problems, Entry or None) for one Markdown file."""
    kind = content_kind(path, config)
    if kind is None:
        return [], None
    text, problem = decode(path, data)
    if problem:
        return [problem], None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    problems = check_normalisation(path, lines)
    # Pelican reads the NFC text (vn_news' reader normalises first), so check what it will read.
    lines = [unicodedata.normalize("NFC", line).expandtabs(4) for line in lines]
    meta = parse_metadata(lines)
    key_problems = list(check_metadata_keys(path, meta, config))
    misspelt = {dict(p.params)["suggestion"].lower() for p in key_problems if p.code == "misspelt_key"}
    problems += key_problems
    problems += check_required(path, kind, meta, config, misspelt)
    problems += check_values(path, kind, meta, config)
    date_problems, moment = check_dates(path, kind, meta, config)
    problems += date_problems
    body = HTML_COMMENT_RE.sub("", "\n".join(lines[meta.body_start:]))
    if not body.strip():
        problems.append(_problem(ERROR, path, max(1, min(meta.body_start + 1, len(lines))), "empty_body"))
    problems += check_links(path, lines, meta.body_start, existing)
    problems += check_cover(path, meta, existing)

    title, title_line = _first(meta, "title")
    slug, slug_line = _first(meta, "slug")
    if not slug:
        source = title if config.slugify_source == "title" else posixpath.splitext(posixpath.basename(path))[0]
        slug, slug_line = (config.slugify(source), title_line or 1) if source else (None, 1)
    lang, _ = _first(meta, "lang")
    lang = lang or config.default_lang
    status, _ = _first(meta, "status")
    status = status if status in STATUSES else "published"
    if kind == "article" and not config.with_future_dates and moment is not None and moment > config.now:
        status = "draft"  # Pelican holds a future article back as a draft until its date
    entry = Entry(path, kind, slug, slug_line, lang, status)
    if slug and (kind == "page" or moment is not None or status == "draft"):
        entry.save_as = _save_as(kind, meta, slug, lang, moment, status, config)
        entry.year = moment.year if moment else None
    return problems, entry


# --- checks across files -----------------------------------------------------------------------


def check_collisions(entries):
    """Two files written to the same URL (an error), or two articles Pelican would take for
    translations of each other because they share a slug and a language (a warning)."""
    problems = []
    first_at = {}
    for entry in sorted(entries, key=lambda e: e.path):
        if entry.save_as is None:
            continue
        other = first_at.setdefault(entry.save_as, entry)
        if other is not entry:
            problems.append(_problem(ERROR, entry.path, entry.slug_line, "same_url", other=other.path, url=entry.save_as))
    same_url = {p.path for p in problems}
    first_slug = {}
    for entry in sorted(entries, key=lambda e: e.path):
        if not entry.slug or entry.path in same_url:
            continue
        other = first_slug.setdefault((entry.kind, entry.group, entry.slug, entry.lang), entry)
        if other is not entry and other.save_as != entry.save_as:
            year = entry.year or ""
            problems.append(
                _problem(WARNING, entry.path, entry.slug_line, "same_slug", other=other.path, slug=entry.slug, year=year)
            )
    return problems


def check_site(sources: dict, existing, config: CheckConfig) -> list:
    """Every problem of a content folder: `sources` maps each Markdown file's content-relative
    path to its bytes, `existing` holds every file's content-relative path."""
    existing = set(existing)
    problems, entries = [], []
    for path in sorted(sources):
        found, entry = check_file(path, sources[path], existing, config)
        problems += found
        if entry is not None:
            entries.append(entry)
    problems += check_collisions(entries)
    return sorted(problems, key=lambda p: (p.path, p.line, p.code))


def counts(problems) -> dict:
    return {severity: sum(1 for p in problems if p.severity == severity) for severity in (ERROR, WARNING, INFO)}


def format_problem(problem: Problem, lang: str = "vi", root: str = "") -> str:
    """`content/2022/a.md:3: lỗi: what is wrong — how to fix it`."""
    label = messages.SEVERITY_LABELS[lang][problem.severity]
    return f"{join_root(root, problem.path)}:{problem.line}: {label}: {problem.message(lang, root)}"


def format_summary(problems, files: int, lang: str = "vi") -> str:
    number = counts(problems)
    text = messages.SUMMARY[lang].format(files=files, errors=number[ERROR], warnings=number[WARNING], infos=number[INFO])
    return text + (messages.SUMMARY_FAILED[lang] if number[ERROR] else "")
