"""plugins/redirects/rules.py: the redirect data format and the files made from it."""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest


from trangtin.redirects import rules  # noqa: E402
from trangtin.redirects.rules import Redirect  # noqa: E402


@pytest.mark.parametrize("url, expected", [
    ("http://host.vn/News/Detail.aspx?NewsID=12", "/News/Detail.aspx?NewsID=12"),
    ("https://host.vn/2022/06/19/bai/#binh-luan", "/2022/06/19/bai/"),
    ("http://host.vn", "/"),
    ("http://host.vn/tin tức/bài.html", "/tin%20t%E1%BB%A9c/b%C3%A0i.html"),
])
def test_old_address_keeps_path_and_query(url, expected):
    assert rules.old_address(url) == expected


@pytest.mark.parametrize("path, saved", [
    ("/a/b.html", "a/b.html"), ("/a/b/", "a/b/index.html"), ("/a/b", "a/b/index.html"), ("/", "index.html"),
    ("/News/Detail.aspx", "News/Detail.aspx"), ("/tin%20moi/", "tin moi/index.html"),
])
def test_page_file(path, saved):
    assert rules.page_file(path) == saved


@pytest.mark.parametrize("from_file, url, expected", [
    ("2022/06/19/bai/index.html", "2022/06/bai.html", "../../bai.html"),
    ("tin-tuc/bai.html", "2022/06/bai.html", "../2022/06/bai.html"),
    ("bai.html", "gioi-thieu/", "gioi-thieu/"),
    ("a/b/index.html", "", "../../"),
])
def test_relative_url_resolves_from_the_redirect_page(from_file, url, expected):
    assert rules.relative_url(from_file, url) == expected


def test_dumps_is_sorted_unique_and_reads_back():
    data = [Redirect("/b", "2022/b.md"), Redirect("/a?x=1", "2022/a.md"), Redirect("/b", "2022/other.md")]
    text = rules.dumps(data)
    assert rules.loads(text) == [Redirect("/a?x=1", "2022/a.md"), Redirect("/b", "2022/b.md")]
    assert rules.dumps(rules.loads(text)) == text


@pytest.mark.parametrize("text, message", [
    ("{", "chuyen-huong.json:1: không đọc được JSON"),
    ("[]", 'cần một đối tượng {"redirects": [...]}'),
    ('{"redirects": [{"from": "no-slash", "to": "a.md"}]}', "mục thứ 1"),
])
def test_bad_data_names_the_file(text, message):
    with pytest.raises(rules.RedirectDataError, match=message.replace("[", r"\[").replace("{", r"\{").replace("(", r"\(")):
        rules.loads(text, "chuyen-huong.json")


PAIRS = [
    (Redirect("/News/Detail.aspx?NewsID=12", "a.md"), "/2022/06/a.html"),
    (Redirect("/tin-tuc/bai (1).html", "b.md"), "/2022/06/b.html"),
    (Redirect('/q?x="$y"', "c.md"), "/c.html"),
]


def test_htaccess_matches_the_query_exactly_and_drops_it():
    text = rules.htaccess(PAIRS)
    assert "RewriteCond %{QUERY_STRING} ^NewsID=12$ [NC]\nRewriteRule ^News/Detail\\.aspx$ \"/2022/06/a.html\" [R=301,L,NC,QSD]" in text
    assert 'RewriteRule ^tin-tuc/bai\\ \\(1\\)\\.html$ "/2022/06/b.html" [R=301,L]' in text


def test_nginx_map_quotes_every_key():
    text = rules.nginx_map(PAIRS)
    assert '    "/News/Detail.aspx?NewsID=12" "/2022/06/a.html";' in text
    assert '    "/q?x=\\"\\$y\\"" "/c.html";' in text
    assert text.count("{") == text.count("}")


def test_web_config_is_xml_with_a_rewrite_map():
    root = ET.fromstring(rules.web_config(PAIRS))
    entries = {add.get("key"): add.get("value") for add in root.iter("add") if add.get("key")}
    assert entries == {pair[0].old: pair[1] for pair in PAIRS}
    action = root.find(".//rule/action")
    assert action.get("redirectType") == "Permanent" and action.get("url") == "{C:1}"
    # The same file must let IIS serve the search index's files (IIS refuses unknown extensions).
    types = {m.get("fileExtension"): m.get("mimeType") for m in root.iter("mimeMap")}
    assert {ext: types[ext] for ext in (".wasm", ".pagefind", ".pf_meta", ".pf_fragment", ".pf_index", ".pf_filter", ".webp", ".woff2")} == {
        ".wasm": "application/wasm", ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream", ".pf_index": "application/octet-stream",
        ".pf_filter": "application/octet-stream", ".webp": "image/webp", ".woff2": "font/woff2"}
    # IIS refuses a duplicate mimeMap (500.19): each one follows a <remove> of the same extension.
    static = root.find("system.webServer/staticContent")
    children = [(child.tag, child.get("fileExtension")) for child in static if child.tag in ("remove", "mimeMap")]
    assert children == [(tag, ext) for ext in types for tag in ("remove", "mimeMap")]


