"""`py tools/check.py` — the same as `make check`, without make (Windows): check every file under
content/ as the build would, print each problem as `tệp:dòng: lỗi|cảnh báo: …` and a summary.
Exit 1 when there is an error. Options go to the checker, e.g. `py tools/check.py --lang en`."""

import sys

from trangtin.tools.local_python import run_module

if __name__ == "__main__":
    sys.exit(run_module("content_checks", ["content", "-s", "pelicanconf.py", *sys.argv[1:]], plugins_on_path=True))
