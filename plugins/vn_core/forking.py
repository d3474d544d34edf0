"""Work shared with forked processes, for the plugins that divide a build's work between cores.

`forked_map(function, items, processes)` is `[function(item) for item in items]`, computed by this
process and processes-1 forked children (each takes every processes-th item), and answered in the
order of `items`. A child that fails leaves its items to this process, which computes them itself,
so an error is raised here exactly as the plain loop would raise it. Where processes cannot fork
(Windows) or there is one process, it is the plain loop."""

import os
import pickle
import signal
import sys

try:
    import fcntl  # POSIX only; Windows has no fork either, so nothing here needs it there
except ImportError:
    fcntl = None

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def worker_count(wanted, usable: int, can_fork: bool) -> int:
    """BUILD_WORKERS (`wanted`), or every usable CPU when unset; 1 where processes cannot fork."""
    if not can_fork:
        return 1
    count = usable if wanted is None else int(wanted)
    return max(1, count)


def build_processes(wanted) -> int:
    """How many processes a build shares its work between, on this machine (BUILD_WORKERS: `wanted`)."""
    return worker_count(wanted, usable_cpus(), hasattr(os, "fork"))


def processes_from(settings) -> int:
    """The build's processes from its settings (plugins/build_speed's BUILD_WORKERS, else every usable
    core); one for the plain build (BUILD_SPEED_PLAIN), which the fast build is compared with."""
    return 1 if settings.get("BUILD_SPEED_PLAIN") else build_processes(settings.get("BUILD_WORKERS"))


def die_with_parent():
    """In a forked child (Linux): killed at once if the parent dies, even by SIGKILL, so no child
    goes on writing into a folder that tools/safe_build.py is removing."""
    try:
        import ctypes  # noqa: PLC0415 - Linux only

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)


def write_all(fd, data: bytes):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_all(fd) -> bytes:
    """Everything until the writer closes its end; the read end is closed."""
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def fork_children(count: int, child, pipe_size: int | None = None) -> list:
    """count - 1 forked children, numbered 1 to count - 1, each running `child(index, write_fd)`,
    which must end its process (os._exit) and never return into the caller's code. Each child
    dies with this process and holds only its own pipe. Returns [(pid, read_fd, index)]."""
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    for index in range(1, count):
        read_fd, write_fd = os.pipe()
        if pipe_size and hasattr(fcntl, "F_SETPIPE_SZ"):
            try:
                fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, pipe_size)
            except OSError:
                pass
        pid = os.fork()
        if pid == 0:
            die_with_parent()
            os.close(read_fd)
            for _pid, other, _index in children:
                os.close(other)
            try:
                child(index, write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        children.append((pid, read_fd, index))
    return children


def _child(function, share, write_fd):
    status = 1
    try:
        data = pickle.dumps([function(item) for item in share], pickle.HIGHEST_PROTOCOL)
        write_all(write_fd, data)
        status = 0
    except BaseException:  # noqa: BLE001 - the parent computes this share again and raises it itself
        pass
    finally:
        os._exit(status)


def forked_map(function, items, processes: int) -> list:
    items = list(items)
    count = max(1, min(processes, len(items))) if hasattr(os, "fork") else 1
    if count == 1:
        return [function(item) for item in items]
    children = []
    try:
        children = fork_children(count, lambda index, write_fd: _child(function, items[index::count], write_fd))
        results = [None] * len(items)
        results[0::count] = [function(item) for item in items[0::count]]
        while children:
            pid, read_fd, index = children.pop(0)
            data = read_all(read_fd)
            _pid, status = os.waitpid(pid, 0)
            share = pickle.loads(data) if status == 0 and data else [function(item) for item in items[index::count]]
            results[index::count] = share
        return results
    finally:
        stop_children(children, signal.SIGKILL)  # only after an error here: stop the others


def stop_children(children, signum=signal.SIGTERM):
    """Stop and reap children of fork_children that are still listed, closing their pipes."""
    for pid, read_fd, _index in children:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass
        os.close(read_fd)
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass  # already reaped by a signal handler (build_speed's StopChildrenOnSignal on Ctrl-C)
