"""Which news go where on the home page and in the article sidebar. Pure: no Pelican, no I/O.

Every function takes news already in the one site order (newest first, then slug) or sorts
with vn_core.ordering, so two news at the same minute never swap between builds."""

from datetime import timedelta

from trangtin.vn_core.ordering import news_key, newest_first

TRUE_WORDS = {"true", "yes", "1", "có", "co"}


def is_featured(raw) -> bool:
    """`Featured: true` in an article's metadata (also `yes`, `1`, `có`), any case."""
    if isinstance(raw, bool):
        return raw
    return raw is not None and str(raw).strip().casefold() in TRUE_WORDS


def lead_story(news, featured, has_cover, window_days: int = 14, now=None, max_age_days: int = 0):
    """The home page's lead story: the newest news marked featured if it is at most `window_days`
    older than the newest news of the site; else the newest with a cover; else the newest.
    With `now` and `max_age_days` (0: no limit) only news at most that many days old at `now` can
    lead, so a site that has not published for months shows no stale lead. `featured(item)` and
    `has_cover(item)` say what an item is; None when no news can lead."""
    ordered = newest_first(news)
    if now is not None and max_age_days:
        oldest = now - timedelta(days=max_age_days)
        ordered = [item for item in ordered if item.date >= oldest]
    if not ordered:
        return None
    newest_date = ordered[0].date
    for item in ordered:
        if newest_date - item.date > timedelta(days=window_days):
            break
        if featured(item):
            return item
    for item in ordered:
        if has_cover(item):
            return item
    return ordered[0]


def home_sections(first_page, lead, row_size: int) -> dict:
    """Split the home's first page of news around the lead: the row of the next `row_size`
    news with thumbnails, then the latest list. The lead is never repeated."""
    rest = [item for item in first_page if item is not lead]
    return {"lead": lead, "row": rest[:row_size], "latest": rest[row_size:]}


def category_blocks(categories, order, shown, per_block: int) -> list:
    """One block per category, in the order of `order` (NEWS_CATEGORIES) and then by name for
    categories outside it. A block skips news already shown higher on the home page, so blocks do
    not repeat "Tin mới nhất"; a category whose news are all shown keeps its newest ones instead,
    so no category disappears from the home page. `categories`: (name, category, news) triples."""
    rank = {name: index for index, name in enumerate(order)}
    shown_ids = {id(item) for item in shown}
    blocks = []
    for name, category, news in sorted(categories, key=lambda c: (rank.get(c[0], len(rank)), c[0])):
        ordered = newest_first(news)
        if not ordered:
            continue
        fresh = [item for item in ordered if id(item) not in shown_ids]
        items = (fresh or ordered)[:per_block]
        blocks.append({"category": category, "first": items[0], "more": items[1:], "all_shown": not fresh})
    return blocks


def latest(news, count: int) -> list:
    return newest_first(news)[:count]


def most_viewed(news, views, count: int) -> list:
    """The `count` news with the most views; `views(item)` is an int or None (no count: left out).
    Equal counts: the newer news first."""
    counted = [item for item in news if views(item) is not None]
    ordered = sorted(counted, key=news_key, reverse=True)
    return sorted(ordered, key=views, reverse=True)[:count]
