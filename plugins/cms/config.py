"""What the browser editor (/admin/, Decap CMS) is told, made from the site's settings at build time so
nothing drifts from pelicanconf.py: the collections and their Vietnamese labels, the categories, the
folders, the backend, and the rules and words of the checks it runs before saving (the same texts as
content_checks and the same date forms as vn_core.dates). Pure: no Pelican, no I/O."""

import re

from trangtin.vn_core.settings import setting as read_setting
from trangtin.vn_core import dates
from trangtin.vn_core.documents import DATE_KEYS as DOCUMENT_DATES, DOCUMENT_KEYS, REQUIRED as DOCUMENT_REQUIRED
from trangtin.vn_core.front_matter import KEY_ALIASES

# The form's keys (Pelican's canonical names), in the order a new article is written, with the
# spelling a new file gets (tools/newpost.py writes the same English keys).
ARTICLE_KEYS = (
    ("title", "Title"), ("date", "Date"), ("category", "Category"), ("author", "Author"),
    ("tags", "Tags"), ("summary", "Summary"), ("image", "Image"), ("status", "Status"),
)
PAGE_KEYS = (("title", "Title"), ("slug", "Slug"), ("status", "Status"))
# The documents register (content/van-ban/, vn_core.documents): a form field per key, written with its
# Vietnamese label (`Số ký hiệu: …`); unaccented and English spellings are read as the build reads them.
DOCUMENT_FIELDS = tuple((f"doc_{key}", label) for key, (label, _aliases) in DOCUMENT_KEYS.items())

# Messages the browser shows, by content_checks code: the texts themselves come from messages.py.
BROWSER_CHECKS = ("missing_title", "missing_date", "missing_category", "bad_date", "no_such_day",
                  "two_digit_year", "year_range", "category_near", "photo_too_large", "doc_missing_field", "doc_bad_date")

DEFAULTS = {
    "CMS_ADMIN": True,  # False: no /admin/ in the output
    "CMS_ADMIN_PATH": "admin",
    # Where the content folder is in the site's repository (the remote backends' paths); make cms
    # points the local backend at the content folder's parent and sets the folder's own name here.
    "CMS_CONTENT_PATH": "content",
    # The git host (docs/dang-tin-trinh-duyet.md): None until a shared set-up is chosen; then
    # e.g. {"name": "gitea", "repo": "donvi/trang-tin", "base_url": "https://git.example.vn",
    # "app_id": "…", "api_root": "https://git.example.vn/api/v1", "auth_type": "pkce"}.
    "CMS_BACKEND": None,
    "CMS_EDITORIAL_WORKFLOW": False,  # Bản nháp → Chờ duyệt → Sẵn sàng đăng (Decap's editorial_workflow)
    "CMS_LOCAL_BACKEND": "",  # set by make cms (tools/cms.py): the local decap-server's address
    "CMS_MAX_PHOTO_MB": 10,
    "CMS_REPORT_URL": "",  # the publishing run's summary (e.g. the CI page), linked from the editor
}


def setting(settings, name):
    value = read_setting(settings, name, DEFAULTS)
    return DEFAULTS[name] if value is None and name != "CMS_BACKEND" else value


def js_pattern(pattern: re.Pattern) -> dict:
    """A Python pattern as a JavaScript RegExp's source and flags (named groups spelled `(?<name>`)."""
    return {"source": pattern.pattern.replace("(?P<", "(?<"), "flags": "i" if pattern.flags & re.IGNORECASE else ""}


def date_rules() -> dict:
    """vn_core.dates' own patterns and year range, for the browser's copy of parse_date."""
    return {
        "short_year": js_pattern(dates.SHORT_YEAR_RE),
        "forms": [js_pattern(p) for p in (dates.DAY_FIRST_RE, dates.ISO_HALF_DAY_RE, dates.TIME_FIRST_RE)],
        # What Pelican's get_date reads of what editors type: ISO dates with an optional time.
        "iso": js_pattern(re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
                                     r"(?:[ T]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?\s*$")),
        "first_year": dates.FIRST_YEAR,
        "last_year": dates.LAST_YEAR,
    }


