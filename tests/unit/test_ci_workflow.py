"""CI keeps Pelican's content cache between runs, keyed so that a change to what shapes the HTML never
restores a stale cache (.github/workflows/publish.yml)."""

import re

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
SHAPES_THE_HTML = ["requirements.txt", "plugins/**", "theme/**", "pelicanconf.py", "publishconf.py"]


def cache_step(path):
    steps = WORKFLOW.read_text(encoding="utf-8").split("\n      - ")
    found = [step for step in steps if "actions/cache@" in step and re.search(rf"^\s+path: {re.escape(path)}$", step, re.M)]
    assert len(found) == 1, f"one cache step for {path}"
    return found[0]


def test_content_cache_key_and_restore_keys_hash_everything_that_shapes_the_html_when_ci_runs():
    step = cache_step("cache/")
    key = re.search(r"^\s+key: (.+)$", step, re.M).group(1)
    restore = re.search(r"^\s+restore-keys: (.+)$", step, re.M).group(1)
    hashed = re.search(r"hashFiles\(([^)]*)\)", key).group(1)
    assert [name.strip(" '") for name in hashed.split(",")] == SHAPES_THE_HTML
    # Only a cache made by the same code can be restored: the restore prefix holds the same hash.
    assert key.startswith(restore) and "hashFiles" in restore and key[len(restore):] == "${{ github.run_id }}"


def test_content_cache_is_restored_before_the_publish_build_when_ci_runs():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.index("path: cache/") < text.index("run: make publish")
