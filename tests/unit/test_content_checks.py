"""The content checks (plugins/content_checks): one fixture folder per kind of bad input, each
asserting the exact message, file and line; the legacy-encoding detectors; and a property test
that the checker never crashes, whatever an editor writes."""

import string
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

from trangtin.content_checks import checks  # noqa: E402
from trangtin.content_checks.__main__ import main as cli_main  # noqa: E402
from trangtin.content_checks.__main__ import register_plugins  # noqa: E402
from trangtin.content_checks.plugin import config_from_settings, discover_folder  # noqa: E402
from legacy_text import encode_cp1258, encode_tcvn3, encode_vni  # noqa: E402
from trangtin.vn_core.legacy_encodings import guess_legacy_encoding  # noqa: E402
from trangtin.content_checks.scan import run_checks  # noqa: E402
from trangtin.vn_core.front_matter import parse_block  # noqa: E402

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(scope="module")
def site_settings():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    # The build's readers (vn_news: Markdown in any letter case, no HTML reader), as the CLI does.
    register_plugins(settings)
    return settings


@pytest.fixture(scope="module")
def config(site_settings):
    return config_from_settings(site_settings, now=NOW)


def pelican_discovery(folder, settings=None):
    """What Pelican's own generator finds in a fixture folder (the build's discovery)."""
    root = FIXTURES / folder
    settings = settings or read_settings(str(ROOT / "pelicanconf.py"))
    return discover_folder(root, dict(settings, PATH=str(root)))


def report(folder, config, lang="vi", settings=None):
    problems, _files = run_checks(FIXTURES / folder, config, pelican_discovery(folder, settings))
    return [checks.format_problem(problem, lang) for problem in problems]


CATEGORIES = "Tin hoạt động, Công tác Đoàn, Thanh niên tình nguyện, Tuổi trẻ sáng tạo, Văn hóa - Thể thao"
KEYS = "Title, Date, Modified, Category, Tags, Author, Authors, Summary, Views, Image, Status, Slug, Lang, Template, Save_as, Url, Featured, Legacy-URL, Word-SHA256"  # the last two: CONTENT_CHECKS_EXTRA_KEYS (make import)
FORMS = "ngày/tháng/năm giờ:phút, ví dụ `19/6/2022 22:02`; hoặc `2022-06-19 22:02`"

