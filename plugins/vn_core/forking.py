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

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


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


def _write_all(fd, data: bytes):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_all(fd) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def _child(function, share, write_fd):
    status = 1
    try:
        data = pickle.dumps([function(item) for item in share], pickle.HIGHEST_PROTOCOL)
        _write_all(write_fd, data)
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
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    try:
        for index in range(1, count):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                die_with_parent()
                os.close(read_fd)
                for _pid, other, _index in children:
                    os.close(other)
                _child(function, items[index::count], write_fd)
            os.close(write_fd)
            children.append((pid, read_fd, index))
        results = [None] * len(items)
        results[0::count] = [function(item) for item in items[0::count]]
        while children:
            pid, read_fd, index = children.pop(0)
            data = _read_all(read_fd)
            _pid, status = os.waitpid(pid, 0)
            share = pickle.loads(data) if status == 0 and data else [function(item) for item in items[index::count]]
            results[index::count] = share
        return results
    finally:
        for pid, read_fd, _index in children:  # only after an error here: stop the others
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.close(read_fd)
            os.waitpid(pid, 0)
