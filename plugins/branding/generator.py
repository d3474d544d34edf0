"""Pelican glue for the site's identity: a generator whose generate_context() checks the settings and
hands the templates what they show (`site_logo`, `site_favicon`, `site_colors_css`, `search_hint`),
and whose generate_output() writes the generated files and publishes the logo and favicon as they are.

A setting that names a missing file, a file outside the site, or a colour that is not one stops the
build with one Vietnamese line naming the setting: a page with a broken logo is never published."""

import logging
import re
import shutil
import xml.etree.ElementTree as ElementTree
from functools import partial
from pathlib import Path
from urllib.parse import quote

from pelican import signals
from pelican.generators import Generator
from trangtin.vn_core.settings import setting as read_setting
from trangtin.vn_core.paths import is_inside, output_file

from . import rules

logger = logging.getLogger(__name__)

DEFAULTS = {
    # {"brand": "#7a1f2b", "brand-dark": "#4f1019", "accent": "#e0a800", …}: any `--color-*` of the
    # theme's css/site.css; unset names keep the theme's colour.
    "SITE_COLORS": {},
    # An image in the content folder (`images/logo.png`), in the site's folder (the one holding the
    # content folder), or one of the theme's files as published (`theme/emblem.svg`); "" for none.
    "SITE_LOGO": "",
    # An icon file found as SITE_LOGO is; "" draws one from SITE_FAVICON_LETTERS or the short name.
    "SITE_FAVICON": "",
    "SITE_FAVICON_LETTERS": "",
}
COLOURS_STEM = "mau-sac"
FAVICON_SAVE_AS = "favicon.svg"
# An SVG length: a number, optionally in px (a percentage or em says nothing about the ratio).
_SVG_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*")


setting = partial(read_setting, defaults=DEFAULTS)


class BrandingFailed(SystemExit):
    """Stops the build: exit status 1 and one line naming the setting. A SystemExit, because Pelican's
    main() prints a full traceback for any Exception."""

    def __init__(self, name: str, message: str):
        text = f"cài đặt {name}: lỗi: {message}"
        super().__init__(text)
        self.code = text


def svg_size(path: Path) -> tuple:
    """(width, height) of an SVG from its width and height, else its viewBox."""
    root = ElementTree.parse(path).getroot()
    lengths = [_SVG_LENGTH.fullmatch(root.get(key) or "") for key in ("width", "height")]
    if all(lengths):
        return tuple(float(match.group(1)) for match in lengths)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    raise ValueError("tệp SVG không có width và height, cũng không có viewBox")


def image_size(path: Path) -> tuple:
    """(width, height) in whole pixels, read from the file's header (Pillow) or the SVG's attributes."""
    if path.suffix.lower() == ".svg":
        width, height = svg_size(path)
    else:
        from PIL import Image  # noqa: PLC0415 - only sites with a raster logo need it

        with Image.open(path) as image:
            width, height = image.size
    if width <= 0 or height <= 0:
        raise ValueError(f"kích thước {width} × {height}")
    return round(width), round(height)


def find_image(name: str, value, settings, suffixes) -> tuple:
    """(source file, published as, copy it?) for SITE_LOGO / SITE_FAVICON: the content folder first,
    then the site's folder; a name under THEME_STATIC_DIR is one of the theme's files, which the
    theme publishes. Raises BrandingFailed for anything else."""
    relative = str(value).strip().replace("\\", "/")
    hint = (f"chép ảnh vào thư mục nội dung (ví dụ images/) rồi ghi {name} = \"images/<tên tệp>\" trong pelicanconf.py, "
            f"hoặc ghi {name} = \"\" để không dùng")
    if not relative.lower().endswith(suffixes):
        raise BrandingFailed(name, f"`{value}` không phải tệp ảnh ({', '.join(suffixes)}) — {hint}")
    content = Path(settings["PATH"])
    site = content.parent
    for folder in (content, site):
        candidate = folder / relative
        if not is_inside(candidate, site) or relative.startswith("/") or ".." in relative.split("/"):
            raise BrandingFailed(name, f"`{value}` nằm ngoài thư mục của trang ({site}) — ghi đường dẫn tính từ thư mục "
                                       "nội dung, ví dụ `images/logo.png`, không dùng `..` hay đường dẫn tuyệt đối")
        if candidate.is_file():
            return candidate, relative, True
    static_dir = settings.get("THEME_STATIC_DIR", "theme").strip("/")
    if relative.startswith(static_dir + "/"):
        theme = Path(settings["THEME"])
        for static in settings.get("THEME_STATIC_PATHS", ["static"]):
            candidate = theme / static / relative[len(static_dir) + 1:]
            if is_inside(candidate, theme) and candidate.is_file():
                return candidate, relative, False
    raise BrandingFailed(name, f"không có tệp `{value}` trong thư mục nội dung ({content}) hay thư mục của trang "
                               f"({site}), nên trang sẽ hiện ảnh hỏng — {hint}")


