"""Vietnamese formatting, independent of the system locale (CI has only C/POSIX).

Pure functions: no Pelican imports, no I/O."""

import re
import unicodedata
from datetime import datetime

# Indexed by datetime.weekday(): Monday is 0.
DEFAULT_WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def nfc(text: str) -> str:
    """Compose decomposed (NFD) text, as pasted from some editors, into NFC."""
    return unicodedata.normalize("NFC", text)


def short_date(moment: datetime) -> str:
    """`19/6/2022`: day/month/year without zero padding."""
    return f"{moment.day}/{moment.month}/{moment.year}"


def dateline(moment: datetime, weekdays=DEFAULT_WEEKDAYS) -> str:
    """`Chủ nhật, ngày 19/6/2022 - 22:02`, 24-hour time."""
    if len(weekdays) != 7:
        raise ValueError("the weekday table needs 7 names, Monday first")
    return f"{weekdays[moment.weekday()]}, ngày {short_date(moment)} - {moment:%H:%M}"


def group_thousands(number) -> str:
    """`1234567` -> `1.234.567`: Vietnamese uses a dot between thousands."""
    value = int(number)
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


# `1234`, `1.234`, `1 234`: plain digits, or groups of three after the first. Anything else
# (`1.5`, `12a`) is not a count: stripping the dots would silently turn `1.5` into 15.
WHOLE_NUMBER_RE = re.compile(r"^\d+$|^\d{1,3}([.\u00a0 ]\d{3})+$")


def parse_count(raw):
    """A view count from metadata as an int, or None when it is missing or not a whole number."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not WHOLE_NUMBER_RE.match(text):
        return None
    return int(re.sub(r"\D", "", text))


def fold(text: str) -> str:
    """The form used for matching: NFC-insensitive, lower case, no tone or vowel marks, đ -> d,
    spaces collapsed. `Đoàn Khối` -> `doan khoi`; `ĐOÀN` and the NFD form fold alike."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
