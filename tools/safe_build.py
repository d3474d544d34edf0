"""Build the site into a temporary folder and replace the output folder only when the build succeeded.

Usage: python tools/safe_build.py CONTENT OUTPUT -s SETTINGS [-- PELICAN OPTIONS...]

The temporary folder sits next to OUTPUT (same file system), so the swap is two renames:
OUTPUT -> OUTPUT.old-*, temporary -> OUTPUT, then the old folder is deleted. A failed build (content
errors included: the content_checks plugin stops it) leaves OUTPUT exactly as it was and removes
the temporary folder; the exit status is Pelican's."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def parse_arguments(argv):
    argv = list(sys.argv[1:] if argv is None else argv)
    # Everything after `--` goes to Pelican untouched.
    options = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", required=True)
    args = parser.parse_args(argv)
    args.pelican_options = options
    return args


def build(content, output: Path, settings, options) -> int:
    """Run Pelican into a fresh folder next to `output`; swap it in on success. Returns the exit status."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        command = [sys.executable, "-m", "pelican", str(content), "-o", str(staging), "-s", str(settings), *options]
        status = subprocess.run(command).returncode
        if status != 0:
            print(f"safe_build: build failed (exit {status}); {output} was left unchanged.", file=sys.stderr)
            return status
        replace(output, staging)
        return 0
    finally:
        # Only still there when the build failed or the swap did not happen.
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def replace(output: Path, staging: Path) -> None:
    """output -> output.old-*, staging -> output, then delete the old copy."""
    if not output.exists():
        os.rename(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    retired.rmdir()  # mkdtemp reserved a unique name; rename needs it free
    os.rename(output, retired)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(retired, output)  # put the previous site back
        raise
    shutil.rmtree(retired, ignore_errors=True)


def main(argv=None) -> int:
    args = parse_arguments(argv)
    return build(args.content, Path(args.output), args.settings, args.pelican_options)


if __name__ == "__main__":
    sys.exit(main())
