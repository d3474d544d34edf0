"""Read a WordPress WXR export (pure: bytes in, items out).

defusedxml refuses entity tricks; a truncated or broken file gives the items read so far and one
problem with its line, never a traceback."""

import html
import re
from datetime import datetime, timezone
from io import BytesIO
from urllib.parse import urlparse
from xml.etree.ElementTree import ParseError
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .item import Item
from .text import one_line

DRAFT_STATUSES = {"draft": "bản nháp", "pending": "chờ duyệt", "private": "riêng tư"}
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
VIEW_KEYS = ("views", "post_views_count")
# Attributes stop at the next bracket and tags at the next `<`: a hostile post of many unclosed `[caption`
# or `<img` would otherwise make every match scan to its end (quadratic: minutes for 200 KB).
SHORTCODE_RE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)([^\[\]]*)\]")
CAPTION_RE = re.compile(r"\[caption([^\[\]]*)\]")
CAPTION_END = "[/caption]"
GALLERY_RE = re.compile(r"\[gallery([^\[\]]*)\]")
TAG_RE = re.compile(r"<[^<>]+>")
IMG_RE = re.compile(r"<img\b[^<>]*>")
ATTR_RE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _child(element, name, namespace_part=None):
    for child in element:
        if _local(child.tag) == name and (namespace_part is None or namespace_part in _namespace(child.tag)):
            return (child.text or "").strip() if name not in ("encoded",) else (child.text or "")
    return ""


def _wp(element, name):
    return _child(element, name, "wordpress.org/export")


def parse_wp_time(gmt: str, local: str, zone: ZoneInfo):
    """post_date_gmt in UTC, else post_date in the site's zone; None when neither is a date."""
    for value, tz in ((gmt, timezone.utc), (local, zone)):
        if value and not value.startswith("0000"):
            try:
                return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=tz).astimezone(zone)
            except ValueError:
                continue
    return None


