"""One order for news everywhere: by date, then by slug, so two news at the same minute never swap."""


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
