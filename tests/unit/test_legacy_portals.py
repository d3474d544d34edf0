"""Issue 23: saved article pages of four kinds of legacy portal (tests/fixtures/legacy_portals, written
in those portals' markup, not tuned to the importer). Of each page only the article is kept: the title
even where the page has no heading, breadcrumb or other-news block, and a body without the portal's
tools (print, e-mail, back, top, share, Facebook, Zalo: links, buttons, icons with onclick, tables)."""

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]

from trangtin.tools.importer import legacy  # noqa: E402
from trangtin.tools.importer.html_to_markdown import convert  # noqa: E402

PORTALS = ROOT / "tests" / "fixtures" / "legacy_portals"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# What a portal puts around an article; none of it may reach the body.
CHROME = ("In bài", "In trang", "Bản in", "Gửi email", "Gửi bài", "Gửi cho bạn bè", "Về trang trước", "Quay lại", "Lên đầu trang",
          "Chia sẻ", "Facebook", "Zalo", "Twitter", "print", "sharer", "javascript", "mailto", "history", "icon_", "Tin liên quan",
          "Từ khóa", "CÁC TIN ĐÃ ĐĂNG", "Tổng số", "Xem tin theo ngày", "Bản quyền", "Tin mới", "Đã xem", "Lượt xem", "Trang chủ",
          "THĂM DÒ", "Địa chỉ")


def article(name):
    item = legacy.parse_page((PORTALS / name).read_bytes(), name).item
    converted = convert(item.body_html, signature=item.signature_from_body)
    return item, converted


