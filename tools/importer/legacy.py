"""Read one saved page of a legacy portal (pure: bytes in, an article, a listing or nothing out).

No real page of the old portal is at hand, and portals differ in markup, so the parts are found
by what they say and where they sit: the date line (`Chủ nhật, ngày 19/6/2022 - 22:02`), `Đã
xem: N`, the breadcrumb, `CÁC TIN ĐÃ ĐĂNG` (where the article ends) and the longest block of
paragraphs. CSS selectors in the import settings override any part."""

import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, NavigableString, Tag

from trangtin.vn_core.vietnamese import fold

from .html_to_markdown import bounded_soup
from .item import Item
from .text import clean_text, decode_legacy, encoding_from_font, guess_page_encoding, one_line

DATE_LINE_RE = re.compile(
    r"(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
    r"(?:\s*[-–,]?\s*(\d{1,2})\s*[:hg]\s*(\d{2}))?",
    re.IGNORECASE,
)
VIEWS_RE = re.compile(r"(?:đã\s+xem|lượt\s+xem|số\s+lần\s+xem)\s*:?\s*([\d.,]+)", re.IGNORECASE)
TOTAL_RE = re.compile(r"tổng\s+số\s*:?\s*([\d.,]+)", re.IGNORECASE)
OLDER_NEWS_FOLD = "cac tin da dang"
# Headings of what follows an article on a portal page (folded): the body ends at the first after the date.
END_OF_ARTICLE_FOLDS = ("cac tin da dang", "cac tin da dua", "tin da dua", "cac tin lien quan", "tin lien quan", "tin cung chuyen muc",
                        "cac tin khac", "tin khac", "tin moi hon", "tin cu hon", "cac tin moi", "xem tin theo ngay", "y kien ban doc",
                        "gui y kien", "tu khoa", "tags", "the")
# The page's footer, where a page of unclosed tags runs the article into it: the body stops there too
# (`Bản quyền thuộc …`, `Bản quyền © …`, `© 2019 …`, `Copyright …`; not a sentence about copyright).
FOOTER_RE = re.compile(r"^(?:ban quyen (?:thuoc|©|\(c\))|(?:copyright\s*)?(?:©|\(c\))\s*(?:(?:19|20)\d\d|ban quyen)|copyright\b)")
INLINE = ("span", "b", "strong", "i", "em", "font", "label", "small", "u")
TITLE_HINTS = ("title", "tieude", "tieu-de", "tieu_de", "headline", "tenbai", "ten-bai")
TITLE_MAX = 300
# The portal's tools around an article: print, e-mail, back, top, share, font size. A link, button, image
# or any element is a tool by where it leads or what it runs (always), or by its label alone when it sits
# among other tools (a link "Facebook" inside a sentence stays).
# Not window.open (old portals open the large photo with it) nor a zalo.me address (a contact's Zalo).
TOOL_TARGET_RE = re.compile(
    r"\bprint\s*\(|print(?:page|view|er)?\.(?:aspx?|php|html?|jsp)|(?:^|[/?&=_-])print(?:$|[/?&=_.-])|history\.(?:back|go)|scrollto"
    r"|sharer|share\.php|share_inline|zalo\.me/share|sp\.zalo\.me|twitter\.com/(?:intent|share|home)|plus\.google"
    r"|linkedin\.com/share|pinterest\.com/pin|mailto:\?|sendmail|send_mail|guiemail|gui-email|gui_email|guibai|gui-bai|guitin"
    r"|inbai|in-bai|in_bai|addthis|sharethis|fontsize|font-size|zoomtext|\bzoom\(",
    re.IGNORECASE)
TOOL_CLASS_RE = re.compile(r"share|print|social|zalo|fb-like|fb-share|addthis|tool|tienich|tien-ich|congcu|cong-cu|fontsize", re.IGNORECASE)
TOOL_LABELS = ("in bai", "in bai viet", "in trang", "in trang nay", "in tin", "in", "ban in", "ban de in", "print", "gui email", "gui e-mail",
               "gui mail", "gui bai", "gui bai viet", "gui tin", "gui cho ban be", "gui ban be", "gui bai viet qua email", "email", "e-mail",
               "ve trang truoc", "tro ve trang truoc", "quay lai", "quay ve", "tro ve", "tro lai", "back", "len dau trang", "ve dau trang",
               "dau trang", "len tren", "top", "chia se", "chia se bai viet", "share", "facebook", "zalo", "twitter", "tweet", "google",
               "linkedin", "thich", "like", "luu bai", "luu tin", "luu", "phong to", "thu nho", "co chu", "a+", "a-", "a", "tien ich",
               "cong cu", "xem ban in")
