"""Arithmetic of "Các tin đã đăng": which older news each page holds, and which pages link where.

Pure functions: no Pelican imports, no I/O. A group (a category, or the whole site) is numbered
from its oldest news: position 0 is the oldest, n - 1 the newest. The article at position `a` has
`a` older news. Page j of its list holds the `per_page` news that start at position
a - 1 - per_page * (j - 1) and go back in time; that run of news is a *window*, named by its newest
position (its *top*). Every article whose list reaches that run shares the same window, so a group
of n news needs n - 1 windows, and a window never changes when newer news is published.
"""

from trangtin.vn_core.pager import build_pager, page_count


def _check_per_page(per_page: int) -> None:
    if per_page < 1:
        raise ValueError("per_page must be at least 1")


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


def window_tops(group_size: int) -> range:
    """Tops of the windows a group of `group_size` news needs: one for each news but the newest
    (the newest news is never older than anything in its group)."""
    return range(max(0, group_size - 1))


def article_pager(older_total: int, per_page: int, url_of_top, article_url: str, radius: int):
    """Page 1 of an article's older news: numbered pages, page 1 being the article itself and page
    j the window `window_top(older_total, j)`. None when there is nothing older."""
    pages = page_count(older_total, per_page)
    if pages == 0:
        return None

    def url(page):
        return article_url if page == 1 else url_of_top(window_top(older_total, page, per_page))

    return build_pager(1, pages, url, radius, count=older_total)


def chain_tops(top: int, group_size: int, per_page: int) -> list:
    """The windows a reader can page through from window `top`, newest first: every window whose
    top differs from `top` by a multiple of `per_page`."""
    tops = window_tops(group_size)
    if top not in tops:
        raise ValueError(f"window {top} is outside 0..{len(tops) - 1}")
    chain = top % per_page
    return list(range(tops[-1] - (tops[-1] - chain) % per_page, chain - 1, -per_page))


def window_pager(top: int, group_size: int, per_page: int, url_of_top, label_of_top, name_of_top, radius: int):
    """The pager of a shared window, the same for every reader who lands there: newer and older
    windows of its chain, the oldest one, and never the newest (it moves with every publish, and
    linking it would rewrite windows that did not change). Links are labelled by what they list."""
    chain = chain_tops(top, group_size, per_page)
    position = {t: index + 1 for index, t in enumerate(chain)}

    def top_of(page):
        return chain[page - 1]

    return build_pager(
        position[top], len(chain), lambda page: url_of_top(top_of(page)), radius,
        label_of=lambda page: label_of_top(top_of(page)), name_of=lambda page: name_of_top(top_of(page)),
        first=False, previous_label="‹ Tin mới hơn", next_label="Tin cũ hơn ›",
    )
