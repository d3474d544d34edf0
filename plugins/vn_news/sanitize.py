"""The HTML that Markdown produces is sanitised before it reaches a page: editors may paste
HTML from anywhere, and a pasted <script> or onerror= must not run on the site.

Video embeds are the one exception to "no active content": an `<iframe>` whose address is on the
allow-list (vn_core.embeds, setting VN_NEWS_IFRAME_HOSTS: YouTube, youtube-nocookie, Facebook
video) is kept, sandboxed and lazy, in a 16:9 box (`.video-embed` in site.css); any other iframe
is removed (the checker warns on its line)."""

import re

import nh3

from trangtin.vn_core.embeds import DEFAULT_IFRAME_HOSTS, SANDBOX, iframe_allowed

ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) | {"figure", "figcaption", "iframe"}
_GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang"}
ALLOWED_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
ALLOWED_ATTRIBUTES["*"] = _GLOBAL_ATTRIBUTES
ALLOWED_ATTRIBUTES["img"] = ALLOWED_ATTRIBUTES.get("img", set()) | {"loading", "decoding"}
ALLOWED_ATTRIBUTES["a"] = ALLOWED_ATTRIBUTES.get("a", set()) | {"rel"}
ALLOWED_ATTRIBUTES["sup"] = {"id"}
ALLOWED_ATTRIBUTES["iframe"] = {"src", "title", "allowfullscreen"}
IFRAME_SET = {"sandbox": SANDBOX, "loading": "lazy", "referrerpolicy": "strict-origin-when-cross-origin"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

IFRAME_RE = re.compile(r"<iframe\b(?P<attrs>[^>]*)>(?:.*?</iframe\s*>)?", re.IGNORECASE | re.DOTALL)
SRC_RE = re.compile(r"""\bsrc\s*=\s*(?:"(?P<a>[^"]*)"|'(?P<b>[^']*)'|(?P<c>[^\s"'>]+))""", re.IGNORECASE)


def _iframe_src(attrs: str) -> str:
    match = SRC_RE.search(attrs)
    if not match:
        return ""
    return (match.group("a") or match.group("b") or match.group("c") or "").replace("&amp;", "&")


def keep_allowed_iframes(html: str, hosts=DEFAULT_IFRAME_HOSTS) -> str:
    """Allowed iframes wrapped in a 16:9 box; the others removed."""

    def replace(match):
        if iframe_allowed(_iframe_src(match.group("attrs")), hosts):
            return f'<div class="video-embed">{match.group(0)}</div>'
        return ""

    return IFRAME_RE.sub(replace, html)


def sanitise_html(html: str, iframe_hosts=DEFAULT_IFRAME_HOSTS) -> str:
    """Keep the markup an article needs; drop scripts, styles, event handlers, javascript: URLs."""
    if not html:
        return html
    hosts = tuple(iframe_hosts)

    def only_allowed_frames(tag, attribute, value):
        # A second guard: whatever survived the first pass, an iframe's src must be on the list.
        if tag == "iframe" and attribute == "src" and not iframe_allowed(value, hosts):
            return None
        return value

    return nh3.clean(
        keep_allowed_iframes(html, hosts),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=only_allowed_frames,
        set_tag_attribute_values={"iframe": IFRAME_SET},
    )
