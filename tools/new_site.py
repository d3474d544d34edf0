"""`make new-site DIR=… NAME="…" SHORTNAME="…" SITEURL=https://… CATEGORIES="A;B;C"` (or
`trangtin new-site DIR --name … --shortname … --siteurl … --categories …`): a site of its own for another
organisation. The folder holds no product code and none of the reference site's content: two pages for
the new name, its settings (the product's defaults imported, then its own values), a small Makefile that
includes the installed product's everyday targets, requirements.txt pinning the product, a README, an
editors' guide listing its categories, and a publishing workflow that runs `make check` and
`make publish` only. Asks for what is missing when run by hand; never writes into a folder that is not
empty."""

import argparse
import os
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from string import Template
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import trangtin
from trangtin.vn_core.vietnamese import dateline, fold, nfc, short_date

TEMPLATE = Path(__file__).resolve().with_name("site_template")
# Template file -> its name in the new site (dotted names are kept out of the package's data).
RENAMED = {"gitignore": ".gitignore", "workflows/publish.yml": ".github/workflows/publish.yml"}

FIELDS = {  # key: (environment variable, option, question)
    "name": ("NAME", "--name", "Tên đầy đủ của tổ chức (NAME), ví dụ “Đoàn trường THPT Chuyên Hà Giang”: "),
    "shortname": ("SHORTNAME", "--shortname", "Tên ngắn (SHORTNAME), ví dụ “Đoàn trường”: "),
    "siteurl": ("SITEURL", "--siteurl", "Địa chỉ công khai của trang (SITEURL), ví dụ https://doantruong.edu.vn: "),
    "categories": ("CATEGORIES", "--categories", "Các chuyên mục, cách nhau bằng dấu chấm phẩy (CATEGORIES): "),
}


class Refused(Exception):
    """A value the new site cannot be made with: the message says which and why, in Vietnamese."""


def site_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise Refused(f"SITEURL `{value}` không phải địa chỉ trang web — ghi đủ, ví dụ https://doantruong.edu.vn")
    return value.strip().rstrip("/")


def categories(value: str) -> list[str]:
    names = [nfc(" ".join(part.split())) for part in value.split(";")]
    names = [name for name in names if name]
    if not names:
        raise Refused("CATEGORIES trống — ghi ít nhất một chuyên mục, các chuyên mục cách nhau bằng dấu chấm phẩy (;)")
    seen = {}
    for name in names:
        if fold(name) in seen:
            raise Refused(f"CATEGORIES có hai chuyên mục trùng nhau: “{seen[fold(name)]}” và “{name}”")
        seen[fold(name)] = name
    return names


def text(value: str, key: str) -> str:
    value = nfc(" ".join(value.split()))
    if not value or any(unicodedata.category(ch)[0] == "C" for ch in value):
        raise Refused(f"{key} trống hoặc có ký tự điều khiển — ghi tên bằng chữ")
    return value


