"""Issue 20, what the build reads and writes on disk: nothing leaves its folder.

Each hostile input is checked for what must not happen (nothing written outside output/, no byte of a
file outside content/ published, no script reachable) and for the exact message the editor gets,
from `make check` (python -m content_checks) and from the build, which refuses on its own even with
the checks switched off. Small fixture sites written into tmp_path; search off."""

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, run_pelican


from trangtin.vn_core.paths import LOOP, OUTSIDE, WriteOutside, link_problem, output_file, source_problem, unsafe_links  # noqa: E402
from trangtin.vn_core.uploads import markup_problem, script_kind  # noqa: E402

ARTICLE = """Title: Hội nghị tổng kết
Date: 2022-05-15 15:20
Category: Tin hoạt động
Author: Ban Tuyên giáo
Summary: Tóm tắt.

Nội dung bài viết.
"""
QUIET = {"SEARCH_ENABLED": False}
UNCHECKED = {**QUIET, "CONTENT_CHECKS_ENABLED": False}
PASSWD = Path("/etc/passwd").read_bytes()
PLAIN_SVG = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
             b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
             b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">'
             b'<defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient></defs>'
             b'<style>.a{fill:url(#g)}</style><rect class="a" width="40" height="20"/><use xlink:href="#g"/></svg>')


def site(tmp_path, article=ARTICLE):
    """content/ with one article and the two static folders (images/, tai-lieu/)."""
    content = tmp_path / "content"
    for folder in ("2022", "images", "tai-lieu"):
        (content / folder).mkdir(parents=True)
    (content / "2022" / "a.md").write_text(article, encoding="utf-8")
    return content


def check(content):
    """(exit status, the problem lines) of `make check` run from the content folder's parent."""
    result = subprocess.run(
        [sys.executable, "-m", "trangtin.content_checks", "content", "-s", str(ROOT / "pelicanconf.py")],
        capture_output=True, text=True, cwd=content.parent,
        env={"PATH": "/usr/bin:/bin"},
    )
    return result.returncode, [line for line in result.stdout.splitlines() if ": lỗi: " in line]


def pelican(content, output, settings):
    result = run_pelican(content, output, {**settings, "PHOTOS_CACHE_PATH": str(output.parent / "cache-photos")},
                         fatal=None, env=dict(os.environ, COLUMNS="1000"))
    return result.returncode, result.stdout + result.stderr


def published_bytes(folder):
    return [path.read_bytes() for path in Path(folder).rglob("*") if path.is_file()] if Path(folder).exists() else []


def outside_lines(link, target):
    return (f"{link}:1: lỗi: đây là liên kết (symlink) trỏ ra ngoài thư mục nội dung (tới `{target}`), tệp ở đó "
            "không được đăng — xóa liên kết này và chép chính tệp cần đăng vào thư mục nội dung")


LOOP_TEXT = "lỗi: đây là liên kết (symlink) trỏ về thư mục chứa chính nó, đi theo nó sẽ lặp mãi — xóa liên kết này"


# --- 1. symlinks in the content folder ------------------------------------------------------------


@pytest.fixture
def key_folder(tmp_path):
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "id_rsa").write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n")
    os.chmod(secrets / "id_rsa", 0o600)
    return secrets


def hostile_links(content, key_folder):
    os.symlink("/etc", content / "images" / "etc")
    os.symlink(key_folder, content / "tai-lieu" / "khoa")
    os.symlink("/etc/passwd", content / "tai-lieu" / "danh-sach.pdf")
    os.symlink("..", content / "tai-lieu" / "lap")  # its own parent: 40 nested copies before
    os.symlink(content / "images", content / "images" / "vong")  # to its own folder


