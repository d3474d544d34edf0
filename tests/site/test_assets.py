"""The theme's stylesheet and scripts reach readers minified (plugins/assets); the sources stay as written."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from assets.minify import minify  # noqa: E402

THEME_STATIC = ROOT / "theme" / "static"


def test_minify_drops_comments_and_spaces_but_keeps_every_rule():
    css = "/* why */\n.a  {\n  color : red;\n}\n@media print {\n  .b { display: none; }\n}\n"
    assert minify(css, ".css") == ".a{color:red}@media print{.b{display:none}}"
    js = "// why\nvar a = 1;  /* more */\nfunction f ( x ) {\n  return x + a;\n}\n"
    assert minify(js, ".js") == "var a=1;function f(x){return x+a;}"
    assert minify("<p>  x  </p>", ".html") == "<p>  x  </p>"


def test_built_theme_css_and_js_are_the_minified_sources_when_site_is_built(basic_site):
    files = [path for path in THEME_STATIC.rglob("*") if path.suffix in (".css", ".js")]
    assert len(files) >= 5
    for source in files:
        built = basic_site.output / "theme" / source.relative_to(THEME_STATIC)
        text = source.read_text(encoding="utf-8")
        assert built.read_text(encoding="utf-8") == minify(text, source.suffix), source.name
        assert built.stat().st_size < 0.9 * source.stat().st_size, source.name
    assert not list((basic_site.output / "theme").rglob(".*.min"))
