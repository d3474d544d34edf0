"""The editors' safety net: check every file of the content folder before Pelican reads it.

Pure: no Pelican imports and no file system access. The caller hands in each content file's
bytes, what Pelican's own discovery found (a Discovery), the set of files under the content
folder and a CheckConfig (built from the settings by the glue, with Pelican's slugify, get_date
and save-as), and gets back a list of Problems, each with a severity, a file, a line and a message.

The metadata block is read by vn_core.front_matter, the same reader the build uses, so the line
of a key here is the line the build reads it from, and a date is read by vn_core.dates, as the
build reads it."""

import codecs
import difflib
import fnmatch
import json
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable
from urllib.parse import unquote, urlparse
from zoneinfo import ZoneInfo

# The one rule for view counts, shared with what the site shows.
from trangtin.vn_core.vietnamese import WHOLE_NUMBER_RE, fold as _fold
from trangtin.vn_core.dates import DateProblem, parse_date
from trangtin.vn_core.embeds import DEFAULT_IFRAME_HOSTS, iframe_allowed
from trangtin.vn_core.front_matter import KEY_RE, Block, canonical_key, parse_block
from trangtin.vn_core.links import address_problem, cover_problem, split_intrasite
from trangtin.vn_core.redirects import DEFAULT_DATA as DEFAULT_REDIRECTS_DATA, RedirectDataError, UnsafeRedirect, page_file
from trangtin.vn_core.redirects import loads as load_redirects
from trangtin.vn_core.slugs import content_slug
from trangtin.vn_core.uploads import DEFAULT_MAX_PIXELS

from . import messages
from trangtin.vn_core.legacy_encodings import guess_legacy_encoding

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
# Files editors put next to articles that Pelican does not read, and what each gets.
TEXT_EXTENSIONS = ("txt",)
HTML_EXTENSIONS = ("html", "htm")
RST_EXTENSIONS = ("rst", "rest")
DOCUMENT_EXTENSIONS = ("docx", "doc", "pdf", "xlsx", "xls", "pptx", "ppt", "odt", "ods")
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "svg", "avif")

