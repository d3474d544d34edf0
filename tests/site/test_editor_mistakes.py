"""Issue 9: the mistakes editors really make, built as a real site and read as a reader would.

Each fixture tests/fixtures/checks_<case>/ also has its exact messages in
tests/unit/test_content_checks.py; here the build shows what the checker promises: accepted forms
are built and shown right, refused files are never published."""

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, build, run_pelican

ENV_SETTINGS = {"CONTENT_CHECKS_ENABLED": False}


def built(tmp_path_factory, name, settings=None, **kwargs):
    return build(FIXTURES / name, tmp_path_factory.mktemp(name) / "output", settings, **kwargs)


def test_markdown_in_upper_case_extensions_is_built_when_named_md_md_or_markdown(tmp_path_factory):
    site = built(tmp_path_factory, "checks_upper_extension")
    titles = {
        "2022/06/bai-chu-hoa-md.html": "Bài chữ hoa MD",
        "2022/06/bai-duoi-md.html": "Bài đuôi Md",
        "2022/06/bai-duoi-markdown.html": "Bài đuôi MARKDOWN",
    }
    for url, title in titles.items():
        assert site.page(url).select_one("h1.article-title").get_text(strip=True) == title


def test_word_html_is_never_published_when_the_checks_are_off(tmp_path_factory):
    # Pelican's HTML reader would publish it as an article, <script> included: it is switched off.
    site = built(tmp_path_factory, "checks_word_html", ENV_SETTINGS)
    for page in site.html_files():
        text = page.read_text(encoding="utf-8")
        assert "alert(1)" not in text and "alert(2)" not in text, page
        assert "Bài Word" not in text, page


def test_word_html_stops_the_build_when_the_checks_are_on(tmp_path):
    result = run_pelican(FIXTURES / "checks_word_html", tmp_path / "out")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "checks_word_html/2022/bai-word.htm:1: lỗi: tệp HTML" in log
    assert "Traceback" not in log


def test_documents_beside_articles_only_warn_and_downloads_are_copied_when_in_tai_lieu(tmp_path_factory):
    site = built(tmp_path_factory, "checks_documents", fatal=None)
    assert site.exists("tai-lieu/dieu-le.pdf")
    link = site.page("2022/06/ke-hoach-nam.html").select_one(".article-body a")
    assert link.get_text() == "điều lệ" and site.resolve("2022/06/ke-hoach-nam.html", link["href"]) == "tai-lieu/dieu-le.pdf"
    assert "2022/ke-hoach.docx:1: cảnh báo:" in site.log


def text(element):
    """The text as read: typogrify's non-breaking spaces read as spaces."""
    return " ".join(element.get_text().split())


def test_tags_are_read_when_written_with_a_space_before_the_colon(tmp_path_factory):
    site = built(tmp_path_factory, "checks_tags_space")
    page = site.page("2022/06/the-co-dau-cach.html")
    assert site.exists("the/thang-thanh-nien/") and site.exists("the/tinh-nguyen/")
    assert page.select_one(".breadcrumb, nav[aria-label]") is not None
    assert "Tin hoạt động" in page.get_text()


def test_vietnamese_keys_are_read_when_the_editor_types_them(tmp_path_factory):
    site = built(tmp_path_factory, "checks_vietnamese_keys")
    url = "2022/06/hoi-nghi-can-bo-doan.html"
    page = site.page(url)
    assert page.select_one("h1.article-title").get_text(strip=True) == "Hội nghị cán bộ Đoàn"
    assert page.select_one(".article-meta time, time").get_text(strip=True) == "Chủ nhật, ngày 19/6/2022 - 22:02"
    assert text(page.select_one(".article-lead")) == "Hội nghị cán bộ Đoàn năm 2022."
    assert page.select_one(".article-signature").get_text(strip=True) == "Ban Tuyên giáo"
    assert site.exists("chuyen-muc/cong-tac-doan/") and site.exists("the/can-bo/") and site.exists("the/hoi-nghi/")
    # `Ảnh:` is the cover: the listings show it (an SVG cover is never a social card: plugins/photos).
    thumbs = site.page("").select("main img.cover")
    assert thumbs and all(img["src"].endswith("images/2022/hoi-nghi.svg") for img in thumbs)


