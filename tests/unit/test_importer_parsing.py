"""The importer's pure modules: WXR, legacy pages, HTML -> Markdown, text and encodings."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import sys

ROOT = Path(__file__).resolve().parents[2]

from trangtin.tools.importer import legacy, wxr  # noqa: E402
from trangtin.tools.importer.html_to_markdown import convert  # noqa: E402
from trangtin.tools.importer.text import clean_text, decode_legacy, encoding_from_font, is_upper_case  # noqa: E402
from legacy_text import encode_tcvn3, encode_vni  # noqa: E402

SOURCES = ROOT / "tests" / "fixtures" / "import_sources"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(scope="module")
def export():
    items, problems, sites = wxr.read_wxr((SOURCES / "wordpress" / "export.xml").read_bytes())
    return {item.origin: item for item in items}, problems, sites


# --- WordPress ---------------------------------------------------------------------------------


def test_wp_time_comes_from_post_date_gmt_shown_in_vietnam(export):
    item = export[0]["https://tuoitre.example.vn/2022/06/19/ngay-hoi-hien-mau/"]
    assert item.date == datetime(2022, 6, 19, 22, 2, tzinfo=HCM)


def test_wp_time_falls_back_to_post_date_when_gmt_is_zero():
    assert wxr.parse_wp_time("0000-00-00 00:00:00", "2022-07-01 09:00:00", HCM) == datetime(2022, 7, 1, 9, 0, tzinfo=HCM)
    assert wxr.parse_wp_time("0000-00-00 00:00:00", "0000-00-00 00:00:00", HCM) is None
    assert wxr.parse_wp_time("", "not a date", HCM) is None


def test_wp_title_html_becomes_plain_text(export):
    assert export[0]["https://tuoitre.example.vn/2022/06/19/ngay-hoi-hien-mau/"].title == "Ngày hội hiến máu & tình nguyện"


def test_wp_metadata_views_image_excerpt_terms(export):
    item = export[0]["https://tuoitre.example.vn/2022/06/19/ngay-hoi-hien-mau/"]
    assert item.views == 1520
    assert item.image.endswith("/2022/06/hien-mau.png")
    assert item.summary == "Hơn 200 đoàn viên hiến máu."
    assert item.categories == ["Hoạt động", "Thanh niên tình nguyện"] and item.tags == ["hiến máu"]
    assert item.author == "Ban Tuyên giáo"
    assert "https://tuoitre.example.vn/?p=101" in item.old_urls
    assert export[0]["https://tuoitre.example.vn/2022/05/01/ra-quan-tinh-nguyen/"].views == 87


@pytest.mark.parametrize("origin, reason", [
    ("https://tuoitre.example.vn/?p=103", "chờ duyệt"),
    ("https://tuoitre.example.vn/2022/07/02/bai-mat-khau/", "có mật khẩu"),
])
def test_wp_pending_and_password_items_become_drafts(export, origin, reason):
    assert export[0][origin].status == "draft" and export[0][origin].draft_reason == reason


def test_wp_future_item_keeps_its_date_and_trash_is_skipped(export):
    future = export[0]["https://tuoitre.example.vn/2099/06/01/thong-bao-he/"]
    assert future.status == "published" and future.date.year == 2099
    assert ("wp_skipped_status", "Bài đã xoá (trash)") in export[1]
    assert all(item.title != "Bài đã xoá" for item in export[0].values())


def test_wp_caption_and_gallery_shortcodes_become_figures_other_shortcodes_are_noted(export):
    item = export[0]["https://tuoitre.example.vn/2022/06/19/ngay-hoi-hien-mau/"]
    assert "<figcaption>Đoàn viên đăng ký hiến máu tại điểm hiến</figcaption>" in item.body_html
    assert item.body_html.count("<figure>") == 3  # the caption and two gallery images
    assert ("shortcode_left", '[contact-form-7 id="5"]') in item.notes


def test_wp_page_is_a_page(export):
    assert export[0]["https://tuoitre.example.vn/gioi-thieu-doan-khoi/"].kind == "page"


def test_truncated_wxr_gives_the_items_before_the_break_and_a_problem():
    items, problems, _ = wxr.read_wxr((SOURCES / "wordpress" / "truncated.xml").read_bytes(), source="truncated.xml")
    assert [item.slug for item in items] == ["ngay-hoi-hien-mau", "ra-quan-tinh-nguyen"]
    assert problems[-1][0] == "xml_broken" and problems[-1][1].startswith("truncated.xml:")


def test_wxr_with_an_entity_bomb_is_refused_not_expanded():
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>'
    items, problems, _ = wxr.read_wxr(bomb)
    assert items == [] and problems[0][0] == "xml_unsafe"


def test_wxr_that_is_not_xml_is_a_problem():
    items, problems, _ = wxr.read_wxr(b"this is not xml", source="x.xml")
    assert items == [] and problems[0][0] == "xml_broken" and "x.xml:1" in problems[0][1]


def test_autop_turns_blank_lines_into_paragraphs_and_leaves_block_markup():
    assert wxr.autop("Một\n\nHai\nba") == "<p>Một</p>\n<p>Hai<br>\nba</p>"
    assert wxr.autop("<p>Đã có</p>") == "<p>Đã có</p>"


# --- legacy pages ------------------------------------------------------------------------------


def parse(relative):
    return legacy.parse_page((SOURCES / "legacy" / relative).read_bytes(), relative)


def test_legacy_article_parts_found_by_what_they_say():
    page = parse("doankhoi.tuyenquang.gov.vn/News/Detail.aspx@NewsID=101")
    item = page.item
    assert item.title == "HỘI NGHỊ SƠ KẾT 6 THÁNG ĐẦU NĂM 2021"
    assert item.date == datetime(2022, 6, 19, 22, 2, tzinfo=HCM)
    assert item.views == 152
    assert item.categories == ["Tin hoạt động"]
    assert item.origin == "http://doankhoi.tuyenquang.gov.vn/News/Detail.aspx?NewsID=101"
    assert "CÁC TIN ĐÃ ĐĂNG" not in item.body_html and "Tổng số" not in item.body_html
    assert "Đã xem" not in item.body_html and "Chủ nhật" not in item.body_html
    assert item.total_label == ("Tin hoạt động", 123)


def test_legacy_browser_saved_page_uses_saved_from_url_and_h1():
    item = parse("saved/Detail.html").item
    assert item.origin == "http://doankhoi.tuyenquang.gov.vn/News/Detail.aspx?NewsID=102"
    assert item.title == "Công trình thanh niên “Ngôi nhà 26/3”"
    assert item.date == datetime(2022, 3, 5, 8, 15, tzinfo=HCM)
    assert item.views == 1204 and item.categories == ["Tin hoạt động"]


def test_legacy_tcvn3_page_is_decoded_and_vntimeh_upper_cased():
    item = parse("doankhoi.tuyenquang.gov.vn/News/Detail.aspx@NewsID=103").item
    assert item.title == "TUỔI TRẺ SÁNG TẠO NĂM 2021"
    assert item.date == datetime(2021, 12, 6, 9, 30, tzinfo=HCM)
    assert item.categories == ["Tuổi trẻ sáng tạo"] and item.views == 45
    assert "Ban Giám khảo trao 3 giải nhất" in item.body_html
    assert ("encoding_converted", "TCVN3") in item.notes


def test_legacy_listing_is_a_listing_with_its_total():
    page = parse("doankhoi.tuyenquang.gov.vn/News/List.aspx@CatID=1")
    assert page.item is None and page.listing.category == "Tin hoạt động" and page.listing.total == 3


def test_legacy_page_with_an_impossible_date_has_no_date():
    item = parse("doankhoi.tuyenquang.gov.vn/News/Detail.aspx@NewsID=104").item
    assert item.date is None and item.notes[0] == ("date_unreadable", "Thứ hai, ngày 31/2/2022 - 10:00")


def test_legacy_page_without_a_date_line_is_not_an_article():
    page = parse("doankhoi.tuyenquang.gov.vn/Contact.aspx.html")
    assert page.item is None and page.listing is None and "ngày" in page.reason


def test_legacy_date_line_is_always_day_month():
    html = "<html><body><h1>Tiêu đề bài</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p><div><p>Nội dung bài viết.</p></div></body></html>"
    item = legacy.parse_page(html.encode(), "a.html").item
    assert item.date == datetime(2022, 5, 3, 7, 5, tzinfo=HCM)


def test_legacy_selectors_override_the_guesses():
    html = """<html><body><div class="t">Tiêu đề thật</div><h1>Tên cổng</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p>
    <div id="noi-dung"><p>Thân bài.</p></div><div><p>Một khối khác dài hơn rất nhiều, rất nhiều, rất nhiều chữ.</p></div></body></html>"""
    item = legacy.parse_page(html.encode(), "a.html", selectors={"title": ".t", "body": "#noi-dung"}).item
    assert item.title == "Tiêu đề thật" and "Thân bài." in item.body_html and "khối khác" not in item.body_html


@pytest.mark.parametrize("relative, url", [
    ("host.vn/News/Detail.aspx?NewsID=7.html", "http://host.vn/News/Detail.aspx?NewsID=7"),
    ("host.vn/News/Detail.aspx@NewsID=7", "http://host.vn/News/Detail.aspx?NewsID=7"),
    ("host.vn/tin-tuc/bai-a.html", "http://host.vn/tin-tuc/bai-a.html"),
    ("saved/bai.html", "/saved/bai.html"),
])
def test_legacy_old_url_from_a_wget_mirror_path(relative, url):
    from bs4 import BeautifulSoup
    assert legacy.old_url("", BeautifulSoup("", "html.parser"), relative) == url


# --- text and encodings --------------------------------------------------------------------------


def test_decode_legacy_turns_latin1_characters_back_into_bytes():
    shown = encode_tcvn3("đoàn viên").decode("latin-1")
    assert decode_legacy(shown, "TCVN3") == "đoàn viên"
    assert decode_legacy(shown, "TCVN3", upper=True) == "ĐOÀN VIÊN"
    assert decode_legacy(encode_vni("Tuyên Quang").decode("latin-1"), "VNI") == "Tuyên Quang"


def test_vni_page_by_font_is_decoded():
    body = encode_vni("Đoàn viên thanh niên tham gia hiến máu tình nguyện").decode("latin-1")
    html = f'<html><body><h1>Hiến máu</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p><div><p><font face="VNI-Times">{body}</font></p></div></body></html>'
    item = legacy.parse_page(html.encode("utf-8"), "a.html").item
    assert "Đoàn viên thanh niên tham gia hiến máu tình nguyện" in item.body_html


@pytest.mark.parametrize("font, expected", [
    (".VnTime", ("TCVN3", False)), (".VnTimeH", ("TCVN3", True)), ("'.VnArialH', sans-serif", ("TCVN3", True)),
    ("VNI-Times", ("VNI", False)), ("Times New Roman", (None, False)),
])
def test_encoding_from_font(font, expected):
    assert encoding_from_font(font) == expected


def test_clean_text_nfc_no_zero_width_one_space():
    assert clean_text("Đoa\u0300n\u200b  \u00a0 viên") == "Đoàn viên"
    assert is_upper_case("HỘI NGHỊ 2021") and not is_upper_case("Hội nghị") and not is_upper_case("2021")


# --- HTML -> Markdown ---------------------------------------------------------------------------


def test_photo_then_caption_paragraph_becomes_a_figure():
    result = convert('<p align="center"><img src="a.png"></p><p align="center"><em>Chú thích</em></p><p>Đoạn văn.</p>')
    assert result.markdown == '![Chú thích](a.png "Chú thích")\n\nĐoạn văn.\n'
    assert ("caption_guessed", "Chú thích") in result.notes


def test_long_paragraph_after_a_photo_is_not_a_caption():
    long = "Một đoạn văn dài " * 20
    result = convert(f'<p><img src="a.png" alt="Ảnh"></p><p>{long}</p>')
    assert result.markdown.startswith("![Ảnh](a.png)\n\n") and not result.notes


def test_photo_in_a_table_cell_with_caption_below_becomes_a_figure():
    result = convert('<table><tr><td><img src="b.png" alt="B"></td></tr><tr><td>Chú thích b</td></tr></table>')
    assert result.markdown == '![B](b.png "Chú thích b")\n'


def test_photo_and_caption_in_one_cell():
    result = convert('<table><tr><td><img src="b.png"><br>Chú thích cùng ô</td></tr></table>')
    assert result.markdown == '![Chú thích cùng ô](b.png "Chú thích cùng ô")\n'


def test_data_table_without_photos_stays_a_table():
    result = convert("<table><tr><th>Đơn vị</th><th>Số</th></tr><tr><td>A</td><td>1</td></tr></table>")
    assert "| Đơn vị | Số |" in result.markdown


def test_right_aligned_short_last_paragraph_is_the_signature():
    result = convert('<p>Nội dung.</p><p style="text-align: right"><b>ĐTN</b></p>', signature=True)
    assert result.signature == "ĐTN" and result.markdown == "Nội dung.\n"
    kept = convert('<p>Nội dung.</p><p style="text-align: right"><b>ĐTN</b></p>', signature=False)
    assert "ĐTN" in kept.markdown


def test_inline_image_in_text_is_kept():
    assert convert('<p>Chữ <img src="c.png" alt="c"> chữ</p>').markdown == "Chữ ![c](c.png) chữ\n"


def test_html_is_sanitised_before_conversion():
    result = convert('<p onclick="x()">A<script>alert(1)</script><img src="x.png" alt="x" onerror="alert(2)"></p><a href="javascript:alert(3)">b</a>')
    assert "alert" not in result.markdown and "javascript" not in result.markdown


def test_word_markup_is_removed():
    result = convert('<p class="MsoNormal" style="mso-line-height-alt:12pt">Chữ<o:p></o:p></p><!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]-->')
    assert result.markdown == "Chữ\n"


def test_missing_alt_is_noted_and_caption_fills_it():
    assert ("alt_missing", "x.png") in convert('<p>Chữ <img src="x.png"> chữ</p>').notes
    figure = convert("<figure><img src='y.png'><figcaption>Ảnh y</figcaption></figure>")
    assert figure.markdown == '![Ảnh y](y.png "Ảnh y")\n' and not figure.notes


def test_quotes_in_a_caption_do_not_break_the_markdown_title():
    result = convert('<figure><img src="y.png" alt="y"><figcaption>Công trình "Ngôi nhà 26/3"</figcaption></figure>')
    assert result.markdown == '![y](y.png "Công trình “Ngôi nhà 26/3”")\n'


def test_urls_are_rewritten_by_the_callback():
    result = convert('<p><a href="http://old/x">x</a> <img src="a.png" alt="a"></p>', rewrite=lambda url, kind: f"{{static}}/{kind}/{url[-1]}")
    assert result.markdown == "[x]({static}/link/x) ![a]({static}/image/g)\n"


def test_listing_whose_items_show_date_lines_is_a_listing():
    rows = "".join(f'<li><a href="/d?id={n}">Tin {n}</a> Thứ hai, ngày {n}/5/2022 - 08:00</li>' for n in range(1, 6))
    html = f'<html><body><div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/l">Công tác Đoàn</a></div><ul>{rows}</ul><p>Tổng số: 57</p></body></html>'
    page = legacy.parse_page(html.encode(), "l.html")
    assert page.item is None and (page.listing.category, page.listing.total) == ("Công tác Đoàn", 57)


def test_text_that_looks_like_markup_stays_text():
    import markdown

    result = convert("<p>Thẻ &lt;b&gt; &amp; 1 &lt; 2 [x](y)</p><p># Không phải tiêu đề</p><p>1. Không phải danh sách</p>")
    html = markdown.markdown(result.markdown)
    assert html == ("<p>Thẻ &lt;b&gt; &amp; 1 &lt; 2 [x](y)</p>\n<p># Không phải tiêu đề</p>\n<p>1. Không phải danh sách</p>")


def test_escapes_are_few_and_read_back_as_the_same_text():
    import markdown

    source = '<p>- gạch đầu</p><p>+ cộng</p><p>Năm 2020. Lễ [contact-form-7 id="5"] 5*3 a_b \\ x</p>'
    result = convert(source)
    assert result.markdown == '\\- gạch đầu\n\n\\+ cộng\n\nNăm 2020. Lễ \\[contact-form-7 id="5"\\] 5\\*3 a_b \\\\ x\n'
    assert markdown.markdown(result.markdown) == '<p>- gạch đầu</p>\n<p>+ cộng</p>\n<p>Năm 2020. Lễ [contact-form-7 id="5"] 5*3 a_b \\ x</p>'


def test_tcvn3_page_without_font_names_is_recognised_by_its_bytes():
    body = encode_tcvn3("Đoàn viên thanh niên tham gia hiến máu tình nguyện tại bệnh viện tỉnh").decode("latin-1")
    date = encode_tcvn3("Thứ ba, ngày 3/5/2022 - 07:05").decode("latin-1")
    html = f'<html><head><meta charset="windows-1252"></head><body><h1>Hien mau</h1><p>{date}</p><div><p>{body}</p></div></body></html>'
    item = legacy.parse_page(html.encode("latin-1"), "a.html").item
    assert item.date == datetime(2022, 5, 3, 7, 5, tzinfo=HCM)
    assert "Đoàn viên thanh niên tham gia hiến máu tình nguyện tại bệnh viện tỉnh" in item.body_html
    assert ("encoding_converted", "TCVN3") in item.notes


def test_browser_saved_utf8_page_with_tcvn3_as_latin1_characters_is_decoded():
    body = encode_tcvn3("Hội nghị tổng kết công tác Đoàn năm 2021").decode("latin-1")
    html = f'<html><head><meta charset="utf-8"></head><body><h1>Tong ket</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p><div><p><span style="font-family: .VnTime">{body}</span></p></div></body></html>'
    item = legacy.parse_page(html.encode("utf-8"), "a.html").item
    assert "Hội nghị tổng kết công tác Đoàn năm 2021" in item.body_html


def test_unicode_page_is_left_alone():
    html = '<html><body><h1>Tuyên Quang</h1><p>Thứ ba, ngày 3/5/2022 - 07:05</p><div><p>Đoàn viên tham gia hiến máu ở Tuyên Quang.</p></div></body></html>'
    item = legacy.parse_page(html.encode("utf-8"), "a.html").item
    assert "Đoàn viên tham gia hiến máu ở Tuyên Quang." in item.body_html and not item.notes


def test_block_editor_gallery_becomes_one_figure_per_image():
    html = ('<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="a.png" alt="A"><figcaption>Ảnh A</figcaption></figure>'
            '<figure class="wp-block-image"><img src="b.png" alt="B"></figure></figure>')
    assert convert(html).markdown == '![A](a.png "Ảnh A")\n\n![B](b.png)\n'


def test_caption_shortcode_around_a_linked_image():
    notes = []
    text = wxr.expand_shortcodes('[caption id="a" width="300"]<a href="x.png"><img src="x-300x200.png" alt="X"></a> Chú thích X[/caption]', {}, notes)
    assert convert(text).markdown == '![X](x-300x200.png "Chú thích X")\n' and notes == []
