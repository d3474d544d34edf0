"""Which page numbers a pager shows. Pure arithmetic, shared by every listing in the site."""

from math import ceil


def page_count(total_items: int, per_page: int) -> int:
    """Pages needed for `total_items`; an empty listing still has one (empty) page."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    return max(1, ceil(total_items / per_page))


def page_window(current: int, total: int, radius: int = 2) -> list:
    """Page numbers to link, with None where an ellipsis stands.

    Always shows the first and last page and `radius` pages either side of the current one;
    a gap of a single page shows that page rather than an ellipsis."""
    if total < 1:
        return []
    if not 1 <= current <= total:
        raise ValueError(f"page {current} is outside 1..{total}")
    wanted = {1, total, *range(max(1, current - radius), min(total, current + radius) + 1)}
    shown = sorted(wanted)
    window = []
    previous = 0
    for number in shown:
        if number - previous == 2:
            window.append(previous + 1)
        elif number - previous > 2:
            window.append(None)
        window.append(number)
        previous = number
    return window
