"""`make publish`: publishconf.py with the public SITEURL from the environment, as CI runs it."""

import os

import feedparser
import pytest

from conftest import FIXTURES, ROOT, build

# A GitHub Pages project site lives below a path: every link must keep it.
PUBLIC = "https://doankhoi.example.vn/tin-tuc"
ARTICLE = "2021/01/hoi-nghi-tong-ket-cong-tac-doan-nam-2020.html"


def publish(tmp_path, siteurl):
    env = dict(os.environ, SITEURL=siteurl)
    env.pop("CANONICAL_URL", None)
    return build(FIXTURES / "basic", tmp_path / "out", conf=ROOT / "publishconf.py", env=env)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return publish(tmp_path_factory.mktemp("publish"), PUBLIC + "/")


def test_links_are_absolute_under_siteurl_when_published(published):
    for file in published.html_files():
        page = published.page(published.url_of(file))
        for tag in page.select("head link[href], body [href], body [src]"):
            value = tag.get("href") or tag.get("src")
            if value.startswith(("#", "mailto:", "https://www.facebook.com/", "https://twitter.com/")):
                continue
            assert value.startswith(PUBLIC + "/"), f"{published.url_of(file)}: {value}"
            assert published.exists(value[len(PUBLIC) + 1:]), f"{published.url_of(file)}: {value}"


def test_canonical_feeds_and_sitemap_use_siteurl_when_published(published):
    page = published.page(ARTICLE)
    assert page.select_one("link[rel=canonical]")["href"] == f"{PUBLIC}/{ARTICLE}"
    feed = feedparser.parse(published.text("feeds/all.atom.xml"))
    assert all(entry.link.startswith(PUBLIC + "/") for entry in feed.entries)
    assert f"<loc>{PUBLIC}/{ARTICLE}</loc>" in published.text("sitemap.xml")
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in published.text("robots.txt").splitlines()


def test_default_address_is_used_when_siteurl_is_empty(tmp_path):
    # GitHub Actions passes an unset repository variable as an empty string.
    site = publish(tmp_path, "")
    canonical = site.page(ARTICLE).select_one("link[rel=canonical]")["href"]
    assert canonical.startswith("https://") and canonical.endswith("/" + ARTICLE)


def test_workflow_tests_then_publishes_when_main_is_pushed():
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    steps = [line.strip() for line in workflow.splitlines() if line.strip().startswith("run: make")]
    assert steps[:2] == ["run: make test", "run: make publish"]
    assert "branches: [main]" in workflow
    assert "SITEURL: ${{ vars.SITEURL }}" in workflow
    assert "actions/upload-pages-artifact" in workflow and "actions/deploy-pages" in workflow