def test_yaml_front_matter_is_read_as_text_when_saved_by_a_cms(tmp_path_factory):
    site = built(tmp_path_factory, "checks_yaml")
    page = site.page("2022/06/hoi-nghi-tong-ket-nam-2022.html")
    assert page.select_one("h1.article-title").get_text(strip=True) == "Hội nghị: tổng kết 'năm' 2022"
    assert page.select_one(".article-views").get_text(strip=True) == "Đã xem: 1.234"
    assert text(page.select_one(".article-lead")) == "Tổng kết năm, triển khai năm mới."
    assert site.exists("the/tong-ket/") and site.exists("the/hoi-nghi/")
    assert "---" not in page.select_one(".article-body").get_text()


def test_the_first_of_two_definitions_is_built_when_the_checks_are_off(tmp_path_factory):
    site = built(tmp_path_factory, "checks_duplicate_key", ENV_SETTINGS)
    page = site.page("2022/06/tin-lan-mot.html")
    assert page.select_one("h1.article-title").get_text(strip=True) == "Tin lần một"
    assert page.select_one(".article-views").get_text(strip=True) == "Đã xem: 10"


def test_afternoon_and_morning_times_are_shown_in_24_hours_when_written_ch_and_sa(tmp_path_factory):
    site = built(tmp_path_factory, "checks_half_day_time")
    assert site.page("2022/06/tin-buoi-chieu.html").select_one("time").get_text(strip=True) == "Chủ nhật, ngày 19/6/2022 - 22:02"
    assert site.page("2022/06/tin-buoi-sang.html").select_one("time").get_text(strip=True) == "Thứ hai, ngày 20/6/2022 - 08:05"


def test_a_very_long_title_gets_a_slug_cut_at_a_word_when_it_would_not_fit(tmp_path_factory):
    site = built(tmp_path_factory, "checks_long_title")
    pages = [p for p in (site.output / "2022" / "06").glob("*.html") if p.name != "index.html"]
    assert len(pages) == 1
    slug = pages[0].stem
    assert len(slug) <= 80 and slug.startswith("hoi-nghi-tong-ket-cong-tac-doan") and not slug.endswith("-")
    # Cut after a whole word, then a short digest of the whole slug (two long titles keep two URLs).
    assert slug.split("-")[-2] in "hoi nghi tong ket cong tac doan va phong trao thanh nien".split()
    assert len(slug.split("-")[-1]) == 6


def test_a_typed_slug_is_normalised_when_it_has_spaces_slashes_and_diacritics(tmp_path_factory):
    site = built(tmp_path_factory, "checks_explicit_slug", fatal=None)
    assert site.exists("2022/06/hoi-nghi-tong-ket-2022.html")
    assert "trang dùng địa chỉ `hoi-nghi-tong-ket-2022`" in site.log


def test_allowed_video_embeds_are_kept_sandboxed_and_others_removed_when_pasted(tmp_path_factory):
    site = built(tmp_path_factory, "checks_iframe", fatal=None)
    body = site.page("2022/06/tin-co-video.html").select_one(".article-body")
    frames = body.find_all("iframe")
    assert [frame["src"].split("/")[2] for frame in frames] == [
        "www.youtube.com", "www.youtube-nocookie.com", "www.facebook.com",
    ]
    for frame in frames:
        assert frame.parent.name == "div" and "video-embed" in frame.parent["class"]
        assert frame["loading"] == "lazy"
        assert " ".join(frame["sandbox"]) == "allow-scripts allow-same-origin allow-presentation allow-popups"
        assert not any(name.startswith("on") for name in frame.attrs)
    assert "quang-cao" not in str(body)
    assert "2022/video.md:11: cảnh báo: khung nhúng `<iframe>` từ `https://quang-cao.example/banner`" in site.log


