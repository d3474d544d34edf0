"""`make bench-import`: time the importer on generated sources.

Generates (fixed seed) a WordPress export of N posts with an uploads folder (every post has a
featured image, a [caption]ed resized variant and a link to another post), and a wget-style mirror
of N legacy portal pages (date line, views, breadcrumb, a photo with its caption, a signature,
CÁC TIN ĐÃ ĐĂNG). Each import runs as a subprocess of tools/import_news.py into an empty content
folder, content checks included; wall time and the subprocess's peak memory (ru_maxrss) are
printed as a Markdown table and written to bench-results/import.md. Target: ≤ 60 s each.

    python tools/bench_import.py [--posts 1000] [--pages 1000] [--keep]"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from trangtin.tools.generate_news import news_categories  # noqa: E402 - a sibling script

TARGET_SECONDS = 60
WORDS = ("đoàn viên thanh niên tình nguyện hội nghị tuyên truyền sáng tạo công trình khởi nghiệp học tập "
         "làm theo Bác phong trào cơ sở chi đoàn tỉnh hiến máu mùa hè xanh").split()
# The site's own categories (NEWS_CATEGORIES in pelicanconf.py), as the import would meet them.
CATEGORIES = tuple(news_categories())
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def sentence(rng, n=18):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def tiny_png() -> bytes:
    from make_import_fixture import png  # noqa: PLC0415

    return png(8, 6, (20, 120, 200))


def make_wxr(folder: Path, count: int, rng) -> tuple:
    uploads = folder / "uploads"
    image = tiny_png()
    items = []
    for number in range(1, count + 1):
        year, month, day = 2015 + number % 8, 1 + number % 12, 1 + number % 28
        month_dir = uploads / f"{year}" / f"{month:02d}"
        month_dir.mkdir(parents=True, exist_ok=True)
        (month_dir / f"anh-{number}.png").write_bytes(image)
        attachment = 100000 + number
        src = f"https://wp.example.vn/wp-content/uploads/{year}/{month:02d}/anh-{number}-1024x768.png"
        other = 1 + (number % count)
        body = "\n\n".join([sentence(rng), f'[caption id="attachment_{attachment}" width="1024"]<img src="{src}" alt="Ảnh {number}" /> {sentence(rng, 8)}[/caption]',
                            f'Xem <a href="https://wp.example.vn/?p={other}">bài {other}</a>. ' + sentence(rng), sentence(rng, 40)])
        items.append(f"""<item><title>Ảnh {number}</title><wp:post_id>{attachment}</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><wp:attachment_url>https://wp.example.vn/wp-content/uploads/{year}/{month:02d}/anh-{number}.png</wp:attachment_url></item>
<item><title>Tin số {number}: {sentence(rng, 8)}</title><link>https://wp.example.vn/{year}/{month:02d}/{day:02d}/tin-{number}/</link>
<dc:creator>bientap</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[{sentence(rng, 12)}]]></excerpt:encoded>
<wp:post_id>{number}</wp:post_id><wp:post_date_gmt>{year}-{month:02d}-{day:02d} 01:{number % 60:02d}:00</wp:post_date_gmt>
<wp:post_name>tin-{number}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="c"><![CDATA[{CATEGORIES[number % len(CATEGORIES)]}]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{attachment}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>post_views_count</wp:meta_key><wp:meta_value>{rng.randint(0, 5000)}</wp:meta_value></wp:postmeta></item>""")
    export = folder / "export.xml"
    export.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
                      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                      'xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:base_site_url>https://wp.example.vn</wp:base_site_url>'
                      + "\n".join(items) + "</channel></rss>\n", encoding="utf-8")
    return export, uploads


def make_mirror(folder: Path, count: int, rng) -> Path:
    host = folder / "mirror" / "portal.example.vn"
    (host / "News").mkdir(parents=True)
    (host / "Upload").mkdir()
    image = tiny_png()
    for number in range(1, count + 1):
        (host / "Upload" / f"anh-{number}.png").write_bytes(image)
        year, month, day = 2012 + number % 10, 1 + number % 12, 1 + number % 28
        category = CATEGORIES[number % len(CATEGORIES)]
        paragraphs = "\n".join(f"<p>{sentence(rng, 50)}</p>" for _ in range(6))
        page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin {number}</title></head><body>
<div id="menu"><a href="/">Trang chủ</a> <a href="/News/List.aspx">Tin tức</a></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/News/List.aspx?CatID={number % len(CATEGORIES)}">{category}</a></div>
<table><tr><td><div class="title">TIN SỐ {number}: {sentence(rng, 8).upper()}</div>
<div>{WEEKDAYS[number % 7]}, ngày {day}/{month}/{year} - {number % 24}:{number % 60:02d} Đã xem: {rng.randint(0, 9000)}</div>
{paragraphs}
<p align="center"><img src="../Upload/anh-{number}.png"></p><p align="center"><em>{sentence(rng, 8)}</em></p>
<p>Xem <a href="/News/Detail.aspx?NewsID={1 + number % count}">tin khác</a>.</p>
<p align="right"><b>ĐTN</b></p>
<div><b>CÁC TIN ĐÃ ĐĂNG</b><ul><li><a href="/News/Detail.aspx?NewsID=1">Tin 1</a></li></ul>Tổng số: {count}</div>
</td></tr></table></body></html>"""
        (host / "News" / f"Detail.aspx?NewsID={number}.html").write_text(page, encoding="utf-8")
    return folder / "mirror"


def timed(command) -> tuple:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    out = process.stdout.read().decode("utf-8", "replace") + process.stderr.read().decode("utf-8", "replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode, out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=int(os.environ.get("BENCH_IMPORT_POSTS", 1000)))
    parser.add_argument("--pages", type=int, default=int(os.environ.get("BENCH_IMPORT_PAGES", 1000)))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(20221906)
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    rows, failed = [], False
    try:
        export, uploads = make_wxr(work / "wp", args.posts, rng)
        mirror = make_mirror(work / "legacy", args.pages, rng)
        script = str(ROOT / "tools" / "import_news.py")
        for label, count, source, extra in (("WordPress (WXR)", args.posts, export, ["--uploads", str(uploads)]),
                                            ("Legacy pages", args.pages, mirror, [])):
            content = work / f"content-{len(rows)}"
            content.mkdir()
            seconds, megabytes, code, out = timed([sys.executable, script, str(source), "--content", str(content),
                                                   "--report", str(work / f"report-{len(rows)}.md")] + extra)
            written = len(list(content.rglob("*.md")))
            failed |= code != 0 or written != count
            rows.append((label, count, written, seconds, megabytes, code, out.strip().splitlines()[-1:]))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept: {work}")
    lines = ["| Source | Items | Files written | Wall time (s) | Peak memory (MB) | Target ≤ 60 s |", "|---|---:|---:|---:|---:|---|"]
    for label, count, written, seconds, megabytes, code, _last in rows:
        verdict = "PASS" if seconds <= TARGET_SECONDS and code == 0 else "FAIL"
        lines.append(f"| {label} | {count:,} | {written:,} | {seconds:.1f} | {megabytes:.0f} | {verdict} |")
    table = "\n".join(lines)
    print(table)
    for row in rows:
        if row[5] != 0:
            print(f"{row[0]}: exit {row[5]}: {row[6]}", file=sys.stderr)
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    (results / "import.md").write_text(f"# Import benchmark\n\n{table}\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
