"""The shared rules of issue 9 in vn_core, by table: the one date parser, the metadata block,
slugs, the iframe allow-list; the reader that uses them; Pelican's records re-worded."""

import logging
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

from pelican.settings import read_settings  # noqa: E402
from functools import partial  # noqa: E402

from pelican.settings import DEFAULT_CONFIG  # noqa: E402
from pelican.utils import get_date  # noqa: E402
from pelican.utils import slugify as pelican_slugify  # noqa: E402

from trangtin.vn_core.dates import DateProblem, parse_date  # noqa: E402
from trangtin.vn_core.embeds import iframe_allowed  # noqa: E402
from trangtin.vn_core.front_matter import KEY_ALIASES, parse_block  # noqa: E402
from trangtin.vn_core.slugs import cap_slug, content_slug, normalise_slug  # noqa: E402

slugify = partial(pelican_slugify, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("19/6/2022", datetime(2022, 6, 19)),
        ("5/6/2022 08:00", datetime(2022, 6, 5, 8, 0)),  # day first, as Vietnamese write it
        ("19-06-2022 22:02", datetime(2022, 6, 19, 22, 2)),
        ("19.6.2022 22h02", datetime(2022, 6, 19, 22, 2)),
        ("19/6/2022 10:02 CH", datetime(2022, 6, 19, 22, 2)),
        ("19/6/2022 12:30 CH", datetime(2022, 6, 19, 12, 30)),
        ("19/6/2022 12:30 SA", datetime(2022, 6, 19, 0, 30)),
        ("8/6/2022 8:05 SA", datetime(2022, 6, 8, 8, 5)),
        ("2022-06-19 10:02 ch", datetime(2022, 6, 19, 22, 2)),
        ("10:02 CH 19/06/2022", datetime(2022, 6, 19, 22, 2)),
        ("2022-06-19 22:02", datetime(2022, 6, 19, 22, 2)),
        ("2022-06-19_22:02", datetime(2022, 6, 19, 22, 2)),
        ("2022-06-19", datetime(2022, 6, 19)),
        ("2022-06-19T22:02:00+07:00", datetime(2022, 6, 19, 22, 2, tzinfo=timezone(timedelta(hours=7)))),
        ("1990-01-01", datetime(1990, 1, 1)),
        ("2100-12-31", datetime(2100, 12, 31)),
    ],
)
def test_dates_are_read_vietnamese_first_then_as_pelican_reads_them_when_typed(typed, expected):
    assert parse_date(typed, get_date) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("5/6/22", "two_digit_year"), ("19-06-22 08:00", "two_digit_year"), ("1/1/202", "two_digit_year"),
        ("0022-06-19", "year_range"), ("1899-06-19 08:00", "year_range"), ("2202-01-01", "year_range"),
        ("19/6/2202", "year_range"), ("1989-12-31", "year_range"),
        ("6/19/2022", "bad_date"), ("31/2/2022", "no_such_day"), ("2022-02-31 08:00", "no_such_day"), ("13:00 CH 1/1/2022", "bad_date"),
        ("2022-06-19 CH", "bad_date"), ("hôm qua", "bad_date"), ("19 tháng 6 năm 2022", "bad_date"),
        ("2022-13-45", "bad_date"), ("9" * 40, "bad_date"), ("", "bad_date"),
    ],
)
def test_dates_are_refused_with_a_reason_when_they_cannot_be_meant(typed, code):
    with pytest.raises(DateProblem) as refused:
        parse_date(typed, get_date)
    assert refused.value.code == code


