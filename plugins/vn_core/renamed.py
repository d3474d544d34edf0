"""Renamed settings: a site's pelicanconf.py keeps working for one more minor version after the product
renames a setting (semantic versioning, CHANGELOG.md). The old name's value is carried to the new name,
and the build says once, in Vietnamese, which line to change."""

from trangtin.vn_core.lang import say_in

# OLD_NAME: (NEW_NAME, version that renamed it). An entry is removed in the next minor version after it,
# when the old name stops working. Trang tin 0.1.0, the first release, has renamed nothing yet.
RENAMED: dict[str, tuple[str, str]] = {}

SAID = {"renamed": ("cài đặt {old} đã đổi tên thành {new} từ Trang tin {since}; giá trị của {old} vẫn được dùng "
                    "cho {new} đến hết bản này — sửa tên trong pelicanconf.py.",
                    "the setting {old} is called {new} since Trang tin {since}; its value is used for {new} "
                    "until the next minor version — rename it in pelicanconf.py.")}


def carry_renamed(settings: dict, renamed=RENAMED) -> list[str]:
    """Copy each renamed setting's value to its new name (in place); the messages to show."""
    messages = []
    for old, (new, since) in renamed.items():
        if old in settings:
            settings[new] = settings.pop(old)
            messages.append(say_in(SAID, "renamed", old=old, new=new, since=since))
    return messages
