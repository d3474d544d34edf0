"""The shipped server files in Debian's real nginx 1.22 and Apache 2.4, started on 127.0.0.1 and
installed as docs/may-chu.md says: the configuration loads with long old addresses, readers get the
protective headers, old addresses answer 301, and every file comes with its right type and encoding
to a client that accepts gzip only, Brotli, or neither. (IIS cannot run here: tests/unit checks
web.config by parsing it.)"""

import gzip

import brotli
import pytest

from web_servers import (  # noqa: F401 - hosted is a fixture shared with the browser tests
    LONG_OLD, REDIRECTS, apache, apache_config, apache_test, fetch, free_port, hosted, nginx, nginx_config, nginx_test,
)

# Where each old address must lead: the articles' URLs as Pelican writes them (date and slug).
NEW_ADDRESSES = [
    "/2021/11/hoi-thi-rung-chuong-vang-khoi-11-dot-1.html",
    "/2021/09/dai-hoi-chi-doan-lop-12a1-nhiem-ky-moi.html",
    "/2022/06/nhung-ket-qua-hoat-dong-noi-bat-cua-doan-truong-trong-nam-hoc-2021-2022.html",
]
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; media-src 'self'; worker-src 'self'; frame-src 'self' https://www.youtube.com/embed/ "
       "https://youtube.com/embed/ https://www.youtube-nocookie.com/embed/ https://youtube-nocookie.com/embed/ "
       "https://www.facebook.com/plugins/video.php https://facebook.com/plugins/video.php; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'self'")


@pytest.fixture(scope="module", params=["nginx", "apache"])
def server(request, hosted):
    folder, site = hosted
    start = nginx if request.param == "nginx" else apache
    with start(folder / request.param, site.output) as base:
        yield request.param, base, site


def decoded(headers, body):
    encoding = headers.get("Content-Encoding")
    return {None: lambda data: data, "gzip": gzip.decompress, "br": brotli.decompress}[encoding](body)


def test_configurations_load_with_old_addresses_past_the_default_hash_bucket(hosted):
    folder, site = hosted
    assert len(LONG_OLD) > 100 and LONG_OLD in site.text("chuyen-huong.nginx.conf")
    checked = nginx_test(nginx_config(folder / "check-nginx", site.output, free_port()))
    assert checked.returncode == 0 and "test is successful" in checked.stderr
    checked = apache_test(apache_config(folder / "check-apache", site.output, free_port()))
    assert checked.returncode == 0 and "Syntax OK" in checked.stderr


def test_pages_carry_the_protective_headers_and_are_revalidated(server):
    _name, base, _site = server
    for path in ("/", "/2022/06/video-ngay-hoi-thanh-nien.html", "/tim-kiem/", "/khong-co-trang-nay"):
        status, headers, _body = fetch(base, path)
        assert status == (404 if "khong-co" in path else 200), path
        assert headers["Content-Security-Policy"] == CSP
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert headers["Cache-Control"] == "no-cache"


ADMIN_CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self' https:; media-src 'self' blob:; "
             "worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
             "frame-ancestors 'self'")


def test_the_browser_editor_alone_gets_the_policy_decap_needs(server):
    """Decap CMS (/admin/, plugins/cms) needs eval and inline styles; the readers' pages keep the strict policy."""
    _name, base, site = server
    assert (site.output / "admin" / "index.html").is_file(), "no /admin/: run `make cms-tools`"
    status, headers, body = fetch(base, "/admin/")
    assert (status, headers["Content-Security-Policy"]) == (200, ADMIN_CSP) and b"decap-cms.js" in body
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert fetch(base, "/admin/decap-cms.js")[1].get("Content-Security-Policy") is None
    assert fetch(base, "/")[1]["Content-Security-Policy"] == CSP