def test_the_core_imports_neither_pelican_nor_nh3_when_loaded_alone():
    code = (
        "import sys; sys.path.insert(0, 'plugins');"
        "import vn_core.dates, vn_core.front_matter, vn_core.slugs, vn_core.embeds;"
        "vn_core.dates.parse_date('19/6/2022');"
        "assert 'pelican' not in sys.modules and 'nh3' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- the metadata block -------------------------------------------------------------------------


def fields(text):
    block = parse_block(text.split("\n"))
    return [(f.key, f.value, f.line) for f in block.fields], block.problems, block.body_start


def test_every_vietnamese_alias_names_its_key_when_typed_in_any_case_or_without_marks():
    for key, aliases in KEY_ALIASES.items():
        for alias in aliases:
            for typed in (alias, alias.upper(), alias.lower()):
                assert fields(f"{typed}: x\n\nBody")[0] == [(key, "x", 1)]
    assert fields("Tieu de: x\n\nBody")[0] == [("title", "x", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title: A\nTags : x, y\n\nBody", ([("title", "A", 1), ("tags", "x, y", 2)], [], 3)),
        ("Title: A\nSummary: one\n    two\n\nBody", ([("title", "A", 1), ("summary", "one\ntwo", 2)], [], 4)),
        ("Title: A\nSummary: one\ntwo\n\nBody",
         ([("title", "A", 1), ("summary", "one", 2)], [("not_key_value", 3, {"text": "two"})], 2)),
        ("Title: A\nTitle: B\n\nBody",
         ([("title", "A", 1), ("title", "B", 2)], [("duplicate_key", 2, {"key": "Title", "first_line": 1})], 3)),
        ("Tiêu đề: A\nTitle: B\n\nBody",
         ([("title", "A", 1), ("title", "B", 2)], [("duplicate_key", 2, {"key": "Title", "first_line": 1})], 3)),
        ("Body text first.\nTitle: A", ([], [], 0)),
        ("Title:\n\nBody", ([("title", "", 1)], [], 2)),
    ],
)
def test_the_pelican_style_block_is_read_with_lines_when_editors_type_it(text, expected):
    assert fields(text) == expected


def test_yaml_front_matter_keeps_values_as_text_when_written_by_a_cms():
    text = (
        "---\n"
        "title: \"Hội nghị: 'tổng kết' \\\"2022\\\"\"\n"
        "subtitle: 'It''s'\n"
        "date: 2022-06-19T22:02:00+07:00\n"
        "tags: [tổng kết, \"hội nghị\"]\n"
        "authors:\n"
        "  - An\n"
        "  - Bình\n"
        "views: 1.234\n"
        "draft: false  # a comment\n"
        "summary: |\n"
        "  dòng một\n"
        "  dòng hai\n"
        "---\n"
        "\n"
        "Body"
    )
    found, problems, start = fields(text)
    assert found == [
        ("title", "Hội nghị: 'tổng kết' \"2022\"", 2),
        ("subtitle", "It's", 3),
        ("date", "2022-06-19T22:02:00+07:00", 4),
        ("tags", "tổng kết, hội nghị", 5),
        ("authors", "An, Bình", 6),
        ("views", "1.234", 9),
        ("summary", "dòng một\ndòng hai", 11),
    ]
    assert problems == [] and start == 14


def test_a_hugo_draft_stays_a_draft_when_the_front_matter_says_draft_true():
    assert fields("---\ntitle: A\ndraft: true\n---\n\nBody")[0] == [("title", "A", 2), ("status", "draft", 3)]
    assert fields("---\ntitle: A\ndraft: false\n---\n\nBody")[0] == [("title", "A", 2)]


def test_yaml_front_matter_reports_its_own_mistakes_when_a_line_or_a_quote_is_wrong():
    _found, problems, _start = fields('---\ntitle: "Mở mà không đóng\n- lạc\nviews: 1\nviews: 2\n---\n\nBody')
    assert problems == [
        ("yaml_bad_value", 2, {"text": '"Mở mà không đóng'}),
        ("not_key_value", 3, {"text": "- lạc"}),
        ("duplicate_key", 5, {"key": "views", "first_line": 4}),
    ]


# --- slugs and embeds -----------------------------------------------------------------------------


def digest(slug):
    import hashlib  # noqa: PLC0415

    return hashlib.sha1(slug.encode()).hexdigest()[:6]


@pytest.mark.parametrize(
    ("slug", "capped"),
    [
        ("a" * 80, "a" * 80),
        ("abc-" * 20 + "def", ("abc-" * 18).rstrip("-") + "-" + digest("abc-" * 20 + "def")),
        ("a" * 72 + "-b" * 5, "a" * 72 + "-" + digest("a" * 72 + "-b" * 5)),
        ("a" * 81, "a" * 73 + "-" + digest("a" * 81)),
        ("ngan", "ngan"),
        ("", ""),
    ],
)
def test_slugs_are_capped_at_a_word_boundary_when_longer_than_80(slug, capped):
    assert cap_slug(slug) == capped
    assert len(cap_slug(slug)) <= 80


def test_two_long_titles_keep_two_slugs_when_they_differ_only_after_the_cut():
    first, second = "hoi-nghi-" * 10 + "tai-son-duong", "hoi-nghi-" * 10 + "tai-lam-binh"
    assert cap_slug(first) != cap_slug(second)
    assert cap_slug(first).startswith("hoi-nghi-hoi-nghi") and len(cap_slug(first)) <= 80


@pytest.mark.parametrize(
    ("typed", "slug"),
    [("Hội nghị/Tổng Kết 2022", "hoi-nghi-tong-ket-2022"), ("Đại hội\\Đoàn", "dai-hoi-doan"),
     ("da-chuan", "da-chuan"), ("  Có   cách  ", "co-cach"), ("🎉", "")],
)
def test_typed_slugs_are_normalised_when_they_have_spaces_slashes_capitals_or_marks(typed, slug):
    assert normalise_slug(typed, slugify) == slug


def test_the_slug_comes_from_the_title_unless_typed_when_pelican_slugifies_it():
    assert content_slug("Đoàn Khối: Tuổi trẻ!", None, slugify) == "doan-khoi-tuoi-tre"
    assert content_slug("Đoàn Khối", "rieng", slugify) == "rieng"
    assert content_slug(None, None, slugify, "basename", "ten-tep") == "ten-tep"
    assert content_slug(None, None, slugify) is None


@pytest.mark.parametrize(
    ("src", "allowed"),
    [
        ("https://www.youtube.com/embed/abc", True), ("https://youtube.com/embed/abc", True),
        ("https://www.youtube-nocookie.com/embed/abc?start=3", True), ("//www.youtube.com/embed/abc", True),
        ("https://www.facebook.com/plugins/video.php?href=x", True),
        ("http://www.youtube.com/embed/abc", False), ("https://www.youtube.com/watch?v=abc", False),
        ("https://www.youtube.com.evil.example/embed/", False), ("https://evil@www.youtube.com/embed/x", False),
        ("https://www.facebook.com/plugins/page.php", False), ("javascript:alert(1)", False), ("", False),
        ("www.youtube.com/embed/abc", False),
        # The allow-list is matched on the address as the browser reads it (issue 20).
        ("https://WWW.YouTube.com/embed/abc", True), ("https://www.youtube.com:443/embed/abc", True),
        ("https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fa%2Fvideos%2F1%2F", True),
        ("https://www.youtube.com/embed/../../redirect?q=x", False), ("https://www.youtube.com/embed/%2e%2e/x", False),
        ("https://www.youtube.com/embed/.%2E/x", False), ("https://www.youtube.com/embed/%2fx", False),
        ("https://www.youtube.com/embed//evil.example/", False), ("https://www.youtube.com/embed\\..\\x", False),
        ("https://www.youtube.com:8443/embed/x", False), ("https://www.youtube.com./embed/x", False),
        ("https://www.youtube.com/EMBED/x", False), ("https://www.youtube.com/embed/&#46;&#46;/x", False),
        ("https:www.youtube.com/embed/x", False), ("///www.youtube.com/embed/x", False),
        ("https://www.facebook.com/plugins/video.phpx", False),
    ],
)
def test_only_allowed_video_hosts_are_kept_when_an_iframe_is_pasted(src, allowed):
    assert iframe_allowed(src) is allowed


# --- the reader: what the build shows -------------------------------------------------------------


@pytest.fixture(scope="module")
def reader():
    from trangtin.vn_news.reader import NewsMarkdownReader  # noqa: PLC0415

    return NewsMarkdownReader(read_settings(str(ROOT / "pelicanconf.py")))


def test_the_reader_keeps_yaml_values_as_text_and_reads_dates_as_the_checker_does(reader, tmp_path):
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: \"A: b\"\ndate: 19/6/2022 10:02 CH\nviews: 1.234\ntags: [x, y]\n---\n\nThân bài.\n", encoding="utf-8")
    html, metadata = reader.read(str(source))
    assert metadata["title"] == "A: b"
    assert metadata["views"] == "1.234" and isinstance(metadata["views"], str)
    assert metadata["date"] == datetime(2022, 6, 19, 22, 2)
    assert [str(tag) for tag in metadata["tags"]] == ["x", "y"]
    assert metadata["slug"] == "a-b"
    assert html == "<p>Thân&nbsp;bài.</p>"  # typogrify keeps the last two words together