def test_checker_names_every_symlink_leading_out_and_every_loop(tmp_path, key_folder):
    content = site(tmp_path)
    hostile_links(content, key_folder)
    status, lines = check(content)
    assert status == 1
    assert lines == [
        outside_lines("content/images/etc", "/etc"),
        f"content/images/vong:1: {LOOP_TEXT}",
        outside_lines("content/tai-lieu/danh-sach.pdf", "/etc/passwd"),
        outside_lines("content/tai-lieu/khoa", key_folder),
        f"content/tai-lieu/lap:1: {LOOP_TEXT}",
    ]


def test_build_stops_on_symlinks_and_publishes_nothing_of_what_they_lead_to(tmp_path, key_folder):
    content = site(tmp_path)
    hostile_links(content, key_folder)
    status, log = pelican(content, tmp_path / "output", QUIET)
    assert status == 1
    assert "Traceback" not in log
    assert outside_lines(f"{content}/images/etc", "/etc") in log
    assert f"{content}/tai-lieu/lap:1: {LOOP_TEXT}" in log
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("name, make, expected", [
    ("images/etc", lambda content, keys: os.symlink("/etc", content / "images" / "etc"), "/etc"),
    ("tai-lieu/khoa", lambda content, keys: os.symlink(keys, content / "tai-lieu" / "khoa"), "KEYS"),
    ("tai-lieu/danh-sach.pdf", lambda content, keys: os.symlink("/etc/passwd", content / "tai-lieu" / "danh-sach.pdf"),
     "/etc/passwd"),
    ("tai-lieu/lap", lambda content, keys: os.symlink("..", content / "tai-lieu" / "lap"), None),
    ("2022/cu", lambda content, keys: os.symlink(keys, content / "2022" / "cu"), "KEYS"),
])
def test_build_refuses_a_symlink_on_its_own_when_the_checks_are_off(tmp_path, key_folder, name, make, expected):
    content = site(tmp_path)
    (key_folder / "bai-cu.md").write_text(ARTICLE.replace("Hội nghị", "Bí mật"), encoding="utf-8")
    make(content, key_folder)
    output = tmp_path / "output"
    status, log = pelican(content, output, UNCHECKED)
    assert status == 1
    assert "Traceback" not in log
    if expected is None:
        assert f"{content}/{name}:1: {LOOP_TEXT}" in log
    else:
        assert outside_lines(f"{content}/{name}", key_folder if expected == "KEYS" else expected) in log
    written = published_bytes(output)
    assert not any(PASSWD in data or b"PRIVATE KEY" in data or "Bí mật".encode() in data for data in written)
    assert not list(output.rglob("lap/lap")) if output.exists() else True