EXPECTED = {
    "aspnet-table.html": dict(
        title="Tuổi trẻ Khối ra quân hưởng ứng Tháng Thanh niên 2016", date=datetime(2016, 5, 12, 15, 30, tzinfo=HCM),
        categories=[], views=None, signature="Thu Hà",
        markdown="**Sáng 12/5, Đoàn Khối tổ chức lễ ra quân hưởng ứng Tháng Thanh niên năm 2016 với sự tham gia của hơn 300 đoàn viên.**\n\n"
                 "Tại buổi lễ, các cơ sở Đoàn đã ký giao ước thi đua thực hiện các công trình, phần việc thanh niên, tập trung vào bảo vệ "
                 "môi trường và an toàn giao thông.\n\n"
                 "![Đoàn viên thanh niên ra quân dọn vệ sinh môi trường](/Upload/2016/05/ra-quan.jpg "
                 "\"Đoàn viên thanh niên ra quân dọn vệ sinh môi trường\")\n\n"
                 "Sau lễ ra quân, các đoàn viên đã dọn vệ sinh tại các tuyến phố chính và trồng 200 cây xanh trong khuôn viên các cơ quan.\n"),
    "div-portal.html": dict(
        title="Hội thi Ý tưởng sáng tạo năm 2019: 45 ý tưởng vào vòng chung kết", date=datetime(2019, 10, 14, 9, 45, tzinfo=HCM),
        categories=["Tuổi trẻ sáng tạo"], views=327, signature="Minh Tuấn",
        markdown="Sau hai tháng phát động, Ban Tổ chức đã chọn 45 ý tưởng xuất sắc nhất vào vòng chung kết Hội thi.\n\n"
                 "Hội thi Ý tưởng sáng tạo năm 2019 do Ban Thường vụ Đoàn Khối tổ chức nhận được 168 ý tưởng của đoàn viên thanh niên "
                 "thuộc 42 cơ sở Đoàn.\n\n"
                 "![Ban Giám khảo chấm vòng sơ khảo](/uploads/2019/10/hoi-thi.jpg \"Ban Giám khảo chấm vòng sơ khảo\")\n\n"
                 "Các ý tưởng tập trung vào cải cách hành chính, ứng dụng công nghệ thông tin và tiết kiệm chi phí sản xuất.\n\n"
                 "Vòng chung kết sẽ diễn ra vào ngày 26/10/2019 tại Hội trường Tỉnh ủy.\n"),
    "old-table-font.html": dict(
        title="GIẢI BÓNG ĐÁ THANH NIÊN KHỐI DOANH NGHIỆP LẦN THỨ V", date=datetime(2007, 4, 7, 10, 15, tzinfo=HCM),
        categories=[], views=None, signature="P.V",
        markdown="Chiều 6/4, tại sân vận động tỉnh, Đoàn Khối Doanh nghiệp đã khai mạc Giải bóng đá thanh niên lần thứ V với sự tham gia "
                 "của 16 đội bóng đến từ các doanh nghiệp trong Khối.\n\n"
                 "Giải đấu diễn ra trong hai tuần theo thể thức đấu vòng tròn tính điểm ở vòng bảng, chọn 8 đội vào vòng loại trực tiếp.\n\n"
                 "![Trận khai mạc giữa hai đội Điện lực và Xi măng](upload/2007/bong-da.jpg \"Trận khai mạc giữa hai đội Điện lực và Xi măng\")\n\n"
                 "Ban Tổ chức đã trao cờ lưu niệm cho các đội bóng và kêu gọi các cầu thủ thi đấu trung thực, cao thượng.\n"),
    "saved-complete.html": dict(
        title="ĐOÀN KHỐI TỔ CHỨC HỘI NGHỊ BAN CHẤP HÀNH MỞ RỘNG", date=datetime(2022, 7, 10, 20, 15, tzinfo=HCM),
        categories=["Công tác Đoàn"], views=98, signature="ĐTN",
        markdown="Ngày 9/7, Ban Chấp hành Đoàn Khối các cơ quan và doanh nghiệp tỉnh tổ chức Hội nghị Ban Chấp hành mở rộng sơ kết công tác "
                 "6 tháng đầu năm.\n\n"
                 "![Quang cảnh hội nghị](./ChiTietTin_files/hoi-nghi-bch.jpg \"Quang cảnh hội nghị\")\n\n"
                 "Hội nghị đã thống nhất các nhiệm vụ trọng tâm 6 tháng cuối năm, trong đó chú trọng công tác phát triển đoàn viên và xây "
                 "dựng tổ chức cơ sở Đoàn vững mạnh.\n"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_portal_page_gives_only_its_article(name):
    item, converted = article(name)
    expected = EXPECTED[name]
    assert (item.title, item.date, item.categories, item.views) == (expected["title"], expected["date"], expected["categories"],
                                                                     expected["views"])
    assert converted.signature == expected["signature"]
    assert converted.markdown == expected["markdown"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_tool_or_chrome_reaches_the_body(name):
    _item, converted = article(name)
    assert [word for word in CHROME if word.lower() in converted.markdown.lower()] == []
    assert [url for url in converted.images if "/images/" in url or "/img/" in url] == []


def page(body, head=""):
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


PARAGRAPHS = ("<p>Sáng 3/2, hội trại tòng quân được khai mạc tại quảng trường với hàng nghìn thanh niên tham dự.</p>"
              "<p>Các tân binh được gia đình và đoàn viên động viên lên đường nhập ngũ.</p>")


@pytest.mark.parametrize("tools", [
    '<a href="/print.aspx?id=5">In</a> - <a href="/sendmail.aspx?id=5">Gửi</a>',
    '<div onclick="history.back()">Về trang trước</div>',
    '<table class="tools"><tr><td><img src="/i/p.gif" onclick="window.print()"> In bài</td><td><img src="/i/b.gif" '
    'onclick="history.go(-1)"> Trở về</td></tr></table>',
    '<span>Chia sẻ:</span> <a href="https://www.facebook.com/sharer/sharer.php?u=x"><img src="fb.png"></a> '
    '<a href="https://zalo.me/share?u=x"><img src="zalo.png"></a>',
    '<div class="zalo-share-button" data-href="x"></div><div class="fb-like" data-href="x"></div>',
    '<p><a href="#">In bài</a> | <a href="#">Gửi email</a> | <a href="#">Về trang trước</a></p>',
    '<ul class="social"><li><a href="#">Facebook</a></li><li><a href="#">Zalo</a></li><li><a href="#">Twitter</a></li></ul>',
    '<button onclick="zoom(1)">A+</button><button onclick="zoom(-1)">A-</button>',
])
def test_tools_in_any_markup_leave_the_body(tools):
    html = f"<h1>Khai mạc hội trại tòng quân</h1><p>Thứ hai, ngày 3/2/2020 - 8:00</p><div>{tools}{PARAGRAPHS}{tools}</div>"
    item = legacy.parse_page(page(html), "a.html").item
    markdown = convert(item.body_html).markdown
    assert markdown == ("Sáng 3/2, hội trại tòng quân được khai mạc tại quảng trường với hàng nghìn thanh niên tham dự.\n\n"
                        "Các tân binh được gia đình và đoàn viên động viên lên đường nhập ngũ.\n")


def test_a_tool_word_inside_a_sentence_stays():
    html = ("<h1>Ra mắt trang Facebook của Đoàn Khối</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p>"
            '<div><p>Đoàn viên theo dõi tin trên <a href="https://facebook.com/doankhoi">Facebook</a> và Zalo của Đoàn Khối hằng ngày.</p>'
            '<p>Ý kiến xin gửi về <a href="mailto:doankhoi@example.vn">doankhoi@example.vn</a>, hoặc bấm <a href="/in-an">In</a> ấn phẩm.</p></div>'
            '<div class="share"><a href="https://facebook.com/sharer.php?u=x">Facebook</a> <a href="https://zalo.me/share?u=x">Zalo</a></div>')
    item = legacy.parse_page(page(html), "a.html").item
    assert convert(item.body_html).markdown == (
        "Đoàn viên theo dõi tin trên [Facebook](https://facebook.com/doankhoi) và Zalo của Đoàn Khối hằng ngày.\n\n"
        "Ý kiến xin gửi về [doankhoi@example.vn](mailto:doankhoi@example.vn), hoặc bấm [In](/in-an) ấn phẩm.\n")


@pytest.mark.parametrize("html, title", [
    # The title in the date's own cell, no heading, no breadcrumb, no other news.
    ('<a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a><table><tr><td><b>Khai mạc hội trại tòng quân</b><br>'
     "Thứ hai, ngày 3/2/2020 - 8:00<br><br>" + PARAGRAPHS + "</td></tr></table>", "Khai mạc hội trại tòng quân"),
    # Unclosed <font> tags: every later element is inside the title's font.
    ('<font face=Arial><a href=/>Trang chủ</a> <a href=/a>Giới thiệu</a><font size=4>Hội nghị tổng kết năm 2015<font size=2><br>'
     "<i>Chủ nhật, ngày 20/12/2015 - 9:00</i><br><font size=3>" + PARAGRAPHS + "Bản quyền © Đoàn Khối", "Hội nghị tổng kết năm 2015"),
    # Only the site's name in a heading, in the header: the title is the element named so.
    ('<header><h1>ĐOÀN KHỐI TỈNH</h1></header><div class="article"><div id="ctl00_lblTitle">Ra quân tình nguyện hè</div>'
     "<div>Thứ bảy, ngày 1/7/2023 - 7:00</div><div>" + PARAGRAPHS + "</div></div>", "Ra quân tình nguyện hè"),
    # No title anywhere on the page but <title>: its first part, never the page's text.
    ("<div>Thứ bảy, ngày 1/7/2023 - 7:00</div><div>" + PARAGRAPHS + "</div>", "Tiêu đề trong thẻ title"),
])
def test_the_title_is_found_on_pages_without_the_optional_parts(html, title):
    item = legacy.parse_page(page(html, "<title>Tiêu đề trong thẻ title - Cổng thông tin</title>"), "a.html").item
    assert item.title == title
    body = BeautifulSoup(item.body_html, "html.parser").get_text(" ")
    assert "hội trại tòng quân được khai mạc" in body and title not in body and "Bản quyền" not in body


def test_a_page_of_only_text_never_gets_its_whole_text_as_title():
    html = "Lời mở đầu rất dài của cổng thông tin. " * 20 + "<br>Thứ bảy, ngày 1/7/2023 - 7:00<br>" + PARAGRAPHS
    item = legacy.parse_page(page(html), "a.html").item
    assert item.title is None  # then the importer makes it a draft "Bài chưa có tiêu đề (…)" and says so


def test_what_only_looks_like_a_tool_stays_in_the_article():
    body = ('<p>Theo dõi trên Zalo: <a href="https://zalo.me/0912345678">0912 345 678</a>.</p>'
            '<p><a href="/Upload/ke-hoach.pdf">Tải về</a></p>'
            '<p><a href="#" onclick="window.open(\'/Upload/anh-lon.jpg\')"><img src="/Upload/anh-nho.jpg" alt="Lễ ra quân"></a></p>'
            '<div class="share-image"><img src="/Upload/anh-2.jpg" alt="Đoàn viên"></div>'
            '<p>Bản quyền tác giả của các ý tưởng dự thi thuộc về đoàn viên.</p>'
            '<p>Ảnh chụp bản thiết kế <a href="/Upload/blueprint.pdf">blueprint</a> của công trình.</p>')
    html = f"<h1>Ra quân tình nguyện hè</h1><p>Thứ bảy, ngày 1/7/2023 - 7:00</p><div>{body}</div>"
    item = legacy.parse_page(page(html), "a.html").item
    markdown = convert(item.body_html).markdown
    for kept in ("Theo dõi trên Zalo: [0912 345 678](https://zalo.me/0912345678).", "[Tải về](/Upload/ke-hoach.pdf)",
                 "![Lễ ra quân](/Upload/anh-nho.jpg)", "![Đoàn viên](/Upload/anh-2.jpg", "Bản quyền tác giả của các ý tưởng dự thi thuộc về",
                 "Ảnh chụp bản thiết kế [blueprint](/Upload/blueprint.pdf) của công trình."):
        assert kept in markdown, kept
