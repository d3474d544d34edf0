"""What the site's identity settings mean, without Pelican and without I/O: the colours a site may set
(the theme's own `--color-*` custom properties), the stylesheet that sets them, the favicon drawn from
the short name, and the search page's example. The glue (generator.py) reads and writes the files."""

import hashlib
import re
import unicodedata
from xml.sax.saxutils import escape

from trangtin.vn_core.vietnamese import fold

# Files a logo or a favicon may be: what every browser shows in an <img> / <link rel=icon>.
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif")
FAVICON_SUFFIXES = (*IMAGE_SUFFIXES, ".ico")
ICON_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
              ".webp": "image/webp", ".gif": "image/gif", ".avif": "image/avif", ".ico": "image/x-icon"}

# Hex only: a value is written into a stylesheet, so nothing else (`;`, `}`, `url(`) may reach it.
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_ROOT_BLOCK = re.compile(r":root\s*\{(.*?)\}", re.S)
_COLOUR_PROPERTY = re.compile(r"--color-([a-z0-9-]+)\s*:\s*([^;]+);")
HASH_LENGTH = 10  # the length of plugins/assets' hashed names, which the servers cache for a year


class BrandingProblem(ValueError):
    """A setting's value that cannot be used; the message says what is wrong and how to fix it."""

    def __init__(self, setting: str, message: str):
        super().__init__(message)
        self.setting = setting


def theme_colours(stylesheet: str) -> dict:
    """{'brand': '#0b4ea2', 'brand-dark': 'color-mix(…)', …}: the `--color-*` custom properties of the
    theme stylesheet's first `:root` block, which are the names SITE_COLORS may set."""
    block = _ROOT_BLOCK.search(stylesheet)
    return {name: value.strip() for name, value in _COLOUR_PROPERTY.findall(block.group(1))} if block else {}


def site_colours(value, theme: dict) -> dict:
    """SITE_COLORS checked against the theme's names: {'brand': '#7a1f2b', …} in the order given."""
    if not value:
        return {}
    if not isinstance(value, dict):
        raise BrandingProblem("SITE_COLORS", "SITE_COLORS phải là một bảng tên màu và mã màu, ví dụ "
                                             '{"brand": "#7a1f2b", "accent": "#e0a800"}')
    colours = {}
    for name, colour in value.items():
        if name not in theme:
            raise BrandingProblem("SITE_COLORS", f"không có màu tên `{name}` — dùng một trong các tên: {', '.join(theme)}")
        if not isinstance(colour, str) or not _HEX_COLOUR.fullmatch(colour.strip()):
            raise BrandingProblem("SITE_COLORS", f"`{colour}` (màu `{name}`) không phải mã màu — viết dạng `#7a1f2b` "
                                                 "(dấu # và 6 chữ số hệ 16)")
        colours[name] = colour.strip().lower()
    return colours


def colours_stylesheet(colours: dict) -> str:
    """The small stylesheet linked after the theme's: the same custom properties, the site's values.
    A file, not a style attribute: the pages' Content-Security-Policy allows no inline style."""
    lines = "".join(f"  --color-{name}: {colour};\n" for name, colour in colours.items())
    return f"/* SITE_COLORS (pelicanconf.py) */\n:root {{\n{lines}}}\n"


def hashed_name(stem: str, suffix: str, data: bytes) -> str:
    """`mau-sac` + `.css` -> `mau-sac.3f2a9c1b04.css`: a new name whenever the bytes change."""
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}{suffix}"


def initials(name: str, count: int = 2) -> str:
    """The first letters of the first `count` words that begin with a letter, upper case:
    `Đoàn trường` -> `ĐT`."""
    letters = [word[0].upper() for word in unicodedata.normalize("NFC", name).split() if word[0].isalpha()]
    return "".join(letters[:count])


def favicon_letters(value, short_name: str, site_name: str) -> str:
    """SITE_FAVICON_LETTERS when given (1 to 3 characters), else the short name's initials (the site
    name's when there is no short name)."""
    if value:
        letters = str(value).strip()
        if not 1 <= len(letters) <= 3:
            raise BrandingProblem("SITE_FAVICON_LETTERS", f"`{value}` có {len(letters)} ký tự — biểu tượng trên thẻ "
                                                          "trình duyệt chỉ đủ chỗ cho 1 đến 3 chữ, ví dụ `ĐT`")
        return letters
    letters = initials(short_name or site_name)
    if not letters:
        raise BrandingProblem("SITE_SHORTNAME", "không lấy được chữ cái đầu nào từ tên trang để vẽ biểu tượng — "
                                                "đặt SITE_FAVICON_LETTERS = \"…\" (1 đến 3 chữ) hoặc SITE_FAVICON")
    return letters


def favicon_svg(letters: str, background: str, foreground: str = "#fff") -> str:
    """A rounded square of the brand colour with the letters in the middle, sized to fit them."""
    size = {1: 20, 2: 16}.get(len(letters), 11)
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
            f'<rect width="32" height="32" rx="6" fill="{escape(background)}"/>'
            f'<text x="16" y="{16 + size * 3 // 8}" font-family="sans-serif" font-size="{size}" font-weight="700" '
            f'fill="{escape(foreground)}" text-anchor="middle">{escape(letters)}</text></svg>\n')


def search_example(names) -> dict | None:
    """The search page's example of typing without marks: two words of the site's own name (or of a
    category), starting at the first word that has marks. {'typed': 'doan truong', 'found': 'Đoàn
    trường'}; None when no name has a marked word."""
    for name in names:
        words = [word for word in re.findall(r"\w+", name or "") if not word.isdigit()]
        for index, word in enumerate(words):
            if fold(word) != word.casefold():
                found = " ".join(words[index:index + 2])
                return {"typed": fold(found), "found": found}
    return None
