"""The Markdown reader for news: NFC text, our own metadata block (vn_core.front_matter: Pelican's
`Key: value` lines or YAML front matter, Vietnamese key aliases, values kept as text), dates read
by vn_core.dates, slugs capped and normalised (vn_core.slugs around Pelican's slugify), figures
with captions, typogrify (without `caps`, which only knows ASCII capitals), then sanitised HTML.

The checker (plugins/content_checks) reads the same block with the same code, so what it accepts
is exactly what the build shows."""

import itertools
import logging
import os
from functools import partial

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.urlwrappers import URLWrapper
from pelican.utils import get_date, pelican_open, slugify

from .figures import FigureExtension
from .sanitize import sanitise_html
from trangtin.vn_core.dates import parse_date
from trangtin.vn_core.embeds import DEFAULT_IFRAME_HOSTS
from trangtin.vn_core.front_matter import parse_block
from trangtin.vn_core.slugs import cap_slug, content_slug, remembered
from trangtin.vn_core.vietnamese import nfc

logger = logging.getLogger(__name__)

TYPOGRIFY_FILTERS_OFF = {"caps": False}
# Word's "Save as Web Page" and other HTML: never published as it is (Pelican's HTML reader would
# publish it without our checks or sanitiser); content_checks tells the editor what to do.
HTML_EXTENSIONS = ("html", "htm")


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


def case_variants(extension: str):
    """`md` -> md, mD, Md, MD: Pelican matches extensions case-sensitively; editors on Windows don't."""
    pairs = [(char.lower(), char.upper()) for char in extension]
    return {"".join(chars) for chars in itertools.product(*pairs)}


class NewsMarkdownReader(MarkdownReader):
    file_extensions = MarkdownReader.file_extensions

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Two Markdown instances reused for every file (reset in between): building one per file,
        # as Pelican does, costs about a tenth of a large build. The metadata block is ours
        # (parse_block), so neither runs Markdown's meta preprocessor.
        self._body_md = self._markdown()
        self._field_md = self._markdown()
        self._slugify = partial(
            remembered(slugify),
            regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False),
        )

    def _markdown(self):
        md_settings = dict(self.settings["MARKDOWN"])
        md_settings["extensions"] = [*md_settings.get("extensions", []), FigureExtension()]
        md = Markdown(**md_settings)
        if "meta" in md.preprocessors:
            md.preprocessors.deregister("meta")
        return md

    def _finish_html(self, html: str) -> str:
        if self.settings.get("VN_NEWS_TYPOGRIFY", True):
            html = typogrify_html(html)
        return sanitise_html(html, self.settings.get("VN_NEWS_IFRAME_HOSTS", DEFAULT_IFRAME_HOSTS))

    def process_metadata(self, name, value):
        # One date parser for the checker and the build: Vietnamese forms first, then Pelican's.
        if name in ("date", "modified"):
            return parse_date(value, get_date)
        processed = super().process_metadata(name, value)
        # Tag, author and category slugs are capped like a title's: a 320-character tag would name a
        # file too long for the disk. The digest keeps two long names apart (vn_core.slugs).
        for item in processed if isinstance(processed, list) else [processed]:
            if isinstance(item, URLWrapper) and item.slug and cap_slug(item.slug) != item.slug:
                item.slug = cap_slug(item.slug)
        return processed

    def _parse_metadata(self, meta):
        """Pelican's version on our block: one value a key (a second one is the checker's error)."""
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        output = {}
        for name, values in meta.items():
            if name in formatted_fields:
                self._field_md.reset()
                output[name] = self.process_metadata(name, self._field_md.convert("\n".join(values)))
            else:
                output[name] = self.process_metadata(name, values[0])
        return output

    def _slug(self, metadata, source_path):
        typed = metadata.get("slug")
        source = self.settings.get("SLUGIFY_SOURCE", "title")
        basename = os.path.splitext(os.path.basename(source_path))[0]
        if typed is None and not (source == "title" and "title" in metadata) and source != "basename":
            return
        slug = content_slug(metadata.get("title"), typed, self._slugify, source, basename)
        if slug:
            metadata["slug"] = slug

    def split(self, source_path):
        """The file's metadata block and its Markdown body."""
        with pelican_open(source_path) as text:
            lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        block = parse_block([line.expandtabs(4) for line in lines])
        return block, "\n".join(lines[block.body_start:])

    def body_html(self, source_path, body: str) -> str:
        """The finished HTML of a body; the same for any order of files (Markdown is reset)."""
        self._source_path = source_path
        self._md = self._body_md
        self._md.reset()
        return self._finish_html(self._md.convert(body))

    def read(self, source_path):
        block, body = self.split(source_path)
        # Another process may have made this body's HTML already (plugins/build_speed).
        content = self.made_elsewhere(source_path, body)
        if content is None:
            content = self.body_html(source_path, body)
        meta = {key: [value] for key, value in block.values().items()}
        metadata = self._parse_metadata(metadata_as_text(meta, self.settings["FORMATTED_FIELDS"])) if meta else {}
        if "summary" in metadata:
            metadata["summary"] = self._finish_html(metadata["summary"])
        self._slug(metadata, source_path)
        return content, metadata

    def made_elsewhere(self, source_path, body):
        """The body's HTML if another process made it from exactly this text, else None. Replace it
        on the instance; the default makes everything here."""
        return None


def install_news_reader(readers):
    """readers_init: our reader, one instance, for every Markdown extension in any letter case
    (`.MD`, `.Md`, `.MARKDOWN`), and no HTML reader (content_checks reports HTML files)."""
    shared = NewsMarkdownReader(readers.settings)
    for extension in NewsMarkdownReader.file_extensions:
        for variant in case_variants(extension):
            readers.reader_classes[variant] = lambda _settings, reader=shared: reader
    for extension in HTML_EXTENSIONS:
        readers.reader_classes[extension] = None
