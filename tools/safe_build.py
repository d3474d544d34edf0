"""Build the site into a temporary folder and replace the output folder only when the build succeeded.

Usage: python tools/safe_build.py CONTENT OUTPUT -s SETTINGS [--no-wait] [--no-exchange] [-- PELICAN OPTIONS...]

What an editor or a server can count on, whatever happens during `make html` / `make publish`:

- A failed build (content errors included: the content_checks plugin stops it) leaves OUTPUT exactly
  as it was; the exit status is Pelican's.
- Ctrl-C (SIGINT) or SIGTERM at any moment leaves OUTPUT either the complete old site or the
  complete new one, and no temporary folder beside it.
- After a SIGKILL or a power cut OUTPUT is still never missing or half-written: the new site is
  swapped in with one atomic exchange of two directory entries (Linux `renameat2(RENAME_EXCHANGE)`).
  The next build removes whatever was left over.
- Two builds into the same OUTPUT never overlap: the second waits for the first (a lock).
- OUTPUT is readable by a web server running as another user: folders 0755, files 0644, whatever
  the umask.
- Only real changes look changed: a new file whose bytes equal the previous site's file at the same
  path gets the previous file's modification time, and a folder holding the same names gets the
  previous folder's, before the swap. rsync (even without -c), a CI cache, a CDN sync and the preview
  see only what really changed. The previous site is only read (no hard links shared with it), so it
  stays intact until the exchange.

Why an exchange of real folders rather than OUTPUT as a symlink flipped with one rename: OUTPUT stays a
plain folder, so `make serve`, rsync (without -L), ghp-import, `make clean`, web servers that refuse
symlinks and Windows (where symlinks need special rights) all see what they always saw. Where the
exchange is not available (macOS, Windows, an old kernel or a file system without it) two renames are
used; the instant between them is covered by the next build, which puts the previous site back if
OUTPUT is missing."""

import argparse
import ctypes
import errno
import os
import shutil
import signal
import stat as stat_module
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from trangtin.vn_core.lang import say_in  # noqa: E402 - after the plugins folder is on the path

NEW = ".{name}.new-"  # the build being written
OLD = ".{name}.old-"  # the site being retired (or kept for recovery by the two-rename fallback)
LOCK_FILE = ".{name}.lock"  # only where a folder cannot be locked (Windows)
DIR_MODE, FILE_MODE = 0o755, 0o644
SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(Exception):
    """A signal asked the build to stop."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


# What the build says to editors (vn_core.lang: Vietnamese, English with CONTENT_CHECKS_LANG=en).
SAID = {
    "waiting": ("một bản dựng khác đang ghi vào {output}, đang chờ nó xong…",
                "another build is writing {output} — waiting for it to finish…"),
    "refused": ("một bản dựng khác đang ghi vào {output} — hãy chạy lại khi nó xong.",
                "another build is writing {output}; try again when it has finished."),
    "resumed": ("bản dựng kia đã xong; bắt đầu dựng.", "the other build has finished; building now."),
    "put_back": ("{output} bị mất sau một lần dựng bị ngắt; đã đặt lại trang trước đó.",
                 "{output} was missing after an interrupted build; the previous site was put back."),
    "leftover": ("xóa {name}, thư mục còn lại từ một lần dựng bị ngắt.",
                 "removing {name}, left over by an interrupted build."),
    "stopped": ("đã dừng ({name}); {output}: {kept}.", "stopped by {name}; {output}: {kept}."),
    "kept_new": ("trang mới đã thay vào", "the new site is in place"),
    "kept_old": ("trang trước đó giữ nguyên", "the previous site is unchanged"),
    "os_error": ("không dựng được vào {output}: {error}. Đóng các chương trình đang mở thư mục đó rồi dựng lại; "
                 "trang trước đó giữ nguyên.",
                 "could not build into {output}: {error}. Close programs using it and build again; "
                 "the previous site is unchanged."),
    "failed": ("bản dựng lỗi (mã {status}), xem thông báo ở trên; {output} giữ nguyên như trước.",
               "build failed (exit {status}); {output} was left unchanged."),
    "succeeded": ("dựng xong; đã thay {output} ({changed:,} trong {total:,} tệp thay đổi; so sánh trong {seconds:.1f} giây).",
                  "build succeeded; replacing {output} ({changed:,} of {total:,} files changed; compared in {seconds:.1f} s)."),
}


def say(key, **params):
    print(say_in(SAID, key, **params), file=sys.stderr, flush=True)


def parse_arguments(argv):
    argv = list(sys.argv[1:] if argv is None else argv)
    # Everything after `--` goes to Pelican untouched.
    options = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", required=True)
    parser.add_argument("--no-wait", action="store_true", help="refuse at once when another build is running")
    parser.add_argument("--no-exchange", action="store_true",
                        help="swap with two renames even where the atomic exchange is available")
    args = parser.parse_args(argv)
    args.pelican_options = options
    return args


# --- the lock ------------------------------------------------------------------------------------


@contextmanager
def build_lock(output: Path, wait=True):
    """Hold the lock for builds into `output`; yields the locked file descriptor.

    POSIX: flock on the folder that holds OUTPUT, so no lock file is left beside it; the lock goes
    with the process (and with the Pelican child it is passed to), so a killed build never leaves a
    stale lock. Windows: msvcrt on a lock file beside OUTPUT (left there; it is harmless)."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        handle = open(output.parent / LOCK_FILE.format(name=output.name), "a+b")
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                break
            except OSError:
                if not wait:
                    handle.close()
                    raise SystemExit(refusal(output))
                say("waiting", output=output)
                time.sleep(1)
        try:
            yield handle.fileno()
        finally:
            handle.close()
        return

    import fcntl

    descriptor = os.open(output.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise SystemExit(refusal(output))
            say("waiting", output=output)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            say("resumed")
        yield descriptor
    finally:
        os.close(descriptor)




def refusal(output):
    return say_in(SAID, "refused", output=output)


# --- leftovers and recovery ----------------------------------------------------------------------


def leftovers(output: Path):
    """Temporary folders of earlier builds beside `output`, oldest first."""
    prefixes = (NEW.format(name=output.name), OLD.format(name=output.name))
    found = [p for p in output.parent.iterdir() if p.name.startswith(prefixes) and p.is_dir() and not p.is_symlink()]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns)


