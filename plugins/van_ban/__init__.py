"""van_ban: the documents register ("Văn bản") built from content/van-ban/*.md.

The rules of a document (keys, status, replacements) are vn_core.documents, shared with the checker;
listing.py holds the page arithmetic; generator.py reads and writes."""


def register():
    from .generator import connect  # noqa: PLC0415 - keeps the package importable without Pelican

    connect()
