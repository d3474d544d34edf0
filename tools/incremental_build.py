"""`make html` with a whole-build memo: when nothing the site is made from has changed since the last
successful build into the same OUTPUT, that output is already right and nothing is rebuilt.

Usage: python tools/incremental_build.py CONTENT OUTPUT -s SETTINGS [-e KEY=JSON ...] [--no-memo] [-- PELICAN OPTIONS...]

The build itself is tools/safe_build.py (a temporary folder swapped in on success). The memo is a
digest of every input (plugins/incremental/keying.py): the content folder's files byte for byte, the
plugins' and the theme's files, the settings' values (environment variables read by the settings file
included), the Python version and every installed package's version, and this tool and safe_build.py.
Two time-dependent decisions are kept with it: the first moment a future-dated article becomes due
(the build after that moment must publish it) or a document of the register (plugins/van_ban) comes into
force or expires (its status on every page changes), and the output folder's listing (names, sizes and
modification times: a file changed or removed by hand means a rebuild). The portal's "Featured within
14 days" window counts from the newest news, not from today, so the content's digest covers it.
Anything else given to Pelican after `--` turns the memo off (that build always runs)."""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from trangtin.incremental import keying  # noqa: E402 - after the plugins folder is on the path
from trangtin.vn_core.lang import say_in  # noqa: E402

SAFE_BUILD = ROOT / "tools" / "safe_build.py"


SAID = {"up_to_date": ("không có gì thay đổi từ lần dựng trước: {output} đã mới nhất.",
                      "nothing changed since the last build: {output} is up to date")}


def say(key, **params):
    print(say_in(SAID, key, **params), file=sys.stderr, flush=True)


def parse_arguments(argv):
    argv = list(sys.argv[1:] if argv is None else argv)
    passthrough = []
    if "--" in argv:
        cut = argv.index("--")
        argv, passthrough = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", required=True)
    parser.add_argument("-e", "--extra-settings", nargs="*", default=[], help="KEY=JSON, as Pelican's -e")
    parser.add_argument("--no-memo", action="store_true")
    args = parser.parse_args(argv)
    args.passthrough = passthrough
    return args


def extra_settings(pairs) -> dict:
    values = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        values[key] = json.loads(value)
    return values


def read_settings(content: Path, output: Path, conf: Path, extras: dict) -> dict:
    from pelican.settings import read_settings as pelican_read_settings  # noqa: PLC0415

    return pelican_read_settings(str(conf), override={"PATH": str(content), "OUTPUT_PATH": str(output), **extras})


def inputs_digest(settings: dict) -> str:
    parts = [
        keying.build_key(settings),
        keying.tree_digest(settings["PATH"]),
        hashlib.sha256(Path(__file__).read_bytes() + SAFE_BUILD.read_bytes()).hexdigest(),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def output_listing(output: Path) -> str:
    digest = hashlib.sha256()
    if not output.is_dir():
        return "missing"
    for root, dirs, names in os.walk(output):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            stat = path.lstat()
            digest.update(f"{path.relative_to(output).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def memo_path(settings: dict, output: Path) -> Path:
    base = Path(settings.get("INCREMENTAL_BASE_CACHE_PATH") or settings.get("CACHE_PATH") or ROOT / "cache")
    return base / f"build-memo-{hashlib.sha256(str(output).encode()).hexdigest()[:16]}.json"


def load_memo(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def memo_hit(memo: dict, digest: str, output: Path, now: float) -> bool:
    if memo.get("digest") != digest:
        return False
    due = memo.get("next_due")
    if due is not None and now >= due:
        return False
    return memo.get("listing") == output_listing(output)


def exclusive(handle):
    try:
        import fcntl  # noqa: PLC0415 - not on Windows, where builds into one folder are rarely concurrent
    except ImportError:
        return
    fcntl.flock(handle, fcntl.LOCK_EX)


def safe_build(content, output, conf, options, env=None) -> int:
    command = [sys.executable, str(SAFE_BUILD), str(content), str(output), "-s", str(conf), "--", *options]
    return subprocess.run(command, env=env).returncode


def build(content: Path, output: Path, conf: Path, extras: dict, passthrough=(), use_memo=True) -> int:
    """One build with the memo; the exit status of the build (0 when the memo says it is done)."""
    options = [*(["-e", *(f"{key}={json.dumps(value)}" for key, value in extras.items())] if extras else []), *passthrough]
    if passthrough or not use_memo:
        return safe_build(content, output, conf, options)
    settings = read_settings(content, output, conf, extras)
    memo_file = memo_path(settings, output)
    memo_file.parent.mkdir(parents=True, exist_ok=True)
    with open(memo_file.with_suffix(".lock"), "w") as lock:
        exclusive(lock)  # check, build and record as one step
        now = time.time()
        digest = inputs_digest(settings)
        if memo_hit(load_memo(memo_file), digest, output, now):
            say("up_to_date", output=output)
            return 0
        memo_file.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="incremental-") as scratch:
            facts_file = Path(scratch) / "facts.json"
            status = safe_build(content, output, conf, options, env={**os.environ, "INCREMENTAL_FACTS": str(facts_file)})
            if status != 0 or not facts_file.is_file():
                return status
            facts = json.loads(facts_file.read_text(encoding="utf-8"))
        record = {"digest": digest, "next_due": facts.get("next_due"), "listing": output_listing(output)}
        temporary = memo_file.with_name(memo_file.name + f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record), encoding="utf-8")
        os.replace(temporary, memo_file)
        return 0


def main(argv=None) -> int:
    args = parse_arguments(argv)
    content, output, conf = (Path(p).resolve() for p in (args.content, args.output, args.settings))
    try:
        return build(content, output, conf, extra_settings(args.extra_settings), args.passthrough, not args.no_memo)
    except KeyboardInterrupt:  # Ctrl-C: safe_build (which got it too) says what became of the output
        return 130


if __name__ == "__main__":
    sys.exit(main())
