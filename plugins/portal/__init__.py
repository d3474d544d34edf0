"""portal: what makes the home page and the article sidebar read like a news portal — the lead
story, the rows and blocks of the home page, and the one small JSON file the article sidebar reads."""

from .plugin import connect


def register():
    connect()
