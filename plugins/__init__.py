"""Trang tin: a static news-site generator on Pelican for Vietnamese organisations.

This folder is the `trangtin` package (pyproject.toml maps it, and tools/ to `trangtin.tools`); each
plugin is a subpackage (`trangtin.vn_news`, `trangtin.search`, …) and vn_core is the Pelican-free core."""

from pathlib import Path

__version__ = "0.1.0"

_HERE = Path(__file__).resolve().parent


def _beside(name: str) -> Path:
    """A folder shipped with the product: inside the package in a wheel, beside plugins/ in a checkout
    (an editable install)."""
    inside = _HERE / name
    return inside if inside.is_dir() else _HERE.parent / name


PACKAGE_DIR = _HERE
THEME_DIR = _beside("theme")
TOOLS_DIR = _beside("tools")
