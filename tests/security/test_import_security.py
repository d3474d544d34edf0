"""Issue 20, the importer's doors: a hostile WordPress export, its uploads folder and a hostile
mirror of saved pages must not bring a byte of a file outside UPLOADS or the mirror into content/,
must not write outside the content folder, must not copy a file that runs script (HTML, SVG), must
write one metadata line per key, must never write a redirect entry that climbs out of output/, and
must give up on a post nested too deep instead of working for minutes. Every refusal is a Vietnamese
line of the report and of the terminal naming the article and the address; no traceback. The other
articles are imported, so the exit is 0 (issue 23).

The redirect data rules (vn_core.redirects) are checked here too: what `loads` refuses, what the
checker says at its line, and that a build stops before writing."""

import hashlib
import json
import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import FIXTURES, ROOT, BuildFailed, build


from trangtin.vn_core import redirects as rules  # noqa: E402

SECRET = b"SECRET-KEY-MARKER-3f9a"  # in every file outside the allowed folders
HOST = "old.example.vn"
NESTED = 100_000


def png(width=3, height=2, rgb=(200, 30, 30)) -> bytes:
    from PIL import Image  # noqa: PLC0415
    from io import BytesIO  # noqa: PLC0415

    out = BytesIO()
    Image.new("RGB", (width, height), rgb).save(out, "PNG")
    return out.getvalue()


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def snapshot(folder: Path, skip=()) -> dict:
    """Every file (links not followed) by relative path: its bytes' digest, or where a link points."""
    out = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if relative.split("/")[0] in skip:
            continue
        if path.is_symlink():
            out[relative] = "-> " + os.readlink(path)
        elif path.is_file():
            out[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def run_import(source, content, report, *extra):
    command = [sys.executable, str(ROOT / "tools" / "import_news.py"), str(source), "--content", str(content),
               "--report", str(report), *extra]
    return subprocess.run(command, capture_output=True, text=True, cwd=content.parent)


def section(report: str, title: str) -> list:
    """The `- ` lines under `### title` of the report's "Cần người xử lý" part."""
    lines = report.split("\n")
    start = lines.index(f"### {title}")
    out = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if line.startswith("- "):
            out.append(line[2:])
    return out


def header(text: str) -> list:
    return text.split("\n\n", 1)[0].split("\n")


def outside_files(root: Path):
    """Files outside UPLOADS and the mirror, each holding SECRET."""
    secrets = root / "secrets"
    write(secrets / "id_rsa", b"-----BEGIN OPENSSH PRIVATE KEY-----\n" + SECRET + b"\n")
    photo = png(4, 4, (1, 2, 3))
    write(secrets / "photo.png", photo[:-12] + b"\x00\x00\x00\x00" + SECRET[:4] + photo[-4:])  # still opens as a PNG
    write(secrets / "page.html", "<html><head><meta charset='utf-8'></head><body><h1>Trang bí mật</h1>"
          "<p>Thứ hai, ngày 19/6/2022 - 10:00</p><div><p>" + SECRET.decode() + " nội dung đủ dài để thành một bài viết.</p></div>"
          "</body></html>")
    return secrets


# --- the hostile WordPress export --------------------------------------------------------------

UPLOADS_URL = f"https://{HOST}/wp-content/uploads"
# A paragraph too long to be taken for the caption of the photo before it.
FILLER = "Đoạn văn dài của bài viết, " * 10


def item(post_id, title, body, link=None, extra="", name=None, creator="bientap", categories="Tin hoạt động", excerpt=""):
    link = link if link is not None else f"https://{HOST}/2023/01/bai-{post_id}/"
    return f"""<item>
 <title><![CDATA[{title}]]></title><link>{link}</link>
 <dc:creator><![CDATA[{creator}]]></dc:creator>
 <content:encoded><![CDATA[{body}]]></content:encoded>
 <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
 <wp:post_id>{post_id}</wp:post_id><wp:post_date_gmt>2023-01-1{post_id % 10} 03:00:00</wp:post_date_gmt>
 <wp:post_name><![CDATA[{name if name is not None else f"bai-{post_id}"}]]></wp:post_name>
 <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
 <category domain="category"><![CDATA[{categories}]]></category>
 {extra}
</item>
"""


def attachment(post_id, url):
    return f"""<item><title>Tệp {post_id}</title><wp:post_id>{post_id}</wp:post_id><wp:post_type>attachment</wp:post_type>
 <wp:status>inherit</wp:status><wp:attachment_url><![CDATA[{url}]]></wp:attachment_url></item>
"""


def thumbnail(attachment_id):
    return f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{attachment_id}</wp:meta_value></wp:postmeta>"


def export(root: Path, secrets: Path) -> Path:
    images = [
        f"{UPLOADS_URL}/../../../../../../../../etc/passwd",
        f"{UPLOADS_URL}/%2e%2e/secrets/id_rsa",
        f"{UPLOADS_URL}/%2E%2E%2Fsecrets%2Fphoto.png",
        f"{UPLOADS_URL}/{secrets}/id_rsa",  # …/uploads//<absolute folder>/id_rsa
        f"{UPLOADS_URL}/2023/01/ra-ngoai.png",  # a link inside UPLOADS leading out
        f"{UPLOADS_URL}/2023/01/thu-muc-ngoai/photo.png",  # through a linked folder
        f"{UPLOADS_URL}/2023/01/mau.html",
        f"{UPLOADS_URL}/2023/01/logo.svg",
        f"{UPLOADS_URL}/2023/01/gia.png",  # HTML named .png
        f"{UPLOADS_URL}/2023/01/khong-duoi",
        f"{UPLOADS_URL}/2023/01/ok.png%00.html",
        f"{UPLOADS_URL}/2023/01/{'a' * 4000}.png",
        "file:///etc/passwd",
        "..\\..\\..\\..\\etc\\passwd",
    ]
    hostile_body = "<p>Bài có các đường dẫn tấn công.</p>" + "".join(f'<p><img src="{url}" alt="ảnh {n}"></p>' for n, url in enumerate(images))
    hostile_body += (f'<p>{FILLER} <a href="{UPLOADS_URL}/2023/01/mau.html">trang</a> và '
                     f'<a href="{UPLOADS_URL}/2023/01/logo.svg">logo</a></p>')
    good_body = (f'<p>Bài hợp lệ với ảnh và tài liệu.</p><p><img src="{UPLOADS_URL}/2023/01/ok.png" alt="Ảnh tốt"></p>'
                 f'<p>{FILLER} <a href="{UPLOADS_URL}/2023/01/ke-hoach.pdf">Kế hoạch</a></p>')
    items = [
        attachment(50, f"{UPLOADS_URL}/../secrets/id_rsa"),
        attachment(51, f"{UPLOADS_URL}/%2e%2e/secrets/photo.png"),
        item(1, "Bài hợp lệ", good_body),
        item(2, "Bài tấn công đường dẫn", hostile_body, extra=thumbnail(50)),
        item(3, "Ảnh đại diện mã hoá", "<p>Ảnh đại diện là tệp ngoài thư mục, viết mã %2e%2e.</p>", extra=thumbnail(51)),
        item(4, "Tiêu đề\nStatus: draft\u2028Url: javascript:alert(1)",
             "<p>Bài chèn dòng siêu dữ liệu.</p>",
             link=f"https://{HOST}/2023/01/bai-4/\nUrl: javascript:alert(1)\r\nSave_as: ../../../pwn.html",
             name="../../../../pwn", creator="Tác giả\nSave_as: ../../tac-gia.html",
             categories="Tin hoạt động\nTemplate: x", excerpt="Tóm tắt\r\nStatus: hidden\u0085Lang: en",
             extra='<category domain="post_tag"><![CDATA[thẻ\nUrl: //evil.example/phish]]></category>'),
        item(5, "Địa chỉ cũ có %2e%2e", "<p>Địa chỉ cũ của bài leo ra ngoài thư mục.</p>",
             link=f"https://{HOST}/%2e%2e/%2E%2E/%2e%2e/%2e%2e/tmp/pwn/"),
        item(6, "Bài lồng sâu", "<p>Mở đầu.</p>" + "<div>" * NESTED + "x" + "</div>" * NESTED),
        item(7, "Bài sau bài lồng sâu", "<p>Bài này vẫn được nhập.</p>", name="x" * 300),
    ]
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Cũ</title><link>https://{HOST}</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://{HOST}</wp:base_site_url>
{''.join(items)}</channel></rss>
"""
    return write(root / "export.xml", text)


def uploads_folder(root: Path, secrets: Path) -> Path:
    uploads = root / "uploads"
    month = uploads / "2023" / "01"
    write(month / "ok.png", png())
    write(month / "ke-hoach.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    write(month / "mau.html", "<script>alert(document.cookie)</script>")
    write(month / "logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    write(month / "gia.png", "<html><script>alert(1)</script></html>")
    write(month / "khong-duoi", "<script>alert(1)</script>")
    (month / "ra-ngoai.png").symlink_to(secrets / "photo.png")
    (month / "thu-muc-ngoai").symlink_to(secrets, target_is_directory=True)
    return uploads


@pytest.fixture(scope="module")
def wordpress(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-wp")
    secrets = outside_files(root)
    source = export(root, secrets)
    uploads = uploads_folder(root, secrets)
    content = root / "content"
    shutil.copytree(FIXTURES / "basic", content)
    before_content = snapshot(content)
    before = snapshot(root, skip={"content"})
    result = run_import(source, content, root / "bao-cao.md", "--uploads", str(uploads))
    return {"root": root, "content": content, "result": result, "before": before, "before_content": before_content,
            "report": (root / "bao-cao.md").read_text(encoding="utf-8")}


def new_files(run) -> dict:
    after = snapshot(run["content"])
    return {name: digest for name, digest in after.items() if run["before_content"].get(name) != digest}


def test_no_byte_of_a_file_outside_uploads_reaches_the_content_folder(wordpress):
    passwd = Path("/etc/passwd").read_bytes()
    for path in wordpress["content"].rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET not in data and passwd not in data, path
    # Only the two allowed files were copied, once.
    media = sorted(name for name in new_files(wordpress) if not name.endswith((".md", ".json")))
    assert media == ["images/2023/ok.png", "tai-lieu/2023/ke-hoach.pdf"]


def test_nothing_is_written_outside_the_content_folder(wordpress):
    after = snapshot(wordpress["root"], skip={"content"})
    assert {k: v for k, v in after.items() if k != "bao-cao.md"} == wordpress["before"]
    assert not list(wordpress["root"].parent.glob("pwn*"))


def test_import_ends_with_a_vietnamese_list_of_refusals_and_no_traceback(wordpress):
    result = wordpress["result"]
    # Articles were imported: the refusals are printed and reported for the editor to check, the exit is 0
    # (issue 23: `make import` fails only when nothing could be imported).
    assert result.returncode == 0
    assert "Traceback" not in result.stderr + result.stdout
    first = result.stderr.split("\n")[0]
    assert first.startswith(f"{wordpress['root'] / 'export.xml'}: từ chối ")
    assert first.endswith(f"tệp, địa chỉ hoặc bài không an toàn (xem báo cáo {wordpress['root'] / 'bao-cao.md'}):")
    assert ("- «Bài tấn công đường dẫn» (export.xml (ID 2)): không chép ảnh SVG "
            f"`{UPLOADS_URL}/2023/01/logo.svg`: SVG có thể chứa mã chạy trên trang — nếu cần, tự thêm bản SVG đã làm sạch "
            "hoặc bản PNG vào `content/images/`") in result.stderr.split("\n")


OUTSIDE = ("**không chép tệp** `{url}`: đường dẫn dẫn ra ngoài thư mục uploads và thư mục trang đã lưu "
           "(`..`, đường dẫn tuyệt đối hoặc liên kết tượng trưng) — không nhập tệp này; nếu bài cần nó, tự chép tệp vào `content/images/`")
WRONG_TYPE = ("**không chép tệp** `{url}`: chỉ nhập ảnh (JPEG, PNG, GIF, WebP, BMP) và tài liệu (PDF, Word, Excel, PowerPoint, "
              "OpenDocument, ZIP…); tệp HTML, JS, XML, PHP hay không có đuôi có thể chạy mã trên trang")
NOT_IMAGE = "**không chép tệp** `{url}`: tên là ảnh nhưng nội dung không phải ảnh đọc được — kiểm tra tệp gốc"
SVG = ("**không chép ảnh SVG** `{url}`: SVG có thể chứa mã chạy trên trang — nếu cần, tự thêm bản SVG đã làm sạch "
       "hoặc bản PNG vào `content/images/`")
MISSING = "**thiếu ảnh/tệp** `{url}` — giữ liên kết cũ; chép tệp vào `content/images/` và sửa liên kết"


def test_each_refused_file_is_a_report_line_under_its_article(wordpress):
    secrets = wordpress["root"] / "secrets"
    month = f"{UPLOADS_URL}/2023/01"
    assert section(wordpress["report"], "Bài tấn công đường dẫn") == [
        OUTSIDE.format(url=f"{UPLOADS_URL}/../../../../../../../../etc/passwd"),
        OUTSIDE.format(url=f"{UPLOADS_URL}/%2e%2e/secrets/id_rsa"),
        OUTSIDE.format(url=f"{UPLOADS_URL}/%2E%2E%2Fsecrets%2Fphoto.png"),
        OUTSIDE.format(url=f"{UPLOADS_URL}/{secrets}/id_rsa"),
        OUTSIDE.format(url=f"{month}/ra-ngoai.png"),
        OUTSIDE.format(url=f"{month}/thu-muc-ngoai/photo.png"),
        WRONG_TYPE.format(url=f"{month}/mau.html"),
        SVG.format(url=f"{month}/logo.svg"),
        NOT_IMAGE.format(url=f"{month}/gia.png"),
        WRONG_TYPE.format(url=f"{month}/khong-duoi"),
        OUTSIDE.format(url=f"{month}/ok.png%00.html"),
        MISSING.format(url=f"{month}/{'a' * 4000}.png"),
        MISSING.format(url="file:///etc/passwd"),
        MISSING.format(url=f"https://{HOST}/2023/01/bai-2/..\\..\\..\\..\\etc\\passwd"),
        # The links: an HTML page of the old site stays a link to it (nothing copied), the SVG is refused.
        f"liên kết tới trang cũ chưa nhập: `{month}/mau.html`",
        SVG.format(url=f"{month}/logo.svg"),
        OUTSIDE.replace("`{url}`", "`{url}` (ảnh đại diện)").format(url=f"{UPLOADS_URL}/../secrets/id_rsa"),
    ]
    assert section(wordpress["report"], "Ảnh đại diện mã hoá") == [
        OUTSIDE.replace("`{url}`", "`{url}` (ảnh đại diện)").format(url=f"{UPLOADS_URL}/%2e%2e/secrets/photo.png"),
    ]


def test_refused_files_keep_their_old_address_and_no_cover_is_written(wordpress):
    text = next(wordpress["content"].glob("2023/bai-2.md")).read_text(encoding="utf-8")
    assert "Image:" not in text and "{static}" not in text
    assert f"![ảnh 7]({UPLOADS_URL}/2023/01/logo.svg)" in text
    assert not [name for name in new_files(wordpress) if name.endswith((".svg", ".html"))]


def test_metadata_from_the_export_is_one_line_per_key(wordpress):
    text = (wordpress["content"] / "2023" / "pwn.md").read_text(encoding="utf-8")
    assert header(text) == [
        "Title: Tiêu đề Status: draft Url: javascript:alert(1)",
        "Date: 2023-01-14 10:00",
        "Category: Tin hoạt động Template: x",
        "Tags: thẻ Url: //evil.example/phish",
        "Author: Tác giả Save_as: ../../tac-gia.html",
        "Summary: Tóm tắt Status: hidden Lang: en",
        "Slug: pwn",
        f"Legacy-URL: https://{HOST}/2023/01/bai-4/Url: javascript:alert(1)Save_as: ../../../pwn.html",
    ]


def test_a_hostile_post_name_names_a_file_in_the_year_folder(wordpress):
    made = sorted(name for name in new_files(wordpress) if name.endswith(".md"))
    assert all(name.count("/") == 1 and name.startswith("2023/") and ".." not in name for name in made), made
    long_slug = next(name for name in made if name.startswith("2023/xxx"))
    assert len(Path(long_slug).stem) <= 80


def test_an_old_address_with_encoded_dots_gets_no_redirect_and_a_report_line(wordpress):
    data = (wordpress["content"] / "chuyen-huong.json").read_text(encoding="utf-8")
    assert "%2e" not in data.lower() and ".." not in data
    assert rules.loads(data)  # the rest of the redirects are there, and safe
    assert section(wordpress["report"], "Địa chỉ cũ có %2e%2e")[0] == (
        f"**không tạo chuyển hướng** cho địa chỉ cũ `https://{HOST}/%2e%2e/%2E%2E/%2e%2e/%2e%2e/tmp/pwn/` "
        "(địa chỉ cũ có đoạn `..` (lùi ra ngoài thư mục, kể cả viết mã %2e%2e)) — địa chỉ này có thể ghi trang ra ngoài thư mục `output/`"
    )
    assert (wordpress["content"] / "2023" / "bai-5.md").is_file()  # the article itself is imported


def test_a_post_nested_too_deep_is_given_up_and_the_next_one_imported(wordpress):
    assert section(wordpress["report"], "Bài lồng sâu") == [
        "**bỏ qua bài**: mã HTML của bài các thẻ lồng nhau quá 256 tầng, không đọc được trong thời gian hợp lý — chưa nhập;"
        " chép tay nội dung từ trang cũ"
    ]
    assert not (wordpress["content"] / "2023" / "bai-6.md").exists()
    assert "Bài này vẫn được nhập." in next(wordpress["content"].glob("2023/xxx*.md")).read_text(encoding="utf-8")


def test_the_good_post_still_gets_its_photo_and_document(wordpress):
    text = (wordpress["content"] / "2023" / "bai-1.md").read_text(encoding="utf-8")
    assert "![Ảnh tốt]({static}/images/2023/ok.png)" in text
    assert "[Kế hoạch]({static}/tai-lieu/2023/ke-hoach.pdf)" in text


# --- the hostile mirror of saved pages ------------------------------------------------------------

def legacy_page(title, body, head=""):
    return (f"<html><head><meta charset='utf-8'>{head}<title>{title}</title></head><body>"
            f"<h1>{title}</h1><p>Thứ hai, ngày 19/6/2022 - 10:00</p><div>{body}</div></body></html>")


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-mirror")
    secrets = outside_files(root)
    site = root / "mirror" / HOST
    write(site / "anh" / "ok.png", png(2, 2, (9, 9, 9)))
    (site / "anh" / "ra-ngoai.png").symlink_to(secrets / "photo.png")
    write(site / "anh" / "mau.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    write(site / "tin-tuc" / "bai-1.html", legacy_page(
        "Trang cũ có ảnh lạ",
        f"<p>{FILLER}</p>"
        '<p><img src="../../../../../../../../etc/passwd" alt="mật khẩu"></p>'
        f"<p>{FILLER}</p>"
        '<p><img src="../../../secrets/photo.png" alt="ảnh ngoài"></p>'
        f"<p>{FILLER}</p>"
        '<p><img src="/anh/ra-ngoai.png" alt="liên kết ra ngoài"></p>'
        f"<p>{FILLER}</p>"
        '<p><img src="%2e%2e/%2e%2e/%2e%2e/secrets/id_rsa" alt="mã hoá"></p>'
        f"<p>{FILLER}</p>"
        '<p><img src="/anh/mau.svg" alt="svg"></p>'
        f"<p>{FILLER}</p>"
        '<p><img src="/anh/ok.png" alt="ảnh tốt"></p>'
        f"<p>{FILLER}</p>",
        # A line break in the canonical address would start a new metadata line.
        head=f'<link rel="canonical" href="http://{HOST}/tin-tuc/bai-1.html\nStatus: draft\nSave_as: ../../x.html">'
             "\x0b\x1b",
    ))
    write(site / "tin-tuc" / "bai-2.html", legacy_page("Trang có ký tự điều khiển\x0b\x1b[31m\x00", f"<p>{FILLER}</p>"))
    (site / "tin-tuc" / "lien-ket.html").symlink_to(secrets / "page.html")
    write(site / "tin-tuc" / "long-sau.html", legacy_page("Trang lồng sâu", "<div>" * NESTED + "x" + "</div>" * NESTED))
    content = root / "content"
    shutil.copytree(FIXTURES / "basic", content)
    before_content = snapshot(content)
    before = snapshot(root, skip={"content"})
    result = run_import(root / "mirror", content, root / "bao-cao.md")
    return {"root": root, "content": content, "result": result, "before": before, "before_content": before_content,
            "report": (root / "bao-cao.md").read_text(encoding="utf-8")}


def test_saved_pages_bring_no_byte_of_a_file_outside_the_mirror(mirror):
    passwd = Path("/etc/passwd").read_bytes()
    for path in mirror["content"].rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_bytes() and passwd not in path.read_bytes(), path
    media = sorted(name for name in new_files(mirror) if not name.endswith((".md", ".json")))
    assert media == ["images/2022/ok.png"]
    assert {k: v for k, v in snapshot(mirror["root"], skip={"content"}).items() if k != "bao-cao.md"} == mirror["before"]


def test_each_refusal_of_a_saved_page_is_a_report_line(mirror):
    lines = section(mirror["report"], "Trang cũ có ảnh lạ")
    assert [line for line in lines if line.startswith("**không chép")] == [
        OUTSIDE.format(url="../../../../../../../../etc/passwd"),
        OUTSIDE.format(url="../../../secrets/photo.png"),
        OUTSIDE.format(url="/anh/ra-ngoai.png"),
        OUTSIDE.format(url="%2e%2e/%2e%2e/%2e%2e/secrets/id_rsa"),
        SVG.format(url="/anh/mau.svg"),
    ]
    assert f"**không tạo chuyển hướng** cho địa chỉ cũ `http://{HOST}/tin-tuc/bai-1.htmlStatus: draftSave_as: ../../x.html` " \
        "(địa chỉ cũ có đoạn `..` (lùi ra ngoài thư mục, kể cả viết mã %2e%2e)) — địa chỉ này có thể ghi trang ra ngoài thư mục `output/`" in lines
    general = [line for line in mirror["report"].split("\n") if line.startswith("- **bỏ qua")]
    assert general == [
        f"- **bỏ qua tệp** `{HOST}/tin-tuc/lien-ket.html`: liên kết tượng trưng trỏ ra ngoài thư mục trang đã lưu",
        f"- **bỏ qua trang** `{HOST}/tin-tuc/long-sau.html` (các thẻ lồng nhau quá 256 tầng), không đọc được trong thời gian hợp lý"
        " — chép tay nội dung nếu đó là một bài",
    ]
    result = mirror["result"]
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert (f"- bỏ qua tệp `{HOST}/tin-tuc/lien-ket.html`: liên kết tượng trưng trỏ ra ngoài thư mục trang đã lưu"
            in result.stderr.split("\n"))


def test_metadata_from_saved_pages_is_one_line_per_key(mirror):
    first = header((mirror["content"] / "2022" / "trang-cu-co-anh-la.md").read_text(encoding="utf-8"))
    assert first[-1] == f"Legacy-URL: http://{HOST}/tin-tuc/bai-1.htmlStatus: draftSave_as: ../../x.html"
    # A page without a breadcrumb is in the site's default category (issue 23).
    assert [line.split(":")[0] for line in first] == ["Title", "Date", "Category", "Slug", "Legacy-URL"]
    second = header((mirror["content"] / "2022" / "trang-co-ky-tu-dieu-khien-31m.md").read_text(encoding="utf-8"))
    assert second[0] == "Title: Trang có ký tự điều khiển [31m"


# --- the redirect data rules (vn_core.redirects), the checker and the build ------------------------

DOTS = "có đoạn `..` (lùi ra ngoài thư mục, kể cả viết mã %2e%2e)"
CONTROL = "có ký tự điều khiển (xuống dòng, tab, NUL…)"
BACKSLASH = "có dấu gạch chéo ngược \\"
ABSOLUTE = "là đường dẫn tuyệt đối (cần đường dẫn trong thư mục nội dung, ví dụ 2022/ten-bai.md)"


def redirect_data(*entries):
    return json.dumps({"redirects": [{"from": old, "to": to} for old, to in entries]}, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("old, reason", [
    ("/../../../../home/x/.bashrc", DOTS),
    ("/a/%2e%2e/%2E%2E/b.html", DOTS),
    ("/a/.%2e/b", DOTS),
    ("/a%2f..%2f..%2fb", DOTS),  # the separator hidden too
    ("/a/%252e%252e/b", DOTS),  # encoded twice
    ("/a/..", DOTS),
    ("/a\\..\\b", BACKSLASH),
    ("/a%5c..%5cb", BACKSLASH),
    ("/a\nb", CONTROL),
    ("/a%0Ab", CONTROL),
    ("/a%00.html", CONTROL),
    ("/a?x=1\r\nRewriteRule", CONTROL),
    ("/a\u2028b", CONTROL),
])
def test_redirect_data_refuses_an_old_address_that_climbs_or_breaks_a_line(old, reason):
    text = redirect_data(("/ok", "2022/a.md"), (old, "2022/a.md"))
    with pytest.raises(rules.UnsafeRedirect) as caught:
        rules.loads(text, "chuyen-huong.json")
    assert str(caught.value) == f'chuyen-huong.json:8: mục thứ 2: địa chỉ cũ "from" {reason}'
    assert (caught.value.number, caught.value.line) == (2, 8)


@pytest.mark.parametrize("to, reason", [
    ("../../etc/passwd", DOTS), ("2022/../../x.md", DOTS), ("/etc/passwd", ABSOLUTE), ("\\\\server\\x.md", ABSOLUTE),
    ("C:/x.md", ABSOLUTE), ("2022/a\\b.md", BACKSLASH), ("2022/a\n.md", CONTROL), ("%2e%2e/x.md", DOTS),
])
def test_redirect_data_refuses_a_target_outside_the_content_folder(to, reason):
    with pytest.raises(rules.UnsafeRedirect, match=r"^chuyen-huong\.json:5: mục thứ 1: \"to\" ") as caught:
        rules.loads(redirect_data(("/a", to)), "chuyen-huong.json")
    assert caught.value.detail == f'mục thứ 1: "to" {reason}'


@pytest.mark.parametrize("old", ["/tin-tuc/bai..cu.html", "/a/.b/", "/News/Detail.aspx?ID=1&x=..", "/tin%20m%E1%BB%9Bi/"])
def test_redirect_data_keeps_addresses_that_only_look_odd(old):
    assert rules.loads(redirect_data((old, "2022/a.md"))) == [rules.Redirect(old, "2022/a.md")]


@pytest.mark.parametrize("url", [
    "http://h.vn/%2e%2e/%2e%2e/x/", "http://h.vn/a/%2E%2E%2f%2e%2e/x", "http://h.vn/a\\..\\b", "http://h.vn/a%0d%0aSet-Cookie:x",
])
def test_old_address_never_makes_an_unsafe_entry(url):
    with pytest.raises(rules.UnsafeRedirect):
        rules.old_address(url)


def check(content):
    result = subprocess.run(
        [sys.executable, "-m", "trangtin.content_checks", str(content), "-s", str(ROOT / "pelicanconf.py")],
        capture_output=True, text=True, cwd=content.parent, env={"PATH": "/usr/bin:/bin"},
    )
    return result, [line for line in result.stdout.splitlines() if "chuyen-huong.json" in line]


ARTICLE = "2021/hoi-nghi-tong-ket-2020.md"  # in tests/fixtures/basic


def test_checker_reports_each_unsafe_redirect_at_its_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    escape = f"/../../../../{tmp_path.relative_to('/')}/pwned"
    (content / "chuyen-huong.json").write_text(
        redirect_data(("/tin-cu/a.html", ARTICLE), (escape, ARTICLE), ("/%2e%2e/%2E%2E/b", ARTICLE), ("/c", "../../etc/passwd")),
        encoding="utf-8")
    result, lines = check(content)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    tail = (' — "from" là đường dẫn trên trang cũ (ví dụ `/tin-tuc/bai-cu.html`), "to" là một tệp trong thư mục nội dung'
            " (ví dụ `2022/ten-bai.md`); sửa hoặc bỏ mục này")
    assert lines == [
        f'content/chuyen-huong.json:8: lỗi: mục chuyển hướng bị từ chối: mục thứ 2: địa chỉ cũ "from" {DOTS}{tail}',
        f'content/chuyen-huong.json:12: lỗi: mục chuyển hướng bị từ chối: mục thứ 3: địa chỉ cũ "from" {DOTS}{tail}',
        f'content/chuyen-huong.json:17: lỗi: mục chuyển hướng bị từ chối: mục thứ 4: "to" {DOTS}{tail}',
    ]


def test_build_stops_on_an_unsafe_redirect_and_writes_nothing_outside_output(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    (content / "chuyen-huong.json").write_text(
        redirect_data((f"/../../../../{tmp_path.relative_to('/')}/pwned.html", ARTICLE)), encoding="utf-8")
    with pytest.raises(BuildFailed, match="chuyen-huong.json:4: lỗi: mục chuyển hướng bị từ chối: mục thứ 1") as caught:
        build(content, tmp_path / "output")
    assert "Traceback" not in str(caught.value)
    assert not list(tmp_path.rglob("pwned*"))


def test_import_stops_with_a_message_when_the_existing_redirect_data_is_unsafe(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    data = content / "chuyen-huong.json"
    data.write_text(redirect_data(("/%2e%2e/x", ARTICLE)), encoding="utf-8")
    result = run_import(FIXTURES / "import_sources" / "wordpress" / "export.xml", content, tmp_path / "bao-cao.md")
    assert result.returncode == 2
    assert result.stderr == f'{data}:4: mục thứ 1: địa chỉ cũ "from" {DOTS}\n'
    assert snapshot(content) == snapshot(FIXTURES / "basic") | {"chuyen-huong.json": hashlib.sha256(data.read_bytes()).hexdigest()}


def test_importing_the_hostile_export_again_changes_nothing(wordpress):
    root, content = wordpress["root"], wordpress["content"]
    before = snapshot(content)
    again = run_import(root / "export.xml", content, root / "lan-hai" / "bao-cao.md", "--uploads", str(root / "uploads"))
    assert snapshot(content) == before
    assert again.stdout.startswith("Đã nhập 0 bài (0 bản nháp), 6 đã có, bỏ qua 1.")
    shutil.rmtree(root / "lan-hai")


def test_a_year_folder_linked_out_of_the_content_stops_the_import_with_a_message(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (content / "2022").rename(tmp_path / "old-2022")
    (content / "2022").symlink_to(elsewhere, target_is_directory=True)
    sources = FIXTURES / "import_sources" / "wordpress"
    result = run_import(sources / "export.xml", content, tmp_path / "bao-cao.md", "--uploads", str(sources / "uploads"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{content}/2022/") and result.stderr.endswith(f".md nằm ngoài thư mục {content}\n")
    assert list(elsewhere.iterdir()) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="/.%2eEfF5cC\\a?\n\x00", max_size=24))
def test_an_old_address_the_data_accepts_names_a_file_inside_the_output_folder(tail):
    old = "/" + tail
    try:
        [redirect] = rules.loads(redirect_data((old, "2022/a.md")))
    except rules.UnsafeRedirect:
        return
    written = posixpath.normpath(rules.page_file(redirect.path))
    # Inside the folder: no `..` part (a name such as `..2` is an ordinary file name), no absolute path.
    assert ".." not in written.split("/") and not written.startswith("/")
    assert "\\" not in written and "\n" not in written and "\x00" not in written
