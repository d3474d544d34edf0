"""The files made from the redirect data: redirect pages, .htaccess, nginx map, web.config and the
404 page's lookup. Pure: no Pelican imports, no I/O. The data itself (chuyen-huong.json) is read by
vn_core.redirects, which the checker and the importer share."""

import html
import posixpath
import re
from urllib.parse import unquote

from vn_core.redirects import (  # noqa: F401 - the data rules, re-exported for this plugin's glue
    Redirect, RedirectDataError, dumps, loads, old_address, page_file,
)

MARKER = "data-redirect-page"


def relative_url(from_file: str, target_url: str) -> str:
    """A link from the redirect page at `from_file` to the site URL `target_url` (both relative
    to the site root), so it works under any sub-folder (GitHub Pages project sites)."""
    base = posixpath.dirname(from_file)
    target_path = target_url or "./"
    rel = posixpath.relpath(target_path.rstrip("/") or ".", base or ".")
    if target_path.endswith("/"):
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel


def redirect_page(title: str, relative: str, canonical: str) -> str:
    title_html, rel_attr, canonical_attr = html.escape(title), html.escape(relative, True), html.escape(canonical, True)
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="robots" content="noindex">\n<title>Đã chuyển: {title_html}</title>\n'
        f'<link rel="canonical" href="{canonical_attr}">\n'
        f'<meta http-equiv="refresh" content="0; url={rel_attr}">\n</head>\n'
        f'<body {MARKER}>\n<p>Bài viết đã chuyển sang địa chỉ mới: <a href="{rel_attr}">{title_html}</a></p>\n'
        "</body>\n</html>\n"
    )


def _apache_escape(text: str) -> str:
    return re.sub(r"([\\^$.|?*+()\[\]{}\s])", r"\\\1", text)


# After the redirects: the copies `make publish` writes beside each text file (plugins/assets) are sent
# as they are when the browser accepts them (mod_mime takes the type from .html and the encoding from
# .br/.gz), and the theme's hashed CSS/JS (a new name for every change) are kept by browsers a year.
APACHE_PRECOMPRESSED = r"""
# Bản nén sẵn .br / .gz (plugin assets, `make publish`) và CSS/JS có mã băm trong tên.
<IfModule mod_mime.c>
AddEncoding br .br
AddEncoding gzip .gz
</IfModule>
RewriteCond %{HTTP:Accept-Encoding} \bbr\b
RewriteCond %{REQUEST_FILENAME}.br -f
RewriteRule ^(.+)$ $1.br [L]
RewriteCond %{HTTP:Accept-Encoding} \bgzip\b
RewriteCond %{REQUEST_FILENAME}.gz -f
RewriteRule ^(.+)$ $1.gz [L]
<IfModule mod_headers.c>
<FilesMatch "\.(br|gz)$">
Header append Vary Accept-Encoding
</FilesMatch>
<FilesMatch "\.[0-9a-f]{10}\.(css|js)(\.br|\.gz)?$">
Header set Cache-Control "public, max-age=31536000, immutable"
</FilesMatch>
</IfModule>
"""


def htaccess(pairs) -> str:
    """Apache (shared hosting): `pairs` are (Redirect, target path from the host root)."""
    lines = ["# Chuyển hướng địa chỉ cũ (tạo bởi plugin redirects; đừng sửa tay).", "RewriteEngine On", ""]
    for redirect, target in pairs:
        path = _apache_escape(unquote(redirect.path).lstrip("/"))
        if redirect.query:
            lines.append(f"RewriteCond %{{QUERY_STRING}} ^{_apache_escape(redirect.query)}$ [NC]")
        lines.append(f'RewriteRule ^{path}$ "{target}" [R=301,L,NC,QSD]' if redirect.query else f'RewriteRule ^{path}$ "{target}" [R=301,L]')
    return "\n".join(lines) + "\n" + APACHE_PRECOMPRESSED


def _nginx_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'


def nginx_map(pairs) -> str:
    lines = [
        "# Chuyển hướng địa chỉ cũ (tạo bởi plugin redirects). Trong khối http {}:",
        "#     include /đường/dẫn/chuyen-huong.nginx.conf;",
        "# và trong khối server {}:",
        "#     if ($legacy_redirect) { return 301 $legacy_redirect; }",
        "# Bản nén sẵn .gz / .br (plugin assets, `make publish`), cũng trong khối server {}:",
        "#     gzip_static on;  brotli_static on;   # brotli_static: mô-đun ngx_brotli",
        '#     location ~ "\\.[0-9a-f]{10}\\.(css|js)$" { expires 1y; add_header Cache-Control immutable; }',
        "map $request_uri $legacy_redirect {",
        '    default "";',
    ]
    for redirect, target in pairs:
        lines.append(f"    {_nginx_quote(redirect.old)} {_nginx_quote(target)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def web_config(pairs) -> str:
    """IIS URL Rewrite: one rewrite map keyed by the old path and query (REQUEST_URI)."""
    entries = "\n".join(
        f'          <add key="{html.escape(redirect.old, True)}" value="{html.escape(target, True)}" />' for redirect, target in pairs
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- Chuyển hướng địa chỉ cũ (tạo bởi plugin redirects; cần IIS URL Rewrite). -->\n"
        "<configuration>\n  <system.webServer>\n"
        # IIS serves no file whose extension it does not know: the search index's files (README).
        "    <staticContent>\n"
        '      <remove fileExtension=".wasm" />\n      <mimeMap fileExtension=".wasm" mimeType="application/wasm" />\n'
        + "".join(f'      <mimeMap fileExtension=".{ext}" mimeType="application/octet-stream" />\n'
                  for ext in ("pf_meta", "pf_fragment", "pf_index", "pf_filter"))
        + "    </staticContent>\n"
        "    <rewrite>\n      <rewriteMaps>\n"
        '        <rewriteMap name="LegacyRedirects" ignoreCase="true">\n'
        f"{entries}\n"
        "        </rewriteMap>\n      </rewriteMaps>\n      <rules>\n"
        '        <rule name="Legacy redirects" stopProcessing="true">\n'
        '          <match url=".*" />\n'
        '          <conditions>\n            <add input="{LegacyRedirects:{REQUEST_URI}}" pattern="(.+)" />\n'
        "          </conditions>\n"
        '          <action type="Redirect" url="{C:1}" appendQueryString="false" redirectType="Permanent" />\n'
        "        </rule>\n      </rules>\n    </rewrite>\n  </system.webServer>\n</configuration>\n"
    )


def lookup_table(pairs) -> dict:
    """For the 404 page's script: old `/path?query` (lower-case) -> new path. Only addresses with
    a query: the others have a redirect page of their own."""
    return {redirect.old.lower(): target for redirect, target in pairs if redirect.query}
