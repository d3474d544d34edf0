"""The Markdown reader for news: NFC text, figures with captions, typogrify (without `caps`,
which only knows ASCII capitals), then sanitised HTML."""

import logging

from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open

from .figures import FigureExtension
from .sanitize import sanitise_html
from vn_core.vietnamese import nfc

logger = logging.getLogger(__name__)

TYPOGRIFY_FILTERS_OFF = {"caps": False}


def typogrify_html(html: str) -> str:
    from typogrify.filters import typogrify  # noqa: PLC0415 - optional, only when enabled

    return typogrify(html, **TYPOGRIFY_FILTERS_OFF)


def metadata_as_text(meta: dict, formatted_fields) -> dict:
    """Formatted metadata (Summary) keeps Markdown emphasis but not raw HTML: `<b>` or `</script>`
    typed into a summary must show as text on every page and feed, like any other metadata."""
    return {
        key: [value.replace("<", "&lt;").replace(">", "&gt;") for value in values] if key in formatted_fields else values
        for key, values in meta.items()
    }


class NewsMarkdownReader(MarkdownReader):
    file_extensions = MarkdownReader.file_extensions

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Two Markdown instances reused for every file (reset in between): building one per file,
        # as Pelican does, costs about a tenth of a large build. Fields such as Summary are
        # converted without the meta preprocessor, so they cannot define metadata themselves.
        self._body_md = self._markdown()
        self._field_md = self._markdown()
        self._field_md.preprocessors.deregister("meta")

    def _markdown(self):
        md_settings = dict(self.settings["MARKDOWN"])
        md_settings["extensions"] = [*md_settings.get("extensions", []), FigureExtension()]
        return Markdown(**md_settings)

    def _finish_html(self, html: str) -> str:
        if self.settings.get("VN_NEWS_TYPOGRIFY", True):
            html = typogrify_html(html)
        return sanitise_html(html)

    def _parse_metadata(self, meta):
        # Pelican's version, but on the reused field instance: Pelican's deregisters the meta
        # preprocessor on every call, which fails the second time on a reused instance.
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        output = {}
        for name, values in meta.items():
            name = name.lower()
            if name in formatted_fields:
                self._field_md.reset()
                output[name] = self.process_metadata(name, self._field_md.convert("\n".join(values)))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(values) > 1:
                    logger.warning("Duplicate definition of `%s` for %s. Using first one.", name, self._source_path)
                output[name] = self.process_metadata(name, values[0])
            elif len(values) > 1:
                output[name] = self.process_metadata(name, values)
            else:
                output[name] = self.process_metadata(name, values[0])
        return output

    def read(self, source_path):
        self._source_path = source_path
        self._md = self._body_md
        self._md.reset()
        self._md.Meta = {}
        with pelican_open(source_path) as text:
            content = self._md.convert(nfc(text))
        meta = self._md.Meta
        metadata = self._parse_metadata(metadata_as_text(meta, self.settings["FORMATTED_FIELDS"])) if meta else {}
        if "summary" in metadata:
            metadata["summary"] = self._finish_html(metadata["summary"])
        return self._finish_html(content), metadata
