"""Start a new article: `make newpost TITLE="…" CATEGORY="…"`, or without make (Windows)
`py tools\\newpost.py "Tiêu đề bài" "Tin hoạt động"` (also `--title … --category …`, or TITLE and
CATEGORY in the environment, as make passes them).

Writes content/<year>/<slug>.md with the required metadata filled in (Date is now, in the site's
time zone; Slug: always, so the address stays when the title is edited) and the optional fields in
a comment, prints its path, and never overwrites a file. Started by a Python without Pelican (no
activated environment), it runs itself again with the project's .venv, as tools/check.py does."""

import argparse
import importlib.util
import os
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__" and importlib.util.find_spec("pelican") is None and not os.environ.get("NEWPOST_RESTARTED"):
    from local_python import MISSING, project_python, run_python  # noqa: E402

    if project_python() == sys.executable:
        print(MISSING, file=sys.stderr)
        sys.exit(2)
    os.environ["NEWPOST_RESTARTED"] = "1"  # the .venv's Python without Pelican must not start it again
    sys.exit(run_python([str(Path(__file__).resolve()), *sys.argv[1:]]))

from trangtin.content_checks.checks import closest  # noqa: E402 - after the plugins folder is importable
from trangtin.content_checks.glue import config_from_settings  # noqa: E402
from trangtin.vn_core.front_matter import parse_block  # noqa: E402
from trangtin.vn_core.slugs import content_slug  # noqa: E402
from trangtin.vn_core.vietnamese import nfc  # noqa: E402

TEMPLATE = """\
Title: {title}
Date: {date}
Category: {category}
Author: {author}
Slug: {slug}

<!--
Thông tin không bắt buộc: muốn dùng dòng nào thì chuyển dòng đó lên khối thông tin ở trên
(trước dòng trống đầu tiên) và sửa giá trị. Khối chú thích này không hiện trên trang.
Optional metadata: move a line up into the block above (before the first blank line).

Summary: Một, hai câu tóm tắt bài; hiện ở trang chủ và khi chia sẻ lên mạng xã hội.
Tags: {category_tag}, đoàn viên
Image: {{static}}/images/{year}/ten-anh.jpg
Featured: true
Views: 0
Status: draft
Modified: {date}
-->

"""

def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Tạo bài mới (start a new article).")
    parser.add_argument("words", nargs="*", metavar="TITLE [CATEGORY]", help="tiêu đề rồi chuyên mục (title, then category)")
    parser.add_argument("--title", default=os.environ.get("TITLE", ""))
    parser.add_argument("--category", default=os.environ.get("CATEGORY", ""))
    parser.add_argument("--author", default=os.environ.get("AUTHOR_NAME", ""))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("-s", "--settings", default=str(ROOT / "pelicanconf.py"))
    args = parser.parse_args(argv)
    if len(args.words) > 2:
        parser.error('viết tiêu đề trong ngoặc kép: "Tiêu đề bài" "Tin hoạt động" (quote the title)')
    if args.words:
        args.title = args.words[0]
    if len(args.words) == 2:
        args.category = args.words[1]
    return args


def fail(message: str) -> int:
    print(f"newpost: {message}", file=sys.stderr)
    return 2


def new_post_text(title, category, author, slug, moment) -> str:
    return TEMPLATE.format(
        title=title, date=f"{moment:%Y-%m-%d %H:%M}", category=category, author=author, slug=slug,
        year=moment.year, category_tag=category,
    )


def slugs_in_use(content: Path, config):
    """slug -> file (content-relative) of every Markdown file already in the content folder."""
    used = {}
    for path in sorted(content.rglob("*")):
        if not path.is_file() or path.suffix.lower().lstrip(".") not in ("md", "markdown", "mkd", "mdown"):
            continue
        try:
            lines = nfc(path.read_text(encoding="utf-8-sig")).splitlines()
        except (UnicodeDecodeError, OSError):
            continue
        block = parse_block(lines)
        title, typed = block.first("title"), block.first("slug")
        slug = content_slug(title.value if title else None, typed.value if typed else None, config.slugify,
                            config.slugify_source, path.stem)
        if slug:
            used.setdefault(slug, path.relative_to(content).as_posix())
    return used


def main(argv=None) -> int:
    args = parse_arguments(argv)
    title = " ".join(args.title.split())
    category = " ".join(args.category.split())
    if not title or not category:
        return fail('cần tiêu đề và chuyên mục — make newpost TITLE="Tiêu đề bài" CATEGORY="Tin hoạt động", '
                    'hoặc (Windows) py tools\\newpost.py "Tiêu đề bài" "Tin hoạt động" (TITLE and CATEGORY are required)')
    from pelican.settings import read_settings  # noqa: PLC0415 - slow import, only when needed

    settings = read_settings(args.settings)
    config = config_from_settings(settings)
    categories = config.categories
    if categories and category not in categories:
        suggestion = closest(category, categories)
        if suggestion:
            return fail(f"chuyên mục `{category}` không có, có phải là `{suggestion}`? — "
                        f'chạy lại với CATEGORY="{suggestion}" (did you mean `{suggestion}`?)')
        print(f"newpost: chuyên mục mới `{category}` — nhớ thêm vào NEWS_CATEGORIES trong pelicanconf.py",
              file=sys.stderr)
    slug = content_slug(title, None, config.slugify)
    if not slug:
        return fail("tiêu đề không tạo được slug (địa chỉ bài) — dùng chữ hoặc số trong TITLE")
    moment = datetime.now(ZoneInfo(settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh"))
    author = args.author or settings.get("AUTHOR", "")
    path = Path(args.content) / f"{moment.year}" / f"{slug}.md"
    taken = slugs_in_use(Path(args.content), config) if Path(args.content).is_dir() else {}
    other = taken.get(slug)
    if other is not None and Path(args.content) / other != path:
        return fail(f"đã có bài cùng địa chỉ (slug `{slug}`): {other} — đổi TITLE để bài mới có địa chỉ riêng, "
                    f"không ghi thêm tệp (an article with the slug `{slug}` already exists: {other}; change TITLE)")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x": create, never overwrite, even if another editor makes the same file at this moment.
        with open(path, "x", encoding="utf-8", newline="\n") as out:
            out.write(new_post_text(title, category, author, slug, moment))
    except FileExistsError:
        shown = os.path.relpath(path)
        return fail(f"{shown} đã có, không ghi đè — đổi TITLE hoặc sửa tệp đó ({shown} already exists, not overwritten)")
    shown = os.path.relpath(path)
    print(path if shown.startswith("..") else shown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
