"""Markdown extension: an image alone in its paragraph becomes a figure, its title the caption.

`![alt]({static}/images/x.jpg "Caption")` ->
`<figure><img alt="alt" src="..." loading="lazy"><figcaption>Caption</figcaption></figure>`"""

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


def _blank(text) -> bool:
    return text is None or not text.strip()


class FigureTreeprocessor(Treeprocessor):
    def run(self, root):
        for parent in root.iter():
            for paragraph in list(parent):
                if paragraph.tag == "p":
                    self._promote(paragraph)

    @staticmethod
    def _promote(paragraph):
        children = list(paragraph)
        if len(children) != 1 or children[0].tag != "img":
            return
        image = children[0]
        if not _blank(paragraph.text) or not _blank(image.tail):
            return
        paragraph.tag = "figure"
        paragraph.text = None
        image.tail = None
        image.set("loading", "lazy")
        caption = image.attrib.pop("title", "").strip()
        if caption:
            figcaption = etree.SubElement(paragraph, "figcaption")
            figcaption.text = caption


class FigureExtension(Extension):
    def extendMarkdown(self, md):
        # After inline patterns (priority 20) have turned ![..](..) into <img>.
        md.treeprocessors.register(FigureTreeprocessor(md), "vn_news_figures", 15)
