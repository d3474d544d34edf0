"""The session's check that the suite wrote nothing into the checkout (tests/conftest.py,
pytest_sessionfinish): what it lets through and what it reports."""

from conftest import added_to_checkout


def test_new_files_are_reported_when_tests_wrote_into_the_checkout():
    before = {"?? .venv", "?? node_modules", "!! cache/"}
    after = before | {"?? test-artifacts/home-360.png", "!! .pytest_cache/", "!! output/index.html"}
    assert added_to_checkout(before, after) == ["!! .pytest_cache/", "!! output/index.html", "?? test-artifacts/home-360.png"]


def test_edits_of_tracked_files_pass_when_a_developer_saves_during_the_run():
    assert added_to_checkout({"?? .venv"}, {"?? .venv", " M tests/conftest.py", "M  Makefile"}) == []


def test_make_html_caches_and_bytecode_pass_when_the_builds_left_them():
    before = {"?? .venv"}
    after = before | {"!! cache/", "!! cache-photos/", "!! cache/content-1a2b/pelican.pickle",
                      "!! plugins/vn_core/__pycache__/paths.cpython-311.pyc", "!! tests/__pycache__/"}
    assert added_to_checkout(before, after) == []


def test_nothing_is_reported_when_the_checkout_is_unchanged():
    state = {"?? .venv", " M README.md"}
    assert added_to_checkout(state, set(state)) == []