def recover(output: Path) -> None:
    """Undo what a killed build left: put the previous site back if OUTPUT is missing (the two-rename
    fallback was cut between its renames), then delete every temporary folder. Call with the lock held."""
    found = leftovers(output)
    retired = [p for p in found if p.name.startswith(OLD.format(name=output.name))]
    if not output.exists() and retired:
        os.rename(retired[-1], output)
        say("put_back", output=output)
        found.remove(retired[-1])
    for folder in found:
        say("leftover", name=folder.name)
        shutil.rmtree(folder, ignore_errors=True)


# --- the swap ------------------------------------------------------------------------------------

RENAME_EXCHANGE = 2
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two directory entries atomically (Linux renameat2). False where that is not supported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False  # a C library without renameat2 (glibc < 2.28)
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False  # the kernel or the file system cannot exchange
    raise OSError(code, os.strerror(code), str(first))


@contextmanager
def signals_held():
    """Hold SIGINT/SIGTERM/SIGHUP while the folders are swapped; they are delivered right after."""
    if hasattr(signal, "pthread_sigmask"):
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    else:  # pragma: no cover - Windows
        yield


def replace(output: Path, staging: Path, use_exchange=True) -> Path | None:
    """Put `staging` in place of `output`. Returns the folder now holding the previous site (to delete),
    or None when there was none."""
    if not output.exists():
        os.rename(staging, output)
        return None
    if use_exchange and exchange(staging, output):
        return staging  # the same name now holds the previous site
    # Fallback: two renames. Cut between them, OUTPUT is missing and recover() restores it.
    retired = Path(tempfile.mkdtemp(prefix=OLD.format(name=output.name), dir=output.parent))
    retired.rmdir()  # mkdtemp reserved a unique name; rename needs it free
    os.rename(output, retired)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(retired, output)  # put the previous site back
        raise
    return retired


