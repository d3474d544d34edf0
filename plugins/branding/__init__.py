"""branding: the site's own colours, logo, favicon and search example, all from settings, so a site
changes none of the theme's files."""

from .generator import connect


def register():
    connect()
