"""tools/bench.py: the issue's targets are judged from the medians exactly as the issue states them,
and a build's output is counted file by file."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trangtin.tools import bench  # noqa: E402

PLUGINS = ["vn_news", "date_archives", bench.LISTINGS_PLUGIN]


def built(files, size, wall, cpu=None):
    return {"ok": True, "files": files, "bytes": size, "wall": wall, "cpu": wall if cpu is None else cpu}


def results(site_files=22_000, bare_files=10_000, bytes_small=40_000, bytes_big=41_000, site_wall=125.0, bare_wall=100.0, site_cpu=60.0):
    return {
        1000: {"site": built(2_000, bytes_small * 1000, 10.0), "site-no-listings": built(1_000, 1, 8.0)},
        10000: {
            "site": built(site_files, bytes_big * 10000, site_wall, site_cpu),
            "site-no-listings": built(bare_files, 1, bare_wall, 50.0),
        },
    }


def statuses(res, plugins=PLUGINS, sizes=(1000, 10000)):
    return [status for _name, status, _detail in bench.check_targets(res, list(sizes), plugins)]


def test_all_targets_pass_when_exactly_at_the_limits():
    assert statuses(results(site_files=22_000, bytes_big=44_000, site_wall=125.0, site_cpu=62.5)) == ["PASS"] * 4


@pytest.mark.parametrize(
    "change, failing",
    [
        ({"site_files": 22_001}, 0),  # 1.2001 extra files per article
        ({"bytes_big": 44_001}, 1),  # +10.0025 % bytes per article
        ({"bytes_big": 35_999}, 1),  # -10.0025 %: a drift either way counts
        ({"site_wall": 125.1}, 2),  # +25.1 % wall time
        ({"site_cpu": 62.6}, 3),  # +25.2 % CPU time
    ],
)
def test_a_target_fails_when_just_over_its_limit(change, failing):
    expected = ["PASS"] * 4
    expected[failing] = "FAIL"
    assert statuses(results(**change)) == expected


def test_listing_targets_are_not_judged_when_the_plugin_is_off():
    res = results()
    del res[10000]["site-no-listings"]
    assert statuses(res, plugins=["vn_news"]) == ["N/A", "PASS", "N/A", "N/A"]


def test_bytes_target_is_not_judged_when_there_is_one_size():
    res = {10000: results()[10000]}
    assert statuses(res, sizes=(10000,)) == ["PASS", "N/A", "PASS", "PASS"]


def test_output_is_counted_per_file_and_per_top_folder_when_measured(tmp_path):
    (tmp_path / "2021" / "05").mkdir(parents=True)
    (tmp_path / "2022").mkdir()
    (tmp_path / "feeds").mkdir()
    (tmp_path / "index.html").write_bytes(b"x" * 10)
    (tmp_path / "2021" / "05" / "a.html").write_bytes(b"x" * 5)
    (tmp_path / "2022" / "index.html").write_bytes(b"x" * 3)
    (tmp_path / "feeds" / "all.atom.xml").write_bytes(b"")
    assert bench.output_size(tmp_path) == (4, 18, {"(root)": (1, 10), "YYYY/": (2, 8), "feeds/": (1, 0)})


def test_runs_are_given_per_size_when_listed(monkeypatch):
    monkeypatch.delenv("BENCH_SIZES", raising=False)
    args = bench.parse_args(["--sizes", "1000,10000", "--runs", "3,1"])
    assert args.runs == {1000: 3, 10000: 1}
    with pytest.raises(SystemExit):
        bench.parse_args(["--sizes", "1000,10000", "--runs", "3,1,2"])


def test_time_overhead_is_also_given_round_by_round_when_there_are_several_runs():
    res = results()
    res[10000]["site"]["walls"] = [120.0, 150.0, None]
    res[10000]["site-no-listings"]["walls"] = [100.0, 100.0, 100.0]
    wall = bench.check_targets(res, [1000, 10000], PLUGINS)[2]
    assert wall[1] == "PASS"
    assert wall[2].endswith("round by round +20.0%, +50.0%")


@pytest.mark.parametrize("points, expected", [
    ([(1000, 10.0), (10000, 100.0), (50000, 500.0)], 1.0),  # linear: flat per article
    ([(1000, 1.0), (10000, 100.0)], 2.0),  # quadratic
    ([(1000, 7.0), (20000, 7.0)], 0.0),
])
def test_exponent_is_the_log_log_slope_when_fitted_over_the_sizes(points, expected):
    assert bench.exponent(points) == pytest.approx(expected)


def test_exponent_is_not_given_when_there_is_one_size():
    assert bench.exponent([(1000, 3.0)]) is None and bench.exponent([(1000, 3.0), (1000, 4.0)]) is None


def test_default_sizes_have_three_runs_and_one_from_fifty_thousand(monkeypatch):
    monkeypatch.delenv("BENCH_SIZES", raising=False)
    monkeypatch.delenv("BENCH_RUNS", raising=False)
    assert bench.parse_args([]).runs == {1000: 3, 10000: 3, 20000: 3, 50000: 1}
    assert bench.parse_args(["--sizes", "200", "--runs", "1"]).runs == {200: 1}


def test_files_changed_counts_new_mtimes_and_pagefinds_reordered_files_apart():
    before = {"index.html": 1, "a.html": 1, "gone.html": 1, "pagefind/filter/vi_1.pf_filter": 1,
              "pagefind/moi/pagefind-entry.json": 1, "pagefind/fragment/x.pf_fragment": 1}
    after = {"index.html": 2, "a.html": 1, "new.html": 5, "pagefind/filter/vi_2.pf_filter": 5,
             "pagefind/moi/pagefind-entry.json": 3, "pagefind/fragment/x.pf_fragment": 1}
    # index.html, new.html and two Pagefind files changed; gone.html is gone (the old Pagefind name is not counted).
    assert bench.files_changed(before, after) == (4, 2, 1)


def test_site_is_built_by_the_make_html_command_with_its_own_cache_when_benchmarked(tmp_path):
    command = bench.build_command("site-no-listings", tmp_path / "c", tmp_path / "o", tmp_path / "s.py",
                                  PLUGINS, tmp_path / "cache")
    assert command[1] == str(bench.MAKE_HTML) and "--" not in command  # options after `--` would turn the memo off
    assert command.count("-e") == 1  # Pelican keeps only the last -e
    assert f'CACHE_PATH="{tmp_path / "cache"}"' in command
    assert 'PLUGINS=["vn_news", "date_archives"]' in command


def test_memory_is_the_pss_summed_over_the_whole_process_tree_when_a_build_forks(tmp_path):
    # A child that starts a grandchild holding 64 MiB: the tree's sum must see both processes.
    script = ("import subprocess, sys, time; "
              "g = subprocess.Popen([sys.executable, '-c', 'import time; b = bytearray(64 << 20); time.sleep(30)']); "
              "time.sleep(30)")
    child = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 20
        while len(bench.process_tree(child.pid)) < 2 or bench.tree_pss_kib(child.pid) < 64 * 1024:
            assert time.monotonic() < deadline, "the grandchild's memory was never seen"
            time.sleep(0.05)
        pids = bench.process_tree(child.pid)
        assert len(pids) == 2 and pids[0] == child.pid
        assert bench.tree_pss_kib(child.pid) == pytest.approx(sum(bench.pss_kib(p) for p in pids), rel=0.2)
        assert bench.pss_kib(pids[1]) >= 64 * 1024 > bench.pss_kib(pids[0])
    finally:
        for pid in reversed(bench.process_tree(child.pid)):
            os.kill(pid, 9)
        child.wait()


def test_a_measured_build_reports_cpu_of_its_reaped_children_and_its_peak_memory(tmp_path):
    # The parent only waits; the child burns the CPU: wait4's rusage must include the child.
    burn = "import time; t = time.process_time(); b = bytearray(32 << 20)\nwhile time.process_time() - t < 0.5: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}])"
    sample = bench.measure([sys.executable, "-c", parent], tmp_path, tmp_path / "log.txt", 60)
    assert sample["ok"] and sample["cpu"] >= 0.5
    assert sample["peak_mib"] >= 32
