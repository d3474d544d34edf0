"""Read a Word file (.docx) into an import item (pure: bytes in, an item out), through mammoth.

mammoth writes the HTML (tables, lists, bold, italics and links kept; comments, styles and empty
paragraphs dropped; tracked changes read as accepted; nothing read from outside the file). Its
document model still knows alignment, bold and italics, so the title, the date line, the
signature and the photos' captions are recognised there, each guess noted for the report, and
the paragraphs they came from are left out of the body."""

import hashlib
import io
import re
import zipfile
from datetime import datetime
from xml.etree.ElementTree import ParseError
from zoneinfo import ZoneInfo

import mammoth
from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from mammoth import documents
from mammoth.docx.files import InvalidFileReferenceError
from mammoth.raw_text import extract_raw_text_from_element

from .html_to_markdown import CAPTION_MAX, SIGNATURE_MAX
from .item import Item
from .text import decode_legacy, encoding_from_font, is_upper_case, one_line

ORIGIN_KEY = "Word-SHA256"
WORD_SUFFIXES = (".docx", ".doc", ".docm", ".dotx")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .docx is an OLE container holding this stream (MS-OFFCRYPTO), named in UTF-16.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAX_UNPACKED = 512 * 1024 * 1024  # a zip bomb is refused before mammoth unpacks it
TITLE_MAX = 300
DATE_LINE_MAX = 100
IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/tiff": ".tif", "image/webp": ".webp",
               "image/svg+xml": ".svg", "image/bmp": ".bmp", "image/x-bmp": ".bmp"}
VECTOR_TYPES = {"image/x-emf", "image/emf", "image/x-wmf", "image/wmf", "image/x-pict"}
# Word's automatic alt text: a file name or "Picture 3" says nothing to a reader.
MEANINGLESS_ALT_RE = re.compile(r"(\.(jpe?g|png|gif|bmp|tiff?|emf|wmf)$)|^(picture|image|hình|ảnh)\s*\d*$", re.IGNORECASE)

_DATE = (r"(?P<day>\d{1,2})\s*(?:tháng\s*(?P<month>\d{1,2})\s*,?\s*năm\s*(?P<year>\d{4})"
         r"|(?P<sep>[/.-])\s*(?P<month2>\d{1,2})\s*(?P=sep)\s*(?P<year2>\d{4}))")
_TIME = r"(?:\s*[-–,]?\s*(?:lúc\s*)?(?P<hour>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<minute>\d{2})?\s*(?:phút)?)?"
# A date line: a place or a weekday, then the date (day first, always), perhaps a time, nothing after.
DATE_LINE_RE = re.compile(r"^(?:thứ\s+\d|[^\d]){0,60}?" + _DATE + _TIME + r"[\s.)]*$", re.IGNORECASE)
CORE_NS = {"dcterms": "http://purl.org/dc/terms/"}

MARK_DROP = "vnword-drop"
MARK_PHOTO = "vnword-photo"
STYLE_MAP = f"""
p[style-name='{MARK_DROP}'] => !
p[style-name='{MARK_PHOTO}'] => p.{MARK_PHOTO}:fresh
p[style-name='Title'] => h2:fresh
p[style-name='Subtitle'] => h3:fresh
"""


class WordError(Exception):
    """A Word file that cannot be imported: the message is Vietnamese and names the file."""


def is_word_file(name: str) -> bool:
    return name.lower().endswith(WORD_SUFFIXES)


def check_container(data: bytes, name: str) -> zipfile.ZipFile:
    """The .docx as an open zip, or WordError for an old .doc, a password, a broken file."""
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise WordError(f"{name}: tệp Word có mật khẩu — mở bằng Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu), "
                            "lưu lại rồi nhập lại")
        raise WordError(f"{name}: tệp Word cũ (.doc) — mở bằng Word hoặc LibreOffice, chọn Lưu thành… › Word (.docx) rồi nhập lại")
    broken = WordError(f"{name}: tệp .docx bị hỏng hoặc không phải tệp Word — mở thử bằng Word, lưu lại thành .docx rồi nhập lại")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise broken from None
    if "word/document.xml" not in names:
        raise broken
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
        raise WordError(f"{name}: tệp .docx giải nén ra quá lớn (hơn 512 MB) — không nhập")
    return archive


def created_date(archive: zipfile.ZipFile, zone: ZoneInfo):
    """The document's creation date (docProps/core.xml, UTC) in the site's zone, or None."""
    try:
        root = fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ParseError, DefusedXmlException, zipfile.BadZipFile, OSError):
        return None
    created = root.find("dcterms:created", CORE_NS)
    try:
        value = datetime.fromisoformat((created.text or "").strip())
    except (AttributeError, ValueError):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(zone)


