"""Date archives arithmetic: which days, months and years have news, how many, their neighbours,
month calendars and the picker's manifest.

Pure functions: no Pelican imports, no I/O. Periods are tuples, as Pelican's `period_num`:
(year,), (year, month) and (year, month, day)."""

import calendar
import re
from collections import defaultdict
from itertools import groupby
from operator import attrgetter

GRANULARITIES = ("year", "month", "day")

_PERIOD_KEY = {
    "year": attrgetter("date.year"),
    "month": attrgetter("date.year", "date.month"),
    "day": attrgetter("date.year", "date.month", "date.day"),
}


def granularity_of(period: tuple) -> str:
    return GRANULARITIES[len(period) - 1]


def period_of(moment, granularity: str) -> tuple:
    return (moment.year, moment.month, moment.day)[: GRANULARITIES.index(granularity) + 1]


def picker_values(period: tuple) -> dict:
    """The picker's fields for a period: a month fills month and year, a year only the year."""
    year, month, day = (*period, None, None)[:3]
    return {"day": day or "", "month": month or "", "year": year}


def ancestors(period: tuple) -> list:
    """The periods that contain this one, widest first: a day -> [its year, its month]."""
    return [period[:length] for length in range(1, len(period))]


def parent_period(period: tuple):
    """Day -> its month -> its year -> None (the archive index)."""
    return period[:-1] or None


# --- Counting ---------------------------------------------------------------------------------

def count_periods(moments) -> dict:
    """{"year": {(y,): n}, "month": {(y, m): n}, "day": {(y, m, d): n}}, each sorted oldest first."""
    counts = {granularity: defaultdict(int) for granularity in GRANULARITIES}
    for moment in moments:
        for granularity in GRANULARITIES:
            counts[granularity][period_of(moment, granularity)] += 1
    return {granularity: dict(sorted(found.items())) for granularity, found in counts.items()}


def neighbours(periods) -> dict:
    """For periods that have news: {period: (earlier, later)}, None at either end."""
    ordered = sorted(periods)
    return {
        period: (ordered[i - 1] if i > 0 else None, ordered[i + 1] if i + 1 < len(ordered) else None)
        for i, period in enumerate(ordered)
    }


# --- Pelican's period archives, in linear time -------------------------------------------------

def period_archives(sorted_items, items, formats: dict) -> dict:
    """The structure of Pelican's `ArticlesGenerator._build_period_archives`, built in O(n log n).

    Pelican keeps each archive's `articles` in the order of `items` with `a in dates` over a list,
    which is quadratic (10,000 news take over half a minute); a position index does the same.
    `formats` maps a granularity to its (save_as, url) format strings; a falsy save_as skips it."""
    position = {id(item): index for index, item in enumerate(items)}
    archives = defaultdict(list)
    for granularity in GRANULARITIES:
        save_as_fmt, url_fmt = formats.get(granularity, (None, None))
        if not save_as_fmt:
            continue
        for period, group in groupby(sorted_items, key=_PERIOD_KEY[granularity]):
            dates = list(group)
            # Pelican keeps only items also present in `items`, in `items`' order.
            in_items = [item for item in dates if id(item) in position]
            articles = sorted(in_items, key=lambda item: position[id(item)])
            first = dates[0].date
            if granularity == "year":
                named = numbered = (period,)
            else:
                numbered = tuple(period)
                named = (period[0], calendar.month_name[period[1]], *period[2:])
            archives[granularity].append(
                {
                    "dates": dates,
                    "articles": articles,
                    "save_as": save_as_fmt.format(date=first),
                    "url": url_fmt.format(date=first),
                    "period": named,
                    "period_num": numbered,
                }
            )
    return archives


# --- Calendars ------------------------------------------------------------------------------

def month_grid(year: int, month: int, day_counts: dict) -> list:
    """Weeks of a month, Monday first: 7 cells each, None outside the month, otherwise
    {"day": d, "count": n} (n = 0 on days without news). `day_counts` maps day numbers to counts."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdayscalendar(year, month)
    return [
        [{"day": day, "count": day_counts.get(day, 0)} if day else None for day in week]
        for week in weeks
    ]


def days_by_month(day_counts: dict) -> dict:
    """{(y, m, d): n} -> {(y, m): {d: n}}."""
    months = defaultdict(dict)
    for (year, month, day), count in day_counts.items():
        months[(year, month)][day] = count
    return dict(months)


# --- The picker's manifest -------------------------------------------------------------------

_DIRECTIVES = {"%Y": "{yyyy}", "%m": "{mm}", "%d": "{dd}"}


class _PlaceholderDate:
    """Formats `{date:%Y}/{date:%m}/` as `{yyyy}/{mm}/`, so the browser can fill in any date."""

    def __format__(self, spec: str) -> str:
        leftover = re.sub("|".join(_DIRECTIVES), "", spec)
        if "%" in leftover:
            raise ValueError(f"only {', '.join(_DIRECTIVES)} can be used in a date archive URL, not {spec!r}")
        return re.sub("|".join(_DIRECTIVES), lambda found: _DIRECTIVES[found.group(0)], spec)


def url_pattern(url_format: str) -> str:
    """`{date:%Y}/{date:%m}/{date:%d}/` -> `{yyyy}/{mm}/{dd}/`."""
    return url_format.format(date=_PlaceholderDate())


def iso_day(period: tuple) -> str:
    year, month, day = period
    return f"{year:04d}-{month:02d}-{day:02d}"


def manifest(day_counts: dict, day_url_format: str, month_url_format: str, index_url: str) -> dict:
    """What the date picker reads: the days with news and their counts, and how to link them."""
    return {
        "day_url": url_pattern(day_url_format),
        "month_url": url_pattern(month_url_format),
        "index_url": index_url,
        "days": {iso_day(period): count for period, count in sorted(day_counts.items())},
    }
