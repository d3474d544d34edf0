"""The documents register built from tests/fixtures/van_ban (ten documents, see
make_van_ban_fixture.py), read as a reader sees it: the register and its pager, the listings by
loại / năm / cơ quan, each document's page, van-ban/index.json and the Atom feed."""

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, build

# Four a page, so the register has three pages (10 documents).
SETTINGS = {"SEARCH_ENABLED": False, "VAN_BAN_PER_PAGE": 4}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "van_ban", tmp_path_factory.mktemp("van-ban") / "output", SETTINGS)


def rows(page):
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in page.select("tr.van-ban-row")]


def test_register_lists_the_newest_first_with_the_news_pager_totals_when_built(site):
    first = site.page("van-ban/")
    assert first.select_one("body.page-van-ban")
    assert first.select_one(".listing-totals").get_text() == "Tổng số: 10 | Trang: 1 trên tổng số 3 trang"
    assert rows(first) == [
        ["30-QĐ/ĐTN", "20/11/2024", "Quyết định ban hành Quy chế làm việc nhiệm kỳ mới", "Quyết định", "Chưa có hiệu lực", "PDF, 653 B"],
        ["08-TB/ĐTN", "2/5/2024", "Thông báo kết luận hội nghị Ban Chấp hành lần thứ 5", "Thông báo", "Còn hiệu lực", "PDF, 653 B"],
        ["12-BC/ĐTN", "15/12/2023", "Báo cáo tổng kết công tác Đoàn năm 2023", "Báo cáo", "Còn hiệu lực", "PDF, 653 B"],
        ["45-CV/ĐTN", "4/9/2023", "Về việc cử đoàn viên tham gia Giải chạy vì sức khỏe", "Công văn", "Còn hiệu lực", "DOCX, 11 B"],
    ]
    second = site.page("van-ban/trang/2/")
    assert second.select_one(".listing-totals").get_text() == "Tổng số: 10 | Trang: 2 trên tổng số 3 trang"
    assert [r[0] for r in rows(second)] == ["15-KH/ĐTN", "03-HD/ĐTN", "20-KH/ĐTN", "10-KH/ĐTN"]
    assert [r[0] for r in rows(site.page("van-ban/trang/3/"))] == ["05-TB/ĐTN", "01-KH/ĐTN"]
    pager = second.select_one("nav.pager")
    assert pager.select_one('a[aria-current="page"]').get_text() == "2"
    assert pager.select_one('a[rel="prev"]')["href"].endswith("van-ban/")
    assert pager.select_one('a[rel="next"]')["href"].endswith("van-ban/trang/3/")


def test_status_shows_in_force_expired_not_yet_and_replaced_when_dates_and_thay_the_say_so(site):
    status = {r[0]: r[4] for n in ("van-ban/", "van-ban/trang/2/", "van-ban/trang/3/") for r in rows(site.page(n))}
    assert status["30-QĐ/ĐTN"] == "Chưa có hiệu lực"
    assert status["05-TB/ĐTN"] == "Hết hiệu lực"
    assert status["10-KH/ĐTN"] == "Đã được thay thế bởi 20-KH/ĐTN"
    assert status["20-KH/ĐTN"] == "Còn hiệu lực"


def test_download_links_name_type_and_size_and_lead_to_the_file_when_listed(site):
    links = site.page("van-ban/trang/2/").select("tr.van-ban-row")[0].select("a.van-ban-download")
    assert [(a.get_text(), a["aria-label"]) for a in links] == [
        ("PDF, 653 B", "Tải về 15-KH/ĐTN, PDF, 653 B"), ("DOCX, 11 B", "Tải về 15-KH/ĐTN, DOCX, 11 B")]
    for link in links:
        assert site.exists(site.resolve("van-ban/trang/2/", link["href"]))


