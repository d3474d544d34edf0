"""redirects: keep the old portal's addresses working.

The data is `chuyen-huong.json` in the content folder (written by `make import`): old address ->
content file. At build time every old path gets a small redirect page, and the query-string
addresses (`…aspx?NewsID=…`, which a static host cannot route) get an Apache .htaccess, an nginx
`map` snippet, an IIS web.config and a lookup table on the 404 page. rules.py is pure; generator.py
connects it to Pelican's signals."""


def register():
    from .generator import connect  # noqa: PLC0415 - keeps rules.py importable without Pelican

    connect()