EXPECTED = {
    "checks_missing_title": [
        "2022/khong-tieu-de.md:1: lỗi: thiếu Title (tiêu đề) — thêm dòng `Title: Tiêu đề bài` ở đầu tệp",
    ],
    "checks_missing_date": [
        "2022/khong-ngay.md:1: lỗi: thiếu Date (ngày đăng) — thêm dòng `Date: 19/6/2022 22:02` "
        "(ngày/tháng/năm giờ:phút) ở đầu tệp",
    ],
    "checks_missing_category": [
        f"2022/khong-chuyen-muc.md:1: lỗi: thiếu Category (chuyên mục) — thêm dòng `Category: ...` với một trong: {CATEGORIES}",
    ],
    "checks_bad_date": [
        f"2022/ngay-sai.md:2: lỗi: không đọc được ngày `19 tháng 6 năm 2022` ở Date — viết theo dạng {FORMS}",
    ],
    # Issue 8: d/M/yyyy is read day first, as Vietnamese write it (it used to be refused as ambiguous).
    "checks_ambiguous_date": [],
    "checks_misspelt_key": [
        "2022/sai-khoa.md:3: lỗi: khóa `Catgory` không có trong danh sách, có phải là `Category`? — "
        "sửa thành `Category:`, nếu không thông tin này bị bỏ qua",
    ],
    "checks_unknown_key": [
        "2022/khoa-la.md:5: cảnh báo: khóa `Nguon` không được trang sử dụng, thông tin này sẽ không hiện ra — "
        f"dùng một trong: {KEYS}",
    ],
    "checks_bad_views": [
        "2022/luot-xem.md:5: lỗi: Views `1,5 nghìn` không phải số nguyên — viết số lượt xem là số nguyên, "
        "ví dụ `1234` hoặc `1.234`",
    ],
    "checks_bad_status": [
        "2022/trang-thai.md:5: lỗi: Status `Nháp` không hợp lệ — dùng `published` (đăng), `draft` (bản nháp) "
        "hoặc `hidden` (ẩn); có phải là `draft`?",
    ],
    "checks_category_typo": [
        "2022/chuyen-muc-go-sai.md:3: lỗi: chuyên mục `Cong tac doan` gần giống chuyên mục `Công tác Đoàn` đã có, "
        "chắc là gõ nhầm — sửa thành `Category: Công tác Đoàn`; nếu đúng là chuyên mục mới, "
        "thêm nó vào NEWS_CATEGORIES trong pelicanconf.py",
    ],
    "checks_category_new": [
        "2022/chuyen-muc-moi.md:3: ghi chú: chuyên mục mới `Gương sáng` (không có trong NEWS_CATEGORIES) — "
        "nếu cố ý mở chuyên mục mới, thêm nó vào NEWS_CATEGORIES trong pelicanconf.py",
    ],
    "checks_same_url": [
        "2022/hoi-nghi-b.md:1: lỗi: bài này và 2022/hoi-nghi-a.md cùng được ghi ra địa chỉ "
        "`2022/06/hoi-nghi-so-ket-cong-tac-doan.html`, bài sau sẽ đè mất bài trước — đặt `Slug:` khác nhau "
        "cho hai bài (hoặc đổi tiêu đề)",
    ],
    "checks_same_slug": [
        "2023/so-ket-2023.md:1: cảnh báo: bài này có cùng slug `hoi-nghi-so-ket-cong-tac-doan` (phần cuối địa chỉ) "
        "với bài đã có 2022/so-ket-2022.md: hai bài vẫn được đăng, mỗi bài ở địa chỉ riêng theo tháng đăng, nhưng "
        "Pelican báo trùng ở mỗi lần dựng và nếu hai bài cùng tháng thì bài này sẽ đè bài kia — thêm dòng "
        "`Slug: hoi-nghi-so-ket-cong-tac-doan-2023` (hoặc một slug riêng khác) vào bài này, bài mới hơn; "
        "đừng sửa bài cũ để địa chỉ đã đăng giữ nguyên",
    ],
    "checks_missing_image": [
        "2022/anh-thieu.md:8: lỗi: ảnh `{static}/images/2022/hoi-nghi.jpg` trỏ tới tệp không có: "
        "images/2022/hoi-nghi.jpg — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đó",
    ],
    "checks_missing_link": [
        "2022/lien-ket-hong.md:6: lỗi: liên kết `{filename}/2021/bai-truoc.md` trỏ tới tệp không có: "
        "2021/bai-truoc.md — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đó",
    ],
    "checks_missing_cover": [
        "2022/anh-dai-dien.md:5: lỗi: ảnh đại diện (Image) `images/2022/bia.jpg` trỏ tới tệp không có: "
        "images/2022/bia.jpg — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đó",
    ],
    "checks_missing_alt": [
        "2022/thieu-mo-ta.md:8: cảnh báo: ảnh `{static}/images/2022/hoi-nghi.svg` chưa có mô tả (alt) cho "
        "người khiếm thị — viết mô tả trong ngoặc vuông: `![Mô tả ảnh]({static}/images/2022/hoi-nghi.svg)`",
    ],
    "checks_legacy_encoding": [
        "2022/bai-vni.md:1: lỗi: tệp không phải UTF-8 (có vẻ là bảng mã VNI) — mở tệp và lưu lại với bảng mã "
        "Unicode UTF-8 (Unikey: Công cụ chuyển mã, đích Unicode)",
    ],
    "checks_nfd": [
        "2022/to-hop.md:6: cảnh báo: chữ tổ hợp (Unicode NFD) từ dòng này (1 dòng) — trang sẽ tự chuyển sang "
        "dạng dựng sẵn (NFC), nhưng nên lưu lại tệp bằng Unicode dựng sẵn",
    ],
    "checks_empty_body": [
        "2022/trong.md:6: lỗi: bài không có nội dung — viết nội dung bên dưới phần thông tin, cách một dòng trống",
    ],
    "checks_future_date": [
        "2099/hen-gio.md:2: cảnh báo: ngày đăng 2099-01-01 08:00 ở tương lai — bài chỉ lên trang từ lần build "
        "đầu tiên sau thời điểm đó (đến lúc ấy là bản nháp); nếu không định hẹn giờ, sửa lại Date",
    ],
    "checks_valid": [],
    # Issue 9: each class of mistake editors really make.
    "checks_upper_extension": [
    ],
    "checks_txt_file": [
        '2022/bai-viet.md.txt:1: lỗi: tệp `.txt` không được đăng (trang chỉ đọc tệp Markdown `.md`) — đổi tên thành `bai-viet.md` (trên Windows, bật hiện phần mở rộng tệp để thấy đuôi `.txt`)',
        '2022/ghi-chu.txt:1: lỗi: tệp `.txt` không được đăng (trang chỉ đọc tệp Markdown `.md`) — đổi tên thành `ghi-chu.md` (trên Windows, bật hiện phần mở rộng tệp để thấy đuôi `.txt`)',
    ],
    "checks_word_html": [
        '2022/bai-word.htm:1: lỗi: tệp HTML (ví dụ Word "Lưu dạng trang Web") không được đọc như bài viết và không được đăng — chép chữ vào một tệp `.md` mới, rồi xóa tệp này',
        '2022/trang-web.html:1: lỗi: tệp HTML (ví dụ Word "Lưu dạng trang Web") không được đọc như bài viết và không được đăng — chép chữ vào một tệp `.md` mới, rồi xóa tệp này',
    ],
    "checks_rst_file": [
        '2022/bai.rst:1: lỗi: tệp reStructuredText (`.rst`) không được đọc, trang chỉ nhận Markdown — viết lại thành tệp `.md`',
    ],
    "checks_documents": [
        '2022/bang-diem.xlsx:1: cảnh báo: tệp `bang-diem.xlsx` nằm cạnh bài viết nên không được đăng — muốn cho tải về thì chuyển vào thư mục `tai-lieu/` và dẫn link `[bang-diem.xlsx]({static}/tai-lieu/bang-diem.xlsx)`; muốn đăng nội dung thì lưu thành tệp `.md`',
        '2022/bao-cao.pdf:1: cảnh báo: tệp `bao-cao.pdf` nằm cạnh bài viết nên không được đăng — muốn cho tải về thì chuyển vào thư mục `tai-lieu/` và dẫn link `[bao-cao.pdf]({static}/tai-lieu/bao-cao.pdf)`; muốn đăng nội dung thì lưu thành tệp `.md`',
        '2022/ke-hoach.docx:1: cảnh báo: tệp `ke-hoach.docx` nằm cạnh bài viết nên không được đăng — muốn cho tải về thì chuyển vào thư mục `tai-lieu/` và dẫn link `[ke-hoach.docx]({static}/tai-lieu/ke-hoach.docx)`; muốn đăng nội dung thì lưu thành tệp `.md`',
        '2022/van-ban-cu.doc:1: cảnh báo: tệp `van-ban-cu.doc` nằm cạnh bài viết nên không được đăng — muốn cho tải về thì chuyển vào thư mục `tai-lieu/` và dẫn link `[van-ban-cu.doc]({static}/tai-lieu/van-ban-cu.doc)`; muốn đăng nội dung thì lưu thành tệp `.md`',
    ],
    "checks_markdown_in_images": [
        'images/2022/ghi-chu.md:1: cảnh báo: tệp Markdown trong thư mục `images/` chỉ bị chép nguyên, không thành bài — chuyển nó sang thư mục năm, ví dụ `2022/`',
    ],
    "checks_news_in_pages": [
        'pages/tin-nham-cho.md:1: cảnh báo: tệp có Date và Category là một bản tin, nhưng nằm trong `pages/` nên sẽ thành trang trong menu — chuyển nó sang thư mục năm, ví dụ `2022/`',
    ],
    "checks_tags_space": [
    ],
    "checks_vietnamese_keys": [
    ],
    "checks_not_key_value": [
        '2022/thieu-dong-trong.md:5: lỗi: dòng `được xuống dòng mà không thụt vào.` trong phần thông tin không có dạng `Khóa: giá trị` — nếu là phần tiếp của dòng trên, thụt vào 4 dấu cách; nếu là nội dung bài, thêm một dòng trống phía trên nó',
    ],
    "checks_yaml": [
    ],
    "checks_duplicate_key": [
        '2022/hai-lan.md:5: lỗi: khóa `Title` có hai lần (dòng 1 và dòng này), trang chỉ dùng dòng 1 — xóa một trong hai dòng',
        '2022/hai-lan.md:6: lỗi: khóa `Views` có hai lần (dòng 4 và dòng này), trang chỉ dùng dòng 4 — xóa một trong hai dòng',
    ],
    "checks_half_day_time": [
    ],
    "checks_two_digit_year": [
        '2022/nam-ngan.md:2: lỗi: năm trong ngày `5/6/22` ở Date chỉ có hai chữ số — viết đủ bốn chữ số, ví dụ `19/6/2022` hoặc `2022-06-19`',
    ],
    "checks_year_range": [
        '2022/nam-0022.md:2: lỗi: năm trong ngày `0022-06-19` ở Date nằm ngoài khoảng 1990–2100, chắc là gõ nhầm — sửa lại năm, ví dụ `2022-06-19`',
        '2022/nam-1899.md:2: lỗi: năm trong ngày `1899-06-19 08:00` ở Date nằm ngoài khoảng 1990–2100, chắc là gõ nhầm — sửa lại năm, ví dụ `2022-06-19`',
        '2022/nam-2202.md:2: lỗi: năm trong ngày `19/6/2202` ở Date nằm ngoài khoảng 1990–2100, chắc là gõ nhầm — sửa lại năm, ví dụ `2022-06-19`',
    ],
    "checks_long_title": [
    ],
    "checks_no_letters_title": [
        '2022/bieu-tuong.md:1: lỗi: không tạo được địa chỉ bài (slug) từ `🎉🎉🎉 !!!` vì không có chữ hay số nào — thêm dòng `Slug: ten-bai-viet` (chữ không dấu, nối bằng dấu `-`)',
    ],
    "checks_explicit_slug": [
        '2022/slug-tu-dat.md:4: cảnh báo: Slug `Hội nghị/Tổng Kết 2022` có dấu cách, dấu `/`, chữ hoa hoặc chữ có dấu; trang dùng địa chỉ `hoi-nghi-tong-ket-2022` — nếu muốn khác, viết `Slug: hoi-nghi-tong-ket-2022` theo ý mình (chữ không dấu, nối bằng `-`)',
    ],
    "checks_missing_image_names": [
        '2022/anh-ten-la.md:5: lỗi: ảnh `{static}/images/2022/ảnh hội nghị.jpg` trỏ tới tệp không có: images/2022/ảnh hội nghị.jpg — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đó',
        '2022/anh-ten-la.md:7: lỗi: ảnh `{static}/images/2022/lễ-ra-quân.jpg` trỏ tới tệp không có: images/2022/lễ-ra-quân.jpg — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đó',
    ],
    "checks_nfd_image_name": [
        '2022/anh-mac.md:5: lỗi: tên tệp `images/2022/đoàn-viên.svg` được lưu bằng Unicode tổ hợp (NFD, như máy Mac lưu) nên không khớp với `{static}/images/2022/đoàn-viên.svg` trong bài — đổi tên tệp: xóa tên cũ và gõ lại tên trên máy Windows hoặc Linux',
    ],
    "checks_cover_outside_static": [
        '2022/bia-sai-cho.md:4: lỗi: ảnh đại diện `{static}/2022/bia.svg` nằm ngoài các thư mục tĩnh (images/, tai-lieu/) nên không được chép lên trang — chuyển ảnh vào images/ và sửa lại Image',
        '2022/bia.svg:1: cảnh báo: ảnh nằm ngoài các thư mục tĩnh (images/, tai-lieu/) nên không được chép lên trang — chuyển ảnh vào images/<năm>/ và dẫn bằng `{static}`',
    ],
    "checks_iframe": [
        '2022/video.md:11: cảnh báo: khung nhúng `<iframe>` từ `https://quang-cao.example/banner` không thuộc danh sách được phép (YouTube, Facebook video), sẽ bị xóa khỏi trang — dùng mã nhúng của YouTube/Facebook, hoặc đặt liên kết thường tới trang đó',
    ],
    "checks_unclosed_comment": [
        '2022/ghi-chu-rieng.md:7: lỗi: chú thích `<!--` mở ở dòng này nhưng không có `-->` đóng lại — thêm `-->` ở cuối phần ghi chú, nếu không ghi chú có thể hiện lên trang',
    ],
    "checks_same_slug_newer": [
        '2022/a-bai-moi.md:1: cảnh báo: bài này có cùng slug `hoi-nghi-so-ket` (phần cuối địa chỉ) với bài đã có 2022/z-bai-cu.md: hai bài vẫn được đăng, mỗi bài ở địa chỉ riêng theo tháng đăng, nhưng Pelican báo trùng ở mỗi lần dựng và nếu hai bài cùng tháng thì bài này sẽ đè bài kia — thêm dòng `Slug: hoi-nghi-so-ket-2023` (hoặc một slug riêng khác) vào bài này, bài mới hơn; đừng sửa bài cũ để địa chỉ đã đăng giữ nguyên',
    ],

    # Outside ARTICLE_PATHS with the project settings (ARTICLE_PATHS = [""]) everything is an article;
    # test_a_notes_file_outside_article_paths_is_only_noted checks it with narrower paths.
    # issue 23: each message names the real cause and a fix that works when followed literally.
    "checks_impossible_date": [
        '2022/ngay-iso-khong-co.md:2: lỗi: ngày `2022-04-31 08:00` ở Date không có thật: tháng 4/2022 chỉ có 30 ngày — sửa lại ngày, viết theo dạng ngày/tháng/năm giờ:phút, ví dụ `19/6/2022 22:02`; hoặc `2022-06-19 22:02`',
        '2022/ngay-khong-co.md:2: lỗi: ngày `31/02/2022 08:00` ở Date không có thật: tháng 2/2022 chỉ có 28 ngày — sửa lại ngày, viết theo dạng ngày/tháng/năm giờ:phút, ví dụ `19/6/2022 22:02`; hoặc `2022-06-19 22:02`',
    ],
    "checks_blank_in_metadata": [
        '2022/dong-trong.md:2: lỗi: dòng trống này kết thúc phần thông tin, nên các dòng bên dưới (`Date:`, `Category:`) bị đọc thành nội dung bài — xóa dòng trống này: các dòng `Khóa: giá trị` phải liền nhau, chỉ một dòng trống ngăn chúng với nội dung',
    ],
    "checks_copied_slug": [
        '2022/ra-quan-tinh-nguyen.md:4: lỗi: bài này và 2022/hoi-nghi-thang-6.md cùng được ghi ra địa chỉ `2022/06/hoi-nghi-thang-6.html` vì dòng `Slug: hoi-nghi-thang-6` này giống bài kia (có lẽ chép từ bài cũ), bài sau sẽ đè mất bài trước — sửa dòng `Slug:` này thành một slug khác, hoặc xóa dòng để địa chỉ lấy theo tiêu đề',
    ],
    "checks_product_page": [
        'pages/khong-tim-thay.md:2: lỗi: trang này được ghi ra `404.html`, trùng với trang báo lỗi 404 (không tìm thấy trang) của trang web, nên sẽ đè mất trang đó — xóa dòng `Save_as:` / `Url:` này, hoặc đặt một địa chỉ khác',
        'pages/tim-kiem.md:3: lỗi: trang này được ghi ra `tim-kiem/index.html`, trùng với trang tìm kiếm của trang web, nên sẽ đè mất trang đó — xóa dòng `Save_as:` / `Url:` này, hoặc đặt một địa chỉ khác',
    ],
    "checks_html_block": [
        '2022/anh-can-giua.md:7: lỗi: ảnh `{static}/images/dai-hoi.jpg` nằm trong khối HTML `<center>`, Markdown bên trong khối HTML không được đọc nên trang sẽ hiện nguyên chữ `![Đại hội Đoàn]({static}/images/dai-hoi.jpg)` — bỏ thẻ `<center>` và `</center>` bao ngoài, hoặc viết `<center markdown="1">`',
    ],
    "checks_plain_file": [
        '2022/bai.md.txt:1: lỗi: tệp `.txt` không được đăng (trang chỉ đọc tệp Markdown `.md`) — đổi tên thành `bai.md` (trên Windows, bật hiện phần mở rộng tệp để thấy đuôi `.txt`)',
        'extra/robots.txt:1: ghi chú: tệp `robots.txt` không được đăng lên trang: không phải bài viết `.md` và không nằm trong thư mục tĩnh (images/, tai-lieu/), đổi tên cũng không đăng được — muốn đăng nguyên tệp (cho tải về), chuyển nó vào tai-lieu/ và dẫn link `{static}/tai-lieu/robots.txt`; nếu chỉ để lưu thì không cần làm gì',
    ],
    "checks_notes_outside_paths": [
        "ghi-chu/y-tuong.md:1: lỗi: thiếu Category (chuyên mục) — thêm dòng `Category: ...` với một trong: "
        f"{CATEGORIES}",
        "ghi-chu/y-tuong.md:1: lỗi: thiếu Date (ngày đăng) — thêm dòng `Date: 19/6/2022 22:02` "
        "(ngày/tháng/năm giờ:phút) ở đầu tệp",
        "ghi-chu/y-tuong.md:1: lỗi: thiếu Title (tiêu đề) — thêm dòng `Title: Tiêu đề bài` ở đầu tệp",
    ],
}


