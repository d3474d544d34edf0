"""plugins/older_news/listing.py: which older news each page and each shared window holds."""

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT


from trangtin.older_news import listing  # noqa: E402

PER_PAGE = 10


# (group size n, article position a) -> (older news T, pages P, tops of pages 1..P, positions on the last page)
TABLE = [
    # 0 news: nothing to list, no window
    # 1 news: the only article has no older news
    (1, 0, 0, 0, [], []),
    # 9 news: first, middle, last article
    (9, 0, 0, 0, [], []),
    (9, 4, 4, 1, [3], [3, 2, 1, 0]),
    (9, 8, 8, 1, [7], [7, 6, 5, 4, 3, 2, 1, 0]),
    # 10 news: the newest has 9 older, one page
    (10, 9, 9, 1, [8], [8, 7, 6, 5, 4, 3, 2, 1, 0]),
    # 11 news: the newest has exactly 10 older, still one page
    (11, 10, 10, 1, [9], list(range(9, -1, -1))),
    (11, 1, 1, 1, [0], [0]),
    # 20 news: the newest has 19 older: 10 + 9
    (20, 19, 19, 2, [18, 8], list(range(8, -1, -1))),
    (20, 10, 10, 1, [9], list(range(9, -1, -1))),
    # 21 news: the newest has exactly 20 older: 10 + 10
    (21, 20, 20, 2, [19, 9], list(range(9, -1, -1))),
    (21, 11, 11, 2, [10, 0], [0]),
    # 123 news: the reference page's "Tổng số: 123 | Trang: 1 trên tổng số 13 trang" is the 124th news
    (124, 123, 123, 13, [122 - 10 * k for k in range(13)], [2, 1, 0]),
    (123, 122, 122, 13, [121 - 10 * k for k in range(13)], [1, 0]),
    (123, 61, 61, 7, [60, 50, 40, 30, 20, 10, 0], [0]),
    (123, 0, 0, 0, [], []),
]


@pytest.mark.parametrize("n, a, total, pages, tops, last_page", TABLE)
def test_pages_hold_the_older_news_in_runs_of_ten_when_article_is_at_position_a(n, a, total, pages, tops, last_page):
    assert a == total  # the article at position a has exactly a older news
    assert listing.page_count(total, PER_PAGE) == pages
    assert [listing.window_top(total, page, PER_PAGE) for page in range(1, pages + 1)] == tops
    if pages:
        assert listing.page_positions(total, pages, PER_PAGE) == last_page
        assert all(top in listing.window_tops(n) for top in tops)


@pytest.mark.parametrize("n, tops", [(0, []), (1, []), (2, [0]), (11, list(range(10))), (123, list(range(122)))])
def test_a_group_needs_one_window_per_news_but_the_newest_when_it_has_n_news(n, tops):
    assert list(listing.window_tops(n)) == tops


@pytest.mark.parametrize(
    "top, positions, span",
    [
        (0, [0], (1, 1)),
        (8, [8, 7, 6, 5, 4, 3, 2, 1, 0], (9, 1)),
        (9, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], (10, 1)),
        (10, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], (11, 2)),
        (122, list(range(122, 112, -1)), (123, 114)),
    ],
)
def test_window_lists_ten_news_back_from_its_top_when_read_without_context(top, positions, span):
    assert listing.window_positions(top, PER_PAGE) == positions
    assert (positions[0] + 1, positions[-1] + 1) == span  # news numbers, counted from the first = 1


def page_of_window(older_total, top, per_page):
    """Which page of a list of `older_total` older news the window `top` is, or None."""
    if not 0 <= top < older_total or (older_total - 1 - top) % per_page:
        return None
    return (older_total - 1 - top) // per_page + 1


def test_same_minute_news_keep_slug_order_when_positions_are_assigned():
    # The arithmetic works on positions; the order itself is vn_news.ordering.news_key: (date, slug).
    from datetime import datetime
    from types import SimpleNamespace

    from trangtin.vn_core.ordering import oldest_first

    minute = datetime(2023, 1, 11, 8, 0)
    news = [SimpleNamespace(date=minute, slug="b"), SimpleNamespace(date=minute, slug="a"),
            SimpleNamespace(date=datetime(2023, 1, 10), slug="z")]
    ordered = [item.slug for item in oldest_first(news)]
    assert ordered == ["z", "a", "b"]
    # "b" is at position 2: its page 1 lists "a" then "z".
    assert [ordered[p] for p in listing.page_positions(2, 1, PER_PAGE)] == ["a", "z"]


ARTICLE = "article#cac-tin-da-dang"


