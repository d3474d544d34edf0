"""Start a new document of the register: `make newdoc SOKYHIEU="15-KH/ĐTN" LOAI="Kế hoạch"`, or without
make (Windows): `py tools/newdoc.py --so-ky-hieu "15-KH/ĐTN" --loai "Kế hoạch"`.

Writes content/van-ban/<số ký hiệu without marks>.md with every field (Ngày ban hành is today in
Vietnam), the optional ones ready to fill, prints its path, and never overwrites a file. Needs only
the standard library and plugins/vn_core, so any Python 3.11 runs it."""

import argparse
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from trangtin.vn_core.documents import number_key  # noqa: E402 - after the plugins folder is importable
from trangtin.vn_core.vietnamese import nfc  # noqa: E402

# Vietnam keeps UTC+7 all year: no time-zone database needed (Windows has none by default).
VIETNAM = timezone(timedelta(hours=7))

TEMPLATE = """\
Số ký hiệu: {number}
Loại: {kind}
Trích yếu: {abstract}
Cơ quan ban hành: {issuer}
Người ký: 
Ngày ban hành: {today}
Tệp: tai-lieu/{year}/{stem}.pdf

<!--
Thông tin không bắt buộc: muốn dùng dòng nào thì chuyển dòng đó lên khối thông tin ở trên
(trước dòng trống đầu tiên) và sửa giá trị. Chép tệp PDF vào content/tai-lieu/{year}/{stem}.pdf.
Optional metadata: move a line up into the block above (before the first blank line).

Ngày hiệu lực: {today}
Hết hiệu lực: 31/12/{year}
Thay thế: số ký hiệu của văn bản bị thay thế
Lĩnh vực: Tình nguyện
-->
"""


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--so-ky-hieu", default=os.environ.get("SOKYHIEU", ""))
    parser.add_argument("--loai", default=os.environ.get("LOAI", ""))
    parser.add_argument("--trich-yeu", default=os.environ.get("TRICHYEU", ""))
    parser.add_argument("--co-quan", default=os.environ.get("COQUAN", ""))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--folder", default="van-ban", help="VAN_BAN_PATH (default: van-ban)")
    return parser.parse_args(argv)


def fail(message: str) -> int:
    print(f"newdoc: {message}", file=sys.stderr)
    return 2


def main(argv=None) -> int:
    args = parse_arguments(argv)
    number = " ".join(nfc(args.so_ky_hieu).split())
    kind = " ".join(nfc(args.loai).split())
    if not number or not kind:
        return fail('cần SOKYHIEU và LOAI — make newdoc SOKYHIEU="15-KH/ĐTN" LOAI="Kế hoạch" '
                    "(SOKYHIEU and LOAI are required)")
    stem = number_key(number).replace(" ", "-")
    if not stem:
        return fail(f"số ký hiệu `{number}` không có chữ hay số nào — viết ví dụ `15-KH/ĐTN`")
    today = datetime.now(VIETNAM).date()
    path = Path(args.content) / args.folder / f"{stem}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.format(number=number, kind=kind, abstract=" ".join(nfc(args.trich_yeu).split()) or "…",
                           issuer=" ".join(nfc(args.co_quan).split()), today=f"{today.day}/{today.month}/{today.year}",
                           year=today.year, stem=stem)
    try:
        # "x": create, never overwrite, even if another editor makes the same file at this moment.
        with open(path, "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        shown = os.path.relpath(path)
        return fail(f"{shown} đã có, không ghi đè — sửa tệp đó, hoặc nếu là văn bản khác cùng số của cơ quan khác, "
                    f"chép tệp đó thành tên mới ({shown} already exists, not overwritten)")
    shown = os.path.relpath(path)
    print(path if shown.startswith("..") else shown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