TOOL_TEXT_MAX = 160  # the longest text of a tool bar: `In bài | Gửi email | Về trang trước | Chia sẻ: …`
_TOOL_WORDS_RE = re.compile(r"(?<![\w+-])(?:" + "|".join(re.escape(label) for label in sorted(TOOL_LABELS, key=len, reverse=True))
                            + r")(?![\w+-])")
SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
BREADCRUMB_HINTS = ("breadcrumb", "duongdan", "duong-dan", "path", "navigator", "sitemap")
HOME_WORDS = {"trang chu", "home", "trang nhat"}
SELECTOR_KEYS = ("title", "date", "views", "breadcrumb", "body", "signature")


@dataclass
class Listing:
    category: str | None
    total: int | None
    source: str


@dataclass
class Page:
    """What the page is: an article (item), a listing, or neither (reason)."""

    item: Item | None = None
    listing: Listing | None = None
    reason: str | None = None
    notes: list = field(default_factory=list)


def decode_page(data: bytes) -> str:
    match = CHARSET_RE.search(data[:4096])
    candidates = [match.group(1).decode("ascii", "replace")] if match else []
    for encoding in [*candidates, "utf-8", "cp1252"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def parse_number(text: str) -> int | None:
    digits = re.sub(r"[.,\s]", "", text or "")
    return int(digits) if digits.isdigit() else None


def convert_legacy_text(soup: BeautifulSoup) -> str | None:
    """Decode TCVN3 / VNI text in place, before the markup (and its font names) is cleaned.
    Returns the encoding converted from, if any."""
    converted = None
    for node in list(soup.find_all(string=True)):
        if not isinstance(node, NavigableString) or type(node) is not NavigableString or not str(node).strip():
            continue
        encoding, upper = _font_of(node)
        if encoding:
            decoded = decode_legacy(str(node), encoding, upper)
            if decoded != str(node):
                node.replace_with(NavigableString(decoded))
                converted = encoding
    if converted:
        return converted
    texts = [str(node) for node in soup.find_all(string=True) if type(node) is NavigableString and node.parent.name not in ("script", "style")]
    guessed = guess_page_encoding(texts)
    if guessed:
        for node in list(soup.find_all(string=True)):
            if type(node) is NavigableString and str(node).strip():
                node.replace_with(NavigableString(decode_legacy(str(node), guessed, _font_of(node)[1])))
    return guessed


def _font_of(node):
    for parent in node.parents:
        if not isinstance(parent, Tag):
            continue
        face = parent.get("face")
        style = parent.get("style") or ""
        match = re.search(r"font-family\s*:\s*([^;]+)", style, re.IGNORECASE)
        for font in (face, match.group(1) if match else None):
            if font:
                encoding, upper = encoding_from_font(font)
                if encoding:
                    return encoding, upper
                return None, False
    return None, False


def old_url(text: str, soup: BeautifulSoup, relative_path: str) -> str:
    """Where the page lived: the browser's `saved from url` note, the canonical link, og:url,
    or (a wget mirror) the host folder and the file's path."""
    match = SAVED_FROM_RE.search(text[:2000])
    if match:
        return match.group(1)
    for tag, attr in ((soup.find("link", rel="canonical"), "href"), (soup.find("meta", property="og:url"), "content")):
        if tag is not None and tag.get(attr, "").startswith(("http://", "https://")):
            return tag[attr]
    parts = relative_path.split("/")
    name = parts[-1]
    # wget --adjust-extension adds .html to dynamic pages; --restrict-file-names=windows writes @ for ?.
    if re.search(r"\.(aspx?|php|jsp|cfm)[@?].*\.html?$", name, re.IGNORECASE):
        name = re.sub(r"\.html?$", "", name, flags=re.IGNORECASE)
    if "?" not in name and "@" in name:
        name = name.replace("@", "?", 1)
    parts[-1] = name
    if len(parts) > 1 and "." in parts[0]:
        return f"http://{parts[0]}/" + "/".join(parts[1:])
    return "/" + "/".join(parts)


def _positions(soup):
    return {id(node): index for index, node in enumerate(soup.descendants)}


def _select(soup, selectors, key):
    selector = (selectors or {}).get(key)
    if not selector:
        return None
    found = soup.select_one(selector)
    return found


def _date_node(soup, selectors):
    """The date line: the element holding it, and its text node (the element of a selector, twice)."""
    chosen = _select(soup, selectors, "date")
    if chosen is not None:
        return chosen, chosen
    for node in soup.find_all(string=DATE_LINE_RE):
        if node.parent.name not in ("script", "style", "title", "option", "a"):
            return node.parent, node
    return None, None


def _only_tool_words(text: str) -> bool:
    """Nothing but tool labels, separators and punctuation (`In bài | Gửi email`, `Chia sẻ:`)."""
    if len(text) > TOOL_TEXT_MAX and len(one_line(text)) > TOOL_TEXT_MAX:
        return False  # a sentence, not a tool bar: said without folding it
    return not re.sub(r"[\W_]+", "", _TOOL_WORDS_RE.sub(" ", fold(text)))


def _is_tool(tag: Tag) -> str | None:
    """'target' for an element that leads to or runs a tool, 'label' for one only named like one."""
    if tag.name in ("button", "input", "select"):
        return "target"
    marker = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    actions = " ".join(tag.get(name) or "" for name in ("href", "onclick", "data-href", "action"))
    # By its class only when it holds no photo: `<div class="share-image"><img …></div>` may be the article's.
    if TOOL_TARGET_RE.search(actions) or (tag.name in ("a", "div", "span", "li", "ul", "td") and TOOL_CLASS_RE.search(marker)
                                          and not tag.find("img") and _only_tool_words(tag.get_text(" "))):
        return "target"
    if tag.name in ("a", "img"):
        label = " ".join([tag.get_text(" "), tag.get("alt") or "", tag.get("title") or ""]) if tag.name == "a" else \
            " ".join([tag.get("alt") or "", tag.get("title") or ""])
        if one_line(label) and _only_tool_words(label):
            return "label"
    return None


def _residue(container: Tag, tools: set) -> bool:
    """Whether the container holds anything but tools: text beyond tool words, or a photo."""
    text = []
    for node in container.descendants:
        if any(id(parent) in tools for parent in [node, *node.parents] if parent is not container.parent):
            if node is container:
                break
            continue
        if isinstance(node, Tag) and node.name == "img":
            return True
        if type(node) is NavigableString:
            text.append(str(node))
            if not _only_tool_words(" ".join(text)):
                return True
    return False


def _remove_tool_words_beside(block: Tag) -> None:
    """The `|` or `-` between two tools and a `Chia sẻ:` label before them, where they share a block
    with the article."""
    for step in ("previous_sibling", "next_sibling"):
        side = getattr(block, step)
        while side is not None:
            following = getattr(side, step)
            if type(side) is NavigableString:
                if str(side).strip():
                    if not _only_tool_words(str(side)):
                        break
                    side.replace_with(" ")
            elif isinstance(side, Tag) and side.name in INLINE and not side.find("img") and one_line(side.get_text(" ")) \
                    and _only_tool_words(side.get_text(" ")):
                side.decompose()
            else:
                break
            side = following


def remove_tools(soup: BeautifulSoup) -> int:
    """Takes the portal's tools out: each tool, and around it the largest block holding nothing else
    (a tool bar, a table of icons, `Chia sẻ: Facebook Zalo`). Returns how many blocks were removed."""
    found = [(tag, kind) for tag in soup.find_all(True) if (kind := _is_tool(tag))]
    tools = {id(tag) for tag, _kind in found}
    removed = 0
    for tag, kind in found:
        if tag.decomposed:
            continue  # inside a block removed already
        block = tag
        while block.parent is not None and block.parent.name not in ("body", "html", "[document]") and not _residue(block.parent, tools):
            block = block.parent
        if kind == "label" and block is tag:
            continue  # a word in running text, not a tool
        _remove_tool_words_beside(block)
        block.decompose()
        removed += 1
    return removed


def _end_of_article(soup, date_pos, positions):
    """The first heading after the date line of what follows an article (other news, related news,
    keywords, comments): the body stops there."""
    for node in soup.find_all(string=True):
        if type(node) is not NavigableString or positions.get(id(node), -1) <= date_pos:
            continue
        text = fold(one_line(str(node))).rstrip(" :")
        if text and len(text) <= 40 and any(text == label or text.startswith(label + " ") and label == OLDER_NEWS_FOLD
                                            for label in END_OF_ARTICLE_FOLDS):
            return node.parent
        if FOOTER_RE.match(text) and len(text) <= 200:
            return node if node.parent.find(string=True) is not node else node.parent
    return None


def _older_news_element(soup):
    for node in soup.find_all(string=True):
        if type(node) is NavigableString and fold(one_line(str(node))).startswith(OLDER_NEWS_FOLD):
            return node.parent
    return None


def _breadcrumb(soup, selectors, before_pos, positions):
    chosen = _select(soup, selectors, "breadcrumb")
    candidates = [chosen] if chosen is not None else []
    if not candidates:
        for tag in soup.find_all(True):
            marker = " ".join([tag.get("id") or "", *(tag.get("class") or [])]).lower()
            if any(hint in marker for hint in BREADCRUMB_HINTS) and tag.find("a"):
                candidates.append(tag)
                break
    if not candidates:
        # Links joined by » › > / before the title: the shape of a breadcrumb without a name.
        for tag in soup.find_all(["div", "td", "p", "span", "nav", "ol", "ul"]):
            links = tag.find_all("a")
            text = tag.get_text(" ")
            if 2 <= len(links) <= 6 and re.search(r"[»›>/]", "".join(str(s) for s in tag.find_all(string=True, recursive=True) if s.parent.name != "a")) \
                    and len(one_line(text)) < 200 and positions.get(id(tag), 0) < before_pos \
                    and fold(one_line(links[0].get_text(" "))) in HOME_WORDS:
                candidates.append(tag)
                break
    if not candidates:
        return []
    parts = [one_line(link.get_text(" ")) for link in candidates[0].find_all("a")]
    if not parts:
        parts = [one_line(part) for part in re.split(r"[»›>|/]", candidates[0].get_text(" "))]
    return [part for part in parts if part and fold(part) not in HOME_WORDS]


def _short(text):
    """A title, or None for text too long to be one (a whole block or page)."""
    text = one_line(text)
    return text if text and len(text) <= TITLE_MAX else None


def _title(soup, selectors, date_el, date_node, positions):
    """The title, from the first of: the selector, the last heading before the date line, the last
    element named as a title before it, the text just before the date line; then the page's <title>.
    Never longer than TITLE_MAX: a page without the parts guessed at must not get its whole text."""
    chosen = _select(soup, selectors, "title")
    if chosen is not None:
        return one_line(chosen.get_text(" "))
    date_pos = positions[id(date_node)]
    date_text = fold(one_line(date_el.get_text(" ")))
    around = {id(date_el), *(id(parent) for parent in date_el.parents)}
    before = [tag for tag in soup.find_all(True) if positions[id(tag)] < date_pos and id(tag) not in around]
    for tag in reversed([tag for tag in before if tag.name in ("h1", "h2", "h3")]):
        if not tag.find_parent(["nav", "header", "a"]) and _short(tag.get_text(" ")):
            return _short(tag.get_text(" "))
    for tag in reversed(before):
        marker = " ".join([tag.get("id") or "", *(tag.get("class") or [])]).lower()
        if any(hint in marker for hint in TITLE_HINTS) and not tag.find("a") and _short(tag.get_text(" ")):
            return _short(tag.get_text(" "))
    # The last text before the date line (inside the date's own block too), if it is not a link (menus, breadcrumb).
    for node in reversed([n for n in soup.find_all(string=True) if positions[id(n)] < date_pos]):
        text = one_line(str(node))
        if type(node) is not NavigableString or not text or node.parent.name in ("script", "style", "title", "option"):
            continue
        if node.find_parent("a") or len(text) < 5 or (date_text and fold(text) in date_text and DATE_LINE_RE.search(text)):
            continue
        block = node.parent
        while block.parent is not None and block.name in ("span", "font", "b", "strong", "em", "i", "u"):
            block = block.parent
        whole = _short(block.get_text(" "))
        if whole and not DATE_LINE_RE.search(whole):
            return whole
        return _short(text)
    title_tag = soup.find("title")
    if title_tag is not None:
        return _short(re.split(r"\s+[-|–]\s+", one_line(title_tag.get_text(" ")))[0])
    return None


def _body(soup, selectors, date_el, date_node, stop_el, positions):
    """The element holding the most paragraph text between the date line and CÁC TIN ĐÃ ĐĂNG;
    children before the date line or from the stop marker on are dropped."""
    chosen = _select(soup, selectors, "body")
    # From the date line's own text: a title in the same cell, before it, stays out.
    date_pos = positions[id(date_node)] if date_node is not None else -1
    stop_pos = positions[id(stop_el)] if stop_el is not None else float("inf")
    if chosen is None:
        best, best_score = None, 0
        for tag in soup.find_all(["div", "td", "article", "section", "span", "font"]):
            position = positions[id(tag)]
            if position >= stop_pos:
                continue
            score = 0
            for child in tag.children:
                child_pos = positions.get(id(child), 0)
                if child_pos <= date_pos or child_pos >= stop_pos:
                    continue
                if isinstance(child, Tag) and child.name in ("p", "div", "table", "center", "blockquote", "ul", "ol"):
                    if child.find(lambda t: t is date_el or t is stop_el) is None and child is not date_el:
                        score += len(child.get_text(" ", strip=True)) + 200 * len(child.find_all("img"))
                elif isinstance(child, NavigableString):
                    score += len(str(child).strip())
            if score > best_score:
                best, best_score = tag, score
        chosen = best
    if chosen is None:
        return None
    parts = []
    for child in list(chosen.children):
        child_pos = positions.get(id(child), 0)
        if child_pos <= date_pos or child_pos >= stop_pos:
            continue
        if isinstance(child, Tag) and (child.find(lambda t: t is date_el or t is stop_el) is not None or child is date_el):
            continue
        if isinstance(child, Tag) and VIEWS_RE.search(child.get_text(" ")) and len(one_line(child.get_text(" "))) < 40:
            continue
        parts.append(str(child))
    return "".join(parts)


def parse_page(data: bytes, relative_path: str, zone_name: str = "Asia/Ho_Chi_Minh", selectors=None) -> Page:
    """Raises HtmlTooComplex for a page too large or too deep to read in bounded time."""
    text = decode_page(data)
    soup = bounded_soup(text)
    for tag in soup.find_all(["script", "style", "noscript"]):
        tag.decompose()
    page = Page()
    encoding = convert_legacy_text(soup)
    for node in list(soup.find_all(string=True)):
        if type(node) is NavigableString:
            cleaned = clean_text(str(node))
            if cleaned != str(node):
                node.replace_with(NavigableString(cleaned))
    url = old_url(text, soup, relative_path)
    remove_tools(soup)
    positions = _positions(soup)
    date_el, date_node = _date_node(soup, selectors)
    stop_el = _older_news_element(soup)
    whole = one_line(soup.get_text(" "))
    total_match = TOTAL_RE.search(whole)
    total = parse_number(total_match.group(1)) if total_match else None
    dated = [node for node in soup.find_all(string=DATE_LINE_RE) if node.parent.name not in ("script", "style", "title", "option")]
    if date_el is not None and stop_el is None and total is not None and len(dated) >= 3 and not _select(soup, selectors, "date"):
        # Several date lines, a total and no "CÁC TIN ĐÃ ĐĂNG": a listing whose items show their dates.
        crumbs = _breadcrumb(soup, selectors, float("inf"), positions)
        page.listing = Listing(crumbs[-1] if crumbs else None, total, relative_path)
        return page
    if date_el is None:
        crumbs = _breadcrumb(soup, selectors, float("inf"), positions)
        if total is not None or len(soup.find_all("a")) >= 10:
            title = soup.find(["h1", "h2"])
            category = crumbs[-1] if crumbs else (one_line(title.get_text(" ")) if title else None)
            if total is not None:
                page.listing = Listing(category, total, relative_path)
                return page
        page.reason = "không thấy dòng ngày đăng (Thứ ..., ngày d/M/yyyy - HH:MM)"
        return page
    item = Item(origin=url, base_url=url if url.startswith("http") else None, base_path=relative_path, source=relative_path)
    item.old_urls = [url]
    if encoding:
        item.notes.append(("encoding_converted", encoding))
    date_text = one_line(date_el.get_text(" "))
    match = DATE_LINE_RE.search(date_text)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        hour, minute = int(match.group(4) or 0), int(match.group(5) or 0)
        try:
            item.date = datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone_name))
        except ValueError:
            item.notes.append(("date_unreadable", date_text))
    else:
        item.notes.append(("date_unreadable", date_text))
    views_el = _select(soup, selectors, "views")
    views_match = VIEWS_RE.search(one_line(views_el.get_text(" ")) if views_el is not None else whole)
    if views_match:
        item.views = parse_number(views_match.group(1))
    crumbs = _breadcrumb(soup, selectors, positions[id(date_el)], positions)
    item.title = _title(soup, selectors, date_el, date_node, positions)
    if crumbs and item.title and fold(crumbs[-1]) == fold(item.title):
        crumbs = crumbs[:-1]
    if crumbs:
        item.categories = [crumbs[-1]]
    end_el = _end_of_article(soup, positions[id(date_node)], positions)
    item.body_html = _body(soup, selectors, date_el, date_node, end_el, positions) or ""
    item.signature_from_body = True
    signature_el = _select(soup, selectors, "signature")
    if signature_el is not None:
        item.author = one_line(signature_el.get_text(" ")) or None
    if total is not None and stop_el is not None and item.categories:
        item.total_label = (item.categories[0], total)
    page.item = item
    return page
