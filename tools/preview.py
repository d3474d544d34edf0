"""`py tools/preview.py` — `make devserver` without make (Windows): build content/ into output/,
serve it at http://localhost:8000, rebuild on every save, and the open page reloads itself; drafts
show with the banner "Bản nháp — chưa đăng". Ctrl-C stops it. `py tools/preview.py --port 8080` for
another port."""

import argparse
import sys

from trangtin.tools.local_python import ROOT, run_python

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Xem trước trang (preview the site while editing).")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    sys.exit(run_python([str(ROOT / "tools" / "devserver.py"), "content", "output", "-s", "pelicanconf.py",
                         "--port", str(args.port)]))
