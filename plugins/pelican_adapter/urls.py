"""URL settings formatted from the fields they name, and category, tag and author slugs remembered.

Both replace a Pelican attribute for one build (patches.replace), behind the gate's `url_settings`
and `slugs` parts; the site is the same with Pelican's own code, only built slower."""

import re
import string

from pelican import urlwrappers
from pelican.contents import Content
from pelican.utils import path_to_url, slugify

from trangtin.vn_core.slugs import remembered

from . import patches

_PLAIN_FIELDS = {}  # pattern -> the names of the fields it formats, or None for an unusual pattern


def _fields_of(pattern: str):
    try:
        return _PLAIN_FIELDS[pattern]
    except KeyError:
        pass
    names = []
    try:
        for _text, field, _spec, _conversion in string.Formatter().parse(pattern):
            if field is None:
                continue
            name = re.split(r"[.\[]", field, maxsplit=1)[0]
            if not name or name.isdigit():
                names = None
                break
            if name not in names:
                names.append(name)
    except ValueError:
        names = None
    _PLAIN_FIELDS[pattern] = None if names is None else tuple(names)
    return _PLAIN_FIELDS[pattern]


def _field(content, name):
    """What Content.url_format (Pelican 4.12) holds under `name`; LookupError when it holds nothing."""
    if name == "path":
        return path_to_url(content.metadata.get("path", content.get_relative_source_path()))
    if name == "slug":
        return getattr(content, "slug", "")
    if name == "lang":
        return getattr(content, "lang", "en")
    if name == "date":
        return content.date  # AttributeError (no date): url_format would use now(); Pelican's path decides
    if name in ("author", "category"):
        return getattr(content, name).slug if hasattr(content, name) else ""
    return content.metadata[name]


def expand_settings(self, key, klass=None):
    """Content._expand_settings (Pelican 4.12) without copying the metadata and computing the
    relative source path for every URL: only the fields the pattern names are looked up. The
    templates and the plugins ask each article's URL and save-as path some twenty times while the
    context is built."""
    if not klass:
        klass = self.__class__.__name__
    pattern = str(self.settings[f"{klass}_{key}".upper()])
    names = _fields_of(pattern)
    if names is not None:
        try:
            values = {name: _field(self, name) for name in names}
        except (LookupError, AttributeError):
            pass
        else:
            return pattern.format(**values)
    return pattern.format(**self.url_format)


REMEMBERED_SLUGIFY = remembered(slugify)


def use_fast_urls():
    """For the build that is starting: both replacements the gate allows."""
    patches.replace("url_settings", Content, "_expand_settings", expand_settings)
    patches.replace("slugs", urlwrappers, "slugify", REMEMBERED_SLUGIFY)