def test_a_symlink_inside_the_content_folder_is_published(tmp_path):
    content = site(tmp_path)
    (content / "tai-lieu" / "2022").mkdir()
    (content / "tai-lieu" / "2022" / "bao-cao.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    os.chmod(content / "tai-lieu" / "2022" / "bao-cao.pdf", 0o600)
    os.symlink("2022", content / "tai-lieu" / "moi-nhat")
    assert check(content) == (0, [])
    status, log = pelican(content, tmp_path / "output", QUIET)
    assert status == 0, log
    copied = tmp_path / "output" / "tai-lieu" / "moi-nhat" / "bao-cao.pdf"
    assert copied.read_bytes() == b"%PDF-1.4\n%%EOF\n"
    assert copied.stat().st_mode & 0o022 == 0  # never writable by others


def test_link_rules_table(tmp_path):
    root = tmp_path / "content"
    (root / "a" / "b").mkdir(parents=True)
    os.symlink("/etc", root / "etc")
    os.symlink("..", root / "a" / "b" / "up")
    os.symlink("b", root / "a" / "alias")
    os.symlink("self", root / "self")
    os.symlink("khong-co", root / "a" / "dangling")
    os.symlink("/khong-co", root / "a" / "dangling-out")
    assert link_problem(root / "etc", root) == OUTSIDE
    assert link_problem(root / "a" / "b" / "up", root) == LOOP
    assert link_problem(root / "a" / "alias", root) is None
    assert link_problem(root / "self", root) == LOOP
    assert link_problem(root / "a" / "dangling", root) is None
    assert unsafe_links(root) == {"etc": OUTSIDE, "a/b/up": LOOP, "a/alias/up": LOOP, "self": LOOP,
                                  "a/dangling-out": OUTSIDE}
    assert source_problem(root, "etc/passwd") == ("etc", OUTSIDE)
    assert source_problem(root, "a/b/up/b/x.md") == ("a/b/up", LOOP)
    assert source_problem(root, "a/alias/x.md") is None
    assert source_problem(root, "a/b/x.md") is None


# --- 2. every file the build writes stays in output/ ---------------------------------------------


@pytest.mark.parametrize("parts", [("a.html",), ("x/../b.html",), ("c/d/index.html",)])
def test_output_file_keeps_paths_inside(tmp_path, parts):
    assert output_file(tmp_path / "output", "/".join(parts), "test").startswith(str(tmp_path / "output") + os.sep)


@pytest.mark.parametrize("name", ["../output-old/a.html", "../../x", "/etc/x", "a/../../x", "a\0b", "lien-ket/x.html"])
def test_output_file_refuses_what_leaves_the_folder(tmp_path, name):
    output = tmp_path / "output"
    output.mkdir()
    (tmp_path / "output-old").mkdir()
    os.symlink(tmp_path / "output-old", output / "lien-ket")
    with pytest.raises(WriteOutside) as raised:
        output_file(output, name, "cài đặt X")
    assert raised.value.code == (f"cài đặt X: lỗi: không ghi tệp `{name}` vì nó nằm ngoài thư mục xuất {output} — "
                                 "sửa đường dẫn: không dùng `..`, không bắt đầu bằng `/`, không đi qua liên kết "
                                 "(symlink) ra ngoài")


def refused_write(name, output, source):
    return (f"{source}: lỗi: không ghi tệp `{name}` vì nó nằm ngoài thư mục xuất {output} — sửa đường dẫn: "
            "không dùng `..`, không bắt đầu bằng `/`, không đi qua liên kết (symlink) ra ngoài")


def test_save_as_leaving_output_by_a_shared_prefix_stops_the_build(tmp_path):
    # `../output-old/` passes Pelican's sanitised_join, a string-prefix test.
    content = site(tmp_path, ARTICLE.replace("Summary:", "Save_as: ../output-old/a.html\nSummary:"))
    output = tmp_path / "output"
    status, log = pelican(content, output, UNCHECKED)
    assert status == 1
    assert "Traceback" not in log
    assert refused_write("../output-old/a.html", output, "2022/a.md (Save_as / ARTICLE_SAVE_AS, PAGE_SAVE_AS)") in log
    assert not (tmp_path / "output-old").exists()


@pytest.mark.parametrize("key, value", [
    ("TAG_SAVE_AS", "../output-old/the/{slug}.html"),
    ("FEED_ALL_ATOM", "../output-old/all.atom.xml"),
    ("PORTAL_SIDEBAR_SAVE_AS", "../../sidebar.json"),
    ("DATE_ARCHIVES_MANIFEST_SAVE_AS", "/tmp/lich.json"),
    ("REDIRECTS_NGINX_SAVE_AS", "../output-old/nginx.conf"),
    ("THEME_STATIC_DIR", "../output-old/theme"),
    ("PHOTOS_OUTPUT_DIR", "../output-old/photos"),
    ("SEARCH_BUNDLE_DIR", "../output-old/pagefind"),
])
def test_a_setting_naming_a_file_outside_output_stops_the_build_before_writing(tmp_path, key, value):
    content = site(tmp_path)
    output = tmp_path / "output"
    status, log = pelican(content, output, {**QUIET, key: value})
    assert status == 1
    assert refused_write(value, output, f"cài đặt {key}") in log
    assert not output.exists()
    assert not (tmp_path / "output-old").exists() and not (tmp_path / "sidebar.json").exists()


REDIRECT_RUNNER = """
import sys
sys.path.insert(0, {plugins!r})
import redirects.glue
from trangtin.vn_core.redirects import Redirect
# The data validation (the checker, vn_core.redirects.loads) is bypassed: the writer must hold alone.
redirects.glue.loads = lambda text, name: [Redirect({old!r}, "2022/a.md")]
from pelican import main
sys.argv = ["pelican", {content!r}, "-s", {conf!r}, "-o", {output!r}, "-e", "SEARCH_ENABLED=false",
            "CONTENT_CHECKS_ENABLED=false", "PHOTOS_CACHE_PATH=\\"{cache}\\""]
main()
"""


@pytest.mark.parametrize("old, saved", [
    ("/../../outside/x.html", "../../outside/x.html"),
    ("/%2e%2e/%2E%2E/outside/x.html", "../../outside/x.html"),
    ("/a/../../../outside/", "a/../../../outside/index.html"),
])
def test_a_redirect_leading_out_of_output_stops_the_build_and_writes_nothing_outside(tmp_path, old, saved):
    content = site(tmp_path)
    (content / "chuyen-huong.json").write_text('{"redirects": []}', encoding="utf-8")
    output = tmp_path / "site" / "output"
    script = REDIRECT_RUNNER.format(plugins=str(ROOT / "plugins"), old=old, content=str(content),
                                    conf=str(ROOT / "pelicanconf.py"), output=str(output), cache=tmp_path / "cache")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert "Traceback" not in log
    assert refused_write(saved, output, 'chuyen-huong.json ("from")') in log
    assert not (tmp_path / "outside").exists()


# --- 3. uploads that could run script on the site -------------------------------------------------

SCRIPTED_SVGS = {
    "script.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
                   "thẻ <script> (mã chạy được)"),
    "onload.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
                   "thuộc tính sự kiện onload= (mã JavaScript)"),
    "html.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml">'
                 b'<iframe src="javascript:alert(1)"/></body></foreignObject></svg>', "thẻ <foreignObject> (mã chạy được)"),
    "js-link.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                    b'<a xlink:href="javascript:alert(1)"><text>bam</text></a></svg>',
                    "liên kết `javascript:alert(1)` (javascript:, data: hoặc ra ngoài tệp)"),
    "data.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>',
                 "liên kết `data:image/svg+xml;base64,PHN2Zz4=` (javascript:, data: hoặc ra ngoài tệp)"),
    "entity.svg": (b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">'
                   b'<text>&x;</text></svg>', "khai báo <!ENTITY>"),
    "xsl.svg": (b'<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
                "chỉ thị <?xml-stylesheet?>"),
    "set.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/>'
                b'<text>t</text></a></svg>', "hiệu ứng <set> đổi liên kết"),
    "css.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>',
                "kiểu CSS nạp tệp bên ngoài"),
}
SCRIPT_FILES = {
    "tai-lieu/trang.html": "trang HTML", "tai-lieu/trang.xhtml": "trang HTML", "images/ma.js": "tệp mã JavaScript",
    "images/mo-dun.mjs": "tệp mã JavaScript", "tai-lieu/phim.swf": "tệp Flash", "tai-lieu/x.php": "trang chạy trên máy chủ",
    "images/.htaccess": "tệp cấu hình máy chủ",
}
DOCUMENTS = {"tai-lieu/bao-cao.pdf": b"%PDF-1.4\n%%EOF\n", "tai-lieu/ke-hoach.docx": b"PK\x03\x04docx",
             "tai-lieu/so-lieu.xlsx": b"PK\x03\x04xlsx", "images/logo.svg": PLAIN_SVG}


