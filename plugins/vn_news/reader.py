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


def metadata_as_text(meta: dict, formatted_fields) -> dict:
    """Formatted metadata (Summary) keeps Markdown emphasis but not raw HTML: `<b>` or `</script>`
    typed into a summary must show as text on every page and feed, like any other metadata."""
    return {
        key: [value.replace("<", "&lt;").replace(">", "&gt;") for value in values] if key in formatted_fields else values
        for key, values in meta.items()
    }


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
        meta = getattr(self._md, "Meta", None)
        metadata = self._parse_metadata(metadata_as_text(meta, self.settings["FORMATTED_FIELDS"])) if meta else {}
        if "summary" in metadata:
            metadata["summary"] = self._finish_html(metadata["summary"])
        return self._finish_html(content), metadata
