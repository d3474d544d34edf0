"""plugins/build_speed/fragments.py: a part of a page wrapped in `{% call fragment(key…) %}` is
rendered once per key and page folder (SITEURL), reused after, and rendered anew once cleared."""

import sys

import pytest
from jinja2 import DictLoader, Environment

from conftest import ROOT


from trangtin.build_speed.fragments import FRAGMENTS, fragment, fragment_uncached  # noqa: E402

ITEM = '{% for item in items %}{% call fragment("item", item.url, show_category) %}<li>{{ SITEURL }}/{{ item.url }} {{ item.title }}{% if show_category %} ({{ item.category }}){% endif %}</li>{% endcall %}{% endfor %}'


def render(function, **context):
    env = Environment(loader=DictLoader({"list.html": ITEM}), autoescape=True)
    env.globals["fragment"] = function
    return env.get_template("list.html").render(**context)


@pytest.fixture(autouse=True)
def empty_memo():
    FRAGMENTS.clear()
    yield
    FRAGMENTS.clear()


def news(title, url="2022/06/a.html", category="Tin hoạt động"):
    return {"url": url, "title": title, "category": category}


def test_a_part_is_rendered_once_per_key_and_reused_when_asked_again():
    first = render(fragment, items=[news("Tin <1>")], SITEURL="..")
    assert first == "<li>../2022/06/a.html Tin &lt;1&gt;</li>"
    # Same key: the memo answers, even though the title changed (a build never changes it).
    assert render(fragment, items=[news("Khác")], SITEURL="..") == first
    assert len(FRAGMENTS.known) == 1


def test_every_part_of_the_key_and_the_page_folder_make_a_new_render():
    assert render(fragment, items=[news("A")], SITEURL="..") == "<li>../2022/06/a.html A</li>"
    assert render(fragment, items=[news("A")], SITEURL="../..") == "<li>../../2022/06/a.html A</li>"
    assert render(fragment, items=[news("A")], SITEURL="..", show_category=True) == "<li>../2022/06/a.html A (Tin hoạt động)</li>"
    assert render(fragment, items=[news("B", url="2022/06/b.html")], SITEURL="..") == "<li>../2022/06/b.html B</li>"
    assert len(FRAGMENTS.known) == 4


def test_an_undefined_option_is_the_same_key_as_none():
    render(fragment, items=[news("A")], SITEURL="..")
    render(fragment, items=[news("A")], SITEURL="..", show_category=None)
    assert len(FRAGMENTS.known) == 1


def test_clearing_the_memo_renders_the_part_anew():
    render(fragment, items=[news("Cũ")], SITEURL="..")
    FRAGMENTS.clear()
    assert render(fragment, items=[news("Mới")], SITEURL="..") == "<li>../2022/06/a.html Mới</li>"


def test_the_plain_build_renders_every_time_and_keeps_nothing():
    assert render(fragment_uncached, items=[news("Cũ")], SITEURL="..") == "<li>../2022/06/a.html Cũ</li>"
    assert render(fragment_uncached, items=[news("Mới")], SITEURL="..") == "<li>../2022/06/a.html Mới</li>"
    assert FRAGMENTS.known == {}


def test_a_key_that_cannot_be_hashed_fails_the_page():
    env = Environment(loader=DictLoader({"bad.html": '{% call fragment("x", items) %}x{% endcall %}'}), autoescape=True)
    env.globals["fragment"] = fragment
    with pytest.raises(TypeError):
        env.get_template("bad.html").render(items=[1, 2])
