"""What each problem says, in Vietnamese for editors and in English (`--lang en`).

Every message reads `what is wrong — how to fix it`. Placeholders are filled from the problem's
params; a missing placeholder is a bug caught by the unit tests."""

SEVERITY_LABELS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"},
    "en": {"error": "error", "warning": "warning", "info": "note"},
}

# The forms the editors' guide teaches, day first as Vietnamese write it, then the ISO form.
DATE_FORMS = {
    "vi": "ngày/tháng/năm giờ:phút, ví dụ `19/6/2022 22:02`; hoặc `2022-06-19 22:02`",
    "en": "day/month/year hour:minute, for example `19/6/2022 22:02`; or `2022-06-19 22:02`",
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
        "thiếu Date (ngày đăng) — thêm dòng `Date: 19/6/2022 22:02` (ngày/tháng/năm giờ:phút) ở đầu tệp",
        "Date is missing — add a line `Date: 19/6/2022 22:02` (day/month/year hour:minute) at the top of the file",
    ),
    "missing_category": (
        "thiếu Category (chuyên mục) — thêm dòng `Category: ...` với một trong: {categories}",
        "Category is missing — add a line `Category: ...` with one of: {categories}",
    ),
    "bad_date": (
        "không đọc được ngày `{value}` ở {key} — viết theo dạng {forms_vi}",
        "cannot read the date `{value}` in {key} — write it as {forms_en}",
    ),
    "no_such_day": (
        "ngày `{value}` ở {key} không có thật: tháng {month}/{year} chỉ có {last} ngày — sửa lại ngày, viết theo dạng {forms_vi}",
        "the date `{value}` in {key} does not exist: {month}/{year} has only {last} days — fix the day, written as {forms_en}",
    ),
    "metadata_after_blank": (
        "dòng trống này kết thúc phần thông tin, nên các dòng bên dưới ({keys}) bị đọc thành nội dung bài — xóa dòng trống này: các dòng `Khóa: giá trị` phải liền nhau, chỉ một dòng trống ngăn chúng với nội dung",
        "this blank line ends the metadata, so the lines below it ({keys}) are read as the article's text — delete this blank line: the `Key: value` lines must follow each other, with one blank line only between them and the text",
    ),
    "two_digit_year": (
        "năm trong ngày `{value}` ở {key} chỉ có hai chữ số — viết đủ bốn chữ số, ví dụ `19/6/2022` hoặc `2022-06-19`",
        "the year in the date `{value}` in {key} has only two digits — write all four, for example `19/6/2022` or `2022-06-19`",
    ),
    "year_range": (
        "năm trong ngày `{value}` ở {key} nằm ngoài khoảng 1990–2100, chắc là gõ nhầm — sửa lại năm, ví dụ `2022-06-19`",
        "the year in the date `{value}` in {key} is outside 1990–2100, most likely a typo — fix the year, for example `2022-06-19`",
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
        "chuyên mục `{value}` gần giống chuyên mục `{suggestion}` đã có, chắc là gõ nhầm — sửa thành `Category: {suggestion}`; nếu đúng là chuyên mục mới, thêm nó vào NEWS_CATEGORIES trong pelicanconf.py",
        "the category `{value}` is close to the existing category `{suggestion}`, most likely a typo — write `Category: {suggestion}`; if it really is a new category, add it to NEWS_CATEGORIES in pelicanconf.py",
    ),
    "category_new": (
        "chuyên mục mới `{value}` (không có trong NEWS_CATEGORIES) — nếu cố ý mở chuyên mục mới, thêm nó vào NEWS_CATEGORIES trong pelicanconf.py",
        "new category `{value}` (not in NEWS_CATEGORIES) — if the new category is intended, add it to NEWS_CATEGORIES in pelicanconf.py",
    ),
    "same_url": (
        "bài này và {other} cùng được ghi ra địa chỉ `{url}`, bài sau sẽ đè mất bài trước — đặt `Slug:` khác nhau cho hai bài (hoặc đổi tiêu đề)",
        "this file and {other} would both be written to `{url}`, one would overwrite the other — give the two a different `Slug:` (or change a title)",
    ),
    "same_url_slug": (
        "bài này và {other} cùng được ghi ra địa chỉ `{url}` vì dòng `Slug: {slug}` này giống bài kia (có lẽ chép từ bài cũ), bài sau sẽ đè mất bài trước — sửa dòng `Slug:` này thành một slug khác, hoặc xóa dòng để địa chỉ lấy theo tiêu đề",
        "this file and {other} would both be written to `{url}` because this line `Slug: {slug}` is the same as the other's (copied from the old article?), one would overwrite the other — change this `Slug:` line to another slug, or delete it so that the address follows the title",
    ),
    "same_url_product": (
        "{kind_vi} này được ghi ra `{url}`, trùng với {product_vi} của trang web, nên sẽ đè mất trang đó — {fix_vi}",
        "this {kind_en} would be written to `{url}`, the address of the site's {product_en}, and would overwrite it — {fix_en}",
    ),
    "redirects_json": (
        "tệp chuyển hướng không đọc được ({detail}) — sửa cú pháp JSON ở dòng này, hoặc chạy lại `make import` để tạo lại tệp",
        "the redirect file cannot be read ({detail}) — fix the JSON syntax on this line, or run `make import` again to write it anew",
    ),
    "redirects_format": (
        "tệp chuyển hướng sai dạng: {detail} — tệp cần dạng {{\"redirects\": [{{\"from\": \"/dia-chi-cu\", \"to\": \"2022/ten-bai.md\"}}]}}",
        "the redirect file has the wrong shape: {detail} — it needs {{\"redirects\": [{{\"from\": \"/old-address\", \"to\": \"2022/article.md\"}}]}}",
    ),
    "redirect_missing_target": (
        "địa chỉ cũ `{old}` chuyển tới `{target}`, tệp này không có trong thư mục nội dung — sửa \"to\" thành đường dẫn của bài (ví dụ `2022/ten-bai.md`) hoặc bỏ mục này",
        "the old address `{old}` leads to `{target}`, which is not a file of the content folder — set \"to\" to the article's path (for example `2022/article.md`) or remove the entry",
    ),
    "redirect_same_url": (
        "địa chỉ cũ `{old}` trùng địa chỉ `{url}` của {other}, trang chuyển hướng sẽ đè mất bài đó — bỏ mục này, hoặc đặt `Slug:` khác cho bài",
        "the old address `{old}` is the address `{url}` of {other}, so its redirect page would overwrite it — remove the entry, or give that article another `Slug:`",
    ),
    "redirect_duplicate": (
        "địa chỉ cũ `{old}` có hai mục (dòng {first} và dòng này) — giữ lại một mục",
        "the old address `{old}` has two entries (line {first} and this one) — keep one",
    ),
    "same_slug": (
        "bài này có cùng slug `{slug}` (phần cuối địa chỉ) với bài đã có {other}: hai bài vẫn được đăng, mỗi bài ở địa chỉ riêng theo tháng đăng, nhưng Pelican báo trùng ở mỗi lần dựng và nếu hai bài cùng tháng thì bài này sẽ đè bài kia — thêm dòng `Slug: {slug}-{year}` (hoặc một slug riêng khác) vào bài này, bài mới hơn; đừng sửa bài cũ để địa chỉ đã đăng giữ nguyên",
        "this article has the same slug `{slug}` (the end of its address) as the existing {other}, : both are still published, each at its own address by month, but Pelican reports the clash on every build, and in the same month this one would overwrite the other — add a line `Slug: {slug}-{year}` (or another unique slug) to this newer article; leave the older one alone so its published address stays",
    ),
    "missing_file": (
        "{what_vi} `{target}` trỏ tới tệp không có: {resolved} — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đó",
        "the {what_en} `{target}` points to a file that does not exist: {resolved} — check the file name (case matters) or copy the file there",
    ),
    "link_without_static": (
        "ảnh `{target}` thiếu `{{static}}`, ảnh sẽ không hiện ở trang bài — viết `{{static}}/{resolved_in_content}`",
        "the image `{target}` has no `{{static}}`, so it will not show on the article page — write `{{static}}/{resolved_in_content}`",
    ),
    "markdown_in_html_block": (
        "{what_vi} `{target}` nằm trong khối HTML `<{tag}>`, Markdown bên trong khối HTML không được đọc nên trang sẽ hiện nguyên chữ `{written}` — bỏ thẻ `<{tag}>` và `</{tag}>` bao ngoài, hoặc viết `<{tag} markdown=\"1\">`",
        "the {what_en} `{target}` is inside the HTML block `<{tag}>`; Markdown inside an HTML block is not read, so the page shows the literal text `{written}` — remove the `<{tag}>` and `</{tag}>` around it, or write `<{tag} markdown=\"1\">`",
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
    "duplicate_key": (
        "khóa `{key}` có hai lần (dòng {first_line} và dòng này), trang chỉ dùng dòng {first_line} — xóa một trong hai dòng",
        "the key `{key}` is given twice (line {first_line} and this line), the site only uses line {first_line} — delete one of the two lines",
    ),
    "not_key_value": (
        "dòng `{text}` trong phần thông tin không có dạng `Khóa: giá trị` — nếu là phần tiếp của dòng trên, thụt vào 4 dấu cách; nếu là nội dung bài, thêm một dòng trống phía trên nó",
        "the line `{text}` in the metadata is not `Key: value` — if it continues the line above, indent it by 4 spaces; if it is the article's text, add a blank line above it",
    ),
    "yaml_bad_value": (
        "giá trị `{text}` mở ngoặc kép mà không đóng đúng chỗ — viết `\\\"` cho dấu ngoặc kép bên trong, hoặc dùng ngoặc đơn `'...'` bao ngoài",
        "the value `{text}` opens a quote that does not close where it should — write `\\\"` for a quote inside, or wrap it in single quotes `'...'`",
    ),
    "no_slug": (
        "không tạo được địa chỉ bài (slug) từ `{value}` vì không có chữ hay số nào — thêm dòng `Slug: ten-bai-viet` (chữ không dấu, nối bằng dấu `-`)",
        "no address (slug) can be made from `{value}`: it has no letters or digits — add a line `Slug: article-name` (plain letters joined by `-`)",
    ),
    "slug_normalised": (
        "Slug `{value}` có dấu cách, dấu `/`, chữ hoa hoặc chữ có dấu; trang dùng địa chỉ `{slug}` — nếu muốn khác, viết `Slug: {slug}` theo ý mình (chữ không dấu, nối bằng `-`)",
        "the Slug `{value}` has spaces, slashes, capitals or diacritics; the site uses the address `{slug}` — to choose another, write `Slug: {slug}` your way (plain letters joined by `-`)",
    ),
    "nfd_file_name": (
        "tên tệp `{resolved}` được lưu bằng Unicode tổ hợp (NFD, như máy Mac lưu) nên không khớp với `{target}` trong bài — đổi tên tệp: xóa tên cũ và gõ lại tên trên máy Windows hoặc Linux",
        "the file name `{resolved}` is saved in decomposed Unicode (NFD, as macOS saves it) so it does not match `{target}` in the article — rename the file: delete the name and type it again on Windows or Linux",
    ),
    "cover_not_static": (
        "ảnh đại diện `{target}` nằm ngoài các thư mục tĩnh ({folders}) nên không được chép lên trang — chuyển ảnh vào images/ và sửa lại Image",
        "the cover image `{target}` is outside the static folders ({folders}) so it is never copied to the site — move it into images/ and fix Image",
    ),
    "not_in_static": (
        "`{target}` nằm ngoài các thư mục tĩnh ({folders}) nên không được chép lên trang — chuyển tệp vào images/ (ảnh) hoặc tai-lieu/ (tài liệu) và sửa đường dẫn",
        "`{target}` is outside the static folders ({folders}) so it is never copied to the site — move the file into images/ (pictures) or tai-lieu/ (documents) and fix the link",
    ),
    "iframe_removed": (
        "khung nhúng `<iframe>` từ `{src}` không thuộc danh sách được phép (YouTube, Facebook video), sẽ bị xóa khỏi trang — dùng mã nhúng của YouTube/Facebook, hoặc đặt liên kết thường tới trang đó",
        "the `<iframe>` embed from `{src}` is not on the allow-list (YouTube, Facebook video) and is removed from the page — use a YouTube/Facebook embed code, or a plain link to that page",
    ),
    "unclosed_comment": (
        "chú thích `<!--` mở ở dòng này nhưng không có `-->` đóng lại — thêm `-->` ở cuối phần ghi chú, nếu không ghi chú có thể hiện lên trang",
        "the comment `<!--` opened on this line is never closed with `-->` — add `-->` at the end of the note, or the note may show on the page",
    ),
    "txt_file": (
        "tệp `.txt` không được đăng (trang chỉ đọc tệp Markdown `.md`) — đổi tên thành `{suggestion}` (trên Windows, bật hiện phần mở rộng tệp để thấy đuôi `.txt`)",
        "a `.txt` file is not published (the site only reads Markdown `.md` files) — rename it to `{suggestion}` (on Windows, turn on file name extensions to see the `.txt`)",
    ),
    "html_file": (
        "tệp HTML (ví dụ Word \"Lưu dạng trang Web\") không được đọc như bài viết và không được đăng — chép chữ vào một tệp `.md` mới, rồi xóa tệp này",
        "an HTML file (such as Word's \"Save as Web Page\") is not read as an article and is not published — paste its text into a new `.md` file, then delete this one",
    ),
    "rst_file": (
        "tệp reStructuredText (`.rst`) không được đọc, trang chỉ nhận Markdown — viết lại thành tệp `.md`",
        "a reStructuredText (`.rst`) file is not read, the site only takes Markdown — rewrite it as a `.md` file",
    ),
    "document_file": (
        "tệp `{name}` nằm cạnh bài viết nên không được đăng — muốn cho tải về thì chuyển vào thư mục `{folder}/` và dẫn link `[{name}]({{static}}/{folder}/{name})`; muốn đăng nội dung thì lưu thành tệp `.md`",
        "the file `{name}` sits next to the articles so it is not published — to offer it as a download move it into `{folder}/` and link it as `[{name}]({{static}}/{folder}/{name})`; to publish its text save it as `.md`",
    ),
    "image_not_static": (
        "ảnh nằm ngoài các thư mục tĩnh ({folders}) nên không được chép lên trang — chuyển ảnh vào images/<năm>/ và dẫn bằng `{{static}}`",
        "the image is outside the static folders ({folders}) so it is never copied to the site — move it into images/<year>/ and link it with `{{static}}`",
    ),
    "markdown_in_static": (
        "tệp Markdown trong thư mục `{folder}/` chỉ bị chép nguyên, không thành bài — chuyển nó sang thư mục năm, ví dụ `2022/`",
        "a Markdown file in the `{folder}/` folder is only copied as it is, not built as an article — move it into a year folder such as `2022/`",
    ),
    "news_in_pages": (
        "tệp có Date và Category là một bản tin, nhưng nằm trong `{folder}/` nên sẽ thành trang trong menu — chuyển nó sang thư mục năm, ví dụ `2022/`",
        "this file has a Date and a Category, so it is news, but under `{folder}/` it becomes a menu page — move it into a year folder such as `2022/`",
    ),
    "not_read": (
        "tệp nằm ngoài ARTICLE_PATHS và PAGE_PATHS nên không được đăng — nếu là bài viết, chuyển vào thư mục năm; nếu là ghi chú riêng thì không cần làm gì",
        "this file is outside ARTICLE_PATHS and PAGE_PATHS so it is not published — if it is an article, move it into a year folder; a private note needs nothing",
    ),
    "not_published": (
        "tệp `{name}` không được đăng lên trang: không phải bài viết `.md` và không nằm trong thư mục tĩnh ({folders}), đổi tên cũng không đăng được — muốn đăng nguyên tệp (cho tải về), chuyển nó vào {downloads}/ và dẫn link `{{static}}/{downloads}/{name}`; nếu chỉ để lưu thì không cần làm gì",
        "the file `{name}` is not published: it is not a `.md` article and not in a static folder ({folders}), and renaming it would not publish it — to publish the file as it is (as a download), move it into {downloads}/ and link it as `{{static}}/{downloads}/{name}`; a file kept only for yourself needs nothing",
    ),
    "pelican_skipped": (
        "Pelican không đọc được tệp này nên bài bị bỏ qua — sửa các lỗi khác của tệp (xem bằng `make check`, trên Windows `py tools/check.py`)",
        "Pelican could not read this file, so the article is left out — fix the file's other errors (see them with `make check`, on Windows `py tools/check.py`)",
    ),
    "pelican_missing_info": (
        "Pelican bỏ qua tệp này vì thiếu `{key}` — thêm dòng `{key}: ...` vào phần thông tin",
        "Pelican left this file out because `{key}` is missing — add a line `{key}: ...` to the metadata",
    ),
    "pelican_duplicate": (
        "khóa `{key}` có hai lần, Pelican chỉ dùng lần đầu — xóa một trong hai dòng",
        "the key `{key}` is given twice, Pelican only uses the first — delete one of the two lines",
    ),
    "pelican_unable_to_find": (
        "Pelican không tìm thấy `{target}` để dẫn tới — kiểm tra tên tệp và đường dẫn `{{static}}`/`{{filename}}`",
        "Pelican cannot find `{target}` to link to — check the file name and the `{{static}}`/`{{filename}}` path",
    ),
    "pelican_more": (
        "Pelican còn những thông báo cùng loại khác, không in ra hết (\"{message}\") — xem từng tệp và dòng bằng `make check` (trên Windows `py tools/check.py`)",
        "Pelican has more messages of this kind that it does not print (\"{message}\") — see each file and line with `make check` (on Windows `py tools/check.py`)",
    ),
    "pelican_template_error": (
        "lỗi trong mẫu trang (template): {error} — sửa mẫu trang ở dòng này (việc của người quản trị giao diện)",
        "error in a page template: {error} — fix the template at this line (a job for the theme's maintainer)",
    ),
    # --- metadata that becomes an address or a file, and control characters (issue 20) ---
    "unsafe_address": (
        "`{key}: {value}` {reason_vi}, không dùng được làm địa chỉ hay tên tệp của trang — {key} chỉ được là đường dẫn bên trong trang, ví dụ `2022/ten-bai.html` (không có `http:`, `javascript:`, `//`, `\\`, `..`, không bắt đầu bằng `/`); muốn dẫn sang trang khác, đặt liên kết trong nội dung bài",
        "`{key}: {value}` {reason_en}, so it cannot be an address or a file name of the site — {key} may only be a path inside the site, such as `2022/article.html` (no `http:`, `javascript:`, `//`, `\\`, `..`, not starting with `/`); to point to another site, put a link in the article's text",
    ),
    "unsafe_cover": (
        "ảnh đại diện `{key}: {value}` {reason_vi}, trang không đọc tệp này — Image phải là một ảnh trong thư mục nội dung, ví dụ `{{static}}/images/2022/anh.jpg`, hoặc địa chỉ `https://…` của ảnh trên trang khác",
        "the cover image `{key}: {value}` {reason_en}, so the site does not read it — Image must be a picture in the content folder, such as `{{static}}/images/2022/photo.jpg`, or the `https://…` address of a picture on another site",
    ),
    "control_character": (
        "ký tự điều khiển {char} ({name_vi}) ở cột {column} không hiện ra được và làm hỏng bản tin RSS/Atom của trang — xóa ký tự này (thường do chép từ Word: gõ lại dấu xuống dòng hoặc dấu cách ở chỗ đó)",
        "the control character {char} ({name_en}) in column {column} does not show and breaks the site's RSS/Atom feeds — delete it (it usually comes from Word: type the line break or space there again)",
    ),
}

