"""draft_guard.rules: drafts are withheld only when the settings write none of that kind."""

import sys

import pytest

from conftest import ROOT

from trangtin.draft_guard.rules import ARTICLE_SETTINGS, PAGE_SETTINGS, drafts_are_withheld  # noqa: E402


@pytest.mark.parametrize("settings, articles, pages", [
    ({}, True, True),
    ({"DRAFT_SAVE_AS": "", "DRAFT_LANG_SAVE_AS": "", "DRAFT_PAGE_SAVE_AS": "", "DRAFT_PAGE_LANG_SAVE_AS": ""}, True, True),
    ({"DRAFT_SAVE_AS": "ban-nhap/{slug}.html", "DRAFT_PAGE_SAVE_AS": ""}, False, True),
    ({"DRAFT_SAVE_AS": "", "DRAFT_LANG_SAVE_AS": "ban-nhap/{slug}-{lang}.html"}, False, True),
    ({"DRAFT_SAVE_AS": "", "DRAFT_PAGE_LANG_SAVE_AS": "nhap/{slug}-{lang}.html"}, True, False),
])
def test_drafts_are_withheld_only_when_every_save_as_of_their_kind_is_empty(settings, articles, pages):
    assert drafts_are_withheld(settings, ARTICLE_SETTINGS) is articles
    assert drafts_are_withheld(settings, PAGE_SETTINGS) is pages