# IIS cannot run here: web.config is checked for the rules nginx and Apache are tested for with real servers.
def test_web_config_sends_the_protective_headers_and_the_policy_only_on_pages():
    hosting = rules.Hosting("/doankhoi", ("www.youtube.com/embed/",))
    root = ET.fromstring(rules.web_config(PAIRS, hosting))
    headers = {add.get("name"): add.get("value") for add in root.find("system.webServer/httpProtocol/customHeaders").iter("add")}
    assert headers == {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin",
                       "X-Frame-Options": "SAMEORIGIN"}
    outbound = root.find("system.webServer/rewrite/outboundRules")
    condition = outbound.find("preConditions/preCondition[@name='IsPage']/add")
    assert (condition.get("input"), condition.get("pattern")) == ("{RESPONSE_CONTENT_TYPE}", "^text/html")
    csp = outbound.find("rule[@name='Content-Security-Policy']")
    assert csp.get("preCondition") == "IsPage"
    assert csp.find("match").get("serverVariable") == "RESPONSE_Content_Security_Policy"
    policy = csp.find("action").get("value")
    assert "frame-src 'self' https://www.youtube.com/embed/;" in policy and "unsafe-inline" not in policy
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy and "frame-ancestors 'self'" in policy
    error = root.find("system.webServer/httpErrors/error")
    assert (error.get("statusCode"), error.get("path")) == ("404", "/doankhoi/404.html")


def test_web_config_caches_hashed_files_a_year_and_revalidates_pages():
    outbound = ET.fromstring(rules.web_config([])).find("system.webServer/rewrite/outboundRules")
    cache = {rule.get("name"): (rule.find("conditions/add").get("pattern"), rule.find("action").get("value"))
             for rule in outbound.iter("rule") if rule.find("match").get("serverVariable") == "RESPONSE_Cache_Control"}
    revalidated, immutable = cache["Cache: pages revalidated"], cache["Cache: hashed files immutable"]
    assert revalidated[1] == "no-cache" and immutable[1] == "public, max-age=31536000, immutable"
    # The hashed rule comes last, so it wins for a hashed .css/.js (outbound rules all run, in order).
    assert list(cache) == ["Cache: pages revalidated", "Cache: hashed files immutable"]
    for url, expected in (("/", revalidated), ("/2022/06/a.html", revalidated), ("/pagefind/pagefind.js", revalidated),
                          ("/theme/css/site.9aaa62aef1.css", immutable), ("/photos/a-22236369daed-1200w.webp", immutable),
                          ("/pagefind/fragment/vi_1a2b.pf_fragment", immutable)):
        matched = [value for value in (revalidated, immutable) if re.search(value[0], url)]
        assert matched[-1] == expected, url
    assert not any(re.search(pattern, "/images/anh.jpg") for pattern, _value in cache.values())  # the 1-day default


def test_frame_sources_follow_the_embed_allow_list():
    assert rules.frame_sources(["www.youtube.com/embed/", "www.facebook.com/plugins/video.php?x=1", "www.youtube.com/embed/"]) == [
        "https://www.youtube.com/embed/", "https://www.facebook.com/plugins/video.php"]


def test_nginx_bucket_fits_the_longest_old_address():
    # nginx 1.22: 64 holds keys of up to 46 bytes (8 + align(len + 2, 8) + 8 <= 64).
    assert [rules._hash_bucket_size(["/" + "a" * (n - 1)]) for n in (1, 46, 47, 110, 111, 300)] == [64, 64, 128, 128, 256, 512]


def test_redirect_page_escapes_the_title_and_is_not_indexed():
    page = rules.redirect_page('<b>"Bài"</b>', "../a.html", "https://site.vn/a.html")
    assert "<title>Đã chuyển: &lt;b&gt;&quot;Bài&quot;&lt;/b&gt;</title>" in page
    assert '<meta name="robots" content="noindex">' in page and 'content="0; url=../a.html"' in page
    assert "data-pagefind-body" not in page


def test_lookup_table_only_holds_query_addresses_in_lower_case():
    assert rules.lookup_table(PAIRS) == {"/news/detail.aspx?newsid=12": "/2022/06/a.html", '/q?x="$y"': "/c.html"}


def test_htaccess_serves_the_precompressed_copies_after_the_redirects_and_caches_hashed_assets():
    text = rules.htaccess(PAIRS)
    assert "AddEncoding br .br" in text and "AddEncoding gzip .gz" in text and "RemoveType .gz .br" in text
    assert text.index("[R=301,L]") < text.index("RewriteRule ^(.+)$ $1.br [L,") < text.index("RewriteRule ^(.+)$ $1.gz [L,")
    assert 'Header set Cache-Control "public, max-age=31536000, immutable"' in text
    assert text.count("<IfModule") == text.count("</IfModule>") and text.count("<FilesMatch") == text.count("</FilesMatch>")
