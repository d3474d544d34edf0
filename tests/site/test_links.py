"""Every internal link and source in every built HTML file resolves to a file that exists."""


def broken_links(site):
    broken = []
    for file in site.html_files():
        url = site.url_of(file)
        page = site.page(url)
        for tag in page.find_all(href=True) + page.find_all(src=True):
            for attr in ("href", "src"):
                if not tag.has_attr(attr):
                    continue
                target = site.resolve(url, tag[attr])
                if target is not None and not site.exists(target):
                    broken.append(f"{url}: {tag.name} {attr}={tag[attr]}")
    return broken


def test_every_internal_link_resolves_when_fixture_is_built(basic_site):
    assert broken_links(basic_site) == []


# The same two checks on the reference site's content/: tests/site/test_reference_site_content.py.
def test_internal_links_are_relative_when_built_for_development(basic_site):
    # RELATIVE_URLS=True: output/ must work from any folder and port, so no page links to localhost.
    site = basic_site
    for file in site.html_files():
        page = site.page(site.url_of(file))
        for tag in page.select("body [href], body [src]"):
            value = tag.get("href") or tag.get("src")
            assert not value.startswith("/"), f"{site.url_of(file)}: {value}"
