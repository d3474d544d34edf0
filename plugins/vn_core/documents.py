"""Văn bản: the documents register's rules, shared by the build (plugins/van_ban) and the checker
(content_checks/documents.py). A document is a Markdown file under content/van-ban/ whose metadata
block (vn_core.front_matter) holds Vietnamese keys, their unaccented spellings or English aliases;
its body is an optional description.

Pure: no Pelican imports, no I/O. Problems are (code, line, params) tuples; the checker words them."""

import re
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .dates import DateProblem, parse_date
from .front_matter import parse_block
from .links import address_problem
from .vietnamese import fold

# Canonical key -> (the label editors see, aliases). Unaccented spellings (`So ky hieu`, `Tep`) match
# by folding, so only the English aliases are listed.
DOCUMENT_KEYS = {
    "number": ("Số ký hiệu", ("Number",)),
    "type": ("Loại", ("Type",)),
    "abstract": ("Trích yếu", ("Abstract",)),
    "issuer": ("Cơ quan ban hành", ("Issuer",)),
    "signer": ("Người ký", ("Signer",)),
    "issued": ("Ngày ban hành", ("Issued",)),
    "effective": ("Ngày hiệu lực", ("Effective",)),
    "expires": ("Hết hiệu lực", ("Expires",)),
    "replaces": ("Thay thế", ("Replaces",)),
    "field": ("Lĩnh vực", ("Field",)),
    "files": ("Tệp", ("Files",)),
}
REQUIRED = ("number", "type", "abstract", "issued", "files")
DATE_KEYS = ("issued", "effective", "expires")


def _key_form(written: str) -> str:
    return fold(written.replace("_", " ").replace("-", " "))


_LOOKUP = {
    _key_form(name): key
    for key, (label, aliases) in DOCUMENT_KEYS.items()
    for name in (label, *aliases)
}

# Status codes and what every page shows for them.
NOT_YET, IN_FORCE, EXPIRED, REPLACED = "chua-hieu-luc", "con-hieu-luc", "het-hieu-luc", "da-thay-the"
STATUS_LABELS = {NOT_YET: "Chưa có hiệu lực", IN_FORCE: "Còn hiệu lực", EXPIRED: "Hết hiệu lực"}


def label(key: str) -> str:
    return DOCUMENT_KEYS[key][0]


def document_key(written: str):
    """The canonical key of a key as typed (`Số ký hiệu`, `So ky hieu`, `so_ky_hieu`, `Number`), or None."""
    return _LOOKUP.get(_key_form(written))


def number_key(number: str) -> str:
    """The form a số ký hiệu is matched and searched by: folded, separators as single spaces.
    `15-KH/ĐTN`, `15 kh dtn` and `15/kh-dtn` all give `15 kh dtn`."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(number)).split())


@dataclass
class Document:
    path: str  # content-relative
    number: str = ""
    type: str = ""
    abstract: str = ""
    issuer: str = ""
    signer: str = ""
    issued: date | None = None
    effective: date | None = None
    expires: date | None = None
    replaces: str = ""
    field: str = ""
    files: list = dc_field(default_factory=list)
    body: str = ""
    lines: dict = dc_field(default_factory=dict)  # canonical key -> line
    # Filled by link_replacements():
    replaces_document: "Document | None" = None
    replaced_by: "Document | None" = None

    @property
    def key(self) -> tuple:
        """Two documents are the same when the number and the issuer match (folded)."""
        return number_key(self.number), fold(self.issuer)


def _read_date(value, key, line, problems, get_date):
    try:
        return parse_date(value, get_date).date()
    except DateProblem:
        problems.append(("doc_bad_date", line, {"key": label(key), "value": value}))
        return None


def read_document(path: str, text: str, get_date=None):
    """(Document, problems) of one file's text (NFC). Required fields that are missing, dates that
    cannot be read, an effective date before the issue date and Tệp paths that leave the content
    folder are problems; the Document still holds what could be read."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block = parse_block(lines)
    document = Document(path)
    problems = [(code, line, params) for code, line, params in block.problems if code in ("not_key_value", "yaml_bad_value")]
    values = {}
    for item in block.fields:
        key = document_key(item.written)
        if key is None:
            problems.append(("doc_unknown_key", item.line, {"key": item.written,
                                                            "keys": ", ".join(f"`{label(k)}`" for k in DOCUMENT_KEYS)}))
            continue
        if key in values:
            problems.append(("duplicate_key", item.line, {"key": item.written, "first_line": document.lines[key]}))
            continue
        values[key] = " ".join(item.value.split())
        document.lines[key] = item.line
    for key in REQUIRED:
        if not values.get(key):
            problems.append(("doc_missing_field", document.lines.get(key, 1), {"key": label(key)}))
    for key in ("number", "type", "abstract", "issuer", "signer", "replaces", "field"):
        setattr(document, key, values.get(key, ""))
    for key in DATE_KEYS:
        if values.get(key):
            setattr(document, key, _read_date(values[key], key, document.lines[key], problems, get_date))
    if document.effective is None and "effective" not in values:
        document.effective = document.issued
    if document.issued and document.effective and document.effective < document.issued:
        problems.append(("doc_effective_before_issued", document.lines["effective"],
                         {"effective": values["effective"], "issued": values["issued"]}))
    if document.effective and document.expires and document.expires <= document.effective:
        problems.append(("doc_expires_before_effective", document.lines["expires"],
                         {"expires": values["expires"], "effective": values.get("effective") or values["issued"]}))
    for name in (part.strip() for part in values.get("files", "").split(",")):
        if not name:
            continue
        relative = file_path(name)
        if relative is None:
            problem = address_problem(name.lstrip("/")) or ("parent", "")
            problems.append(("doc_unsafe_file", document.lines["files"], {"value": name, "reason": problem[0], "detail": problem[1]}))
        else:
            document.files.append(relative)
    document.body = "\n".join(lines[block.body_start:]).strip()
    return document, problems


