"""How content names its own files: Pelican's intrasite prefixes and the cover (`Image:`) value.
Pure: no Pelican imports, no I/O. Shared by the reader's helpers, the checker and the photos plugin."""

# Prefixes that name a file copied as it is (static files, attachments).
STATIC_PREFIXES = ("{static}", "|static|", "{attach}", "|attach|")
# Every prefix Pelican resolves to a file of the content folder.
INTRASITE_PREFIXES = STATIC_PREFIXES + ("{filename}", "|filename|")
EXTERNAL_PREFIXES = ("http://", "https://", "//")


def split_intrasite(target: str, prefixes=INTRASITE_PREFIXES):
    """(prefix, rest) for a link written with one of `prefixes`, else (None, target)."""
    prefix = next((p for p in prefixes if target.startswith(p)), None)
    return prefix, target[len(prefix):] if prefix else target


def cover_path(value):
    """`{static}/images/a.jpg`, `/images/a.jpg` or `images/a.jpg` -> `images/a.jpg`; a cover on another
    site (`https://…`) is kept as it is; None when there is none."""
    if not value:
        return None
    _prefix, text = split_intrasite(str(value).strip())
    if text.startswith(EXTERNAL_PREFIXES):
        return text
    return text.lstrip("/")
