"""draft_guard: when the settings write no drafts (publishconf.py: `DRAFT_SAVE_AS = ""`), no draft is
written at all — not even one whose own `Save_as:` metadata names a file, which Pelican would write."""

from .plugin import connect


def register():
    connect()
