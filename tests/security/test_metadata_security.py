"""Issue 20, metadata and links: hostile values in an article's metadata and body. `make check` and the
build stop with a Vietnamese message at the file's line (no traceback) for a `Url:`/`Save_as:`/
`Template:`/`Lang:` that would leave the site or the output folder, an `Image:` outside the content
folder and control characters; a video embed is kept only on the allow-list's normalised path; very
long tags, authors and categories build, two of them never merged. Each fixture is written into
tmp_path; search is off."""

import shutil
import subprocess
import sys

import pytest
from PIL import Image as PillowImage

from conftest import ROOT, build, run_pelican

NO_SEARCH = {"SEARCH_ENABLED": False}
HEAD = "Title: Bài {number}\nDate: 2022-05-{day:02d} 10:00\nCategory: Tin hoạt động\n"
LINE = 4  # the hostile key's line: after Title, Date and Category


def article(folder, name, number, extra="", body="Nội dung bài."):
    text = HEAD.format(number=number, day=number % 28 + 1) + extra + "\n" + body + "\n"
    (folder / "2022").mkdir(parents=True, exist_ok=True)
    (folder / "2022" / f"{name}.md").write_text(text, encoding="utf-8")


def check(content):
    """`make check`: (exit status, output lines, whole output)."""
    result = subprocess.run(
        [sys.executable, "-m", "trangtin.content_checks", str(content), "-s", str(ROOT / "pelicanconf.py")],
        capture_output=True, text=True, cwd=content.parent, env={"PATH": "/usr/bin:/bin"},
    )
    return result.returncode, result.stdout.splitlines(), result.stdout + result.stderr


# --- links and output paths from metadata ------------------------------------------------------

SCHEME = "bắt đầu bằng giao thức `{}:`"
NETWORK = "bắt đầu bằng `//` (dẫn sang trang web khác)"
ABSOLUTE = "bắt đầu bằng `/`"
BACKSLASH = "có dấu `\\`"
PARENT = "có đoạn `..` (ra ngoài thư mục)"
CONTROL = "có ký tự điều khiển"

ADDRESS_CASES = [
    ("Url", "javascript:alert(1)", SCHEME.format("javascript")),
    ("Url", "JaVaScRiPt:alert(document.cookie)", SCHEME.format("JaVaScRiPt")),
    ("Url", "java&#x09;script:alert(1)", SCHEME.format("javascript")),
    ("Url", "&#106;avascript:alert(1)", SCHEME.format("javascript")),
    ("Url", "data:text/html,<script>alert(1)</script>", SCHEME.format("data")),
    ("Url", "https://evil.example/phish", SCHEME.format("https")),
    ("Url", "//evil.example/phish", NETWORK),
    ("Url", "%2F%2Fevil.example/phish", NETWORK),
    ("Url", "/\\evil.example/phish", BACKSLASH),
    ("Url", "\\\\evil.example\\phish", BACKSLASH),
    ("Url", "/2022/bai.html", ABSOLUTE),
    ("Url", "2022/../../../etc/passwd", PARENT),
    ("Url", "2022/%2e%2e/%2E%2E/x.html", PARENT),
    ("Url", "2022/%252e%252e/x.html", PARENT),
    ("Url", "\x01javascript:alert(1)", CONTROL),
    ("Save_as", "../../ngoai-output.html", PARENT),
    ("Save_as", "/tmp/ngoai-output.html", ABSOLUTE),
    ("Save_as", "2022/..%2f..%2fngoai.html", PARENT),
    ("Template", "../../../../etc/passwd", PARENT),
    ("Lang", "../../x", PARENT),
]


def unsafe_address(name, key, value, reason):
    return (
        f"content/2022/{name}.md:{LINE}: lỗi: `{key}: {value}` {reason}, không dùng được làm địa chỉ hay tên tệp của"
        f" trang — {key} chỉ được là đường dẫn bên trong trang, ví dụ `2022/ten-bai.html` (không có `http:`,"
        " `javascript:`, `//`, `\\`, `..`, không bắt đầu bằng `/`); muốn dẫn sang trang khác, đặt liên kết trong"
        " nội dung bài"
    )


# --- Image: ---------------------------------------------------------------------------------------

SECRET = "bi-mat.jpg"  # a real photo beside the content folder: never read, never published

