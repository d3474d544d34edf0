"""What one imported item is, whatever it came from."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Item:
    origin: str  # the old address (Legacy-URL), unique per item
    origin_key: str = "Legacy-URL"  # the metadata key the origin is written under
    kind: str = "article"  # or "page"
    title: str | None = None
    date: datetime | None = None  # aware
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    author: str | None = None
    summary: str | None = None
    views: int | None = None
    image: str | None = None  # URL of the featured image
    status: str = "published"
    draft_reason: str | None = None
    body_html: str = ""
    slug: str | None = None
    old_urls: list = field(default_factory=list)  # every address that must redirect here
    base_url: str | None = None  # resolves relative links of the body
    base_path: str | None = None  # the saved page on disk (legacy), resolves relative files
    source: str = ""  # file (and line) it was read from, for the report
    notes: list = field(default_factory=list)  # (code, detail)
    signature_from_body: bool = False  # legacy pages: the right-aligned signature is the author
    total_label: tuple | None = None  # (category, Tổng số) read on the page
    embedded: dict = field(default_factory=dict)  # URL in body_html -> (bytes, suffix): files inside the source (Word's photos)
