"""Arithmetic of "Các tin đã đăng": which older news each page holds, and which pages link where.

Pure functions: no Pelican imports, no I/O. A group (a category, or the whole site) is numbered
from its oldest news: position 0 is the oldest, n - 1 the newest. The article at position `a` has
`a` older news. Page j of its list holds the `per_page` news that start at position
a - 1 - per_page * (j - 1) and go back in time; that run of news is a *window*, named by its newest
position (its *top*). Every article whose list reaches that run shares the same window, so a group
of n news needs n - 1 windows, and a window never changes when newer news is published.
"""

from math import ceil

# The one pager rule of the site (pure, like this module).
from vn_core.pager import page_window


def _check_per_page(per_page: int) -> None:
    if per_page < 1:
        raise ValueError("per_page must be at least 1")


def page_count(older_total: int, per_page: int) -> int:
    """Pages needed to list `older_total` older news; 0 when there are none."""
    _check_per_page(per_page)
    if older_total < 0:
        raise ValueError("older_total cannot be negative")
    return ceil(older_total / per_page)


def window_top(older_total: int, page: int, per_page: int) -> int:
    """Position of the newest news on page `page` of a list of `older_total` older news."""
    pages = page_count(older_total, per_page)
    if not 1 <= page <= pages:
        raise ValueError(f"page {page} is outside 1..{pages}")
    return older_total - 1 - per_page * (page - 1)


def window_positions(top: int, per_page: int) -> list:
    """Positions listed by the window whose newest news is at `top`, newest first."""
    _check_per_page(per_page)
    if top < 0:
        raise ValueError("a window top cannot be negative")
    return list(range(top, max(-1, top - per_page), -1))


def page_positions(older_total: int, page: int, per_page: int) -> list:
    """Positions on page `page` of a list of `older_total` older news, newest first."""
    return window_positions(window_top(older_total, page, per_page), per_page)


def page_of_window(older_total: int, top: int, per_page: int):
    """Which page of a list of `older_total` older news the window `top` is, or None if it is none
    of them (the check the window page's script makes before it trusts `?t=`)."""
    _check_per_page(per_page)
    if not 0 <= top < older_total:
        return None
    offset = older_total - 1 - top
    if offset % per_page:
        return None
    return offset // per_page + 1


def window_tops(group_size: int) -> range:
    """Tops of the windows a group of `group_size` news needs: one for each news but the newest
    (the newest news is never older than anything in its group)."""
    return range(max(0, group_size - 1))


def window_span(top: int, per_page: int) -> tuple:
    """(first, last): the news numbers a window lists, counted from the group's first news = 1,
    newest first. Every reader who reaches the window can be told this; it is always true."""
    positions = window_positions(top, per_page)
    return positions[0] + 1, positions[-1] + 1


def reader_pager(older_total: int, page: int, per_page: int, radius: int = 2) -> dict:
    """The exact pager of one reader: page `page` of an article with `older_total` older news.

    Links are {"page", "top", "current"} (None for an ellipsis); page 1 is the article itself, whose
    list is the window `older_total - 1`. previous/next are page numbers or None."""
    pages = page_count(older_total, per_page)
    if not 1 <= page <= pages:
        raise ValueError(f"page {page} is outside 1..{pages}")
    links = [
        None if number is None else {
            "page": number,
            "top": window_top(older_total, number, per_page),
            "current": number == page,
        }
        for number in page_window(page, pages, radius)
    ]
    return {
        "count": older_total,
        "pages": pages,
        "number": page,
        "links": links,
        "previous": page - 1 if page > 1 else None,
        "next": page + 1 if page < pages else None,
    }


def window_pager(top: int, group_size: int, per_page: int, radius: int = 2) -> dict:
    """The pager a shared window shows without JavaScript, true for every reader who lands there.

    Readers on page j of any article all have page j - 1 at window `top + per_page` and page j + 1
    at `top - per_page`, so previous/next are exact for everyone. The numbered links are the other
    windows of that chain, labelled by the news numbers they list: `radius` newer and older ones and
    the oldest one (never the newest, which moves whenever news is published)."""
    tops = window_tops(group_size)
    if top not in tops:
        raise ValueError(f"window {top} is outside 0..{len(tops) - 1}")
    last_top = tops[-1]
    chain = top % per_page
    current = top // per_page
    newest = (last_top - chain) // per_page
    wanted = sorted({0, *range(max(0, current - radius), min(newest, current + radius) + 1)}, reverse=True)
    links, previous = [], None
    for index in wanted:
        if previous is not None and previous - index == 2:
            links.append(_chain_link(chain + per_page * (index + 1), top, per_page))
        elif previous is not None and previous - index > 2:
            links.append(None)
        links.append(_chain_link(chain + per_page * index, top, per_page))
        previous = index
    newer = top + per_page
    older = top - per_page
    return {
        "links": links,
        "previous": newer if newer <= last_top else None,
        "next": older if older >= 0 else None,
        "windows": newest + 1,
    }


def _chain_link(link_top: int, current_top: int, per_page: int) -> dict:
    first, last = window_span(link_top, per_page)
    return {"top": link_top, "first": first, "last": last, "current": link_top == current_top}
