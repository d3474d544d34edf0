"""search: a static search index (Pagefind) of the finished site, built at the end of every build.

indexing.py holds the Pelican-free parts (the command line, reading Pagefind's report); plugin.py
connects them to Pelican's `finalized` signal. The search page's own script (theme/static/js/search.js)
does the Vietnamese query expansion (d -> đ) through Pagefind's JavaScript API."""


def register():
    from .plugin import connect  # noqa: PLC0415 - keeps the package importable without Pelican

    connect()
