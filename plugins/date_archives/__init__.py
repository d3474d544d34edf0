"""date_archives: year, month and day archives in linear time, the archive index's calendars,
and the manifest the "Xem tin theo ngày" picker reads."""

from .glue import connect


def register():
    connect()
