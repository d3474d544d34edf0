"""The files made from the redirect data and the server files every site gets: redirect pages,
.htaccess, the two nginx parts, web.config (headers, types, cache, precompressed copies) and the 404
page's lookup. Pure: no Pelican imports, no I/O. The data itself (chuyen-huong.json) is read by
vn_core.redirects, which the checker and the importer share."""

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from trangtin.vn_core.embeds import DEFAULT_IFRAME_HOSTS
from trangtin.vn_core.redirects import (  # noqa: F401 - the data rules, re-exported for this plugin's glue
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


# --- What every server is told, whatever the site's redirects (written for every site) ---

@dataclass(frozen=True)
class Hosting:
    """What the server files need to know about the site: its folder on the host ("" or
    "/doankhoi") and the video hosts an article may embed (VN_NEWS_IFRAME_HOSTS)."""

    prefix: str = ""
    frame_hosts: tuple = DEFAULT_IFRAME_HOSTS


# Hashed names change with the bytes: the theme's CSS/JS (plugins/assets), photo derivatives
# (plugins/photos: name-<12 hex>-<width>w.ext) and Pagefind's index files (named after their bytes).
IMMUTABLE_PATTERN = r"(\.[0-9a-f]{10}\.(css|js)|-[0-9a-f]{12}-[0-9]+w\.(webp|jpg|jpeg|png|avif)|\.pf_(meta|fragment|index|filter))"
# Pages, feeds, data, and files whose name stays when they change (Pagefind's script and entry): asked again.
REVALIDATED_EXTENSIONS = "html|xml|json|txt|css|js|pagefind"
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_REVALIDATED = "no-cache"
CACHE_OTHER = "public, max-age=86400"  # photos and documents an editor may replace under the same name
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "SAMEORIGIN"),  # frame-ancestors for browsers that predate CSP 2
)
# Types a server may not know (IIS serves no unknown extension; old mime.types lack the newer ones).
MIME_TYPES = (
    ("wasm", "application/wasm"),
    ("pagefind", "application/octet-stream"),  # Pagefind 1.5's WebAssembly: wasm.unknown.pagefind, fetched as bytes
    ("pf_meta", "application/octet-stream"),
    ("pf_fragment", "application/octet-stream"),
    ("pf_index", "application/octet-stream"),
    ("pf_filter", "application/octet-stream"),
    ("webp", "image/webp"),
    ("avif", "image/avif"),
    ("woff2", "font/woff2"),
    ("woff", "font/woff"),
    ("svg", "image/svg+xml"),
    ("json", "application/json"),
)


def frame_sources(hosts) -> list:
    """CSP sources for the allowed embeds: https, host and path prefix as the allow-list has them."""
    sources = []
    for entry in hosts:
        source = "https://" + entry.strip().lstrip("/").split("?", 1)[0]
        if source not in sources:
            sources.append(source)
    return sources


