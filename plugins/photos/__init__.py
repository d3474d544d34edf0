"""photos: responsive, private, cached derivatives of the photos editors put in articles."""

from .glue import connect


def register():
    connect()
