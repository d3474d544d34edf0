"""Signal receivers for the date archives. register() in __init__ only connects them."""

import json
import logging
import os
from types import MethodType

from pelican import signals

from trangtin.vn_core.paths import output_file
from trangtin.vn_core.vietnamese import (
    PERIOD_WORDS, period_heading, period_label, weekday_abbreviations_from, weekdays_from,
)

from . import periods

logger = logging.getLogger(__name__)

DEFAULTS = {
    # The one file the date picker reads: the days that have news, with their counts.
    "DATE_ARCHIVES_MANIFEST_SAVE_AS": "ngay.json",
    "DATE_ARCHIVES_MANIFEST_URL": "ngay.json",
    # Lưu trữ shows the calendars of this many most recent months with news; every other month's
    # calendar is on its year's page, so the index stays small after ten years of news.
    "DATE_ARCHIVES_INDEX_CALENDARS": 12,
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _linear_period_archives(generator, sorted_articles, articles, settings):
    formats = {
        granularity: (settings.get(f"{granularity.upper()}_ARCHIVE_SAVE_AS"), settings.get(f"{granularity.upper()}_ARCHIVE_URL"))
        for granularity in periods.GRANULARITIES
    }
    return periods.period_archives(sorted_articles, articles, formats)


def use_linear_period_archives(generator):
    """Pelican builds period archives in quadratic time before any later signal can step in, and
    always instantiates its own ArticlesGenerator; so this generator gets the linear builder on
    the instance itself (nothing global, nothing left behind for the next build)."""
    generator._build_period_archives = MethodType(_linear_period_archives, generator)


def _link(period, urls, label):
    url = urls.get(period)
    return {"label": label, "url": url, "period": period} if url else None


def _calendar(month, day_counts_by_month, urls):
    weeks = periods.month_grid(*month, day_counts_by_month.get(month, {}))
    for week in weeks:
        for cell in week:
            if cell and cell["count"]:
                cell["url"] = urls.get((*month, cell["day"]))
    return {"caption": f"{PERIOD_WORDS['month'].capitalize()} {period_label(month)}", "url": urls.get(month), "weeks": weeks}


def build_date_archives(period_archives, articles, settings) -> dict:
    """Everything the archive templates show, keyed by `period_num` so a template finds its own."""
    counts = periods.count_periods(article.date for article in articles)
    urls = {archive["period_num"]: archive["url"] for group in period_archives.values() for archive in group}
    by_month = periods.days_by_month(counts["day"])
    index_url = settings.get("ARCHIVES_URL") if settings.get("ARCHIVES_SAVE_AS") else None
    words = {granularity: word.capitalize() for granularity, word in PERIOD_WORDS.items()}

    # One calendar per month with news, shared by its month page, its days and the index.
    calendars = {month: _calendar(month, by_month, urls) for month in counts["month"]}
    months_of_year = {}
    for month in reversed(counts["month"]):
        months_of_year.setdefault(month[:1], []).append(month)

    pages = {}
    for granularity in periods.GRANULARITIES:
        word = words[granularity]
        for period, (earlier, later) in periods.neighbours(counts[granularity]).items():
            parent = periods.parent_period(period)
            crumbs = [{"label": "Lưu trữ", "url": index_url}] if index_url else []
            for ancestor in periods.ancestors(period):
                crumbs.append({"label": f"{words[periods.granularity_of(ancestor)]} {period_label(ancestor)}", "url": urls.get(ancestor)})
            crumbs.append({"label": f"{word} {period_label(period)}", "url": None})
            if parent:
                up = _link(parent, urls, f"Cả {words[periods.granularity_of(parent)].lower()} {period_label(parent)}")
            else:
                up = {"label": "Lưu trữ", "url": index_url, "period": None} if index_url else None
            pages[period] = {
                "granularity": granularity,
                "url": urls.get(period),
                "heading": period_heading(period),
                "count": counts[granularity][period],
                "crumbs": crumbs,
                "up": up,
                "earlier": _link(earlier, urls, f"{word} trước có tin: {period_label(earlier)}") if earlier else None,
                "later": _link(later, urls, f"{word} sau có tin: {period_label(later)}") if later else None,
                "picker": periods.picker_values(period),
                # A year shows all its months; a month and its days show that month.
                "calendars": [calendars[month] for month in months_of_year[period]] if granularity == "year" else [calendars[period[:2]]],
            }

    years = [
        {
            "label": str(year),
            "url": urls.get((year,)),
            "count": count,
            "months": [
                {"label": period_label(month), "url": urls.get(month), "count": counts["month"][month]}
                for month in months_of_year[(year,)]
            ],
        }
        for (year,), count in reversed(counts["year"].items())
    ]
    recent = list(reversed(counts["month"]))[: setting(settings, "DATE_ARCHIVES_INDEX_CALENDARS")]

    return {
        "periods": pages,
        "years": years,
        "recent_calendars": [calendars[month] for month in recent],
        "older_calendars_elsewhere": len(recent) < len(calendars),
        "total": len(articles),
        "weekdays": [
            {"short": short, "name": name}
            for short, name in zip(weekday_abbreviations_from(settings), weekdays_from(settings))
        ],
        "index_url": index_url,
        "manifest_url": setting(settings, "DATE_ARCHIVES_MANIFEST_URL"),
        "day_counts": counts["day"],
    }


def prepare_date_archives(generator):
    generator.context["date_archives"] = build_date_archives(generator.period_archives, generator.articles, generator.settings)


def add_template_helpers(generator):
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["date_picker_values"] = lambda moment: periods.picker_values((moment.year, moment.month, moment.day))


def write_manifest(generator, writer):
    """Written next to the archives it describes, from the same counts."""
    settings = generator.settings
    save_as = setting(settings, "DATE_ARCHIVES_MANIFEST_SAVE_AS")
    archives = generator.context.get("date_archives")
    if not save_as or archives is None:
        return
    if not settings.get("DAY_ARCHIVE_SAVE_AS"):
        # Without day archives the picker would send readers to pages that do not exist.
        logger.warning("date_archives: DAY_ARCHIVE_SAVE_AS is empty, so %s is not written", save_as)
        return
    data = periods.manifest(
        archives["day_counts"],
        settings["DAY_ARCHIVE_URL"],
        settings["MONTH_ARCHIVE_URL"],
        archives["index_url"],
    )
    path = output_file(writer.output_path, save_as, "cài đặt DATE_ARCHIVES_MANIFEST_SAVE_AS")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as manifest_file:
        json.dump(data, manifest_file, ensure_ascii=False, separators=(",", ":"))
    logger.info('Writing "%s"', path)


def connect():
    signals.article_generator_init.connect(use_linear_period_archives)
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_finalized.connect(prepare_date_archives)
    signals.article_writer_finalized.connect(write_manifest)
