"""The documents register's rules (vn_core.documents) and its checks (content_checks/documents.py):
one fixture folder per check under tests/fixtures/van_ban_checks/, each with its exact message."""

import sys
from datetime import date
from pathlib import Path

import pytest
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

from trangtin.content_checks import checks  # noqa: E402
from trangtin.content_checks.__main__ import register_plugins  # noqa: E402
from trangtin.content_checks.glue import config_from_settings, discover_folder  # noqa: E402
from trangtin.content_checks.scan import run_checks  # noqa: E402
from trangtin.vn_core import documents as rules  # noqa: E402

TODAY = date(2024, 6, 1)
EXAMPLE = ("ví dụ `Số ký hiệu: 15-KH/ĐTN`, `Loại: Kế hoạch`, `Trích yếu: …`, `Ngày ban hành: 19/6/2022`, "
           "`Tệp: tai-lieu/2022/15-kh-dtn.pdf`")


def document(text, path="van-ban/a.md"):
    return rules.read_document(path, text)


BASE = "Số ký hiệu: 15-KH/ĐTN\nLoại: Kế hoạch\nTrích yếu: Hiến máu\nNgày ban hành: 19/6/2022\nTệp: tai-lieu/a.pdf\n"


@pytest.mark.parametrize("typed", ["15-KH/ĐTN", "15 kh dtn", "15/kh-dtn", "15-kh/dtn", " 15 – KH / ĐTN "])
def test_number_key_is_the_same_when_the_number_is_typed_with_or_without_marks_case_and_separators(typed):
    assert rules.number_key(typed) == "15 kh dtn"


def test_ascii_and_english_keys_read_as_the_vietnamese_ones_when_typed_without_marks():
    ascii_doc, problems = document("So ky hieu: 1-TB/ĐTN\nloai: Thông báo\nTrich_yeu: X\nngay-ban-hanh: 2/1/2020\nTep: t/a.pdf\n"
                                   "Het hieu luc: 3/1/2020\nNumber: 2-TB\n")
    assert (ascii_doc.number, ascii_doc.type, ascii_doc.abstract, ascii_doc.issued, ascii_doc.expires) == (
        "1-TB/ĐTN", "Thông báo", "X", date(2020, 1, 2), date(2020, 1, 3))
    assert problems == [("duplicate_key", 7, {"key": "Number", "first_line": 1})]
    english, problems = document("Number: 1\nType: T\nAbstract: A\nIssued: 2020-01-02\nFiles: {static}/t/a.pdf, /t/b.pdf\n")
    assert problems == [] and english.files == ["t/a.pdf", "t/b.pdf"] and english.effective == date(2020, 1, 2)


def test_status_follows_the_dates_when_computed_on_a_given_day():
    doc, _ = document(BASE + "Ngày hiệu lực: 1/7/2024\nHết hiệu lực: 1/1/2025\n")
    assert rules.status(doc, date(2024, 6, 30)) == rules.NOT_YET
    assert rules.status(doc, date(2024, 7, 1)) == rules.IN_FORCE
    assert rules.status(doc, date(2024, 12, 31)) == rules.IN_FORCE
    assert rules.status(doc, date(2025, 1, 1)) == rules.EXPIRED
    assert rules.status_label(doc, date(2025, 1, 1)) == "Hết hiệu lực"
    moment = rules.next_change([doc], date(2024, 7, 1), "Asia/Ho_Chi_Minh")
    assert moment.isoformat() == "2025-01-01T00:00:00+07:00"
    assert rules.next_change([doc], date(2025, 1, 1), "Asia/Ho_Chi_Minh") is None


def test_replacement_links_both_ways_and_prefers_the_same_issuer_when_two_issuers_share_a_number():
    old_a, _ = document(BASE.replace("15-KH", "10-KH") + "Cơ quan ban hành: A\n", "van-ban/old-a.md")
    old_b, _ = document(BASE.replace("15-KH", "10-KH") + "Cơ quan ban hành: B\n", "van-ban/old-b.md")
    new, _ = document(BASE + "Cơ quan ban hành: B\nThay thế: 10 kh dtn\n", "van-ban/new.md")
    lost, _ = document(BASE.replace("15-KH", "16-KH") + "Thay thế: 99-KH/ĐTN\n", "van-ban/lost.md")
    assert rules.link_replacements([old_a, old_b, new, lost]) == [lost]
    assert new.replaces_document is old_b and old_b.replaced_by is new and old_a.replaced_by is None
    assert rules.status_label(old_b, TODAY) == "Đã được thay thế bởi 15-KH/ĐTN"


