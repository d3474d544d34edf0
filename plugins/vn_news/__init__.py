"""vn_news: Vietnamese news conventions for Pelican (reader, formatting, feeds, theme helpers)."""

from .plugin import connect


def register():
    connect()