class BrandingGenerator(Generator):
    """generate_context(): checks the settings and fills the templates' values, writing nothing;
    generate_output(): writes the colours' stylesheet and the favicon, copies the logo and icon files."""

    def generate_context(self):
        settings = self.settings
        self.files = {}  # published as -> bytes (generated) or a Path (copied as it is)
        try:
            stylesheet = (Path(settings["THEME"]) / "static" / "css" / "site.css").read_text(encoding="utf-8")
            theme = rules.theme_colours(stylesheet)
            colours = rules.site_colours(setting(settings, "SITE_COLORS"), theme)
            letters = None if setting(settings, "SITE_FAVICON") else rules.favicon_letters(
                setting(settings, "SITE_FAVICON_LETTERS"), settings.get("SITE_SHORTNAME") or "", settings.get("SITENAME") or "")
        except rules.BrandingProblem as problem:
            raise BrandingFailed(problem.setting, str(problem)) from None
        self.context["site_colors_css"] = None
        if colours:
            data = rules.colours_stylesheet(colours).encode("utf-8")
            self.context["site_colors_css"] = self._publish_bytes(rules.hashed_name(COLOURS_STEM, ".css", data), data)
        self.context["site_logo"] = self._logo()
        if letters:
            data = rules.favicon_svg(letters, {**theme, **colours}.get("brand", "#000")).encode("utf-8")
            self.context["site_favicon"] = {"url": self._publish_bytes(FAVICON_SAVE_AS, data), "type": "image/svg+xml"}
        else:
            source, save_as, copy = find_image("SITE_FAVICON", setting(settings, "SITE_FAVICON"), settings, rules.FAVICON_SUFFIXES)
            self.context["site_favicon"] = {"url": self._publish_file(source, save_as, copy),
                                            "type": rules.ICON_TYPES[source.suffix.lower()]}
        self.context["search_hint"] = rules.search_example(
            [settings.get("SITE_SHORTNAME"), settings.get("SITENAME"), *(settings.get("NEWS_CATEGORIES") or ())])

    def _logo(self):
        value = setting(self.settings, "SITE_LOGO")
        if not value:
            return None
        source, save_as, copy = find_image("SITE_LOGO", value, self.settings, rules.IMAGE_SUFFIXES)
        try:
            width, height = image_size(source)
        except Exception as error:  # noqa: BLE001 - any unreadable image is the same problem for the operator
            raise BrandingFailed("SITE_LOGO", f"không đọc được kích thước ảnh `{value}` ({error}) — lưu lại ảnh dạng PNG, "
                                              "hoặc SVG có width và height (hoặc viewBox)") from None
        return {"url": self._publish_file(source, save_as, copy), "width": width, "height": height}

    def _publish_bytes(self, save_as: str, data: bytes) -> str:
        self.files[save_as] = data
        return quote(save_as)

    def _publish_file(self, source: Path, save_as: str, copy: bool) -> str:
        if copy:
            self.files[save_as] = source
        return quote(save_as)

    def generate_output(self, writer):
        for save_as, data in self.files.items():
            target = Path(output_file(self.output_path, save_as, "cài đặt SITE_LOGO / SITE_FAVICON / SITE_COLORS"))
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, Path):
                shutil.copyfile(data, target)  # as it is: the operator's own file, never resized
            else:
                target.write_bytes(data)


def add_generator(pelican_object):
    return BrandingGenerator


def connect():
    signals.get_generators.connect(add_generator)