def content_security_policy(hosting: Hosting) -> str:
    """The pages' policy: nothing inline (scripts and styles are files), Pagefind's WebAssembly
    ('wasm-unsafe-eval'), embeds only from the allow-list, no framing by other sites."""
    return "; ".join((
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "worker-src 'self'",
        "frame-src " + " ".join(["'self'", *frame_sources(hosting.frame_hosts)]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ))


def _apache_escape(text: str) -> str:
    return re.sub(r"([\\^$.|?*+()\[\]{}\s])", r"\\\1", text)


def _apache_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def htaccess(pairs, hosting: Hosting = Hosting()) -> str:
    """Apache (shared hosting, AllowOverride FileInfo; mod_rewrite, mod_headers, mod_mime):
    `pairs` are (Redirect, target path from the host root)."""
    lines = ["# Tạo bởi plugin redirects (đừng sửa tay): chuyển hướng, tiêu đề bảo vệ, kiểu tệp, bản nén sẵn.",
             "RewriteEngine On", ""]
    for redirect, target in pairs:
        path = _apache_escape(unquote(redirect.path).lstrip("/"))
        if redirect.query:
            lines.append(f"RewriteCond %{{QUERY_STRING}} ^{_apache_escape(redirect.query)}$ [NC]")
        lines.append(f'RewriteRule ^{path}$ "{target}" [R=301,L,NC,QSD]' if redirect.query else f'RewriteRule ^{path}$ "{target}" [R=301,L]')
    types = "\n".join(f"AddType {mime} .{ext}" for ext, mime in MIME_TYPES)
    security = "\n".join(f'Header always set {name} "{value}"' for name, value in SECURITY_HEADERS)
    csp = _apache_quote(content_security_policy(hosting))
    return "\n".join(lines) + f"""
# The server files and the upload tool's list are not for readers (.well-known stays reachable).
RewriteRule ((^|/)(\\.(?!well-known/)|web\\.config$)|\\.nginx\\.conf$) - [R=404,L]

ErrorDocument 404 {hosting.prefix}/404.html

# Kiểu tệp. Debian's mime.types gives .gz the type application/gzip: removed here, so a page's
# .html.gz copy keeps the page's type and only says how it is encoded.
<IfModule mod_mime.c>
RemoveType .gz .br
RemoveLanguage .br
AddEncoding gzip .gz
AddEncoding br .br
{types}
AddCharset utf-8 .html .css .js .json .xml .svg .txt
</IfModule>

# Bản nén sẵn .br / .gz (plugin assets, `make publish`), cho trình duyệt nhận được; a folder's
# address is served from its index.html's copy. no-gzip: mod_deflate must not compress them again.
RewriteCond %{{HTTP:Accept-Encoding}} \\bbr\\b
RewriteCond %{{REQUEST_FILENAME}} -d
RewriteCond %{{REQUEST_FILENAME}}/index.html.br -f
RewriteRule ^(.*?)/?$ $1/index.html.br [L,E=no-gzip:1,E=no-brotli:1]
RewriteCond %{{HTTP:Accept-Encoding}} \\bgzip\\b
RewriteCond %{{REQUEST_FILENAME}} -d
RewriteCond %{{REQUEST_FILENAME}}/index.html.gz -f
RewriteRule ^(.*?)/?$ $1/index.html.gz [L,E=no-gzip:1,E=no-brotli:1]
RewriteCond %{{HTTP:Accept-Encoding}} \\bbr\\b
RewriteCond %{{REQUEST_FILENAME}}.br -f
RewriteRule ^(.+)$ $1.br [L,E=no-gzip:1,E=no-brotli:1]
RewriteCond %{{HTTP:Accept-Encoding}} \\bgzip\\b
RewriteCond %{{REQUEST_FILENAME}}.gz -f
RewriteRule ^(.+)$ $1.gz [L,E=no-gzip:1,E=no-brotli:1]

# Tiêu đề bảo vệ người đọc; chính sách nội dung (CSP) chỉ cho trang HTML.
<IfModule mod_headers.c>
{security}
Header always set Content-Security-Policy {csp} "expr=%{{CONTENT_TYPE}} =~ m#^text/html#"
Header set Cache-Control "{CACHE_OTHER}"
<FilesMatch "\\.({REVALIDATED_EXTENSIONS})(\\.br|\\.gz)?$">
Header set Cache-Control "{CACHE_REVALIDATED}"
</FilesMatch>
<FilesMatch "{IMMUTABLE_PATTERN}(\\.br|\\.gz)?$">
Header set Cache-Control "{CACHE_IMMUTABLE}"
</FilesMatch>
<FilesMatch "\\.(html|css|js|json|xml|svg|txt)(\\.br|\\.gz)?$">
Header merge Vary Accept-Encoding
</FilesMatch>
</IfModule>
"""


def _nginx_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'


def _hash_bucket_size(keys) -> int:
    """nginx stores each key in a bucket of map_hash_bucket_size bytes (pointer, length, key, padding,
    end pointer); the default 64 refuses any old address of 48 characters or more."""
    longest = max((len(key.encode()) for key in keys), default=0)
    needed = 8 + ((longest + 2 + 7) // 8) * 8 + 8
    size = 64
    while size < needed:
        size *= 2
    return size


def nginx_map(pairs, hosting: Hosting = Hosting()) -> str:
    """The part for nginx's http {} block: the redirect map, and the header values by response."""
    keys = [redirect.old for redirect, _target in pairs]
    lines = [
        "# Tạo bởi plugin redirects (đừng sửa tay). Đặt trong khối http {} (docs/may-chu.md):",
        "#     include /etc/nginx/doankhoi/chuyen-huong.nginx.conf;",
        "# và trong khối server {} của trang:  include /etc/nginx/doankhoi/may-chu.nginx.conf;",
        f"map_hash_bucket_size {_hash_bucket_size(keys)};",
        f"map_hash_max_size {max(2048, 4 * len(keys))};",
        "map $request_uri $legacy_redirect {",
        '    default "";',
    ]
    for redirect, target in pairs:
        lines.append(f"    {_nginx_quote(redirect.old)} {_nginx_quote(target)};")
    lines += [
        "}",
        "# The policy only on pages: a PDF opened in the browser or a feed needs none.",
        "map $sent_http_content_type $site_content_security_policy {",
        '    default "";',
        f"    ~^text/html {_nginx_quote(content_security_policy(hosting))};",
        "}",
        "map $uri $site_cache_control {",
        f'    default "{CACHE_OTHER}";',
        f'    "~{IMMUTABLE_PATTERN}$" "{CACHE_IMMUTABLE}";',
        f'    "~(\\.({REVALIDATED_EXTENSIONS})|/)$" "{CACHE_REVALIDATED}";',
        "}",
    ]
    return "\n".join(lines) + "\n"


def nginx_server(hosting: Hosting = Hosting()) -> str:
    """The part for the site's server {} block. No `types {}` here: inside a server block it would
    replace every type nginx knows (pages sent as application/octet-stream)."""
    security = "\n".join(f'add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS)
    return f"""# Tạo bởi plugin redirects (đừng sửa tay). Đặt trong khối server {{}} của trang, sau `root`:
#     include /etc/nginx/doankhoi/may-chu.nginx.conf;
# (cần chuyen-huong.nginx.conf trong khối http {{}}; xem docs/may-chu.md)
index index.html;
charset utf-8;
charset_types text/css application/javascript application/json application/xml text/xml image/svg+xml text/plain application/atom+xml application/rss+xml;
error_page 404 {hosting.prefix}/404.html;

# Bản nén sẵn .gz (plugin assets, `make publish`), với Vary: Accept-Encoding.
# Có mô-đun Brotli (Debian: libnginx-mod-http-brotli-static)? thêm dòng: brotli_static on;
gzip_static on;
gzip_vary on;

{security}
add_header Content-Security-Policy $site_content_security_policy always;
add_header Cache-Control $site_cache_control always;

if ($legacy_redirect) {{
    return 301 $legacy_redirect;
}}

# Pagefind's index files: already compressed, types nginx does not know.
location ~ "\\.(pf_meta|pf_fragment|pf_index|pf_filter|pagefind)$" {{
    default_type application/octet-stream;
    gzip off;
}}
# The server files and the upload tool's list are not for readers (.well-known stays reachable).
location ~ "(/\\.(?!well-known/)|/web\\.config$|\\.nginx\\.conf$)" {{
    return 404;
}}
"""


def web_config(pairs, hosting: Hosting = Hosting()) -> str:
    """IIS with the URL Rewrite module: one rewrite map keyed by the old path and query (REQUEST_URI),
    the headers (the policy only on pages, by an outbound rule), the types IIS does not know."""
    def attr(text):
        return html.escape(text, True)

    entries = "".join(f'          <add key="{attr(redirect.old)}" value="{attr(target)}" />\n' for redirect, target in pairs)
    types = "".join(f'      <remove fileExtension=".{ext}" />\n      <mimeMap fileExtension=".{ext}" mimeType="{mime}" />\n'
                    for ext, mime in MIME_TYPES)
    headers = "".join(f'        <remove name="{name}" />\n        <add name="{name}" value="{value}" />\n'
                      for name, value in SECURITY_HEADERS)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- Tạo bởi plugin redirects (đừng sửa tay); cần IIS URL Rewrite. Xem docs/may-chu.md. -->\n"
        "<configuration>\n  <system.webServer>\n"
        "    <staticContent>\n"
        f"{types}"
        '      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="1.00:00:00" />\n'
        "    </staticContent>\n"
        "    <httpProtocol>\n      <customHeaders>\n"
        f"{headers}"
        "      </customHeaders>\n    </httpProtocol>\n"
        '    <httpErrors errorMode="Custom" existingResponse="Replace">\n'
        '      <remove statusCode="404" />\n'
        f'      <error statusCode="404" path="{attr(hosting.prefix)}/404.html" responseMode="ExecuteURL" />\n'
        "    </httpErrors>\n"
        "    <rewrite>\n      <rewriteMaps>\n"
        '        <rewriteMap name="LegacyRedirects" ignoreCase="true">\n'
        f"{entries}"
        "        </rewriteMap>\n      </rewriteMaps>\n      <rules>\n"
        '        <rule name="Legacy redirects" stopProcessing="true">\n'
        '          <match url=".*" />\n'
        '          <conditions>\n            <add input="{LegacyRedirects:{REQUEST_URI}}" pattern="(.+)" />\n'
        "          </conditions>\n"
        '          <action type="Redirect" url="{C:1}" appendQueryString="false" redirectType="Permanent" />\n'
        "        </rule>\n      </rules>\n"
        "      <outboundRules>\n        <preConditions>\n"
        '          <preCondition name="IsPage">\n'
        '            <add input="{RESPONSE_CONTENT_TYPE}" pattern="^text/html" />\n'
        "          </preCondition>\n        </preConditions>\n"
        '        <rule name="Content-Security-Policy" preCondition="IsPage">\n'
        '          <match serverVariable="RESPONSE_Content_Security_Policy" pattern=".*" />\n'
        f'          <action type="Rewrite" value="{attr(content_security_policy(hosting))}" />\n'
        "        </rule>\n"
        '        <rule name="Cache: pages revalidated">\n'
        '          <match serverVariable="RESPONSE_Cache_Control" pattern=".*" />\n'
        f'          <conditions>\n            <add input="{{URL}}" pattern="(\\.({REVALIDATED_EXTENSIONS})|/)$" />\n          </conditions>\n'
        f'          <action type="Rewrite" value="{CACHE_REVALIDATED}" />\n'
        "        </rule>\n"
        '        <rule name="Cache: hashed files immutable">\n'
        '          <match serverVariable="RESPONSE_Cache_Control" pattern=".*" />\n'
        f'          <conditions>\n            <add input="{{URL}}" pattern="{attr(IMMUTABLE_PATTERN)}$" />\n          </conditions>\n'
        f'          <action type="Rewrite" value="{CACHE_IMMUTABLE}" />\n'
        "        </rule>\n"
        "      </outboundRules>\n"
        "    </rewrite>\n  </system.webServer>\n</configuration>\n"
    )


def lookup_table(pairs) -> dict:
    """For the 404 page's script: old `/path?query` (lower-case) -> new path. Only addresses with
    a query: the others have a redirect page of their own."""
    return {redirect.old.lower(): target for redirect, target in pairs if redirect.query}