MD_LINK_RE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(?P<target><[^>\n]*>|(?:[^()\s]|\([^()\s]*\))(?:[^()\n]|\([^()\n]*\))*?)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
HTML_TAG_RE = re.compile(r"<(?P<tag>img|a|iframe)\b(?P<attrs>[^>]*)>", re.IGNORECASE)
HTML_ATTR_RE = re.compile(r"(?P<name>[A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
# A body holding only comments (the newpost template) is still empty: comments never show.
HTML_COMMENT_RE = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Params that name a file of the content folder: shown with the same root as the file itself.
PATH_PARAMS = {"other", "resolved"}
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
    static_paths: tuple = ("images",)
    with_future_dates: bool = True
    slugify_source: str = "title"
    # Pelican's get_date (vn_core.dates imports it lazily when this is None).
    get_date: Callable | None = None
    # Pelican's own save-as: (kind, {key: text}, path) -> the file it writes, or None.
    save_as_of: Callable | None = None
    iframe_hosts: tuple = DEFAULT_IFRAME_HOSTS
    # The redirects plugin's data (REDIRECTS_DATA), in the content folder.
    redirects_data: str = DEFAULT_REDIRECTS_DATA
    # issue 20 (files on disk): photos above this many pixels are refused (PHOTOS_MAX_PIXELS).
    max_pixels: int = DEFAULT_MAX_PIXELS
    # issue 27: the documents register's folder (VAN_BAN_PATH of plugins/van_ban); "" for none.
    documents_path: str = "van-ban"
    # Files the site itself writes (404, search, sitemap, feeds, category pages…): save_as ->
    # (Vietnamese name, English name); a content file written there would replace it.
    product_pages: dict = field(default_factory=dict)


@dataclass
class Discovery:
    """What Pelican's own file discovery finds (glue asks Pelican's generators), content-relative."""

    articles: set = field(default_factory=set)
    pages: set = field(default_factory=set)
    static: set = field(default_factory=set)
    files: set = field(default_factory=set)  # every file not ignored by IGNORE_FILES
    extensions: tuple = MARKDOWN_EXTENSIONS  # the enabled readers' extensions
    # issue 20 (files on disk): symlinks leading out of the folder or looping, left out of the sets above.
    unsafe_links: dict = field(default_factory=dict)


@dataclass
class Entry:
    """What the cross-file checks need to know about one file."""

    path: str
    kind: str  # "article" or "page"
    slug: str | None = None
    slug_line: int = 1
    slug_typed: bool = False  # the slug comes from a `Slug:` line (maybe copied with an old article)
    save_as_line: int | None = None  # the line of a `Save_as:` / `Url:` that sets the address
    lang: str = "vi"
    group: str = "published"  # Pelican finds translations among published, hidden and drafts apart
    save_as: str | None = None
    year: int | None = None
    moment: datetime | None = None


def join_root(root: str, path: str) -> str:
    return posixpath.join(root, path) if root else path


def _problem(severity, path, line, code, **params) -> Problem:
    return Problem(severity, path, line, code, tuple(params.items()))


# --- which files are content -------------------------------------------------------------------


def _under(path: str, folder: str) -> bool:
    folder = folder.strip("/")
    return folder == "" or path == folder or path.startswith(folder + "/")


def _ignored(path: str, config: CheckConfig) -> bool:
    name = posixpath.basename(path)
    return any(fnmatch.fnmatch(name, pattern) for pattern in config.ignore_files)


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


def _first(meta: Block, key: str):
    """(value, line) of a key as the build reads it (the first definition)."""
    item = meta.first(key)
    return (item.value, item.line) if item else (None, None)


def read_date(value: str, now: datetime = None, get_date=None):
    """The date the build reads (vn_core.dates), or None when it cannot."""
    try:
        return parse_date(value, get_date)
    except DateProblem:
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


def check_block(path, meta: Block):
    """What the metadata reader found wrong: a key given twice, a line that is not `key: value`."""
    for code, line, params in meta.problems:
        yield _problem(ERROR, path, line, code, **params)


def check_metadata_keys(path, meta: Block, config: CheckConfig):
    known = {key.lower(): key for key in config.known_keys}
    for item in meta.fields:
        if item.key in known:
            continue
        suggestion = difflib.get_close_matches(item.written.lower(), list(known), n=1, cutoff=0.75)
        if suggestion:
            yield _problem(ERROR, path, item.line, "misspelt_key", key=item.written, suggestion=known[suggestion[0]])
        else:
            yield _problem(WARNING, path, item.line, "unknown_key", key=item.written, keys=", ".join(config.known_keys))


def _check_date_value(path, key_label, value, line, config):
    """(problems, moment) for a Date or Modified value."""
    try:
        moment = parse_date(value, config.get_date)
    except DateProblem as problem:
        extra = {"day": problem.day, "month": problem.month, "year": problem.year, "last": problem.last}
        params = dict(key=key_label, value=value, **(extra if problem.code == "no_such_day" else {}))
        return [_problem(ERROR, path, line, problem.code, **params)], None
    return [], _localise(moment, config.timezone)


def keys_after_blank(lines, meta: Block, config: CheckConfig):
    """(blank line, [keys]) when `Key: value` lines of known keys follow the blank line that ended
    the metadata (an editor's stray blank line): the build reads them as the article's text."""
    if meta.style != "pelican" or not meta.body_start or lines[meta.body_start - 1].strip():
        return None, []
    known = {key.lower() for key in config.known_keys}
    found = []
    for line in lines[meta.body_start:]:
        match = KEY_RE.match(line)
        if not match or canonical_key(match.group("key")) not in known:
            break
        found.append(match.group("key").strip())
    return meta.body_start, found


def check_required(path, kind, meta: Block, config: CheckConfig, misspelt=(), lines=()):
    """Missing Title, Date, Category; a key already reported as misspelt is not reported again,
    nor one written below a stray blank line (that blank line is the problem)."""
    problems = []
    blank, below = keys_after_blank(lines, meta, config)
    if below:
        problems.append(_problem(ERROR, path, blank, "metadata_after_blank", keys=", ".join(f"`{key}:`" for key in below)))
        misspelt = set(misspelt) | {canonical_key(key) for key in below}
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


def _line_of(meta: Block, key: str) -> int:
    """The line of a key written without a value; line 1, the top of the metadata, for a missing key."""
    _, line = _first(meta, key)
    return line or 1


def check_values(path, kind, meta: Block, config: CheckConfig):
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
            # A typo of a known category would open a new one (breadcrumb, JSON-LD): the build stops.
            problems.append(_problem(ERROR, path, line, "category_near", value=category, suggestion=suggestion))
        else:
            problems.append(_problem(INFO, path, line, "category_new", value=category))
    return problems


def check_dates(path, kind, meta: Block, config: CheckConfig):
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
    prefix, target = split_intrasite(target)
    if prefix is None and EXTERNAL_RE.match(target):
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


def _decomposed_name(resolved: str, existing):
    """The file's name on disk when it differs from `resolved` only by Unicode normalisation."""
    wanted = unicodedata.normalize("NFC", unquote(resolved))
    for name in existing:
        if name != wanted and unicodedata.normalize("NFC", name) == wanted:
            return name
    return None


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


def _attributes(text):
    return {m.group("name").lower(): m.group("value").strip("\"'") for m in HTML_ATTR_RE.finditer(text)}


def _links(lines, start):
    """(line, is_image, target, alt or None) for Markdown and HTML links and images."""
    for number, line in _body_lines(lines, start):
        for match in MD_LINK_RE.finditer(line):
            target = match.group("target").strip().strip("<>")
            yield number, bool(match.group("bang")), target, match.group("text")
        for match in HTML_TAG_RE.finditer(line):
            attrs = _attributes(match.group("attrs"))
            if match.group("tag").lower() == "img":
                yield number, True, attrs.get("src", ""), attrs.get("alt")
            elif match.group("tag").lower() == "a" and "href" in attrs:
                yield number, False, attrs["href"], None


def _in_static(resolved: str, config: CheckConfig) -> bool:
    return any(_under(resolved, folder) for folder in config.static_paths)


def _static_folders(config):
    return ", ".join(f"{folder}/" for folder in config.static_paths)


def _missing_or_misnamed(path, number, what, target, resolved, existing):
    decomposed = _decomposed_name(resolved, existing)
    if decomposed is not None:
        return _problem(ERROR, path, number, "nfd_file_name", target=target, resolved=decomposed)
    vi, en = messages.WHAT[what]
    return _problem(ERROR, path, number, "missing_file", what_vi=vi, what_en=en, target=target, resolved=resolved)


def check_links(path, lines, start, existing, config: CheckConfig = None):
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
            elif config is not None and prefix in ("{static}", "|static|") and not _in_static(unquote(resolved), config):
                problems.append(
                    _problem(ERROR, path, number, "not_in_static", target=target, folders=_static_folders(config))
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
        problems.append(_missing_or_misnamed(path, number, what, target, resolved, existing))
    return problems


def check_cover(path, meta: Block, existing, config: CheckConfig = None):
    value, line = _first(meta, "image")
    if not value:
        return []
    unsafe = cover_problem(value)
    if unsafe:
        return [_unsafe_value(path, meta.first("image"), "unsafe_cover", unsafe)]
    _prefix, resolved = _resolve(value, path, root_relative=True)
    if resolved is None:
        return []
    if not _exists(resolved, existing):
        return [_missing_or_misnamed(path, line, "cover", value, resolved, existing)]
    if config is not None and not _in_static(unquote(resolved), config):
        return [_problem(ERROR, path, line, "cover_not_static", target=value, folders=_static_folders(config))]
    return []


# Python-Markdown's block-level tags: a paragraph opening with one is raw HTML, left unparsed.
BLOCK_TAGS = (
    "address article aside blockquote center details dialog div dl fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup main nav ol p section table ul"
).split()
HTML_BLOCK_RE = re.compile(r"^ {0,3}<(?P<tag>[A-Za-z][A-Za-z0-9]*)\b(?P<attrs>[^>]*)>", re.IGNORECASE)


def _html_block_lines(lines, start):
    """(line number, text, tag) of the lines of raw HTML blocks, whose Markdown is not read (a
    block-level tag opening a paragraph, without md_in_html's `markdown="1"`), to the blank line."""
    tag, previous_blank = None, True
    for number, line in _body_lines(lines, start):
        if not line.strip():
            tag, previous_blank = None, True
            continue
        opening = HTML_BLOCK_RE.match(line) if previous_blank else None
        if opening and opening.group("tag").lower() in BLOCK_TAGS and "markdown" not in _attributes(opening.group("attrs")):
            tag = opening.group("tag")
        previous_blank = False
        if tag:
            yield number, line, tag


def check_markdown_in_html(path, lines, start):
    """`<center>![Ảnh]({static}/images/a.jpg)</center>`: Markdown inside raw HTML is published as
    the literal text (and goes into the description); say so on its line, with both fixes."""
    problems = []
    for number, line, tag in _html_block_lines(lines, start):
        for match in MD_LINK_RE.finditer(line):
            vi, en = messages.WHAT["image" if match.group("bang") else "link"]
            problems.append(_problem(ERROR, path, number, "markdown_in_html_block", what_vi=vi, what_en=en,
                                     target=match.group("target").strip(), tag=tag, written=match.group()))
    return problems


def check_embeds(path, lines, start, config: CheckConfig):
    """An <iframe> from a host off the allow-list is removed from the page: say so on its line."""
    problems = []
    for number, line in _body_lines(lines, start):
        for match in HTML_TAG_RE.finditer(line):
            if match.group("tag").lower() != "iframe":
                continue
            src = _attributes(match.group("attrs")).get("src", "")
            if not iframe_allowed(src, config.iframe_hosts):
                problems.append(_problem(WARNING, path, number, "iframe_removed", src=src or "?"))
    return problems


def check_comments(path, lines, start):
    """An HTML comment never closed hides (or, once the sanitiser is done, shows) everything after it."""
    open_at = None
    for number, line in _body_lines(lines, start):
        position = 0
        while True:
            if open_at is None:
                found = line.find("<!--", position)
                if found < 0:
                    break
                open_at, position = number, found + 4
            else:
                found = line.find("-->", position)
                if found < 0:
                    break
                open_at, position = None, found + 3
    return [_problem(ERROR, path, open_at, "unclosed_comment")] if open_at else []


def check_normalisation(path, lines):
    changed = [number for number, line in enumerate(lines, 1) if unicodedata.normalize("NFC", line) != line]
    if not changed:
        return []
    return [_problem(WARNING, path, changed[0], "nfd_text", count=len(changed))]


def _slug(path, meta: Block, config: CheckConfig):
    """(slug, line, problems): the slug the build uses (vn_core.slugs, Pelican's slugify)."""
    title, title_line = _first(meta, "title")
    typed, typed_line = _first(meta, "slug")
    basename = posixpath.splitext(posixpath.basename(path))[0]
    slug = content_slug(title, typed, config.slugify, config.slugify_source, basename)
    if typed is not None and typed.strip():
        if not slug:
            return None, typed_line, [_problem(ERROR, path, typed_line, "no_slug", value=typed)]
        if slug != typed.strip():
            return slug, typed_line, [_problem(WARNING, path, typed_line, "slug_normalised", value=typed, slug=slug)]
        return slug, typed_line, []
    if title and slug == "" and config.slugify_source == "title":
        return None, title_line, [_problem(ERROR, path, title_line, "no_slug", value=title)]
    return slug, title_line or 1, []


def _save_as(kind, meta: Block, slug, status, path, config: CheckConfig):
    """The file Pelican writes for this file: asked of Pelican's own content classes."""
    if config.save_as_of is None:
        return None
    fields = meta.values()
    fields["slug"] = slug
    fields["status"] = status
    try:
        return config.save_as_of(kind, fields, path)
    except Exception:  # noqa: BLE001 - Pelican raises many kinds on odd metadata; the URL is then unknown
        return None


def _kind_problems(path, kind, meta: Block):
    """A news article (with Date and Category) among the pages becomes a menu page."""
    if kind == "page" and meta.first("date") and meta.first("category"):
        return [_problem(WARNING, path, 1, "news_in_pages", folder=path.split("/", 1)[0])]
    return []


def check_file(path: str, data: bytes, existing, config: CheckConfig, kind=None):
    """(problems, Entry or None) for one content file that Pelican reads."""
    kind = kind or content_kind(path, config)
    if kind is None:
        return [], None
    text, problem = decode(path, data)
    if problem:
        return [problem], None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    problems = check_normalisation(path, lines)
    problems += check_control_characters(path, lines)
    # The build reads the NFC text (vn_news' reader normalises first), so check what it will read.
    lines = [unicodedata.normalize("NFC", line).expandtabs(4) for line in lines]
    meta = parse_block(lines)
    problems += check_block(path, meta)
    key_problems = list(check_metadata_keys(path, meta, config))
    misspelt = {dict(p.params)["suggestion"].lower() for p in key_problems if p.code == "misspelt_key"}
    problems += key_problems
    problems += check_required(path, kind, meta, config, misspelt, lines)
    problems += check_values(path, kind, meta, config)
    problems += check_addresses(path, meta)
    problems += _kind_problems(path, kind, meta)
    date_problems, moment = check_dates(path, kind, meta, config)
    problems += date_problems
    body = HTML_COMMENT_RE.sub("", "\n".join(lines[meta.body_start:]))
    if not body.strip():
        problems.append(_problem(ERROR, path, max(1, min(meta.body_start + 1, len(lines))), "empty_body"))
    problems += check_links(path, lines, meta.body_start, existing, config)
    problems += check_cover(path, meta, existing, config)
    problems += check_embeds(path, lines, meta.body_start, config)
    problems += check_comments(path, lines, meta.body_start)
    problems += check_markdown_in_html(path, lines, meta.body_start)

    slug, slug_line, slug_problems = _slug(path, meta, config)
    problems += slug_problems
    lang, _ = _first(meta, "lang")
    lang = lang or config.default_lang
    status, _ = _first(meta, "status")
    status = status if status in STATUSES else "published"
    if kind == "article" and not config.with_future_dates and moment is not None and moment > config.now:
        status = "draft"  # Pelican holds a future article back as a draft until its date
    typed, _ = _first(meta, "slug")
    address = meta.first("save_as") or meta.first("url")
    entry = Entry(path, kind, slug, slug_line, bool(typed and typed.strip()), address.line if address else None,
                  lang, status, moment=moment)
    if slug and (kind == "page" or moment is not None or status == "draft"):
        entry.save_as = _save_as(kind, meta, slug, status, path, config)
        entry.year = moment.year if moment else None
    return problems, entry


# --- metadata that becomes an address or a file, and control characters (issue 20) -------------

# Keys whose value becomes a link of the site or a path in the output (vn_core.links.address_problem).
# Slug is not among them: a typed slug is slugified (vn_core.slugs), so it cannot hold `/` or `..`.
ADDRESS_KEYS = ("url", "save_as", "template", "lang")
# C0 controls but tab (LF and CR end lines), DEL, C1 controls and the two noncharacters XML refuses.
CONTROL_CHARACTER_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _unsafe_value(path, item, code, unsafe) -> Problem:
    reason, detail = unsafe
    vi, en = messages.ADDRESS_REASONS[reason]
    return _problem(ERROR, path, item.line, code, key=item.written, value=item.value,
                    reason_vi=vi.format(detail=detail), reason_en=en.format(detail=detail))


def check_addresses(path, meta: Block):
    """`Url: javascript:…`, `Save_as: ../../x`, `Url: //other.example/`: a value that would become a
    link to another site, a script, or a file outside the output."""
    problems = []
    for key in ADDRESS_KEYS:
        item = meta.first(key)
        unsafe = address_problem(item.value) if item and item.value else None
        if unsafe:
            problems.append(_unsafe_value(path, item, "unsafe_address", unsafe))
    return problems


def check_control_characters(path, lines):
    """Invisible control characters (Word's soft line break U+000B, NUL, ESC…): XML refuses them, so
    the feeds could not be written; one problem a line, naming the first."""
    problems = []
    for number, line in enumerate(lines, 1):
        found = CONTROL_CHARACTER_RE.search(line)
        if found:
            code = ord(found.group())
            vi, en = messages.control_character_name(code)
            problems.append(_problem(ERROR, path, number, "control_character", char=f"U+{code:04X}",
                                     name_vi=vi, name_en=en, column=found.start() + 1))
    return problems


# --- files Pelican does not read ------------------------------------------------------------------


def _extension(path: str) -> str:
    return posixpath.splitext(path)[1][1:].lower()


# What operating systems and Office leave beside files: never the editor's content.
SYSTEM_FILES = ("thumbs.db", "desktop.ini")


def check_unread(path: str, discovery: Discovery, config: CheckConfig):
    """A file under the content folder that is neither built nor copied as it should be."""
    ext = _extension(path)
    name = posixpath.basename(path)
    if name.startswith((".", "~$")) or name.lower() in SYSTEM_FILES:
        return []
    if path in discovery.static:
        if ext in MARKDOWN_EXTENSIONS or ext in discovery.extensions:
            return [_problem(WARNING, path, 1, "markdown_in_static", folder=path.split("/", 1)[0])]
        return []
    if ext in TEXT_EXTENSIONS and content_kind(name_without(path, ext) + ".md", config) is None:
        # `extra/robots.txt`: renamed to .md it would not be read either (ARTICLE_EXCLUDES, PAGE_PATHS…).
        return [_not_published(path, config)]
    if ext in TEXT_EXTENSIONS:
        inner = _extension(name[: -len(ext) - 1])
        suggestion = name[: -len(ext) - 1] if inner in MARKDOWN_EXTENSIONS else name[: -len(ext)] + "md"
        return [_problem(ERROR, path, 1, "txt_file", suggestion=suggestion)]
    if ext in HTML_EXTENSIONS:
        return [_problem(ERROR, path, 1, "html_file")]
    if ext in RST_EXTENSIONS:
        return [_problem(ERROR, path, 1, "rst_file")]
    if ext in DOCUMENT_EXTENSIONS:
        return [_problem(WARNING, path, 1, "document_file", name=name, folder=_downloads_folder(config))]
    if ext in IMAGE_EXTENSIONS:
        return [_problem(WARNING, path, 1, "image_not_static", folders=_static_folders(config))]
    if ext in MARKDOWN_EXTENSIONS or ext in discovery.extensions:
        # Outside ARTICLE_PATHS / PAGE_PATHS (a notes file): not published, and that is fine.
        return [_problem(INFO, path, 1, "not_read")]
    return [_not_published(path, config)]


def name_without(path: str, ext: str) -> str:
    return path[: -len(ext) - 1]


def _not_published(path, config: CheckConfig) -> Problem:
    return _problem(INFO, path, 1, "not_published", name=posixpath.basename(path), folders=_static_folders(config),
                    downloads=_downloads_folder(config))


def _downloads_folder(config: CheckConfig) -> str:
    return next((folder for folder in config.static_paths if folder != "images"), config.static_paths[0] if config.static_paths else "tai-lieu")


def discover(existing, config: CheckConfig) -> Discovery:
    """A Discovery from the settings alone, for callers without Pelican (unit tests)."""
    found = Discovery(files={path for path in existing if not _ignored(path, config)})
    for path in found.files:
        if any(_under(path, folder) for folder in config.static_paths) and not any(
            part.startswith(".") for part in path.split("/")
        ):
            found.static.add(path)
        kind = content_kind(path, config)
        if kind == "article" and path not in found.static:
            found.articles.add(path)
        elif kind == "page":
            found.pages.add(path)
    return found


# --- checks across files -----------------------------------------------------------------------


PRODUCT_FIX = {
    "address": ("xóa dòng `Save_as:` / `Url:` này, hoặc đặt một địa chỉ khác",
                "delete this `Save_as:` / `Url:` line, or give another address"),
    "slug": ("đặt `Slug:` khác cho nó", "give it another `Slug:`"),
}


def _product_clash(entry, product_vi, product_en):
    fix_vi, fix_en = PRODUCT_FIX["address" if entry.save_as_line else "slug"]
    kind_vi, kind_en = ("trang", "page") if entry.kind == "page" else ("bài", "article")
    return _problem(ERROR, entry.path, entry.save_as_line or entry.slug_line, "same_url_product", url=entry.save_as,
                    kind_vi=kind_vi, kind_en=kind_en, product_vi=product_vi, product_en=product_en,
                    fix_vi=fix_vi, fix_en=fix_en)


def check_collisions(entries, product_pages=None):
    """Two files written to the same URL (an error), or two articles Pelican would take for
    translations of each other because they share a slug and a language (a warning on the newer
    one: the older one's address is already published); a file written where the site writes one
    of its own pages (`product_pages`, save_as -> names) is an error naming both."""
    product_pages = product_pages or {}
    problems = []
    first_at = {}
    for entry in sorted(entries, key=lambda e: e.path):
        if entry.save_as is None:
            continue
        if entry.save_as in product_pages:
            problems.append(_product_clash(entry, *product_pages[entry.save_as]))
            continue
        other = first_at.setdefault(entry.save_as, entry)
        if other is entry:
            continue
        if entry.slug_typed and entry.save_as_line is None:
            problems.append(_problem(ERROR, entry.path, entry.slug_line, "same_url_slug", other=other.path,
                                     url=entry.save_as, slug=entry.slug))
        else:
            problems.append(_problem(ERROR, entry.path, entry.save_as_line or entry.slug_line, "same_url",
                                     other=other.path, url=entry.save_as))
    same_url = {p.path for p in problems}
    first_slug = {}
    far = datetime.max.replace(tzinfo=ZoneInfo("UTC"))
    for entry in sorted(entries, key=lambda e: (e.moment or far, e.path)):
        if not entry.slug or entry.path in same_url:
            continue
        other = first_slug.setdefault((entry.kind, entry.group, entry.slug, entry.lang), entry)
        if other is not entry and other.save_as != entry.save_as:
            year = entry.year or ""
            problems.append(
                _problem(WARNING, entry.path, entry.slug_line, "same_slug", other=other.path, slug=entry.slug, year=year)
            )
    return problems


def _line_of_text(lines, needle: str, after: int = 0) -> int:
    """The first line after line `after` that holds `needle` (entries are listed in order)."""
    return next((number for number, line in enumerate(lines, 1) if number > after and needle in line), after or 1)


def check_redirects(text: str, entries, config: CheckConfig):
    """The redirect data (vn_core.redirects) against the content: each entry is safe to write (no
    `..`, backslash or control character, `to` inside the content folder), each old address leads to
    a file that exists, appears once, and does not take the address of a page the site writes."""
    name = config.redirects_data
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return [_problem(ERROR, name, error.lineno, "redirects_json", detail=error.msg)]
    unsafe = []
    try:
        redirects = load_redirects(text, name, unsafe)
    except RedirectDataError as error:
        return [_problem(ERROR, name, error.line or 1, "redirects_format", detail=error.detail)]
    problems = [_problem(ERROR, name, error.line or 1, "redirect_unsafe" if isinstance(error, UnsafeRedirect) else "redirects_format",
                         detail=error.detail) for error in unsafe]
    lines = text.split("\n")
    by_path = {entry.path: entry for entry in entries}
    written = {entry.save_as: entry for entry in entries if entry.save_as}
    first_line, line = {}, 0
    for redirect in redirects:
        line = redirect.line or _line_of_text(lines, json.dumps(redirect.old, ensure_ascii=False), line)
        if redirect.old in first_line:
            problems.append(_problem(ERROR, name, line, "redirect_duplicate", old=redirect.old, first=first_line[redirect.old]))
            continue
        first_line[redirect.old] = line
        if redirect.source not in by_path:
            problems.append(_problem(ERROR, name, line, "redirect_missing_target", old=redirect.old, target=redirect.source))
            continue
        taken = written.get(page_file(redirect.path)) if not redirect.query else None
        if taken is not None:
            problems.append(_problem(ERROR, name, line, "redirect_same_url", old=redirect.old, url=taken.save_as, other=taken.path))
    return sorted(problems, key=lambda problem: problem.line)


def _in_order(function, items) -> list:
    return [function(item) for item in items]


def check_site(sources: dict, existing, config: CheckConfig, discovery: Discovery = None, redirects: str = None,
               mapper=_in_order) -> list:
    """Every problem of a content folder: `sources` maps each content file's content-relative
    path to its bytes, `existing` holds every file's content-relative path, `discovery` what
    Pelican reads (from the settings alone when None), `redirects` the text of the redirect data
    when the folder has it. `mapper(function, items)` answers [function(item) for item in items]
    in order: the glue hands in one that shares the files between processes."""
    existing = set(existing)
    discovery = discovery or discover(existing, config)
    problems, entries = [], []

    def one_file(path):
        return check_file(path, sources[path], existing, config, "page" if path in discovery.pages else "article")

    for found, entry in mapper(one_file, sorted(sources)):
        problems += found
        if entry is not None:
            entries.append(entry)
    problems += check_collisions(entries, config.product_pages)
    if redirects is not None:
        problems += check_redirects(redirects, entries, config)
    for path in sorted(discovery.files - set(sources) - {config.redirects_data}):
        problems += check_unread(path, discovery, config)
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
