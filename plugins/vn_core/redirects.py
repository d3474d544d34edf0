"""The redirect data: old addresses of imported news and the content file each now lives in.
Pure: no Pelican imports, no I/O. Shared by the redirects plugin (which writes the redirect pages and
server files), the checker (which checks the data before a build) and the importer (which writes it).

Format of chuyen-huong.json (sorted, so the same import twice writes the same bytes):
    {"redirects": [{"from": "/News/Detail.aspx?NewsID=12", "to": "2022/hoi-nghi.md"}, ...]}
`from` is an old address without its host (path, and query if any); `to` a file of the content
folder, whose URL Pelican decides at build time.

Both become file names (the redirect page, the content file), so neither may climb out of its folder:
no `..` segment (also percent-encoded, `%2e%2e`, or behind an encoded `%2f`), no backslash, no
control character (a newline would also split a line of .htaccess), and `to` is relative."""

import json
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from .links import CONTROL_RE, DECODE_ROUNDS  # one set of control characters, one decoding depth

DEFAULT_DATA = "chuyen-huong.json"
DRIVE_RE = re.compile(r"^[A-Za-z]:")


class RedirectDataError(ValueError):
    """A problem with the redirect data; the message names the file, and the entry and its line
    when the problem is in one entry (`number`, `line`: 0 when unknown)."""

    def __init__(self, name, detail, number=0, line=0):
        super().__init__(f"{name}:{line}: {detail}" if line else f"{name}: {detail}")
        self.detail, self.number, self.line = detail, number, line


class UnsafeRedirect(RedirectDataError):
    """An address or target that would name a file outside its folder, or hold a control character."""


@dataclass(frozen=True)
class Redirect:
    old: str  # "/path" or "/path?query"
    source: str  # content file
    line: int = field(default=0, compare=False)  # where the entry's "from" is in the data, 0 if not read from it

    @property
    def path(self) -> str:
        return self.old.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.old.split("?", 1)[1] if "?" in self.old else ""


def _decoded(text: str) -> str:
    for _round in range(DECODE_ROUNDS):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def _unsafe(path: str, whole: str) -> str | None:
    """Why `path` cannot name a file below a folder (and `whole` cannot be written on one line), or None."""
    for form in (whole, _decoded(whole)):
        if CONTROL_RE.search(form):
            return "có ký tự điều khiển (xuống dòng, tab, NUL…)"
        if "\\" in form:
            return "có dấu gạch chéo ngược \\"
    if ".." in _decoded(path).split("/"):
        return "có đoạn `..` (lùi ra ngoài thư mục, kể cả viết mã %2e%2e)"
    return None


def address_problem(old: str) -> str | None:
    """Why the old address `old` (`/path?query`) cannot become a redirect page, or None."""
    if not old.startswith("/"):
        return "không bắt đầu bằng /"
    return _unsafe(old.split("?", 1)[0], old)


def target_problem(to: str) -> str | None:
    """Why `to` cannot name a file of the content folder, or None."""
    if to.startswith(("/", "\\")) or DRIVE_RE.match(to):
        return "là đường dẫn tuyệt đối (cần đường dẫn trong thư mục nội dung, ví dụ 2022/ten-bai.md)"
    return _unsafe(to, to)


def old_address(url: str) -> str:
    """The part of an old URL a redirect matches: `/path?query`, host and fragment dropped.
    Raises RedirectDataError for an address that no redirect may have (see address_problem)."""
    parts = urlsplit(url)
    path = quote(unquote(parts.path or "/"), safe="/%:@!$&'()*+,;=-._~")
    address = path + (f"?{parts.query}" if parts.query else "")
    problem = address_problem(address)
    if problem:
        raise UnsafeRedirect(url, f"địa chỉ cũ {problem}")
    return address


_SPACE_RE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _members(text: str, start: int):
    """(key, offset of the key, offset of the value) of the JSON object at `start`; the caller
    has checked the text is valid JSON."""
    at = _SPACE_RE.match(text, start + 1).end()
    while text[at] == '"':
        key, end = json.decoder.scanstring(text, at + 1)
        value = _SPACE_RE.match(text, _SPACE_RE.match(text, end).end() + 1).end()
        yield key, at, value
        _value, end = _DECODER.raw_decode(text, value)
        at = _SPACE_RE.match(text, end).end()
        at = _SPACE_RE.match(text, at + 1).end() if text[at] == "," else at


def _entry_lines(text: str) -> list:
    """For each entry of "redirects", the line of each of its keys ({} for an entry that is not an
    object); the last "redirects" wins, as in json.loads. [] when the text has another shape."""

    def line(offset):
        return text.count("\n", 0, offset) + 1

    start = _SPACE_RE.match(text).end()
    if text[start:start + 1] != "{":
        return []
    lines = []
    for key, _at, value in _members(text, start):
        if key != "redirects" or text[value] != "[":
            continue
        lines, at = [], _SPACE_RE.match(text, value + 1).end()
        while text[at] != "]":
            lines.append({k: line(o) for k, o, _v in _members(text, at)} if text[at] == "{" else {"": line(at)})
            _entry, end = _DECODER.raw_decode(text, at)
            at = _SPACE_RE.match(text, end).end()
            at = _SPACE_RE.match(text, at + 1).end() if text[at] == "," else at
    return lines


def loads(text: str, name: str = "chuyen-huong.json", problems: list | None = None) -> list:
    """The redirects of the data `text`. A wrong entry raises RedirectDataError, or, when a list is
    given as `problems`, is appended to it and left out (the checker reports every one)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RedirectDataError(name, f"không đọc được JSON ({error.msg})", line=error.lineno) from None
    entries = data.get("redirects") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RedirectDataError(name, 'cần một đối tượng {"redirects": [...]}')
    try:
        lines = _entry_lines(text)
    except (IndexError, ValueError):  # only the lines are lost: entries are still checked, named by number
        lines = []
    out = []
    for number, entry in enumerate(entries, 1):
        where = lines[number - 1] if len(lines) == len(entries) else {}
        first = min(where.values(), default=0)
        if not (isinstance(entry, dict) and isinstance(entry.get("from"), str) and isinstance(entry.get("to"), str)
                and entry["from"].startswith("/") and entry["to"]):
            error = RedirectDataError(name, f'mục thứ {number} cần "from" (bắt đầu bằng /) và "to" (một tệp bài viết)', number, first)
        elif problem := address_problem(entry["from"]):
            error = UnsafeRedirect(name, f'mục thứ {number}: địa chỉ cũ "from" {problem}', number, where.get("from", first))
        elif problem := target_problem(entry["to"]):
            error = UnsafeRedirect(name, f'mục thứ {number}: "to" {problem}', number, where.get("to", first))
        else:
            out.append(Redirect(entry["from"], entry["to"], where.get("from", first)))
            continue
        if problems is None:
            raise error
        problems.append(error)
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


