"""plugins/photos/rules.py: which widths and formats each role gets, names, sizes, loading."""

import sys
from pathlib import Path

import pytest

from trangtin.photos import rules  # noqa: E402

BODY = rules.DEFAULT_ROLES["body"]
SOCIAL = rules.DEFAULT_ROLES["social"]


def source(width=4000, height=3000, alpha=False, digest="a" * 64):
    return rules.Source(digest, width, height, alpha)


@pytest.mark.parametrize(
    "width, expected",
    [
        (4000, [480, 720, 960, 1200, 1600]),  # a camera photo: the whole ladder
        (1600, [480, 720, 960, 1200, 1600]),  # exactly the top step
        (1601, [480, 720, 960, 1200, 1600]),  # one over
        (1000, [480, 720, 960, 1000]),  # between steps: its own width is the largest
        (960, [480, 720, 960]),  # exactly a step
        (480, [480]),
        (300, [300]),  # smaller than every step: never enlarged
        (1, [1]),
    ],
)
def test_body_widths_follow_the_ladder_without_enlarging(width, expected):
    assert rules.widths_for(BODY, width) == expected


@pytest.mark.parametrize("width", [300, 1199, 1200, 4000])
def test_social_card_is_always_1200_wide(width):
    assert rules.widths_for(SOCIAL, width) == [1200]


def test_photo_gets_webp_sources_and_jpeg_fallback():
    plan = rules.plan("images/a.jpg", source(), "body")
    assert [fmt for fmt, _items in plan.sources] == ["webp"]
    assert {item.format for item in plan.fallback} == {"jpeg"}
    assert (plan.width, plan.height) == (1600, 1200)
    assert plan.src.width == 960


def test_transparent_png_falls_back_to_png_not_jpeg():
    plan = rules.plan("images/logo.png", source(900, 600, alpha=True), "body")
    assert {item.format for item in plan.fallback} == {"png"}
    assert [fmt for fmt, _items in plan.sources] == ["webp"]


def test_transparent_png_social_card_stays_jpeg():
    plan = rules.plan("images/logo.png", source(900, 600, alpha=True), "social")
    assert [(item.format, item.width, item.height) for item in plan.all] == [("jpeg", 1200, 800)]


def test_heights_keep_the_aspect_ratio():
    plan = rules.plan("images/p.jpg", source(3000, 4000), "body")
    assert [(item.width, item.height) for item in plan.fallback][:2] == [(480, 640), (720, 960)]


def test_names_change_with_bytes_and_with_settings_but_not_otherwise():
    first = rules.plan("images/a.jpg", source(), "body")
    again = rules.plan("images/a.jpg", source(), "body")
    other_bytes = rules.plan("images/a.jpg", source(digest="b" * 64), "body")
    other_quality = rules.plan("images/a.jpg", source(), "body", quality={"webp": 60})
    assert [item.name for item in first.all] == [item.name for item in again.all]
    assert not {item.name for item in first.all} & {item.name for item in other_bytes.all}
    webp = lambda plan: {item.name for item in plan.all if item.format == "webp"}  # noqa: E731
    jpeg = lambda plan: {item.name for item in plan.all if item.format == "jpeg"}  # noqa: E731
    assert not webp(first) & webp(other_quality)
    assert jpeg(first) == jpeg(other_quality)  # the JPEG settings did not change


def test_same_recipe_in_two_roles_is_one_file():
    body = {item.name for item in rules.plan("images/a.jpg", source(), "body").all}
    social = {item.name for item in rules.plan("images/a.jpg", source(), "social").all}
    assert social <= body


@pytest.mark.parametrize(
    "path, stem",
    [("images/2022/Ảnh Đại hội.JPG", "anh-dai-hoi"), ("a.b.c.png", "a-b-c"), ("images/___.jpg", "anh")],
)
def test_names_are_ascii_slugs_of_the_file_name(path, stem):
    name = rules.derivative_name(path, source(), {"width": 480, "height": 360, "format": "webp", "quality": 75})
    assert name.startswith(stem + "-") and name.endswith("-480w.webp")
    assert name.isascii()


@pytest.mark.parametrize(
    "width, sizes",
    [(4000, rules.BODY_SIZES), (608, rules.BODY_SIZES), (600, "min(600px, 38rem, calc(100vw - 2rem))")],
)
def test_sizes_say_a_narrow_photo_is_shown_at_its_own_width(width, sizes):
    assert rules.plan("images/a.jpg", source(width, 600), "body").sizes == sizes


def test_thumbnails_are_small():
    plan = rules.plan("images/a.jpg", source(), "thumb")
    assert max(item.width for item in plan.all) == 240
    assert plan.sizes == "6.4rem"


def test_first_picture_is_eager_the_rest_lazy():
    assert rules.loading_attributes(0) == {"loading": "eager", "fetchpriority": "high", "decoding": "async"}
    assert rules.loading_attributes(1) == rules.loading_attributes(7) == {"loading": "lazy", "decoding": "async"}


@pytest.mark.parametrize(
    "path, raster, through",
    [("a.JPG", True, False), ("a.jpeg", True, False), ("a.png", True, False), ("a.heic", True, False),
     ("a.svg", False, True), ("a.gif", False, True), ("a.pdf", False, False)],
)
def test_kinds_of_files(path, raster, through):
    assert rules.is_raster(path) is raster
    assert rules.is_pass_through(path) is through


def test_warning_thresholds():
    assert rules.too_small(source(599, 400), 600) and not rules.too_small(source(600, 400), 600)
    assert rules.too_many_pixels(source(9000, 6000), 50_000_000)
    assert not rules.too_many_pixels(source(4000, 3000), 50_000_000)
