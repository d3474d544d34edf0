"""Minifying the theme's CSS and JavaScript. Pure: no Pelican imports, no I/O.

rcssmin and rjsmin only remove what a browser ignores (comments, spaces, line breaks), so the
rules the browser applies are the ones written in theme/static."""

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify(text: str, suffix: str) -> str:
    """`text` of a file ending in `suffix`, minified; unchanged for other kinds of files."""
    minifier = MINIFIERS.get(suffix.lower())
    return minifier(text) if minifier else text
