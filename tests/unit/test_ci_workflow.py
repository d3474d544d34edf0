"""CI keeps Pelican's content cache between runs, keyed so that a change to what shapes the HTML never
restores a stale cache (.github/workflows/publish.yml)."""

import os
import re
import subprocess

import pytest

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
SHAPES_THE_HTML = ["requirements.txt", "pyproject.toml", "plugins/**", "theme/**", "pelicanconf.py", "publishconf.py"]


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



def changes_script(before, sha, event="push"):
    """The workflow's "What changed" step, as the runner would run it."""
    text = WORKFLOW.read_text(encoding="utf-8")
    block = text.split("id: changes\n        run: |\n", 1)[1].split("\n\n", 1)[0]
    script = "\n".join(line[10:] for line in block.splitlines())
    return (script.replace("${{ github.event.before }}", before).replace("${{ github.sha }}", sha)
            .replace("${{ github.event_name }}", event))


@pytest.mark.parametrize("changed, code", [(["content/2026/tin.md"], "false"), (["content/2026/tin.md", "theme/x.html"], "true"),
                                           (["pelicanconf.py"], "true")])
def test_only_a_push_that_changes_nothing_but_content_skips_the_product_test_suite(tmp_path, changed, code):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.vn", "-C", str(tmp_path)]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "README.md").write_text("x")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "a"], check=True)
    before = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    for name in changed:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("y")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "b"], check=True)
    sha = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    output = tmp_path / "output.txt"
    env = {**os.environ, "GITHUB_OUTPUT": str(output), "GITHUB_WORKSPACE": str(tmp_path), "HOME": str(tmp_path)}
    subprocess.run(["bash", "-e", "-c", changes_script(before, sha)], cwd=tmp_path, env=env, check=True)
    assert output.read_text() == f"code={code}\n"
    # A scheduled run, or a push whose "before" is unknown (a new branch), runs everything.
    output.unlink()
    subprocess.run(["bash", "-e", "-c", changes_script("0" * 40, sha)], cwd=tmp_path, env=env, check=True)
    assert output.read_text() == "code=true\n"


def test_a_content_only_push_is_checked_and_published_without_the_product_test_suite():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "steps.changes.outputs.code == 'true'\n        run: make test" in text
    assert text.index("run: make check") < text.index("run: make publish")
