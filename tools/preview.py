"""`py tools/preview.py` — the same as `make devserver`, without make (Windows): build content/ into
output/, serve it at http://localhost:8000 and rebuild on every save; drafts show with the banner
"Bản nháp — chưa đăng". Ctrl-C stops it. `py tools/preview.py --port 8080` for another port."""

import argparse
import sys

from local_python import run_module

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Xem trước trang (preview the site while editing).")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    print(f"Xem trước tại http://localhost:{args.port}/ — nhấn Ctrl-C để dừng.", flush=True)
    sys.exit(run_module("pelican", ["-lr", "content", "-o", "output", "-s", "pelicanconf.py", "-p", str(args.port)]))
