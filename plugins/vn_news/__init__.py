"""vn_news: Vietnamese news conventions for Pelican (reader, formatting, feeds, theme helpers)."""

from .glue import connect


def register():
    connect()
