"""`trangtin COMMAND …`: the product's commands where it is installed as a package (a site made by
`make new-site`), the same as the tools/ scripts in the product's checkout."""

import importlib
import sys

import trangtin

COMMANDS = {
    "new-site": ("trangtin.tools.new_site", "tạo một trang mới cho một tổ chức khác"),
    "newpost": ("trangtin.tools.newpost", "viết một bài mới"),
    "newdoc": ("trangtin.tools.newdoc", "thêm một văn bản"),
    "check": ("trangtin.content_checks.__main__", "kiểm tra bài viết"),
    "build": ("trangtin.tools.incremental_build", "dựng trang (chỉ dựng lại khi có thay đổi)"),
    "publish": ("trangtin.tools.safe_build", "dựng bản đăng (an toàn: thư mục mới, đổi chỗ khi xong)"),
    "devserver": ("trangtin.tools.devserver", "xem trước, tự dựng lại khi lưu tệp"),
    "import": ("trangtin.tools.import_news", "nhập tin cũ (WordPress, trang cũ, Word)"),
    "upload": ("trangtin.tools.upload", "gửi trang lên máy chủ (FTP, SFTP)"),
}


def usage() -> str:
    lines = [f"Trang tin {trangtin.__version__}. Cách dùng: trangtin LỆNH [tùy chọn…]", ""]
    lines += [f"  {name:<10} {about}" for name, (_module, about) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if argv[0] == "--version":
        print(trangtin.__version__)
        return 0
    if argv[0] == "site-mk":  # a site's Makefile includes the installed product's everyday targets
        print((trangtin.TOOLS_DIR / "site.mk").read_text(encoding="utf-8"), end="")
        return 0
    if argv[0] not in COMMANDS:
        print(f"Không có lệnh “{argv[0]}”.\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    sys.argv = [f"trangtin {argv[0]}", *argv[1:]]
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
