"""vn_core.pager: which page numbers a pager shows, by table."""

import sys
from pathlib import Path

import pytest


from trangtin.vn_core.pager import page_count, page_window  # noqa: E402


@pytest.mark.parametrize(
    "items, per_page, expected",
    [(0, 10, 0), (1, 10, 1), (9, 10, 1), (10, 10, 1), (11, 10, 2), (20, 10, 2), (21, 10, 3), (123, 10, 13), (5, 1, 5)],
)
def test_page_count_rounds_up_when_items_do_not_fill_the_last_page(items, per_page, expected):
    assert page_count(items, per_page) == expected


def test_page_count_refuses_when_page_size_is_below_one():
    with pytest.raises(ValueError):
        page_count(10, 0)


@pytest.mark.parametrize(
    "current, total, radius, expected",
    [
        (1, 1, 2, [1]),
        (1, 2, 2, [1, 2]),
        (2, 2, 2, [1, 2]),
        (1, 3, 2, [1, 2, 3]),
        (1, 5, 2, [1, 2, 3, 4, 5]),
        (1, 6, 2, [1, 2, 3, None, 6]),
        (1, 13, 2, [1, 2, 3, None, 13]),
        (13, 13, 2, [1, None, 11, 12, 13]),
        (7, 13, 2, [1, None, 5, 6, 7, 8, 9, None, 13]),
        # A gap of one page shows the page, never an ellipsis standing for a single number.
        (4, 13, 2, [1, 2, 3, 4, 5, 6, None, 13]),
        (5, 13, 2, [1, 2, 3, 4, 5, 6, 7, None, 13]),
        (6, 13, 2, [1, None, 4, 5, 6, 7, 8, None, 13]),
        (10, 13, 2, [1, None, 8, 9, 10, 11, 12, 13]),
        (7, 13, 0, [1, None, 7, None, 13]),
        (7, 13, 1, [1, None, 6, 7, 8, None, 13]),
        (2, 3, 0, [1, 2, 3]),
    ],
)
def test_page_window_shows_ends_and_neighbours_when_listing_has_many_pages(current, total, radius, expected):
    assert page_window(current, total, radius) == expected


def test_page_window_is_empty_when_there_are_no_pages():
    assert page_window(1, 0) == []


@pytest.mark.parametrize("current, total", [(0, 5), (6, 5), (-1, 3)])
def test_page_window_refuses_when_current_page_is_outside_the_listing(current, total):
    with pytest.raises(ValueError):
        page_window(current, total)


@pytest.mark.parametrize("total", range(1, 30))
def test_page_window_links_first_current_and_last_when_any_page_is_current(total):
    for current in range(1, total + 1):
        window = page_window(current, total)
        numbers = [n for n in window if n is not None]
        assert numbers == sorted(set(numbers))
        assert {1, current, total} <= set(numbers)
        assert window[0] == 1 and window[-1] == total
        assert None not in (window[0], window[-1])
        assert all(not (a is None and b is None) for a, b in zip(window, window[1:]))