def parse_date_line(text: str, zone: ZoneInfo):
    """(date, has_time) from a date line such as `Hà Nội, ngày 19 tháng 6 năm 2022` or
    `19/6/2022 - 22:02`: day before month, always; None when the text is not a date line."""
    if len(text) > DATE_LINE_MAX:
        return None
    match = DATE_LINE_RE.match(text)
    if not match:
        return None
    day = int(match["day"])
    month = int(match["month"] or match["month2"])
    year = int(match["year"] or match["year2"])
    hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
    try:
        return datetime(year, month, day, hour, minute, tzinfo=zone), match["hour"] is not None
    except ValueError:
        return None


# --- the document model -----------------------------------------------------------------------

def _text(element) -> str:
    return one_line(extract_raw_text_from_element(element))


def _runs(element):
    """The runs that carry text, inside hyperlinks too."""
    found = []
    for child in getattr(element, "children", []):
        if isinstance(child, documents.Run):
            if one_line(extract_raw_text_from_element(child)):
                found.append(child)
        elif isinstance(child, documents.HasChildren):
            found += _runs(child)
    return found


def _images(element):
    found = []
    for child in getattr(element, "children", []):
        if isinstance(child, documents.Image):
            found.append(child)
        elif isinstance(child, (documents.HasChildren,)):
            found += _images(child)
    return found


def _style(paragraph) -> str:
    return (paragraph.style_name or paragraph.style_id or "").replace(" ", "").lower()


def _all(paragraph, flag) -> bool:
    runs = _runs(paragraph)
    return bool(runs) and all(getattr(run, flag) or (flag == "is_bold" and (run.style_name or "") == "Strong") for run in runs)


def _is_photo(image) -> bool:
    return image.content_type not in VECTOR_TYPES


def _mark(paragraph, name):
    return paragraph.copy(style_id=name, style_name=name)


class _Reading:
    """One document's guesses, made on mammoth's model before it writes HTML."""

    def __init__(self, zone):
        self.zone = zone
        self.title = self.date = self.signature = self.date_line = None
        self.date_has_time = False
        self.notes = []
        # id() of each photo alone in its paragraph -> its caption or None. Keyed by the image, not by
        # order: mammoth leaves out the paragraph of an image it cannot read.
        self.captions = {}
        self.legacy_encoding = None

    def decode_legacy_fonts(self, run):
        """Old Vietnamese Word files typed in .VnTime (TCVN3) or VNI-Times: the text to Unicode."""
        encoding, upper = encoding_from_font(run.font or "")
        if not encoding:
            return run
        self.legacy_encoding = encoding
        children = [documents.text(decode_legacy(child.value, encoding, upper)) if isinstance(child, documents.Text) else child
                    for child in run.children]
        return run.copy(children=children)

    def __call__(self, document):
        document = mammoth.transforms.run(self.decode_legacy_fonts)(document)
        children = list(document.children)
        paragraphs = [i for i, child in enumerate(children) if isinstance(child, documents.Paragraph)]
        with_text = [i for i in paragraphs if _text(children[i])]
        drop = set()
        self._title(children, with_text, drop)
        self._date(children, with_text, drop)
        self._signature(children, with_text, drop)
        for i in paragraphs:
            if i in drop:
                children[i] = _mark(children[i], MARK_DROP)
        self._captions(children, paragraphs, drop)
        return document.copy(children=children)

    def _title(self, children, with_text, drop):
        for style, how in (("title", "kiểu Title"), ("heading1", "kiểu Heading 1")):
            for i in with_text:
                if _style(children[i]) == style:
                    self.title = _text(children[i])
                    self.notes.append(("word_title", f"{how}: «{self.title}»"))
                    drop.add(i)
                    return
        if with_text:
            first = children[with_text[0]]
            text = _text(first)
            if len(text) <= TITLE_MAX and not _images(first) and parse_date_line(text, self.zone) is None \
                    and (_all(first, "is_bold") or _all(first, "is_all_caps") or is_upper_case(text)):
                self.title = text
                self.notes.append(("word_title", f"đoạn đầu in đậm hoặc viết hoa: «{text}»"))
                drop.add(with_text[0])

    def _date(self, children, with_text, drop):
        for i in with_text:
            if i in drop:
                continue
            text = _text(children[i])
            parsed = parse_date_line(text, self.zone)
            if parsed is not None:
                self.date, has_time = parsed
                self.date_line = text
                self.date_has_time = has_time
                drop.add(i)
                return

    def _signature(self, children, with_text, drop):
        rest = [i for i in with_text if i not in drop]
        if not rest:
            return
        last = children[rest[-1]]
        text = _text(last)
        # Only when the paragraph is the document's last block: a table after it is still body.
        after = [child for child in children[rest[-1] + 1:] if not isinstance(child, documents.Paragraph)]
        if after or _images(last) or len(text) > SIGNATURE_MAX or len(rest) < 2:
            return
        right = (last.alignment or "") in ("right", "end")
        if right or _all(last, "is_bold"):
            self.signature = text
            how = "căn phải" if right else "in đậm"
            self.notes.append(("word_signature", f"đoạn cuối {how}: «{text}»"))
            drop.add(rest[-1])

    def _captions(self, children, paragraphs, drop):
        """A paragraph holding one photo and nothing else, and the short italic or centred
        paragraph right under it (or Word's Caption style) as its caption."""
        for i in paragraphs:
            paragraph = children[i]
            if i in drop:
                continue
            photos = [image for image in _images(paragraph) if _is_photo(image)]
            if len(photos) != 1 or len(_images(paragraph)) != 1:
                continue
            caption = None
            own_text = _text(paragraph)
            below_index = self._next_paragraph(children, i)
            if own_text:
                # Photo and caption in one paragraph, the caption after a line break.
                if len(own_text) > CAPTION_MAX or not (_all(paragraph, "is_italic") or paragraph.alignment == "center"):
                    continue
                caption = own_text
            elif below_index is not None and below_index not in drop:
                below = children[below_index]
                text = _text(below)
                if text and not _images(below) and len(text) <= CAPTION_MAX and (
                        _all(below, "is_italic") or below.alignment == "center" or _style(below) == "caption"):
                    caption = text
                    children[below_index] = _mark(below, MARK_DROP)
                    drop.add(below_index)
            if caption:
                self.notes.append(("caption_guessed", caption))
            self.captions[id(photos[0])] = caption
            children[i] = _mark(paragraph, MARK_PHOTO)

    @staticmethod
    def _next_paragraph(children, i):
        """The next block with text or a picture (Word's empty spacing paragraphs skipped)."""
        for j in range(i + 1, len(children)):
            child = children[j]
            if not isinstance(child, documents.Paragraph):
                return None
            if _text(child) or _images(child):
                return j
        return None