def upload_site(tmp_path):
    content = site(tmp_path, ARTICLE + "\n[Báo cáo]({static}/tai-lieu/bao-cao.pdf) · [Kế hoạch]({static}/tai-lieu/ke-hoach.docx)"
                   " · [Số liệu]({static}/tai-lieu/so-lieu.xlsx)\n\n![Logo]({static}/images/logo.svg)\n")
    for name, data in DOCUMENTS.items():
        (content / name).write_bytes(data)
    return content


def script_line(name, kind):
    return (f"content/{name}:1: lỗi: tệp tải lên là {kind}, có thể chạy mã (script) trên trang nên không được đăng — "
            "muốn cho tải về thì lưu thành PDF (hoặc ảnh JPEG/PNG) rồi xóa tệp này")


def markup_line(name, reason):
    return (f"content/{name}:1: lỗi: tệp SVG/XML có {reason}, có thể chạy mã (script) trên trang nên không được đăng — "
            "xuất lại ảnh thành PNG, hoặc lưu SVG dạng đơn giản (Inkscape: Lưu thành › SVG thuần) không có mã, liên kết "
            "hay tệp ngoài")


def test_checker_refuses_every_upload_that_could_run_script(tmp_path):
    content = upload_site(tmp_path)
    for name, (data, _reason) in SCRIPTED_SVGS.items():
        (content / "images" / name).write_bytes(data)
    (content / "tai-lieu" / "nguon.xml").write_bytes(b'<rss><channel xmlns:h="http://www.w3.org/1999/xhtml">'
                                                     b'<h:script>alert(1)</h:script></channel></rss>')
    for name in SCRIPT_FILES:
        (content / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    status, lines = check(content)
    assert status == 1
    expected = [markup_line(f"images/{name}", reason) for name, (_data, reason) in SCRIPTED_SVGS.items()]
    expected += [script_line(name, kind) for name, kind in SCRIPT_FILES.items()]
    expected.append(markup_line("tai-lieu/nguon.xml", "thẻ <script> (mã chạy được)"))
    assert sorted(lines) == sorted(expected)


def test_documents_and_a_plain_svg_stay_downloadable(tmp_path):
    content = upload_site(tmp_path)
    assert check(content) == (0, [])
    status, log = pelican(content, tmp_path / "output", QUIET)
    assert status == 0, log
    for name, data in DOCUMENTS.items():
        assert (tmp_path / "output" / name).read_bytes() == data
    page = next((tmp_path / "output").rglob("hoi-nghi-tong-ket.html")).read_text(encoding="utf-8")
    assert 'href="../../tai-lieu/bao-cao.pdf"' in page or 'href="/tai-lieu/bao-cao.pdf"' in page
    assert "logo.svg" in page


@pytest.mark.parametrize("name, data, expected", [
    ("images/script.svg", SCRIPTED_SVGS["script.svg"][0], markup_line("images/script.svg", SCRIPTED_SVGS["script.svg"][1])),
    ("tai-lieu/trang.html", b"<script>alert(1)</script>", script_line("tai-lieu/trang.html", "trang HTML")),
])
def test_build_refuses_a_scripted_upload_on_its_own_when_the_checks_are_off(tmp_path, name, data, expected):
    content = site(tmp_path)
    (content / name).write_bytes(data)
    output = tmp_path / "output"
    status, log = pelican(content, output, UNCHECKED)
    assert status == 1
    assert expected.replace("content/", f"{content}/", 1) in log
    assert not any(b"alert(" in written for written in published_bytes(output))


@pytest.mark.parametrize("name", ["a.html", "b.HTM", "c.js", "d.mjs", "e.swf", "f.svgz", ".htaccess", "web.config"])
def test_script_kinds_by_name(name):
    assert script_kind(f"images/{name}") is not None


@pytest.mark.parametrize("name", ["a.pdf", "b.docx", "c.xlsx", "d.jpg", "e.png", "f.svg", "g.css", "h.txt"])
def test_documents_and_pictures_are_not_script_by_name(name):
    assert script_kind(f"tai-lieu/{name}") is None


def test_a_plain_logo_svg_holds_nothing_that_runs():
    assert markup_problem(PLAIN_SVG) is None


# --- 4. photos: a pixel limit read from the header ------------------------------------------------


def bomb_png(path, width, height):
    """A valid 1-bit PNG of width × height, all black: a few KB on disk, width × height bytes once decoded."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", body) + chunk(b"IEND", b""))


def pixels_text(name, width, height, megapixels, limit):
    return (f"lỗi: ảnh {name} có {width}×{height} điểm ảnh ({megapixels} triệu), quá giới hạn {limit} triệu điểm ảnh "
            "(PHOTOS_MAX_PIXELS) nên không được xử lý — thu nhỏ ảnh (ví dụ còn 4000 px chiều ngang) rồi chép đè tệp")


BOMB = pixels_text("images/bom.png", 50000, 50000, 2500, 100)


@pytest.fixture(scope="module")
def bomb_file(tmp_path_factory):
    """The review's pixel bomb: 304 KB on disk, 2.5 billion pixels (7.4 GB once decoded by Pillow)."""
    path = tmp_path_factory.mktemp("bomb") / "bom.png"
    bomb_png(path, 50000, 50000)
    return path


@pytest.fixture
def bomb_site(tmp_path, bomb_file):
    content = site(tmp_path, ARTICLE + "\n![Ảnh lớn]({static}/images/bom.png)\n")
    (content / "images" / "bom.png").write_bytes(bomb_file.read_bytes())
    return content


def test_checker_refuses_a_pixel_bomb_from_its_header(bomb_site):
    assert check(bomb_site) == (1, [f"content/images/bom.png:1: {BOMB}"])


def test_build_stops_on_a_pixel_bomb_with_the_same_message_and_no_traceback(bomb_site, tmp_path):
    status, log = pelican(bomb_site, tmp_path / "output", UNCHECKED)
    assert status == 1
    assert "Traceback" not in log and "MemoryError" not in log
    assert f"{bomb_site}/2022/a.md:9: {BOMB}" in log
    assert not list((tmp_path / "output").rglob("bom*"))


def test_the_pixel_limit_is_a_setting(tmp_path):
    content = site(tmp_path, ARTICLE + "\n![Ảnh]({static}/images/anh.png)\n")
    bomb_png(content / "images" / "anh.png", 4000, 3000)
    assert check(content) == (0, [])  # 12 megapixels: under the default limit
    status, log = pelican(content, tmp_path / "output", {**QUIET, "PHOTOS_MAX_PIXELS": 10_000_000})
    assert status == 1
    assert f"{content}/images/anh.png:1: {pixels_text('images/anh.png', 4000, 3000, 12, 10)}" in log


def test_checker_names_a_broken_image(tmp_path):
    content = site(tmp_path)
    (content / "images" / "hong.jpg").write_bytes(b"not a picture at all")
    assert check(content) == (1, ["content/images/hong.jpg:1: lỗi: không đọc được ảnh này: tệp bị hỏng hoặc không "
                                  "phải ảnh — mở ảnh gốc trên máy, lưu (xuất) lại thành JPEG rồi chép đè tệp"])


def test_a_static_path_setting_leading_out_of_content_is_refused_by_the_build(tmp_path, key_folder):
    content = site(tmp_path)
    output = tmp_path / "output"
    status, log = pelican(content, output, {**UNCHECKED, "STATIC_PATHS": [os.path.relpath(key_folder, content)]})
    assert status == 1
    assert (f"{key_folder}/id_rsa:1: lỗi: tệp nằm ngoài thư mục nội dung {content} nên không được đăng — sửa "
            "STATIC_PATHS, ARTICLE_PATHS hoặc PAGE_PATHS trong tệp cấu hình: chỉ ghi thư mục bên trong thư mục nội "
            "dung, không dùng `..`") in log
    assert not any(b"PRIVATE KEY" in data for data in published_bytes(output))
