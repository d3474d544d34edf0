"""`make newpost` (tools/newpost.py): no second file with a slug already in use, and a `$` in the
title reaches the file (make would expand `$5` to nothing)."""

import os
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import ROOT

NEWPOST = ROOT / "tools" / "newpost.py"
ENV = dict(os.environ, PYTHONIOENCODING="utf-8")


def newpost(content, title, category="Công tác Đoàn"):
    command = [sys.executable, str(NEWPOST), "--content", str(content), "--title", title, "--category", category]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=ENV)


def test_newpost_refuses_with_a_message_when_an_article_of_another_year_has_the_same_title(tmp_path):
    content = tmp_path / "content"
    (content / "2021").mkdir(parents=True)
    (content / "2021" / "bai-cu.md").write_text(
        "Title: Hội nghị sơ kết\nDate: 2021-06-19\nCategory: Công tác Đoàn\n\nCũ.\n", encoding="utf-8"
    )
    result = newpost(content, "Hội nghị sơ kết")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "newpost: đã có bài cùng địa chỉ (slug `hoi-nghi-so-ket`): 2021/bai-cu.md — đổi TITLE để bài mới có địa chỉ "
        "riêng, không ghi thêm tệp (an article with the slug `hoi-nghi-so-ket` already exists: 2021/bai-cu.md; "
        "change TITLE)"
    )
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md")) == ["2021/bai-cu.md"]


def test_newpost_caps_the_slug_when_the_title_is_very_long(tmp_path):
    content = tmp_path / "content"
    result = newpost(content, "Hội nghị " + "tổng kết công tác Đoàn và phong trào thanh niên " * 5)
    assert result.returncode == 0, result.stderr
    written = next(content.rglob("*.md"))
    assert len(written.stem) <= 80 and f"Slug: {written.stem}\n" in written.read_text(encoding="utf-8")


def test_make_newpost_keeps_a_dollar_sign_when_the_title_has_one(tmp_path):
    content = tmp_path / "content"
    title = 'Quỹ "Vì đàn em" đạt $5 nghìn và $$ hai'
    result = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "newpost", f"INPUTDIR={content}", f"TITLE={title}", "CATEGORY=Công tác Đoàn"],
        capture_output=True, text=True, env=ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    year = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).year
    written = next((content / str(year)).glob("*.md"))
    assert written.read_text(encoding="utf-8").splitlines()[0] == f"Title: {title}"


def test_newpost_runs_without_an_activated_environment_when_started_as_on_windows(tmp_path):
    # `py tools\newpost.py "…" "…"`: a Python that cannot import Pelican (-S: no site-packages); the
    # script starts itself again with the project's .venv, as tools/check.py does.
    content = tmp_path / "content"
    command = [sys._base_executable, "-S", str(NEWPOST), "Ra quân Chiến dịch tình nguyện hè", "Thanh niên tình nguyện",
               "--content", str(content)]
    env = {key: value for key, value in ENV.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    written = next(content.rglob("*.md"))
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Title: Ra quân Chiến dịch tình nguyện hè" and lines[2] == "Category: Thanh niên tình nguyện"
    assert "Slug: ra-quan-chien-dich-tinh-nguyen-he" in lines


def test_newpost_takes_title_and_category_from_the_environment_when_make_passes_them(tmp_path):
    content = tmp_path / "content"
    env = dict(ENV, TITLE="Hội thi tin học trẻ", CATEGORY="Tuổi trẻ sáng tạo")
    result = subprocess.run([sys.executable, str(NEWPOST), "--content", str(content)], capture_output=True, text=True,
                            cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    text = next(content.rglob("*.md")).read_text(encoding="utf-8")
    assert "Title: Hội thi tin học trẻ\n" in text and "Category: Tuổi trẻ sáng tạo\n" in text
    assert "Slug: hoi-thi-tin-hoc-tre\n" in text
