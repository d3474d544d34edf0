"""The one pager of the site: which page numbers a pager shows, and the Pager every listing, every
article's "Các tin đã đăng" and every older-news window hands to partials/pagination.html.

Pure: no Pelican imports, no I/O."""

from dataclasses import dataclass
from math import ceil
from typing import Callable

# How many pages either side of the current one a pager links (setting PAGER_RADIUS).
DEFAULT_RADIUS = 2


def radius_from(settings) -> int:
    return int(settings.get("PAGER_RADIUS", DEFAULT_RADIUS))


def page_count(total_items: int, per_page: int) -> int:
    """Pages needed to list `total_items`: 0 when there is nothing to list."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    if total_items < 0:
        raise ValueError("total_items cannot be negative")
    return ceil(total_items / per_page)


def page_window(current: int, total: int, radius: int = DEFAULT_RADIUS, first: bool = True, last: bool = True) -> list:
    """Page numbers to link, with None where an ellipsis stands.

    Shows `radius` pages either side of the current one and, when `first`/`last` are set, the first
    and last page; a gap of a single page shows that page rather than an ellipsis."""
    if total < 1:
        return []
    if not 1 <= current <= total:
        raise ValueError(f"page {current} is outside 1..{total}")
    wanted = set(range(max(1, current - radius), min(total, current + radius) + 1))
    if first:
        wanted.add(1)
    if last:
        wanted.add(total)
    window = []
    previous = None
    for number in sorted(wanted):
        if previous is not None and number - previous == 2:
            window.append(previous + 1)
        elif previous is not None and number - previous > 2:
            window.append(None)
        window.append(number)
        previous = number
    return window


@dataclass(frozen=True)
class PagerLink:
    number: int
    url: str
    label: str
    current: bool
    # What a screen reader hears; always contains the visible label (WCAG 2.5.3).
    name: str


@dataclass(frozen=True)
class Pager:
    """A ready-made pager: `links` holds PagerLink or None (an ellipsis); previous/next are URLs
    or None. `count` and `pages` are shown in "Tổng số: … | Trang: …" where they are known."""

    number: int
    pages: int
    count: int | None
    links: tuple
    previous: str | None
    next: str | None
    previous_label: str = "‹ Trước"
    next_label: str = "Sau ›"

    @property
    def shown(self) -> bool:
        return self.pages > 1


def build_pager(
    current: int,
    pages: int,
    url_of: Callable[[int], str],
    radius: int = DEFAULT_RADIUS,
    count: int | None = None,
    label_of: Callable[[int], str] = str,
    name_of: Callable[[int], str] = lambda number: f"Trang {number}",
    first: bool = True,
    last: bool = True,
    previous_label: str = "‹ Trước",
    next_label: str = "Sau ›",
) -> Pager:
    """The pager of page `current` of `pages`. Page numbers grow away from the newest items."""
    links = tuple(
        None if number is None else PagerLink(number, url_of(number), label_of(number), number == current, name_of(number))
        for number in page_window(current, pages, radius, first, last)
    ) if pages > 1 else ()
    return Pager(
        number=current,
        pages=pages,
        count=count,
        links=links,
        previous=url_of(current - 1) if current > 1 else None,
        next=url_of(current + 1) if current < pages else None,
        previous_label=previous_label,
        next_label=next_label,
    )
