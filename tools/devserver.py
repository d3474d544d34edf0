"""`make devserver`: the editor's preview. Builds CONTENT into OUTPUT, serves OUTPUT on 127.0.0.1 and
rebuilds when the content, the theme, the plugins or the settings change; an open page reloads itself
after each successful rebuild.

Usage: python tools/devserver.py CONTENT OUTPUT -s SETTINGS [--port 8000] [--bind 127.0.0.1]

- Each build is tools/incremental_build.py in a process of its own with CONTENT_CHECKS_PREVIEW (the
  preview keeps building despite content errors, whose messages are printed as usual). A build that
  fails (a broken photo, a template error) prints its error and leaves the previous preview in place;
  the server keeps running and the next save builds again. Nothing rebuilds without a change, so a
  failing build never loops.
- The reload script is added to HTML responses while they are served, never to the files: OUTPUT is
  byte for byte what `make html` writes, and nothing of the preview reaches a published page.
- After each full build, a process keeps the whole site in memory (WarmSite, plugins/incremental
  warm.py): saving an article whose body alone changed renders only the pages that show it, in
  seconds, and the search index is brought up to date right after the page is shown. Any other
  change (a title, a date, a new file, the theme) is a full build.
- The page asks /__devserver/build every second and reloads when the number has changed."""

import argparse
import functools
import hashlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from html import escape as html_escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_TOOL = ROOT / "tools" / "incremental_build.py"
ENDPOINT = "/__devserver/"
RENDER_FULL = 75  # plugins/incremental/render.py FULL_BUILD_NEEDED
PREVIEW_SETTINGS = {"CONTENT_CHECKS_PREVIEW": True}

RELOAD_SCRIPT = """(function () {
  var build = %s;
  function ask() {
    fetch("/__devserver/build", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (state.build !== build) { location.reload(); return; }
      setTimeout(ask, 1000);
    }, function () { setTimeout(ask, 2000); });
  }
  setTimeout(ask, 1000);
})();"""


class State:
    def __init__(self):
        self.build = 0
        self.lock = threading.Lock()
        self.moved = {}  # old page address -> new one (an article renamed by a title change)
        self.added = []  # addresses the last build added, offered on the "not here" page

    def bump(self):
        with self.lock:
            self.build += 1


def inject(html: bytes, build: int) -> bytes:
    """The reload script, as the last thing in <body> (or at the end of a page without one)."""
    tag = f'<script data-devserver>{RELOAD_SCRIPT % build}</script>'.encode()
    at = html.rfind(b"</body>")
    return html[:at] + tag + html[at:] if at >= 0 else html + tag


class PreviewHandler(SimpleHTTPRequestHandler):
    state: State = None

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):  # noqa: N802 - the base class names it so
        if self.path.startswith(ENDPOINT + "build"):
            body = json.dumps({"build": self.state.build}).encode()
            return self._send(200, "application/json", body)
        path = self.translate_path(self.path)
        address = self.path.split("?")[0].split("#")[0].lstrip("/")
        if not os.path.exists(path) and (address.endswith((".html", "/")) or address == ""):
            return self._missing(address)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        if path.endswith(".html") and os.path.isfile(path):
            try:
                with open(path, "rb") as handle:
                    html = handle.read()
            except OSError:
                return super().do_GET()
            return self._send(200, "text/html; charset=utf-8", inject(html, self.state.build))
        return super().do_GET()

    def _missing(self, address):
        """An article renamed by a title change: follow it; any other missing page: a Vietnamese page
        that says so and keeps asking for the next build (Python's bare English 404 never reloads)."""
        new = self.state.moved.get(address)
        if new is not None:
            self.send_response(302)
            self.send_header("Location", "/" + new)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        links = "".join(f'<li><a href="/{html_escape(url)}">/{html_escape(url)}</a></li>' for url in self.state.added[:10])
        body = MISSING_PAGE.format(address=html_escape("/" + address), links=f"<ul>{links}</ul>" if links else "")
        return self._send(404, "text/html; charset=utf-8", inject(body.encode(), self.state.build))

    def _send(self, status, kind, body):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


