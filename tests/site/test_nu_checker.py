"""The Nu Html Checker (vnu-jar from npm, pinned in package-lock.json, run by Debian's Java) over the
whole output of the built sites: 0 errors. `make test` installs Node, npm, Java and the checker."""

import json
import shutil
import subprocess

import pytest

from conftest import FIXTURES, ROOT, build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(*paths) -> list:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("The Nu Html Checker needs Java and node_modules/vnu-jar: run `make test` (or `make standards-tools`)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--also-check-css", *map(str, paths)],
        capture_output=True, text=True,
    )
    # vnu writes its report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr)
    return [m for m in report["messages"] if m["type"] == "error" or m.get("subType") == "fatal"]


def describe(messages) -> str:
    return "\n".join(f'{m.get("url", "")}:{m.get("lastLine", "?")}: {m["message"]}' for m in messages[:40])


@pytest.fixture(scope="module")
def portal_output(tmp_path_factory):
    return build(FIXTURES / "portal", tmp_path_factory.mktemp("portal-nu") / "output").output


def test_nu_checker_finds_no_error_when_every_page_of_the_built_sites_is_checked(school_site, basic_site, portal_output):
    pages = len(school_site.html_files()) + len(basic_site.html_files())
    assert pages > 100  # every page type: home and its pages, articles, listings, archives, older news
    errors = run_vnu(school_site.output, basic_site.output, portal_output)
    assert errors == [], describe(errors)


def test_nu_checker_reports_an_error_when_a_page_skips_a_heading_level(tmp_path):
    # The check itself works: the original error (a listing going from h1 to h3) is caught.
    page = tmp_path / "skip.html"
    page.write_text('<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body><h1>a</h1><h3>b</h3></body></html>', encoding="utf-8")
    errors = run_vnu(tmp_path)
    assert [m["message"] for m in errors] and "skipping 1 heading level" in errors[0]["message"]
