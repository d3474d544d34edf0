"""plugins/photos end to end: a fixture site made at test time with tools/make_photos.py — camera
photos (one stored sideways), CMYK, 16-bit PNG, PNG with alpha, animated GIF, SVG, HEIC — built
for real, then read as a reader (HTML) and as a social network (og:image) would."""

import os
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, build, run_pelican

from trangtin.tools import make_photos  # noqa: E402

ARTICLE = "2022/10/anh-hoi-trai.html"
WIDE_LOG = dict(os.environ, COLUMNS="1000")  # one message a line, as an editor's terminal shows it
PRIVATE_MARKERS = (b"Exif", b"GPS", b"xmpmeta", make_photos.CAMERA["serial"].encode(), b"SampleCam")

BODY = """Title: Ảnh hội trại
Date: 2022-10-15 07:30
Category: Tin hoạt động
Author: ĐTN
Summary: Bài có đủ loại ảnh.
Image: images/cover.jpg
Slug: anh-hoi-trai

Mở đầu.

![Ảnh chụp ngang]({static}/images/cover.jpg "Ảnh một")

![Ảnh lưu xoay ngang]({static}/images/sideways.jpg "Ảnh hai")

![Ảnh CMYK]({static}/images/cmyk.jpg "Ảnh ba")

![Ảnh 16 bit]({static}/images/gray16.png "Ảnh bốn")

![Ảnh trong suốt]({static}/images/alpha.png "Ảnh năm")

![Ảnh động]({static}/images/dong.gif "Ảnh sáu")

![Hình vẽ]({static}/images/hinh.svg "Ảnh bảy")

![Ảnh iPhone]({static}/images/iphone.heic "Ảnh tám")

Tải [ảnh gốc]({static}/images/goc.jpg).
"""

