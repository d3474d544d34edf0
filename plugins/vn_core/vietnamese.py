"""Vietnamese text and formatting, independent of the system locale (CI has only C/POSIX): NFC,
folding for matching, the Vietnamese sort order, weekdays, dates, periods and numbers.

Pure functions: no Pelican imports, no I/O."""

import re
import unicodedata
from datetime import datetime
from functools import lru_cache

# Indexed by datetime.weekday(): Monday is 0. Settings VN_WEEKDAYS and VN_WEEKDAY_ABBREVIATIONS
# replace them everywhere at once: the date line, the calendars' headers and their titles.
DEFAULT_WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
DEFAULT_WEEKDAY_ABBREVIATIONS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")

# What a year, a month and a day are called in headings and links.
PERIOD_WORDS = {"year": "năm", "month": "tháng", "day": "ngày"}


def _seven(names, setting: str) -> tuple:
    names = tuple(str(name) for name in names)
    if len(names) != 7:
        raise ValueError(f"{setting} needs 7 names, Monday first, not {len(names)}")
    return names


def weekdays_from(settings) -> tuple:
    return _seven(settings.get("VN_WEEKDAYS", DEFAULT_WEEKDAYS), "VN_WEEKDAYS")


def weekday_abbreviations_from(settings) -> tuple:
    return _seven(settings.get("VN_WEEKDAY_ABBREVIATIONS", DEFAULT_WEEKDAY_ABBREVIATIONS), "VN_WEEKDAY_ABBREVIATIONS")


def nfc(text: str) -> str:
    """Compose decomposed (NFD) text, as pasted from some editors, into NFC."""
    return unicodedata.normalize("NFC", text)


def period_label(period: tuple) -> str:
    """The one d/M/yyyy rule: (2022, 6, 19) -> `19/6/2022`, (2022, 6) -> `6/2022`, (2022,) -> `2022`;
    day/month/year without zero padding."""
    return "/".join(str(part) for part in reversed(period))


def short_date(moment: datetime) -> str:
    """`19/6/2022`."""
    return period_label((moment.year, moment.month, moment.day))


def period_heading(period: tuple) -> str:
    """`Tin ngày 19/6/2022`, `Tin tháng 6/2022`, `Tin năm 2022`."""
    return f"Tin {PERIOD_WORDS[('year', 'month', 'day')[len(period) - 1]]} {period_label(period)}"


def dateline(moment: datetime, weekdays=DEFAULT_WEEKDAYS) -> str:
    """`Chủ nhật, ngày 19/6/2022 - 22:02`, 24-hour time."""
    weekdays = _seven(weekdays, "the weekday table")
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
    spaces collapsed. `Đoàn viên` -> `doan vien`; `ĐOÀN` and the NFD form fold alike."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# --- Vietnamese sort order (as ICU's `vi` collation) -------------------------------------------

# Letters in Vietnamese order; f, j, w and z (in loanwords) keep their Latin places.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tones in Vietnamese order: ngang (none), huyền, hỏi, ngã, sắc, nặng. Breve, circumflex and horn
# are not tones: they make other letters (ă, â, ê, ô, ơ, ư).
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_LETTER_WEIGHT = {letter: index for index, letter in enumerate(ALPHABET)}
_TONE_WEIGHT = {mark: index for index, mark in enumerate(TONES) if mark}


@lru_cache(maxsize=4096)
def _weights(char: str) -> tuple:
    """(primary, secondary, tertiary) of one NFC character: letter, tone, case."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = max((_TONE_WEIGHT.get(mark, 0) for mark in decomposed), default=0)
    letter = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in _TONE_WEIGHT))
    lower = letter.lower()
    upper = 1 if letter != lower else 0
    if lower in _LETTER_WEIGHT:
        primary = (3, _LETTER_WEIGHT[lower])
    elif lower.isdigit():
        primary = (2, unicodedata.digit(lower, 0))
    elif lower.isspace():
        primary = (0, 0)
    elif lower.isalpha():
        primary = (4, ord(lower))
    else:
        primary = (1, ord(lower))
    return primary, tone, upper


def sort_key(text: str) -> tuple:
    """A key that sorts text as Vietnamese readers expect (ICU `vi`): letters first (a < ă < â,
    d < đ, o < ô < ơ, u < ư), then tones (ngang < huyền < hỏi < ngã < sắc < nặng), then lower case
    before upper case."""
    weights = [_weights(char) for char in " ".join(nfc(str(text)).split())]
    return (
        tuple(weight[0] for weight in weights),
        tuple(weight[1] for weight in weights),
        tuple(weight[2] for weight in weights),
    )