def test_the_reader_normalises_a_typed_slug_and_caps_a_long_one_when_reading(reader, tmp_path):
    source = tmp_path / "a.md"
    source.write_text("Title: X\nSlug: Hội nghị/Tổng Kết\nDate: 2022-06-19\n\nx\n", encoding="utf-8")
    assert reader.read(str(source))[1]["slug"] == "hoi-nghi-tong-ket"
    source.write_text("Title: " + "tổng kết công tác " * 10 + "\nDate: 2022-06-19\n\nx\n", encoding="utf-8")
    assert len(reader.read(str(source))[1]["slug"]) <= 80


def test_the_reader_refuses_a_two_digit_year_when_the_checker_would(reader, tmp_path):
    source = tmp_path / "a.md"
    source.write_text("Title: X\nDate: 5/6/22\n\nx\n", encoding="utf-8")
    with pytest.raises(DateProblem):
        reader.read(str(source))


# --- Pelican's records, re-worded -----------------------------------------------------------------


def test_pelicans_duplicate_definition_record_is_reworded_when_another_reader_logs_it(tmp_path):
    from trangtin.content_checks.glue import PelicanRecords  # noqa: PLC0415

    records = PelicanRecords()
    records.start(set(), {}, str(tmp_path), "content", "vi")
    record = logging.LogRecord(
        "pelican.readers", logging.WARNING, __file__, 1,
        "Duplicate definition of `%s` for %s. Using first one.", ("title", str(tmp_path / "2022" / "a.md")), None,
    )
    assert records.filter(record)
    assert record.getMessage() == (
        "content/2022/a.md:1: cảnh báo: khóa `title` có hai lần, Pelican chỉ dùng lần đầu — xóa một trong hai dòng"
    )