@pytest.mark.parametrize("folder", sorted(EXPECTED))
def test_each_problem_is_reported_once_with_file_line_and_fix_when_the_fixture_has_that_mistake(folder, config):
    assert report(folder, config) == EXPECTED[folder]


def test_every_bad_input_fixture_has_an_expected_report():
    assert {path.name for path in FIXTURES.glob("checks_*")} == set(EXPECTED)


def test_a_notes_file_outside_article_paths_is_only_noted_when_article_paths_are_narrower(site_settings):
    settings = dict(site_settings, ARTICLE_PATHS=["2022"])
    config = config_from_settings(settings, now=NOW)
    assert report("checks_notes_outside_paths", config, settings=settings) == [
        "ghi-chu/y-tuong.md:1: ghi chú: tệp nằm ngoài ARTICLE_PATHS và PAGE_PATHS nên không được đăng — nếu là bài "
        "viết, chuyển vào thư mục năm; nếu là ghi chú riêng thì không cần làm gì",
    ]


def test_messages_are_in_english_when_asked(config):
    assert report("checks_misspelt_key", config, "en") == [
        "2022/sai-khoa.md:3: error: unknown key `Catgory`, did you mean `Category`? — rename it to `Category:`, "
        "otherwise the value is ignored"
    ]
    assert report("checks_same_url", config, "en") == [
        "2022/hoi-nghi-b.md:1: error: this file and 2022/hoi-nghi-a.md would both be written to "
        "`2022/06/hoi-nghi-so-ket-cong-tac-doan.html`, one would overwrite the other — give the two a different "
        "`Slug:` (or change a title)"
    ]


