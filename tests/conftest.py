"""Shared fixtures: build a real site from a content folder into a temporary folder and read it.

Builds run Pelican in a subprocess with `--fatal warnings`, exactly as `pelican DIR -s
pelicanconf.py -o OUT` would, so plugin state never leaks between builds."""

import re
import contextlib
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir

# CI replays the same examples on every run, so a landing never hangs on a lucky draw; developers'
# runs stay random and keep finding new cases (add them with @example once found).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")
# Hypothesis keeps its examples and caches outside the checkout: the suite writes nothing into it.
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "hypothesis"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The reference site's own content: only tests/*/test_reference_site_*.py read it.
CONTENT = ROOT / "content"
# `make publish` needs a real public address (vn_core.siteurl); tests that publish pass this one.
PUBLIC_SITEURL = "https://tin.donvi.vn"


def publish_env(siteurl: str = PUBLIC_SITEURL, base=None) -> dict:
    """The environment of `make publish` with the public address set, as CI sets it."""
    return dict(os.environ if base is None else base, SITEURL=siteurl)

# The fixture organisation's settings (the product's, with a name of its own, search off, caches in the
# session's temporary folder): what every fixture build uses unless a test names other settings.
FIXTURE_CONF = FIXTURES / "fixture_site_conf.py"
FIXTURE_PUBLISHCONF = FIXTURES / "fixture_site_publishconf.py"
SITE_NAME = "Đoàn trường THPT Lê Quý Đôn"
SITE_SHORTNAME = "Đoàn trường Lê Quý Đôn"
# Pelican's content cache and the photos' derivatives of every build of the session, outside the
# checkout; shared by the session's builds as make html's cache/ is shared by its builds.
CACHES = Path(tempfile.mkdtemp(prefix="trangtin-test-caches-"))
os.environ["TRANGTIN_TEST_CACHES"] = str(CACHES)


def comparable_files(folder: Path) -> dict:
    """Every file's bytes by relative path. Pagefind's index included: plugins/search/stable.py puts
    the files Pagefind writes in hash-map order in name order, so an unchanged site gives the same bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(Path(folder).rglob("*")) if path.is_file()}


class LoggedProcess:
    """A command in its own process group; its log collected line by line as it comes."""

    def __init__(self, command, cwd=ROOT, env=None):
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        cwd=cwd, env=env, start_new_session=True)
        self.lines = []
        self.changed = threading.Condition()
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()
        with self.changed:
            self.lines.append(None)  # end of the log
            self.changed.notify_all()

    @property
    def log(self):
        return "".join(line for line in self.lines if line)

    def wait_for_line(self, text, count=1, timeout=120):
        """Until `count` lines have contained `text`; fails if the log ends first."""
        def seen():
            return sum(text in line for line in self.lines if line) >= count

        with self.changed:
            self.changed.wait_for(lambda: seen() or None in self.lines, timeout)
            assert seen(), f"never logged {text!r} {count} time(s):\n{self.log}"

    def wait_until(self, condition, what, timeout=120):
        """Poll the file system for an event; fails if the build ends first."""
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the build ended before {what}:\n{self.log}"
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            time.sleep(0.002)

    def send(self, signum, group):
        if group:
            os.killpg(self.process.pid, signum)  # as Ctrl-C in a terminal reaches the whole job
        else:
            self.process.send_signal(signum)  # as `kill PID` or a service manager does

    def finish(self, timeout=120):
        status = self.process.wait(timeout)
        with self.changed:
            self.changed.wait_for(lambda: None in self.lines, timeout)
        return status


def project_copy(tmp_path: Path) -> Path:
    """The settings, plugins, theme and tools in a folder of their own, so a test can edit them."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "pelicanconf.py", project)
    for folder in ("plugins", "theme", "tools"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURES / "basic", project / "content")
    # The browser editor's packages (make cms-tools), as the checkout has them: both builds write /admin/.
    if (ROOT / "node_modules").is_dir():
        (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return project


class BuildFailed(AssertionError):
    pass


class Site:
    """A built site: its output folder, its log, and helpers to read pages as a reader would."""

    def __init__(self, output: Path, log: str):
        self.output = output
        self.log = log

    def path(self, url_path: str) -> Path:
        """The file a URL path resolves to (`a/b/` -> `a/b/index.html`)."""
        clean = unquote(urlparse(url_path).path).lstrip("/")
        target = self.output / clean
        if clean == "" or clean.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def exists(self, url_path: str) -> bool:
        return self.path(url_path).is_file()

    def text(self, url_path: str) -> str:
        return self.path(url_path).read_text(encoding="utf-8")

    def page(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(url_path), "html.parser")

    def html_files(self):
        """The readers' pages: every HTML file but the browser editor's (admin/, plugins/cms; its own
        tests are tests/site/test_cms.py and tests/browser/test_cms_browser.py)."""
        return sorted(path for path in self.output.rglob("*.html") if path.relative_to(self.output).parts[0] != "admin")

    def url_of(self, file: Path) -> str:
        rel = file.relative_to(self.output).as_posix()
        return rel[: -len("index.html")] if rel.endswith("index.html") else rel

    def resolve(self, from_url: str, href: str):
        """The site-relative URL path an href on page `from_url` points to, or None if external."""
        parsed = urlparse(href)
        if parsed.scheme or href.startswith(("//", "#", "mailto:", "tel:")):
            return None
        joined = urljoin("http://site.invalid/" + from_url, href)
        return urlparse(joined).path.lstrip("/")


def run_pelican(content: Path, output: Path, settings=None, conf: Path = FIXTURE_CONF, fatal="warnings", env=None):
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(conf), "-o", str(output)]
    if fatal:
        command += ["--fatal", fatal]
    if settings:
        # One -e for all: Pelican keeps only the last -e flag when it is repeated.
        command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


