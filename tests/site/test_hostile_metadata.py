"""Metadata holding markup (`</script><script>alert(1)</script>`, `<b>`, `&`, quotes) is shown as
text in every page, attribute, feed, sitemap and JSON-LD block: no injected element anywhere.

tests/fixtures/hostile_metadata has one article whose Title, Summary, Author, Tags, Category and
Image hold such text, a plain article, and a page with a hostile title."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, build

HOSTILE_URL = "2022/06/tieu-de-nguy-hiem.html"
TITLE = "</script><script>alert(1)</script> <b>Đậm</b> & \"ngoặc kép\" 'đơn' <i>"
CATEGORY = "</script><script>alert(1)</script> <b>Mục</b> & \"x\""
AUTHOR = "</script><script>alert(1)</script> <b>Tác giả</b> & 'y'"
TAG = "</script><script>alert(1)</script> <b>thẻ</b> & \"z\""
IMAGE = "https://anh.example.vn/a.jpg?x=\"><script>alert(1)</script>&y='<b>'"
INJECTED = ("b", "i")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "hostile_metadata", tmp_path_factory.mktemp("hostile") / "output")


def scripts_are_ours(soup, where):
    """Only the theme's own scripts: external files of theme/static/js and JSON-LD data blocks."""
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            continue
        assert script.get("src", "").split("/")[-2:-1] == ["js"], f"{where}: injected {script}"
        assert not script.string, f"{where}: inline script {script}"


def no_injected_elements(soup, where):
    for name in INJECTED:
        assert soup.find(name) is None, f"{where}: injected <{name}>: {soup.find(name)}"
    for element in soup.find_all(True):
        for attribute in element.attrs:
            assert not attribute.lower().startswith("on"), f"{where}: event handler {attribute} on {element.name}"


def html_of(text):
    return BeautifulSoup(text, "html.parser")


def test_no_page_has_an_injected_element_when_metadata_holds_markup(site):
    pages = site.html_files()
    assert len(pages) > 5
    for file in pages:
        soup = html_of(file.read_text(encoding="utf-8"))
        where = site.url_of(file)
        scripts_are_ours(soup, where)
        no_injected_elements(soup, where)


def test_hostile_title_is_text_in_heading_title_and_attributes_when_the_article_is_shown(site):
    page = site.page(HOSTILE_URL)
    assert page.select_one("h1.article-title").get_text() == TITLE
    assert page.title.get_text().startswith(TITLE)
    assert page.find("meta", property="og:title")["content"] == TITLE
    assert page.find("meta", property="article:section")["content"] == CATEGORY
    assert TAG in [meta["content"] for meta in page.find_all("meta", property="article:tag")]
    assert page.find("meta", property="og:image")["content"].endswith(IMAGE)
    assert page.select_one(".article-signature").get_text(strip=True) == AUTHOR


def test_summary_markup_is_text_when_an_editor_types_html_into_it(site):
    lead = site.page(HOSTILE_URL).select_one(".article-lead")
    assert lead.find("b") is None and lead.find("script") is None
    assert "</script><script>alert(1)</script> <b>Tóm tắt</b>" in lead.get_text()


def test_json_ld_parses_and_holds_the_exact_title_when_the_title_has_script_tags(site):
    for file in site.html_files():
        for block in html_of(file.read_text(encoding="utf-8")).find_all("script", type="application/ld+json"):
            data = json.loads(block.string)
            assert isinstance(data, dict)
    blocks = site.page(HOSTILE_URL).find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert data["headline"] == TITLE
    assert data["articleSection"] == CATEGORY
    assert data["author"] == [{"@type": "Organization", "name": AUTHOR}]
    # The raw text may not close the script element early.
    assert "</script" not in blocks[0].string.lower()


def feed_files(site):
    return sorted(site.output.glob("feeds/*.xml"))


def test_feeds_hold_the_metadata_as_text_when_parsed_as_xml(site):
    files = feed_files(site)
    assert any(f.name.endswith(".atom.xml") for f in files) and any(f.name.endswith(".rss.xml") for f in files)
    seen_titles = []
    for file in files:
        root = ET.parse(file).getroot()
        for element in root.iter():
            local = element.tag.split("}")[-1]
            assert local not in ("script", "b", "i"), f"{file.name}: injected element <{local}>"
            if local == "title" and element.text and "alert" in element.text:
                seen_titles.append(element.text)
            if local in ("summary", "content", "description") and element.text:
                # HTML carried as text: once a feed reader renders it, still no element of ours.
                inner = html_of(element.text)
                no_injected_elements(inner, file.name)
                assert inner.find("script") is None, f"{file.name}: script in {local}"
            if local == "category":
                term = element.get("term", element.text)
                assert "<" not in term or term in (CATEGORY, TAG), f"{file.name}: odd category {term!r}"
    assert TITLE in seen_titles


def test_atom_entry_keeps_author_and_categories_exactly_when_they_hold_markup(site):
    root = ET.parse(site.output / "feeds" / "all.atom.xml").getroot()
    entry = next(e for e in root.iter(f"{ATOM}entry") if e.find(f"{ATOM}title").text == TITLE)
    assert entry.find(f"{ATOM}author/{ATOM}name").text == AUTHOR
    assert {c.get("term") for c in entry.iter(f"{ATOM}category")} >= {CATEGORY, TAG}


def test_sitemap_and_other_data_files_parse_when_metadata_holds_markup(site):
    sitemap = ET.parse(site.output / "sitemap.xml").getroot()
    assert all(e.tag.split("}")[-1] in ("urlset", "url", "loc", "lastmod") for e in sitemap.iter())
    for file in site.output.rglob("*.json"):
        json.loads(file.read_text(encoding="utf-8"))
    for file in site.output.rglob("*.txt"):
        assert "<script" not in file.read_text(encoding="utf-8")


def test_listings_show_hostile_titles_as_text_when_they_link_to_the_article(site):
    # Home page and the hostile category's page list the article by its title, as text.
    links = [a for a in site.page("").find_all("a") if site.resolve("", a.get("href", "")) == HOSTILE_URL]
    assert any(a.get_text(strip=True) == TITLE.strip() for a in links)
