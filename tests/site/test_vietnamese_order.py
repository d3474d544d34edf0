"""Lists the site sorts by name are in Vietnamese order (d < đ; ngang < huyền < hỏi < ngã < sắc < nặng),
as ICU's `vi` collation gives; the menu and the home page keep the order of NEWS_CATEGORIES."""

import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, build


from trangtin.vn_core.vietnamese import sort_key  # noqa: E402

SETTINGS = ROOT / "pelicanconf.py"


def icu_sorted(words):
    return sorted(words, key=sort_key)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "vietnamese_order", tmp_path_factory.mktemp("order") / "output")


def texts(elements):
    return [element.get_text(strip=True) for element in elements]


def test_tags_index_lists_tags_in_vietnamese_order_when_names_start_with_d_and_đ(site):
    names = texts(site.page("the/").select(".tag-cloud a"))
    assert names[:5] == ["an toàn", "Ăn uống", "dân vận", "doanh nghiệp trẻ", "đa dạng"]
    assert names.index("doanh nghiệp trẻ") < names.index("Đại hội Đoàn") < names.index("Đoàn viên")
    assert names.index("Hà Nội") < names.index("hiến máu") < names.index("hiền tài")  # letters before tones
    assert names[-4:] == ["uy tín", "ưu tiên", "ý kiến", "zalo"]


def test_authors_and_categories_indexes_are_in_vietnamese_order_when_built(site):
    assert texts(site.page("tac-gia/").select(".plain-list a")) == ["Ánh Dương", "Ban Tuyên giáo", "Chi đoàn Sở Y tế", "Đoàn Khối"]
    assert texts(site.page("chuyen-muc/").select(".plain-list a")) == [
        "Công tác Đoàn", "Đoàn viên", "Tin hoạt động", "Văn hóa - Thể thao",
    ]


def test_tags_under_an_article_are_in_vietnamese_order_whatever_order_the_editor_wrote(site):
    page = site.page("2022/06/dai-hoi-doan-khoi-lan-thu-nhat.html")
    assert texts(page.select(".article-tags a")) == ["an toàn", "Ăn uống", "doanh nghiệp trẻ", "Đại hội Đoàn"]


def test_menu_keeps_the_order_of_news_categories_and_adds_new_ones_after_when_built(site):
    menu = texts(site.page("").select(".site-nav a"))
    categories = [name for name in menu if name not in ("Trang chủ", "Lưu trữ", "Văn bản")]
    assert categories == ["Tin hoạt động", "Công tác Đoàn", "Văn hóa - Thể thao", "Đoàn viên"]


def test_sort_key_orders_words_as_icu_vi_collation_when_given_the_shared_table():
    table = json.loads((ROOT / "tests" / "data" / "vi_collation.json").read_text(encoding="utf-8"))["sorted"]
    assert len(table) > 100
    assert icu_sorted(reversed(table)) == table
    assert icu_sorted(sorted(table)) == table


@pytest.mark.skipif(not shutil.which("node"), reason="needs Node.js (ICU built in) to re-derive the table")
def test_shared_table_is_still_what_icu_vi_collation_gives_when_node_sorts_it():
    table = json.loads((ROOT / "tests" / "data" / "vi_collation.json").read_text(encoding="utf-8"))["sorted"]
    script = "const t = JSON.parse(require('fs').readFileSync(0, 'utf8'));" \
             "process.stdout.write(JSON.stringify([...t].reverse().sort(new Intl.Collator('vi').compare)));"
    result = subprocess.run(["node", "-e", script], input=json.dumps(table), capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == table