@pytest.mark.parametrize("url, heading, numbers", [
    ("van-ban/loai/ke-hoach/", "Kế hoạch", ["15-KH/ĐTN", "20-KH/ĐTN", "10-KH/ĐTN", "01-KH/ĐTN"]),
    ("van-ban/nam/2022/", "Văn bản năm 2022", ["15-KH/ĐTN", "03-HD/ĐTN"]),
    ("van-ban/co-quan/van-phong-doan-khoi/", "Văn phòng Đoàn Khối", ["45-CV/ĐTN", "05-TB/ĐTN"]),
])
def test_listing_holds_only_its_documents_when_browsed_by_loai_nam_or_co_quan(site, url, heading, numbers):
    page = site.page(url)
    assert page.select_one("h1").get_text() == heading
    assert [r[0] for r in rows(page)] == numbers
    assert page.select_one(".listing-totals").get_text().startswith(f"Tổng số: {len(numbers)} |")
    register = site.page("van-ban/")
    assert any(site.resolve("van-ban/", a["href"]) == url for a in register.select(".van-ban-browse a"))


def test_document_page_shows_every_field_and_each_file_when_opened(site):
    page = site.page("van-ban/2022/15-kh-dtn.html")
    assert page.select_one("body.page-van-ban-document")
    fields = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in page.select(".van-ban-fields dt")}
    assert fields == {
        "Số ký hiệu": "15-KH/ĐTN", "Loại văn bản": "Kế hoạch",
        "Trích yếu": "Kế hoạch tổ chức Ngày hội hiến máu tình nguyện năm 2022",
        "Cơ quan ban hành": "Ban Thường vụ Đoàn Khối", "Người ký": "Nguyễn Văn An", "Ngày ban hành": "19/6/2022",
        "Ngày hiệu lực": "20/6/2022", "Lĩnh vực": "Tình nguyện", "Tình trạng": "Còn hiệu lực",
    }
    files = [(a.get_text(), a.parent.get_text(" ", strip=True)) for a in page.select(".van-ban-file-list a")]
    assert files == [("Tải về 15-kh-dtn.pdf", "Tải về 15-kh-dtn.pdf (PDF, 653 B)"),
                     ("Tải về 15-kh-dtn-phu-luc.docx", "Tải về 15-kh-dtn-phu-luc.docx (DOCX, 11 B)")]


def test_pdf_is_shown_in_the_page_with_a_link_fallback_when_the_browser_has_no_viewer(site):
    page = site.page("van-ban/2022/15-kh-dtn.html")
    viewers = page.select("iframe.van-ban-viewer")
    assert len(viewers) == 1  # the PDF, not the Word file
    viewer = viewers[0]
    assert viewer["title"] == "Nội dung tệp 15-kh-dtn.pdf"
    target = site.resolve("van-ban/2022/15-kh-dtn.html", viewer["src"])
    assert target == "tai-lieu/2022/15-kh-dtn.pdf" and site.path(target).read_bytes().startswith(b"%PDF-1.4")
    fallback = viewer.find_next_sibling("p").select_one("a")
    assert site.resolve("van-ban/2022/15-kh-dtn.html", fallback["href"]) == target
    assert not page.select("script:not([src])")


def test_replacement_is_linked_both_ways_when_a_document_names_the_one_it_replaces(site):
    old = site.page("van-ban/2021/10-kh-dtn.html")
    link = old.select_one(".van-ban-status a")
    assert old.select_one(".van-ban-status").get_text(" ", strip=True) == "Đã được thay thế bởi 20-KH/ĐTN"
    assert site.resolve("van-ban/2021/10-kh-dtn.html", link["href"]) == "van-ban/2021/20-kh-dtn.html"
    new = site.page("van-ban/2021/20-kh-dtn.html")
    fields = {dt.get_text(): dt.find_next_sibling("dd") for dt in new.select(".van-ban-fields dt")}
    assert fields["Thay thế văn bản"].get_text() == "10-KH/ĐTN"
    assert site.resolve("van-ban/2021/20-kh-dtn.html", fields["Thay thế văn bản"].a["href"]) == "van-ban/2021/10-kh-dtn.html"
    assert [p.get_text() for p in new.select(".van-ban-document > p:not([hidden]):not(.van-ban-abstract-lead)")] == [
        "Kế hoạch này thay thế Kế hoạch số 10-KH/ĐTN.", "Các chi đoàn triển khai trước ngày 26/3/2021."]