@pytest.mark.parametrize("value", ["../x.pdf", "/../x.pdf", "https://example.org/x.pdf", "//host/x.pdf", "a\\b.pdf", "%2e%2e/x.pdf"])
def test_a_file_outside_the_content_folder_is_refused_when_named_in_tep(value):
    doc, problems = document(BASE.replace("tai-lieu/a.pdf", value))
    assert doc.files == [] and [code for code, _line, _params in problems] == ["doc_unsafe_file"]


@pytest.mark.parametrize("size, shown", [(0, "0 B"), (1023, "1023 B"), (1024, "1 KB"), (1536, "1,5 KB"),
                                         (250 * 1024, "250 KB"), (int(1.2 * 1024 * 1024), "1,2 MB")])
def test_file_size_is_written_the_vietnamese_way_when_shown_with_a_download(size, shown):
    assert rules.file_size(size) == shown


def test_newest_first_orders_by_issue_date_then_number_when_two_share_a_day():
    a, _ = document(BASE.replace("15-KH", "2-KH"), "van-ban/a.md")
    b, _ = document(BASE.replace("15-KH", "1-KH"), "van-ban/b.md")
    c, _ = document(BASE.replace("19/6/2022", "20/6/2022"), "van-ban/c.md")
    assert [d.path for d in rules.newest_first([a, b, c])] == ["van-ban/c.md", "van-ban/b.md", "van-ban/a.md"]


# --- the checks, one fixture each -----------------------------------------------------------------

@pytest.fixture(scope="module")
def site_settings():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    register_plugins(settings)
    return settings


def report(folder, settings):
    root = FIXTURES / "van_ban_checks" / folder
    config = config_from_settings(settings)
    problems, _files = run_checks(root, config, discover_folder(root, dict(settings, PATH=str(root))))
    return [checks.format_problem(problem) for problem in problems]


EXPECTED = {
    "missing_field": [
        f"van-ban/15-kh-dtn.md:1: lỗi: văn bản thiếu `Trích yếu` — thêm dòng `Trích yếu: …` vào phần thông tin ở đầu tệp ({EXAMPLE})",
    ],
    "missing_file": [
        "van-ban/15-kh-dtn.md:5: lỗi: Tệp `tai-lieu/2022/16-kh-dtn.pdf` không có trong thư mục nội dung — kiểm tra tên tệp "
        "(phân biệt chữ hoa, chữ thường) hoặc chép tệp vào `tai-lieu/2022/16-kh-dtn.pdf`",
    ],
    "duplicate": [
        "van-ban/15-kh-dtn.md:1: lỗi: văn bản số `15-KH/ĐTN` của `Ban Thường vụ Đoàn Khối` đã có ở van-ban/15-kh-dtn-ban-sao.md "
        "— mỗi văn bản chỉ một tệp: xóa một trong hai tệp, hoặc sửa Số ký hiệu / Cơ quan ban hành nếu gõ nhầm",
    ],
    "unknown_replaces": [
        "van-ban/15-kh-dtn.md:5: cảnh báo: Thay thế `9-KH/ĐTN`: không có văn bản nào mang số ký hiệu này nên không liên kết "
        "được — kiểm tra số ký hiệu (ví dụ `10-KH/ĐTN`), hoặc thêm văn bản bị thay thế vào `van-ban/`",
    ],
    "effective_before_issued": [
        "van-ban/15-kh-dtn.md:5: lỗi: Ngày hiệu lực 18/6/2022 trước Ngày ban hành 19/6/2022 — văn bản không thể có hiệu lực "
        "trước khi ban hành: sửa một trong hai ngày",
    ],
    "bad_date": [
        "van-ban/15-kh-dtn.md:4: lỗi: không đọc được ngày `31/6/2022` ở Ngày ban hành — viết theo dạng ngày/tháng/năm, năm đủ "
        "bốn chữ số, ví dụ `19/6/2022`",
        "van-ban/15-kh-dtn.md:5: lỗi: không đọc được ngày `cuối năm` ở Hết hiệu lực — viết theo dạng ngày/tháng/năm, năm đủ "
        "bốn chữ số, ví dụ `19/6/2022`",
    ],
    "unsafe_file": [
        "van-ban/15-kh-dtn.md:5: lỗi: Tệp `../../pelicanconf.py` có đoạn `..` (ra ngoài thư mục), trang không đọc tệp này — "
        "Tệp phải là đường dẫn trong thư mục nội dung, ví dụ `tai-lieu/2022/15-kh-dtn.pdf`",
    ],
}