# --- issue 20: what the build reads and writes on disk (symlinks, uploads, photo sizes) ------------
# The words live beside the rules (vn_core), so the build, when it refuses the same file, says the same.
from trangtin.vn_core import uploads as uploads_messages  # noqa: E402
from trangtin.vn_core.paths import LINK_MESSAGES, LOOP, OUTSIDE  # noqa: E402

MESSAGES.update({
    "symlink_outside": LINK_MESSAGES[OUTSIDE],
    "symlink_loop": LINK_MESSAGES[LOOP],
    "upload_script": uploads_messages.UPLOAD_MESSAGES["upload_script"],
    "upload_markup": uploads_messages.UPLOAD_MESSAGES["upload_markup"],
    "photo_too_many_pixels": uploads_messages.PIXELS_MESSAGE,
    "image_unreadable": (
        "không đọc được ảnh này: tệp bị hỏng hoặc không phải ảnh — mở ảnh gốc trên máy, lưu (xuất) lại thành JPEG rồi chép đè tệp",
        "this image cannot be read: the file is broken or not an image — open the original, save (export) it again as JPEG and copy it over the file",
    ),
})

# --- issue 27: the documents register (content/van-ban/*.md, content_checks/documents.py) ---------
DOCUMENT_EXAMPLE = {
    "vi": "ví dụ `Số ký hiệu: 15-KH/ĐTN`, `Loại: Kế hoạch`, `Trích yếu: …`, `Ngày ban hành: 19/6/2022`, `Tệp: tai-lieu/2022/15-kh-dtn.pdf`",
    "en": "for example `Số ký hiệu: 15-KH/ĐTN`, `Loại: Kế hoạch`, `Trích yếu: …`, `Ngày ban hành: 19/6/2022`, `Tệp: tai-lieu/2022/15-kh-dtn.pdf`",
}
MESSAGES.update({
    "doc_missing_field": (
        "văn bản thiếu `{key}` — thêm dòng `{key}: …` vào phần thông tin ở đầu tệp (" + DOCUMENT_EXAMPLE["vi"] + ")",
        "the document has no `{key}` — add a line `{key}: …` to the metadata at the top of the file (" + DOCUMENT_EXAMPLE["en"] + ")",
    ),
    "doc_missing_file": (
        "Tệp `{target}` không có trong thư mục nội dung — kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào `{target}`",
        "the file `{target}` (Tệp) is not in the content folder — check the file name (case matters) or copy the file to `{target}`",
    ),
    "doc_file_not_static": (
        "Tệp `{target}` nằm ngoài các thư mục tĩnh ({folders}) nên không được chép lên trang — chuyển tệp vào tai-lieu/ và sửa dòng Tệp",
        "the file `{target}` (Tệp) is outside the static folders ({folders}) so it is never copied to the site — move it into tai-lieu/ and fix the Tệp line",
    ),
    "doc_unsafe_file": (
        "Tệp `{value}` {reason_vi}, trang không đọc tệp này — Tệp phải là đường dẫn trong thư mục nội dung, ví dụ `tai-lieu/2022/15-kh-dtn.pdf`",
        "the file `{value}` (Tệp) {reason_en}, so the site does not read it — Tệp must be a path inside the content folder, such as `tai-lieu/2022/15-kh-dtn.pdf`",
    ),
    "doc_duplicate": (
        "văn bản số `{number}` của `{issuer}` đã có ở {other} — mỗi văn bản chỉ một tệp: xóa một trong hai tệp, hoặc sửa Số ký hiệu / Cơ quan ban hành nếu gõ nhầm",
        "the document `{number}` of `{issuer}` is already in {other} — one file per document: delete one of the two, or fix Số ký hiệu / Cơ quan ban hành if mistyped",
    ),
    "doc_unknown_replaces": (
        "Thay thế `{value}`: không có văn bản nào mang số ký hiệu này nên không liên kết được — kiểm tra số ký hiệu (ví dụ `10-KH/ĐTN`), hoặc thêm văn bản bị thay thế vào `{folder}/`",
        "Thay thế `{value}`: no document has this number, so nothing is linked — check the number (for example `10-KH/ĐTN`), or add the replaced document to `{folder}/`",
    ),
    "doc_effective_before_issued": (
        "Ngày hiệu lực {effective} trước Ngày ban hành {issued} — văn bản không thể có hiệu lực trước khi ban hành: sửa một trong hai ngày",
        "Ngày hiệu lực (in force) {effective} is before Ngày ban hành (issued) {issued} — a document cannot be in force before it is issued: fix one of the two dates",
    ),
    "doc_expires_before_effective": (
        "Hết hiệu lực {expires} không sau ngày có hiệu lực {effective} — sửa lại ngày Hết hiệu lực",
        "Hết hiệu lực (expires) {expires} is not after the day it comes into force, {effective} — fix the Hết hiệu lực date",
    ),
    "doc_bad_date": (
        "không đọc được ngày `{value}` ở {key} — viết theo dạng ngày/tháng/năm, năm đủ bốn chữ số, ví dụ `19/6/2022`",
        "cannot read the date `{value}` in {key} — write it day/month/year with a four-digit year, for example `19/6/2022`",
    ),
    "doc_unknown_key": (
        "khóa `{key}` không dùng cho văn bản, thông tin này sẽ không hiện ra — dùng một trong: {keys}",
        "the key `{key}` is not used for documents, so its value will not show — use one of: {keys}",
    ),
})

