"""plugins/build_speed: how pages are shared between workers, the linear `dates` of taxonomy pages,
and a forked worker's failure reaching the parent."""

import os
import sys

import pytest

from conftest import ROOT


from trangtin.build_speed import glue, shares  # noqa: E402
from trangtin.vn_core.forking import worker_count  # noqa: E402


@pytest.mark.parametrize(
    "wanted, usable, can_fork, expected",
    [(None, 2, True, 2), (None, 1, True, 1), (3, 2, True, 3), (1, 8, True, 1), (0, 2, True, 1), (None, 4, False, 1), (4, 4, False, 1)],
)
def test_worker_count_is_the_setting_or_the_usable_cpus_and_one_without_fork(wanted, usable, can_fork, expected):
    assert worker_count(wanted, usable, can_fork) == expected


@pytest.mark.parametrize("count, pages", [(1, 0), (1, 5), (2, 1), (2, 7), (3, 9), (3, 10), (4, 2)])
def test_shares_cover_every_page_exactly_once_and_differ_by_at_most_one(count, pages):
    taken = []
    for index in range(count):
        share = shares.Share(index, count)
        taken.append([page for page in range(pages) if share.take()])
    assert sorted(page for pages_of in taken for page in pages_of) == list(range(pages))
    sizes = [len(pages_of) for pages_of in taken]
    assert max(sizes) - min(sizes) <= 1


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


def test_in_order_equals_pelicans_comprehension_including_items_outside_the_order():
    ordered = [Item(name) for name in "abcdefg"]
    outsider = Item("x")
    positions = shares.positions_of(ordered)
    for items in ([], [ordered[3]], ordered[::-1], [ordered[6], outsider, ordered[0], ordered[0]], ordered):
        assert shares.in_order(items, ordered, positions) == [item for item in ordered if item in items]


class Writer:
    def render_filter(self, name, page_context):
        return True


class FailsOnPageOne:
    """A page generator whose page 1 cannot be rendered: with 2 workers it is the child's."""

    def generate_output(self, writer):
        for page in range(4):
            if writer.render_filter(f"page{page}.html", {}) and page == 1:
                raise ValueError("page 1 cannot be rendered")


def test_a_failing_worker_fails_the_parent_with_its_error_message():
    generator = FailsOnPageOne()
    outputs = {id(generator): generator.generate_output}
    children = glue._start_workers(2, [generator], outputs, Writer())
    assert len(children) == 1
    assert all(child[0] != os.getpid() for child in children)
    with pytest.raises(glue.WorkerFailed, match="(?s)worker 1 of 2 failed.*page 1 cannot be rendered"):
        glue._join_workers(children, 2)


class RendersItsShare:
    def generate_output(self, writer):
        for page in range(5):
            writer.render_filter(f"page{page}.html", {})


def test_workers_that_succeed_join_quietly():
    generator = RendersItsShare()
    children = glue._start_workers(3, [generator], {id(generator): generator.generate_output}, Writer())
    assert len(children) == 2
    glue._join_workers(children, 3)


# --- URL settings formatted from the fields they name (glue._expand_settings) ---

def _content(kind="article", **metadata):
    from pelican.contents import Article, Page  # noqa: PLC0415
    from pelican.settings import DEFAULT_CONFIG  # noqa: PLC0415

    settings = dict(DEFAULT_CONFIG, PATH="/site/content", TIMEZONE="Asia/Ho_Chi_Minh",
                    ARTICLE_SAVE_AS="{date:%Y}/{date:%m}/{slug}.html", ARTICLE_URL="{category}/{date:%Y}/{slug}/",
                    DRAFT_SAVE_AS="ban-nhap/{slug}-{lang}.html", PAGE_SAVE_AS="{path}-{author}.html",
                    ARTICLE_LANG_SAVE_AS="{lang}/{views}/{slug}.html", PAGE_URL="trang/{date.year}/{slug}/")
    klass = Page if kind == "page" else Article
    from pelican.urlwrappers import Author, Category  # noqa: PLC0415
    from pelican.utils import SafeDatetime  # noqa: PLC0415

    fields = {"title": "Đoàn Khối ra quân", "slug": "doan-khoi-ra-quan", "category": Category("Tin hoạt động", settings),
              "author": Author("Ban Tuyên giáo", settings), "date": SafeDatetime(2022, 6, 19, 22, 2)}
    fields.update(metadata)
    return klass("<p>x</p>", metadata={k: v for k, v in fields.items() if v is not None}, settings=settings,
                 source_path="/site/content/2022/ra-quan.md", context={})


@pytest.mark.parametrize("kind, metadata, key", [
    ("article", {}, "save_as"),
    ("article", {}, "url"),
    ("article", {"status": "draft"}, "save_as"),
    ("article", {"lang": "en", "views": "1.234"}, "lang_save_as"),
    ("page", {"date": None}, "save_as"),
    ("page", {"date": None}, "url"),
])
def test_fast_url_setting_equals_pelicans_when_the_pattern_names_any_field(kind, metadata, key):
    from pelican.contents import Content  # noqa: PLC0415

    content = _content(kind, **metadata)
    if key.startswith("lang_"):
        content.in_default_lang = False
        key = key[len("lang_"):]
    pelicans = glue._PELICAN_EXPAND_SETTINGS
    try:
        Content._expand_settings = glue._expand_settings
        fast = content.get_url_setting(key)
    finally:
        Content._expand_settings = pelicans
    assert fast == content.get_url_setting(key)
    assert fast  # a real path, not an empty pattern


def test_fast_url_setting_fails_as_pelican_does_when_a_field_is_missing():
    from pelican.contents import Content  # noqa: PLC0415

    content = _content(lang="en")
    content.in_default_lang = False  # ARTICLE_LANG_SAVE_AS names {views}, which this article lacks
    pelicans = glue._PELICAN_EXPAND_SETTINGS
    with pytest.raises(KeyError) as plain_error:
        content.get_url_setting("save_as")
    try:
        Content._expand_settings = glue._expand_settings
        with pytest.raises(KeyError) as fast_error:
            content.get_url_setting("save_as")
    finally:
        Content._expand_settings = pelicans
    assert fast_error.value.args == plain_error.value.args
