"""build_speed: the same site, built faster — linear tag/category/author pages, URLs computed once
per content object, the parts of pages that recur (a news item of a list) rendered once per build,
and output pages rendered by forked workers on every usable core."""

from .plugin import connect


def register():
    connect()
