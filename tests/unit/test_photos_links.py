"""plugins/photos/glue.py helpers: which file an image link names, and how placeholders become URLs."""

import sys
from pathlib import Path

import pytest

from trangtin.photos import glue  # noqa: E402


@pytest.mark.parametrize(
    "value, relative_dir, expected",
    [
        ("{static}/images/2022/a.jpg", "2022", "images/2022/a.jpg"),  # from the content root
        ("{static}a.jpg", "2022", "2022/a.jpg"),  # from the article's folder
        ("{static}../images/a.jpg", "2022", "images/a.jpg"),
        ("|static|/images/a%20b.jpg", "", "images/a b.jpg"),
        ("{attach}/images/a.jpg?v=2#x", "", "images/a.jpg"),
        ("https://example.vn/a.jpg", "", None),
        ("images/a.jpg", "", None),  # not an intrasite link: left alone
    ],
)
def test_static_target(value, relative_dir, expected):
    assert glue.static_target(value, relative_dir) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("images/a.jpg", "images/a.jpg"), ("/images/a.jpg", "images/a.jpg"), ("{static}/images/a.jpg", "images/a.jpg"),
     ("https://example.vn/a.jpg", None), ("", None), (None, None)],
)
def test_cover_target(value, expected):
    assert glue.cover_target(value) == expected


class Build(glue.PhotoBuild):
    def __init__(self, relative):  # only what resolve_placeholders reads
        self.relative_urls = relative


@pytest.mark.parametrize(
    "relative, siteurl, expected",
    [
        (True, "../..", 'srcset="../../photos/a-480w.webp 480w, ../../photos/a-960w.webp 960w"'),
        (True, ".", 'srcset="./photos/a-480w.webp 480w, ./photos/a-960w.webp 960w"'),
        (False, "https://doankhoi.example", 'srcset="https://doankhoi.example/photos/a-480w.webp 480w, https://doankhoi.example/photos/a-960w.webp 960w"'),
        (False, "https://example.vn/sub", 'srcset="https://example.vn/sub/photos/a-480w.webp 480w, https://example.vn/sub/photos/a-960w.webp 960w"'),
    ],
)
def test_placeholders_become_urls_like_pelicans_static_links(relative, siteurl, expected):
    text = 'srcset="{photo}photos/a-480w.webp 480w, {photo}photos/a-960w.webp 960w"'
    assert Build(relative).resolve_placeholders(text, siteurl) == expected


def test_source_line_names_the_line_that_uses_the_image(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("Title: A\nImage: images/c.jpg\n\nText.\n\n![x]({static}/images/b.jpg)\n", encoding="utf-8")
    assert glue.source_line(source, ["images/b.jpg"]) == 6
    assert glue.source_line(source, ["Image:"]) == 2
    assert glue.source_line(source, ["nowhere.jpg"]) == 1