def test_every_message_renders_in_both_languages_when_given_its_params(config):
    for folder in EXPECTED:
        problems, _ = run_checks(FIXTURES / folder, config)
        for problem in problems:
            for lang in ("vi", "en"):
                text = problem.message(lang)
                assert " — " in text and "{" not in text.replace("{static}", "").replace("{filename}", "")


def test_future_date_message_says_published_now_when_future_dates_are_on(site_settings):
    config = config_from_settings(dict(site_settings, WITH_FUTURE_DATES=True), now=NOW)
    assert report("checks_future_date", config) == [
        "2099/hen-gio.md:2: cảnh báo: ngày đăng 2099-01-01 08:00 ở tương lai — bài vẫn được đăng ngay và hiện "
        "ngày tương lai đó; nếu không cố ý, sửa lại Date"
    ]


def test_site_schedules_future_articles_when_built_with_the_project_settings(site_settings):
    # The future-date message promises "published with the first build after that moment".
    assert site_settings["WITH_FUTURE_DATES"] is False


def test_summary_counts_each_severity_when_problems_are_mixed(config):
    problems = []
    for folder in ("checks_bad_views", "checks_nfd", "checks_category_new"):
        problems += run_checks(FIXTURES / folder, config)[0]
    assert checks.format_summary(problems, 3) == (
        "Kiểm tra nội dung: 3 tệp, 1 lỗi, 1 cảnh báo, 1 ghi chú. Sửa các lỗi trên rồi chạy lại."
    )
    assert checks.format_summary([], 5, "en") == "Content checks: 5 files, 0 errors, 0 warnings, 0 notes."