def make_readable(folder: Path) -> None:
    """Folders 0755, files 0644: a web server running as another user can read every file."""
    os.chmod(folder, DIR_MODE)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            path = os.path.join(parent, name)
            if not os.path.islink(path):
                os.chmod(path, DIR_MODE)
        for name in files:
            path = os.path.join(parent, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


# --- unchanged files keep their time --------------------------------------------------------------

COMPARE_CHUNK = 1 << 20  # big files are compared in pieces of 1 MiB, never whole in memory
# O_NOFOLLOW: a symlink in the previous site is never "the same file" as a new regular file.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def same_file(new: str, old: str):
    """The stat of `old` when it is a regular file holding exactly the bytes of `new`, else None.

    Sizes first (fstat), then the bytes. Raw os.read on descriptors, one file at a time: at 43,000
    small files the per-file overhead is what costs, and threads only add GIL contention."""
    try:
        old_fd = os.open(old, OPEN_FLAGS)
    except OSError:
        return None
    try:
        old_stat = os.fstat(old_fd)
        if not stat_module.S_ISREG(old_stat.st_mode):
            return None
        new_fd = os.open(new, OPEN_FLAGS)
        try:
            size = old_stat.st_size
            if os.fstat(new_fd).st_size != size:
                return None
            if size < COMPARE_CHUNK:  # one read each (asking one byte more sees a file that grew)
                return old_stat if os.read(old_fd, size + 1) == os.read(new_fd, size + 1) else None
            while True:
                piece = os.read(old_fd, COMPARE_CHUNK)
                if piece != os.read(new_fd, COMPARE_CHUNK):
                    return None
                if not piece:
                    return old_stat
        finally:
            os.close(new_fd)
    except OSError:
        return None
    finally:
        os.close(old_fd)


def _keep_times(old: str, new: str, counts: list) -> None:
    try:
        before = set(os.listdir(old))
    except OSError:  # missing, or not a folder in the previous site
        before = None
    names = []
    with os.scandir(new) as entries:
        for entry in entries:
            names.append(entry.name)
            known = before is not None and entry.name in before
            if entry.is_dir(follow_symlinks=False):
                if known:
                    _keep_times(os.path.join(old, entry.name), entry.path, counts)
                else:
                    counts[1] += sum(len(files) for _parent, _folders, files in os.walk(entry.path))
                continue
            counts[1] += 1
            if known and entry.is_file(follow_symlinks=False):
                old_stat = same_file(entry.path, os.path.join(old, entry.name))
                if old_stat is not None:
                    os.utime(entry.path, ns=(old_stat.st_atime_ns, old_stat.st_mtime_ns))
                    counts[0] += 1
    # A folder's time changes when names are added or removed in it; the same names keep the old time.
    # Set after its files: setting a file's time never touches its folder's.
    if before is not None and len(before) == len(names) and before.issuperset(names):
        old_stat = os.stat(old)
        os.utime(new, ns=(old_stat.st_atime_ns, old_stat.st_mtime_ns))


def keep_unchanged_times(old: Path, new: Path) -> tuple[int, int]:
    """Every file of `new` whose bytes equal `old`'s file at the same path gets that file's times, and
    every folder holding the same names the old folder's. `old` is only read. Returns (files kept,
    entries of `new` that are not folders)."""
    counts = [0, 0]
    _keep_times(str(old), str(new), counts)
    return counts[0], counts[1]


# --- the build -----------------------------------------------------------------------------------


def _raise_interrupted(signum, frame):
    raise Interrupted(signum)


def _unblock_signals():
    """In the child before it runs Pelican: signals_held() must not make Pelican deaf to Ctrl-C."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


def _ignore_signals():
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)


@dataclass
class BuildState:
    """What the cleanup must undo: the folders made and the Pelican still running."""

    staging: Path | None = None  # the new site while it is written
    retired: Path | None = None  # the previous site once swapped out
    child: subprocess.Popen | None = None
    swapped: bool = False


def build(content, output: Path, settings, options, wait=True, use_exchange=True) -> int:
    """Run Pelican into a fresh folder next to `output`; swap it in on success. Returns the exit status."""
    output = Path(os.path.abspath(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    for signum in SIGNALS:
        signal.signal(signum, _raise_interrupted)
    state = BuildState()
    try:
        with build_lock(output, wait=wait) as lock:
            try:
                return _build_locked(content, output, settings, options, lock, use_exchange, state)
            finally:
                # Still under the lock, so the next build never meets these folders half-deleted. A second
                # Ctrl-C must not cut the cleanup short; SIGKILL still can, and the next build finishes it.
                _ignore_signals()
                if state.child is not None:
                    state.child.terminate()
                    state.child.wait()
                for folder in (state.staging, state.retired):
                    if folder is not None:
                        shutil.rmtree(folder, ignore_errors=True)
    except Interrupted as stop:
        name = signal.Signals(stop.signum).name
        say("stopped", name=name, output=output, kept=say_in(SAID, "kept_new" if state.swapped else "kept_old"))
        return 128 + stop.signum
    except OSError as error:
        # E.g. Windows refuses to rename a folder that a program has open (an editor, Explorer, a server).
        say("os_error", output=output, error=error)
        return 1


def _build_locked(content, output, settings, options, lock, use_exchange, state) -> int:
    recover(output)
    # The child holds the lock too: should this process be killed, no build starts until Pelican ends.
    keep = {"pass_fds": (lock,), "preexec_fn": _unblock_signals} if os.name != "nt" else {}
    # Held from creating the folder to recording the child, so that the cleanup knows of both.
    with signals_held():
        state.staging = Path(tempfile.mkdtemp(prefix=NEW.format(name=output.name), dir=output.parent))
        command = [sys.executable, "-m", "pelican", str(content), "-o", str(state.staging), "-s", str(settings),
                   *options]
        state.child = subprocess.Popen(command, **keep)
    status = state.child.wait()
    state.child = None
    if status != 0:
        say("failed", status=status, output=output)
        return status
    make_readable(state.staging)
    started = time.perf_counter()
    kept, total = keep_unchanged_times(output, state.staging)
    say("succeeded", output=output, changed=total - kept, total=total, seconds=time.perf_counter() - started)
    # A signal arriving during the swap waits until the swap and its bookkeeping are done.
    with signals_held():
        state.retired = replace(output, state.staging, use_exchange=use_exchange)
        state.staging, state.swapped = None, True
    return 0


def main(argv=None) -> int:
    args = parse_arguments(argv)
    return build(args.content, Path(args.output), args.settings, args.pelican_options,
                 wait=not args.no_wait, use_exchange=not args.no_exchange)


if __name__ == "__main__":
    sys.exit(main())
