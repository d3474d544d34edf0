"""The redirect data: old addresses of imported news and the content file each now lives in.
Pure: no Pelican imports, no I/O. Shared by the redirects plugin (which writes the redirect pages and
server files), the checker (which checks the data before a build) and the importer (which writes it).

Format of chuyen-huong.json (sorted, so the same import twice writes the same bytes):
    {"redirects": [{"from": "/News/Detail.aspx?NewsID=12", "to": "2022/hoi-nghi.md"}, ...]}
`from` is an old address without its host (path, and query if any); `to` a file of the content
folder, whose URL Pelican decides at build time."""

import json
import posixpath
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

DEFAULT_DATA = "chuyen-huong.json"


class RedirectDataError(ValueError):
    """A problem with the redirect data; the message names the file (and the entry)."""


@dataclass(frozen=True)
class Redirect:
    old: str  # "/path" or "/path?query"
    source: str  # content file

    @property
    def path(self) -> str:
        return self.old.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.old.split("?", 1)[1] if "?" in self.old else ""


def old_address(url: str) -> str:
    """The part of an old URL a redirect matches: `/path?query`, host and fragment dropped."""
    parts = urlsplit(url)
    path = quote(unquote(parts.path or "/"), safe="/%:@!$&'()*+,;=-._~")
    return path + (f"?{parts.query}" if parts.query else "")


def loads(text: str, name: str = "chuyen-huong.json") -> list:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RedirectDataError(f"{name}:{error.lineno}: không đọc được JSON ({error.msg})") from None
    entries = data.get("redirects") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RedirectDataError(f'{name}: cần một đối tượng {{"redirects": [...]}}')
    out = []
    for number, entry in enumerate(entries, 1):
        if not (isinstance(entry, dict) and isinstance(entry.get("from"), str) and isinstance(entry.get("to"), str)
                and entry["from"].startswith("/") and entry["to"]):
            raise RedirectDataError(f'{name}: mục thứ {number} cần "from" (bắt đầu bằng /) và "to" (một tệp bài viết)')
        out.append(Redirect(entry["from"], entry["to"]))
    return out


def dumps(redirects) -> str:
    unique = {}
    for redirect in redirects:
        unique.setdefault(redirect.old, redirect)
    entries = [{"from": r.old, "to": r.source} for r in sorted(unique.values(), key=lambda r: r.old)]
    return json.dumps({"redirects": entries}, ensure_ascii=False, indent=1) + "\n"


def page_file(path: str) -> str:
    """The file of the built site that answers an old path: `a/b.html`, `a/b/index.html` for
    `/a/b/` or an extensionless `/a/b`."""
    clean = unquote(path).lstrip("/")
    if clean == "" or clean.endswith("/"):
        return clean + "index.html"
    if "." not in posixpath.basename(clean):
        return clean + "/index.html"
    return clean


