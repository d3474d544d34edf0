"""plugins/pelican_adapter: the speed parts change how fast the site is built, never what is built;
a Pelican that does not match the adapter's gate gets Pelican's own code (said once), or, for what
the editors' messages need, a build that stops with a clear message; nothing replaced in Pelican
outlives the build that replaced it."""

import json
import logging
import subprocess
import sys

import pytest

from conftest import FIXTURE_CONF, FIXTURES, ROOT, comparable_files, run_pelican


from trangtin import settings as product_settings  # noqa: E402
from trangtin.pelican_adapter import gate  # noqa: E402

SPEED_PLUGINS = ["incremental", "build_speed"]
# Every plugin of the product's settings but the speed parts, named as Pelican imports them.
CORE_PLUGINS = [f"trangtin.{name}" for name in product_settings.PLUGIN_NAMES if name not in SPEED_PLUGINS]


def quick(tmp_path, name) -> dict:
    """Search off, caches in this test's folder."""
    return {"SEARCH_ENABLED": False, "CACHE_PATH": str(tmp_path / name / "cache"),
            "PHOTOS_CACHE_PATH": str(tmp_path / name / "cache-photos")}


def test_site_is_the_same_byte_for_byte_when_built_without_the_speed_plugins(tmp_path):
    with_speed = run_pelican(FIXTURES / "basic", tmp_path / "fast" / "output",
                             {**quick(tmp_path, "fast"), "BUILD_WORKERS": 2})
    assert with_speed.returncode == 0, with_speed.stdout + with_speed.stderr
    without = run_pelican(FIXTURES / "basic", tmp_path / "core" / "output",
                          {**quick(tmp_path, "core"), "PLUGINS": CORE_PLUGINS})
    assert without.returncode == 0, without.stdout + without.stderr
    fast = comparable_files(tmp_path / "fast" / "output")
    core = comparable_files(tmp_path / "core" / "output")
    assert len(core) > 40
    assert sorted(fast) == sorted(core)
    assert [name for name in core if fast[name] != core[name]] == []


def build_in_this_process(content, output, tmp_path):
    from pelican import Pelican  # noqa: PLC0415 - the build runs in this process
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "BUILD_WORKERS": 1, **quick(tmp_path, "in-process"),
    })
    Pelican(settings).run()


@pytest.fixture
def pelicans_own():
    """Pelican's attributes that the speed parts replace, as Pelican defines them."""
    from pelican import urlwrappers  # noqa: PLC0415
    from pelican.cache import FileDataCacher  # noqa: PLC0415
    from pelican.contents import Content  # noqa: PLC0415
    from pelican.utils import slugify  # noqa: PLC0415

    def now():
        return (Content.__dict__["_expand_settings"], urlwrappers.slugify, FileDataCacher.__dict__["save_cache"])

    before = now()
    assert before[1] is slugify
    return now, before


@pytest.fixture
def fresh_gate(monkeypatch):
    """The gate as a new process finds it (it says a fallback once per process)."""
    monkeypatch.setattr(gate, "_checked", {})


def builds_in_this_process(content, outputs, tmp_path, now) -> list:
    """Build `content` into each of `outputs` in turn; what `now()` gave while each build ran."""
    from pelican import signals  # noqa: PLC0415

    during = []

    def note(_generators):
        during.append(now())

    signals.all_generators_finalized.connect(note)
    try:
        for output in outputs:
            build_in_this_process(content, output, tmp_path)
    finally:
        signals.all_generators_finalized.disconnect(note)
    return during


def test_nothing_pelican_defines_stays_replaced_when_a_build_is_over(tmp_path, pelicans_own, fresh_gate):
    now, before = pelicans_own
    during = builds_in_this_process(FIXTURES / "basic", [tmp_path / "output"], tmp_path, now)
    assert len(during) == 1 and all(replaced is not own for replaced, own in zip(during[0], before))
    assert now() == before
    assert (tmp_path / "output" / "index.html").is_file()


def test_pelicans_own_code_builds_and_the_fallback_is_said_once_when_a_copied_function_changed(
        tmp_path, pelicans_own, fresh_gate, monkeypatch, caplog):
    monkeypatch.setitem(gate.SOURCES, "pelican.contents:Content._expand_settings", "0" * 64)
    now, before = pelicans_own
    with caplog.at_level(logging.WARNING, logger="pelican_adapter"):
        during = builds_in_this_process(FIXTURES / "basic", [tmp_path / "first", tmp_path / "second"], tmp_path, now)
    # Pelican's own _expand_settings in both builds; the parts whose code did not change still run.
    assert [replaced[0] is before[0] for replaced in during] == [True, True]
    assert all(replaced[1] is not before[1] for replaced in during)
    said = [record.getMessage() for record in caplog.records if record.name == "trangtin.pelican_adapter.gate"]
    assert said == [
        "Pelican 4.12.0 không khớp bản 4.12.0 mà phần tăng tốc được viết cho (mã của Content._expand_settings đã đổi): "
        "bản dựng dùng mã gốc của Pelican cho url_settings — trang web vẫn như cũ, chỉ dựng chậm hơn."
    ]
    assert now() == before
    assert comparable_files(tmp_path / "first") == comparable_files(tmp_path / "second")


def test_site_is_the_same_when_every_speed_part_falls_back(tmp_path):
    """A Pelican whose functions all differ from the speed parts' copies (a simulated upgrade: every
    hash that no required part records is wrong, in the build's own process) builds the same files
    as the speed parts do, in one process, and says so once."""
    wrong_hashes = ("import sys; from trangtin.pelican_adapter import gate; "
                    "required = {name for part in gate.PARTS.values() if part.required for name in part.functions}; "
                    "[gate.SOURCES.__setitem__(name, '0' * 64) for name in gate.SOURCES if name not in required]; "
                    "from pelican import main; sys.argv = ['pelican', *sys.argv[1:]]; main()")
    settings = {**quick(tmp_path, "fallback"), "BUILD_WORKERS": 2}

    command = [sys.executable, "-c", wrong_hashes, str(FIXTURES / "basic"), "-s",
               str(FIXTURE_CONF), "-o", str(tmp_path / "fallback" / "output"),
               "-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]
    fallback = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    log = fallback.stdout + fallback.stderr
    assert fallback.returncode == 0, log
    assert log.count("bản dựng dùng mã gốc của Pelican cho url_settings, slugs, cache, taxonomies, period_archives, "
                     "page_filter, feed_text, warm — trang web vẫn như cũ, chỉ dựng chậm hơn.") == 1, log
    fast = run_pelican(FIXTURES / "basic", tmp_path / "fast" / "output", {**quick(tmp_path, "fast"), "BUILD_WORKERS": 2})
    assert fast.returncode == 0, fast.stdout + fast.stderr
    assert comparable_files(tmp_path / "fallback" / "output") == comparable_files(tmp_path / "fast" / "output")


def test_build_stops_with_what_to_install_when_pelicans_version_differs(monkeypatch):
    from trangtin.vn_core.loading import load_plugins  # noqa: PLC0415

    monkeypatch.setattr(gate, "PELICAN_VERSION", "4.11.0")
    monkeypatch.delenv("CONTENT_CHECKS_LANG", raising=False)
    (checks,) = load_plugins(["content_checks"])
    with pytest.raises(gate.PelicanMismatch) as stopped:
        checks.register()
    assert stopped.value.code == (
        "lỗi: Pelican 4.12.0 không khớp bản 4.11.0 mà các thông báo cho biên tập viên được viết cho (phiên bản 4.12.0). "
        "Cài đúng bản ghi trong requirements.txt (make install) rồi chạy lại."
    )