def test_the_newer_article_gets_the_same_slug_warning_when_it_sorts_first(tmp_path):
    result = run_pelican(FIXTURES / "checks_same_slug_newer", tmp_path / "out", fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "2022/a-bai-moi.md:1: cảnh báo: bài này có cùng slug `hoi-nghi-so-ket`" in log
    assert "z-bai-cu.md:1: cảnh báo" not in log


def test_a_notes_file_outside_article_paths_does_not_fail_the_build_when_paths_are_narrower(tmp_path):
    result = run_pelican(FIXTURES / "checks_notes_outside_paths", tmp_path / "out", {"ARTICLE_PATHS": ["2022"]})
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert (tmp_path / "out" / "2022" / "06" / "bai-trong-article_paths.html").is_file()


# --- Pelican's own records, re-worded in the checks' format (one test per message template) ----


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


ARTICLE = "Title: {title}\nDate: {date}\nCategory: Tin hoạt động\n\n{body}\n"


def test_pelicans_could_not_process_is_a_vietnamese_error_that_fails_the_build_when_a_file_is_skipped(tmp_path):
    content = tmp_path / "content"
    write(content / "2022" / "a.md", ARTICLE.format(title="A", date="hôm qua", body="x"))
    result = run_pelican(content, tmp_path / "out", ENV_SETTINGS, fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "2022/a.md:1: lỗi: Pelican không đọc được tệp này nên bài bị bỏ qua" in log
    assert "Could not process" not in log and "Traceback" not in log


def test_pelicans_missing_information_is_a_vietnamese_error_when_a_title_is_missing(tmp_path):
    content = tmp_path / "content"
    write(content / "2022" / "a.md", "Date: 2022-06-19\nCategory: Tin hoạt động\n\nx\n")
    result = run_pelican(content, tmp_path / "out", ENV_SETTINGS, fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "2022/a.md:1: lỗi: Pelican bỏ qua tệp này vì thiếu `title`" in log


def test_pelicans_unable_to_find_names_the_file_and_line_when_a_link_is_broken(tmp_path):
    content = tmp_path / "content"
    write(content / "2022" / "a.md", ARTICLE.format(title="A", date="2022-06-19", body="Xem\n\n[bài]({filename}/khong-co.md)"))
    result = run_pelican(content, tmp_path / "out", ENV_SETTINGS, fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "2022/a.md:7: cảnh báo: Pelican không tìm thấy `khong-co.md`" in log or (
        "2022/a.md:7: cảnh báo: Pelican không tìm thấy `/khong-co.md`" in log
    ), log


def test_a_template_error_is_one_line_with_file_and_line_and_no_traceback_when_the_theme_is_broken(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    lines = article.read_text(encoding="utf-8").split("\n")
    lines.insert(5, "{% if %}")
    article.write_text("\n".join(lines), encoding="utf-8")
    content = tmp_path / "content"
    write(content / "2022" / "a.md", ARTICLE.format(title="A", date="2022-06-19", body="x"))
    result = run_pelican(content, tmp_path / "out", {"THEME": str(theme)}, fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "article.html:6: lỗi: lỗi trong mẫu trang (template)" in log, log
    assert "Traceback" not in log


def test_the_log_keeps_each_message_on_one_line_when_the_path_is_longer_than_the_terminal(tmp_path):
    content = tmp_path / "content"
    deep = content / ("thu-muc-rat-dai-" * 4) / ("bai-viet-co-ten-rat-dai-" * 4 + ".md")
    write(deep, ARTICLE.format(title="A", date="hôm qua", body="x"))
    result = run_pelican(content, tmp_path / "out", env={"COLUMNS": "60", "PATH": "/usr/bin:/bin"})
    log = result.stdout + result.stderr
    relative = deep.relative_to(content).as_posix()
    line = next((line for line in log.splitlines() if ": lỗi: không đọc được ngày" in line), "")
    assert line.endswith("hoặc `2022-06-19 22:02`") and relative in line, log


@pytest.mark.parametrize(
    ("module", "template"),
    [
        ("generators", '"Could not process %s"'),
        ("contents", "\"Skipping %s: could not find information about '%s'\""),
        ("contents", "\"Unable to find '%s', skipping url replacement.\""),
        ("readers", '"Duplicate definition of `%s` for %s. Using first one."'),
        ("readers", '"Empty alt attribute for image %s in %s"'),
        ("__init__", 'logger.critical("%s: %s", e.__class__.__name__, e, exc_info=True)'),
    ],
)
def test_pelican_still_logs_each_template_the_checks_reword_when_pelican_is_upgraded(module, template):
    import pelican  # noqa: PLC0415

    source = Path(pelican.__file__).parent / f"{module}.py"
    text = source.read_text(encoding="utf-8")
    assert template in " ".join(text.split()) or template in text, f"Pelican no longer logs {template} in {module}.py"


# --- issue 23: each message names the real cause, with a fix that works when followed literally ---


def test_an_impossible_date_names_the_month_once_in_vietnamese_when_the_preview_builds_anyway(tmp_path):
    result = run_pelican(FIXTURES / "checks_impossible_date", tmp_path / "out", {"CONTENT_CHECKS_PREVIEW": True}, fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert (
        "checks_impossible_date/2022/ngay-khong-co.md:2: lỗi: ngày `31/02/2022 08:00` ở Date không có thật: tháng 2/2022 "
        "chỉ có 28 ngày — sửa lại ngày, viết theo dạng ngày/tháng/năm giờ:phút, ví dụ `19/6/2022 22:02`; hoặc "
        "`2022-06-19 22:02`"
    ) in log
    # Pelican's own "Could not process" of the same file is not repeated, with or without `ERROR:`.
    assert "ngay-khong-co.md:1" not in log and "ERROR" not in log and "make " not in log, log
    assert "Đã dựng xong: 0 bài, 0 bản nháp, 0 bài ẩn, 0 trang, 0 trang ẩn, 0 trang nháp, trong " in log
    assert "Done: Processed" not in log


def test_a_near_miss_category_stops_the_build_when_a_new_category_only_gets_a_note(tmp_path):
    typo = run_pelican(FIXTURES / "checks_category_typo", tmp_path / "typo", fatal=None)
    assert typo.returncode != 0
    assert "chuyen-muc-go-sai.md:3: lỗi: chuyên mục `Cong tac doan` gần giống chuyên mục `Công tác Đoàn` đã có" in typo.stderr + typo.stdout
    assert not (tmp_path / "typo" / "chuyen-muc" / "cong-tac-doan-2").exists()
    new = run_pelican(FIXTURES / "checks_category_new", tmp_path / "new", fatal=None)
    assert new.returncode == 0, new.stderr
    assert (tmp_path / "new" / "chuyen-muc" / "guong-sang" / "index.html").is_file()


def test_a_page_saved_as_404_stops_the_build_when_it_would_replace_the_sites_own_page(tmp_path):
    output = tmp_path / "out"
    result = run_pelican(FIXTURES / "checks_product_page", output, fatal=None)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "checks_product_page/pages/khong-tim-thay.md:2: lỗi: trang này được ghi ra `404.html`, trùng với trang báo lỗi "
        "404 (không tìm thấy trang) của trang web, nên sẽ đè mất trang đó — xóa dòng `Save_as:` / `Url:` này, hoặc đặt "
        "một địa chỉ khác"
    ) in log
    assert not (output / "404.html").exists() and "Traceback" not in log


def test_an_image_in_a_raw_html_block_is_published_as_literal_text_so_the_checks_stop_the_build(tmp_path_factory, tmp_path):
    # What the message promises: without the check the page shows the Markdown as text…
    site = built(tmp_path_factory, "checks_html_block", ENV_SETTINGS)
    body = site.page("2022/06/anh-can-giua.html").select_one(".article-body")
    assert "![Đại hội Đoàn]" in body.get_text()
    # …while the block written with markdown="1" shows its image.
    assert [img["alt"] for img in body.select("img")] == ["Ảnh đúng"]
    result = run_pelican(FIXTURES / "checks_html_block", tmp_path / "out", fatal=None)
    assert result.returncode != 0
    assert "checks_html_block/2022/anh-can-giua.md:7: lỗi: ảnh `{static}/images/dai-hoi.jpg` nằm trong khối HTML `<center>`" in (
        result.stdout + result.stderr
    )


def test_two_articles_sharing_a_slug_are_both_published_without_a_translation_link_as_the_warning_says(tmp_path_factory):
    site = built(tmp_path_factory, "checks_same_slug", fatal=None)
    pages = [site.page(url) for url in ("2022/06/hoi-nghi-so-ket-cong-tac-doan.html", "2023/06/hoi-nghi-so-ket-cong-tac-doan.html")]
    for page in pages:
        assert page.select_one("h1.article-title") is not None
        assert page.select('link[rel="alternate"][hreflang], .translations') == []
    assert "hai bài vẫn được đăng, mỗi bài ở địa chỉ riêng theo tháng đăng" in site.log
