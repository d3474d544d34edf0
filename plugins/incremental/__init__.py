"""incremental: Pelican's content cache under a key that makes stale HTML impossible (keying), and
the facts a whole-build memo needs (tools/incremental_build.py)."""

from .plugin import connect


def register():
    connect()
