"""tools/upload.py's plan: what is sent, in which order, and what is deleted (pure, by tables)."""

import sys
from pathlib import Path

import pytest


from trangtin.tools import upload  # noqa: E402


@pytest.mark.parametrize(("path", "new", "expected"), [
    ("theme/css/site.9aaa62aef1.css", True, 0),
    ("theme/css/site.9aaa62aef1.css.br", True, 0),
    ("photos/anh-22236369daed-1200w.webp", True, 0),
    ("tai-lieu/ke-hoach.pdf", False, 0),
    ("pagefind/fragment/vi_1b57227.pf_fragment", True, 0),
    ("pagefind/moi/index/vi_3c.pf_index", True, 0),
    ("2022/06/bai-moi.html", True, 1),
    ("2022/06/bai-moi.html.gz", True, 1),
    ("index.html", False, 2),
    ("index.html.br", False, 2),
    ("feeds/all.atom.xml", False, 2),
    ("ngay.json", True, 2),
    (".htaccess", False, 2),
    ("chuyen-huong.nginx.conf", False, 2),
    ("web.config", True, 2),
    ("pagefind/pagefind-entry.json", False, 3),
    ("pagefind/moi/pagefind-entry.json.gz", False, 3),
    ("pagefind/pagefind.js", False, 3),
    ("pagefind/wasm.unknown.pagefind", False, 3),
])
def test_phase_puts_assets_first_new_pages_before_the_pages_that_link_to_them_and_the_search_entry_last(path, new, expected):
    assert upload.phase(path, new) == expected


def test_plan_sends_only_changed_bytes_in_phase_order_and_deletes_only_what_it_uploaded():
    uploaded = {"index.html": "a", "2022/cu.html": "b", "theme/site.1111111111.css": "c", "anh.jpg": "d"}
    local = {"index.html": "A", "2022/moi.html": "e", "theme/site.2222222222.css": "f", "anh.jpg": "d",
             "pagefind/pagefind-entry.json": "g"}
    assert upload.plan(local, uploaded) == (
        ["theme/site.2222222222.css", "2022/moi.html", "index.html", "pagefind/pagefind-entry.json"],
        ["2022/cu.html", "theme/site.1111111111.css"])
    assert upload.plan(local, local) == ([], [])


@pytest.mark.parametrize("path", ["../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "", "a\\..\\b", "./a"])
def test_a_list_on_the_host_naming_a_path_outside_the_site_is_refused(path):
    assert not upload._inside(path)
    assert upload._inside("2022/06/bai.html") and upload._inside(".htaccess")
