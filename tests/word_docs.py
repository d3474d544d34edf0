"""Word files for the tests of `make import FROM=file.docx`, written with python-docx the way an
office's Word writes them: a Title paragraph, a date line, bold and italic runs, a photo with an
italic caption under it, a bulleted list, a table, a right-aligned signature."""

from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image

CREATED = datetime(2022, 6, 19, 15, 2, tzinfo=timezone.utc)  # 22:02 in Việt Nam
TITLE = "Đoàn Khối tổ chức Ngày hội hiến máu tình nguyện"
CAPTION = "Đoàn viên hiến máu tại hội trường Tỉnh đoàn"
SIGNATURE = "Nguyễn Văn An"


def photo(path: Path, size=(1600, 1200), color=(200, 30, 30)) -> Path:
    Image.new("RGB", size, color).save(path, "JPEG", quality=90)
    return path


def document(created=CREATED):
    doc = docx.Document()
    properties = doc.core_properties
    if created is None:
        # python-docx's template carries a creation date of its own: take it out.
        element = properties._element.find(qn("dcterms:created"))
        properties._element.remove(element)
    else:
        properties.created = created
    return doc


def add_photo(doc, path: Path, alt: str | None = None):
    doc.add_picture(str(path), width=Cm(12))
    paragraph = doc.paragraphs[-1]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if alt is not None:
        paragraph._p.xpath(".//wp:docPr")[0].set("descr", alt)
    return paragraph


def add_linked_picture(doc, target: str, image: Path):
    """A picture whose blip points outside the file (r:link), as Word's "Link to File" writes it."""
    doc.add_picture(str(image))
    blip = doc.paragraphs[-1]._p.xpath(".//a:blip")[0]
    relationship = doc.part.relate_to(target, RT.IMAGE, is_external=True)
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), relationship)


def add_link(paragraph, url: str, text: str):
    relationship = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def add_tracked_change(paragraph, deleted: str, inserted: str):
    """A tracked deletion and insertion, not yet accepted in Word."""
    for tag, text, text_tag in (("w:del", deleted, "w:delText"), ("w:ins", inserted, "w:t")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:del" else "2")
        change.set(qn("w:author"), "Biên tập")
        run = OxmlElement("w:r")
        text_element = OxmlElement(text_tag)
        text_element.text = text
        run.append(text_element)
        change.append(run)
        paragraph._p.append(change)


def italic(doc, text, align=None):
    paragraph = doc.add_paragraph()
    paragraph.add_run(text).italic = True
    if align is not None:
        paragraph.alignment = align
    return paragraph


def news(path: Path, picture: Path, date_line="Tuyên Quang, ngày 19 tháng 6 năm 2022", created=CREATED) -> Path:
    """The whole article as a department sends it."""
    doc = document(created)
    doc.add_heading(TITLE, 0)
    if date_line:
        doc.add_paragraph(date_line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("")  # spacing, Word style
    first = doc.add_paragraph("Sáng 19/6, ")
    first.add_run("hơn 200 đoàn viên").bold = True
    first.add_run(" đã tham gia ")
    first.add_run("hiến máu tình nguyện").italic = True
    first.add_run(" tại ")
    add_link(first, "https://hienmau.example.vn/", "trung tâm hiến máu")
    first.add_run(".")
    spaced = doc.add_paragraph("Chương trình do Đoàn Khối phát động.")
    spaced.add_run().add_break()
    spaced.add_run().add_break()
    spaced.add_run("Mỗi chi đoàn cử ít nhất mười người.")
    spaced.add_run().add_break()
    add_photo(doc, picture, alt="IMG_2041.jpg")
    italic(doc, CAPTION, WD_ALIGN_PARAGRAPH.CENTER)
    doc.add_paragraph("Nhận giấy chứng nhận", style="List Bullet")
    doc.add_paragraph("Nhận quà lưu niệm", style="List Bullet")
    table = doc.add_table(rows=3, cols=2)
    for row, values in enumerate((("Đơn vị", "Số người"), ("Chi đoàn Sở Y tế", "25"), ("Chi đoàn Điện lực", "31"))):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    closing = doc.add_paragraph("Ngày hội kết thúc lúc ")
    add_tracked_change(closing, "10 giờ", "11 giờ")
    closing.add_run(" cùng ngày.")
    doc.add_comment(closing.runs[0], text="Kiểm tra lại giờ", author="Trưởng ban")
    signature = doc.add_paragraph()
    signature.add_run(SIGNATURE).bold = True
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(path)
    return path
