"""The HTML that Markdown produces is sanitised before it reaches a page: editors may paste
HTML from anywhere, and a pasted <script> or onerror= must not run on the site."""

import nh3

ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) | {"figure", "figcaption"}
_GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang"}
ALLOWED_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
ALLOWED_ATTRIBUTES["*"] = _GLOBAL_ATTRIBUTES
ALLOWED_ATTRIBUTES["img"] = ALLOWED_ATTRIBUTES.get("img", set()) | {"loading", "decoding"}
ALLOWED_ATTRIBUTES["a"] = ALLOWED_ATTRIBUTES.get("a", set()) | {"rel"}
ALLOWED_ATTRIBUTES["sup"] = {"id"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise_html(html: str) -> str:
    """Keep the markup an article needs; drop scripts, styles, event handlers, javascript: URLs."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
