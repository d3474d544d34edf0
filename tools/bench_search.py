"""`make bench-search`: the search index's cost and the search page's speed on generated news.

For each size N (default 1,000 and 10,000) the news are generated (tools/generate_news.py, fixed seed)
and built once with this site's settings and the search plugin switched off; then Pagefind indexes
the built site with the plugin's own command (plugins/search/indexing.py), timed on its own, and the
index folder is measured. On the largest site, served from 127.0.0.1, headless Chromium (Debian's)
opens the search page in a fresh profile and types a first query; every file under pagefind/ that
the page requested from opening until the first results show is counted (on a site with more news
than the plugin's SEARCH_RECENT_NEWS those first results come from the index of the newest news,
pagefind/moi/), and so is every file until the complete results are in (the server does not
compress, and Pagefind's chunks are gzip files already, so these are the bytes on the wire). Then 20
queries are typed one after the other, each once the previous one is complete, and measured in the
page from its last keystroke (the last `input` event) to its first results in the list and to its
complete results; the median to the first results is compared with the target.

Settings (command line first, then environment, then default):
  --sizes / BENCH_SEARCH_SIZES   comma-separated news counts   (1000,10000)
  --seed  / BENCH_SEED           generator seed                (20221906)
  --keep  / BENCH_KEEP=1         keep the temporary folder
Results: printed as Markdown and written to bench-results/search.md. Exit 0 when every build and
measurement ran (a missed target is reported, not an error); 1 otherwise."""

import argparse
import functools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))

import generate_news  # noqa: E402 - a sibling script
from search import indexing  # noqa: E402 - the plugin's own Pagefind command

SITE_CONF = ROOT / "pelicanconf.py"
RESULTS = ROOT / "bench-results" / "search.md"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
# First queries, each in a fresh browser profile: a typical one, and the worst case of the generated
# news (`doan khoi` is in almost every news, and `đoàn` is one of the commonest words).
FIRST_QUERIES = ["hien mau", "doan khoi"]
# Twenty queries a reader might type, mostly without marks, from the generated news' vocabulary.
QUERIES = [
    "hien mau", "doan vien", "thanh nien tinh nguyen", "dai hoi", "tuyen quang", "mua he xanh",
    "hội thao", "tap huan", "chuyen doi so", "dien dan", "ky niem", "trao qua", "doan khoi",
    "văn hóa", "tuyen duong", "ra quan", "cong tac doan", "sinh hoat chuyen de", "dau tu", "thăm hỏi",
]
MAX_FIRST_QUERY_BYTES = 300_000  # 300 KB, decimal: the stricter reading
MAX_MEDIAN_MS = 300
RECENT_NEWS = 150  # the plugin's default SEARCH_RECENT_NEWS (plugins/search/glue.py)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SEARCH_SIZES") or "1000,10000")
    parser.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED") or 20221906))
    parser.add_argument("--keep", action="store_true", default=os.environ.get("BENCH_KEEP") == "1")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--site", type=Path, help="measure only the browser part on this built, indexed site")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    return args


