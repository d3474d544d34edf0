"""plugins/search/stable.py: Pagefind's hash-map-ordered files rewritten in name order, so the same site
gives the same bytes whatever order Pagefind wrote them in."""

import gzip
import json
import sys
from pathlib import Path

import pytest


from trangtin.search import stable  # noqa: E402

PAGES = [["vi_2a60b5f", 48], ["vi_d537147", 37]]


def pagefind_file(value) -> bytes:
    """As Pagefind writes it: gzip (with a time in its header) of the signature and CBOR."""
    return gzip.compress(stable.SIGNATURE + stable.cbor_dumps(value), mtime=1700000000)


def bundle(folder: Path, year_values, filter_order) -> Path:
    """A bundle as Pagefind 1.5 writes it, its maps in the given orders and named as Pagefind names them."""
    (folder / "filter").mkdir(parents=True)
    chunks = {"year": ["year", year_values], "category": ["category", [["Tin hoạt động", [0]], ["Công tác Đoàn", [1]]]]}
    names = {}
    for number, name in enumerate(filter_order):
        names[name] = f"vi_{folder.name[:3]}{number}abc"
        (folder / "filter" / f"{names[name]}.pf_filter").write_bytes(pagefind_file(chunks[name]))
    meta = ["1.5.2", PAGES, [["00", "đuoc", "vi_955b88e"]], [[name, names[name]] for name in filter_order],
            [["date", [1, 0]]], ["category", "date", "title"]]
    (folder / f"pagefind.vi_{folder.name[:3]}meta.pf_meta").write_bytes(pagefind_file(meta))
    (folder / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"vi": {"hash": f"vi_{folder.name[:3]}meta", "wasm": None, "page_count": 2}}},
        separators=(",", ":")), encoding="utf-8")
    return folder


def files(folder: Path) -> dict:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_two_orders_of_the_same_index_become_the_same_bytes(tmp_path):
    first = bundle(tmp_path / "one", [["2023", [0]], ["2020", [1]]], ["category", "year"])
    second = bundle(tmp_path / "two", [["2020", [1]], ["2023", [0]]], ["year", "category"])
    assert files(first) != files(second)
    stable.stabilise_bundle(first)
    stable.stabilise_bundle(second)
    assert files(first) == files(second)
    entry = json.loads((first / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = stable.read(first / f"pagefind.{entry['languages']['vi']['hash']}.pf_meta")
    assert meta[:3] == ["1.5.2", PAGES, [["00", "đuoc", "vi_955b88e"]]] and [name for name, _chunk in meta[3]] == ["category", "year"]
    assert stable.read(first / "filter" / f"{meta[3][1][1]}.pf_filter") == ["year", [["2020", [1]], ["2023", [0]]]]
    assert len(list((first / "filter").iterdir())) == 2  # the old names are gone


@pytest.mark.parametrize("value", [0, 23, 24, 255, 256, 65535, 65536, 2**32, "", "đuoc", "x" * 300, [], [[1, "a"], [2**40]]])
def test_cbor_round_trip_uses_the_shortest_heads(value):
    data = stable.cbor_dumps(value)
    assert stable.cbor_loads(data) == (value, len(data))
    assert len(stable.cbor_dumps(23)) == 1 and len(stable.cbor_dumps(24)) == 2 and len(stable.cbor_dumps(256)) == 3


def test_an_index_this_module_does_not_know_stops_instead_of_being_rewritten(tmp_path):
    path = tmp_path / "x.pf_meta"
    path.write_bytes(gzip.compress(stable.SIGNATURE + b"\xa1\x01\x02"))  # a CBOR map: not in Pagefind 1.5's files
    with pytest.raises(stable.UnexpectedIndex):
        stable.read(path)
    path.write_bytes(gzip.compress(b"other" + stable.cbor_dumps([1])))
    with pytest.raises(stable.UnexpectedIndex):
        stable.read(path)