PLAIN = """Title: Bài không ảnh bìa
Date: 2022-10-16 07:30
Category: Tin hoạt động
Author: ĐTN
Summary: Không có ảnh bìa.
Slug: khong-anh-bia

Chỉ có chữ.
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><rect width="640" height="360" fill="#0b4ea2"/></svg>\n'


def make_content(root: Path, body=BODY) -> Path:
    images = root / "images"
    make_photos.save_photo(images / "cover.jpg", 2000, 1500, seed=3)
    make_photos.save_photo(images / "sideways.jpg", 2000, 1500, seed=4, sideways=True)
    make_photos.save_photo(images / "goc.jpg", 800, 600, seed=5)
    make_photos.social_card(images / "mang-xa-hoi.jpg")
    for kind, name in (("cmyk", "cmyk.jpg"), ("png16", "gray16.png"), ("png-alpha", "alpha.png"),
                       ("gif-animated", "dong.gif"), ("heic", "iphone.heic")):
        make_photos.save_kind(kind, images / name)
    (images / "hinh.svg").write_text(SVG, encoding="utf-8")
    (root / "2022").mkdir(parents=True, exist_ok=True)
    (root / "2022" / "anh-hoi-trai.md").write_text(body, encoding="utf-8")
    (root / "2022" / "khong-anh-bia.md").write_text(PLAIN, encoding="utf-8")
    return root


def settings_for(cache: Path) -> dict:
    return {"PHOTOS_CACHE_PATH": str(cache), "PHOTOS_DEFAULT_SOCIAL_IMAGE": "images/mang-xa-hoi.jpg",
            "CANONICAL_URL": "https://doankhoi.example"}


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("photos")
    content = make_content(base / "content")
    site = build(content, base / "output", settings_for(base / "cache"))
    site.cache = base / "cache"
    site.content = content
    return site


def pictures(site):
    return site.page(ARTICLE).select(".article-body img")


def candidates(srcset: str):
    return [(url, int(width[:-1])) for url, width in (item.split() for item in srcset.split(", "))]


def local(site, url: str) -> Path:
    return site.path(site.resolve(ARTICLE, url))


def test_photo_becomes_picture_with_webp_and_jpeg_widths_when_built(photo_site):
    img = pictures(photo_site)[0]
    picture = img.parent
    assert picture.name == "picture"
    source = picture.find("source")
    assert source["type"] == "image/webp"
    webp = candidates(source["srcset"])
    jpeg = candidates(img["srcset"])
    assert [width for _url, width in webp] == [480, 720, 960, 1200, 1600]
    assert [width for _url, width in jpeg] == [480, 720, 960, 1200, 1600]
    assert source["sizes"] == img["sizes"] == "(min-width: 40rem) 38rem, calc(100vw - 2rem)"
    for url, width in webp + jpeg:
        with Image.open(local(photo_site, url)) as written:
            assert written.width == width
            assert written.format == ("WEBP" if url.endswith(".webp") else "JPEG")
    assert local(photo_site, img["src"]).is_file()


def test_every_image_has_width_height_and_only_the_first_is_eager(photo_site):
    images = pictures(photo_site)
    assert len(images) == 8
    for img in images:
        assert int(img["width"]) > 0 and int(img["height"]) > 0, img
        assert img["decoding"] == "async"
    assert images[0]["loading"] == "eager" and images[0]["fetchpriority"] == "high"
    assert all(img["loading"] == "lazy" and not img.has_attr("fetchpriority") for img in images[1:])


def test_sideways_photo_comes_out_upright(photo_site):
    img = pictures(photo_site)[1]
    assert (img["width"], img["height"]) == ("1600", "1200")
    for url, _width in candidates(img["srcset"]) + candidates(img.parent.find("source")["srcset"]):
        with Image.open(local(photo_site, url)) as written:
            assert written.width > written.height
            corner = written.convert("RGB").getpixel((written.width // 40, written.height // 40))
            assert corner[0] > 150 and corner[1] < 90 and corner[2] < 90, (url, corner)  # the red marker


def published_images(site):
    return [path for path in site.output.rglob("*") if path.suffix.lower() in (".jpg", ".jpeg", ".webp", ".png", ".heic")]


def test_no_published_image_carries_exif_gps_or_xmp_except_the_linked_original(photo_site):
    files = published_images(photo_site)
    assert len(files) > 20
    for path in files:
        if path.name == "goc.jpg":
            continue
        data = path.read_bytes()
        for marker in PRIVATE_MARKERS:
            assert marker not in data, (path.name, marker)
        with Image.open(path) as image:
            assert not image.getexif(), path.name


def test_originals_are_published_only_where_content_links_to_them(photo_site):
    images = photo_site.output / "images"
    assert (images / "goc.jpg").read_bytes() == (photo_site.content / "images" / "goc.jpg").read_bytes()
    for name in ("cover.jpg", "sideways.jpg", "cmyk.jpg", "gray16.png", "alpha.png", "iphone.heic", "mang-xa-hoi.jpg"):
        assert not (images / name).exists(), name
    link = photo_site.page(ARTICLE).find("a", string="ảnh gốc")
    assert photo_site.exists(photo_site.resolve(ARTICLE, link["href"]))


def test_cmyk_and_16_bit_photos_are_served_as_normal_rgb(photo_site):
    cmyk, gray16 = pictures(photo_site)[2:4]
    with Image.open(local(photo_site, cmyk["src"])) as image:
        assert image.mode == "RGB" and image.format == "JPEG"
    with Image.open(local(photo_site, gray16["src"])) as image:
        pixels = image.convert("L")
        # A left-to-right... top-to-bottom gradient, not clipped to white.
        assert pixels.getpixel((10, 5)) < 40 and pixels.getpixel((10, image.height - 5)) > 215


def test_transparent_png_keeps_its_alpha_without_a_jpeg_fallback(photo_site):
    img = pictures(photo_site)[4]
    assert all(url.endswith(".png") for url, _width in candidates(img["srcset"]))
    for url, _width in candidates(img["srcset"]) + candidates(img.parent.find("source")["srcset"]):
        with Image.open(local(photo_site, url)) as image:
            assert image.mode == "RGBA"
            assert image.getpixel((2, 2))[3] == 0  # the corner stays transparent, not black


def test_animated_gif_and_svg_pass_through_unchanged(photo_site):
    gif, svg = pictures(photo_site)[5:7]
    assert gif.parent.name != "picture" and svg.parent.name != "picture"
    assert local(photo_site, gif["src"]).read_bytes() == (photo_site.content / "images" / "dong.gif").read_bytes()
    with Image.open(local(photo_site, gif["src"])) as image:
        assert image.is_animated
    assert (gif["width"], gif["height"]) == ("200", "120")
    assert (svg["width"], svg["height"]) == ("640", "360")
    assert local(photo_site, svg["src"]).read_text(encoding="utf-8") == SVG


def test_heic_photo_is_converted(photo_site):
    img = pictures(photo_site)[7]
    assert img.parent.name == "picture"
    with Image.open(local(photo_site, img["src"])) as image:
        assert image.format == "JPEG" and image.width == 960


def social(site, url):
    page = site.page(url)
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.select("meta[content]")}
    return meta


def test_og_image_is_a_jpeg_at_least_1200_wide_with_its_size(photo_site):
    meta = social(photo_site, ARTICLE)
    assert meta["og:image"].startswith("https://doankhoi.example/photos/") and meta["og:image"].endswith(".jpg")
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:card"] == "summary_large_image"
    path = photo_site.output / meta["og:image"].removeprefix("https://doankhoi.example/")
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.width >= 1200
        assert (str(image.width), str(image.height)) == (meta["og:image:width"], meta["og:image:height"])


def test_article_without_cover_gets_the_site_default_social_image(photo_site):
    meta = social(photo_site, "2022/10/khong-anh-bia.html")
    path = photo_site.output / meta["og:image"].removeprefix("https://doankhoi.example/")
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.size == (1200, 630)
    jsonld = photo_site.page("2022/10/khong-anh-bia.html").select_one('script[type="application/ld+json"]').string
    assert meta["og:image"] in jsonld


def test_listing_thumbnail_uses_small_derivatives(photo_site):
    # A listing (a category page): every news with a cover shows a thumbnail.
    page_url = next(photo_site.url_of(f) for f in photo_site.html_files()
                    if "/chuyen-muc/" in f.as_posix() and photo_site.page(photo_site.url_of(f)).select_one(".news-list img.cover-thumb"))
    img = photo_site.page(page_url).select_one(".news-list img.cover-thumb")
    assert img.parent.name == "picture"
    assert max(width for _url, width in candidates(img["srcset"])) == 240
    assert photo_site.exists(photo_site.resolve(page_url, img["src"]))


def test_second_build_reuses_the_cache(photo_site, tmp_path):
    before = {path.name: path.stat().st_mtime_ns for path in (photo_site.cache / "files").iterdir()}
    again = build(photo_site.content, tmp_path / "output", settings_for(photo_site.cache))
    after = {path.name: path.stat().st_mtime_ns for path in (photo_site.cache / "files").iterdir()}
    assert after == before  # nothing remade
    written = sorted(path.name for path in (again.output / "photos").iterdir())
    assert written == sorted(path.name for path in (photo_site.output / "photos").iterdir())
    # Linked from the cache, not copied: same file on disk.
    name = written[0]
    assert (again.output / "photos" / name).stat().st_ino == (photo_site.cache / "files" / name).stat().st_ino


def test_a_changed_photo_gets_new_files(photo_site, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(photo_site.content, content)
    make_photos.save_photo(content / "images" / "cover.jpg", 2000, 1500, seed=99)
    again = build(content, tmp_path / "output", settings_for(photo_site.cache))
    old = pictures(photo_site)[0]["src"]
    new = again.page(ARTICLE).select(".article-body img")[0]["src"]
    assert new != old and again.exists(again.resolve(ARTICLE, new))


def one_photo_site(tmp_path, kind, line_text="![Ảnh]({static}/images/x.jpg)"):
    content = tmp_path / "content"
    make_photos.save_kind(kind, content / "images" / "x.jpg")
    (content / "2022").mkdir(parents=True)
    (content / "2022" / "a.md").write_text(
        PLAIN.replace("Chỉ có chữ.", f"Chỉ có chữ.\n\n{line_text}\n"), encoding="utf-8")
    return content


def test_truncated_photo_stops_the_build_naming_the_article_line(tmp_path):
    content = one_photo_site(tmp_path, "truncated")
    result = run_pelican(content, tmp_path / "output", settings_for(tmp_path / "cache"), fatal=None, env=WIDE_LOG)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    assert "2022/a.md:10: lỗi: ảnh images/x.jpg bị hỏng" in log
    assert "xuất" in log  # how to fix it


def test_tiny_photo_builds_with_a_warning(tmp_path):
    content = one_photo_site(tmp_path, "tiny")
    result = run_pelican(content, tmp_path / "output", settings_for(tmp_path / "cache"), fatal=None, env=WIDE_LOG)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "2022/a.md:10: cảnh báo: ảnh images/x.jpg chỉ rộng 240 px" in log


def test_huge_photo_builds_with_a_warning(tmp_path):
    content = one_photo_site(tmp_path, "huge")
    result = run_pelican(content, tmp_path / "output", settings_for(tmp_path / "cache"), fatal=None, env=WIDE_LOG)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "cảnh báo: ảnh images/x.jpg có 54 triệu điểm ảnh" in log
    assert list((tmp_path / "output" / "photos").glob("*-1600w.webp"))
