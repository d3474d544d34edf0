"""plugins/portal/choose.py: the lead story, the home sections, the category blocks and the sidebar
lists, by table."""

import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest


from trangtin.portal.choose import category_blocks, home_sections, is_featured, latest, lead_story, most_viewed  # noqa: E402

NEWEST = datetime(2022, 9, 20, 8, 0)


@dataclass(eq=False)
class News:
    slug: str
    days_old: float = 0
    featured: bool = False
    cover: bool = False
    views: int = None
    date: datetime = field(init=False)

    def __post_init__(self):
        self.date = NEWEST - timedelta(days=self.days_old)


def lead(items, window=14):
    chosen = lead_story(items, lambda n: n.featured, lambda n: n.cover, window)
    return chosen.slug if chosen else None


@pytest.mark.parametrize(
    "items, expected",
    [
        ([], None),
        ([News("a")], "a"),
        # No featured news, no cover: the newest leads.
        ([News("b", 1), News("a", 0)], "a"),
        # No featured news: the newest with a cover, even if older.
        ([News("a", 0), News("b", 3, cover=True), News("c", 5, cover=True)], "b"),
        # A featured news within 14 days of the newest beats newer news with covers.
        ([News("a", 0, cover=True), News("b", 10, featured=True)], "b"),
        # Exactly 14 days older still counts ...
        ([News("a", 0, cover=True), News("b", 14, featured=True)], "b"),
        # ... one minute more does not: the newest with a cover leads.
        ([News("a", 0, cover=True), News("b", 14 + 1 / 1440, featured=True)], "a"),
        # Two featured: the newer one.
        ([News("a", 0), News("b", 2, featured=True), News("c", 1, featured=True)], "c"),
        # A featured news leads without a cover of its own.
        ([News("a", 0, cover=True), News("b", 1, featured=True, cover=False)], "b"),
        # Same minute: the slug breaks the tie (newest first = larger slug first).
        ([News("a", 0, cover=True), News("b", 0, cover=True)], "b"),
    ],
)
def test_lead_story_follows_the_featured_then_cover_rule_when_given_news(items, expected):
    assert lead(items) == expected


def aged_lead(items, now_days_after_newest, max_age_days):
    now = NEWEST + timedelta(days=now_days_after_newest)
    chosen = lead_story(items, lambda n: n.featured, lambda n: n.cover, 14, now, max_age_days)
    return chosen.slug if chosen else None


@pytest.mark.parametrize(
    "items, now_after_newest, max_age, expected",
    [
        # No news: no lead, whatever the limit.
        ([], 0, 30, None),
        # The newest news is exactly 30 days old: it still leads ...
        ([News("a")], 30, 30, "a"),
        # ... one minute older and nothing leads: the news stays in the row and the list.
        ([News("a")], 30 + 1 / 1440, 30, None),
        # Years old: no lead.
        ([News("a", cover=True), News("b", 1, featured=True)], 3 * 365, 30, None),
        # 0 is no limit (as before the setting).
        ([News("a", cover=True)], 3 * 365, 0, "a"),
        # A fresh newest without a cover leads rather than an old news with one.
        ([News("a"), News("b", 40, cover=True)], 5, 30, "a"),
        # An old featured news cannot lead even within 14 days of the newest.
        ([News("a", cover=True), News("b", 10, featured=True)], 25, 30, "a"),
        # A featured news within the limit still beats the newest with a cover.
        ([News("a", cover=True), News("b", 10, featured=True)], 20, 30, "b"),
        # A future-dated news (a clock behind the content) is not too old.
        ([News("a")], -1, 30, "a"),
    ],
)
def test_lead_story_is_only_a_news_at_most_max_age_days_old_when_a_limit_is_set(items, now_after_newest, max_age, expected):
    assert aged_lead(items, now_after_newest, max_age) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [("true", True), ("True", True), (" yes ", True), ("1", True), ("có", True), (True, True),
     ("false", False), ("", False), (None, False), ("0", False), ("no", False)],
)
def test_featured_is_read_from_metadata_when_written_in_words(raw, expected):
    assert is_featured(raw) is expected


@pytest.mark.parametrize("row_size, row, rest", [(0, [], ["b", "c", "d"]), (2, ["b", "c"], ["d"]), (5, ["b", "c", "d"], [])])
def test_home_sections_never_repeat_the_lead_when_it_is_on_the_first_page(row_size, row, rest):
    page = [News("a"), News("b", 1), News("c", 2), News("d", 3)]
    sections = home_sections(page, page[0], row_size)
    assert [n.slug for n in sections["row"]] == row
    assert [n.slug for n in sections["latest"]] == rest


def test_home_sections_keep_the_whole_first_page_when_the_lead_is_older():
    page = [News("b", 1), News("c", 2)]
    outside = News("x", 9, featured=True)
    sections = home_sections(page, outside, 1)
    assert sections["lead"] is outside
    assert [n.slug for n in sections["row"] + sections["latest"]] == ["b", "c"]


def test_category_blocks_follow_news_categories_and_skip_news_already_shown():
    a1, a2, a3 = News("a1", 0), News("a2", 1), News("a3", 2)
    b1 = News("b1", 0)
    c1, c2 = News("c1", 3), News("c2", 4)
    categories = [("Zeta", "Z", [c1, c2]), ("Alpha", "A", [a1, a2, a3]), ("Beta", "B", [b1]), ("Empty", "E", [])]
    blocks = category_blocks(categories, ["Beta", "Alpha"], shown=[a1, b1], per_block=2)
    # NEWS_CATEGORIES order first, then the others by name; an empty category has no block.
    assert [b["category"] for b in blocks] == ["B", "A", "Z"]
    beta, alpha, zeta = blocks
    # Every news of Beta is shown higher up: its newest stays, so the category does not vanish.
    assert beta["first"] is b1 and beta["more"] == [] and beta["all_shown"]
    assert alpha["first"] is a2 and alpha["more"] == [a3] and not alpha["all_shown"]
    assert zeta["first"] is c1 and zeta["more"] == [c2]


@pytest.mark.parametrize(
    "views, expected",
    [
        ({}, []),
        ({"a": 10, "b": 30, "c": 20}, ["b", "c"]),
        # Equal counts: the newer news first.
        ({"a": 5, "b": 5, "c": 5}, ["a", "b"]),
        # News without a count are left out, a zero count is a count.
        ({"c": 0}, ["c"]),
    ],
)
def test_most_viewed_orders_by_views_then_newest_when_counts_are_known(views, expected):
    items = [News("a", 0), News("b", 1), News("c", 2)]
    for item in items:
        item.views = views.get(item.slug)
    assert [n.slug for n in most_viewed(items, lambda n: n.views, 2)] == expected


def test_latest_is_newest_first_when_asked_for_fewer_than_there_are():
    items = [News("b", 2), News("a", 0), News("c", 1)]
    assert [n.slug for n in latest(items, 2)] == ["a", "c"]