# Why a metadata value cannot be an address (vn_core.links.address_problem's reasons).
ADDRESS_REASONS = {
    "scheme": ("bắt đầu bằng giao thức `{detail}:`", "starts with the scheme `{detail}:`"),
    "network": ("bắt đầu bằng `//` (dẫn sang trang web khác)", "starts with `//` (leads to another site)"),
    "absolute": ("bắt đầu bằng `/`", "starts with `/`"),
    "backslash": ("có dấu `\\`", "holds a backslash `\\`"),
    "parent": ("có đoạn `..` (ra ngoài thư mục)", "holds a `..` segment (leaves its folder)"),
    "control": ("có ký tự điều khiển", "holds a control character"),
}

# Names of the control characters editors meet; the others by their standard abbreviation.
CONTROL_NAMES = {
    0x0B: ("ngắt dòng mềm của Word, Shift+Enter", "Word's soft line break, Shift+Enter"),
    0x0C: ("ngắt trang của Word", "Word's page break"),
    0x00: ("NUL, ký tự rỗng", "NUL, the null character"),
    0x1B: ("ESC", "ESC, escape"),
}
C0_ABBREVIATIONS = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
).split()


def control_character_name(code: int) -> tuple:
    """(Vietnamese, English) name of a control character for the `control_character` message."""
    if code in CONTROL_NAMES:
        return CONTROL_NAMES[code]
    if code < 0x20:
        return C0_ABBREVIATIONS[code], C0_ABBREVIATIONS[code]
    if code == 0x7F:
        return "DEL", "DEL"
    if code in (0xFFFE, 0xFFFF):
        return "không phải ký tự", "a noncharacter"
    return "ký tự điều khiển C1", "a C1 control character"


# Redirect data that would write outside the output folder (issue 20): vn_core.redirects says why, in `detail`.
MESSAGES.update({
    "redirect_unsafe": (
        "mục chuyển hướng bị từ chối: {detail} — \"from\" là đường dẫn trên trang cũ (ví dụ `/tin-tuc/bai-cu.html`), \"to\" là một tệp trong thư mục nội dung (ví dụ `2022/ten-bai.md`); sửa hoặc bỏ mục này",
        "redirect entry refused: {detail} — \"from\" is a path of the old site (for example `/tin-tuc/bai-cu.html`), \"to\" a file of the content folder (for example `2022/article.md`); fix or remove the entry",
    ),
})

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
