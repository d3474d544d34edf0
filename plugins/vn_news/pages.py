"""Data that templates loop over, prepared in Python: listing pagers, cover images, JSON-LD."""

from trangtin.vn_core.links import cover_path
from trangtin.vn_core.pager import build_pager


def listing_pager(page, radius: int):
    """The pager of a Pelican paginated page (home, category, tag, author, period archives)."""
    paginator = page.paginator
    return build_pager(page.number, paginator.num_pages, lambda number: paginator.page(number).url, radius, count=paginator.count)


def static_path(value):
    """`{static}/images/a.jpg`, `/images/a.jpg` or `images/a.jpg` -> `images/a.jpg` (vn_core.links)."""
    return cover_path(value)


def absolute(siteurl: str, path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{(siteurl or '').rstrip('/')}/{path}"


def news_article_jsonld(article, settings: dict) -> dict:
    """schema.org NewsArticle for an article, built from data (serialised with |tojson)."""
    siteurl = settings.get("CANONICAL_URL") or settings.get("SITEURL", "")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": settings.get("DEFAULT_LANG", "vi"),
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "mainEntityOfPage": absolute(siteurl, article.url),
        "articleSection": str(article.category),
        "publisher": {"@type": "Organization", "name": settings.get("SITENAME", "")},
    }
    authors = [str(author) for author in getattr(article, "authors", [])]
    if authors:
        data["author"] = [{"@type": "Organization", "name": name} for name in authors]
    # The raster social card set by the photos plugin (never an SVG, which search engines' cards ignore).
    social = getattr(article, "social_image", None)
    if social and social.get("width"):
        data["image"] = [{"@type": "ImageObject", "url": absolute(siteurl, social["url"]),
                          "width": social["width"], "height": social["height"]}]
    elif social:
        data["image"] = [social["url"]]
    return data
