"""The file system edge of the import: read the sources, write Markdown files, media and redirect
data into the content folder without ever overwriting, check the result, write the report."""

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from PIL import Image
from pelican.utils import slugify as pelican_slugify

from trangtin.vn_core.paths import confined_join, is_inside
from trangtin.vn_core.redirects import Redirect, UnsafeRedirect, dumps as dump_redirects, loads as load_redirects, old_address
from trangtin.vn_core.slugs import cap_slug, normalise_slug
from trangtin.vn_core.vietnamese import fold

from . import legacy, word, wxr
from .html_to_markdown import HtmlTooComplex, convert
from .report import Report, render
from .text import is_upper_case, one_line, one_url

ORIGIN_KEY = "Legacy-URL"
ORIGIN_KEYS = (ORIGIN_KEY, word.ORIGIN_KEY)
META_LINE_RE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)")
PAGE_SUFFIXES = (".html", ".htm", ".aspx", ".asp", ".php", ".jsp", ".cfm")
# Only photos and documents are copied: a browser runs the script of an HTML, SVG or XML file opened
# on the site's own origin. Photos must really open as one of these raster formats.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp")
IMAGE_FORMATS = {"JPEG", "MPO", "PNG", "GIF", "WEBP", "BMP"}
SVG_SUFFIXES = (".svg", ".svgz")
DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".7z", ".odt", ".ods", ".odp",
                    ".txt", ".mp3", ".mp4")
MEDIA_SUFFIXES = IMAGE_SUFFIXES + SVG_SUFFIXES + DOCUMENT_SUFFIXES
UNSAFE_NAME_RE = re.compile(r"[/\\\x00-\x1f\x7f]+|\.{2,}")
RESIZED_RE = re.compile(r"-(\d+x\d+|scaled)(?=\.[A-Za-z0-9]+$)")
PLACEHOLDER_TITLE = "Bài chưa có tiêu đề"
WORDPRESS_NO_CATEGORY = {"uncategorized", "chua phan loai", "chua duoc phan loai"}


@dataclass
class Options:
    source: Path
    content: Path
    uploads: Path | None = None
    settings: dict = field(default_factory=dict)  # Pelican settings
    config: dict = field(default_factory=dict)  # {"categories": {...}, "selectors": {...}, "old_domains": [...]}
    report_path: Path | None = None
    check: bool = True
    category: str | None = None  # Word files: their category (default: NEWS_DEFAULT_CATEGORY)
    publish: bool = False  # Word files: published at once instead of Status: draft