def test_every_internal_link_of_the_register_resolves_when_followed(site):
    for file in site.output.joinpath("van-ban").rglob("*.html"):
        url = site.url_of(file)
        for element in site.page(url).select("a[href], object[data], link[href]"):
            href = element.get("href") or element.get("data")
            target = site.resolve(url, href)
            if target is not None and element.name != "link":
                assert site.exists(target), f"{url}: {href}"


def test_index_json_lists_every_document_with_its_fields_and_file_urls_when_linked_from_the_register(site):
    link = site.page("van-ban/").find("a", string="danh sách văn bản (JSON)")
    assert site.resolve("van-ban/", link["href"]) == "van-ban/index.json"
    data = json.loads(site.path("van-ban/index.json").read_text(encoding="utf-8"))
    assert data["so_van_ban"] == 10 and len(data["van_ban"]) == 10
    old = next(d for d in data["van_ban"] if d["so_ky_hieu"] == "10-KH/ĐTN")
    assert old == {
        "so_ky_hieu": "10-KH/ĐTN", "loai": "Kế hoạch", "trich_yeu": "Kế hoạch tổ chức Tháng Thanh niên năm 2021",
        "co_quan_ban_hanh": "Ban Thường vụ Đoàn Khối", "nguoi_ky": "Nguyễn Văn An", "ngay_ban_hanh": "2021-03-02",
        "ngay_hieu_luc": "2021-03-02", "het_hieu_luc": None, "linh_vuc": "Tình nguyện", "thay_the": None,
        "duoc_thay_the_boi": "20-KH/ĐTN", "trang_thai": "Đã được thay thế bởi 20-KH/ĐTN",
        "url": "http://localhost:8000/van-ban/2021/10-kh-dtn.html",
        "tep": [{"url": "http://localhost:8000/tai-lieu/2021/10-kh-dtn.pdf", "loai": "PDF", "kich_thuoc": 653}],
    }


