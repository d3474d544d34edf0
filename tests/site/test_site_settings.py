"""A site for another organisation changes the product's look through settings only (plugins/branding):
colours, logo of any shape, favicon, footer, the search page's example, and a template of its own
(THEME_TEMPLATES_OVERRIDES). tests/other_site.py makes a school's Youth Union site: its own settings file
(importing the product's defaults, as a site's pelicanconf.py does), content, a wide logo and a template
override. Nothing of the reference site's organisation may appear in what it builds."""

import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, Site, build, run_pelican
from other_site import FIRST_ORGANISATION, FIRST_ORGANISATION_ANY_CASE, LEGAL, NAME, make_site


@pytest.fixture(scope="module")
def school_folder(tmp_path_factory):
    return make_site(tmp_path_factory.mktemp("other-site"))


@pytest.fixture(scope="module")
def school(school_folder) -> Site:
    return build(school_folder / "content", school_folder / "output", conf=school_folder / "caidat.py")


def stylesheets(site, url=""):
    """The stylesheets a page links, as paths in the output, in order."""
    return [site.resolve(url, link["href"]) for link in site.page(url).select('head link[rel="stylesheet"]')]


def test_site_colours_are_custom_properties_in_a_stylesheet_linked_after_the_theme(school):
    theme_css, colours_css = stylesheets(school)
    assert re.fullmatch(r"theme/css/site\.[0-9a-f]{10}\.css", theme_css)
    assert re.fullmatch(r"mau-sac\.[0-9a-f]{10}\.css", colours_css)
    assert school.text(colours_css) == ("/* SITE_COLORS (pelicanconf.py) */\n:root {\n"
                                        "  --color-brand: #7a1f2b;\n  --color-accent: #e0a800;\n}\n")
    # The pages' Content-Security-Policy allows no inline style: none is used.
    for file in school.html_files():
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        assert page.select("[style], style") == [], school.url_of(file)
        linked = stylesheets(school, school.url_of(file))
        assert linked[:2] == [theme_css, colours_css], school.url_of(file)


def test_a_site_without_colours_links_only_the_theme_stylesheet(basic_site):
    assert [re.sub(r"[0-9a-f]{10}", "…", href) for href in stylesheets(basic_site)] == ["theme/css/site.….css"]


def test_theme_shades_follow_the_brand_colour_when_a_site_sets_only_brand(school):
    # The shades the theme derives (hover, calendar tint) are computed from --color-brand, not written out.
    css = school.text(stylesheets(school)[0])
    assert "--color-brand-dark:color-mix(in srgb,var(--color-brand) 74%,#000)" in css
    assert "--color-brand-light:color-mix(in srgb,var(--color-brand) 12%,#fff)" in css
    assert "#062c5c" not in css and "#e3ecf8" not in css


def test_wide_logo_is_published_as_it_is_with_its_own_proportions(school, school_folder):
    for url in ("", "2024/09/cau-lac-bo-tieng-anh-ra-mat-thanh-vien-moi.html"):
        logo = school.page(url).select_one("header .site-brand img.site-logo")
        assert (logo["width"], logo["height"]) == ("480", "120")
        published = school.path(school.resolve(url, logo["src"]))
        assert published.read_bytes() == (school_folder / "content" / "images" / "logo-ngang.png").read_bytes()
    # The stylesheet fixes only the height: the width follows the image's ratio, and never stretches it.
    css = school.text(stylesheets(school)[0])
    rules = re.findall(r"\.site-logo\{([^}]*)\}", css)
    assert rules[0].split(";") == ["flex:none", "width:auto", "height:2.5rem", "max-width:40vw", "object-fit:contain"]
    assert all("width:" not in rule.replace("max-width:", "") for rule in rules[1:])


def test_news_without_a_photo_show_the_logo_in_its_own_proportions(school):
    emblems = school.page("").select(".cover-placeholder img.placeholder-emblem")
    assert emblems and {(img["width"], img["height"]) for img in emblems} == {("480", "120")}


