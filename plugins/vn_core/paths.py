"""Confinement: a path built from data (a setting, a content file, an import, a redirect) must stay in
the folder it belongs to. Compares resolved paths, symlinks followed, so `output-old/` is not inside
`output/` (as a string prefix test would say) and `a/../../b` or a link leading out is caught.

No Pelican imports. The one rule the build, the checker and the importer share."""

import functools
import os
from pathlib import Path


class PathOutside(ValueError):
    """A path that leaves its folder; the message names the path and the folder."""

    def __init__(self, path, folder):
        super().__init__(f"{path} nằm ngoài thư mục {folder}")
        self.path, self.folder = str(path), str(folder)


def is_inside(path, folder) -> bool:
    """True when `path`, resolved (links followed), is `folder` or lies below it."""
    try:
        return Path(path).resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL byte: never inside
        return False


def confined_join(folder, *parts) -> Path:
    """`folder/parts…`, resolved; raises PathOutside when the result leaves `folder` (by `..`, an
    absolute part, or a symlink on the way)."""
    joined = Path(folder).joinpath(*(str(part) for part in parts))
    if "\0" in str(joined) or not is_inside(joined, folder):
        raise PathOutside(joined, folder)
    return joined.resolve()


# --- symlinks in the content folder ---------------------------------------------------------------

OUTSIDE, LOOP = "outside", "loop"


def link_problem(link, folder):
    """For a symlink under `folder`: OUTSIDE when it leads out of `folder` (a dangling link too, when
    it names a place outside), LOOP when it leads to a folder holding it or to itself (a walk that
    follows it never ends), else None."""
    link = Path(link)
    try:
        target = link.resolve(strict=True)
        parent = link.parent.resolve(strict=True)
    except FileNotFoundError:
        # A dangling link: harmless inside (nothing is read), an error when it names a place outside.
        return None if is_inside(link, folder) else OUTSIDE
    except (OSError, RuntimeError):  # ELOOP: a link to itself, or a ring of links
        return LOOP
    if not target.is_relative_to(Path(folder).resolve()):
        return OUTSIDE
    if target.is_dir() and parent.is_relative_to(target):
        return LOOP
    return None


def unsafe_links(folder) -> dict:
    """{content-relative path: OUTSIDE or LOOP} of every symlink under `folder` that leads out of it
    or loops, found as Pelican's walk (links followed) finds them, without following those."""
    root = Path(folder)
    found = {}
    for parent, dirs, files in os.walk(root, followlinks=True):
        dirs.sort()
        for name in (*dirs, *files):
            path = Path(parent, name)
            if path.is_symlink():
                problem = link_problem(path, root)
                if problem:
                    found[path.relative_to(root).as_posix()] = problem
        dirs[:] = [name for name in dirs if Path(parent, name).relative_to(root).as_posix() not in found]
    return found


def source_problem(folder, relative):
    """(link, OUTSIDE or LOOP) when the content-relative path `relative` is reached through a symlink
    (`link`, content-relative) that leads out of `folder` or loops; None for a safe path. Costs one
    lstat when no link is on the way (each folder is resolved once)."""
    root = _real_folder(os.path.abspath(folder))
    lexical = os.path.normpath(os.path.join(root, relative))
    parent = os.path.dirname(lexical)
    if lexical.startswith(root + os.sep) and _real_folder(parent) == parent and not os.path.islink(lexical):
        return None
    parts = Path(os.path.relpath(lexical, root)).parts
    if not lexical.startswith(root + os.sep):
        return relative, OUTSIDE
    for count in range(1, len(parts) + 1):
        step = Path(root, *parts[:count])
        if step.is_symlink():
            problem = link_problem(step, root)
            if problem:
                return Path(*parts[:count]).as_posix(), problem
    return None


# What the checker and the build say about such a link (the checker adds the file and `lỗi:`).
LINK_MESSAGES = {
    OUTSIDE: (
        "đây là liên kết (symlink) trỏ ra ngoài thư mục nội dung (tới `{target}`), tệp ở đó không được đăng — "
        "xóa liên kết này và chép chính tệp cần đăng vào thư mục nội dung",
        "this is a symlink leading out of the content folder (to `{target}`), nothing there is published — "
        "delete the link and copy the file itself into the content folder",
    ),
    LOOP: (
        "đây là liên kết (symlink) trỏ về thư mục chứa chính nó, đi theo nó sẽ lặp mãi — xóa liên kết này",
        "this is a symlink leading back to a folder that holds it, following it never ends — delete the link",
    ),
}


# --- every file the build writes -----------------------------------------------------------------


class WriteOutside(SystemExit):
    """Stops the build before it writes `name` outside the output folder: exit status 1 and one
    Vietnamese line naming where the name came from (a content file, a setting), no traceback."""

    def __init__(self, name, folder, source):
        message = (
            f"{source}: lỗi: không ghi tệp `{name}` vì nó nằm ngoài thư mục xuất {folder} — "
            "sửa đường dẫn: không dùng `..`, không bắt đầu bằng `/`, không đi qua liên kết (symlink) ra ngoài"
        )
        super().__init__(message)
        self.code = message
        self.name, self.folder, self.source = str(name), str(folder), str(source)


def output_file(folder, name, source) -> str:
    """The absolute path (as Pelican's sanitised_join spells it) of `name` in the output `folder`;
    raises WriteOutside when it leaves the folder, compared on resolved paths (so `../output-old/x`
    and a link inside the output leading out are caught). `source` names where `name` came from."""
    name = str(name)
    joined = os.path.abspath(os.path.join(folder, name))
    if "\0" in name or os.path.isabs(name):
        raise WriteOutside(name, folder, source)
    real_folder = _real_folder(os.path.abspath(folder))
    # Thousands of pages share a few hundred folders: each folder is resolved once, then the name.
    real = os.path.join(_real_folder(os.path.dirname(joined)), os.path.basename(joined))
    if os.path.islink(real):
        real = os.path.realpath(real)
    if not real.startswith(real_folder + os.sep):
        raise WriteOutside(name, folder, source)
    return joined


@functools.lru_cache(maxsize=4096)
def _real_folder(path: str) -> str:
    return os.path.realpath(path)