COVER_CASES = [
    ("Image", f"../{SECRET}", PARENT),
    ("Image", f"{{static}}/../{SECRET}", PARENT),
    ("Image", f"{{static}}/images/%2e%2e/%2E%2E/{SECRET}", PARENT),
    ("Image", f"/images/../../{SECRET}", PARENT),
    ("Image", "%2Fetc%2Fpasswd", ABSOLUTE),
    ("Image", f"file:///tmp/{SECRET}", SCHEME.format("file")),
    ("Image", f"images\\..\\..\\{SECRET}", BACKSLASH),
    ("Image", "//evil.example/a.jpg", NETWORK),
    ("Image", "javascript:alert(1)", SCHEME.format("javascript")),
    ("Ảnh", f"../{SECRET}", PARENT),
]


def unsafe_cover(name, key, value, reason):
    return (
        f"content/2022/{name}.md:{LINE}: lỗi: ảnh đại diện `{key}: {value}` {reason}, trang không đọc tệp này —"
        " Image phải là một ảnh trong thư mục nội dung, ví dụ `{static}/images/2022/anh.jpg`, hoặc địa chỉ"
        " `https://…` của ảnh trên trang khác"
    )


# --- control characters -------------------------------------------------------------------------

CONTROL_CASES = [
    ("\x0b", "U+000B", "ngắt dòng mềm của Word, Shift+Enter"),
    ("\x00", "U+0000", "NUL, ký tự rỗng"),
    ("\x1b", "U+001B", "ESC"),
    ("\x0c", "U+000C", "ngắt trang của Word"),
    ("\x07", "U+0007", "BEL"),
    ("\x7f", "U+007F", "DEL"),
    ("\x85", "U+0085", "ký tự điều khiển C1"),
    ("\ufffe", "U+FFFE", "không phải ký tự"),
]
BODY_LINE = 5  # after the three keys and the blank line


def control_message(name, char, label, column=8, line=BODY_LINE):
    return (
        f"content/2022/{name}.md:{line}: lỗi: ký tự điều khiển {char} ({label}) ở cột {column} không hiện ra"
        " được và làm hỏng bản tin RSS/Atom của trang — xóa ký tự này (thường do chép từ Word: gõ lại dấu xuống"
        " dòng hoặc dấu cách ở chỗ đó)"
    )


