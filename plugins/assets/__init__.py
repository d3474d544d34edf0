"""assets: the theme's stylesheet and scripts are minified in the output (the sources stay readable)."""

from .plugin import connect


def register():
    connect()