def folder_bytes(folder: Path) -> tuple:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def build_site(content: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(SITE_CONF), "-e", "SEARCH_ENABLED=false"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"bench_search: the build of {content} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


_NEWS_SORT = re.compile(r'data-pagefind-sort="date:(\d+)"')


def news_newest_first(output: Path) -> list[str]:
    """The output paths of the published news, newest first, read from the built pages (the plugin
    takes them from Pelican's article list; equal minutes are ordered here by path, there by slug)."""
    dated = []
    for path in output.rglob("*.html"):
        match = _NEWS_SORT.search(path.read_text(encoding="utf-8"))
        if match:
            dated.append((match.group(1), path.relative_to(output).as_posix()))
    return [path for _, path in sorted(dated, reverse=True)]


def time_index(output: Path) -> dict:
    """Every Pagefind run of the plugin (the complete index, then the recent one), timed together."""
    from pagefind.service import get_executable  # noqa: PLC0415

    news = news_newest_first(output)
    commands = indexing.index_commands(get_executable(), output, "pagefind", "vi", news, RECENT_NEWS)
    start = time.perf_counter()
    logs = []
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(indexing.failure_message(result.returncode, result.stdout + result.stderr, output))
        logs.append(result.stdout)
    wall = time.perf_counter() - start
    recent = output / "pagefind" / indexing.RECENT_SUBDIR
    for bundle in (output / "pagefind", recent):
        indexing.remove_unused_files(bundle)  # as the plugin does: count what is published
    files, size = folder_bytes(output / "pagefind")
    recent_files, recent_size = folder_bytes(recent) if recent.is_dir() else (0, 0)
    return {"seconds": wall, "files": files, "bytes": size, "pages": indexing.read_report(logs[0]).pages,
            "recent_files": recent_files, "recent_bytes": recent_size,
            "recent_pages": indexing.read_report(logs[1]).pages if len(logs) > 1 else 0}


def serve(directory: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


MEASURE_SCRIPT = """
() => {
  const input = document.querySelector('#tim-kiem-q');
  window.__lastInput = 0;
  input.addEventListener('input', () => { window.__lastInput = performance.now(); });
}
"""

# Notes the time the status first names the query (the first results are in the list by then: on a
# large site those of the newest news) and the time the complete results are in (the page marks
# data-search-state="complete"); `at` is the wall clock (ms since the epoch) of the first results.
WATCH_SCRIPT = """
(query) => {
  window.__result = null;
  const app = document.querySelector('.search-app');
  const status = document.querySelector('.search-status');
  let first = null;
  new MutationObserver((_, observer) => {
    if (!status.textContent.includes('“' + query + '”')) return;
    const now = performance.now();
    const shown = document.querySelectorAll('.search-result').length;
    // "Đang tìm “…”" (no match among the newest news yet) is not a result.
    if (!first && (shown || app.dataset.searchState === 'complete')) first = {ms: now - window.__lastInput, at: performance.timeOrigin + now, status: status.textContent,
                         shown: shown};
    if (!first || app.dataset.searchState !== 'complete') return;
    observer.disconnect();
    window.__result = {ms: first.ms, at: first.at, firstStatus: first.status, shown: first.shown,
                       completeMs: now - window.__lastInput, status: status.textContent};
  }).observe(app, {childList: true, characterData: true, subtree: true, attributes: true});
}
"""


def type_query(page, query: str) -> dict:
    page.fill("#tim-kiem-q", "")
    page.wait_for_function("document.querySelector('.search-status').textContent === ''")
    page.evaluate(WATCH_SCRIPT, query)
    page.locator("#tim-kiem-q").press_sequentially(query, delay=40)
    page.wait_for_function("window.__result !== null", timeout=120_000)
    return page.evaluate("window.__result")


def classify(path: str) -> str:
    if f"/{indexing.RECENT_SUBDIR}/" in path:
        return f"{indexing.RECENT_SUBDIR}/: {classify_file(path)}"
    return classify_file(path)


def classify_file(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name in ("pagefind.js", "pagefind-worker.js"):
        return name
    if name.startswith("wasm."):
        return "wasm"
    for suffix, kind in ((".pf_index", "index chunks"), (".pf_fragment", "fragments (results shown)"), (".pf_filter", "filters"), (".pf_meta", "meta")):
        if name.endswith(suffix):
            return kind
    return "entry"


def open_search_page(browser, base: str, fetched: dict):
    context = browser.new_context()
    page = context.new_page()

    # path -> (start of the request, ms since the epoch; bytes of the body)
    def count(response):
        path = urlparse(response.url).path
        if "/pagefind/" in path and response.ok:
            fetched[path] = (response.request.timing["startTime"], len(response.body()))

    page.on("response", count)
    page.goto(base + "tim-kiem/")
    page.locator("#tim-kiem-q").wait_for()
    page.evaluate(MEASURE_SCRIPT)
    return context, page


def measure_browser(output: Path) -> dict:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    server, base = serve(output)
    firsts = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for query in FIRST_QUERIES:
                fetched = {}
                context, page = open_search_page(browser, base, fetched)
                result = type_query(page, query)
                page.wait_for_timeout(300)  # late responses of this query
                # The first results need every file requested before they were shown; the files
                # requested after them are what the complete results cost on top.
                before = {path: size for path, (start, size) in fetched.items() if start <= result["at"]}
                kinds = {}
                for path, size in before.items():
                    kinds[classify(path)] = kinds.get(classify(path), 0) + size
                firsts.append({"query": query, "ms": result["ms"], "status": result["firstStatus"],
                               "bytes": sum(before.values()), "files": len(before), "kinds": kinds,
                               "complete_ms": result["completeMs"], "complete_status": result["status"],
                               "complete_bytes": sum(size for _, size in fetched.values()), "complete_files": len(fetched)})
                context.close()
            context, page = open_search_page(browser, base, {})
            type_query(page, "thanh nien")  # warms the page up; not counted
            timings = [type_query(page, query) for query in QUERIES]
            context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "firsts": firsts,
        "median_ms": statistics.median(t["ms"] for t in timings),
        "max_ms": max(t["ms"] for t in timings),
        "median_complete_ms": statistics.median(t["completeMs"] for t in timings),
        "max_complete_ms": max(t["completeMs"] for t in timings),
        "timings": list(zip(QUERIES, timings)),
    }


def kib(value: int) -> str:
    return f"{value / 1000:,.1f} KB".replace(",", " ")


def report(sizes: dict, browser: dict, largest: int, seed: int) -> str:
    lines = [
        f"# Search benchmark ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, seed {seed}, {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.1f})",
        "",
        "| news | pages indexed | index build | index files | index size |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size, index in sizes.items():
        lines.append(f"| {size:,} | {index['pages'] or '?'} | {index['seconds']:.1f} s | {index['files']:,} | {kib(index['bytes'])} |")
    if any(index["recent_files"] for index in sizes.values()):
        lines += ["", "Of which the index of the newest news (`pagefind/moi/`, included above):", ""]
        lines += ["| news | pages indexed | files | size |", "|---:|---:|---:|---:|"]
        for size, index in sizes.items():
            lines.append(f"| {size:,} | {index['recent_pages']} | {index['recent_files']:,} | {kib(index['recent_bytes'])} |")
    firsts = browser["firsts"]
    kinds = sorted({kind for first in firsts for kind in first["kinds"]})
    lines += [
        "",
        f"On the {f'{largest:,}-news' if largest else 'given'} site, first query in a fresh Chromium profile (bytes fetched from pagefind/):",
        "",
        "| | " + " | ".join(f"`{first['query']}`" for first in firsts) + " |",
        "|---|" + "---:|" * len(firsts),
    ]
    lines.append("| first results | " + " | ".join(first["status"] for first in firsts) + " |")
    for kind in kinds:
        lines.append(f"| {kind} | " + " | ".join(kib(first["kinds"].get(kind, 0)) for first in firsts) + " |")
    lines.append("| **total** | " + " | ".join(f"**{kib(first['bytes'])}** ({first['files']} files)" for first in firsts) + " |")
    lines.append("| last keystroke to first results | " + " | ".join(f"{first['ms']:.0f} ms" for first in firsts) + " |")
    lines.append("| complete results | " + " | ".join(first["complete_status"] for first in firsts) + " |")
    lines.append("| bytes until the complete results | " + " | ".join(f"{kib(first['complete_bytes'])} ({first['complete_files']} files)" for first in firsts) + " |")
    lines.append("| last keystroke to complete results | " + " | ".join(f"{first['complete_ms']:.0f} ms" for first in firsts) + " |")
    lines += [
        "",
        f"{len(QUERIES)} further queries in the same page, each typed once the previous one is complete: first results "
        f"median {browser['median_ms']:.0f} ms (slowest {browser['max_ms']:.0f} ms), complete results median "
        f"{browser['median_complete_ms']:.0f} ms (slowest {browser['max_complete_ms']:.0f} ms) from the last keystroke "
        "(this includes the page's 120 ms wait after the last keystroke).",
        "",
        "| target | measured | result |",
        "|---|---:|---|",
    ]
    for first in firsts:
        verdict = "PASS" if first["bytes"] <= MAX_FIRST_QUERY_BYTES else "FAIL"
        lines.append(f"| first query `{first['query']}` transfers ≤ 300 KB (300,000 bytes) until its first results | {kib(first['bytes'])} | {verdict} |")
    verdict = "PASS" if browser["median_ms"] <= MAX_MEDIAN_MS else "FAIL"
    lines.append(f"| first results ≤ 300 ms after the last keystroke (median of {len(QUERIES)}) | {browser['median_ms']:.0f} ms | {verdict} |")
    lines += ["", "| query | first results | ms | complete results | ms |", "|---|---|---:|---|---:|"]
    for query, timing in browser["timings"]:
        lines.append(f"| `{query}` | {timing['firstStatus']} | {timing['ms']:.0f} | {timing['status']} | {timing['completeMs']:.0f} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.site:
        text = report({}, measure_browser(args.site), 0, args.seed)
        print(text)
        return 0
    if os.environ.get("BENCH_TMP"):  # made when missing
        os.makedirs(os.environ["BENCH_TMP"], exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-", dir=os.environ.get("BENCH_TMP") or None))
    try:
        names = generate_news.news_categories(SITE_CONF)
        sizes = {}
        for size in args.sizes:
            content, output = workdir / f"content-{size}", workdir / f"output-{size}"
            generate_news.write(content, generate_news.generate(size, args.seed, names))
            print(f"bench_search: building {size:,} news…", file=sys.stderr, flush=True)
            build_site(content, output)
            sizes[size] = time_index(output)
            print(f"bench_search: {size:,} news indexed in {sizes[size]['seconds']:.1f} s", file=sys.stderr, flush=True)
        largest = args.sizes[-1]
        browser = measure_browser(workdir / f"output-{largest}")
        text = report(sizes, browser, largest, args.seed)
        print(text)
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(text, encoding="utf-8")
        return 0
    finally:
        if args.keep:
            print(f"bench_search: kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
