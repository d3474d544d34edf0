"""Lighthouse scores (mobile, the default preset) of a built site: `make lighthouse`, or
`python tools/lighthouse.py OUTPUT_DIR [PAGE ...]`. Serves the folder on 127.0.0.1, runs the pinned
lighthouse (node_modules, package-lock.json) with Debian's chromium, and prints one line per page.
Measured, never asserted: scores move with the load of a shared machine."""

import argparse
import functools
import json
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ["", "2022/06/nhung-ket-qua-hoat-dong-noi-bat-nhiem-ky-lam-thoi-2020-2022.html", "chuyen-muc/tin-hoat-dong/", "tim-kiem/",
         "2022/10/hoi-trai-thanh-nien-khoi-2022.html"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


def scores(url: str, report: Path) -> dict:
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        check=True, env={"CHROME_PATH": "/usr/bin/chromium", "PATH": "/usr/bin:/bin"},
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    result = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    result["CLS"] = round(data["audits"]["cumulative-layout-shift"]["numericValue"], 3)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(ROOT / "output"))
    parser.add_argument("pages", nargs="*", default=PAGES, help="paths in the site (default: home, an article, a category, search, the article with photos)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("lighthouse: node_modules/.bin/lighthouse is missing — run `make lighthouse`", file=sys.stderr)
        return 2
    if not (Path(args.output) / "index.html").is_file():
        print(f"lighthouse: {args.output} has no index.html — run `make html` first", file=sys.stderr)
        return 2
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=args.output))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print("page | " + " | ".join(CATEGORIES) + " | CLS")
    try:
        with tempfile.TemporaryDirectory() as folder:
            for page in args.pages:
                result = scores(base + page, Path(folder) / "report.json")
                print(f"/{page} | " + " | ".join(str(result[name]) for name in (*CATEGORIES, "CLS")), flush=True)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
