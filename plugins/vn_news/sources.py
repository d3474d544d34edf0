"""What the build reads: a file reached through a symlink that leads out of the content folder (to
/etc, to a key's folder) or loops is never published, nor an upload that could run script on the site.
The checker (content_checks) reports the same first, with the same words; this is the build's own
refusal, for a build whose checks were switched off or are only a preview."""

import os

from pelican.contents import Static

from vn_core.paths import LINK_MESSAGES, OUTSIDE, source_problem
from vn_core.uploads import UPLOAD_MESSAGES, upload_message, upload_problem


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
        target = os.readlink(os.path.join(root, link)) if problem == OUTSIDE else ""
        text = LINK_MESSAGES[problem][0].format(target=target)
        raise UnsafeSource(f"{_shown(os.path.join(root, link))}:1: lỗi: {text}")
    if isinstance(content, Static):
        refused = upload_problem(relative.replace(os.sep, "/"), lambda: open(source, "rb").read())
        if refused:
            code, params = upload_message(refused)
            raise UnsafeSource(f"{_shown(source)}:1: lỗi: {UPLOAD_MESSAGES[code][0].format(**params)}")
