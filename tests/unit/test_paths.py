"""vn_core.paths: the one confinement rule (resolved paths, links followed)."""

import os
import sys
from pathlib import Path

import pytest


from trangtin.vn_core.paths import PathOutside, confined_join, is_inside  # noqa: E402


@pytest.mark.parametrize("parts", [("a.html",), ("a", "b", "c.html"), ("a/../b.html",), ("./x",)])
def test_confined_join_keeps_paths_inside_the_folder(tmp_path, parts):
    assert confined_join(tmp_path, *parts).is_relative_to(tmp_path.resolve())


@pytest.mark.parametrize("parts", [("..", "x"), ("a/../../x",), ("/etc/passwd",), ("a", "/etc"), ("a\0b",)])
def test_confined_join_refuses_paths_that_leave_the_folder(tmp_path, parts):
    with pytest.raises(PathOutside):
        confined_join(tmp_path / "output", *parts)


def test_a_sibling_folder_with_the_same_prefix_is_outside(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output-old").mkdir()
    assert not is_inside(tmp_path / "output-old" / "x", tmp_path / "output")
    with pytest.raises(PathOutside):
        confined_join(tmp_path / "output", "../output-old/x")


def test_a_symlink_leading_out_is_outside_and_a_loop_is_never_inside(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    os.symlink("/etc", folder / "etc")
    os.symlink(folder / "loop", folder / "loop")
    assert not is_inside(folder / "etc" / "passwd", folder)
    assert not is_inside(folder / "loop" / "x", folder)
    with pytest.raises(PathOutside):
        confined_join(folder, "etc", "passwd")