def test_hashed_files_are_kept_a_year_and_documents_open_in_the_browser(server):
    _name, base, site = server
    stylesheet = "/" + next(site.output.glob("theme/css/site.*.css")).relative_to(site.output).as_posix()
    photo = "/" + next(site.output.glob("photos/*-*w.webp")).relative_to(site.output).as_posix()
    fragment = "/" + next(site.output.glob("pagefind/fragment/*.pf_fragment")).relative_to(site.output).as_posix()
    for path in (stylesheet, photo, fragment):
        status, headers, _body = fetch(base, path, "gzip")
        assert (status, headers["Cache-Control"]) == (200, "public, max-age=31536000, immutable"), path
    status, headers, body = fetch(base, "/tai-lieu/ke-hoach.pdf", "gzip")
    assert (status, headers["Content-Type"], body[:5]) == (200, "application/pdf", b"%PDF-")
    assert "Content-Security-Policy" not in headers and "Content-Disposition" not in headers
    assert headers["Content-Type"] and fetch(base, photo)[1]["Content-Type"] == "image/webp"


@pytest.mark.parametrize(("old", "new"), [(old, new) for (old, _source), new in zip(REDIRECTS, NEW_ADDRESSES)])
def test_old_addresses_answer_301_with_the_new_one(server, old, new):
    _name, base, _site = server
    status, headers, _body = fetch(base, old)
    assert (status, headers["Location"]) == (301, base.rstrip("/") + new)
    assert fetch(base, new)[0] == 200


# Each server's own mime.types names JavaScript and XML its way: either name works in every browser.
TEXT_FILES = [
    ("/", "index.html", {"text/html"}),
    ("/2022/06/video-ngay-hoi-thanh-nien.html", None, {"text/html"}),
    ("/pagefind/pagefind-entry.json", None, {"application/json"}),
    ("/pagefind/pagefind.js", None, {"application/javascript", "text/javascript"}),
    ("/sitemap.xml", None, {"text/xml", "application/xml"}),
]


@pytest.mark.parametrize("accepted", ["gzip", "br", "gzip, deflate, br", None])
def test_pages_and_search_files_come_with_their_type_and_an_encoding_the_client_accepts(server, accepted):
    name, base, site = server
    offered = {None: set(), "gzip": {"gzip"}, "br": {"br"}, "gzip, deflate, br": {"gzip", "br"}}[accepted]
    for path, file, content_types in TEXT_FILES:
        status, headers, body = fetch(base, path, accepted)
        assert status == 200, path
        assert headers["Content-Type"].split(";")[0] in content_types, (path, headers["Content-Type"])
        if "text/html" in content_types:
            assert headers["Content-Type"].replace(" ", "").lower() == "text/html;charset=utf-8"
        encoding = headers.get("Content-Encoding")
        # Brotli from nginx needs a module Debian does not install by default (the guide says so).
        expected = "br" if "br" in offered and name == "apache" else "gzip" if "gzip" in offered else None
        assert encoding == expected, (path, accepted, encoding)
        assert "Content-Language" not in headers  # Debian's mime.conf would call .br Breton
        assert "accept-encoding" in headers.get("Vary", "").lower(), path
        assert decoded(headers, body) == site.path(file or path).read_bytes(), path


@pytest.mark.parametrize("accepted", ["gzip", "br", None])
def test_search_index_files_are_sent_as_they_are(server, accepted):
    _name, base, site = server
    for pattern in ("pagefind/wasm.unknown.pagefind", "pagefind/*.pf_meta", "pagefind/index/*.pf_index",
                    "pagefind/fragment/*.pf_fragment", "pagefind/filter/*.pf_filter"):
        file = next(site.output.glob(pattern))
        status, headers, body = fetch(base, "/" + file.relative_to(site.output).as_posix(), accepted)
        assert (status, headers["Content-Type"], headers.get("Content-Encoding")) == (200, "application/octet-stream", None)
        assert body == file.read_bytes()


def test_server_files_are_not_served_to_readers(server):
    _name, base, _site = server
    for path in ("/.htaccess", "/chuyen-huong.nginx.conf", "/may-chu.nginx.conf", "/web.config"):
        assert fetch(base, path)[0] == 404, path