MISSING_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không có trang này</title></head>
<body><main><h1>Không có trang {address} trong bản xem trước</h1>
<p>Nếu bạn vừa đổi tiêu đề một bài không có dòng <code>Slug:</code>, bài đã chuyển sang địa chỉ mới
(địa chỉ lấy theo tiêu đề). Các trang vừa được dựng:</p>{links}
<p>Trang này tự tải lại sau mỗi lần dựng: lưu tệp xong là thấy.</p></main></body></html>"""


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A page reloaded while loading closes its connection: nothing to report (Python would print a
        BrokenPipeError / ConnectionResetError traceback)."""
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        print(f"devserver: lỗi khi gửi trang tới trình duyệt: {sys.exc_info()[1]!r}", file=sys.stderr, flush=True)


def build_once(content: Path, output: Path, conf: Path, passthrough=()) -> int:
    """A full build: tools/incremental_build.py (memo, safe swap)."""
    command = [sys.executable, str(BUILD_TOOL), str(content), str(output), "-s", str(conf),
               "-e", *(f"{key}={json.dumps(value)}" for key, value in PREVIEW_SETTINGS.items())]
    if passthrough:
        command += ["--", *passthrough]
    return run(command, dict(os.environ))


WARM_START = ("import sys; sys.path.insert(0, sys.argv[1]); from incremental.warm import main; "
              "sys.exit(main(sys.argv[2:]))")


class WarmSite:
    """The site kept in memory by a process of its own (plugins/incremental/warm.py), started after
    each full build: it renders a body edit's pages in seconds. A batch it cannot do answers
    RENDER_FULL (and the process ends); a failed one ends it too: the next save is a full build."""

    def __init__(self, content: Path, output: Path, conf: Path, deferred: Path, since: float, log=None):
        self.deferred = deferred
        env = {**os.environ, "SEARCH_DEFERRED_COMMANDS": str(deferred), "PYTHONUTF8": "1"}
        command = [sys.executable, "-c", WARM_START, str(ROOT / "plugins"), str(content), str(output), str(conf),
                   json.dumps(PREVIEW_SETTINGS), repr(since)]
        # Replies come on the process's stdout, its messages on stderr (the devserver's, or `log`).
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, env=env,
                                        text=True, encoding="utf-8")
        self.replies = self.process.stdout
        self.ready = None
        self.stopping = False  # stopped by the devserver (a new full build): its end is not a failure
        self.started = threading.Event()
        threading.Thread(target=self._wait_ready, daemon=True).start()

    def _wait_ready(self):
        answer = self._answer()
        self.ready = bool(answer.get("ready"))
        self.started.set()
        if self.ready:
            print(f"devserver: sẵn sàng dựng nhanh — lưu một bài chỉ sửa nội dung, trang hiện lại sau vài giây "
                  f"(chuẩn bị mất {answer.get('seconds', 0):.1f} s).", file=sys.stderr, flush=True)
        elif not self.stopping and (self.process.poll() is None or self.process.wait() != -signal.SIGTERM):
            print(f"devserver: không dựng nhanh được ({answer.get('reason', 'tiến trình đã dừng')}); "
                  "mỗi lần lưu sẽ dựng lại toàn bộ trang.", file=sys.stderr, flush=True)

    def _answer(self) -> dict:
        try:
            line = self.replies.readline()
            return json.loads(line) if line else {}
        except (ValueError, OSError):  # closed by stop() while waiting, or not JSON
            return {}

    def edit(self, paths) -> int:
        """0 (the pages are written; the search index is left in self.deferred), RENDER_FULL, or the
        failed status."""
        self.started.wait()
        if not self.ready:
            return RENDER_FULL
        self.deferred.unlink(missing_ok=True)
        try:
            self.process.stdin.write(json.dumps([str(path) for path in paths]) + "\n")
            self.process.stdin.flush()
        except OSError:
            return RENDER_FULL
        return self._answer().get("status", RENDER_FULL)

    def stop(self):
        self.stopping = True
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.replies.close()


def run(command, env) -> int:
    try:
        return subprocess.run(command, env=env).returncode
    except OSError as error:
        print(f"devserver: không chạy được bản dựng: {error}", file=sys.stderr, flush=True)
        return 1


SEARCH_REFRESH = ("import sys; sys.path.insert(0, sys.argv[1]); from search.glue import run_deferred; "
                  "sys.exit(run_deferred(sys.argv[2]))")