def test_favicon_is_drawn_from_the_short_name_on_the_brand_colour(school):
    icon = school.page("").select_one('head link[rel="icon"]')
    assert (school.resolve("", icon["href"]), icon["type"]) == ("favicon.svg", "image/svg+xml")
    svg = BeautifulSoup(school.text("favicon.svg"), "html.parser")
    assert svg.select_one("text").get_text() == "ĐT"
    assert svg.select_one("rect")["fill"] == "#7a1f2b"


def test_footer_shows_the_organisation_from_the_settings(school):
    footer = school.page("").select_one("footer.site-footer")
    assert footer.select_one(".footer-name").get_text(strip=True) == NAME
    terms = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in footer.select(".legal-list dt")}
    assert terms == {"Cơ quan chủ quản": LEGAL["owner"], "Địa chỉ": LEGAL["address"], "Điện thoại": LEGAL["phone"],
                     "Thư điện tử": LEGAL["email"], "Chịu trách nhiệm nội dung": LEGAL["responsible"]}
    assert footer.select_one(".footer-republish").get_text(strip=True) == LEGAL["republish"]
    assert footer.select(".footer-example") == []


def test_search_hint_takes_its_example_from_the_site_name(school):
    hint = school.page("tim-kiem/").select_one(".search-hint").get_text()
    assert hint == "Gõ có dấu hoặc không dấu đều được: “doan truong” tìm ra “Đoàn trường”."


def test_site_template_overrides_the_theme_template_of_the_same_name(school):
    page = school.page("gioi-thieu.html")
    assert page.select_one(".school-page-note").get_text() == "Trang của Đoàn trường — cập nhật theo năm học."
    # The theme's own page template still renders around it (extended as `!theme/page.html`).
    assert page.select_one("article.static-page h1").get_text() == "Giới thiệu"
    assert page.select_one("header.site-header") and page.select_one("footer.site-footer")
    assert school.page("").select(".school-page-note") == []


def test_nothing_of_the_first_organisation_is_anywhere_in_the_output(school):
    leaks = []
    for path in sorted(school.output.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".conf", ".config", ".htaccess"):
            text = path.read_text(encoding="utf-8")
            found = [word for word in FIRST_ORGANISATION if word in text]
            found += [word for word in FIRST_ORGANISATION_ANY_CASE if word in text.casefold()]
            leaks += [(path.relative_to(school.output).as_posix(), word) for word in found]
    assert leaks == []


# --- Logo and icon from the site's own folder (beside content/, not in it) -------------------------

TALL_LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90 150"><title>Huy hiệu</title>'
             '<rect width="90" height="150" fill="#7a1f2b"/></svg>\n')


@pytest.fixture(scope="module")
def school_with_own_files(tmp_path_factory):
    folder = make_site(tmp_path_factory.mktemp("other-site-files"))
    (folder / "nhan-dien").mkdir()
    (folder / "nhan-dien" / "huy-hieu.svg").write_text(TALL_LOGO, encoding="utf-8")
    Image.new("RGB", (48, 48), "#e0a800").save(folder / "bieu-tuong.png")
    settings = {"SITE_LOGO": "nhan-dien/huy-hieu.svg", "SITE_FAVICON": "bieu-tuong.png", "SITE_COLORS": {}}
    return folder, build(folder / "content", folder / "output", settings, conf=folder / "caidat.py")


def test_logo_and_favicon_from_the_site_folder_are_published_as_they_are(school_with_own_files):
    folder, site = school_with_own_files
    logo = site.page("").select_one("img.site-logo")
    assert (site.resolve("", logo["src"]), logo["width"], logo["height"]) == ("nhan-dien/huy-hieu.svg", "90", "150")
    assert site.path("nhan-dien/huy-hieu.svg").read_bytes() == TALL_LOGO.encode("utf-8")
    icon = site.page("").select_one('head link[rel="icon"]')
    assert (site.resolve("", icon["href"]), icon["type"]) == ("bieu-tuong.png", "image/png")
    assert site.path("bieu-tuong.png").read_bytes() == (folder / "bieu-tuong.png").read_bytes()
    assert not site.exists("favicon.svg") and not list(site.output.glob("mau-sac.*.css"))


# --- A setting that cannot be used stops the build, naming it ----------------------------------------