@pytest.mark.parametrize(
    "total, numbers, next_",
    [
        (10, [], None),
        (11, [1, 2], 2),
        (22, [1, 2, 3], 2),
        (123, [1, 2, 3, None, 13], 2),
    ],
)
def test_article_pager_numbers_pages_and_links_page_one_to_the_article_when_older_news_fill_pages(total, numbers, next_):
    pager = listing.article_pager(total, PER_PAGE, lambda top: top, ARTICLE, radius=2)
    assert [None if link is None else link.number for link in pager.links] == numbers
    assert (pager.count, pager.pages, pager.number) == (total, listing.page_count(total, PER_PAGE), 1)
    assert pager.previous is None
    assert pager.next == (listing.window_top(total, 2, PER_PAGE) if next_ else None)
    for link in pager.links:
        if link:
            expected = ARTICLE if link.number == 1 else listing.window_top(total, link.number, PER_PAGE)
            assert link.url == expected and link.name == f"Trang {link.number}" and link.current == (link.number == 1)


def test_article_pager_is_none_when_nothing_is_older():
    assert listing.article_pager(0, PER_PAGE, lambda top: top, ARTICLE, radius=2) is None


def window_pager(top, n, per_page=PER_PAGE, radius=2):
    return listing.window_pager(top, n, per_page, lambda t: t, lambda t: f"L{t}", lambda t: f"N{t}", radius)


@pytest.mark.parametrize(
    "top, n, tops, previous, next_",
    [
        # 56 news: chain 2, 12, 22, 32, 42, 52; the newest window of the chain is linked by "newer" only
        (52, 56, [52, 42, 32, None, 2], None, 42),
        (22, 56, [42, 32, 22, 12, 2], 32, 12),
        (2, 56, [22, 12, 2], 12, None),
        # 23 news: windows 0..21; 21's chain is 1, 11, 21
        (21, 23, [21, 11, 1], None, 11),
        (0, 23, [20, 10, 0], 10, None),
        # 11 news: window 9 is alone in its chain
        (9, 11, [], None, None),
    ],
)
def test_window_pager_links_its_chain_but_never_the_moving_newest_when_read_without_context(top, n, tops, previous, next_):
    pager = window_pager(top, n)
    assert [None if link is None else link.url for link in pager.links] == tops
    assert (pager.previous, pager.next) == (previous, next_)
    assert [link.url for link in pager.links if link and link.current] == ([top] if tops else [])
    assert all(link.label == f"L{link.url}" and link.name == f"N{link.url}" for link in pager.links if link)
    assert (pager.previous_label, pager.next_label) == ("‹ Tin mới hơn", "Tin cũ hơn ›")


@pytest.mark.parametrize("call", [
    lambda: listing.page_count(5, 0),
    lambda: listing.window_top(22, 4, PER_PAGE),
    lambda: listing.window_top(0, 1, PER_PAGE),
    lambda: window_pager(22, 23),
    lambda: listing.window_positions(-1, PER_PAGE),
])
def test_arithmetic_refuses_when_asked_for_a_page_that_cannot_exist(call):
    with pytest.raises(ValueError):
        call()


@settings(max_examples=300, deadline=None)
@given(data=st.data(), n=st.integers(min_value=1, max_value=400), per_page=st.integers(min_value=1, max_value=12))
def test_following_next_from_page_one_visits_every_older_news_once_in_order_when_any_size(data, n, per_page):
    a = data.draw(st.integers(min_value=0, max_value=n - 1))
    visited = []
    pager = listing.article_pager(a, per_page, lambda top: top, ARTICLE, radius=2)
    if pager:
        visited += listing.page_positions(a, 1, per_page)
        # Every linked page's window exists in the group, and holds exactly that page.
        for link in pager.links:
            if link and link.number > 1:
                assert link.url in listing.window_tops(n)
                assert page_of_window(a, link.url, per_page) == link.number
        top = pager.next
        while top is not None:
            visited += listing.window_positions(top, per_page)
            top = window_pager(top, n, per_page).next
    assert visited == list(range(a - 1, -1, -1))


@settings(max_examples=300, deadline=None)
@given(data=st.data(), n=st.integers(min_value=2, max_value=400), per_page=st.integers(min_value=1, max_value=12))
def test_shared_window_pager_is_exact_for_every_reader_when_reached_from_any_article(data, n, per_page):
    top = data.draw(st.integers(min_value=0, max_value=n - 2))
    pager = window_pager(top, n, per_page)
    readers = [a for a in range(n) if page_of_window(a, top, per_page)]
    assert readers  # the article just after the window's top always lists it
    for a in readers:
        page = page_of_window(a, top, per_page)
        # "‹ Tin mới hơn" holds the reader's page j - 1 and "Tin cũ hơn ›" page j + 1, whoever the reader is.
        if page > 1:
            assert listing.window_positions(pager.previous, per_page) == listing.page_positions(a, page - 1, per_page)
        if page < listing.page_count(a, per_page):
            assert listing.window_positions(pager.next, per_page) == listing.page_positions(a, page + 1, per_page)
        else:
            assert pager.next is None
    # Following "Tin cũ hơn ›" from any window lists everything older, once, newest first.
    visited, current = [], top
    while current is not None:
        visited += listing.window_positions(current, per_page)
        current = window_pager(current, n, per_page).next
    assert visited == list(range(top, -1, -1))
    for link in pager.links:
        if link:
            assert link.url in listing.window_tops(n) and link.url % per_page == top % per_page
