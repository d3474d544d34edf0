"""The checks of what is on disk rather than in the text: symlinks that lead out of the content
folder or loop, uploads that could run script on the site, photos too big to decode. The file-system
edge, like scan.py; the rules are vn_core.paths and vn_core.uploads, which the build applies too."""

import functools
import os
from pathlib import Path

from trangtin.vn_core.paths import LOOP, OUTSIDE
from trangtin.vn_core.uploads import image_size, pixels_params, upload_message, upload_problem

from .checks import ERROR, _extension, _problem


PHOTO_EXTENSIONS = ("jpg", "jpeg", "jpe", "jfif", "png", "apng", "gif", "webp", "avif", "tif", "tiff", "bmp", "heic", "heif")


@functools.cache
def _raster_extensions():
    """The photo extensions Pillow reads here (HEIC only when pillow-heif is loaded): a file it
    cannot read at all is not called broken."""
    from PIL import Image  # noqa: PLC0415

    Image.init()
    readable = {ext.lstrip(".").lower() for ext, fmt in Image.registered_extensions().items() if fmt in Image.OPEN}
    return readable & set(PHOTO_EXTENSIONS)


def check_links(root, unsafe: dict):
    """One error per symlink leading out of the content folder or looping (vn_core.paths.unsafe_links)."""
    problems = []
    for path, problem in sorted(unsafe.items()):
        if problem == OUTSIDE:
            target = os.readlink(Path(root, path))
            problems.append(_problem(ERROR, path, 1, "symlink_outside", target=target))
        elif problem == LOOP:
            problems.append(_problem(ERROR, path, 1, "symlink_loop"))
    return problems


def check_upload(root, path):
    """An uploaded (static) file that could run script on the site."""
    found = upload_problem(path, lambda: Path(root, path).read_bytes())
    if found is None:
        return []
    code, params = upload_message(found)
    return [_problem(ERROR, path, 1, code, **params)]


def check_photo(root, path, max_pixels):
    """A photo whose header claims more pixels than PHOTOS_MAX_PIXELS, or that is no readable image."""
    if _extension(path) not in _raster_extensions():
        return []
    try:
        width, height = image_size(Path(root, path))
    except (OSError, ValueError, SyntaxError):
        return [_problem(ERROR, path, 1, "image_unreadable")]
    if max_pixels and width * height > max_pixels:
        return [_problem(ERROR, path, 1, "photo_too_many_pixels", **pixels_params(path, width, height, max_pixels))]
    return []


def check_files(root, discovery, config):
    """Every problem of the files on disk: the unsafe links, then each static file."""
    problems = check_links(root, discovery.unsafe_links)
    for path in sorted(discovery.static):
        problems += check_upload(root, path)
        problems += check_photo(root, path, config.max_pixels)
    return problems
