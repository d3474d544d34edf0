"""Confinement: a path built from data (a setting, a content file, an import, a redirect) must stay in
the folder it belongs to. Compares resolved paths, symlinks followed, so `output-old/` is not inside
`output/` (as a string prefix test would say) and `a/../../b` or a link leading out is caught.

No Pelican imports. The one rule the build, the checker and the importer share."""

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
