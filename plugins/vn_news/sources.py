"""What the build reads: a file reached through a symlink that leads out of the content folder (to
/etc, to a key's folder) or loops is never published, nor an upload that could run script on the site.
The checker (content_checks) reports the same first, with the same words; this is the build's own
refusal, for a build whose checks were switched off or are only a preview."""

import os

from pelican.contents import Static

from trangtin.vn_core.paths import LINK_MESSAGES, OUTSIDE, source_problem
from trangtin.vn_core.uploads import UPLOAD_MESSAGES, upload_message, upload_problem


OUTSIDE_SETTING = ("tệp nằm ngoài thư mục nội dung {folder} nên không được đăng — sửa STATIC_PATHS, ARTICLE_PATHS "
                   "hoặc PAGE_PATHS trong tệp cấu hình: chỉ ghi thư mục bên trong thư mục nội dung, không dùng `..`")


class UnsafeSource(SystemExit):
    """Stops the build (exit status 1) with one line naming the file, no traceback."""

    def __init__(self, message: str):
        super().__init__(message)
        self.code = message


def _shown(path):
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def refuse_unsafe_source(content):
    """content_object_init, for every article, page and static file, before anything is written."""
    source = getattr(content, "source_path", None)
    root = content.settings.get("PATH")
    if not source or not root:
        return
    relative = os.path.relpath(source, root)
    found = source_problem(root, relative)
    if found:
        link, problem = found
        place = os.path.join(root, link)
        if not os.path.islink(place):  # a setting (STATIC_PATHS, ARTICLE_PATHS) naming a folder outside
            raise UnsafeSource(f"{_shown(source)}:1: lỗi: {OUTSIDE_SETTING.format(folder=root)}")
        target = os.readlink(place) if problem == OUTSIDE else ""
        raise UnsafeSource(f"{_shown(place)}:1: lỗi: {LINK_MESSAGES[problem][0].format(target=target)}")
    if isinstance(content, Static):
        refused = upload_problem(relative.replace(os.sep, "/"), lambda: open(source, "rb").read())
        if refused:
            code, params = upload_message(refused)
            raise UnsafeSource(f"{_shown(source)}:1: lỗi: {UPLOAD_MESSAGES[code][0].format(**params)}")
