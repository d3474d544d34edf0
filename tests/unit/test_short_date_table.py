"""The d/M/yyyy table that the date picker's script is also tested against (one table, both sides)."""

import json
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

from trangtin.vn_core.vietnamese import short_date  # noqa: E402

TABLE = json.loads((ROOT / "tests" / "fixtures" / "short_dates.json").read_text(encoding="utf-8"))["days"]


@pytest.mark.parametrize("iso, label", TABLE)
def test_short_date_matches_the_shared_table_when_python_formats_a_day(iso, label):
    assert short_date(date.fromisoformat(iso)) == label
