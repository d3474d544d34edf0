"""older_news: "Các tin đã đăng", the paginated older news under every article, in linear size."""

from .generator import connect


def register():
    connect()
