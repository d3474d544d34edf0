"""vn_news.figures: an image alone in its paragraph becomes a figure; its title the caption."""

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown


from trangtin.vn_news.figures import FigureExtension  # noqa: E402


def render(source: str) -> BeautifulSoup:
    html = Markdown(extensions=["markdown.extensions.extra", FigureExtension()], output_format="html5").convert(source)
    return BeautifulSoup(html, "html.parser")


def test_image_becomes_figure_with_caption_when_it_has_a_title():
    soup = render('![Quang cảnh hội nghị](images/a.svg "Hội nghị sơ kết 6 tháng đầu năm 2021")')
    figure = soup.find("figure")
    assert figure is not None and soup.find("p") is None
    image = figure.find("img")
    assert image["alt"] == "Quang cảnh hội nghị"
    assert image["src"] == "images/a.svg"
    assert image["loading"] == "lazy"
    assert not image.has_attr("title")
    assert figure.figcaption.get_text() == "Hội nghị sơ kết 6 tháng đầu năm 2021"
    assert [child.name for child in figure.find_all(recursive=False)] == ["img", "figcaption"]


def test_image_becomes_figure_without_caption_when_it_has_no_title():
    soup = render("![Đoàn viên trồng cây](images/b.svg)")
    figure = soup.find("figure")
    assert figure is not None
    assert figure.find("figcaption") is None
    assert figure.find("img")["alt"] == "Đoàn viên trồng cây"


def test_blank_title_gives_no_empty_caption_when_title_is_spaces():
    figure = render('![Ảnh](images/c.svg "   ")').find("figure")
    assert figure is not None and figure.find("figcaption") is None


@pytest.mark.parametrize(
    "source",
    [
        'Xem ảnh ![Ảnh](images/a.svg "Chú thích") trong đoạn văn.',
        '![Ảnh](images/a.svg "Chú thích") và lời bình ngay sau.',
        'Lời dẫn: ![Ảnh](images/a.svg "Chú thích")',
        '![Một](images/a.svg "A") ![Hai](images/b.svg "B")',
        '[![Ảnh có liên kết](images/a.svg "Chú thích")](https://example.vn/)',
    ],
)
def test_paragraph_is_unchanged_when_image_shares_it_with_text_or_other_elements(source):
    soup = render(source)
    assert soup.find("figure") is None
    assert soup.find("figcaption") is None
    assert soup.find("p") is not None
    assert all(img.has_attr("title") for img in soup.find_all("img"))


def test_each_image_becomes_its_own_figure_when_paragraphs_alternate():
    soup = render('Đoạn một.\n\n![A](a.svg "Chú thích A")\n\nĐoạn hai.\n\n![B](b.svg "Chú thích B")\n\nĐoạn ba.')
    assert [f.figcaption.get_text() for f in soup.find_all("figure")] == ["Chú thích A", "Chú thích B"]
    assert [p.get_text() for p in soup.find_all("p")] == ["Đoạn một.", "Đoạn hai.", "Đoạn ba."]


def test_image_in_a_list_item_is_left_alone_when_it_is_not_a_paragraph():
    soup = render('- ![A](a.svg "Chú thích A")')
    assert soup.find("figure") is None
