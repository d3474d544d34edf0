"""Pelican glue for the documents register: a generator whose generate_context() reads
content/van-ban/*.md (vn_core.documents), links replacements both ways, computes each status on the
site's date and prepares every page as data; generate_output(writer) writes the register, the
listings by loại / năm / cơ quan, one page per document, van-ban/index.json and the Atom feed."""

import html
import json
import logging
import os
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator
from pelican.utils import get_date, slugify

from trangtin.vn_core import documents as rules
from trangtin.vn_core.pager import build_pager, radius_from
from trangtin.vn_core.paths import PathOutside, confined_join, is_inside, output_file
from trangtin.vn_core.vietnamese import nfc, short_date

from . import listing

logger = logging.getLogger(__name__)

DEFAULTS = {
    # The folder of the content that holds the documents (never read as articles: ARTICLE_EXCLUDES).
    "VAN_BAN_PATH": "van-ban",
    "VAN_BAN_URL": "van-ban/",
    "VAN_BAN_SAVE_AS": "van-ban/index.html",
    # Pages 2+ of any listing of the register: {base} is the listing's address.
    "VAN_BAN_PAGE_URL": "{base}trang/{number}/",
    "VAN_BAN_PAGE_SAVE_AS": "{base}trang/{number}/index.html",
    "VAN_BAN_DOCUMENT_URL": "van-ban/{year}/{slug}.html",
    "VAN_BAN_DOCUMENT_SAVE_AS": "van-ban/{year}/{slug}.html",
    "VAN_BAN_TYPE_URL": "van-ban/loai/{slug}/",
    "VAN_BAN_TYPE_SAVE_AS": "van-ban/loai/{slug}/index.html",
    "VAN_BAN_YEAR_URL": "van-ban/nam/{year}/",
    "VAN_BAN_YEAR_SAVE_AS": "van-ban/nam/{year}/index.html",
    "VAN_BAN_ISSUER_URL": "van-ban/co-quan/{slug}/",
    "VAN_BAN_ISSUER_SAVE_AS": "van-ban/co-quan/{slug}/index.html",
    "VAN_BAN_JSON_URL": "van-ban/index.json",
    "VAN_BAN_JSON_SAVE_AS": "van-ban/index.json",
    "VAN_BAN_FEED_ATOM": "feeds/van-ban.atom.xml",
    # Documents a page of the register; None: DEFAULT_PAGINATION, as every listing of the site.
    "VAN_BAN_PER_PAGE": None,
    # "Văn bản mới" on the home page: how many documents (0: no block).
    "VAN_BAN_HOME_ITEMS": 0,
    "VAN_BAN_MENU": True,
}
TITLE = "Văn bản"


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _slug(text, settings):
    return slugify(text, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
                   preserve_case=False, use_unicode=settings.get("SLUGIFY_USE_UNICODE", False))


def read_documents(content: Path, folder: str) -> list:
    """Every document file under content/`folder`, read; files reached through a link leading out of
    the content folder are left out (the checker names them)."""
    base = content / folder
    if not base.is_dir() or not is_inside(base, content):
        return []
    found = []
    for path in sorted(base.rglob("*.md")):
        if not path.is_file() or not is_inside(path, content) or any(p.startswith(".") for p in path.relative_to(content).parts):
            continue
        relative = path.relative_to(content).as_posix()
        text = nfc(path.read_text(encoding="utf-8-sig", errors="replace"))
        document, _problems = rules.read_document(relative, text, get_date)
        # An incomplete document is left out of the pages (the checker names what it lacks).
        if all(getattr(document, key) for key in rules.REQUIRED):
            found.append(document)
    return found


def _file_view(content: Path, relative: str, number: str):
    try:
        path = confined_join(content, relative)
    except PathOutside:
        return None
    size = path.stat().st_size if path.is_file() else None
    kind = rules.file_type(relative)
    shown = f"{kind}, {rules.file_size(size)}" if size is not None else kind
    return {
        "url": relative,
        "name": relative.rsplit("/", 1)[-1],
        "type": kind,
        "size": size,
        "shown": shown,
        "label": f"Tải về {number}, {shown}",
        "pdf": kind == "PDF",
    }


def _paragraphs(body: str) -> list:
    """The optional description as plain paragraphs (text only: it is escaped by the template)."""
    return [" ".join(part.split()) for part in body.split("\n\n") if part.strip() and not part.lstrip().startswith("<!--")]