def product_requirement() -> str:
    """The product as this checkout is, pinned: its release tag on its git remote when HEAD is that
    release, else this checkout's commit (pip clones it, so nothing is built inside the checkout and no
    stale file can reach the site), else the folder itself when it is not a git checkout."""
    checkout = trangtin.PACKAGE_DIR.parent
    version = trangtin.__version__

    def git(*arguments):
        result = subprocess.run(["git", "-C", str(checkout), *arguments], capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else ""

    if not (checkout / "pyproject.toml").is_file():
        return f"trangtin=={version}"  # an installed release
    commit = git("rev-parse", "HEAD")
    if not commit:
        return f"# Trang tin {version}, from the product's folder on this machine.\ntrangtin @ {checkout.as_uri()}"
    remote = git("remote", "get-url", "origin")
    if f"v{version}" in git("tag", "--points-at", "HEAD").split() and remote and not remote.startswith(("/", ".", "file:")):
        return f"trangtin @ git+{remote}@v{version}"
    if git("status", "--porcelain", "--untracked-files=no"):
        print(f"new-site: cảnh báo: {checkout} có thay đổi chưa commit; trang mới dùng bản đã commit {commit[:12]}.",
              file=sys.stderr)
    return f"# Trang tin {version}, commit {commit[:12]} of the product's checkout on this machine.\n" \
           f"git+{checkout.as_uri()}@{commit}#egg=trangtin"  # a PEP 508 `name @ git+file:///…` is refused by pip


def values_from(args) -> dict:
    values = {}
    for key, (variable, _option, question) in FIELDS.items():
        value = getattr(args, key) or os.environ.get(variable, "")
        if not value.strip() and sys.stdin.isatty():
            value = input(question)
        if not value.strip():
            raise Refused(f"Thiếu {variable}: make new-site DIR=thư-mục NAME=\"…\" SHORTNAME=\"…\" "
                          "SITEURL=https://… CATEGORIES=\"A;B;C\"")
        values[key] = value
    return {"name": text(values["name"], "NAME"), "shortname": text(values["shortname"], "SHORTNAME"),
            "siteurl": site_url(values["siteurl"]), "categories": categories(values["categories"])}


def substitutions(values: dict, requirement: str) -> dict:
    now = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    example = now.replace(hour=8, minute=0, second=0, microsecond=0)  # the guide's example date
    names = values["categories"]
    return {
        "name": values["name"], "shortname": values["shortname"], "siteurl": values["siteurl"],
        "version": trangtin.__version__, "requirement": requirement, "year": f"{now.year}",
        "first_category": names[0], "category_list": ", ".join(f"`{name}`" for name in names),
        "example_title": f"{values['shortname']} ra quân tình nguyện hè {now.year}",
        "example_date": f"{example:%Y-%m-%d %H:%M}",
        "example_date_vn": f"{short_date(example)} {example:%H:%M}",
        "example_dateline": dateline(example),
        # Python literals for the settings: repr() escapes whatever the names hold.
        "sitename_py": repr(values["name"]), "shortname_py": repr(values["shortname"]),
        "siteurl_py": repr(values["siteurl"]), "categories_py": repr(names),
        "republish_py": repr(f"Ghi rõ nguồn “{values['name']}” khi phát hành lại thông tin từ trang này."),
    }


def write_site(folder: Path, values: dict, requirement: str) -> list[Path]:
    folder = folder.resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Refused(f"{folder} đã có và không trống — chọn một thư mục mới (không ghi đè tệp nào)")
    mapping = substitutions(values, requirement)
    written = []
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(TEMPLATE).as_posix()
        target = folder / RENAMED.get(relative, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".json":  # package.json and its lock: as they are (no placeholders in data)
            target.write_bytes(source.read_bytes())
        else:
            target.write_text(Template(source.read_text(encoding="utf-8")).substitute(mapping), encoding="utf-8")
        written.append(target)
    for empty in ("content/images", "content/tai-lieu", f"content/{mapping['year']}"):
        (folder / empty).mkdir(parents=True, exist_ok=True)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make new-site", description="Tạo trang tin cho một tổ chức khác.")
    parser.add_argument("folder", nargs="?", default=os.environ.get("DIR", ""))
    for key, (_variable, option, _question) in FIELDS.items():
        parser.add_argument(option, dest=key, default="")
    parser.add_argument("--requirement", default=os.environ.get("TRANGTIN_REQUIREMENT", ""),
                        help="how the site's requirements.txt names the product (default: as this product is)")
    args = parser.parse_args(argv)
    try:
        if not args.folder.strip():
            raise Refused("Thiếu DIR: thư mục của trang mới, ví dụ make new-site DIR=../doan-truong …")
        values = values_from(args)
        written = write_site(Path(args.folder), values, args.requirement or product_requirement())
    except Refused as refused:
        print(f"new-site: lỗi: {refused}", file=sys.stderr)
        return 2
    folder = Path(args.folder).resolve()
    print(f"Đã tạo trang tin của {values['name']} tại {folder} ({len(written)} tệp).\n"
          f"Tiếp theo: cd \"{folder}\" && make html && make serve — rồi mở http://localhost:8000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
