"""Signals: after the generators have read the content and before anything is written."""

from pelican import signals

from .rules import ARTICLE_SETTINGS, PAGE_SETTINGS, drafts_are_withheld


def _withhold(items):
    for item in items:
        # Content.save_as prefers override_save_as (set from `Save_as:`); Pelican's writer skips "".
        item.override_save_as = ""


def withhold_article_drafts(generator):
    if drafts_are_withheld(generator.settings, ARTICLE_SETTINGS):
        _withhold([*generator.drafts, *generator.drafts_translations])


def withhold_page_drafts(generator):
    if drafts_are_withheld(generator.settings, PAGE_SETTINGS):
        _withhold([*generator.draft_pages, *generator.draft_translations])


def connect():
    signals.article_generator_finalized.connect(withhold_article_drafts)
    signals.page_generator_finalized.connect(withhold_page_drafts)
