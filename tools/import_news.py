"""Import news into the content folder: a WordPress export (.xml), a folder of saved pages of a
legacy portal, or Word files (.docx, or a folder of them). Never overwrites a file; running it twice
changes nothing.

    python tools/import_news.py FROM [--uploads DIR] [--content DIR] [--config FILE] [--report FILE]
                                     [--category NAME] [--publish]

Exit 0 when articles were imported (or were already), whatever the report asks the editor to check;
1 when nothing could be imported; 2 when the command itself cannot start (a missing folder, bad settings).
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__" and importlib.util.find_spec("pelican") is None:
    # `py tools\import_news.py` on Windows: the same command again with the project's .venv, from the
    # same folder (so FROM keeps its meaning), as tools/check.py does through local_python.
    from local_python import MISSING, project_python  # noqa: E402

    if project_python() == sys.executable:
        print(MISSING, file=sys.stderr)
        sys.exit(2)
    sys.exit(subprocess.run([project_python(), __file__, *sys.argv[1:]],
                            env=dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8")).returncode)

from trangtin.tools.importer.report import REPORT_NAME, refusals, source_problems  # noqa: E402
from trangtin.tools.importer.run import Options, run_import  # noqa: E402
from trangtin.tools.importer.word import WordError  # noqa: E402
from trangtin.vn_core.paths import PathOutside  # noqa: E402

SHOWN_PROBLEMS = 20  # a mirror of 1,000 pages that are not articles: the rest are in the report


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="import_news.py",
        description="Nhập tin: tệp xuất WordPress (.xml), thư mục trang đã lưu của cổng thông tin cũ, hoặc tệp Word (.docx).",
    )
    parser.add_argument("source", metavar="FROM", help="WordPress WXR export (.xml), a folder of saved legacy pages, a .docx or a folder of them")
    parser.add_argument("--uploads", metavar="DIR", help="the WordPress site's wp-content/uploads folder")
    parser.add_argument("--content", metavar="DIR", default=str(ROOT / "content"), help="content folder (default: content/)")
    parser.add_argument("-s", "--settings", default=str(ROOT / "pelicanconf.py"), help="Pelican settings (default: pelicanconf.py)")
    parser.add_argument("--config", metavar="FILE",
                        help='JSON settings: {"categories": {"old": "new"}, "selectors": {"title": "h1.x", ...}, "old_domains": [...]}')
    parser.add_argument("--report", metavar="FILE",
                        help="report file (default: bao-cao-nhap-tin.md next to the content folder, not in the current folder)")
    # make import passes CATEGORY through the environment, as make newpost does: quotes in it stay intact.
    parser.add_argument("--category", metavar="NAME", default=os.environ.get("CATEGORY") or None,
                        help="Word files: the category (default: NEWS_DEFAULT_CATEGORY, else the first of NEWS_CATEGORIES)")
    parser.add_argument("--publish", action="store_true", help="Word files: publish at once instead of Status: draft")
    parser.add_argument("--no-check", action="store_true", help="skip the content checks after importing")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_arguments(argv)
    source = Path(args.source)
    if not source.exists():
        print(f"{source}: không có tệp hoặc thư mục này", file=sys.stderr)
        return 2
    content = Path(args.content)
    if not content.is_dir():
        print(f"{content}: không có thư mục nội dung", file=sys.stderr)
        return 2
    config = {}
    if args.config:
        try:
            config = json.loads(Path(args.config).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            print(f"{args.config}: không đọc được tệp cấu hình ({error})", file=sys.stderr)
            return 2
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(args.settings)
    uploads = Path(args.uploads) if args.uploads else None
    if uploads is not None and not uploads.is_dir():
        print(f"{uploads}: không có thư mục uploads", file=sys.stderr)
        return 2
    from trangtin.redirects.rules import RedirectDataError  # noqa: PLC0415

    category = " ".join((args.category or "").split()) or None
    # The report belongs to the site it describes: beside its content folder (the site's folder), whatever
    # folder the command was started from.
    report_path = Path(args.report) if args.report else content.resolve().parent / REPORT_NAME
    try:
        report = run_import(Options(source, content, uploads, settings, config, report_path, not args.no_check,
                                    category, args.publish))
    except (RedirectDataError, WordError, PathOutside) as error:
        print(str(error), file=sys.stderr)
        return 2
    counts = report.counts
    print(f"Đã nhập {counts.get('imported', 0)} bài ({counts.get('draft', 0)} bản nháp), {counts.get('already', 0)} đã có, "
          f"bỏ qua {counts.get('skipped', 0)}. Báo cáo: {report_path}")
    # Refusals and check errors are the report's to-do list, printed so nobody misses them; the import
    # itself succeeded. Only an import that brought (and had brought) nothing is a failure.
    refused = refusals(report)
    if refused:
        print(f"{args.source}: từ chối {len(refused)} tệp, địa chỉ hoặc bài không an toàn (xem báo cáo {report_path}):", file=sys.stderr)
        print("\n".join(f"- {line}" for line in refused), file=sys.stderr)
    if report.check_errors:
        print(f"{report.check_errors} lỗi kiểm tra nội dung trong các bài vừa nhập: xem báo cáo {report_path}.", file=sys.stderr)
    if not counts.get("imported") and not counts.get("already"):
        print(f"{args.source}: không nhập được bài nào (xem báo cáo {report_path}).", file=sys.stderr)
        problems = source_problems(report)
        shown = problems[:SHOWN_PROBLEMS]
        if len(problems) > len(shown):
            shown.append(f"… và {len(problems) - len(shown)} dòng nữa trong báo cáo")
        print("\n".join(f"- {line}" for line in shown), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