class Register:
    """The documents and every page of the register, as data the templates loop over."""

    def __init__(self, documents, content: Path, settings, today):
        self.settings = settings
        self.today = today
        ordered = rules.newest_first(documents)
        rules.link_replacements(ordered)
        self.views = {}
        slugs = set()
        for document in ordered:
            slug = _slug(rules.number_key(document.number), settings) or "van-ban"
            if slug in slugs:  # the same number from two issuers
                slug = f"{slug}-{_slug(document.issuer, settings)}"
            slugs.add(slug)
            self.views[id(document)] = self._view(document, slug, content)
        for document in ordered:
            view = self.views[id(document)]
            for name, other in (("replaces_document", document.replaces_document), ("replaced_by", document.replaced_by)):
                view[name] = {"number": other.number, "url": self.views[id(other)]["url"]} if other else None
        self.rows = [self.views[id(d)] for d in ordered]

    def _view(self, document, slug, content):
        settings = self.settings
        year = document.issued.year if document.issued else ""
        url = setting(settings, "VAN_BAN_DOCUMENT_URL").format(year=year, slug=slug)
        return {
            "number": document.number,
            "number_key": rules.number_key(document.number),
            "type": document.type,
            "type_url": setting(settings, "VAN_BAN_TYPE_URL").format(slug=_slug(document.type, settings)),
            "abstract": document.abstract,
            "issuer": document.issuer,
            "issuer_url": setting(settings, "VAN_BAN_ISSUER_URL").format(slug=_slug(document.issuer, settings)) if document.issuer else None,
            "signer": document.signer,
            "issued": document.issued,
            "effective": document.effective,
            "expires": document.expires,
            "replaces": document.replaces,
            "field": document.field,
            "year": year,
            "year_url": setting(settings, "VAN_BAN_YEAR_URL").format(year=year) if year else None,
            "status": rules.REPLACED if document.replaced_by else rules.status(document, self.today),
            "status_label": rules.status_label(document, self.today),
            "files": [view for view in (_file_view(content, f, document.number) for f in document.files) if view],
            "description": _paragraphs(document.body),
            "url": url,
            "save_as": setting(settings, "VAN_BAN_DOCUMENT_SAVE_AS").format(year=year, slug=slug),
            "source": document.path,
        }

    def listings(self) -> list:
        """(heading, url, save_as, rows, crumbs) of the register and each listing by loại, năm, cơ quan."""
        settings = self.settings
        home = {"label": TITLE, "url": setting(settings, "VAN_BAN_URL")}
        found = [(TITLE, setting(settings, "VAN_BAN_URL"), setting(settings, "VAN_BAN_SAVE_AS"), self.rows, [])]
        kinds = (
            ("type", "VAN_BAN_TYPE", lambda row: row["type"], True),
            ("issuer", "VAN_BAN_ISSUER", lambda row: row["issuer"], True),
            ("year", "VAN_BAN_YEAR", lambda row: str(row["year"]), False),
        )
        for key, prefix, name_of, by_name in kinds:
            def fill(pattern, name, key=key):
                return pattern.format(year=name, slug=name) if key == "year" else pattern.format(slug=_slug(name, settings))
            for name, rows in listing.groups(self.rows, name_of, by_name):
                heading = f"Văn bản năm {name}" if key == "year" else name
                found.append((heading, fill(setting(settings, prefix + "_URL"), name),
                              fill(setting(settings, prefix + "_SAVE_AS"), name), rows, [home]))
        return found

    def browse(self) -> list:
        """The links to every listing by loại, cơ quan and năm, with their counts."""
        out = []
        for word, name_of, url_of, by_name in (
            ("Theo loại", lambda r: r["type"], lambda r: r["type_url"], True),
            ("Theo cơ quan ban hành", lambda r: r["issuer"], lambda r: r["issuer_url"], True),
            ("Theo năm", lambda r: str(r["year"]), lambda r: r["year_url"], False),
        ):
            items = [{"label": name, "url": url_of(rows[0]), "count": len(rows)}
                     for name, rows in listing.groups(self.rows, name_of, by_name)]
            if items:
                out.append({"heading": word, "links": items})
        return out


class FeedItem:
    """A document as Pelican's feed writer reads an article."""

    def __init__(self, row, timezone):
        self.title = f"{row['number']}: {row['abstract']}"
        self.url = row["url"]
        self.date = datetime.combine(row["issued"], time(), ZoneInfo(timezone))
        self.category = row["type"]
        self.author = row["issuer"]
        self.summary = html.escape(f"{row['type']} · {row['issuer']} · Ngày ban hành {short_date(row['issued'])} · {row['status_label']}")
        self._row = row

    def get_content(self, siteurl):
        links = "".join(f'<li><a href="{html.escape(siteurl.rstrip("/") + "/" + f["url"])}">{html.escape(f["name"])}</a> ({html.escape(f["shown"])})</li>'
                        for f in self._row["files"])
        return f"<p>{self.summary}</p>" + (f"<ul>{links}</ul>" if links else "")


class DocumentsGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        timezone = settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh"
        today = datetime.now(ZoneInfo(timezone)).date()
        content = Path(self.path)
        documents = read_documents(content, setting(settings, "VAN_BAN_PATH"))
        self.register = Register(documents, content, settings, today)
        change = rules.next_change(documents, today, timezone)
        # plugins/incremental: the no-change memo of tools/incremental_build.py rebuilds after this moment.
        self.due_moments = [change.timestamp()] if change else []
        home_items = setting(settings, "VAN_BAN_HOME_ITEMS")
        self.context["van_ban"] = {
            "title": TITLE,
            "url": setting(settings, "VAN_BAN_URL"),
            "menu": setting(settings, "VAN_BAN_MENU"),
            "latest": self.register.rows[:home_items] if home_items else [],
            "rows": self.register.rows,
            "count": len(self.register.rows),
            "json_url": setting(settings, "VAN_BAN_JSON_URL"),
            # No feed without documents: an empty Atom feed's <updated> would be the build's time.
            "feed": setting(settings, "VAN_BAN_FEED_ATOM") if self.register.rows else None,
            "browse": self.register.browse(),
        }

    def generate_output(self, writer):
        settings = self.settings
        relative = settings.get("RELATIVE_URLS", False)
        per_page = setting(settings, "VAN_BAN_PER_PAGE") or settings.get("DEFAULT_PAGINATION") or 10
        radius = radius_from(settings)
        template = self.get_template("van_ban_register")
        for heading, url, save_as, rows, crumbs in self.register.listings():
            slices = listing.page_slices(len(rows), per_page)

            def url_of(number, url=url):
                return listing.page_url(url, number, setting(settings, "VAN_BAN_PAGE_URL"))

            for number, (start, end) in enumerate(slices, 1):
                page_save_as = save_as if number == 1 else setting(settings, "VAN_BAN_PAGE_SAVE_AS").format(base=url, number=number)
                pager = build_pager(number, len(slices), url_of, radius, count=len(rows))
                writer.write_file(
                    page_save_as, template, self.context, relative_urls=relative, url=url_of(number),
                    van_ban_listing={"heading": heading, "url": url, "rows": rows[start:end], "pager": pager,
                                     "crumbs": crumbs, "is_register": not crumbs, "page_url": url_of(number)},
                )
        document_template = self.get_template("van_ban_document")
        for row in self.register.rows:
            writer.write_file(row["save_as"], document_template, self.context, relative_urls=relative, url=row["url"],
                              van_ban_document=row)
        self._write_json(writer)
        feed = self.context["van_ban"]["feed"]
        if feed:
            items = [FeedItem(row, settings.get("TIMEZONE") or "UTC") for row in self.register.rows if row["issued"]]
            writer.write_feed(items, self.context, feed, feed, feed_title=f"{settings.get('SITENAME', '')} — {TITLE}")

    def _write_json(self, writer):
        settings = self.settings
        save_as = setting(settings, "VAN_BAN_JSON_SAVE_AS")
        if not save_as:
            return
        siteurl = (settings.get("CANONICAL_URL") or settings.get("SITEURL", "")).rstrip("/")
        data = {"tieu_de": TITLE, "so_van_ban": len(self.register.rows), "van_ban": [json_record(row, siteurl) for row in self.register.rows]}
        path = output_file(writer.output_path, save_as, "cài đặt VAN_BAN_JSON_SAVE_AS")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        logger.info('Writing "%s"', path)


def _iso(day):
    return day.isoformat() if day else None


def json_record(row, siteurl) -> dict:
    """One document in van-ban/index.json: Vietnamese field names without marks, ISO dates, absolute URLs."""
    return {
        "so_ky_hieu": row["number"],
        "loai": row["type"],
        "trich_yeu": row["abstract"],
        "co_quan_ban_hanh": row["issuer"] or None,
        "nguoi_ky": row["signer"] or None,
        "ngay_ban_hanh": _iso(row["issued"]),
        "ngay_hieu_luc": _iso(row["effective"]),
        "het_hieu_luc": _iso(row["expires"]),
        "linh_vuc": row["field"] or None,
        "thay_the": row["replaces_document"]["number"] if row["replaces_document"] else (row["replaces"] or None),
        "duoc_thay_the_boi": row["replaced_by"]["number"] if row["replaced_by"] else None,
        "trang_thai": row["status_label"],
        "url": f"{siteurl}/{row['url']}",
        "tep": [{"url": f"{siteurl}/{f['url']}", "loai": f["type"], "kich_thuoc": f["size"]} for f in row["files"]],
    }


def add_generator(pelican_object):
    return DocumentsGenerator


def connect():
    signals.get_generators.connect(add_generator)