def url_key(url: str) -> str:
    """One spelling per old address: no scheme, no www, lower case, no fragment."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = unquote(parts.path or "/").lower()
    return f"{host}{path}" + (f"?{parts.query.lower()}" if parts.query else "")


def is_raster_image(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.verify()
            return image.format in IMAGE_FORMATS
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of error for a file that is not a photo
        return False


def media_refusal(path: Path) -> str | None:
    """The report code for a local file the importer must not copy, or None."""
    suffix = path.suffix.lower()
    if suffix in SVG_SUFFIXES:
        return "svg_refused"
    if suffix in IMAGE_SUFFIXES:
        return None if is_raster_image(path) else "media_not_image"
    return None if suffix in DOCUMENT_SUFFIXES else "media_type"


def read_meta(text: str) -> dict:
    meta = {}
    for line in text.splitlines():
        if not line.strip():
            break
        match = META_LINE_RE.match(line)
        if not match:
            break
        meta[match.group(1).lower()] = match.group(2).strip()
    return meta


class Importer:
    def __init__(self, options: Options):
        self.o = options
        self.settings = options.settings
        self.content = options.content
        self.report = Report(str(options.source))
        self.categories = list(self.settings.get("NEWS_CATEGORIES", ()))
        self.mapping = {fold(k): v for k, v in (options.config.get("categories") or {}).items()}
        self.zone = self.settings.get("TIMEZONE", "Asia/Ho_Chi_Minh")
        self.existing_origins = {}  # url_key -> content file
        self.taken_files = set()
        self.taken_urls = {}
        self.media_done = {}  # source file -> content-relative path
        self.written = []
        self.old_domains = {url_key("http://" + d).split("/")[0] for d in options.config.get("old_domains", [])}

    def slugify(self, text):
        return pelican_slugify(text, regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []))

    # --- what the content folder already holds -------------------------------------------------

    def scan_content(self):
        for path in sorted(self.content.rglob("*.md")):
            relative = path.relative_to(self.content).as_posix()
            self.taken_files.add(relative)
            try:
                meta = read_meta(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, OSError):
                continue
            for key in ORIGIN_KEYS:
                if key.lower() in meta:
                    self.existing_origins[url_key(meta[key.lower()])] = relative
            slug = meta.get("slug") or (self.slugify(meta["title"]) if meta.get("title") else None)
            date = meta.get("date", "")
            if slug:
                self.taken_urls[(date[:7], slug)] = relative

    # --- sources ---------------------------------------------------------------------------------

    def read_sources(self):
        source = self.o.source
        words = word_files(source)
        if words:
            return self.read_word(words)
        if source.is_file():
            try:
                data = source.read_bytes()
            except OSError as error:
                self.report.general.append(("unreadable_file", f"{source}: {error}"))
                return []
            items, problems, site_urls = wxr.read_wxr(data, self.zone, source.name)
            self.report.general.extend(problems)
            for url in site_urls:
                self.old_domains.add(url_key(url).split("/")[0])
            return items
        items, self.listings = [], []
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            relative = path.relative_to(source).as_posix()
            name = path.name.lower()
            if not (name.endswith(PAGE_SUFFIXES) or re.search(r"\.(aspx?|php)[?@]", name)):
                continue
            if not is_inside(path, source):
                self.report.general.append(("page_outside", f"`{relative}`"))
                continue
            if "." in relative.split("/")[0] and len(relative.split("/")) > 1:
                self.old_domains.add(relative.split("/")[0].lower().removeprefix("www."))
            try:
                page = legacy.parse_page(path.read_bytes(), relative, self.zone, self.o.config.get("selectors"))
            except HtmlTooComplex as error:
                self.report.general.append(("page_too_complex", f"`{relative}` ({error})"))
                continue
            except (OSError, RecursionError) as error:
                self.report.general.append(("unreadable_file", f"{relative}: {error}"))
                continue
            if page.item is not None:
                items.append(page.item)
            elif page.listing is not None:
                self.listings.append(page.listing)
            else:
                self.report.general.append(("not_article", f"`{relative}` ({page.reason})"))
        return items

    def read_word(self, paths):
        """Every Word file, or WordError naming each one that cannot be read (then nothing is written)."""
        items, errors = [], []
        category = self.o.category or self.default_category()
        for path in paths:
            try:
                item = word.read_docx(path.read_bytes(), str(path), self.zone, self.o.publish)
            except word.WordError as error:
                errors.append(str(error))
                continue
            except OSError as error:
                errors.append(f"{path}: không đọc được tệp ({error.strerror})")
                continue
            item.categories = [category] if category else []
            if not self.o.category and category:
                item.notes.append(("category_default", category))
            items.append(item)
        if errors:
            raise word.WordError("\n".join(errors))
        return items

    # --- naming ----------------------------------------------------------------------------------

    def place(self, item, entry):
        """The content file and slug for a new item: never an existing file, never an existing URL."""
        # The slug names the file: normalised like a typed Slug: and capped; whatever a site's own
        # SLUG_REGEX_SUBSTITUTIONS keep, never a separator or a `..` (the write is confined as well).
        base = normalise_slug(unquote(item.slug), self.slugify) if item.slug else ""
        base = base or cap_slug(self.slugify(item.title))
        base = UNSAFE_NAME_RE.sub("-", base).strip("-.") or "bai-viet"
        folder = "pages" if item.kind == "page" else f"{item.date:%Y}"
        month = f"{item.date:%Y-%m}"
        slug, number = base, 1
        while True:
            relative = f"{folder}/{slug}.md"
            url_key_ = ("page" if item.kind == "page" else month, slug)
            if relative not in self.taken_files and url_key_ not in self.taken_urls and not (self.content / relative).exists():
                break
            number += 1
            slug = f"{base}-{number}"
        if number > 1:
            entry.lines.append(("renamed", relative))
        self.taken_files.add(relative)
        self.taken_urls[url_key_] = relative
        return relative, slug

    # --- media -----------------------------------------------------------------------------------

    def media_roots(self):
        """The folders media may be copied from: UPLOADS and the saved pages."""
        return [root for root in (self.o.uploads, self.o.source if self.o.source.is_dir() else None) if root is not None]

    def local_candidates(self, url: str, item):
        parts = urlsplit(url)
        path = unquote(parts.path)
        candidates = []
        if self.o.uploads and "/wp-content/uploads/" in path:
            rest = path.split("/wp-content/uploads/", 1)[1]
            original = RESIZED_RE.sub("", rest)
            candidates += [self.o.uploads / original, self.o.uploads / rest]
        if self.o.source.is_dir():
            if item.base_path and not parts.netloc and not url.startswith("/"):
                candidates.append(self.o.source / posixpath.dirname(item.base_path) / path)
            if parts.netloc:
                candidates.append(self.o.source / parts.netloc / path.lstrip("/"))
                candidates.append(self.o.source / parts.netloc.removeprefix("www.") / path.lstrip("/"))
            host = item.base_path.split("/")[0] if item.base_path and "/" in item.base_path else ""
            if path.startswith("/") and host:
                candidates.append(self.o.source / host / path.lstrip("/"))
            # A page saved by a browser into FROM itself: the site's root is FROM (the page's own address may
            # name the old host, from its canonical link or og:url).
            own_host = urlsplit(item.base_url or "").netloc
            if path.startswith("/") and parts.netloc in ("", own_host):
                candidates.append(self.o.source / path.lstrip("/"))
        return candidates

    def find_local(self, url: str, item):
        """(file, refusal) for an old media URL: the file (resolved) in UPLOADS (WordPress) or in
        the saved pages, else None and the report code of why a file was refused (None when there
        is no file). A path that leaves those folders (`..`, an absolute part, a link leading out)
        or a file that is not a photo or a document is refused."""
        roots = self.media_roots()
        refusal = None
        for candidate in self.local_candidates(url, item):
            if not any(is_inside(candidate, root) for root in roots):
                refusal = refusal or "media_outside"
                continue
            try:
                resolved = candidate.resolve()
                if not resolved.is_file():
                    continue
            except (OSError, ValueError, RuntimeError):
                continue
            refusal = media_refusal(resolved)
            if refusal is None:
                return resolved, None
        return None, refusal

    def copy_media(self, local: Path, item) -> str:
        """Copy `local` (resolved, allowed by find_local) into the content folder, once."""
        key = str(local)
        if key in self.media_done:
            return self.media_done[key]
        return self.store_media(key, local.read_bytes(), cap_slug(self.slugify(local.stem)) or "tep", local.suffix.lower(), item)

    def store_media(self, key, data: bytes, stem: str, suffix: str, item) -> str:
        folder = "images" if suffix in IMAGE_SUFFIXES else "tai-lieu"
        year = f"{item.date:%Y}" if item.date else "khac"
        digest = hashlib.sha256(data).hexdigest()
        number = 1
        while True:
            name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
            relative = f"{folder}/{year}/{name}"
            target = confined_join(self.content, relative)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "xb") as handle:
                    handle.write(data)
                self.report.media += 1
                break
            if hashlib.sha256(target.read_bytes()).hexdigest() == digest:
                break  # the same file, from an earlier run or another article
            number += 1
        self.media_done[key] = relative
        return relative

    def rewrite(self, item, entry, url_to_file, slug=None):
        def rewrite(url, kind):
            url = url.strip()
            if url in item.embedded:  # a photo inside a Word file, named after the article
                data, suffix = item.embedded[url]
                number = list(item.embedded).index(url) + 1
                return "{static}/" + self.store_media(f"{item.origin}#{url}", data, f"{slug}-{number}", suffix, item)
            if url.startswith(("mailto:", "tel:", "#", "data:", "{")):
                return url
            absolute = urljoin(item.base_url, url) if item.base_url else url
            local_key = url_key(absolute) if urlsplit(absolute).netloc else None
            if kind == "link" and local_key in url_to_file:
                return "{filename}/" + url_to_file[local_key]
            if kind == "link" and item.base_path and not urlsplit(url).scheme and not url.startswith("/"):
                saved = posixpath.normpath(posixpath.join(posixpath.dirname(item.base_path), unquote(urlsplit(url).path)))
                if "file:" + saved.lower() in url_to_file:
                    return "{filename}/" + url_to_file["file:" + saved.lower()]
            suffix = posixpath.splitext(unquote(urlsplit(absolute).path))[1].lower()
            if kind == "image" or suffix in MEDIA_SUFFIXES:
                local, refusal = self.find_local(url if not urlsplit(url).netloc else absolute, item)
                if local is None and url != absolute:
                    local, other = self.find_local(absolute, item)
                    refusal = refusal or other
                if local is not None:
                    return "{static}/" + self.copy_media(local, item)
                # A refusal shows the address as the source wrote it, `..` and all, for the editor to find.
                entry.lines.append((refusal, f"`{one_url(url)}`") if refusal else ("image_missing", f"`{one_url(absolute)}`"))
                return absolute if urlsplit(absolute).scheme else url
            host = urlsplit(absolute).netloc.lower().removeprefix("www.")
            if host in self.old_domains and suffix in ("", *PAGE_SUFFIXES):
                entry.lines.append(("old_link", f"`{absolute}`"))
            return absolute if urlsplit(absolute).scheme in ("http", "https") else url
        return rewrite

    # --- categories ------------------------------------------------------------------------------

    def default_category(self):
        """What WordPress does with a post of no category, for every source: the site's default."""
        return self.settings.get("NEWS_DEFAULT_CATEGORY") or next(iter(self.categories), None)

    def map_category(self, name):
        if fold(name) in self.mapping:
            return self.mapping[fold(name)]
        for known in self.categories:
            if fold(known) == fold(name):
                return known
        return None

    def categories_of(self, item, entry):
        # WordPress's own "no category" (English and Vietnamese installs) is no category of the site.
        names = [name for name in item.categories if fold(name) not in WORDPRESS_NO_CATEGORY or fold(name) in self.mapping]
        mapped = [(name, self.map_category(name)) for name in names]
        chosen = next((new for _old, new in mapped if new), None)
        if chosen is None and mapped:
            chosen = mapped[0][0]
            entry.lines.append(("category_unmapped", chosen))
        rest = [new or old for old, new in mapped if (new or old) != chosen]
        if rest:
            entry.lines.append(("category_extra", ", ".join(rest)))
        if chosen is None and item.kind == "article":
            chosen = self.default_category()
            entry.lines.append(("category_default", chosen) if chosen else ("no_category", ""))
        return chosen, rest

    # --- one item --------------------------------------------------------------------------------

    def markdown_file(self, item, chosen, tags, slug, body, author):
        """The imported file: one line per key, whatever the source held (see one_line)."""
        def value(text):
            return one_line(str(text))

        lines = [f"Title: {value(item.title)}"]
        if item.date:
            lines.append(f"Date: {item.date:%Y-%m-%d %H:%M}")
        if chosen and item.kind == "article":
            lines.append(f"Category: {value(chosen)}")
        tags = [value(tag).replace(",", " -") for tag in tags if value(tag)]
        if tags:
            lines.append("Tags: " + ", ".join(dict.fromkeys(tags)))
        if author:
            lines.append(f"Author: {value(author)}")
        if item.summary:
            lines.append(f"Summary: {value(item.summary)}")
        if item.views is not None:
            lines.append(f"Views: {item.views}")
        if item.image:
            lines.append(f"Image: {value(item.image)}")
        if item.status != "published":
            lines.append(f"Status: {value(item.status)}")
        lines.append(f"Slug: {value(slug)}")
        lines.append(f"{item.origin_key}: {one_url(item.origin)}")
        return "\n".join(lines) + "\n\n" + (body or "") 

    def run(self):
        self.scan_content()
        self.listings = []
        self.page_totals = {}  # category -> Tổng số under CÁC TIN ĐÃ ĐĂNG of its articles
        items = self.read_sources()
        counts = {"imported": 0, "draft": 0, "already": 0, "skipped": 0}
        # Pass 1: decide what is new and where it goes, so links between old pages can be rewritten.
        seen = set()
        planned = []
        url_to_file = dict(self.existing_origins)
        existing_redirects = self.load_redirects()
        for item in items:
            # Addresses from the source become metadata lines and redirect entries: no line break may survive.
            item.origin = one_url(item.origin)
            item.old_urls = [one_url(url) for url in item.old_urls]
            item.image = one_url(item.image) or None
            entry = self.report.add(one_line(item.title), one_line(item.source))
            key = url_key(item.origin)
            if key in seen:
                counts["skipped"] += 1
                entry.lines.append(("duplicate", item.origin))
                continue
            seen.add(key)
            if key in self.existing_origins:
                counts["already"] += 1
                entry.lines.append(("already", self.existing_origins[key]))
                continue
            if item.date is None:
                detail = next((d for c, d in item.notes if c == "date_unreadable"), "không có")
                counts["skipped"] += 1
                entry.lines.append(("no_date", detail))
                continue
            has_body = bool(re.sub(r"<[^<>]+>|\s|&nbsp;", "", item.body_html or ""))
            if not item.title:
                if not has_body:
                    counts["skipped"] += 1
                    entry.lines.append(("empty", ""))
                    continue
                item.title = f"{PLACEHOLDER_TITLE} ({item.date.day}/{item.date.month}/{item.date.year} {item.date:%H:%M})"
                item.slug = "bai-chua-co-tieu-de"
                item.status = "draft"
                item.draft_reason = item.draft_reason or "chưa có tiêu đề"
                entry.title = item.title
                entry.lines.append(("no_title", ""))
            if not has_body and "<img" not in (item.body_html or ""):
                counts["skipped"] += 1
                entry.lines.append(("no_body", ""))
                continue
            relative, slug = self.place(item, entry)
            for url in [item.origin, *item.old_urls]:
                url_to_file.setdefault(url_key(url), relative)
            if item.base_path:
                # wget --convert-links points pages at each other's saved files.
                url_to_file.setdefault("file:" + item.base_path.lower(), relative)
            planned.append((item, entry, relative, slug))
        # Pass 2: convert and write.
        redirects = list(existing_redirects)
        totals = {}
        for item, entry, relative, slug in planned:
            try:
                converted = convert(item.body_html, self.rewrite(item, entry, url_to_file, slug), signature=item.signature_from_body)
            except HtmlTooComplex as error:
                counts["skipped"] += 1
                entry.lines.append(("too_complex", str(error)))
                continue
            author = item.author or converted.signature
            if item.image:
                local, refusal = self.find_local(item.image, item)
                if local is not None:
                    item.image = self.copy_media(local, item)
                else:
                    entry.lines.append((refusal or "image_missing", f"`{item.image}` (ảnh đại diện)"))
                    item.image = None
            chosen, extra = self.categories_of(item, entry)
            text = self.markdown_file(item, chosen, [*extra, *item.tags], slug, converted.markdown, author)
            target = confined_join(self.content, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            self.written.append(relative)
            counts["imported"] += 1
            entry.lines.insert(0, ("imported", relative))
            entry.lines += item.notes
            entry.lines += converted.notes
            entry.lines = [line for line in entry.lines if line[0] not in ("date_unreadable",)]
            if item.status == "draft":
                counts["draft"] += 1
                entry.lines.append(("draft", item.draft_reason or "bản nháp"))
            if item.title and is_upper_case(item.title):
                entry.lines.append(("upper_title", ""))
            if chosen and item.kind == "article":
                totals.setdefault(chosen, [0, None])[0] += 1
            if item.total_label:
                self.page_totals.setdefault(item.total_label[0], item.total_label[1])
            for url in item.old_urls:
                try:
                    redirects.append(Redirect(old_address(url), relative))
                except UnsafeRedirect as error:
                    entry.lines.append(("redirect_refused", f"`{url}` ({error.detail})"))
        self.count_totals(totals)
        self.report.counts = counts
        self.save_redirects(redirects, existing_redirects)
        if self.o.check:
            self.run_checks()
        if self.o.report_path:
            self.o.report_path.parent.mkdir(parents=True, exist_ok=True)
            self.o.report_path.write_text(render(self.report), encoding="utf-8")
        return self.report

    def count_totals(self, totals):
        portal = dict(self.page_totals)
        for listing in self.listings:
            if listing.category and listing.total is not None:
                portal[listing.category] = listing.total
        self.report.totals = {}
        for name, total in portal.items():
            mapped = self.map_category(name) or name
            self.report.totals[mapped] = [0, total]
        for name, (imported, _total) in totals.items():
            self.report.totals.setdefault(name, [0, None])[0] += imported

    # --- redirects -------------------------------------------------------------------------------

    def redirects_path(self):
        return confined_join(self.content, self.settings.get("REDIRECTS_DATA", "chuyen-huong.json"))

    def load_redirects(self):
        path = self.redirects_path()
        if not path.is_file():
            return []
        return load_redirects(path.read_text(encoding="utf-8"), str(path))

    def save_redirects(self, redirects, existing):
        unique = {}
        for redirect in redirects:
            unique.setdefault(redirect.old, redirect)
        self.report.redirects = len(unique)
        text = dump_redirects(unique.values())
        path = self.redirects_path()
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        if not unique:
            return
        temporary = path.with_suffix(".json.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)

    # --- checks ----------------------------------------------------------------------------------

    def run_checks(self):
        from trangtin.content_checks.checks import ERROR, WARNING
        from trangtin.content_checks.glue import config_from_settings
        from trangtin.content_checks.scan import run_checks

        problems, _count = run_checks(self.content, config_from_settings(self.settings))
        by_file = {}
        for problem in problems:
            if problem.path in self.written and problem.severity in (ERROR, WARNING):
                by_file.setdefault(problem.path, []).append(problem)
        for entry in self.report.items:
            target = next((detail for code, detail in entry.lines if code == "imported"), None)
            for problem in by_file.get(target, []):
                code = "check_error" if problem.severity == ERROR else "check"
                entry.lines.append((code, f"dòng {problem.line}: {problem.message('vi')}"))
        self.check_errors = sum(1 for items in by_file.values() for p in items if p.severity == ERROR)


def word_files(source: Path) -> list:
    """The Word files to import: FROM itself, or those of a folder with no saved web pages (in a
    portal's mirror, Word files are the old articles' attachments, not articles)."""
    if source.is_file():
        return [source] if word.is_word_file(source.name) else []
    # Word's lock files (~$bai.docx) are not documents; a link leading out of FROM is not followed.
    found = sorted(p for p in source.rglob("*") if p.is_file() and word.is_word_file(p.name) and not p.name.startswith("~$")
                   and is_inside(p, source))
    if any(p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES) for p in source.rglob("*")):
        return []
    return found


def run_import(options: Options) -> Report:
    importer = Importer(options)
    report = importer.run()
    report.check_errors = getattr(importer, "check_errors", 0)
    report.written = importer.written
    return report
