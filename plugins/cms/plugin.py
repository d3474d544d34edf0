"""Pelican glue: once the generators are done, writes the browser editor into the output's admin/ folder (CMS_ADMIN_PATH):
index.html, the configuration made from the settings (cau-hinh.js, config.py), our script (trangtin-cms.js:
the Pelican `Key: value` format, the checks before saving, the preview's stylesheet) and Decap CMS's
bundle, copied from node_modules (package-lock.json pins it; nothing is loaded from a CDN).

Without node_modules/decap-cms (a machine where `npm ci` never ran) the site is built without /admin/ and
the build says so: the news must still go out when only the editor is missing."""

import json
import logging
import shutil
from datetime import datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from trangtin.vn_core.settings import browser_editor_wanted
from trangtin.vn_core.paths import output_file

from .config import admin_config, setting

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"
STATIC = Path(__file__).resolve().parent / "static"
MISSING_DECAP = (
    "không có Decap CMS ({folder}) nên trang /{admin}/ (đăng tin từ trình duyệt) không được dựng — "
    "chạy `make cms-tools` (hoặc `npm ci --omit=dev --ignore-scripts` trong thư mục của trang) rồi dựng lại"
)


def decap_files(dist: Path):
    """The bundle and the chunks and WebAssembly it loads beside itself (no source maps, no second copy)."""
    names = ["decap-cms.js", "decap-cms.js.LICENSE.txt"]
    names += sorted(p.name for p in dist.glob("*.decap-cms.js"))
    names += sorted(p.name for p in dist.glob("*.wasm"))
    return [dist / name for name in names if (dist / name).is_file()]


def stylesheet(settings) -> str:
    """The site's stylesheet as the pages link it (hashed by plugins/assets when that is on)."""
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    try:
        from trangtin.assets.plugin import theme_manifest  # noqa: PLC0415 - optional: only when the plugin is there

        name = theme_manifest(settings).get("css/site.css", "css/site.css")
    except ImportError:
        name = "css/site.css"
    return f"{static_dir}/{name}"


def admin_page(settings) -> str:
    title = escape(f"Đăng tin — {settings.get('SITENAME', '')}")
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}</title>\n"
        '<link rel="stylesheet" href="trangtin-cms.css">\n'
        "</head>\n<body>\n"
        '<noscript>Trang đăng tin cần JavaScript: bật JavaScript trong trình duyệt rồi tải lại trang.</noscript>\n'
        # Order matters: the configuration turns off Decap's own start (CMS_MANUAL_INIT) before it loads.
        '<script src="cau-hinh.js"></script>\n'
        '<script src="decap-cms.js"></script>\n'
        '<script src="trangtin-cms.js"></script>\n'
        "</body>\n</html>\n"
    )


def _copy(source: Path, target: str):
    """Copies unless the same bytes are there already (a rebuild leaves Decap's 6 MB alone)."""
    done = Path(target)
    if done.is_file() and done.stat().st_size == source.stat().st_size and done.stat().st_mtime >= source.stat().st_mtime:
        return
    done.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, done)


def write_admin(generators):
    settings = generators[0].settings
    if not browser_editor_wanted(settings):
        return
    folder = str(setting(settings, "CMS_ADMIN_PATH")).strip("/") or "admin"
    # The site's own node_modules (a site made by `make new-site` has its package.json), else the product's.
    site_dist = Path(settings.get("PATH", ".")).resolve().parent / "node_modules" / "decap-cms" / "dist"
    dist = Path(settings.get("CMS_DECAP_DIST") or (site_dist if site_dist.is_dir() else DECAP_DIST))
    files = decap_files(dist)
    if not any(path.name == "decap-cms.js" for path in files):
        logger.warning(MISSING_DECAP.format(folder=dist, admin=folder))
        return
    from trangtin.content_checks.messages import DATE_FORMS, MESSAGES  # noqa: PLC0415 - the checker's own words

    source = "cài đặt CMS_ADMIN_PATH"
    output = generators[0].output_path
    year = datetime.now(ZoneInfo(settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh")).year
    made = admin_config(settings, {code: MESSAGES[code][0] for code in MESSAGES}, DATE_FORMS["vi"], year)
    # The preview's stylesheet, relative to the editor's page.
    made["trangtin"]["stylesheet"] = "../" * len(Path(folder).parts) + stylesheet(settings)
    config_js = (
        "// Tạo khi dựng trang từ pelicanconf.py (plugins/cms): đừng sửa tay.\n"
        "window.CMS_MANUAL_INIT = true;\n"
        f"window.TRANGTIN_CMS = {json.dumps(made, ensure_ascii=False, indent=1)};\n"
    )
    writes = {
        "index.html": admin_page(settings),
        "cau-hinh.js": config_js,
        "trangtin-cms.js": (STATIC / "trangtin-cms.js").read_text(encoding="utf-8"),
        "trangtin-cms.css": (STATIC / "trangtin-cms.css").read_text(encoding="utf-8"),
    }
    for name, text in writes.items():
        path = Path(output_file(output, f"{folder}/{name}", source))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    for path in files:
        _copy(path, output_file(output, f"{folder}/{path.name}", source))


def connect():
    # Before the pages are written and before `finalized`, where plugins/assets makes the compressed
    # copies of every text file: the editor's files get theirs too, whatever the plugins' order.
    signals.all_generators_finalized.connect(write_admin)