class _Images:
    """mammoth's image converter: photos kept in memory under a placeholder address, Word's
    vector clips and links to files outside the document noted and left out."""

    def __init__(self, reading):
        self.reading = reading
        self.files = {}  # placeholder URL -> (bytes, suffix)
        self.captions = {}  # placeholder URL -> caption, for photos alone in their paragraph
        self.notes = []
        self.count = 0

    def __call__(self, image):
        self.count += 1
        if image.content_type in VECTOR_TYPES:
            self.notes.append(("word_vector_image", f"ảnh thứ {self.count} ({image.content_type})"))
            return {"src": "word-drop:"}
        suffix = IMAGE_TYPES.get(image.content_type)
        try:
            with image.open() as handle:
                data = handle.read()
        except InvalidFileReferenceError:
            self.notes.append(("word_external_image", f"ảnh thứ {self.count}"))
            raise  # mammoth leaves it out
        except (KeyError, OSError, zipfile.BadZipFile):
            self.notes.append(("word_external_image", f"ảnh thứ {self.count}"))
            return {"src": "word-drop:"}
        if suffix is None:
            self.notes.append(("word_vector_image", f"ảnh thứ {self.count} ({image.content_type})"))
            return {"src": "word-drop:"}
        if suffix == ".bmp":
            data, suffix = _bmp_to_png(data), ".png"
        url = f"word-image:{len(self.files) + 1}{suffix}"
        self.files[url] = (data, suffix)
        self.captions[url] = self.reading.captions.get(id(image))
        return {"src": url}


def _bmp_to_png(data: bytes) -> bytes:
    """Browsers and the photo pipeline want PNG, not Windows bitmaps."""
    from PIL import Image  # noqa: PLC0415 - Pillow is the photo pipeline's; only bitmaps need it here

    out = io.BytesIO()
    with Image.open(io.BytesIO(data)) as bitmap:
        bitmap.save(out, "PNG")
    return out.getvalue()


# --- the HTML ---------------------------------------------------------------------------------

