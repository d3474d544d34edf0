"""Data that templates loop over, prepared in Python: pagers, cover images, JSON-LD."""

from vn_core.pager import page_window


def pager_links(page, radius: int = 2) -> dict:
    """The pager of a Pelican paginated page: numbered links (None for an ellipsis) and prev/next."""
    paginator = page.paginator
    total = paginator.num_pages
    links = []
    for number in page_window(page.number, total, radius):
        if number is None:
            links.append(None)
        else:
            links.append({"number": number, "url": paginator.page(number).url, "current": number == page.number})
    return {
        "links": links if total > 1 else [],
        "previous": paginator.page(page.number - 1).url if page.has_previous() else None,
        "next": paginator.page(page.number + 1).url if page.has_next() else None,
        "number": page.number,
        "pages": total,
        "count": paginator.count,
    }


def static_path(value):
    """`{static}/images/a.jpg`, `/images/a.jpg` or `images/a.jpg` -> `images/a.jpg`."""
    if not value:
        return None
    text = str(value).strip()
    for prefix in ("{static}", "{attach}", "{filename}", "|static|"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text.startswith(("http://", "https://")):
        return text
    return text.lstrip("/")


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
