"""`make newdoc` (tools/newdoc.py): a new document file the checker and the build accept once its file
is in place, never an overwrite."""

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import FIXTURES, ROOT, build

NEWDOC = ROOT / "tools" / "newdoc.py"
ENV = dict(os.environ, PYTHONIOENCODING="utf-8")


def test_make_newdoc_writes_a_document_the_site_builds_when_its_pdf_is_copied(tmp_path):
    content = tmp_path / "content"
    result = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "newdoc", f"INPUTDIR={content}", "SOKYHIEU=15-KH/ĐTN", "LOAI=Kế hoạch",
         "TRICHYEU=Kế hoạch hiến máu $5", "COQUAN=Ban Thường vụ Đoàn Khối"],
        capture_output=True, text=True, env=ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    written = content / "van-ban" / "15-kh-dtn.md"
    assert Path(result.stdout.strip()).resolve() == written.resolve()
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    assert written.read_text(encoding="utf-8").splitlines()[:7] == [
        "Số ký hiệu: 15-KH/ĐTN", "Loại: Kế hoạch", "Trích yếu: Kế hoạch hiến máu $5", "Cơ quan ban hành: Ban Thường vụ Đoàn Khối",
        "Người ký: ", f"Ngày ban hành: {today.day}/{today.month}/{today.year}", f"Tệp: tai-lieu/{today.year}/15-kh-dtn.pdf"]
    pdf = content / "tai-lieu" / str(today.year) / "15-kh-dtn.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes((FIXTURES / "van_ban/tai-lieu/2022/15-kh-dtn.pdf").read_bytes())
    site = build(content, tmp_path / "out", {"SEARCH_ENABLED": False})
    assert site.exists(f"van-ban/{today.year}/15-kh-dtn.html")


def test_newdoc_refuses_to_overwrite_when_the_file_exists(tmp_path):
    command = [sys.executable, str(NEWDOC), "--content", str(tmp_path), "--so-ky-hieu", "15-KH/ĐTN", "--loai", "Kế hoạch"]
    assert subprocess.run(command, capture_output=True, text=True, env=ENV).returncode == 0
    before = (tmp_path / "van-ban/15-kh-dtn.md").read_bytes()
    again = subprocess.run([*command[:-4], "--so-ky-hieu", "15/kh-dtn", "--loai", "Thông báo"], capture_output=True, text=True, env=ENV)
    assert again.returncode == 2
    assert "đã có, không ghi đè" in again.stderr
    assert (tmp_path / "van-ban/15-kh-dtn.md").read_bytes() == before


def test_newdoc_asks_for_both_fields_when_one_is_missing(tmp_path):
    result = subprocess.run([sys.executable, str(NEWDOC), "--content", str(tmp_path), "--so-ky-hieu", "15-KH/ĐTN", "--loai", ""],
                            capture_output=True, text=True, env={**ENV, "LOAI": ""})
    assert result.returncode == 2
    assert result.stderr.strip() == ('newdoc: cần SOKYHIEU và LOAI — make newdoc SOKYHIEU="15-KH/ĐTN" LOAI="Kế hoạch" '
                                     "(SOKYHIEU and LOAI are required)")
