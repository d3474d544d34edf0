"""tools/safe_build.py: which files count as unchanged, table by table (the end-to-end builds are in
tests/site/test_safe_build.py)."""

import os
import sys

import pytest

from conftest import ROOT

from trangtin.tools import safe_build  # noqa: E402

OLD_NS = 1_000_000_000 * 10**9
BIG = safe_build.COMPARE_CHUNK * 2 + 5


def write(path, data, old=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if old:
        os.utime(path, ns=(OLD_NS, OLD_NS))


@pytest.mark.parametrize("old_data, new_data, kept", [
    (b"same", b"same", True),
    (b"", b"", True),
    (b"same", b"sane", False),  # same size, other bytes
    (b"short", b"longer", False),
    (b"x" * BIG, b"x" * BIG, True),  # compared in pieces
    (b"x" * BIG, b"x" * (BIG - 1) + b"y", False),  # differs in the last piece only
])
def test_a_file_keeps_its_time_only_when_its_bytes_are_the_same(tmp_path, old_data, new_data, kept):
    write(tmp_path / "old" / "a.html", old_data, old=True)
    write(tmp_path / "new" / "a.html", new_data)
    assert safe_build.keep_unchanged_times(tmp_path / "old", tmp_path / "new") == (int(kept), 1)
    assert ((tmp_path / "new" / "a.html").stat().st_mtime_ns == OLD_NS) == kept
    assert (tmp_path / "old" / "a.html").read_bytes() == old_data  # the previous site is only read


def test_a_symlink_or_a_folder_of_the_previous_site_is_never_the_same_file(tmp_path):
    write(tmp_path / "target", b"same", old=True)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "link.html").symlink_to(tmp_path / "target")
    (tmp_path / "old" / "was-a-folder").mkdir()
    write(tmp_path / "new" / "link.html", b"same")
    write(tmp_path / "new" / "was-a-folder", b"")
    assert safe_build.keep_unchanged_times(tmp_path / "old", tmp_path / "new") == (0, 2)


def test_a_folder_keeps_its_time_only_when_it_holds_the_same_names(tmp_path):
    for name in ("same/a.html", "more/a.html", "fewer/a.html", "fewer/b.html"):
        write(tmp_path / "old" / name, b"1", old=True)
    for name in ("same/a.html", "more/a.html", "more/b.html", "fewer/a.html", "new/a.html"):
        write(tmp_path / "new" / name, b"1")
    for folder in ("same", "more", "fewer"):
        os.utime(tmp_path / "old" / folder, ns=(OLD_NS, OLD_NS))
    kept, total = safe_build.keep_unchanged_times(tmp_path / "old", tmp_path / "new")
    assert (kept, total) == (3, 5)
    times = {f: (tmp_path / "new" / f).stat().st_mtime_ns == OLD_NS for f in ("same", "more", "fewer", "new")}
    assert times == {"same": True, "more": False, "fewer": False, "new": False}


def test_nothing_is_kept_when_there_was_no_previous_site(tmp_path):
    write(tmp_path / "new" / "a" / "b.html", b"1")
    assert safe_build.keep_unchanged_times(tmp_path / "missing", tmp_path / "new") == (0, 1)
