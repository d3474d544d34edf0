"""Uploaded files (the static folders: images/, tai-lieu/, imports): which ones could run script on
the site's own origin, and how big a photo may be. No Pelican imports. The one rule the checker and
the build share: the checker reports, the build refuses what slipped past it (checks switched off).

A file served from the site runs script when a browser renders it as a document: HTML and its
relatives, script files, Flash, server-side pages, XML and SVG (which may hold script, event
handlers, HTML inside foreignObject, javascript: links or a style sheet). Documents (PDF, Word,
Excel) and raster images are served as downloads or images and stay allowed."""

import re
import warnings

# extension -> (what it is in Vietnamese, in English)
SCRIPT_EXTENSIONS = {
    **dict.fromkeys(("html", "htm", "shtml", "shtm", "xhtml", "xht", "mht", "mhtml", "hta"), ("trang HTML", "an HTML page")),
    **dict.fromkeys(("js", "mjs", "cjs", "jsx", "ts", "vbs", "wsf"), ("tệp mã JavaScript", "a script file")),
    **dict.fromkeys(("swf", "spl"), ("tệp Flash", "a Flash file")),
    **dict.fromkeys(("xsl", "xslt"), ("bảng định kiểu XSLT", "an XSLT style sheet")),
    **dict.fromkeys(("php", "phtml", "php3", "php4", "php5", "phar", "asp", "aspx", "jsp", "cgi"),
                    ("trang chạy trên máy chủ", "a server-side page")),
    "svgz": ("ảnh SVG nén (không kiểm tra được bên trong)", "a compressed SVG (its inside cannot be checked)"),
}
# Server configuration an upload must never bring along (Apache reads .htaccess in any folder).
SERVER_FILES = {".htaccess": ("tệp cấu hình máy chủ", "a server configuration file"),
                ".htpasswd": ("tệp mật khẩu máy chủ", "a server password file"),
                "web.config": ("tệp cấu hình máy chủ", "a server configuration file")}
# Inspected: allowed only when they hold nothing that runs or loads script.
MARKUP_EXTENSIONS = ("svg", "xml")

DEFAULT_MAX_PIXELS = 100_000_000  # 100 megapixels: a 12000 × 8000 panorama passes, a pixel bomb does not

XLINK = "{http://www.w3.org/1999/xlink}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# Elements that run script, embed a document or let an animation rewrite a link.
ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform"}
STYLESHEET_PI = re.compile(rb"<\?xml-stylesheet", re.I)
# In a style: an import or a url() that is not a reference inside the file (`url(#gradient)`).
EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)", re.I)

# reason code -> (Vietnamese, English): what the markup holds.
MARKUP_REASONS = {
    "entity": ("khai báo <!ENTITY>", "an <!ENTITY> declaration"),
    "external": ("tham chiếu tới tệp bên ngoài", "a reference to an outside file"),
    "stylesheet": ("chỉ thị <?xml-stylesheet?>", "an <?xml-stylesheet?> instruction"),
    "script": ("thẻ <{tag}> (mã chạy được)", "a <{tag}> element (runnable code)"),
    "html": ("thẻ HTML <{tag}> bên trong", "an HTML <{tag}> element inside"),
    "handler": ("thuộc tính sự kiện {attribute}= (mã JavaScript)", "an event attribute {attribute}= (JavaScript)"),
    "link": ("liên kết `{value}` (javascript:, data: hoặc ra ngoài tệp)", "a link `{value}` (javascript:, data: or outside the file)"),
    "animation": ("hiệu ứng <{tag}> đổi liên kết", "an <{tag}> animation that changes a link"),
    "css": ("kiểu CSS nạp tệp bên ngoài", "a CSS style loading an outside file"),
    "unreadable": ("nội dung không đọc được ({detail})", "content that cannot be read ({detail})"),
}


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def script_kind(name: str):
    """(vi, en) of what the file is, when its name alone says it can run script on the site; else None."""
    base = name.rsplit("/", 1)[-1]
    return SERVER_FILES.get(base.lower()) or SCRIPT_EXTENSIONS.get(_extension(base))


def needs_inspection(name: str) -> bool:
    return _extension(name) in MARKUP_EXTENSIONS


