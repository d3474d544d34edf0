"""Debian's nginx and Apache, started by the tests on 127.0.0.1 with the server files the build writes,
installed as docs/may-chu.md tells an operator: no system service, a temporary folder for everything.

The site and the configuration live in a folder readable by the servers' workers (www-data/nobody
when the tests run as root, as in CI), as /var/www is on a real host."""

import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, SEARCH, build, school_site_content

NGINX = "/usr/sbin/nginx"
APACHE = "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
DEBIAN_APACHE_MODS = Path("/etc/apache2/mods-available")
# What the guide has an operator enable (a2enmod), on top of Debian's defaults that matter here:
# mime (with Debian's mime.conf: .gz is application/x-gzip, .br is the Breton language) and deflate.
APACHE_MODS = ("mpm_event", "authz_core", "dir", "mime", "filter", "deflate", "setenvif", "rewrite", "headers")

# Old addresses as imported portals have them: one far past nginx's default bucket (48 characters).
LONG_OLD = "/Portals/0/EasyDNNNews/Tin-tuc-su-kien/2020/Ky-niem-130-nam-ngay-sinh-Chu-tich-Ho-Chi-Minh-19-5-1890-19-5-2020.aspx"
REDIRECTS = [
    (LONG_OLD, "2021/tin-11.md"),
    ("/News/Detail.aspx?NewsID=1234&CateID=17&Lang=vi-VN&Print=0&From=home-page-box", "2021/tin-02.md"),
    ("/tin-tuc/" + "a" * 200 + ".html", "2022/ket-qua-nam-hoc-2021-2022.md"),
]
VIDEO_ARTICLE = """Title: Video ngày hội thanh niên
Date: 2022-06-19 22:02
Category: Tin hoạt động

<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Video ngày hội"></iframe>

Video do Đoàn trường ghi lại.
"""
# The smallest PDF a browser opens: the site's own documents must stay readable.
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def readable_folder(prefix: str) -> Path:
    """A temporary folder the servers' unprivileged workers can read (mkdtemp makes it 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


@pytest.fixture(scope="session")
def hosted():
    """(folder, site): the hosted site, built once for every server test (nginx, Apache, Chromium)."""
    folder = readable_folder("trangtin-servers-")
    try:
        yield folder, build_hosted_site(folder)
    finally:
        shutil.rmtree(folder)


def build_hosted_site(root: Path):
    """The school fixture site (tests/fixtures/school_site, with its photos) with old addresses, a video
    and a PDF, built as `make publish` does (precompressed copies, search) but with relative links, so
    any port serves it."""
    content = school_site_content(root / "content")
    for folder in ("van-ban", "tai-lieu"):  # the documents register's pages too
        shutil.copytree(FIXTURES / "van_ban" / folder, content / folder)
    (content / "chuyen-huong.json").write_text(
        json.dumps({"redirects": [{"from": old, "to": to} for old, to in REDIRECTS]}, ensure_ascii=False), encoding="utf-8")
    (content / "2022" / "video-ngay-hoi.md").write_text(VIDEO_ARTICLE, encoding="utf-8")
    (content / "tai-lieu" / "ke-hoach.pdf").write_bytes(PDF)
    site = build(content, root / "output", {**SEARCH, "ASSETS_PRECOMPRESS": True}, fatal="errors")
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return site


def _wait_for_port(port: int, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server stopped:\n{log.read_text(errors='replace') if log.exists() else ''}"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


@contextlib.contextmanager
def _running(command, port: int, log: Path):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(10)


def nginx_config(folder: Path, output: Path, port: int) -> Path:
    """nginx.conf as the guide has it: the http part included in http {}, the server part in the
    site's server {} after `root`, both copied out of output/ (a reader cannot change them)."""
    conf = folder / "nginx"
    (conf / "site").mkdir(parents=True)
    for name in ("chuyen-huong.nginx.conf", "may-chu.nginx.conf"):
        shutil.copy(output / name, conf / "site" / name)
    temp = "\n".join(f"{kind}_temp_path {conf}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (conf / "nginx.conf").write_text(f"""{'user nobody nogroup;' if os.geteuid() == 0 else ''}
daemon off;
worker_processes 1;
pid {conf}/nginx.pid;
error_log {conf}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    gzip on;
    {temp}
    include {conf}/site/chuyen-huong.nginx.conf;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {output};
        include {conf}/site/may-chu.nginx.conf;
    }}
}}
""", encoding="utf-8")
    return conf / "nginx.conf"


def nginx_test(config: Path):
    return subprocess.run([NGINX, "-t", "-c", str(config), "-p", str(config.parent)], capture_output=True, text=True)


@contextlib.contextmanager
def nginx(folder: Path, output: Path):
    port = free_port()
    config = nginx_config(folder, output, port)
    checked = nginx_test(config)
    assert checked.returncode == 0, checked.stderr
    with _running([NGINX, "-c", str(config), "-p", str(config.parent)], port, config.parent / "error.log") as base:
        yield base


def apache_config(folder: Path, output: Path, port: int) -> Path:
    """A virtual host as the guide has it: AllowOverride FileInfo, the modules a2enmod enables."""
    conf = folder / "apache"
    conf.mkdir(parents=True)
    loads = []
    for mod in APACHE_MODS:
        loads.append((DEBIAN_APACHE_MODS / f"{mod}.load").read_text())
        if (DEBIAN_APACHE_MODS / f"{mod}.conf").exists():
            loads.append(f"Include {DEBIAN_APACHE_MODS}/{mod}.conf")
    user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
    (conf / "apache2.conf").write_text(f"""ServerRoot /etc/apache2
DefaultRuntimeDir {conf}
PidFile {conf}/apache2.pid
Mutex file:{conf} default
ErrorLog {conf}/error.log
LogLevel warn
{user}
{chr(10).join(loads)}
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<VirtualHost 127.0.0.1:{port}>
    DocumentRoot {output}
    <Directory {output}>
        AllowOverride FileInfo
        Require all granted
    </Directory>
</VirtualHost>
""", encoding="utf-8")
    return conf / "apache2.conf"


def apache_test(config: Path):
    return subprocess.run([APACHE, "-f", str(config), "-t"], capture_output=True, text=True)


@contextlib.contextmanager
def apache(folder: Path, output: Path):
    port = free_port()
    config = apache_config(folder, output, port)
    checked = apache_test(config)
    assert checked.returncode == 0, checked.stderr
    with _running([APACHE, "-f", str(config), "-DFOREGROUND"], port, config.parent / "error.log") as base:
        yield base


def fetch(base: str, path: str, accept_encoding: str | None = None):
    """(status, headers, body as sent: not decompressed) for GET base+path."""
    host, port = base.split("//")[1].rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding is not None else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body
