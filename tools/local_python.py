"""Shared by tools/check.py and tools/preview.py, the commands for editors without `make` (Windows):
run a module with the project's Python — the .venv made by `make install` or `py -m venv .venv`, else
the Python that started the script — from the project folder, with UTF-8 output."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHONS = (ROOT / ".venv" / "Scripts" / "python.exe", ROOT / ".venv" / "bin" / "python")

MISSING = """Chưa cài Trang tin và Pelican cho Python này (the product is not installed). Cài một lần, trong thư mục dự án:
    py -m venv .venv
    .venv\\Scripts\\python -m pip install -r requirements.txt
(Linux/macOS/WSL: `make install`.)"""


def project_python() -> str:
    for candidate in VENV_PYTHONS:
        if candidate.is_file():
            return str(candidate)
    return sys.executable


def run_module(module, arguments) -> int:
    return run_python(["-m", module, *arguments])


def run_python(arguments) -> int:
    """The project's Python with `arguments` (`-m module …`, or a script and its options)."""
    python = project_python()
    if python == sys.executable and importlib.util.find_spec("trangtin") is None:
        print(MISSING, file=sys.stderr)
        return 2
    # UTF-8 whatever the Windows code page, so Vietnamese messages print (and redirect) intact.
    env = dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8")
    try:
        return subprocess.run([python, *arguments], cwd=ROOT, env=env).returncode
    except KeyboardInterrupt:  # Ctrl-C stops the preview: not an error
        return 0
