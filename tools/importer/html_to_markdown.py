"""Article HTML -> Markdown in the site's syntax.

Photos become figures (`![alt]({static}/images/x.jpg "Caption")` alone in a paragraph, which
plugins/vn_news renders as <figure>): WordPress captions and image blocks, galleries, a photo
followed by its caption paragraph, and photos inside layout tables (markdownify's default turns
an image in a table cell into its alt text). A short right-aligned last paragraph is the
signature (markdownify drops alignment, so it is taken out before). Word markup goes, and the
HTML is sanitised with nh3 before conversion."""

import re
from dataclasses import dataclass, field
from typing import Callable

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdownify import MarkdownConverter

from .text import clean_text, one_line

BLOCKS = {"p", "div", "center", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "figure", "section", "article"}
CAPTION_MAX = 200
SHORT_CAPTION = 120
SIGNATURE_MAX = 60
ALLOWED_TAGS = {
    "p", "br", "a", "img", "figure", "figcaption", "strong", "b", "em", "i", "u", "sub", "sup", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr", "code", "pre",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
# Bounds on one post or saved page: the steps below walk ancestors and siblings, so their time grows
# with depth × size (100,000 nested <div> took minutes), and markdownify recurses once per level.
# Real articles, even old portal pages with unclosed <font> tags, stay far below both.
MAX_HTML_CHARS = 5_000_000
MAX_DEPTH = 256


class HtmlTooComplex(ValueError):
    """HTML given up on; the message (Vietnamese) says which bound it passed."""


def bounded_soup(html: str) -> BeautifulSoup:
    """The parsed HTML, or HtmlTooComplex when it is larger or deeper than the bounds above."""
    if len(html) > MAX_HTML_CHARS:
        raise HtmlTooComplex(f"dài {len(html):,} ký tự, quá giới hạn {MAX_HTML_CHARS:,}".replace(",", "."))
    soup = BeautifulSoup(html, "html.parser")
    depth = {id(soup): 0}
    for node in soup.descendants:  # a walk without recursion, linear in the size
        level = depth[id(node.parent)] + 1
        if level > MAX_DEPTH:
            raise HtmlTooComplex(f"các thẻ lồng nhau quá {MAX_DEPTH} tầng")
        if isinstance(node, Tag):
            depth[id(node)] = level
    return soup


@dataclass
class Converted:
    markdown: str
    signature: str | None = None
    notes: list = field(default_factory=list)  # (code, detail) pairs for the report
    images: list = field(default_factory=list)  # every image URL after rewriting


def _style(tag: Tag) -> str:
    return (tag.get("style") or "").replace(" ", "").lower()


def is_right_aligned(tag: Tag) -> bool:
    for node in [tag, *tag.find_all(True)]:
        if (node.get("align") or "").lower() == "right" or "text-align:right" in _style(node):
            return True
    return False


def _is_centered(tag: Tag) -> bool:
    return tag.name == "center" or any(
        (node.get("align") or "").lower() == "center" or "text-align:center" in _style(node)
        for node in [tag, *tag.find_all(True)]
    )


def _is_italic(tag: Tag) -> bool:
    text = tag.get_text(" ", strip=True)
    styled = "".join(node.get_text(" ", strip=True) for node in tag.find_all(["em", "i"]))
    return bool(text) and (len(styled) >= 0.8 * len(text) or "font-style:italic" in _style(tag))


def _next_block(tag: Tag):
    node = tag.next_sibling
    while node is not None:
        if isinstance(node, Tag):
            return node
        if str(node).strip():
            return None
        node = node.next_sibling
    return None


def _looks_like_caption(tag) -> bool:
    if not isinstance(tag, Tag) or tag.name not in BLOCKS - {"table", "ul", "ol", "figure"} or tag.find("img"):
        return False
    text = one_line(tag.get_text(" "))
    if not text or len(text) > CAPTION_MAX:
        return False
    return _is_centered(tag) or _is_italic(tag) or len(text) <= SHORT_CAPTION


def strip_word_markup(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for tag in soup.find_all(["script", "style", "noscript", "iframe", "object", "embed", "form", "input", "button"]):
        tag.decompose()
    for tag in soup.find_all(lambda node: ":" in node.name):  # <o:p>, <v:shape>, <w:WordDocument>
        tag.unwrap() if tag.name == "o:p" else tag.decompose()
    for tag in soup.find_all(True):
        if "class" in tag.attrs and any(str(name).lower().startswith("mso") for name in tag["class"]):
            del tag["class"]
        style = tag.get("style")
        if style and "mso-" in style.lower():
            kept = [part for part in style.split(";") if part.strip() and "mso-" not in part.lower()]
            tag["style"] = ";".join(kept)


def _figure(soup, image: Tag, caption: str | None) -> Tag:
    figure = soup.new_tag("figure")
    new_image = soup.new_tag("img", src=image.get("src", ""))
    new_image["alt"] = one_line(image.get("alt") or "")
    figure.append(new_image)
    if caption:
        figcaption = soup.new_tag("figcaption")
        figcaption.string = caption
        figure.append(figcaption)
    return figure


def _existing_figures(soup, notes) -> None:
    """WordPress image blocks and galleries: <figure> holding images, possibly nested."""
    for figure in soup.find_all("figure"):
        if figure.parent is None or figure.find("figure"):
            continue
        images = figure.find_all("img")
        if not images:
            figure.unwrap()
            continue
        caption_tag = figure.find("figcaption")
        caption = one_line(caption_tag.get_text(" ")) if caption_tag else None
        replacements = [_figure(soup, image, caption if len(images) == 1 else None) for image in images]
        for replacement in replacements:
            figure.insert_before(replacement)
        figure.decompose()
    for gallery in soup.find_all("figure"):
        if gallery.find("figure"):
            gallery.unwrap()


def _table_figures(soup, notes) -> None:
    """A table holding photos is layout, not data: each photo becomes a figure with the text of
    its own cell, or else of the cell below it, as the caption; other text becomes paragraphs."""
    for table in soup.find_all("table"):
        if table.parent is None or not table.find("img") or table.find("table"):
            continue
        rows = [row.find_all(["td", "th"], recursive=False) for row in table.find_all("tr")]
        used = set()
        out = []
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                if id(cell) in used:
                    continue
                images = cell.find_all("img")
                if not images:
                    text = one_line(cell.get_text(" "))
                    if text:
                        paragraph = soup.new_tag("p")
                        paragraph.string = text
                        out.append(paragraph)
                    continue
                for image in images:
                    image.extract()
                caption = one_line(cell.get_text(" ")) or None
                if caption is None and r + 1 < len(rows) and c < len(rows[r + 1]):
                    below = rows[r + 1][c]
                    text = one_line(below.get_text(" "))
                    if not below.find("img") and text and len(text) <= CAPTION_MAX:
                        caption = text
                        used.add(id(below))
                        notes.append(("caption_guessed", caption))
                for image in images:
                    out.append(_figure(soup, image, caption if len(images) == 1 else None))
        for node in out:
            table.insert_before(node)
        table.decompose()


def _caption_beside(holder: Tag, image: Tag) -> bool:
    """A short text after the photo in its own block, centred or in italics: its caption."""
    text = one_line(holder.get_text(" "))
    before = [node for node in image.find_all_previous(string=True) if holder in node.parents and one_line(str(node))]
    return bool(text) and len(text) <= SHORT_CAPTION and not before and (_is_centered(holder) or _is_italic(holder))


def _photo_paragraphs(soup, notes) -> None:
    """A photo alone in its paragraph, and the short paragraph after it as its caption."""
    for image in soup.find_all("img"):
        if image.parent is None or image.find_parent("figure"):
            continue
        block = image
        while block.parent is not None and block.parent.name not in BLOCKS and block.parent.name != "[document]":
            block = block.parent
        holder = block.parent if block is not image or block.parent is not None else None
        if holder is None or holder.name == "[document]" or holder.name in ("td", "th", "li"):
            holder = None
        if holder is not None and len(holder.find_all("img")) == 1 and not one_line(holder.get_text(" ")):
            caption_tag = _next_block(holder)
            caption = None
            if _looks_like_caption(caption_tag):
                caption = one_line(caption_tag.get_text(" "))
                caption_tag.decompose()
                notes.append(("caption_guessed", caption))
            holder.replace_with(_figure(soup, image, caption))
        elif holder is not None and len(holder.find_all("img")) == 1 and not holder.find(["a", *BLOCKS]) \
                and _caption_beside(holder, image):
            # <center><img><br><i>Chú thích</i></center>: the photo and its caption in one block.
            caption = one_line(holder.get_text(" "))
            notes.append(("caption_guessed", caption))
            holder.replace_with(_figure(soup, image, caption))
        elif holder is None and image.parent.name == "[document]":
            image.replace_with(_figure(soup, image, None))


def take_signature(soup) -> str | None:
    """The short right-aligned block at the end of the body, removed and returned."""
    blocks = [node for node in soup.find_all(["p", "div"]) if not node.find(["p", "div"]) and one_line(node.get_text(" "))]
    if not blocks:
        return None
    last = blocks[-1]
    text = one_line(last.get_text(" "))
    if len(text) <= SIGNATURE_MAX and is_right_aligned(last) and not last.find("img"):
        last.decompose()
        return text
    return None


# A text node that would start a heading, a list or a quote if it began a line.
BLOCK_START_RE = re.compile(r"^(\s*)(#|[-+](?=\s))")
ORDERED_START_RE = re.compile(r"^(\s*\d+)\.(?=\s)")


def _md_url(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


class SiteMarkdown(MarkdownConverter):
    """markdownify with our figures, images kept wherever they are, and no stray escapes of
    underscores in Vietnamese text."""

    def __init__(self, **options):
        options.setdefault("heading_style", "ATX")
        options.setdefault("bullets", "-")
        options.setdefault("escape_underscores", False)
        options.setdefault("escape_asterisks", True)
        super().__init__(**options)

    def escape(self, text, parent_tags):
        """Text stays text, with as few backslashes as an editor can bear: inline markup characters
        everywhere, block markers (`# `, `1. `, `- `) only where a line can start. Python-Markdown
        has no backslash escape for <, > and &, so they become entities (else `&lt;b&gt;` would
        turn into real markup)."""
        if not text:
            return ""
        text = text.replace("\\", "\\\\")
        text = re.sub(r"([*`\[\]])", r"\\\1", text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = BLOCK_START_RE.sub(r"\1\\\2", text)
        return ORDERED_START_RE.sub(r"\1\\.", text)

    def convert_figure(self, el, text, parent_tags):
        image = el.find("img")
        if image is None:
            return text
        caption_tag = el.find("figcaption")
        caption = one_line(caption_tag.get_text(" ")) if caption_tag else ""
        return "\n\n" + self._image(image, caption) + "\n\n"

    def convert_figcaption(self, el, text, parent_tags):
        return ""

    def convert_img(self, el, text, parent_tags):
        return self._image(el, "")

    @staticmethod
    def _image(image, caption):
        alt = one_line(image.get("alt") or "").replace("[", "\\[").replace("]", "\\]")
        src = image.get("src") or ""
        title = ""
        if caption:
            caption = re.sub(r'"([^"]*)"', "“\\1”", caption).replace('"', "”")
            title = f' "{caption}"'
        return f"![{alt}]({_md_url(src)}{title})"


def convert(html: str, rewrite: Callable[[str, str], str] | None = None, signature: bool = False) -> Converted:
    """`rewrite(url, kind)` ('image' or 'link') gives each URL its new value. Raises HtmlTooComplex
    (see bounded_soup)."""
    result = Converted("")
    soup = bounded_soup(html)
    strip_word_markup(soup)
    for node in list(soup.find_all(string=True)):
        cleaned = clean_text(str(node))
        if cleaned != str(node):
            node.replace_with(NavigableString(cleaned))
    _existing_figures(soup, result.notes)
    _table_figures(soup, result.notes)
    _photo_paragraphs(soup, result.notes)
    if signature:
        result.signature = take_signature(soup)
    for image in soup.find_all("img"):
        if rewrite and image.get("src"):
            image["src"] = rewrite(image["src"], "image")
        result.images.append(image.get("src", ""))
        if not one_line(image.get("alt") or ""):
            figure = image.find_parent("figure")
            caption = figure.find("figcaption") if figure else None
            if caption is not None and one_line(caption.get_text(" ")):
                image["alt"] = one_line(caption.get_text(" "))
            else:
                result.notes.append(("alt_missing", image.get("src", "")))
    for link in soup.find_all("a"):
        if rewrite and link.get("href"):
            link["href"] = rewrite(link["href"], "link")
    safe = nh3.clean(str(soup), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto", "tel"},
                     link_rel=None, strip_comments=True, generic_attribute_prefixes=set())
    # nh3 drops URLs it cannot parse as a scheme: our `{static}` links are relative, so they pass.
    markdown = SiteMarkdown().convert(safe)
    markdown = re.sub(r"[ \t]+\n", "\n", markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    result.markdown = markdown + "\n" if markdown else ""
    return result
