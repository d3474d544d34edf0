"""The theme's stylesheet and scripts reach readers minified, under names that carry a hash of their bytes
(so a server can let browsers keep them a year), and a published site has deterministic .gz and .br
copies of its text files (plugins/assets); the sources stay as written."""

import gzip
import re
import shutil
import sys

import brotli
import pytest

from conftest import FIXTURE_PUBLISHCONF, FIXTURES, ROOT, build, publish_env


from trangtin.assets.plugin import precompress  # noqa: E402
from trangtin.assets.minify import COMPRESSIBLE, hashed_name, minify  # noqa: E402

THEME_STATIC = ROOT / "theme" / "static"
HASHED = re.compile(r"\.[0-9a-f]{10}\.(css|js)$")


def test_minify_drops_comments_and_spaces_but_keeps_every_rule():
    css = "/* why */\n.a  {\n  color : red;\n}\n@media print {\n  .b { display: none; }\n}\n"
    assert minify(css, ".css") == ".a{color:red}@media print{.b{display:none}}"
    js = "// why\nvar a = 1;  /* more */\nfunction f ( x ) {\n  return x + a;\n}\n"
    assert minify(js, ".js") == "var a=1;function f(x){return x+a;}"
    assert minify("<p>  x  </p>", ".html") == "<p>  x  </p>"


@pytest.mark.parametrize("relative, data, expected", [
    ("css/site.css", b"a{}", "css/site.{}.css"),
    ("js/older-news.js", b"", "js/older-news.{}.js"),
    ("x.min.js", b"1", "x.min.{}.js"),
    ("LICENCE", b"1", "LICENCE.{}"),
])
def test_hashed_name_carries_ten_hex_digits_of_the_bytes_before_the_suffix(relative, data, expected):
    import hashlib
    assert hashed_name(relative, data) == expected.format(hashlib.sha256(data).hexdigest()[:10])


def test_built_theme_css_and_js_are_the_minified_sources_under_hashed_names_when_site_is_built(basic_site):
    files = [path for path in THEME_STATIC.rglob("*") if path.suffix in (".css", ".js")]
    assert len(files) >= 5
    for source in files:
        relative = source.relative_to(THEME_STATIC).as_posix()
        text = minify(source.read_text(encoding="utf-8"), source.suffix)
        built = basic_site.output / "theme" / hashed_name(relative, text.encode("utf-8"))
        assert built.read_text(encoding="utf-8") == text, source.name
        assert built.stat().st_size < 0.9 * source.stat().st_size, source.name
        assert not (basic_site.output / "theme" / relative).exists(), f"{relative}: an unhashed copy is left"
    assert not list((basic_site.output / "theme").rglob(".*.min")) and not list((basic_site.output / "theme").rglob(".*.tmp"))


def theme_references(site):
    """{page: [stylesheet and script addresses]} of every HTML page."""
    found = {}
    for file in site.html_files():
        url = site.url_of(file)
        page = site.page(url)
        links = [link["href"] for link in page.find_all("link", href=True) if "stylesheet" in link.get("rel", [])]
        found[url] = links + [script["src"] for script in page.find_all("script", src=True)]
    return found


def test_every_stylesheet_and_script_is_a_hashed_file_that_exists_when_site_is_built(basic_site):
    references = theme_references(basic_site)
    assert sum(map(len, references.values())) > 2 * len(references)
    for url, addresses in references.items():
        assert any(a.endswith(".css") for a in addresses), url
        for address in addresses:
            assert HASHED.search(address), f"{url}: {address} has no hash in its name"
            assert basic_site.exists(basic_site.resolve(url, address)), f"{url}: {address} does not exist"


def test_changing_the_css_changes_its_hashed_name_in_every_page_when_rebuilt(tmp_path, basic_site):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    css = theme / "static" / "css" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.thu-mau { color: #123456; }\n", encoding="utf-8")
    changed = build(FIXTURES / "basic", tmp_path / "out", {"THEME": str(theme)})

    def names(site, suffix, prefix=""):
        return {a.rsplit("/", 1)[-1] for addresses in theme_references(site).values() for a in addresses
                if a.endswith(suffix) and a.rsplit("/", 1)[-1].startswith(prefix)}

    before, after = names(basic_site, ".css", "site."), names(changed, ".css", "site.")
    assert len(before) == 1 and len(after) == 1 and before != after
    assert "#123456" in changed.text(f"theme/css/{after.pop()}")
    assert names(changed, ".js") == names(basic_site, ".js")  # the scripts did not change: same names
    assert names(changed, ".css", "van-ban.") == names(basic_site, ".css", "van-ban.")  # nor the register's stylesheet


def test_development_build_writes_no_compressed_copies_when_not_publishing(basic_site):
    assert not list(basic_site.output.rglob("*.gz")) and not list(basic_site.output.rglob("*.br"))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    # With search: Pagefind's files are the already-compressed ones that must get no copies.
    return build(FIXTURES / "basic", tmp_path_factory.mktemp("assets-publish") / "out", {"SEARCH_ENABLED": True},
                 conf=FIXTURE_PUBLISHCONF, env=publish_env())


def test_compressed_copies_decompress_to_the_file_byte_for_byte_when_published(published):
    texts = [p for p in published.output.rglob("*") if p.is_file() and p.name.lower().endswith(COMPRESSIBLE)]
    assert any(p.suffix == ".html" for p in texts) and any(HASHED.search(p.name) for p in texts)
    for path in texts:
        data = path.read_bytes()
        packed_gz, packed_br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) > 1000:  # big enough that compressing always pays
            assert packed_gz.is_file() and packed_br.is_file(), path
        if packed_gz.exists():
            raw = packed_gz.read_bytes()
            assert gzip.decompress(raw) == data, packed_gz
            # Deterministic header: no modification time, no file name (FLG bit 3).
            assert raw[4:8] == b"\0\0\0\0" and not raw[3] & 0x08, packed_gz
        if packed_br.exists():
            assert brotli.decompress(packed_br.read_bytes()) == data, packed_br


def test_already_compressed_files_get_no_copies_when_published(published):
    assert list(published.output.rglob("*.pf_fragment"))
    for path in published.output.rglob("*"):
        if path.suffix in (".gz", ".br"):
            assert path.with_suffix("").is_file(), f"{path}: a copy without its file"
            assert not path.with_suffix("").suffix.startswith((".pf_", ".wasm", ".jpg", ".png", ".webp", ".avif")), path


def test_compressed_copies_are_the_same_bytes_with_one_thread_or_several_when_published(published, tmp_path):
    """precompress divides the files between threads; the copies must not depend on how."""
    copies = {}
    for threads in (1, 3):
        site = tmp_path / f"threads-{threads}"
        shutil.copytree(published.output, site, ignore=shutil.ignore_patterns("*.gz", "*.br"))
        made = precompress(site, 5, 11, set(), site / "theme", threads=threads)
        copies[threads] = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.suffix in (".gz", ".br")}
        assert made == len(copies[threads])
    assert len(copies[1]) > 20 and any(name.endswith("index.html.br") for name in copies[1])
    assert copies[1] == copies[3]