def refresh_search(deferred: Path) -> int:
    """The search index of a quick rebuild, made after the page was shown (plugins/search)."""
    if not deferred.is_file():
        return 0
    status = run([sys.executable, "-c", SEARCH_REFRESH, str(ROOT / "plugins"), str(deferred)], dict(os.environ))
    if status == 0:
        print("devserver: chỉ mục tìm kiếm đã được cập nhật.", file=sys.stderr, flush=True)
    else:
        print("devserver: không cập nhật được chỉ mục tìm kiếm (xem thông báo ở trên).", file=sys.stderr, flush=True)
    return status


def quick_candidate(batch, content: Path) -> bool:
    """Only Markdown files of the content, edited in place (not added, removed or renamed)."""
    from watchfiles import Change  # noqa: PLC0415

    return bool(batch) and all(
        kind == Change.modified and path.endswith(".md") and Path(path).resolve().is_relative_to(content)
        for kind, path in batch
    )


def watched_paths(content: Path, conf: Path):
    return [content, ROOT / "theme", ROOT / "plugins", conf]


def relevant(change) -> bool:
    _kind, path = change
    parts = Path(path).parts
    return not ("__pycache__" in parts or path.endswith((".pyc", ".pyo", "~", ".swp", ".tmp")) or Path(path).name.startswith(".#"))


def announce(status: int, seconds: float, url: str, search_later=False):
    if status == 0:
        search = ("Ô tìm kiếm sẽ tìm thấy nội dung mới sau ít giây nữa (chỉ mục đang được cập nhật)." if search_later
                  else "Ô tìm kiếm được cập nhật cùng bản dựng.")
        print(f"devserver: đã dựng xong sau {seconds:.1f} s — trang đang mở tự tải lại ({url}). {search}",
              file=sys.stderr, flush=True)
    else:
        print(f"devserver: bản dựng lỗi (mã {status}), xem thông báo ở trên. Trang xem trước vẫn là bản trước; "
              "sửa lỗi rồi lưu lại tệp để dựng lại.", file=sys.stderr, flush=True)


class Addresses:
    """Where a content file is published, asked of the checks (Pelican's own save_as, as the build):
    the devserver prints the address of the article just saved, of each draft, and follows an article
    whose title (so address) changed."""

    def __init__(self, content: Path, conf: Path):
        from trangtin.content_checks.__main__ import register_plugins  # noqa: PLC0415 - Pelican, once started
        from trangtin.content_checks.glue import config_from_settings  # noqa: PLC0415
        from pelican.settings import read_settings  # noqa: PLC0415

        settings = read_settings(str(conf), override={"PATH": str(content)})
        register_plugins(settings)
        self.config = config_from_settings(settings)
        self.content = content
        self.drafts = (settings.get("DRAFT_SAVE_AS") or "").split("{")[0]

    def of(self, path) -> str | None:
        from trangtin.content_checks.checks import check_file, content_kind  # noqa: PLC0415

        try:
            relative = Path(path).resolve().relative_to(self.content).as_posix()
            kind = content_kind(relative, self.config)
            if kind is None:
                return None
            _problems, entry = check_file(relative, Path(path).read_bytes(), set(), self.config, kind)
        except (OSError, ValueError):
            return None
        return entry.save_as if entry is not None else None


def html_pages(output: Path) -> set:
    return {path.relative_to(output).as_posix() for path in output.rglob("*.html")} if output.is_dir() else set()


def follow_moves(state: State, saved: dict, before: set, after: set, url: str):
    """A saved article whose address changed (a title edit without `Slug:`): its old address leads to the
    new one from now on, so the open tab follows it."""
    removed, added = before - after, after - before
    state.added = sorted(added)
    for new in saved.values():
        if new not in added:
            continue
        for old in sorted(removed):
            if os.path.dirname(old) == os.path.dirname(new) and old not in state.moved:
                for earlier, target in list(state.moved.items()):
                    if target == old:
                        state.moved[earlier] = new
                state.moved[old] = new
                print(f"devserver: bài đã chuyển địa chỉ: {url}{old} → {url}{new} (trang đang mở sẽ theo sang).",
                      file=sys.stderr, flush=True)