# --- the reference of every message -----------------------------------------------------------------

DOC = ROOT / "docs" / "thong-bao-kiem-tra.md"


def test_every_message_code_is_documented_when_the_checker_can_print_it():
    from trangtin.content_checks import messages  # noqa: PLC0415

    text = DOC.read_text(encoding="utf-8")
    missing = [code for code in messages.MESSAGES if f"### `{code}` — " not in text]
    assert missing == []


def test_every_vietnamese_key_alias_is_in_the_documented_table_when_the_reader_accepts_it():
    table = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    documented = {}
    for line in table:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        documented[cells[0].strip("`").lower()] = tuple(alias.strip().strip("`") for alias in cells[1].split(","))
    assert documented == KEY_ALIASES


def test_files_the_system_leaves_beside_content_get_no_message_when_found(tmp_path):
    from trangtin.content_checks import checks  # noqa: PLC0415

    discovery = checks.Discovery(files={"2022/.DS_Store", "2022/Thumbs.db", "2022/~$bai.docx", "desktop.ini"})
    config = checks.CheckConfig(slugify=slugify, now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert [checks.check_unread(path, discovery, config) for path in sorted(discovery.files)] == [[], [], [], []]


def test_each_message_has_the_same_placeholders_in_both_languages_when_rendered():
    import string  # noqa: PLC0415

    from trangtin.content_checks import messages  # noqa: PLC0415

    def placeholders(template, own, other):
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
        return {name.removesuffix(own) for name in names if not name.endswith(other)}

    for code, (vi, en) in messages.MESSAGES.items():
        assert placeholders(vi, "_vi", "_en") == placeholders(en, "_en", "_vi"), code


def test_remembered_slugify_answers_as_pelicans_and_asks_it_once_per_text_and_options():
    from pelican.utils import slugify  # noqa: PLC0415

    from trangtin.vn_core.slugs import remembered  # noqa: PLC0415

    asked = []

    def counting(value, **options):
        asked.append(value)
        return slugify(value, **options)

    remembering = remembered(counting)
    subs = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]
    for _ in range(3):
        assert remembering("Đoàn Khối ra quân", regex_subs=subs) == slugify("Đoàn Khối ra quân", regex_subs=subs) == "doan-khoi-ra-quan"
    assert remembering("Đoàn Khối", regex_subs=subs, preserve_case=True) == "Doan-Khoi"
    assert asked == ["Đoàn Khối ra quân", "Đoàn Khối"]
