"""tools/bench.py: the issue's targets are judged from the medians exactly as the issue states them,
and a build's output is counted file by file."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import bench  # noqa: E402

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