COPY_HINT = ('chép ảnh vào thư mục nội dung (ví dụ images/) rồi ghi SITE_LOGO = "images/<tên tệp>" trong pelicanconf.py, '
             'hoặc ghi SITE_LOGO = "" để không dùng')


def failed_build(folder, tmp_path, settings):
    result = run_pelican(folder / "content", tmp_path / "out", settings, conf=folder / "caidat.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert not (tmp_path / "out" / "index.html").exists()
    return result.stderr.splitlines()


@pytest.mark.parametrize("settings, message", [
    ({"SITE_LOGO": "images/logo.png"},
     "cài đặt SITE_LOGO: lỗi: không có tệp `images/logo.png` trong thư mục nội dung ({content}) hay thư mục của trang "
     "({site}), nên trang sẽ hiện ảnh hỏng — " + COPY_HINT),
    ({"SITE_LOGO": "caidat.py"},
     "cài đặt SITE_LOGO: lỗi: `caidat.py` không phải tệp ảnh (.svg, .png, .jpg, .jpeg, .webp, .gif, .avif) — " + COPY_HINT),
    ({"SITE_LOGO": "../bi-mat.png"},
     "cài đặt SITE_LOGO: lỗi: `../bi-mat.png` nằm ngoài thư mục của trang ({site}) — ghi đường dẫn tính từ thư mục nội dung, "
     "ví dụ `images/logo.png`, không dùng `..` hay đường dẫn tuyệt đối"),
    ({"SITE_LOGO": "khong-kich-thuoc.svg"},
     "cài đặt SITE_LOGO: lỗi: không đọc được kích thước ảnh `khong-kich-thuoc.svg` (tệp SVG không có width và "
     "height, cũng không có viewBox) — lưu lại ảnh dạng PNG, hoặc SVG có width và height (hoặc viewBox)"),
    ({"SITE_FAVICON": "bieu-tuong.ico"},
     "cài đặt SITE_FAVICON: lỗi: không có tệp `bieu-tuong.ico` trong thư mục nội dung ({content}) hay thư mục của trang "
     "({site}), nên trang sẽ hiện ảnh hỏng — chép ảnh vào thư mục nội dung (ví dụ images/) rồi ghi SITE_FAVICON = "
     "\"images/<tên tệp>\" trong pelicanconf.py, hoặc ghi SITE_FAVICON = \"\" để không dùng"),
    ({"SITE_COLORS": {"brand": "red;} body{display:none"}},
     "cài đặt SITE_COLORS: lỗi: `red;} body{display:none` (màu `brand`) không phải mã màu — viết dạng `#7a1f2b` "
     "(dấu # và 6 chữ số hệ 16)"),
    ({"SITE_COLORS": {"primary": "#7a1f2b"}},
     "cài đặt SITE_COLORS: lỗi: không có màu tên `primary` — dùng một trong các tên: text, muted, bg, surface, brand, "
     "brand-dark, brand-darker, brand-light, accent, border, focus"),
    ({"SITE_FAVICON_LETTERS": "ĐTHG"},
     "cài đặt SITE_FAVICON_LETTERS: lỗi: `ĐTHG` có 4 ký tự — biểu tượng trên thẻ trình duyệt chỉ đủ chỗ cho 1 đến 3 chữ, ví dụ `ĐT`"),
])
def test_build_stops_with_a_message_naming_the_setting_when_its_value_cannot_be_used(school_folder, tmp_path, settings, message):
    lines = failed_build(school_folder, tmp_path, settings)
    assert lines == [message.replace("{content}", str(school_folder / "content")).replace("{site}", str(school_folder))]


def test_newpost_without_a_category_gives_an_example_from_the_sites_own_categories(school_folder):
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "newpost.py"), "Bài mới", "--content",
                             str(school_folder / "content"), "-s", str(school_folder / "caidat.py")],
                            capture_output=True, text=True, env=dict(os.environ, CATEGORY="", TITLE=""))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'newpost: cần tiêu đề và chuyên mục — make newpost TITLE="Tiêu đề bài" CATEGORY="Hoạt động Đoàn trường", '
        'hoặc (Windows) py tools\\newpost.py "Tiêu đề bài" "Hoạt động Đoàn trường" (TITLE and CATEGORY are required)']
