"""The Markdown reader for news: NFC text, figures with captions, typogrify (without `caps`,
which only knows ASCII capitals), then sanitised HTML."""

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .figures import FigureExtension
from .sanitize import sanitise_html
from .vietnamese import nfc

TYPOGRIFY_FILTERS_OFF = {"caps": False}


def typogrify_html(html: str) -> str:
    from typogrify.filters import typogrify  # noqa: PLC0415 - optional, only when enabled

    return typogrify(html, **TYPOGRIFY_FILTERS_OFF)


class NewsMarkdownReader(MarkdownReader):
    file_extensions = MarkdownReader.file_extensions

    def _markdown(self):
        md_settings = dict(self.settings["MARKDOWN"])
        md_settings["extensions"] = [*md_settings.get("extensions", []), FigureExtension()]
        return Markdown(**md_settings)

    def _finish_html(self, html: str) -> str:
        if self.settings.get("VN_NEWS_TYPOGRIFY", True):
            html = typogrify_html(html)
        return sanitise_html(html)

    def read(self, source_path):
        self._source_path = source_path
        self._md = self._markdown()
        with pelican_open(source_path) as text:
            content = self._md.convert(nfc(text))
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        if "summary" in metadata:
            metadata["summary"] = self._finish_html(metadata["summary"])
        return self._finish_html(content), metadata
