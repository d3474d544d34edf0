"""vn_news: Vietnamese news conventions for Pelican (reader, formatting, feeds, theme helpers)."""

from . import renamed
from .plugin import connect


def register():
    connect()
    renamed.connect()
