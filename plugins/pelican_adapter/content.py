"""A content object's body as Pelican holds it before links are resolved, the context it was made
with, and the hook that resolves `{static}`/`{filename}` links each time a page is written
(Content._content, _context and _update_content, Pelican 4.12). plugins/photos rewrites `<img>`
into `<picture>` there. Gate part `content_body`, required: without it the photos would be
published at their original size and address, so the build stops instead."""

from . import gate


def check():
    gate.require("content_body")


def context_of(content):
    """The build's shared context the object was made with (None for an object made outside a build)."""
    return getattr(content, "_context", None)


def body_of(content) -> str:
    return getattr(content, "_content", None) or ""


def set_body(content, html: str):
    content._content = html  # noqa: SLF001


def resolve_links_with(content, hook):
    """`hook(text, siteurl)` resolves the body's links on this object from now on; it calls
    `resolve_pelican_links(content, text, siteurl)` for Pelican's own."""
    content._update_content = hook  # noqa: SLF001


def resolve_pelican_links(content, text, siteurl):
    return type(content)._update_content(content, text, siteurl)  # noqa: SLF001
