"""The one parser for the dates editors type, shared by the checker and the build.

Our Vietnamese forms first: `19/6/2022`, `19/6/2022 22:02`, `19-6-2022 10:02 CH` (day first, as
Vietnamese write it; `SA` = sáng, a.m., `CH` = chiều, p.m., as Vietnamese Windows writes times),
and `2022-06-19 10:02 CH`. Everything else goes to Pelican's own `get_date` (ISO 8601 and the
forms dateutil reads), handed in by the caller, so this module imports no Pelican.
Two-digit years and years outside 1990–2100 are refused: a news date from them is a typo."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

FIRST_YEAR, LAST_YEAR = 1990, 2100

_TIME = r"(?:[ ,T]+(?P<hour>\d{1,2})\s*[:hg]\s*(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<half>SA|CH|AM|PM))?)?"
DAY_FIRST_RE = re.compile(r"^\s*(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d+)" + _TIME + r"\s*$", re.IGNORECASE)
ISO_HALF_DAY_RE = re.compile(
    r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})[ T]+(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?\s*(?P<half>SA|CH|AM|PM)\s*$",
    re.IGNORECASE,
)
TIME_FIRST_RE = re.compile(
    r"^\s*(?P<hour>\d{1,2})\s*[:hg]\s*(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<half>SA|CH|AM|PM))?[ ,]+"
    r"(?:ngày\s+)?(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4})\s*$",
    re.IGNORECASE,
)
HALF_DAY_WORD_RE = re.compile(r"\b(?:SA|CH)\b", re.IGNORECASE)
# `2022-02-31 08:00`: an ISO date whose day the month lacks (dateutil only says "day is out of range").
ISO_DAY_RE = re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[ T]|$)")
# `5/6/22`, `19-06-22 08:00`: a date whose year has fewer than four digits.
SHORT_YEAR_RE = re.compile(r"^\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{1,3}(?:\D|$)")


@dataclass(frozen=True)
class DateProblem(ValueError):
    """Why a date is refused: `code` is one of "two_digit_year", "year_range", "bad_date", or
    "no_such_day" (`31/02/2022`: the month has no such day; `day`, `month`, `year`, `last` say which)."""

    code: str
    value: str
    day: int = 0
    month: int = 0
    year: int = 0
    last: int = 0  # the month's last day

    def __str__(self):
        return f"{self.code}: {self.value!r}"


def _hour(hour: int, half: str | None, value: str) -> int:
    if not half:
        return hour
    if not 1 <= hour <= 12:
        raise DateProblem("bad_date", value)
    afternoon = half.upper() in ("CH", "PM")
    return (hour % 12) + (12 if afternoon else 0)


def _from_match(match, value: str) -> datetime:
    parts = match.groupdict()
    hour = _hour(int(parts["hour"]), parts["half"], value) if parts["hour"] else 0
    try:
        return datetime(
            int(parts["year"]), int(parts["month"]), int(parts["day"]), hour,
            int(parts["minute"] or 0), int(parts["second"] or 0),
        )
    except ValueError:
        raise _no_such_day(parts, value) or DateProblem("bad_date", value) from None


def _no_such_day(parts, value):
    """DateProblem("no_such_day") when the day is past the month's end (31/02, 31/04), else None."""
    year, month, day = int(parts["year"]), int(parts["month"]), int(parts["day"])
    if not (1 <= month <= 12 and day >= 1 and 1 <= year <= 9999):
        return None
    last = calendar.monthrange(year, month)[1]
    return DateProblem("no_such_day", value, day, month, year, last) if day > last else None


def _in_range(moment: datetime, value: str) -> datetime:
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise DateProblem("year_range", value)
    return moment


def parse_date(value: str, get_date=None) -> datetime:
    """The moment an editor's date means (naive unless the text names a zone), or DateProblem.

    `get_date` is Pelican's `pelican.utils.get_date`; without it, it is imported here, lazily.
    A build asks for each file's date three times (the checker twice, the reader once): the answer
    is remembered per text (and per day, as dateutil fills a missing part from today); a problem
    is not, so each caller reports it."""
    text = " ".join(str(value).split())
    if isinstance(value, str):
        return _parse_remembered(text, value, get_date, date.today())
    return _parse(text, value, get_date)


def _parse(text: str, value, get_date) -> datetime:
    if not text:
        raise DateProblem("bad_date", value)
    if SHORT_YEAR_RE.match(text):
        raise DateProblem("two_digit_year", value)
    for pattern in (DAY_FIRST_RE, ISO_HALF_DAY_RE, TIME_FIRST_RE):
        match = pattern.match(text)
        if match:
            return _in_range(_from_match(match, value), value)
    if re.match(r"^\s*\d{1,2}[/.]\d{1,2}[/.]", text) or HALF_DAY_WORD_RE.search(text):
        # A day-first or SA/CH form we do not read: dateutil would guess month first, or take CH
        # for a time zone.
        raise DateProblem("bad_date", value)
    iso = ISO_DAY_RE.match(text)
    if iso and _no_such_day(iso.groupdict(), value):
        raise _no_such_day(iso.groupdict(), value)
    if get_date is None:
        from pelican.utils import get_date  # noqa: PLC0415 - keeps this module Pelican-free at import
    try:
        moment = get_date(text.replace("_", " "))
    except Exception:  # noqa: BLE001 - dateutil raises ValueError, OverflowError and others
        raise DateProblem("bad_date", value) from None
    return _in_range(moment, value)


@lru_cache(maxsize=1 << 16)
def _parse_remembered(text: str, value: str, get_date, _today) -> datetime:
    return _parse(text, value, get_date)