def autop(text: str) -> str:
    """WordPress' wpautop, simplified: classic-editor posts keep paragraphs as blank lines."""
    if re.search(r"<p[\s>]", text, re.IGNORECASE) or "<!-- wp:" in text:
        return text
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if block.strip()]
    out = []
    for block in blocks:
        if re.match(r"<(table|ul|ol|h\d|blockquote|figure|div|pre)\b", block, re.IGNORECASE):
            out.append(block)
        else:
            out.append("<p>" + block.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def expand_shortcodes(text: str, attachments: dict, notes: list) -> str:
    """[caption] -> <figure>, [gallery ids=..] -> figures of those attachments; other shortcodes
    stay as text and are noted."""

    def caption(inner):
        image = IMG_RE.search(inner)
        if not image:
            return inner
        text = one_line(TAG_RE.sub(" ", inner.replace(image.group(0), "")))
        return f"<figure>{image.group(0)}<figcaption>{html.escape(text)}</figcaption></figure>"

    def captions(text):
        """[caption …]…[/caption], each to its nearest end, found in one pass."""
        parts, at = [], 0
        while (head := CAPTION_RE.search(text, at)) is not None:
            end = text.find(CAPTION_END, head.end())
            if end == -1:
                break
            parts += [text[at:head.start()], caption(text[head.end():end])]
            at = end + len(CAPTION_END)
        return "".join(parts) + text[at:]

    def gallery(match):
        attrs = dict(ATTR_RE.findall(match.group(1)))
        ids = [part.strip() for part in attrs.get("ids", "").split(",") if part.strip()]
        figures = []
        for ident in ids:
            attachment = attachments.get(ident)
            if attachment is None:
                notes.append(("gallery_missing", ident))
                continue
            alt = html.escape(attachment.get("title", ""), quote=True)
            figures.append(f'<figure><img src="{html.escape(attachment["url"], quote=True)}" alt="{alt}"></figure>')
        if not ids:
            notes.append(("shortcode_left", match.group(0)))
            return match.group(0)
        return "".join(figures)

    text = captions(text)
    text = GALLERY_RE.sub(gallery, text)
    for match in SHORTCODE_RE.finditer(text):
        if not match.group(1):
            notes.append(("shortcode_left", match.group(0)[:80]))
    return text


def read_wxr(data: bytes, zone_name: str = "Asia/Ho_Chi_Minh", source: str = "export.xml"):
    """(items, problems, site_url): problems are (code, detail) pairs for the report."""
    zone = ZoneInfo(zone_name)
    problems = []
    raw_items = []
    authors = {}
    site_urls = []
    attachments = {}
    try:
        for _event, element in iterparse(BytesIO(data), events=("end",)):
            name = _local(element.tag)
            if name == "item":
                raw_items.append(_raw_item(element))
                element.clear()
            elif name == "author" and "wordpress.org/export" in _namespace(element.tag):
                login = _wp(element, "author_login")
                authors[login] = _wp(element, "author_display_name") or login
            elif name in ("base_site_url", "base_blog_url") and element.text:
                site_urls.append(element.text.strip())
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else "?"
        problems.append(("xml_broken", f"{source}:{line}: {error}"))
    except DefusedXmlException as error:
        problems.append(("xml_unsafe", f"{source}: {error}"))
        return [], problems, site_urls
    for raw in raw_items:
        if raw["post_type"] == "attachment":
            attachments[raw["post_id"]] = {"url": raw["attachment_url"], "title": raw["title"]}
    items = []
    for raw in raw_items:
        if raw["post_type"] not in ("post", "page"):
            continue
        if raw["status"] in SKIPPED_STATUSES:
            problems.append(("wp_skipped_status", f'{raw["title"] or raw["post_id"]} ({raw["status"]})'))
            continue
        items.append(_item(raw, attachments, authors, zone, source))
    return items, problems, site_urls


def _raw_item(element) -> dict:
    raw = {
        "title": _child(element, "title"),
        "link": _child(element, "link"),
        "guid": _child(element, "guid"),
        "creator": _child(element, "creator"),
        "content": _child(element, "encoded", "purl.org/rss/1.0/modules/content"),
        "excerpt": _child(element, "encoded", "excerpt"),
        "post_id": _wp(element, "post_id"),
        "date_gmt": _wp(element, "post_date_gmt"),
        "date": _wp(element, "post_date"),
        "name": _wp(element, "post_name"),
        "status": _wp(element, "status"),
        "post_type": _wp(element, "post_type"),
        "password": _wp(element, "post_password"),
        "attachment_url": _wp(element, "attachment_url"),
        "categories": [],
        "tags": [],
        "meta": {},
    }
    for child in element:
        local = _local(child.tag)
        if local == "category":
            domain = child.get("domain")
            text = plain_title(child.text or "")
            if domain == "category" and text:
                raw["categories"].append(text)
            elif domain == "post_tag" and text:
                raw["tags"].append(text)
        elif local == "postmeta":
            raw["meta"][_wp(child, "meta_key")] = _wp(child, "meta_value")
    return raw


def plain_title(title: str) -> str:
    """HTML in a WordPress title becomes plain text."""
    return one_line(html.unescape(TAG_RE.sub("", html.unescape(title or ""))))


def _item(raw, attachments, authors, zone, source) -> Item:
    link = raw["link"]
    item = Item(origin=link or raw["guid"] or f'wp:{raw["post_id"]}', kind="article" if raw["post_type"] == "post" else "page")
    item.source = f'{source} (ID {raw["post_id"]})'
    item.title = plain_title(raw["title"]) or None
    item.date = parse_wp_time(raw["date_gmt"], raw["date"], zone)
    item.categories = list(dict.fromkeys(raw["categories"]))
    item.tags = list(dict.fromkeys(raw["tags"]))
    item.author = authors.get(raw["creator"], raw["creator"]) or None
    excerpt = plain_title(raw["excerpt"])
    item.summary = excerpt or None
    item.slug = raw["name"] or None
    item.base_url = link or None
    for key in VIEW_KEYS:
        value = (raw["meta"].get(key) or "").strip()
        if value.isdigit():
            item.views = int(value)
            break
    thumbnail = raw["meta"].get("_thumbnail_id")
    if thumbnail and thumbnail in attachments:
        item.image = attachments[thumbnail]["url"]
    elif thumbnail:
        item.notes.append(("image_missing", f"ảnh đại diện (ID {thumbnail})"))
    if raw["status"] in DRAFT_STATUSES:
        item.status, item.draft_reason = "draft", DRAFT_STATUSES[raw["status"]]
    elif raw["password"]:
        item.status, item.draft_reason = "draft", "có mật khẩu"
    elif raw["status"] == "future":
        item.notes.append(("future", ""))
    item.body_html = autop(expand_shortcodes(raw["content"], attachments, item.notes))
    urls = [link]
    if raw["post_id"]:
        key = "page_id" if item.kind == "page" else "p"
        host = urlparse(link or raw["guid"])
        if host.netloc:
            urls.append(f"{host.scheme}://{host.netloc}/?{key}={raw['post_id']}")
    if raw["guid"] and raw["guid"] not in urls and urlparse(raw["guid"]).netloc:
        urls.append(raw["guid"])
    item.old_urls = [url for url in dict.fromkeys(urls) if url]
    return item
