"""`make cms` (Windows: `py tools\\cms.py`): the browser editor on this computer. Starts Decap CMS's local
backend (decap-server, MODE=fs: the content folder need not be a git repository) and the preview
(tools/devserver.py) side by side, prints both addresses, and Ctrl-C stops both.

Usage: python tools/cms.py [CONTENT [OUTPUT]] [-s SETTINGS] [--port 8000] [--api-port 8081] [-- PELICAN OPTIONS]

decap-server answers on 127.0.0.1 only (by default it listens on every network interface, and anyone
on the office network could then write into the content folder); it can write only below the content
folder's parent, the folder the editor's paths start from (CMS_CONTENT_PATH is set to the content
folder's name for the preview's build)."""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
# The site: the folder the command runs in when it holds a pelicanconf.py (a site made by `make new-site`,
# with its own package.json), else the product's checkout these tools are in.
ROOT = Path.cwd() if (Path.cwd() / "pelicanconf.py").is_file() else CHECKOUT
DECAP_SERVER = next((folder / "node_modules" / "decap-server" / "dist" / "index.js" for folder in (ROOT, CHECKOUT)
                     if (folder / "node_modules" / "decap-server").is_dir()), ROOT / "node_modules" / "decap-server" / "dist" / "index.js")
VENV_PYTHONS = (ROOT / ".venv" / "Scripts" / "python.exe", ROOT / ".venv" / "bin" / "python")

NO_NODE = ("cms: chưa có Node.js nên không chạy được trình soạn tin — cài Node.js 20 trở lên "
           "(Debian/Ubuntu: `sudo apt-get install nodejs npm`; Windows: tải bản LTS ở nodejs.org), rồi chạy lại")
NO_SERVER = ("cms: chưa cài decap-server và Decap CMS ({path}) — chạy `make cms-tools`, "
             "hoặc (Windows) `npm ci --omit=dev --ignore-scripts` trong thư mục của trang, rồi chạy lại")


def python() -> str:
    return next((str(p) for p in VENV_PYTHONS if p.is_file()), sys.executable)


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default=str(ROOT / "content"))
    parser.add_argument("output", nargs="?", default=str(ROOT / "output"))
    parser.add_argument("-s", "--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--port", type=int, default=8000, help="the preview's port (the editor is at /admin/)")
    parser.add_argument("--api-port", type=int, default=8081, help="decap-server's port")
    passthrough = argv[argv.index("--") + 1:] if "--" in argv else []
    return parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv), passthrough


def split_extra_settings(options):
    """(the options without their -e KEY=JSON groups, {KEY: value} of those groups)."""
    rest, extras, taking = [], {}, False
    for option in options:
        if option in ("-e", "--extra-settings"):
            taking = True
        elif taking and "=" in option and not option.startswith("-"):
            key, _, value = option.partition("=")
            extras[key] = json.loads(value)
        else:
            taking = False
            rest.append(option)
    return rest, extras


def commands(args, passthrough):
    """(decap-server's command and environment, the preview's command)."""
    content = Path(args.content).resolve()
    # 127.0.0.1, not localhost: the browser may try ::1 first, where decap-server does not listen.
    api = f"http://127.0.0.1:{args.api_port}/api/v1"
    server_env = {
        **os.environ, "MODE": "fs", "GIT_REPO_DIRECTORY": str(content.parent), "PORT": str(args.api_port),
        "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn",
    }
    server = [shutil.which("node") or "node", str(DECAP_SERVER)]
    # The local backend writes files, it has no branches: no editorial workflow on one PC.
    extras = {"CMS_LOCAL_BACKEND": api, "CMS_CONTENT_PATH": content.name, "CMS_ADMIN": True,
              "CMS_EDITORIAL_WORKFLOW": False}
    # Pelican keeps only the last -e it is given: PELICANOPTS' own -e settings join ours instead.
    passthrough, own = split_extra_settings(passthrough)
    extras = {**own, **extras}
    preview = [python(), str(Path(__file__).resolve().with_name("devserver.py")), str(content), str(Path(args.output).resolve()),
               "-s", str(Path(args.settings).resolve()), "--port", str(args.port),
               "-e", *(f"{key}={json.dumps(value)}" for key, value in extras.items())]
    if passthrough:
        preview += ["--", *passthrough]
    return (server, server_env), preview


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args, passthrough = parse(argv)
    if not shutil.which("node"):
        print(NO_NODE, file=sys.stderr)
        return 2
    if not DECAP_SERVER.is_file():
        print(NO_SERVER.format(path=DECAP_SERVER.parent.parent), file=sys.stderr)
        return 2
    if not Path(args.content).is_dir():
        print(f"cms: không có thư mục nội dung {args.content} — kiểm tra INPUTDIR", file=sys.stderr)
        return 2
    (server_cmd, server_env), preview_cmd = commands(args, passthrough)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    env = dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8")
    server = subprocess.Popen(server_cmd, env=server_env, cwd=ROOT)
    preview = subprocess.Popen(preview_cmd, env=env, cwd=ROOT)
    print(f"cms: trình soạn tin tại http://localhost:{args.port}/admin/ — xem trước trang tại "
          f"http://localhost:{args.port}/ (máy chủ lưu bài: http://127.0.0.1:{args.api_port}/api/v1). "
          "Ctrl-C để dừng cả hai.", file=sys.stderr, flush=True)
    status = 0
    try:
        while True:
            for name, process in (("decap-server", server), ("xem trước", preview)):
                code = process.poll()
                if code is not None:
                    print(f"cms: {name} đã dừng (mã {code}) — dừng luôn phần còn lại.", file=sys.stderr, flush=True)
                    status = code or 1
                    raise StopIteration
            time.sleep(0.5)
    except (KeyboardInterrupt, StopIteration):
        pass
    finally:
        for process in (preview, server):
            if process.poll() is None:
                if os.name == "nt":
                    process.terminate()
                else:
                    process.send_signal(signal.SIGINT)
        for process in (preview, server):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    print("cms: đã dừng trình soạn tin và xem trước.", file=sys.stderr, flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
