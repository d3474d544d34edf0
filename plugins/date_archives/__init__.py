"""date_archives: year, month and day archives in linear time, the archive index's calendars,
and the manifest the "Xem tin theo ngày" picker reads."""

from .plugin import connect


def register():
    connect()