def test_cli_exits_non_zero_and_prints_paths_under_the_folder_when_there_is_an_error(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    status = cli_main(["tests/fixtures/checks_bad_views", "-s", "pelicanconf.py"])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out[0].startswith("tests/fixtures/checks_bad_views/2022/luot-xem.md:5: lỗi: Views `1,5 nghìn`")
    assert out[-1] == "Kiểm tra nội dung: 1 tệp, 1 lỗi, 0 cảnh báo, 0 ghi chú. Sửa các lỗi trên rồi chạy lại."


def test_cli_exits_zero_when_there_are_only_warnings(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert cli_main(["tests/fixtures/checks_nfd", "-s", "pelicanconf.py", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Content checks: 1 files, 0 errors, 1 warnings, 0 notes."


# The reference site's content/ passes the checks too: tests/site/test_reference_site_content.py.


# --- small pure pieces, by table ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("views", "whole"),
    [("0", True), ("152", True), ("1.234", True), ("1.234.567", True), ("1 234", True),
     ("1.5", False), ("1,234", False), ("-3", False), ("12.34", False), ("", False), ("nhiều", False)],
)
def test_views_are_whole_numbers_when_digits_are_grouped_by_three(views, whole):
    assert bool(checks.WHOLE_NUMBER_RE.match(views)) is whole


@pytest.mark.parametrize(
    ("value", "readable"),
    [("2022-06-19 22:02", True), ("2022-06-19", True), ("2022-06-19T22:02:00+07:00", True),
     ("2022-06-19_22:02", True), ("19/6/2022 22:02", True), ("2022-13-45", False), ("hôm qua", False),
     ("9" * 40, False), ("", False)],
)
def test_dates_are_read_as_pelican_reads_them_when_given_each_form(value, readable):
    assert (checks.read_date(value, NOW) is not None) is readable


def test_metadata_lines_are_those_of_python_markdown_when_a_value_continues():
    lines = ["---", "Title: A", "Summary: one", "    two", "Tags: x", "", "Body: not metadata"]
    meta = parse_block(lines)
    assert [(f.written, f.line) for f in meta.fields] == [("Title", 2), ("Summary", 3), ("Tags", 5)]
    assert meta.first("summary").value == "one\ntwo"
    assert meta.body_start == 6


def test_images_in_code_blocks_are_not_checked_when_fenced(config):
    text = "Title: A\nDate: 2022-01-01\nCategory: Tin hoạt động\n\n```\n![](khong-co.png)\n```\n"
    problems, _ = checks.check_file("2022/a.md", text.encode(), set(), config)
    assert problems == []


def test_an_image_without_static_is_reported_when_the_file_exists_at_the_content_root(config):
    text = "Title: A\nDate: 2022-01-01\nCategory: Tin hoạt động\n\n![Ảnh](images/a.png)\n"
    problems, _ = checks.check_file("2022/a.md", text.encode(), {"images/a.png"}, config)
    assert [p.message() for p in problems] == [
        "ảnh `images/a.png` thiếu `{static}`, ảnh sẽ không hiện ở trang bài — viết `{static}/images/a.png`"
    ]


def test_html_images_without_alt_are_reported_when_pasted_into_markdown(config):
    text = 'Title: A\nDate: 2022-01-01\nCategory: Tin hoạt động\n\n<img src="{static}/images/a.png">\n'
    problems, _ = checks.check_file("2022/a.md", text.encode(), {"images/a.png"}, config)
    assert [(p.code, p.line) for p in problems] == [("missing_alt", 5)]


def test_a_misspelt_key_is_not_also_reported_missing_when_it_was_the_required_key(config):
    text = "Titel: A\nDate: 2022-01-01\nCategory: Tin hoạt động\n\nBody\n"
    problems, _ = checks.check_file("2022/a.md", text.encode(), set(), config)
    assert [(p.code, dict(p.params)["suggestion"]) for p in problems] == [("misspelt_key", "Title")]


def test_a_draft_needs_no_date_when_it_is_not_published(config):
    text = "Title: A\nStatus: draft\nCategory: Tin hoạt động\n\nBody\n"
    problems, _ = checks.check_file("2022/a.md", text.encode(), set(), config)
    assert problems == []


def test_pages_need_only_a_title_when_under_pages(config):
    problems, entry = checks.check_file("pages/lien-he.md", "Title: Liên hệ\n\nThư\n".encode(), set(), config)
    assert problems == [] and entry.save_as == "lien-he.html"


def test_slug_is_pelicans_when_the_title_has_d_bar_and_diacritics(config):
    text = "Title: Đoàn Khối: Tuổi trẻ sáng tạo!\nDate: 2022-06-19 22:02\nCategory: Tin hoạt động\n\nBody\n"
    _, entry = checks.check_file("2022/a.md", text.encode(), set(), config)
    assert entry.slug == "doan-khoi-tuoi-tre-sang-tao"
    assert entry.save_as == "2022/06/doan-khoi-tuoi-tre-sang-tao.html"


def test_utf8_with_bom_is_accepted_when_saved_by_notepad(config):
    text = "\ufeffTitle: A\nDate: 2022-01-01\nCategory: Tin hoạt động\n\nBody\n"
    problems, _ = checks.check_file("2022/a.md", text.encode(), set(), config)
    assert problems == []


def test_the_line_of_a_bad_byte_is_reported_when_the_file_is_not_utf8(config):
    data = "Title: A\nDate: 2022-01-01\nCategory: Tin hoạt động\n\n".encode() + b"Caf\xe9\n"
    problems, _ = checks.check_file("2022/a.md", data, set(), config)
    assert [(p.code, p.line) for p in problems] == [("not_utf8", 5)]


# --- legacy encodings ---------------------------------------------------------------------------

SENTENCES = [
    "Những kết quả, hoạt động nổi bật của Đoàn Khối các cơ quan và doanh nghiệp tỉnh",
    "Đoàn viên thanh niên tham gia phòng, chống dịch bệnh Covid-19 trên địa bàn tỉnh Tuyên Quang",
    "Ý tưởng sáng tạo, ước mơ của người trẻ; thương yêu, giữ gìn truyền thống",
    "Hội nghị sơ kết 6 tháng đầu năm 2021 được tổ chức tại hội trường",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize(
    ("encode", "name"), [(encode_vni, "VNI"), (encode_tcvn3, "TCVN3"), (encode_cp1258, "Windows-1258")]
)
def test_legacy_encoding_is_named_when_vietnamese_text_was_saved_in_it(sentence, encode, name):
    data = encode(sentence)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert guess_legacy_encoding(data) == name


def test_sample_bytes_match_the_published_tables_when_encoded_by_the_test_helpers():
    # Spot checks against the code charts: VNI "á" = a + 0xF9, "đ" = 0xF1; TCVN3 "á" = 0xB8, "đ" = 0xAE;
    # Windows-1258 "ấ" = â (0xE2) + combining acute (0xEC).
    assert encode_vni("á đ ươ") == b"a\xf9 \xf1 \xf6\xf4"
    assert encode_tcvn3("á đ Đ") == b"\xb8 \xae \xa7"
    assert encode_cp1258("ấ ơ") == b"\xe2\xec \xf5"


@pytest.mark.parametrize(
    "data",
    [b"plain ascii", "Café crème brûlée".encode("latin-1"), bytes(range(0x80, 0x100)), b"\xff\xfe\x00\x00"],
)
def test_no_legacy_encoding_is_named_when_the_bytes_are_not_vietnamese(data):
    assert guess_legacy_encoding(data) is None


# --- the checker never crashes -------------------------------------------------------------------

KEY = st.one_of(
    st.sampled_from(["Title", "Date", "Modified", "Category", "Tags", "Views", "Status", "Slug", "Image",
                     "Lang", "Save_as", "Summary", "Catgory", "Dat", "X-y_1", "Tiêu đề", "Ngày", "Chuyên mục",
                     "Thẻ", "Ảnh", "Tags ", "TIÊU ĐỀ"]),
    st.text(alphabet=string.ascii_letters + string.digits + "_-", min_size=1, max_size=12),
)
VALUE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["2022-06-19 22:02", "5/6/2022", "9" * 30, "{static}/../../x", "{filename}", "1.234",
                     "draft", "</script><script>alert(1)</script>", "{date", "{slug}", "Đoa\u0300n", "",
                     "19/6/2022 10:02 CH", "5/6/22", "0022-06-19", "13:61 SA 1/1/2022", "🎉", "A/B C", "[a, b]",
                     '"unclosed', "x" * 300, "{static}/images/ả nh.png"]),
)
BODY = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(["![](x.png)", "![a]({static}/a b.png)", "[x]({filename}/y.md)", "<img src=a>",
                         "```", "~~~", "<!--", "-->", "    indented", "---", "...", "<iframe src=x>",
                         '<iframe src="https://www.youtube.com/embed/a"></iframe>', "<iframe", "![a](<b c.png>)",
                         "  - item", "key: value"]),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    metadata=st.lists(st.tuples(KEY, VALUE), max_size=8),
    body=BODY,
    raw=st.binary(max_size=60),
    name=st.sampled_from(["2022/a.md", "pages/p.md", "a.markdown", "images/x.md", "2022/.hidden.md", "2022/A.MD",
                          "2022/b.md.txt", "2022/w.htm", "2022/r.rst", "2022/d.docx", "tai-lieu/t.md", "x/y.Markdown"]),
    yaml=st.booleans(),
)
# Found by hypothesis: a lone carriage return is a line break for Python, Pelican and editors.
@example(metadata=[("Title", "\r0")], body=["![](0)"], raw=b"", name="2022/a.md", yaml=False)
@example(metadata=[("Title", '"unclosed'), ("Title", "x")], body=["  - item"], raw=b"", name="2022/a.md", yaml=True)
def test_checker_never_crashes_when_files_hold_arbitrary_metadata_and_text(
    tmp_path_factory, site_settings, config, metadata, body, raw, name, yaml
):
    root = tmp_path_factory.mktemp("random")
    block = "".join(f"{key}: {value}\n" for key, value in metadata)
    text = (f"---\n{block}---\n" if yaml else block) + "\n" + "\n".join(body)
    target = root / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
    (root / "2022" / "b.md").parent.mkdir(parents=True, exist_ok=True)
    (root / "2022" / "b.md").write_bytes(raw + text.encode("utf-8")[:40])
    # Pelican's own discovery, as in the build (the build's readers: any letter case, no HTML).
    problems, files = run_checks(root, config, discover_folder(root, dict(site_settings, PATH=str(root))))
    # Lines as Python's universal newlines (and so Pelican and editors) count them: a lone \r too.
    lines_per_file = {
        path.relative_to(root).as_posix(): path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        for path in root.rglob("*")
        if path.is_file()
    }
    for problem in problems:
        assert problem.severity in (checks.ERROR, checks.WARNING, checks.INFO)
        assert 1 <= problem.line <= lines_per_file[problem.path]
        for lang in ("vi", "en"):
            assert checks.format_problem(problem, lang).startswith(f"{problem.path}:{problem.line}: ")


def test_future_article_is_written_as_a_draft_when_future_dates_are_held_back(config):
    text = "Title: Hẹn giờ\nDate: 2099-01-01 08:00\nCategory: Tin hoạt động\n\nBody\n"
    _, entry = checks.check_file("2099/a.md", text.encode(), set(), config)
    assert entry.save_as == "ban-nhap/hen-gio.html"


def test_the_editors_guide_shows_the_new_messages_as_the_checker_words_them(config):
    guide = (ROOT / "docs" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    shown = []
    for folder in ("checks_impossible_date", "checks_blank_in_metadata", "checks_copied_slug", "checks_category_typo",
                   "checks_html_block", "checks_product_page"):
        messages = [line.split(": lỗi: ", 1)[1] for line in report(folder, config) if ": lỗi: " in line]
        shown += [message for message in messages if f"lỗi: {message.replace('2022/hoi-nghi', 'content/2022/hoi-nghi')}" in guide]
    assert len(shown) == 6, shown


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Hoạt đông Đoàn", "error:category_near:Hoạt động Đoàn"),  # one diacritic off: the build stops
        ("hoat dong doan", "error:category_near:Hoạt động Đoàn"),  # no diacritics, lower case
        ("Gương sáng", "info:category_new:"),  # truly new: a note, published
    ],
)
def test_a_near_miss_category_is_an_error_with_the_suggestion_when_a_new_one_is_a_note(config, written, expected):
    from dataclasses import replace  # noqa: PLC0415

    site = replace(config, categories=("Tin hoạt động", "Hoạt động Đoàn"))
    meta = parse_block(["Title: A", "Date: 19/6/2022 08:00", f"Category: {written}", "", "x"])
    [problem] = checks.check_values("2022/a.md", "article", meta, site)
    assert f"{problem.severity}:{problem.code}:{dict(problem.params).get('suggestion', '')}" == expected
    if problem.code == "category_near":
        assert problem.message() == (
            f"chuyên mục `{written}` gần giống chuyên mục `Hoạt động Đoàn` đã có, chắc là gõ nhầm — sửa thành "
            "`Category: Hoạt động Đoàn`; nếu đúng là chuyên mục mới, thêm nó vào NEWS_CATEGORIES trong pelicanconf.py"
        )