def tell_addresses(addresses, batch, state: State, before, after, url: str, drafts_shown: set):
    """The address of each article just saved and of each draft not yet shown."""
    if addresses is None:
        return
    saved = {}
    for _kind, path in sorted(batch or ()):
        if path.endswith(".md") and os.path.isfile(path):
            address = addresses.of(path)
            if address:
                saved[path] = address
                print(f"devserver: bài vừa lưu {os.path.relpath(path)}: {url}{address}", file=sys.stderr, flush=True)
    if before is not None:
        follow_moves(state, saved, before, after, url)
    if addresses.drafts:
        for address in sorted(page for page in after if page.startswith(addresses.drafts) and page not in drafts_shown):
            drafts_shown.add(address)
            print(f"devserver: bản nháp (chỉ có trong bản xem trước): {url}{address}", file=sys.stderr, flush=True)


def serve(output: Path, bind: str, port: int, state: State) -> ThreadingHTTPServer:
    handler = type("Handler", (PreviewHandler,), {"state": state})
    server = PreviewServer((bind, port), functools.partial(handler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", required=True)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    argv = list(sys.argv[1:] if argv is None else argv)
    passthrough = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    # Ctrl-C stops the preview even when whatever started it ignored SIGINT (a shell's background job,
    # some IDE runners): Python then leaves SIGINT ignored and the preview could not be stopped.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    content, output, conf = (Path(p).resolve() for p in (args.content, args.output, args.settings))
    from watchfiles import watch  # noqa: PLC0415 - pinned in requirements.txt

    state = State()
    tag = hashlib.sha256(str(output).encode()).hexdigest()[:16]
    deferred = ROOT / "cache" / f"devserver-search-{tag}.json"
    deferred.parent.mkdir(parents=True, exist_ok=True)
    output.mkdir(parents=True, exist_ok=True)
    server = serve(output, args.bind, args.port, state)
    url = f"http://{'localhost' if args.bind in ('127.0.0.1', '::1') else args.bind}:{server.server_address[1]}/"
    print(f"devserver: xem trước tại {url} — lưu tệp là trang tự dựng lại và tải lại; Ctrl-C để dừng.",
          file=sys.stderr, flush=True)
    try:
        addresses = Addresses(content, conf)
    except Exception as error:  # noqa: BLE001 - the preview works without the addresses
        print(f"devserver: không tính được địa chỉ các bài ({error}); xem trước vẫn chạy.", file=sys.stderr, flush=True)
        addresses = None
    drafts_shown = set()
    # The watcher runs from the start, also during builds: a save made while building is queued and
    # builds again as soon as the running build is over.
    changes = queue.Queue()
    stop = threading.Event()

    def watching():
        for batch in watch(*watched_paths(content, conf), watch_filter=lambda kind, path: relevant((kind, path)),
                           debounce=300, step=50, stop_event=stop):
            changes.put(batch)

    threading.Thread(target=watching, daemon=True).start()
    time.sleep(0.2)
    batch = None
    warm = None
    try:
        while True:
            if batch is not None:
                names = sorted({os.path.relpath(path) for _kind, path in batch})
                print(f"devserver: thay đổi: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}",
                      file=sys.stderr, flush=True)
            started = time.monotonic()
            status = None
            if batch is not None and warm is not None and quick_candidate(batch, content):
                status = warm.edit(sorted(path for _kind, path in batch))
                if status == 0:
                    state.bump()
                    announce(status, time.monotonic() - started, url, search_later=True)
                    pages = html_pages(output)
                    tell_addresses(addresses, batch, state, None, pages, url, drafts_shown)
                    refresh_search(deferred)
                else:
                    if status == RENDER_FULL:
                        print("devserver: thay đổi này cần dựng lại toàn bộ trang.", file=sys.stderr, flush=True)
                        status = None
                    else:
                        announce(status, time.monotonic() - started, url)
                    warm.stop()
                    warm = None
            if status is None:
                if warm is not None:
                    warm.stop()
                    warm = None
                since = time.time()
                before = html_pages(output) if batch is not None else None
                status = build_once(content, output, conf, passthrough)
                if status == 0:
                    after = html_pages(output)
                    tell_addresses(addresses, batch, state, before, after, url, drafts_shown)
                    state.bump()
                    warm = WarmSite(content, output, conf, deferred, since)
                announce(status, time.monotonic() - started, url)
            batch = changes.get()
            while not changes.empty():  # everything saved meanwhile: one build
                batch = batch | changes.get()
    except KeyboardInterrupt:  # Ctrl-C: the preview stops, without a traceback
        print("devserver: đã dừng xem trước (Ctrl-C).", file=sys.stderr, flush=True)
    finally:
        stop.set()
        server.shutdown()
        if warm is not None:
            warm.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
