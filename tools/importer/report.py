"""The import report: Markdown in Vietnamese, for the editor who finishes the job."""

from dataclasses import dataclass, field

MESSAGES = {
    "imported": "đã nhập thành `{detail}`",
    "already": "đã nhập từ lần trước (`{detail}`), bỏ qua",
    "duplicate": "cùng địa chỉ cũ ({detail}) với một trang khác trong nguồn, bỏ qua",
    "no_date": "**không có ngày đăng** (hoặc không đọc được: {detail}) — chưa nhập; thêm ngày rồi nhập lại hoặc tự tạo bài",
    "date_unreadable": "không đọc được dòng ngày: «{detail}»",
    "no_title": "**không có tiêu đề** — đã nhập thành bản nháp với tiêu đề tạm; đặt tiêu đề rồi bỏ dòng `Status: draft`",
    "empty": "không có tiêu đề và nội dung — bỏ qua",
    "no_body": "**không có nội dung** (hoặc không tìm thấy thân bài) — chưa nhập; nếu trang cũ có nội dung, đặt bộ chọn `body` trong tệp cài đặt",
    "no_category": "**không có chuyên mục** — thêm dòng `Category:`",
    "category_unmapped": "chuyên mục cũ «{detail}» chưa có trong NEWS_CATEGORIES — thêm vào tệp ánh xạ chuyên mục hoặc sửa `Category:`",
    "category_extra": "có nhiều chuyên mục: các chuyên mục sau thành thẻ (Tags): {detail}",
    "caption_guessed": "chú thích ảnh được đoán: «{detail}» — kiểm tra lại",
    "image_missing": "**thiếu ảnh/tệp** {detail} — giữ liên kết cũ; chép tệp vào `content/images/` và sửa liên kết",
    "alt_missing": "ảnh {detail} chưa có mô tả (alt) — thêm mô tả trong `![...]`",
    "encoding_converted": "đã chuyển bảng mã {detail} sang Unicode — đọc lại để kiểm tra",
    "shortcode_left": "mã ngắn WordPress còn lại trong bài: `{detail}` — sửa tay",
    "gallery_missing": "ảnh thư viện (ID {detail}) không có trong tệp xuất",
    "draft": "**bản nháp trong kho** ({detail}): tệp nằm trong thư mục nội dung với `Status: draft`, không được đăng nhưng ai có quyền đọc kho đều thấy",
    "future": "ngày đăng trong tương lai: trang sẽ hiện bài từ ngày đó",
    "upper_title": "tiêu đề viết hoa toàn bộ (giữ nguyên; giao diện tự viết hoa) — có thể sửa thành chữ thường",
    "renamed": "tên trùng với bài đã có — đặt tên khác: `{detail}`",
    "old_link": "liên kết tới trang cũ chưa nhập: {detail}",
    "check": "kiểm tra nội dung: {detail}",
    "check_error": "**lỗi kiểm tra nội dung**: {detail}",
    "word_title": "tiêu đề được đoán từ {detail} — kiểm tra lại dòng `Title:`",
    "word_date": "ngày đăng được đoán: {detail} — kiểm tra lại dòng `Date:`",
    "word_signature": "chữ ký được đoán: {detail} — thành dòng `Author:`, hiện căn phải cuối bài",
    "word_vector_image": "**ảnh không chuyển được cho web** (ảnh vẽ EMF/WMF của Word, hoặc dạng ảnh lạ): {detail} — trong Word, chuột phải vào ảnh › Lưu thành ảnh (PNG), rồi thêm ảnh vào bài",
    "word_external_image": "**ảnh liên kết ra ngoài tệp Word** ({detail}) không được đọc — chèn hẳn ảnh vào tệp (Chèn › Ảnh) rồi nhập lại",
    "category_default": "chưa chọn chuyên mục: dùng chuyên mục mặc định «{detail}» — đổi dòng `Category:` nếu cần",
    # Refusals (issue 20): what could publish a file of the machine or run script on the site.
    "media_outside": "**không chép tệp** {detail}: đường dẫn dẫn ra ngoài thư mục uploads và thư mục trang đã lưu "
                     "(`..`, đường dẫn tuyệt đối hoặc liên kết tượng trưng) — không nhập tệp này; nếu bài cần nó, tự chép tệp vào `content/images/`",
    "media_type": "**không chép tệp** {detail}: chỉ nhập ảnh (JPEG, PNG, GIF, WebP, BMP) và tài liệu (PDF, Word, Excel, PowerPoint, "
                  "OpenDocument, ZIP…); tệp HTML, JS, XML, PHP hay không có đuôi có thể chạy mã trên trang",
    "media_not_image": "**không chép tệp** {detail}: tên là ảnh nhưng nội dung không phải ảnh đọc được — kiểm tra tệp gốc",
    "svg_refused": "**không chép ảnh SVG** {detail}: SVG có thể chứa mã chạy trên trang — nếu cần, tự thêm bản SVG đã làm sạch "
                   "hoặc bản PNG vào `content/images/`",
    "redirect_refused": "**không tạo chuyển hướng** cho địa chỉ cũ {detail} — địa chỉ này có thể ghi trang ra ngoài thư mục `output/`",
    "too_complex": "**bỏ qua bài**: mã HTML của bài {detail}, không đọc được trong thời gian hợp lý — chưa nhập; chép tay nội dung từ trang cũ",
}
SKIPPED = {"no_date", "empty", "no_body", "too_complex"}  # an item left out, each with its reason
REFUSED = {"media_outside", "media_type", "media_not_image", "svg_refused", "redirect_refused", "too_complex"}


