"""The checks of the documents register (content/van-ban/*.md, issue 27): each file as the build
reads it (vn_core.documents), then across files: two documents with the same số ký hiệu and cơ quan
ban hành, and a `Thay thế` naming no known document. Pure: bytes in, Problems out."""

import posixpath

from trangtin.vn_core.documents import duplicates, link_replacements, read_document
from trangtin.vn_core.vietnamese import nfc

from . import messages
from .checks import ERROR, WARNING, _problem, _static_folders, _under, check_control_characters, decode

MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")


def document_paths(files, folder: str) -> set:
    """The content-relative paths of the document files among `files`."""
    if not folder:
        return set()
    return {path for path in files if _under(path, folder) and path.lower().endswith(MARKDOWN)
            and not any(part.startswith(".") for part in path.split("/"))}


def _file_problems(document, existing, config):
    problems = []
    line = document.lines.get("files", 1)
    for target in document.files:
        if target not in existing:
            problems.append(_problem(ERROR, document.path, line, "doc_missing_file", target=target))
        elif not any(_under(target, folder) for folder in config.static_paths):
            problems.append(_problem(ERROR, document.path, line, "doc_file_not_static", target=target, folders=_static_folders(config)))
    return problems


def _worded(path, code, line, params):
    if code == "doc_unsafe_file":
        vi, en = messages.ADDRESS_REASONS[params.pop("reason")]
        detail = params.pop("detail")
        params.update(reason_vi=vi.format(detail=detail), reason_en=en.format(detail=detail))
    # An unknown key loses only its own value (a required field it misspells is reported missing).
    return _problem(WARNING if code == "doc_unknown_key" else ERROR, path, line, code, **params)


def check_documents(sources: dict, existing, config) -> list:
    """Every problem of the document files `sources` (content-relative path -> bytes)."""
    problems, read = [], []
    for path in sorted(sources):
        text, problem = decode(path, sources[path])
        if problem:
            problems.append(problem)
            continue
        text = nfc(text)
        document, found = read_document(path, text, config.get_date)
        problems += [_worded(path, code, line, dict(params)) for code, line, params in found]
        problems += _file_problems(document, existing, config)
        problems += check_control_characters(path, text.split("\n"))
        read.append(document)
    for document, first in duplicates(read):
        problems.append(_problem(ERROR, document.path, document.lines.get("number", 1), "doc_duplicate",
                                 number=document.number, issuer=document.issuer or "(không ghi)", other=first.path))
    for document in link_replacements(read):
        problems.append(_problem(WARNING, document.path, document.lines["replaces"], "doc_unknown_replaces",
                                 value=document.replaces, folder=posixpath.dirname(document.path) or "van-ban"))
    return problems