def control_content(root):
    content = root / "content"
    for number, (character, code, _label) in enumerate(CONTROL_CASES, 1):
        article(content, f"ky-tu-{code[2:].lower()}", number, body=f"Dòng có{character}ký tự lạ.")
    return content


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One content folder holding every hostile case, one file each, and one valid article using
    Url, Save_as and Image as they are meant."""
    root = tmp_path_factory.mktemp("hostile-metadata")
    content = root / "content"
    PillowImage.new("RGB", (640, 480), "red").save(root / SECRET)
    (content / "images").mkdir(parents=True)
    PillowImage.new("RGB", (640, 480), "blue").save(content / "images" / "anh.jpg")
    number = 0
    for cases, prefix in ((ADDRESS_CASES, "dia-chi"), (COVER_CASES, "anh")):
        for index, (key, value, _reason) in enumerate(cases, 1):
            number += 1
            article(content, f"{prefix}-{index}", number, f"{key}: {value}\n")
    article(content, "hop-le", 60, "Url: 2022/bai-rieng.html\nSave_as: 2022/bai-rieng.html\nImage: {static}/images/anh.jpg\n")
    article(content, "anh-ngoai", 61, "Image: https://anh.example.vn/a.jpg\n")
    return content


def expected_lines():
    lines = [unsafe_address(f"dia-chi-{index}", *case) for index, case in enumerate(ADDRESS_CASES, 1)]
    lines += [unsafe_cover(f"anh-{index}", *case) for index, case in enumerate(COVER_CASES, 1)]
    return lines


def test_check_names_each_unsafe_address_and_cover_at_its_line_when_metadata_is_hostile(hostile):
    status, lines, _output = check(hostile)
    assert status == 1
    errors = [line for line in lines if ": lỗi: " in line and "ký tự điều khiển U+" not in line]
    assert sorted(errors) == sorted(expected_lines())
    # The value with a control character also gets the control character's own message.
    assert control_message("dia-chi-15", "U+0001", "SOH", column=6, line=LINE) in lines
    assert not [line for line in lines if "hop-le.md" in line or "anh-ngoai.md" in line]


def test_build_stops_with_the_same_messages_and_no_traceback_when_metadata_is_hostile(hostile, tmp_path):
    output = tmp_path / "output"
    result = run_pelican(hostile, output, NO_SEARCH, fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    for line in expected_lines():
        assert line.split(": lỗi: ", 1)[1] in log
    assert not (output / "ngoai-output.html").exists() and not (tmp_path / "ngoai-output.html").exists()


def test_build_never_reads_a_cover_outside_the_content_folder_when_the_checks_are_off(tmp_path):
    """What a value that got past the checker would do: nothing outside the content folder is read,
    processed or published."""
    content = tmp_path / "content"
    PillowImage.new("RGB", (700, 500), "red").save(tmp_path / SECRET)
    secret = (tmp_path / SECRET).read_bytes()
    for index, (key, value, _reason) in enumerate(COVER_CASES[:4], 1):
        article(content, f"anh-{index}", index, f"{key}: {value}\n")
    article(content, "anh-tuyet-doi", 9, f"Image: {'%2F'.join(str(tmp_path / SECRET).split('/'))}\n")
    site = build(content, tmp_path / "output", {**NO_SEARCH, "CONTENT_CHECKS_ENABLED": False}, fatal=None)
    for file in site.output.rglob("*"):
        if file.is_file():
            assert SECRET not in file.name and "bi-mat" not in file.name
            assert secret not in file.read_bytes(), f"{file} holds the secret photo"
    page = site.text("2022/05/bai-1.html")
    assert "bi-mat" not in page and "..%2F" not in page


# --- control characters -------------------------------------------------------------------------


def test_check_names_each_control_character_at_its_line_and_column(tmp_path):
    content = control_content(tmp_path)
    status, lines, _output = check(content)
    assert status == 1
    errors = [line for line in lines if ": lỗi: " in line]
    assert sorted(errors) == sorted(control_message(f"ky-tu-{code[2:].lower()}", code, label)
                                    for _character, code, label in CONTROL_CASES)


def test_make_html_ends_with_the_message_not_an_xml_traceback_when_a_body_holds_a_soft_line_break(tmp_path):
    content = tmp_path / "content"
    article(content, "ngat-dong", 1, body="Dòng có\x0bký tự lạ.")
    output = tmp_path / "output"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "incremental_build.py"), str(content), str(output),
         "-s", str(ROOT / "pelicanconf.py"), "-e", "SEARCH_ENABLED=false"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log and "XML" not in log
    assert control_message("ngat-dong", "U+000B", "ngắt dòng mềm của Word, Shift+Enter").split(": lỗi: ", 1)[1] in log
    assert "content/2022/ngat-dong.md:5:" in log or f"{content}/2022/ngat-dong.md:5:" in log
    assert not (output / "index.html").exists()


# --- long tag, author and category names --------------------------------------------------------

LONG_TAG = "thanh niên tình nguyện " * 14  # 322 characters
LONG_AUTHOR = "Ban Tuyên giáo Đoàn Khối " * 13  # 325 characters
LONG_CATEGORY = "Hoạt động của các chi đoàn cơ sở " * 10  # 330 characters


@pytest.fixture(scope="module")
def long_names(tmp_path_factory):
    root = tmp_path_factory.mktemp("long-names")
    content = root / "content"
    article(content, "the-dai-mot", 1, f"Tags: {LONG_TAG}một\nAuthor: {LONG_AUTHOR}\n", "Bài có thẻ dài thứ nhất.")
    article(content, "the-dai-hai", 2, f"Tags: {LONG_TAG}hai\nAuthor: {LONG_AUTHOR}\n", "Bài có thẻ dài thứ hai.")
    (content / "2022" / "chuyen-muc-dai.md").write_text(
        f"Title: Bài 3\nDate: 2022-05-04 10:00\nCategory: {LONG_CATEGORY}\n\nBài trong chuyên mục dài.\n", encoding="utf-8")
    return build(content, root / "output", NO_SEARCH, fatal="errors")


def tag_link(site, url):
    links = site.page(url).select('a[href*="/the/"]')
    return next(site.resolve(url, a["href"]) for a in links if a.get_text(strip=True).startswith("thanh niên"))


def test_long_tags_and_authors_build_with_capped_addresses_when_names_exceed_the_file_name_limit(long_names):
    first, second = tag_link(long_names, "2022/05/bai-1.html"), tag_link(long_names, "2022/05/bai-2.html")
    for address in (first, second):
        assert long_names.exists(address)
        assert len(address.strip("/").split("/")[-1]) <= 80
    author = next(a["href"] for a in long_names.page("tac-gia/").select('main a[href*="tac-gia/"]')
                  if a.get_text(strip=True).startswith("Ban Tuyên giáo"))
    author_page = long_names.resolve("tac-gia/", author)
    assert long_names.exists(author_page)
    assert len(author_page.strip("/").split("/")[-1]) <= 80
    assert {h.get_text(strip=True) for h in long_names.page(author_page).select("main a")} >= {"Bài 1", "Bài 2"}


def test_long_category_builds_with_a_capped_address_when_its_name_exceeds_the_file_name_limit(long_names):
    link = next(a["href"] for a in long_names.page("2022/05/bai-3.html").select('a[href*="chuyen-muc/"]')
                if a.get_text(strip=True).startswith("Hoạt động của các chi đoàn"))
    address = long_names.resolve("2022/05/bai-3.html", link)
    assert long_names.exists(address)
    assert len(address.strip("/").split("/")[-1]) <= 80
    assert "Bài 3" in {a.get_text(strip=True) for a in long_names.page(address).select("main a")}


def test_two_long_tags_that_differ_after_the_cut_keep_two_pages_when_capped(long_names):
    first, second = tag_link(long_names, "2022/05/bai-1.html"), tag_link(long_names, "2022/05/bai-2.html")
    assert first != second
    first_titles = {a.get_text(strip=True) for a in long_names.page(first).select("main a")}
    second_titles = {a.get_text(strip=True) for a in long_names.page(second).select("main a")}
    assert "Bài 1" in first_titles and "Bài 2" not in first_titles
    assert "Bài 2" in second_titles and "Bài 1" not in second_titles


# --- video embeds -------------------------------------------------------------------------------

ALLOWED = "https://www.youtube.com/embed/abc123"
REFUSED = [
    "https://www.youtube.com/embed/../../redirect?q=https://evil.example/",
    "https://www.youtube.com/embed/%2e%2e/%2e%2e/redirect?q=x",
    "https://www.youtube.com/embed/.%2E/redirect?q=x",
    "https://www.youtube.com/embed//evil.example/x",
    "https://www.youtube.com/embed\\..\\redirect?q=x",
    "https://evil.example@www.youtube.com/embed/x",
    "https://www.youtube.com:8443/embed/x",
    "https://www.youtube.com/EMBED/../redirect",
    "https://www.youtube.com/embed/&#46;&#46;/redirect?q=x",
    "https://www.youtube.com./embed/x",
    "https://www.facebook.com/plugins/video.php.evil/x",
]


def iframe_message(line, src):
    return (
        f"content/2022/video.md:{line}: cảnh báo: khung nhúng `<iframe>` từ `{src}` không thuộc danh sách được phép"
        " (YouTube, Facebook video), sẽ bị xóa khỏi trang — dùng mã nhúng của YouTube/Facebook, hoặc đặt liên kết"
        " thường tới trang đó"
    )


def test_iframes_off_the_normalised_allow_list_are_named_and_removed_when_paths_play_tricks(tmp_path):
    content = tmp_path / "content"
    frames = [ALLOWED, *REFUSED]
    body = "\n\n".join(f'<iframe src="{src}"></iframe>' for src in frames)
    article(content, "video", 1, body=body)
    _status, lines, _output = check(content)
    # The body starts on line 5, one frame every other line.
    assert [line for line in lines if "<iframe>" in line] == [
        iframe_message(5 + 2 * index, src) for index, src in enumerate(frames) if src != ALLOWED
    ]
    site = build(content, tmp_path / "output", NO_SEARCH, fatal="errors")
    kept = [frame["src"] for frame in site.page("2022/05/bai-1.html").find_all("iframe")]
    assert kept == [ALLOWED]
