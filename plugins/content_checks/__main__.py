"""`python -m trangtin.content_checks [CONTENT] [-s SETTINGS] [--lang en]`: check a
content folder as the build would, print each problem and a summary; exit 1 on any error."""

import argparse
import os
import sys
from pathlib import Path

from pelican.settings import read_settings

from trangtin.vn_core.forking import processes_from

from .checks import ERROR, format_problem, format_summary
from .plugin import checks_lang, config_from_settings, discover_folder
from .scan import display_root, run_checks


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m trangtin.content_checks", description="Kiểm tra bài viết (content checks).")
    parser.add_argument("content", nargs="?", default="content", help="the content folder (default: content)")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="Pelican settings (default: pelicanconf.py)")
    parser.add_argument("--lang", choices=("vi", "en"), help="message language (default: vi)")
    return parser.parse_args(argv)


def register_plugins(settings):
    """The build's plugins, registered as Pelican registers them, so that the readers (and so the
    files read) are the build's; our plugin.py is left out (it would check this folder a second time)."""
    for plugin in settings.get("PLUGINS") or ():
        if getattr(plugin, "__name__", "") != "content_checks" and hasattr(plugin, "register"):
            plugin.register()


def main(argv=None) -> int:
    args = parse_arguments(argv)
    if not os.path.isfile(args.settings):
        print(f"{args.settings}: không có tệp cấu hình (settings file not found)", file=sys.stderr)
        return 2
    if not os.path.isdir(args.content):
        print(f"{args.content}: không có thư mục nội dung (content folder not found)", file=sys.stderr)
        return 2
    settings = read_settings(args.settings, override={"PATH": os.path.abspath(args.content)})
    register_plugins(settings)
    lang = args.lang or checks_lang(settings)
    discovery = discover_folder(args.content, settings)
    problems, files = run_checks(Path(args.content), config_from_settings(settings), discovery, None, processes_from(settings))
    shown = display_root(args.content)
    for problem in problems:
        print(format_problem(problem, lang, shown))
    print(format_summary(problems, files, lang))
    return 1 if any(problem.severity == ERROR for problem in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
