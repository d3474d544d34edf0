"""The register's pages as plain data: groups by loại / năm / cơ quan, pages of a listing, a row per
document. Pure: no Pelican imports, no I/O."""

from trangtin.vn_core.pager import page_count
from trangtin.vn_core.vietnamese import sort_key


def page_slices(count: int, per_page: int) -> list:
    """(start, end) of each page of a listing of `count` items; one empty page when there is none,
    so the register exists before the first document."""
    pages = page_count(count, per_page)
    return [(n * per_page, min(count, (n + 1) * per_page)) for n in range(pages)] or [(0, 0)]


def page_url(first_url: str, number: int, pattern: str) -> str:
    """Page 1 is the listing's own address; page n the pattern (`{base}trang/{number}/`)."""
    return first_url if number == 1 else pattern.format(base=first_url, number=number)


def groups(documents, name_of, by_name=True) -> list:
    """[(name, documents)] of the documents sharing `name_of(document)` (empty names left out),
    in Vietnamese order of the name (or newest first when the names are years), each newest first as
    given."""
    found = {}
    for document in documents:
        name = name_of(document)
        if name:
            found.setdefault(name, []).append(document)
    names = sorted(found, key=sort_key) if by_name else sorted(found, reverse=True)
    return [(name, found[name]) for name in names]
