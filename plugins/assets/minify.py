"""Minifying, naming and compressing the theme's assets. Pure: no Pelican imports, no I/O.

rcssmin and rjsmin only remove what a browser ignores (comments, spaces, line breaks), so the
rules the browser applies are the ones written in theme/static. A hashed name changes exactly when
the bytes a reader receives change, so a server may tell browsers to keep the file for a year."""

import gzip
import hashlib
import posixpath

import brotli
import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
HASHED = tuple(MINIFIERS)  # the files pages link to by a hashed name
HASH_LENGTH = 10  # hex digits of SHA-256: 40 bits, no collision between a theme's versions
# What a server sends compressed (Content-Encoding); images, fonts, PDFs and Pagefind's index files
# (.pf_*, already gzip inside) are compressed already.
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest", ".map")


def minify(text: str, suffix: str) -> str:
    """`text` of a file ending in `suffix`, minified; unchanged for other kinds of files."""
    minifier = MINIFIERS.get(suffix.lower())
    return minifier(text) if minifier else text


def hashed_name(relative: str, data: bytes) -> str:
    """`css/site.css` holding `data` -> `css/site.3f2a9c1b04.css`."""
    folder, name = posixpath.split(relative)
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return posixpath.join(folder, f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}")


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip: modification time 0, no file name in the header (gzip.compress writes none)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes, quality: int) -> bytes:
    return brotli.compress(data, quality=quality)
