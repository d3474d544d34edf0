"""Text cleaning shared by both importers: NFC, zero-width characters, &nbsp; runs, Word markup,
and the legacy Vietnamese encodings (decoded with vn_core's tables, never a copy of them)."""

import re
import unicodedata

from trangtin.vn_core.legacy_encodings import decode_tcvn3, decode_vni, guess_legacy_encoding
from trangtin.vn_core.links import CONTROL_RE  # the same control characters the checker and the redirect data refuse

ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES_RE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u202f]+")
# Letters a Unicode Vietnamese text nearly always has and Latin-1 cannot spell.
BEYOND_LATIN1_VIETNAMESE_RE = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")


def clean_text(text: str) -> str:
    """NFC, no zero-width characters, every run of spaces or no-break spaces one space."""
    text = ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFC", text))
    return SPACES_RE.sub(" ", text)


def one_line(text: str) -> str:
    """A metadata value: cleaned, on one line, trimmed. A control character counts as a space: NUL,
    ESC or a line break would otherwise reach the file, where a newline starts a new key (`Url:`,
    `Status:`, `Save_as:`)."""
    return re.sub(r"\s+", " ", CONTROL_RE.sub(" ", clean_text(text or ""))).strip()


def one_url(text: str) -> str:
    """An address for a metadata line: control characters and line breaks removed (as browsers
    do with a newline inside a URL), then one line like any value."""
    return one_line(CONTROL_RE.sub("", text or ""))


def as_legacy_bytes(text: str):
    """The bytes a browser showed as Latin-1 (or Windows-1252) characters, or None when the text
    holds characters that no single byte spells (then it is real Unicode)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return None


def encoding_from_font(font: str):
    """'TCVN3' for the .VnTime family, 'VNI' for VNI-Times and friends, with `upper` True for the
    upper-case TCVN3 fonts (.VnTimeH, .VnArialH: lower-case bytes drawn as capitals)."""
    for name in (part.strip().strip("'\"") for part in (font or "").split(",")):
        lowered = name.lower()
        if lowered.startswith(".vn"):
            return "TCVN3", lowered.endswith("h")
        if lowered.startswith("vni-") or lowered.startswith("vni "):
            return "VNI", False
    return None, False


def decode_legacy(text: str, encoding: str, upper: bool = False) -> str:
    data = as_legacy_bytes(text)
    if data is None:
        return text
    decoded = decode_tcvn3(data) if encoding == "TCVN3" else decode_vni(data)
    decoded = unicodedata.normalize("NFC", decoded)
    return decoded.upper() if upper else decoded


def guess_page_encoding(texts) -> str | None:
    """The legacy encoding of a page whose text has no letter beyond Latin-1 (a Unicode Vietnamese
    page always has some: ạ, ư, đ...), when vn_core recognises its bytes."""
    joined = " ".join(texts)
    if BEYOND_LATIN1_VIETNAMESE_RE.search(joined):
        return None
    data = as_legacy_bytes(joined)
    if data is None or data.isascii():
        return None
    name = guess_legacy_encoding(data)
    return name if name in ("TCVN3", "VNI") else None


def is_upper_case(title: str) -> bool:
    letters = [char for char in title if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)
