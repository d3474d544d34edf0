"""plugins/search/indexing.py (the Pagefind command and report) and the shared table of query variants."""

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT


from trangtin.search import indexing  # noqa: E402
from trangtin.vn_core.vietnamese import fold  # noqa: E402

VARIANTS = json.loads((FIXTURES / "search_query_variants.json").read_text(encoding="utf-8"))


def test_command_indexes_the_site_into_its_bundle_folder_in_one_language_when_built():
    command = indexing.pagefind_command("/bin/pagefind", Path("/site/out"), "pagefind", "vi")
    assert command[0] == "/bin/pagefind"
    assert command[command.index("--site") + 1] == "/site/out"
    assert command[command.index("--output-subdir") + 1] == "pagefind"
    assert command[command.index("--force-language") + 1] == "vi"


@pytest.mark.parametrize(("log", "pages"), [
    ("Total: \n  Indexed 1 language\n  Indexed 15 pages\n  Indexed 255 words", 15),
    ("  Indexed 1 page\n", 1),
    ("  Indexed 10,000 pages\n", 10000),
    ("nothing said", None),
])
def test_report_reads_the_page_count_when_pagefind_states_it(log, pages):
    assert indexing.read_report(log).pages == pages


def test_failure_message_names_the_folder_status_and_pagefind_last_lines_when_indexing_fails():
    log = "\n".join(f"line {n}" for n in range(20)) + "\nError: disk full\n"
    message = indexing.failure_message(3, log, Path("/site/out"))
    assert message.splitlines()[0] == "search: Pagefind could not index /site/out (exit 3); the build is stopped."
    assert message.splitlines()[-1] == "Error: disk full"
    assert "line 5" not in message


def test_failure_message_is_one_line_when_pagefind_said_nothing():
    assert indexing.failure_message(1, "  \n", Path("/o")) == "search: Pagefind could not index /o (exit 1); the build is stopped."


def test_clear_bundle_and_remove_unused_files_touch_only_the_bundle(tmp_path):
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js"):
        (bundle / name).write_text("x")
    (tmp_path / "index.html").write_text("x")
    indexing.remove_unused_files(bundle)
    assert sorted(p.name for p in bundle.iterdir()) == ["pagefind.js"]
    indexing.clear_bundle(bundle)
    indexing.clear_bundle(bundle)  # twice: a missing bundle is fine
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


@pytest.mark.parametrize("case", VARIANTS["cases"], ids=lambda case: case["query"].strip() or "blank")
def test_every_query_form_folds_back_to_its_word_and_adds_đ_only_where_the_index_has_it(case):
    words = [fold(word) for word in fold(case["query"]).replace("“", " ").replace("”", " ").replace(",", " ").replace("!", " ").split()]
    assert [fold(forms[0]) for forms in case["forms"]] == words
    for n, forms in enumerate(case["forms"]):
        assert len(set(forms)) == len(forms)
        last = n == len(case["forms"]) - 1
        for form in forms:
            assert fold(form) == words[n]
            assert unicodedata.is_normalized("NFC", form)
            if form != forms[0]:
                plain = indexing.d_words([form]).pop()
                assert any(word == plain or (last and word.startswith(plain)) for word in VARIANTS["d_words"]), form


@pytest.mark.parametrize(("texts", "words"), [
    ([], set()),
    (["Hiến máu tình nguyện"], set()),
    (["<p>Đoàn Khối tổ chức <b>đại hội</b> được đông đảo</p>"], {"đoan", "đai", "đuoc", "đong", "đao"}),
    (["ĐOÀN viên", "đoàn", "\u0111oa\u0300n"], {"đoan"}),
    (['<img alt="đèn" src="x"> Chi đoàn'], {"đoan"}),
    ([None, "Đ"], {"đ"}),
])
def test_d_words_are_the_words_holding_đ_with_marks_off_when_read_from_text_or_html(texts, words):
    assert indexing.d_words(texts) == words


def test_recent_glob_lists_the_newest_news_when_the_site_has_more_than_the_setting():
    paths = ["2024/06/c.html", "2023/09/b.html", "2023/03/a.html"]
    assert indexing.recent_news_glob(paths, 2, 3) == "{2024/06/c.html,2023/09/b.html}"


@pytest.mark.parametrize(("count", "total"), [(0, 3), (3, 3), (5, 3)])
def test_no_recent_glob_when_the_setting_is_off_or_covers_every_news(count, total):
    assert indexing.recent_news_glob(["c.html", "b.html", "a.html"], count, total) is None


def test_recent_glob_leaves_out_paths_with_glob_characters_and_uses_forward_slashes():
    paths = ["2024\\c.html", "2023/{b}.html", "2023/a,b.html", "2022/a.html"]
    assert indexing.recent_news_glob(paths, 3, 4) == "{2024/c.html}"


def test_recent_bundle_command_indexes_only_the_glob_into_its_subfolder():
    command = indexing.pagefind_command("/bin/pagefind", Path("/site"), indexing.recent_bundle_dir("pagefind"), "vi", "{a.html}")
    assert command[command.index("--output-subdir") + 1] == "pagefind/moi"
    assert command[command.index("--glob") + 1] == "{a.html}"
    assert "--glob" not in indexing.pagefind_command("/bin/pagefind", Path("/site"), "pagefind", "vi")


ARTICLE, PAGE = "{date:%Y}/{date:%m}/{slug}.html", "{slug}.html"


@pytest.mark.parametrize("patterns, paths, expected", [
    ([ARTICLE], ["2022/06/a.html"], "*/*/*.html"),
    ([ARTICLE, PAGE], ["2022/06/a.html", "gioi-thieu.html"], "{*/*/*.html,*.html}"),
    ([ARTICLE, ARTICLE], [], "*/*/*.html"),
    # An article with its own Save_as elsewhere: the whole site is indexed, nothing is left out.
    ([ARTICLE, PAGE], ["2022/06/a.html", "dac-biet/bai.html"], None),
    ([ARTICLE], ["2022/06/a.htm"], None),
    # A pattern with glob characters of its own cannot be turned into a glob safely.
    (["tin[1]/{slug}.html"], ["tin[1]/a.html"], None),
    ([], [], None),
])
def test_complete_index_reads_only_the_files_that_can_hold_a_body_when_every_one_matches(patterns, paths, expected):
    assert indexing.body_glob(patterns, paths) == expected


def test_complete_index_command_carries_the_body_glob_when_given():
    commands = indexing.index_commands("pagefind", Path("/site"), "pagefind", "vi", [], 150, "*/*/*.html")
    assert commands == [["pagefind", "--site", "/site", "--output-subdir", "pagefind", "--force-language", "vi",
                         "--glob", "*/*/*.html"]]