def file_path(value: str):
    """`{static}/tai-lieu/a.pdf`, `/tai-lieu/a.pdf` or `tai-lieu/a.pdf` -> `tai-lieu/a.pdf`, a path of
    the content folder; None when it would leave it (`..`, a scheme, `//`, a backslash)."""
    text = value.strip()
    for prefix in ("{static}", "|static|", "{attach}", "|attach|"):
        text = text.removeprefix(prefix)
    text = text.lstrip("/") if not text.startswith("//") else text
    if not text or address_problem(text):
        return None
    return text


def link_replacements(documents) -> list:
    """Sets `replaces_document` / `replaced_by` both ways from each `Thay thế`; returns the
    documents whose `Thay thế` names no known document. A number shared by several issuers resolves
    to the one of the same issuer."""
    by_number = {}
    for document in documents:
        by_number.setdefault(number_key(document.number), []).append(document)
    unknown = []
    for document in documents:
        if not document.replaces:
            continue
        candidates = [c for c in by_number.get(number_key(document.replaces), []) if c is not document]
        same_issuer = [c for c in candidates if fold(c.issuer) == fold(document.issuer)]
        target = (same_issuer or candidates or [None])[0]
        if target is None:
            unknown.append(document)
            continue
        document.replaces_document = target
        target.replaced_by = document
    return unknown


def duplicates(documents) -> list:
    """(document, first) for each document with the number and issuer of an earlier one (by path)."""
    seen, found = {}, []
    for document in sorted(documents, key=lambda d: d.path):
        if not document.number:
            continue
        first = seen.setdefault(document.key, document)
        if first is not document:
            found.append((document, first))
    return found


def status(document: Document, today: date) -> str:
    """NOT_YET, IN_FORCE or EXPIRED on `today` (the site's date): in force from Ngày hiệu lực, no
    longer from Hết hiệu lực."""
    if document.effective and today < document.effective:
        return NOT_YET
    if document.expires and today >= document.expires:
        return EXPIRED
    return IN_FORCE


def status_label(document: Document, today: date) -> str:
    if document.replaced_by is not None:
        return f"Đã được thay thế bởi {document.replaced_by.number}"
    return STATUS_LABELS[status(document, today)]


def next_change(documents, today: date, timezone: str) -> datetime | None:
    """The first midnight (in the site's time zone) after `today` on which some status changes."""
    days = [day for d in documents for day in (d.effective, d.expires) if day and day > today]
    if not days:
        return None
    return datetime.combine(min(days), time(), ZoneInfo(timezone))


def newest_first(documents) -> list:
    """Newest issue date first; same day: number, then path, so the order is stable."""
    oldest = date.min
    ordered = sorted(documents, key=lambda d: (number_key(d.number), d.path))
    return sorted(ordered, key=lambda d: d.issued or oldest, reverse=True)


def file_size(size: int) -> str:
    """`245 KB`, `1,2 MB`: Vietnamese decimal comma, 1 KB = 1024 bytes."""
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            text = f"{size:.1f}" if size < 10 else f"{size:.0f}"
            return f"{text.removesuffix('.0').replace('.', ',')} {unit}"
    return ""


def file_type(path: str) -> str:
    """`PDF`, `DOCX`: what the download link says the file is."""
    return path.rsplit(".", 1)[-1].upper() if "." in path.rsplit("/", 1)[-1] else "Tệp"