def _folder(content_path: str, *parts) -> str:
    return "/".join(p.strip("/") for p in (content_path, *parts) if p.strip("/"))


def admin_config(settings, messages: dict, date_forms: str, year: int) -> dict:
    """Decap's configuration (CMS.init({config})) and what our script needs (`trangtin`). Photos go to
    images/<year>/ of the year the site was built in: Decap's own `{{year}}` in media_folder comes out empty
    for our typed dates (3.16), and every publishing run rebuilds /admin/, so the folder follows the calendar."""
    content = setting(settings, "CMS_CONTENT_PATH")
    categories = list(settings.get("NEWS_CATEGORIES") or [])
    pages = (settings.get("PAGE_PATHS") or ["pages"])[0]
    max_bytes = int(float(setting(settings, "CMS_MAX_PHOTO_MB")) * 1024 * 1024)
    # No git host chosen: the only backend is make cms's decap-server at its default address.
    backend = dict(setting(settings, "CMS_BACKEND") or {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1"})
    local = setting(settings, "CMS_LOCAL_BACKEND")
    date_hint = "Gõ " + date_forms
    # Said on each collection too: without it Decap 3.16 puts an upload beside the article.
    media = {"media_folder": "/" + _folder(content, "images", str(year)), "public_folder": "{static}/" + _folder("images", str(year))}
    article_fields = [
        {"label": "Tiêu đề (bắt buộc)", "name": "title", "widget": "string", "required": False},
        {"label": "Ngày đăng (bắt buộc)", "name": "date", "widget": "string", "required": False, "hint": date_hint},
        {"label": "Chuyên mục (bắt buộc)", "name": "category", "widget": "select", "options": categories, "required": False},
        {"label": "Tác giả", "name": "author", "widget": "string", "required": False},
        {"label": "Tóm tắt", "name": "summary", "widget": "text", "required": False},
        {"label": "Ảnh đại diện", "name": "image", "widget": "image", "required": False,
         "media_library": {"config": {"max_file_size": max_bytes}}},
        {"label": "Thẻ", "name": "tags", "widget": "string", "required": False,
         "hint": "Cách nhau bằng dấu phẩy, ví dụ: Hội nghị, " + (settings.get("SITE_SHORTNAME") or settings.get("SITENAME") or "Tuổi trẻ")},
        {"label": "Bản nháp", "name": "draft", "widget": "boolean", "required": False, "default": False,
         "hint": "Bật: bài chưa hiện trên trang."},
        {"label": "Chèn ảnh vào bài", "name": "insert_photos", "widget": "list", "required": False,
         "label_singular": "ảnh",
         "hint": "Khi lưu, mỗi ảnh thành một dòng ảnh có chú thích ở cuối Nội dung; "
                 "chuyển dòng đó tới chỗ cần đặt ảnh.",
         "fields": [
             {"label": "Ảnh", "name": "photo", "widget": "image", "media_library": {"config": {"max_file_size": max_bytes}}},
             {"label": "Chú thích", "name": "caption", "widget": "string", "required": False},
         ]},
        {"label": "Nội dung", "name": "body", "widget": "markdown", "modes": ["raw"], "required": False},
        {"label": "Nguồn", "name": "source", "widget": "hidden", "required": False},
        {"label": "Loại", "name": "kind", "widget": "hidden", "required": False},
    ]
    document_labels = dict(DOCUMENT_FIELDS)
    document_hints = {"doc_number": "Ví dụ: 15-KH/ĐTN", "doc_type": "Ví dụ: Kế hoạch, Thông báo, Báo cáo, Quyết định, Hướng dẫn, Công văn",
                      "doc_replaces": "Số ký hiệu của văn bản cũ mà văn bản này thay thế",
                      "doc_files": "Tệp PDF, Word hoặc Excel; tải lên vào tai-lieu/" + str(year) + "/"}
    document_fields = []
    for name, label in DOCUMENT_FIELDS:
        key = name.removeprefix("doc_")
        field = {"label": label + (" (bắt buộc)" if key in DOCUMENT_REQUIRED else ""), "name": name,
                 "widget": "string", "required": False}
        if key in DOCUMENT_DATES:
            field["hint"] = date_hint
        if key == "abstract":
            field["widget"] = "text"
        if key == "files":
            field.update({"widget": "file", "media_folder": "/" + _folder(content, "tai-lieu", str(year)),
                          "public_folder": _folder("tai-lieu", str(year)), "media_library": {"config": {"max_file_size": max_bytes}}})
        if name in document_hints:
            field["hint"] = document_hints[name]
        document_fields.append(field)
    document_fields += [
        {"label": "Mô tả", "name": "body", "widget": "markdown", "modes": ["raw"], "required": False},
        {"label": "Nguồn", "name": "source", "widget": "hidden", "required": False},
        {"label": "Loại tệp", "name": "kind", "widget": "hidden", "required": False},
    ]
    page_fields = [
        {"label": "Tiêu đề (bắt buộc)", "name": "title", "widget": "string", "required": False},
        {"label": "Slug (địa chỉ)", "name": "slug", "widget": "string", "required": False},
        {"label": "Nội dung", "name": "body", "widget": "markdown", "modes": ["raw"], "required": False},
        {"label": "Nguồn", "name": "source", "widget": "hidden", "required": False},
        {"label": "Loại", "name": "kind", "widget": "hidden", "required": False},
    ]
    config = {
        "load_config_file": False,
        "locale": "vi",
        "backend": backend,
        "media_folder": _folder(content, "images", str(year)),
        "public_folder": "{static}/" + _folder("images", str(year)),
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [
            {
                "name": "tin-bai", "label": "Tin bài", "label_singular": "tin bài",
                "folder": _folder(content) or ".", "path": "{{year}}/{{slug}}", "extension": "md",
                "format": "pelican", "create": True, "delete": False,
                "filter": {"field": "kind", "value": "article"},
                "summary": "{{title}}", "sortable_fields": ["title"],
                "identifier_field": "title",
                "fields": article_fields, **media,
            },
            {
                "name": "trang", "label": "Trang", "label_singular": "trang",
                "folder": _folder(content, pages), "path": "{{slug}}", "extension": "md",
                "format": "pelican", "create": True, "delete": False,
                "summary": "{{title}}", "identifier_field": "title",
                "fields": page_fields, **media,
            },
            {
                "name": "van-ban", "label": "Văn bản", "label_singular": "văn bản",
                "folder": _folder(content, "van-ban"), "path": "{{slug}}", "extension": "md",
                "format": "pelican", "create": True, "delete": False,
                "summary": "{{doc_number}} — {{doc_abstract}}", "identifier_field": "doc_number",
                "fields": document_fields, **media,
            },
        ],
    }
    if setting(settings, "CMS_EDITORIAL_WORKFLOW"):
        config["publish_mode"] = "editorial_workflow"
    if local:
        config["local_backend"] = {"url": local}
    site = {
        "categories": categories,
        "messages": {code: messages[code] for code in BROWSER_CHECKS},
        "date_forms": date_forms,
        "dates": date_rules(),
        "aliases": {**{key: list(aliases) for key, aliases in KEY_ALIASES.items()},
                    **{f"doc_{key}": [label, *aliases] for key, (label, aliases) in DOCUMENT_KEYS.items()}},
        "keys": {"article": dict(ARTICLE_KEYS), "page": dict(PAGE_KEYS), "document": dict(DOCUMENT_FIELDS)},
        "document": {"required": [f"doc_{key}" for key in DOCUMENT_REQUIRED], "dates": [f"doc_{key}" for key in DOCUMENT_DATES],
                     "labels": document_labels},
        "max_photo_bytes": max_bytes,
        "max_photo_mb": setting(settings, "CMS_MAX_PHOTO_MB"),
        "report_url": setting(settings, "CMS_REPORT_URL"),
    }
    return {"config": config, "trangtin": site}