def _tidy(html: str, captions: dict) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    for image in soup.find_all("img", src="word-drop:"):
        image.decompose()
    for paragraph in soup.find_all("p", class_=MARK_PHOTO):
        image = paragraph.find("img")
        if image is None:  # a picture that could not be read, left out
            paragraph.decompose()
            continue
        caption = captions.get(image["src"])
        alt = one_line(image.get("alt") or "")
        figure = soup.new_tag("figure")
        new_image = soup.new_tag("img", src=image["src"])
        new_image["alt"] = caption or ("" if MEANINGLESS_ALT_RE.search(alt) else alt)
        figure.append(new_image)
        if caption:
            figcaption = soup.new_tag("figcaption")
            figcaption.string = caption
            figure.append(figcaption)
        paragraph.replace_with(figure)
    for table in soup.find_all("table"):
        first = table.find("tr")
        if first is not None and not table.find("th"):
            for cell in first.find_all("td", recursive=False):
                cell.name = "th"  # Word's first row is the header (Markdown tables need one)
    for heading in soup.find_all("h1"):
        heading.name = "h2"  # the title is the page's one h1
    for anchor in soup.find_all("a"):
        if not anchor.get("href") or anchor["href"].startswith("#"):
            anchor.unwrap()  # Word's bookmarks, and the table of contents' links to them (the site has no such anchors)
    for paragraph in soup.find_all("p"):
        _split_on_blank_lines(soup, paragraph)
    for paragraph in soup.find_all("p"):
        if not one_line(paragraph.get_text(" ")) and not paragraph.find("img"):
            paragraph.decompose()
    return soup


def _split_on_blank_lines(soup, paragraph):
    """Line breaks used as spacing: none at either end, two or more in a row start a paragraph."""
    def is_break(node):
        return getattr(node, "name", None) == "br" or (isinstance(node, str) and not node.strip())

    for end in (0, -1):
        while paragraph.contents and is_break(paragraph.contents[end]):
            paragraph.contents[end].extract()
    parts, current, breaks = [], [], []
    for node in list(paragraph.contents):
        if is_break(node):
            breaks.append(node)
            continue
        if sum(getattr(b, "name", None) == "br" for b in breaks) >= 2:
            parts.append(current)
            current = []
        else:
            current += breaks
        breaks = []
        current.append(node)
    parts.append(current)
    if len(parts) < 2:
        return
    for part in parts:
        new = soup.new_tag("p")
        for node in part:
            new.append(node.extract())
        paragraph.insert_before(new)
    paragraph.decompose()


def read_docx(data: bytes, name: str, zone_name: str = "Asia/Ho_Chi_Minh", publish: bool = False, today: datetime | None = None) -> Item:
    """The item of one .docx file; WordError (Vietnamese, naming the file) when it cannot be read."""
    zone = ZoneInfo(zone_name)
    archive = check_container(data, name)
    reading = _Reading(zone)
    images = _Images(reading)
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), transform_document=reading, convert_image=mammoth.images.img_element(images),
                                         style_map=STYLE_MAP, include_embedded_style_map=False, external_file_access=False)
    except Exception as error:  # noqa: BLE001 - any failure inside a third-party file's parts means a broken file
        raise WordError(f"{name}: tệp .docx bị hỏng, không đọc được ({type(error).__name__}) — mở thử bằng Word, lưu lại thành .docx rồi nhập lại") from None
    soup = _tidy(result.value, images.captions)
    body_text = one_line(soup.get_text(" "))
    if not (reading.title or body_text or reading.signature):
        raise WordError(f"{name}: tệp Word không có chữ nào — không có gì để nhập")
    item = Item(origin=hashlib.sha256(data).hexdigest(), source=name, body_html=str(soup))
    item.origin_key = ORIGIN_KEY
    item.title = reading.title
    item.author = reading.signature
    item.embedded = {url: value for url, value in images.files.items() if soup.find("img", src=url)}
    item.status = "published" if publish else "draft"
    if not publish:
        item.draft_reason = "nhập từ Word — đọc lại, rồi xoá dòng `Status: draft` để đăng"
    item.notes = reading.notes + images.notes
    if reading.legacy_encoding:
        item.notes.append(("encoding_converted", reading.legacy_encoding))
    item.date = _date(item, reading, archive, zone, today)
    return item


def _date(item, reading, archive, zone, today):
    created = created_date(archive, zone)
    if reading.date is not None:
        date = reading.date
        if not reading.date_has_time and created is not None and created.date() == date.date():
            date = created.replace(second=0, microsecond=0)
            item.notes.append(("word_date", f"dòng ngày «{reading.date_line}», giờ theo ngày tạo tệp: {date:%d/%m/%Y %H:%M}"))
        else:
            item.notes.append(("word_date", f"dòng ngày «{reading.date_line}»: {date:%d/%m/%Y %H:%M}"))
        return date
    if created is not None:
        item.notes.append(("word_date", f"không có dòng ngày, lấy ngày tạo tệp: {created:%d/%m/%Y %H:%M}"))
        return created.replace(second=0, microsecond=0)
    now = (today or datetime.now(zone)).astimezone(zone).replace(second=0, microsecond=0)
    item.notes.append(("word_date", f"không có dòng ngày, tệp không ghi ngày tạo: lấy hôm nay {now:%d/%m/%Y %H:%M}"))
    return now