def build(content: Path, output: Path, settings=None, **kwargs) -> Site:
    result = run_pelican(content, output, settings, **kwargs)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise BuildFailed(f"pelican exited {result.returncode} for {content}:\n{log}")
    return Site(output, log)


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory) -> Site:
    """The reference site (content/ with the product's pelicanconf.py), built once per session; only
    the tests whose file is named test_reference_site_*.py use it. No search (the search tests build
    their own fixtures); its caches go to the session's temporary folder."""
    return build(CONTENT, tmp_path_factory.mktemp("reference") / "output", REFERENCE_CACHES, conf=ROOT / "pelicanconf.py")


REFERENCE_CACHES = {"SEARCH_ENABLED": False, "CACHE_PATH": str(CACHES / "reference-cache"),
                    "PHOTOS_CACHE_PATH": str(CACHES / "cache-photos")}


def built_on(day: str) -> dict:
    """The environment of a build made on `day` (ISO date): SOURCE_DATE_EPOCH is the build's "now"
    (plugins/portal: how old the lead story may be), so a fixture dated 2022 builds as it did then."""
    moment = datetime.fromisoformat(day).replace(tzinfo=timezone.utc)
    return {**os.environ, "SOURCE_DATE_EPOCH": str(int(moment.timestamp()))}


# The search tests' settings: every other fixture build goes without Pagefind (fixture_site_conf.py).
SEARCH = {"SEARCH_ENABLED": True}
_SHARED = {}


def shared_build(tmp_path_factory, name: str, settings=None, day=None) -> Site:
    """tests/fixtures/<name> built once per session for the same settings (and build day): the tests of
    every module that only read that site share the build. They must not change its files."""
    key = (name, json.dumps(settings or {}, sort_keys=True), day)
    if key not in _SHARED:
        output = tmp_path_factory.mktemp(name) / "output"
        _SHARED[key] = build(FIXTURES / name, output, settings, env=built_on(day) if day else None)
    return _SHARED[key]


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory) -> Site:
    """tests/fixtures/basic: a small site with known articles, dates and categories, built a few
    days after its newest news (so its home page has a lead story)."""
    return shared_build(tmp_path_factory, "basic", day="2022-08-10")


@pytest.fixture(scope="session")
def school_site(tmp_path_factory) -> Site:
    """tests/fixtures/school_site: the fixture organisation's own small site (make_school_site_fixture.py),
    with the four camera photos of its long article drawn by tools/make_photos.py, built a few days after
    its newest news. What the browser tests and the Nu Html Checker read."""
    root = tmp_path_factory.mktemp("school")
    return build(school_site_content(root / "content"), root / "output", env=built_on("2022-06-25"))