@dataclass
class ItemReport:
    title: str
    source: str
    lines: list = field(default_factory=list)  # (code, detail)
    needs_person: bool = False


@dataclass
class Report:
    source: str
    items: list = field(default_factory=list)
    general: list = field(default_factory=list)  # (code, detail) not tied to one item
    totals: dict = field(default_factory=dict)  # category -> [imported, portal's Tổng số]
    counts: dict = field(default_factory=dict)
    redirects: int = 0
    media: int = 0

    def add(self, title, source):
        entry = ItemReport(title or "(không tiêu đề)", source)
        self.items.append(entry)
        return entry


ATTENTION = {"no_body", "no_date", "no_title", "no_category", "category_unmapped", "caption_guessed", "image_missing", "alt_missing",
             "encoding_converted", "shortcode_left", "gallery_missing", "draft", "renamed", "check", "check_error",
             "date_unreadable", "old_link", "category_extra", "upper_title",
             "word_title", "word_date", "word_signature", "word_vector_image", "word_external_image", "category_default", *REFUSED}

GENERAL = {
    "xml_broken": "**tệp XML hỏng hoặc bị cắt**: {detail} — các mục sau chỗ hỏng không đọc được",
    "xml_unsafe": "**tệp XML bị từ chối** (khai báo thực thể không an toàn): {detail}",
    "wp_skipped_status": "bỏ qua mục WordPress ở trạng thái thùng rác / tự lưu: {detail}",
    "not_article": "không phải trang bài viết, bỏ qua: {detail}",
    "unreadable_file": "không đọc được tệp: {detail}",
    "redirect_collision": "**địa chỉ cũ trùng địa chỉ một trang của trang web**, không tạo chuyển hướng: {detail}",
    "page_outside": "**bỏ qua tệp** {detail}: liên kết tượng trưng trỏ ra ngoài thư mục trang đã lưu",
    "page_too_complex": "**bỏ qua trang** {detail}, không đọc được trong thời gian hợp lý — chép tay nội dung nếu đó là một bài",
}
GENERAL_REFUSED = {"page_outside", "page_too_complex"}


REPORT_NAME = "bao-cao-nhap-tin.md"
# Why a source gave nothing: printed on the terminal when nothing was imported.
SOURCE_PROBLEMS = {"xml_broken", "xml_unsafe", "unreadable_file", "not_article", *GENERAL_REFUSED}


def _terminal_lines(report, general_codes, item_codes) -> list:
    """The report's lines of these codes, one a line for the terminal, naming the article (or the file)."""
    lines = [GENERAL[code].format(detail=detail) for code, detail in report.general if code in general_codes]
    for entry in report.items:
        lines += [f"«{entry.title}» ({entry.source}): " + MESSAGES[code].format(detail=detail)
                  for code, detail in entry.lines if code in item_codes]
    return [line.replace("**", "") for line in lines]


def source_problems(report) -> list:
    """The general lines, and each item's reason for being left out, when nothing was imported."""
    return _terminal_lines(report, SOURCE_PROBLEMS, SKIPPED)


def refusals(report) -> list:
    """One line per refusal, naming the article (or the file) and the address, for the terminal."""
    return _terminal_lines(report, GENERAL_REFUSED, REFUSED)


def render(report: Report) -> str:
    counts = report.counts
    out = [
        "# Báo cáo nhập tin cũ",
        "",
        f"Nguồn: `{report.source}`",
        "",
        f"- Bài đã nhập: {counts.get('imported', 0)} (bản nháp: {counts.get('draft', 0)})",
        f"- Đã có từ lần nhập trước: {counts.get('already', 0)}",
        f"- Bỏ qua: {counts.get('skipped', 0)}",
        f"- Tệp ảnh và tài liệu đã chép: {report.media}",
        f"- Địa chỉ cũ được chuyển hướng: {report.redirects}",
        "",
    ]
    attention = [entry for entry in report.items if any(code in ATTENTION for code, _ in entry.lines)]
    out += ["## Cần người xử lý", ""]
    if not attention and not report.general:
        out += ["Không có việc gì cần làm thêm.", ""]
    for code, detail in report.general:
        out.append(f"- {GENERAL[code].format(detail=detail)}")
    if report.general:
        out.append("")
    for entry in attention:
        out.append(f"### {entry.title}")
        out.append("")
        out.append(f"Nguồn: `{entry.source}`")
        out.append("")
        for code, detail in entry.lines:
            if code in ATTENTION:
                out.append(f"- {MESSAGES[code].format(detail=detail)}")
        out.append("")
    if report.totals:
        out += ["## Số bài theo chuyên mục", "", "| Chuyên mục | Đã nhập | Tổng số trên cổng cũ | |", "|---|---:|---:|---|"]
        for category in sorted(report.totals):
            imported, total = report.totals[category]
            shown = "" if total is None else str(total)
            flag = "" if total is None or total == imported else "**lệch**"
            out.append(f"| {category} | {imported} | {shown} | {flag} |")
        out.append("")
    out += ["## Tất cả các mục", ""]
    for entry in report.items:
        first = next((MESSAGES[code].format(detail=detail) for code, detail in entry.lines
                      if code in ("imported", "already", "duplicate", "no_date", "empty", "no_body", "too_complex")), "")
        out.append(f"- {entry.title} — {first} (`{entry.source}`)")
    out.append("")
    return "\n".join(out)
