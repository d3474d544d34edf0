"""The public address a published site is built for (SITEURL): from the environment, else the value
written in the site's publishconf.py; never a guess. A missing, partial or placeholder address would
go into every canonical link, feed and the sitemap, so `make publish` stops instead.

No Pelican imports: publishconf.py calls it while the settings are read."""

from urllib.parse import urlsplit

# Names reserved for examples and tests (RFC 2606, RFC 6761): never a real site.
RESERVED_SUFFIXES = (".example", ".invalid", ".test", ".localhost")
RESERVED_LABELS = {"example", "localhost"}
WHERE = ("đặt địa chỉ thật của trang: trên máy, biến môi trường SITEURL (ví dụ `SITEURL=https://tin.donvi.vn make publish`); "
         "trong CI (GitHub Actions), biến kho (repository variable) SITEURL ở Settings › Secrets and variables › Actions › "
         "Variables; hoặc ghi địa chỉ vào publishconf.py")


class SiteUrlMissing(SystemExit):
    """Stops `make publish` while the settings are read: exit status 1 and one Vietnamese line, no
    traceback (Pelican's main() prints one for any Exception)."""

    def __init__(self, message: str):
        text = f"SITEURL: lỗi: {message} — {WHERE}"
        super().__init__(text)
        self.code = text


def problem(address: str) -> str | None:
    """What is wrong with `address` as a public site's address, or None."""
    if not address:
        return "chưa có địa chỉ công khai của trang (SITEURL trống hoặc chưa đặt), không xuất bản được"
    parts = urlsplit(address)
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme not in ("http", "https") or not host:
        return f"`{address}` không phải địa chỉ web đầy đủ (phải bắt đầu bằng https://)"
    if host.endswith(RESERVED_SUFFIXES) or RESERVED_LABELS & set(host.split(".")):
        return f"`{address}` là địa chỉ mẫu (tên miền `{host}`), không phải địa chỉ thật của trang"
    return None


def public_siteurl(from_environment: str | None, written: str = "") -> str:
    """The address to publish for, without a trailing slash: the environment's SITEURL when set and
    not empty (CI passes an unset repository variable as ""), else `written` (publishconf.py's own).
    Raises SiteUrlMissing when neither is a real address."""
    address = (from_environment or written or "").strip().rstrip("/")
    reason = problem(address)
    if reason:
        raise SiteUrlMissing(reason)
    return address