def markup_problem(data: bytes):
    """(reason code, params) when SVG/XML bytes hold anything that runs or loads script, else None.
    Parsed with defusedxml: entity declarations and external entities are refused, never expanded."""
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden  # noqa: PLC0415
    from defusedxml.ElementTree import ParseError, fromstring  # noqa: PLC0415

    if STYLESHEET_PI.search(data):
        return "stylesheet", {}
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (EntitiesForbidden, DTDForbidden):
        return "entity", {}
    except ExternalReferenceForbidden:
        return "external", {}
    except (ParseError, ValueError) as error:
        return "unreadable", {"detail": str(error)}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.rsplit("}", 1)[-1]
        lowered = tag.lower()
        if lowered in ACTIVE_ELEMENTS:
            return "script", {"tag": tag}
        if element.tag.startswith(XHTML):
            return "html", {"tag": tag}
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return "handler", {"attribute": local}
            if local == "href" and not value.strip().startswith("#"):
                return "link", {"value": value.strip()[:60]}
            if local == "style" and EXTERNAL_CSS.search(value):
                return "css", {}
            if lowered in ANIMATIONS and local == "attributename" and value.lower().endswith("href"):
                return "animation", {"tag": tag}
        if lowered == "style" and EXTERNAL_CSS.search(element.text or ""):
            return "css", {}
    return None


def upload_problem(name: str, read):
    """('script', (vi, en)) or ('markup', (reason, params)) for an uploaded file that could run script
    on the site, else None. `read()` gives its bytes, asked only for SVG and XML."""
    kind = script_kind(name)
    if kind:
        return "script", kind
    if needs_inspection(name):
        found = markup_problem(read())
        if found:
            return "markup", found
    return None


def markup_reason(reason: str, params: dict, lang: str = "vi") -> str:
    vi, en = MARKUP_REASONS[reason]
    return (en if lang == "en" else vi).format(**params)


def image_size(path):
    """(width, height) from the image's header, before any pixel is decoded: a 304 KB PNG may claim
    50000 × 50000 pixels (7.4 GB once decoded). Raises OSError (or ValueError) for a file that is not
    a readable image."""
    from PIL import Image  # noqa: PLC0415 - only for photos

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's own bomb warning: the caller compares with its limit
        previous, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
        try:
            with Image.open(path) as image:
                return image.size
        finally:
            Image.MAX_IMAGE_PIXELS = previous


def megapixels(width: int, height: int) -> str:
    """`2500` (million pixels, whole above 10, one decimal below)."""
    value = width * height / 1e6
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


# What the checker and the build say about a refused upload (the checker adds the file and `lỗi:`).
UPLOAD_MESSAGES = {
    "upload_script": (
        "tệp tải lên là {kind_vi}, có thể chạy mã (script) trên trang nên không được đăng — muốn cho tải về "
        "thì lưu thành PDF (hoặc ảnh JPEG/PNG) rồi xóa tệp này",
        "this upload is {kind_en}, which could run script on the site, so it is not published — to offer it "
        "as a download save it as PDF (or a JPEG/PNG picture) and delete this file",
    ),
    "upload_markup": (
        "tệp SVG/XML có {reason_vi}, có thể chạy mã (script) trên trang nên không được đăng — xuất lại ảnh "
        "thành PNG, hoặc lưu SVG dạng đơn giản (Inkscape: Lưu thành › SVG thuần) không có mã, liên kết hay tệp ngoài",
        "this SVG/XML file holds {reason_en}, which could run script on the site, so it is not published — "
        "export the picture as PNG, or save a plain SVG (Inkscape: Save As › Plain SVG) without code, links "
        "or outside files",
    ),
}


def upload_message(found, lang="vi") -> tuple:
    """(code, params) of upload_problem()'s answer, for UPLOAD_MESSAGES."""
    kind, detail = found
    if kind == "script":
        return "upload_script", {"kind_vi": detail[0], "kind_en": detail[1]}
    reason, params = detail
    return "upload_markup", {"reason_vi": markup_reason(reason, params, "vi"), "reason_en": markup_reason(reason, params, "en")}


# The same words from the checker (`make check`) and from the build (plugins/photos).
PIXELS_MESSAGE = (
    "ảnh {image} có {width}×{height} điểm ảnh ({megapixels} triệu), quá giới hạn {limit} triệu điểm ảnh "
    "(PHOTOS_MAX_PIXELS) nên không được xử lý — thu nhỏ ảnh (ví dụ còn 4000 px chiều ngang) rồi chép đè tệp",
    "the image {image} has {width}×{height} pixels ({megapixels} million), above the limit of {limit} million "
    "(PHOTOS_MAX_PIXELS), so it is not processed — shrink it (for example to 4000 px wide) and copy it over the file",
)


def pixels_params(image: str, width: int, height: int, limit: int) -> dict:
    return {"image": image, "width": width, "height": height, "megapixels": megapixels(width, height),
            "limit": megapixels(limit, 1) if limit < 10_000_000 else f"{limit / 1e6:.0f}"}
