"""The browser editor's configuration (plugins/cms/config.py) and its script's rules, run in Node (as the
browser runs them) against the Python rules they copy: the dates vn_core.dates reads, the Pelican
`Key: value` files content/ holds (read and written back byte for byte)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

from trangtin.cms.config import admin_config  # noqa: E402
from trangtin.content_checks.messages import DATE_FORMS, MESSAGES, render  # noqa: E402
from trangtin.vn_core.dates import DateProblem, parse_date  # noqa: E402

SCRIPT = ROOT / "plugins" / "cms" / "static" / "trangtin-cms.js"
SETTINGS = {"NEWS_CATEGORIES": ["Tin hoạt động", "Công tác Đoàn"], "PAGE_PATHS": ["pages"]}
# The script with a stand-in for Decap's CMS object: it registers, then the harness calls its functions.
HARNESS = """
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
global.window = {TRANGTIN_CMS: input.made, addEventListener() {}};
global.document = {};
global.location = {href: "http://127.0.0.1/admin/", hostname: "127.0.0.1"};
window.CMS = {registerEventListener() {}, registerCustomFormat() {}, registerPreviewStyle() {}, init() {}};
eval(fs.readFileSync(input.script, "utf8"));
const F = window.TRANGTIN_FORMAT;
const out = {dates: input.dates.map(d => F.dateProblem(d, "Ngày đăng")), files: {}};
for (const [name, text] of Object.entries(input.files)) {
  let saved = F.toFile(JSON.parse(JSON.stringify(F.fromFile(text))));
  if (!saved.endsWith("\\n")) saved += "\\n";  // as Decap does before writing
  out.files[name] = saved === text;
}
process.stdout.write(JSON.stringify(out));
"""

def made(**settings):
    return admin_config({**SETTINGS, **settings}, {code: text for code, (text, _en) in MESSAGES.items()}, DATE_FORMS["vi"], 2026)


def run_script(dates=(), files=None):
    payload = {"made": made(), "script": str(SCRIPT), "dates": list(dates), "files": files or {}}
    result = subprocess.run(["node", "-e", HARNESS], input=json.dumps(payload), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def python_message(value):
    try:
        parse_date(value)
    except DateProblem as problem:
        extra = {"day": problem.day, "month": problem.month, "year": problem.year, "last": problem.last}
        return render(problem.code, {"key": "Ngày đăng", "value": value, **(extra if problem.code == "no_such_day" else {})}, "vi")
    return None


def test_the_browser_reads_dates_as_the_checker_does():
    dates = ["19/6/2022", "19/6/2022 22:02", "19-6-2022 10:02 CH", "2022-06-19 10:02 SA", "22:02 19/6/2022",
             "2022-06-19", "2022-06-19 22:02", "2022-06-19T22:02:00", "31/2/2022", "29/2/2024 08:00", "5/6/22",
             "19/6/1989", "ngày mai", "13:00 CH 19/6/2022", "2022-02-30 08:00", "12/25/2022"]
    answers = run_script(dates=dates)["dates"]
    assert answers == [python_message(value) for value in dates]
    assert answers[8] == render("no_such_day", {"key": "Ngày đăng", "value": "31/2/2022", "day": 31, "month": 2,
                                                "year": 2022, "last": 28}, "vi")


def test_every_file_of_the_sample_content_and_the_fixtures_saves_back_byte_for_byte():
    files = {}
    for folder in (ROOT / "content", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.rglob("*.md")):
            data = path.read_bytes()
            if data.endswith(b"\n"):  # Decap ends every file with a line end: only those are compared
                files[path.relative_to(ROOT).as_posix()] = data.decode("utf-8", "surrogateescape")
    assert len(files) > 200
    answers = run_script(files=files)["files"]
    assert [name for name, same in answers.items() if not same] == []


def test_editorial_workflow_and_the_git_host_come_from_the_settings():
    backend = {"name": "gitea", "repo": "doankhoi/trang-tin", "base_url": "https://git.example.vn",
               "api_root": "https://git.example.vn/api/v1", "app_id": "abc", "auth_type": "pkce"}
    config = made(CMS_BACKEND=backend, CMS_EDITORIAL_WORKFLOW=True)["config"]
    assert config["backend"] == backend and config["publish_mode"] == "editorial_workflow"
    assert made()["config"]["backend"]["name"] == "proxy" and "publish_mode" not in made()["config"]
    assert made(CMS_LOCAL_BACKEND="http://127.0.0.1:8081/api/v1")["config"]["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
