"""Which `<iframe>` video embeds an article may keep: an allow-list of https host + path prefixes
(a setting, VN_NEWS_IFRAME_HOSTS), shared by the sanitiser that keeps them and the checker that
warns about the others.

The match is on the address as the browser will read it: the host exactly (no userinfo, no port
other than 443), and a path with no `.`/`..` segment, no `//`, no backslash and no encoded dot or
slash, so `youtube.com/embed/../../redirect?…` cannot frame another page of the host."""

import html
import re
from urllib.parse import urlsplit

DEFAULT_IFRAME_HOSTS = (
    "www.youtube.com/embed/",
    "youtube.com/embed/",
    "www.youtube-nocookie.com/embed/",
    "youtube-nocookie.com/embed/",
    "www.facebook.com/plugins/video.php",
    "facebook.com/plugins/video.php",
)
SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"

# Anything a browser or server may turn into another path: controls, spaces, backslashes, and
# percent-encoded dots, slashes, backslashes and percent signs.
TRICKY_RE = re.compile(r"[\x00-\x20\x7f\\]|%(?:2e|2f|5c|25)", re.IGNORECASE)
HOST_RE = re.compile(r"^[a-z0-9.-]+$")


def _place(src: str):
    """(host, path) of an https or protocol-relative address, or None when it is not one plainly."""
    src = html.unescape(src).strip()
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    # The query is the video's business (Facebook's holds an encoded address); the rest is ours.
    if parts.scheme.lower() != "https" or "@" in parts.netloc or TRICKY_RE.search(parts.netloc + parts.path):
        return None
    host, _, port = parts.netloc.lower().partition(":")
    if port not in ("", "443") or not HOST_RE.match(host):
        return None
    segments = parts.path.split("/")[1:]
    if parts.path[:1] != "/" or any(segment in ("", ".", "..") for segment in segments[:-1]) or segments[-1] in (".", ".."):
        return None
    return host, parts.path


def iframe_allowed(src, hosts=DEFAULT_IFRAME_HOSTS) -> bool:
    """True for an https (or protocol-relative) URL on an allowed host, under an allowed path: the
    host matched without case, the path with case (`/EMBED/` is not `/embed/`); an entry ending in
    `/` allows what lies below it, any other entry that exact path."""
    place = _place(src or "")
    if place is None:
        return False
    host, path = place
    for entry in hosts:
        allowed_host, _, allowed_path = entry.partition("/")
        allowed_path = "/" + allowed_path
        if host != allowed_host.lower():
            continue
        if path == allowed_path or (allowed_path.endswith("/") and path.startswith(allowed_path) and len(path) > len(allowed_path)):
            return True
    return False