@pytest.mark.parametrize("folder", sorted(EXPECTED))
def test_each_document_problem_is_reported_with_file_line_and_fix_when_the_fixture_has_that_mistake(folder, site_settings):
    assert report(folder, site_settings) == EXPECTED[folder]


def test_every_document_check_fixture_has_an_expected_report():
    assert {path.name for path in (FIXTURES / "van_ban_checks").iterdir()} == set(EXPECTED)


def test_the_register_fixture_has_no_problem_when_checked_with_the_site_settings(site_settings):
    root = FIXTURES / "van_ban"
    problems, files = run_checks(root, config_from_settings(site_settings), discover_folder(root, dict(site_settings, PATH=str(root))))
    assert [checks.format_problem(p) for p in problems] == [] and files == 11


def test_an_unknown_key_is_a_warning_naming_the_keys_when_typed_in_a_document(site_settings, tmp_path):
    from trangtin.content_checks.documents import check_documents  # noqa: PLC0415

    text = BASE.replace("Loại:", "Loai van ban:").encode("utf-8")
    found = check_documents({"van-ban/a.md": text}, {"tai-lieu/a.pdf"}, config_from_settings(site_settings))
    assert [checks.format_problem(p) for p in found] == [
        "van-ban/a.md:2: cảnh báo: khóa `Loai van ban` không dùng cho văn bản, thông tin này sẽ không hiện ra — dùng một "
        "trong: `Số ký hiệu`, `Loại`, `Trích yếu`, `Cơ quan ban hành`, `Người ký`, `Ngày ban hành`, `Ngày hiệu lực`, "
        "`Hết hiệu lực`, `Thay thế`, `Lĩnh vực`, `Tệp`",
        f"van-ban/a.md:1: lỗi: văn bản thiếu `Loại` — thêm dòng `Loại: …` vào phần thông tin ở đầu tệp ({EXAMPLE})",
    ]


def test_document_messages_render_in_english_when_asked(site_settings):
    root = FIXTURES / "van_ban_checks" / "effective_before_issued"
    problems, _ = run_checks(root, config_from_settings(site_settings), discover_folder(root, dict(site_settings, PATH=str(root))))
    assert [p.message("en") for p in problems] == [
        "Ngày hiệu lực (in force) 18/6/2022 is before Ngày ban hành (issued) 19/6/2022 — a document cannot be in force "
        "before it is issued: fix one of the two dates"]


# --- the register's page arithmetic (plugins/van_ban/listing.py) -----------------------------------

from trangtin.van_ban import listing  # noqa: E402


@pytest.mark.parametrize("count, slices", [
    (0, [(0, 0)]), (1, [(0, 1)]), (4, [(0, 4)]), (5, [(0, 4), (4, 5)]), (8, [(0, 4), (4, 8)]), (10, [(0, 4), (4, 8), (8, 10)]),
])
def test_page_slices_cover_every_document_once_when_split_four_a_page(count, slices):
    assert listing.page_slices(count, 4) == slices


def test_page_url_is_the_listing_itself_for_page_one_when_paginated():
    assert listing.page_url("van-ban/", 1, "{base}trang/{number}/") == "van-ban/"
    assert listing.page_url("van-ban/", 3, "{base}trang/{number}/") == "van-ban/trang/3/"


def test_groups_are_in_vietnamese_order_or_newest_year_first_when_listed():
    rows = [{"t": "Thông báo"}, {"t": "Báo cáo"}, {"t": "Đề án"}, {"t": "Chỉ thị"}, {"t": ""}, {"t": "Báo cáo"}]
    assert [(name, len(items)) for name, items in listing.groups(rows, lambda r: r["t"])] == [
        ("Báo cáo", 2), ("Chỉ thị", 1), ("Đề án", 1), ("Thông báo", 1)]
    years = [{"y": "2021"}, {"y": "2024"}, {"y": "2022"}]
    assert [name for name, _ in listing.groups(years, lambda r: r["y"], by_name=False)] == ["2024", "2022", "2021"]