def test_atom_feed_lists_new_documents_newest_first_when_subscribed(site):
    feed = ET.parse(site.output / "feeds" / "van-ban.atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 10
    assert entries[0].find(f"{ATOM}title").text == "30-QĐ/ĐTN: Quyết định ban hành Quy chế làm việc nhiệm kỳ mới"
    assert entries[0].find(f"{ATOM}link").get("href") == "http://localhost:8000/van-ban/2024/30-qd-dtn.html"
    assert site.page("van-ban/").select_one('link[type="application/atom+xml"][href$="feeds/van-ban.atom.xml"]')


def test_documents_are_not_articles_and_the_menu_and_home_block_lead_to_them_when_built(site):
    assert "Đã dựng xong: 1 bài," in site.log
    news = {site.url_of(f) for f in site.output.glob("20*/*/*.html") if f.name != "index.html"}
    assert news == {"2022/06/doan-khoi-ban-hanh-ke-hoach-hien-mau.html"}  # the fixture's one news, no document
    home = site.page("")
    menu = home.select_one(".site-nav").find("a", string="Văn bản")
    assert site.resolve("", menu["href"]) == "van-ban/"
    assert site.page("van-ban/").select_one(".site-nav").find("a", string="Văn bản")["aria-current"] == "page"
    block = home.select_one("section.home-van-ban")
    assert block.select_one("h2").get_text() == "Văn bản mới"
    assert [a.get_text() for a in block.select("li a")] == ["30-QĐ/ĐTN", "08-TB/ĐTN", "12-BC/ĐTN", "45-CV/ĐTN", "15-KH/ĐTN"]


def test_register_exists_empty_and_home_has_no_block_when_the_site_has_no_document(basic_site):
    page = basic_site.page("van-ban/")
    assert page.select_one(".van-ban-empty").get_text() == "Chưa có văn bản nào."
    assert page.select_one(".listing-totals").get_text() == "Tổng số: 0 | Trang: 1 trên tổng số 1 trang"
    assert basic_site.page("").select_one("section.home-van-ban") is None
    assert json.loads(basic_site.text("van-ban/index.json"))["van_ban"] == []
    assert not basic_site.exists("feeds/van-ban.atom.xml")  # an empty feed would change with every build


def test_home_block_is_left_out_when_van_ban_home_items_is_zero(tmp_path):
    site = build(FIXTURES / "van_ban", tmp_path / "out", {**SETTINGS, "VAN_BAN_HOME_ITEMS": 0, "VAN_BAN_MENU": False})
    assert site.page("").select_one("section.home-van-ban") is None
    assert site.page("").select_one(".site-nav").find("a", string="Văn bản") is None


def test_nu_checker_finds_no_error_when_the_register_pages_are_checked(site):
    from test_nu_checker import describe, run_vnu  # noqa: PLC0415 - Java runs only for this test

    pages = list(site.output.joinpath("van-ban").rglob("*.html"))
    assert len(pages) > 20  # register pages, listings by loại / năm / cơ quan, every document
    errors = run_vnu(site.output / "van-ban", site.output / "index.html")
    assert errors == [], describe(errors)


def test_sitemap_lists_the_register_and_every_document_when_built(site):
    sitemap = ET.parse(site.output / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "http://localhost:8000/van-ban/" in locations
    assert sum("/van-ban/20" in loc for loc in locations) == 10


def test_hostile_text_is_escaped_and_a_file_reached_through_a_link_out_is_not_offered_when_built(tmp_path):
    content = tmp_path / "content"
    (content / "van-ban").mkdir(parents=True)
    (content / "tai-lieu").mkdir()
    (content / "tai-lieu/a.pdf").write_bytes((FIXTURES / "van_ban/tai-lieu/2022/15-kh-dtn.pdf").read_bytes())
    (content / "van-ban/a.md").write_text(
        'Số ký hiệu: 1-TB/<b>"x"</b>\nLoại: Thông báo\nTrích yếu: <script>alert(1)</script> & "trích"\n'
        "Ngày ban hành: 1/1/2024\nTệp: tai-lieu/a.pdf\n", encoding="utf-8")
    site = build(content, tmp_path / "out", {"SEARCH_ENABLED": False})
    page = site.text("van-ban/")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert rows(site.page("van-ban/"))[0][:3] == ['1-TB/<b>"x"</b>', "1/1/2024", '<script>alert(1)</script> & "trích"']
    data = json.loads(site.text("van-ban/index.json"))
    assert data["van_ban"][0]["trich_yeu"] == '<script>alert(1)</script> & "trích"'
    feed = ET.parse(site.output / "feeds" / "van-ban.atom.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == '1-TB/<b>"x"</b>: <script>alert(1)</script> & "trích"'

    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4 secret")
    (content / "tai-lieu/b.pdf").symlink_to(outside)
    (content / "van-ban/a.md").write_text(
        "Số ký hiệu: 1-TB/ĐTN\nLoại: Thông báo\nTrích yếu: X\nNgày ban hành: 1/1/2024\nTệp: tai-lieu/b.pdf\n", encoding="utf-8")
    with pytest.raises(AssertionError) as refused:
        build(content, tmp_path / "out2", {"SEARCH_ENABLED": False})
    assert "tai-lieu/b.pdf:1: lỗi: đây là liên kết (symlink) trỏ ra ngoài thư mục nội dung" in str(refused.value)
    # The build refuses it too, checks or not (vn_core.paths): the secret is never published.
    with pytest.raises(AssertionError) as unchecked:
        build(content, tmp_path / "out3", {"SEARCH_ENABLED": False, "CONTENT_CHECKS_ENABLED": False}, fatal=None)
    assert "symlink" in str(unchecked.value) and not (tmp_path / "out3" / "tai-lieu" / "b.pdf").exists()
