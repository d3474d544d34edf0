"""What each problem says, in Vietnamese for editors and in English (`--lang en`).

Every message reads `what is wrong — how to fix it`. Placeholders are filled from the problem's
params; a missing placeholder is a bug caught by the unit tests."""

SEVERITY_LABELS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"},
    "en": {"error": "error", "warning": "warning", "info": "note"},
}

DATE_FORMS = {
    "vi": "`YYYY-MM-DD HH:MM` (ví dụ `2022-06-19 22:02`); cũng được: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS+07:00`",
    "en": "`YYYY-MM-DD HH:MM` (for example `2022-06-19 22:02`); also accepted: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS+07:00`",
}

MESSAGES = {
    "not_utf8": (
        "tệp không phải UTF-8{legacy_vi} — mở tệp và lưu lại với bảng mã Unicode UTF-8 (Unikey: Công cụ chuyển mã, đích Unicode)",
        "the file is not UTF-8{legacy_en} — open it and save it again as Unicode UTF-8 (Unikey: conversion tool, target Unicode)",
    ),
    "missing_title": (
        "thiếu Title (tiêu đề) — thêm dòng `Title: Tiêu đề bài` ở đầu tệp",
        "Title is missing — add a line `Title: The headline` at the top of the file",
    ),
    "missing_date": (
        "thiếu Date (ngày đăng) — thêm dòng `Date: YYYY-MM-DD HH:MM` ở đầu tệp, ví dụ `Date: 2022-06-19 22:02`",
        "Date is missing — add a line `Date: YYYY-MM-DD HH:MM` at the top of the file, for example `Date: 2022-06-19 22:02`",
    ),
    "missing_category": (
        "thiếu Category (chuyên mục) — thêm dòng `Category: ...` với một trong: {categories}",
        "Category is missing — add a line `Category: ...` with one of: {categories}",
    ),
    "bad_date": (
        "không đọc được ngày `{value}` ở {key} — viết theo dạng {forms_vi}",
        "cannot read the date `{value}` in {key} — write it as {forms_en}",
    ),
    "ambiguous_date": (
        "ngày `{value}` ở {key} sẽ bị hiểu là tháng {month}, ngày {day} (tháng viết trước) — viết rõ theo dạng `YYYY-MM-DD`, ví dụ `{suggestion}`",
        "the date `{value}` in {key} would be read as month {month}, day {day} (month first) — write it as `YYYY-MM-DD`, for example `{suggestion}`",
    ),
    "misspelt_key": (
        "khóa `{key}` không có trong danh sách, có phải là `{suggestion}`? — sửa thành `{suggestion}:`, nếu không thông tin này bị bỏ qua",
        "unknown key `{key}`, did you mean `{suggestion}`? — rename it to `{suggestion}:`, otherwise the value is ignored",
    ),
    "unknown_key": (
        "khóa `{key}` không được trang sử dụng, thông tin này sẽ không hiện ra — dùng một trong: {keys}",
        "the key `{key}` is not used by the site, so its value will not show — use one of: {keys}",
    ),
    "bad_views": (
        "Views `{value}` không phải số nguyên — viết số lượt xem là số nguyên, ví dụ `1234` hoặc `1.234`",
        "Views `{value}` is not a whole number — write the view count as a whole number, for example `1234` or `1.234`",
    ),
    "bad_status": (
        "Status `{value}` không hợp lệ — dùng `published` (đăng), `draft` (bản nháp) hoặc `hidden` (ẩn){hint_vi}",
        "Status `{value}` is not valid — use `published`, `draft` or `hidden`{hint_en}",
    ),
    "category_near": (
        "chuyên mục `{value}` không có trong NEWS_CATEGORIES, có phải là `{suggestion}`? — sửa thành `Category: {suggestion}`; nếu đúng là chuyên mục mới, thêm nó vào NEWS_CATEGORIES trong pelicanconf.py",
        "the category `{value}` is not in NEWS_CATEGORIES, did you mean `{suggestion}`? — write `Category: {suggestion}`; if it really is a new category, add it to NEWS_CATEGORIES in pelicanconf.py",
    ),
    "category_new": (
        "chuyên mục mới `{value}` (không có trong NEWS_CATEGORIES) — nếu cố ý mở chuyên mục mới, thêm nó vào NEWS_CATEGORIES trong pelicanconf.py",
        "new category `{value}` (not in NEWS_CATEGORIES) — if the new category is intended, add it to NEWS_CATEGORIES in pelicanconf.py",
    ),
    "same_url": (
        "bài này và {other} cùng được ghi ra địa chỉ `{url}`, bài sau sẽ đè mất bài trước — đặt `Slug:` khác nhau cho hai bài (hoặc đổi tiêu đề)",
        "this file and {other} would both be written to `{url}`, one would overwrite the other — give the two a different `Slug:` (or change a title)",
    ),
    "same_slug": (
        "bài này và {other} có cùng slug `{slug}`, Pelican sẽ coi chúng là bản dịch của nhau — đặt `Slug: {slug}-{year}` (hoặc một slug riêng khác) cho bài này",
        "this file and {other} have the same slug `{slug}`, so Pelican treats them as translations of each other — set `Slug: {slug}-{year}` (or another unique slug) here",
    ),
    "missing_file": (
        "{what_vi} `{target}` trỏ tới tệp không có: {resolved} — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đó",
        "the {what_en} `{target}` points to a file that does not exist: {resolved} — check the file name (case matters) or copy the file there",
    ),
    "link_without_static": (
        "ảnh `{target}` thiếu `{{static}}`, ảnh sẽ không hiện ở trang bài — viết `{{static}}/{resolved_in_content}`",
        "the image `{target}` has no `{{static}}`, so it will not show on the article page — write `{{static}}/{resolved_in_content}`",
    ),
    "missing_alt": (
        "ảnh `{target}` chưa có mô tả (alt) cho người khiếm thị — viết mô tả trong ngoặc vuông: `![Mô tả ảnh]({target})`",
        "the image `{target}` has no alt text for blind readers — describe it inside the brackets: `![What the photo shows]({target})`",
    ),
    "nfd_text": (
        "chữ tổ hợp (Unicode NFD) từ dòng này ({count} dòng) — trang sẽ tự chuyển sang dạng dựng sẵn (NFC), nhưng nên lưu lại tệp bằng Unicode dựng sẵn",
        "decomposed text (Unicode NFD) from this line on ({count} lines) — the site normalises it to NFC, but save the file again as precomposed Unicode",
    ),
    "empty_body": (
        "bài không có nội dung — viết nội dung bên dưới phần thông tin, cách một dòng trống",
        "the article has no body — write the text below the metadata, after one blank line",
    ),
    "future_date_scheduled": (
        "ngày đăng {value} ở tương lai — bài chỉ lên trang từ lần build đầu tiên sau thời điểm đó (đến lúc ấy là bản nháp); nếu không định hẹn giờ, sửa lại Date",
        "the date {value} is in the future — the article only appears with the first build after that moment (a draft until then); if that is not intended, fix the Date",
    ),
    "future_date_published": (
        "ngày đăng {value} ở tương lai — bài vẫn được đăng ngay và hiện ngày tương lai đó; nếu không cố ý, sửa lại Date",
        "the date {value} is in the future — the article is published right away showing that future date; if that is not intended, fix the Date",
    ),
}

SUMMARY = {
    "vi": "Kiểm tra nội dung: {files} tệp, {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú.",
    "en": "Content checks: {files} files, {errors} errors, {warnings} warnings, {infos} notes.",
}
SUMMARY_FAILED = {
    "vi": " Sửa các lỗi trên rồi chạy lại.",
    "en": " Fix the errors above and run again.",
}

WHAT = {
    "image": ("ảnh", "image"),
    "link": ("liên kết", "link"),
    "cover": ("ảnh đại diện (Image)", "cover image (Image)"),
}

LEGACY = {
    "VNI": (" (có vẻ là bảng mã VNI)", " (it looks like the VNI encoding)"),
    "TCVN3": (" (có vẻ là bảng mã TCVN3 (ABC))", " (it looks like the TCVN3 (ABC) encoding)"),
    "Windows-1258": (" (có vẻ là bảng mã Windows-1258)", " (it looks like the Windows-1258 encoding)"),
    None: ("", ""),
}


def render(code: str, params: dict, lang: str) -> str:
    vi, en = MESSAGES[code]
    return (en if lang == "en" else vi).format(**params, forms_vi=DATE_FORMS["vi"], forms_en=DATE_FORMS["en"])
