"""cms: the browser editor at /admin/ (Decap CMS, docs/dang-tin-trinh-duyet.md), written into the output
at build time from the site's settings. config.py is Pelican-free; plugin.py writes the files;
static/trangtin-cms.js is what runs in the browser (the Pelican `Key: value` format, the checks)."""


def register():
    from .plugin import connect  # noqa: PLC0415 - keeps the package importable without Pelican

    connect()
