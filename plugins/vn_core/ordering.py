"""One order for news everywhere: by date, then by slug, so two news at the same minute never swap;
and the orders of named lists (Vietnamese name order, or the order a setting gives)."""

from .vietnamese import sort_key


def news_key(article):
    return (article.date, article.slug)


def oldest_first(articles) -> list:
    return sorted(articles, key=news_key)


def newest_first(articles) -> list:
    return sorted(articles, key=news_key, reverse=True)


def neighbours(ordered: list) -> list:
    """For a list ordered oldest first: (older, item, newer) for every item."""
    return [
        (ordered[i - 1] if i > 0 else None, item, ordered[i + 1] if i + 1 < len(ordered) else None)
        for i, item in enumerate(ordered)
    ]


def by_name(pairs, name=lambda item: str(item)) -> list:
    """(item, articles) pairs in Vietnamese name order (tags, authors, the categories index)."""
    return sorted(pairs, key=lambda pair: (sort_key(name(pair[0])), str(pair[0])))


def in_preferred_order(pairs, preferred) -> list:
    """(item, articles) pairs in the order of `preferred` names (NEWS_CATEGORIES: the menu, the home
    page's blocks), then the others in Vietnamese name order."""
    rank = {str(name): index for index, name in enumerate(preferred)}
    known = sorted((pair for pair in pairs if str(pair[0]) in rank), key=lambda pair: rank[str(pair[0])])
    return known + by_name(pair for pair in pairs if str(pair[0]) not in rank)


def positions_of(ordered) -> dict:
    """Each item's position in `ordered`, by identity (Pelican's `in` on articles compares identity)."""
    return {id(item): position for position, item in enumerate(ordered)}


def in_order(items, ordered, positions) -> list:
    """`[a for a in ordered if a in items]` in O(len(items) log len(items)): each item once, in the
    order of `ordered`, leaving out items that `ordered` lacks."""
    found = sorted({positions[id(item)] for item in items if id(item) in positions})
    return [ordered[position] for position in found]
