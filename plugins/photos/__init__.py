"""photos: responsive, private, cached derivatives of the photos editors put in articles."""

from .plugin import connect


def register():
    connect()