def school_site_content(content: Path) -> Path:
    """A copy of tests/fixtures/school_site at `content`, with its photos drawn."""
    from trangtin.tools import make_photos  # noqa: PLC0415 - Pillow only when a test needs the photos

    shutil.copytree(FIXTURES / "school_site", content)
    for seed in range(1, 5):
        make_photos.save_photo(content / "images" / "2022" / f"trai-he-{seed}.jpg", 1600, 1200, seed=seed, quality=85)
    return content


# --- The suite leaves the checkout as it found it ------------------------------------------------

# What make html itself leaves in the checkout (a build run by a test with the product's own settings
# may leave them too), and Python's bytecode caches: nothing else may appear.
MAKE_HTML_LEAVES = ("cache/", "cache-photos/")


def checkout_state():
    """`git status --porcelain --ignored` of the checkout as a set of lines; None outside a git checkout."""
    try:
        result = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return set(result.stdout.splitlines()) if result.returncode == 0 else None


def added_to_checkout(before: set, after: set) -> list:
    """The new files (untracked or ignored) of `after` that `before` lacked, except make html's own caches
    and Python's bytecode. Changes to tracked files are left out: a developer may edit during a run."""
    def reported(line):
        path = line[3:].strip('"')
        return line[:2] in ("??", "!!") and not (path.startswith(MAKE_HTML_LEAVES) or "__pycache__/" in path
                                                 or path.endswith(".pyc"))
    return sorted(line for line in after - before if reported(line))


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # pytest-xdist: the controller alone compares
        session.config.stash[CHECKOUT_BEFORE] = checkout_state()


CHECKOUT_BEFORE = pytest.StashKey()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(CACHES, ignore_errors=True)
    before = session.config.stash.get(CHECKOUT_BEFORE, None)
    after = checkout_state() if before is not None else None
    if after is None:
        return
    added = added_to_checkout(before, after)
    if added:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line("The tests wrote into the checkout (tests must write under tmp_path):", red=True)
            for line in added:
                reporter.write_line(f"  {line}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where browser tests keep their screenshots: $TEST_ARTIFACTS if set (CI uploads it), else a
    temporary folder, never the checkout."""
    chosen = os.environ.get("TEST_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- Browser tests: one headless Chromium (Debian's) per session, sites served on 127.0.0.1 ---

CHROMIUM = "/usr/bin/chromium"
# Running as root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent / "browser"
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


class NotFoundPageHandler(QuietHandler):
    """Like GitHub Pages or a bare nginx: a missing file gets the site's 404.html (status 404)."""

    def send_error(self, code, message=None, explain=None):
        page = self.directory + "/404.html"
        if code != 404:
            return super().send_error(code, message, explain)
        with open(page, "rb") as handle:
            body = handle.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path, handler=QuietHandler):
    """Serve `directory` on a free port of 127.0.0.1; yields the base URL ending in '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_fixture(tmp_path_factory, name: str, settings=None):
    """Serve tests/fixtures/<name>, built once per session for these settings; yields the base URL."""
    site = shared_build(tmp_path_factory, name, settings)
    with serve(site.output) as base:
        yield base


@pytest.fixture
def page(chromium):
    """A desktop-sized page (1024 × 800) in a context of its own."""
    context = chromium.new_context(viewport={"width": 1024, "height": 800})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def chromium():
    from playwright import sync_api  # noqa: PLC0415 - only browser tests need it

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# --- issue 23: every line an editor sees is Vietnamese ------------------------------------------

VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
# GNU make's own line when a recipe fails: make's words, not ours (and Windows editors have no make).
ENGLISH_LEVEL = re.compile(r"^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\b")
MAKE_FAILED = re.compile(r"^make: \*\*\* \[(?:Makefile|[\w/.]+\.mk):\d+: \w+\] Error \d+$")


def english(log: str) -> list:
    """The lines of a log that are neither Vietnamese nor make's own failure line, or that start with
    Python's English level (`WARNING: …` before a Vietnamese message)."""
    return [line for line in log.splitlines() if line.strip() and (ENGLISH_LEVEL.match(line) or (
        not VIETNAMESE.search(line) and not MAKE_FAILED.match(line)))]
