"""Which `<iframe>` video embeds an article may keep: an allow-list of https host + path prefixes
(a setting, VN_NEWS_IFRAME_HOSTS), shared by the sanitiser that keeps them and the checker that
warns about the others."""

from urllib.parse import urlparse

DEFAULT_IFRAME_HOSTS = (
    "www.youtube.com/embed/",
    "youtube.com/embed/",
    "www.youtube-nocookie.com/embed/",
    "youtube-nocookie.com/embed/",
    "www.facebook.com/plugins/video.php",
    "facebook.com/plugins/video.php",
)
SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"


def iframe_allowed(src, hosts=DEFAULT_IFRAME_HOSTS) -> bool:
    """True for an https (or protocol-relative) URL on an allowed host and path."""
    if not src:
        return False
    parsed = urlparse(src.strip())
    if parsed.scheme not in ("https", "") or not parsed.netloc or "@" in parsed.netloc:
        return False
    if parsed.scheme == "" and not src.strip().startswith("//"):
        return False
    place = parsed.netloc.lower() + parsed.path
    return any(place.startswith(entry.lower()) for entry in hosts)
