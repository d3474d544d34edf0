"""The README and the guides in docs/ link to each other by relative paths and headings: when a section
moves, every link to it must follow, or a reader lands on GitHub's 404 or at the top of a long page."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDES = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def prose(text):
    """The text a reader sees as links: fenced blocks and code spans hold examples, not links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def anchors(path):
    """Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces to hyphens, -1, -2 on repeats."""
    seen, found = {}, set()
    for heading in re.findall(r"^#{1,6} (.+?)\s*$", re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"),
                                                            flags=re.M | re.S), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").lower()).replace(" ", "-")
        found.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return found


def local_links(path):
    for target in LINK.findall(prose(path.read_text(encoding="utf-8"))):
        if not re.match(r"[a-z][a-z0-9+.-]*:|[{<]", target):
            yield unquote(target)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_local_link_leads_to_a_file_and_heading_that_exist_when_a_reader_follows_it(guide):
    broken = []
    for target in local_links(guide):
        file_part, _, anchor = target.partition("#")
        linked = (guide.parent / file_part).resolve() if file_part else guide
        if not linked.exists() or (anchor and linked.suffix == ".md" and anchor not in anchors(linked)):
            broken.append(target)
    assert broken == []


def test_the_anchor_rule_matches_githubs_when_a_heading_has_code_punctuation_and_vietnamese(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("# Importing old news (`make import`)\n## 5. Từ Word lên web: bài gửi bằng tệp Word\n"
                    "## Serving Pagefind's files\n## Serving Pagefind's files\n```\n# not a heading\n```\n",
                    encoding="utf-8")
    assert anchors(page) == {"importing-old-news-make-import", "5-từ-word-lên-web-bài-gửi-bằng-tệp-word",
                             "serving-pagefinds-files", "serving-pagefinds-files-1"}
