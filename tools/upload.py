"""Upload output/ to an FTP(S) or SFTP host: only what changed, in an order that never shows a reader a
broken page, deleting only what this tool uploaded before.

Usage: python tools/upload.py ftp|sftp OUTPUT        (`make ftp_upload`, `make sftp_upload`)

Settings come from the environment (a CI secret), never from the command line, and are never printed:
  FTP_HOST, FTP_PORT (21), FTP_USER, FTP_PASSWORD, FTP_TARGET_DIR (the site's folder on the host),
  FTP_TLS (1: explicit TLS, the server's certificate verified; 0: plain FTP), FTP_CA_FILE (optional:
  the authority that signed a private certificate);
  SFTP_HOST, SFTP_PORT (22), SFTP_USER, SFTP_PASSWORD or SFTP_KEY (a private key file), SFTP_TARGET_DIR,
  SFTP_KNOWN_HOSTS (default ~/.ssh/known_hosts: the server's key must be there).

What is on the host is known from a list kept there, beside the site (`.tai-len.json`: each file this
tool uploaded and the SHA-256 of its bytes), so a fresh CI checkout, whose files all have new times,
still sends only the files whose bytes changed. Files the host has and the list does not name (an
old portal sharing the folder) are never touched. Each file goes to a temporary name and is renamed
into place, so a reader never gets half a file; the list is saved as the upload goes, so a run cut off
in the middle is completed by the next one. Order: assets (theme, photos, documents, the search
index's parts), new pages, changed pages and feeds, the search's entry files, then deletions."""

import argparse
import asyncio
import ftplib
import hashlib
import io
import json
import os
import socket
import ssl
import sys
from pathlib import Path, PurePosixPath

MANIFEST = ".tai-len.json"
TEMPORARY_PREFIX = ".tai-len-"
SAVE_EVERY = 50  # files between two saves of the list: what a cut-off run may send again
PAGE_SUFFIXES = (".html",)
DATA_SUFFIXES = (".xml", ".json", ".txt", ".conf", ".config", ".htaccess")
# Pagefind's files whose names do not change with their bytes: the entry names the current index, the
# script and WebAssembly read it. Sent last, together, once every part of the new index is there.
SEARCH_ENTRY_NAMES = ("pagefind-entry.json", "pagefind.js", "pagefind-worker.js", "pagefind-highlight.js", "wasm.")


class UploadFailed(Exception):
    """One Vietnamese line for the operator; never holds a password."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def local_files(output: Path) -> dict:
    """Relative POSIX path -> SHA-256 for every file of the built site."""
    files = {}
    for path in sorted(output.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(output).as_posix()
            if relative != MANIFEST:
                files[relative] = sha256(path)
    return files


def _base(path: str) -> str:
    """The file a precompressed copy stands for (`a.html.gz` -> `a.html`)."""
    return path[:-3] if path.endswith((".gz", ".br")) else path


def phase(path: str, new: bool) -> int:
    """0 assets, 1 new pages, 2 changed pages, feeds, data and server files, 3 the search's entry."""
    base = _base(path)
    name = PurePosixPath(base).name
    if "pagefind/" in f"/{base}" and name.startswith(SEARCH_ENTRY_NAMES):
        return 3
    if base.endswith(PAGE_SUFFIXES):
        return 1 if new else 2
    if base.endswith(DATA_SUFFIXES):
        return 2
    return 0


def plan(local: dict, uploaded: dict):
    """(files to send in order, files to delete): pure, from the two path -> hash maps."""
    changed = [path for path, digest in local.items() if uploaded.get(path) != digest]
    sends = sorted(changed, key=lambda path: (phase(path, path not in uploaded), path))
    deletions = sorted(path for path in uploaded if path not in local)
    return sends, deletions


def _temporary(path: str) -> str:
    parent, _slash, name = path.rpartition("/")
    return f"{parent}/{TEMPORARY_PREFIX}{name}" if parent else f"{TEMPORARY_PREFIX}{name}"


class FtpHost:
    def __init__(self, env):
        self.host, self.port = env["HOST"], int(env.get("PORT") or 21)
        tls = env.get("TLS", "1") != "0"
        where = f"{self.host}:{self.port}"
        try:
            if tls:
                context = ssl.create_default_context(cafile=env.get("CA_FILE") or None)
                self.ftp = _SessionReusingFTP(context=context, timeout=60)
            else:
                self.ftp = ftplib.FTP(timeout=60)
            self.ftp.connect(self.host, self.port)
            if tls:
                self.ftp.auth()
            self.ftp.login(env["USER"], env["PASSWORD"])
            if tls:
                self.ftp.prot_p()
            self.ftp.encoding = "utf-8"
        except ssl.SSLCertVerificationError as error:
            raise UploadFailed(f"chứng chỉ TLS của máy chủ FTP {where} không đáng tin ({error.verify_message}): kiểm tra FTP_HOST, "
                               "hoặc đặt FTP_CA_FILE cho chứng chỉ riêng") from None
        except ftplib.error_perm as error:
            code = str(error)[:3]
            if code == "530":
                raise UploadFailed(f"máy chủ FTP {where} từ chối đăng nhập: sai FTP_USER hoặc FTP_PASSWORD") from None
            if tls and code in ("500", "502", "504", "534"):
                raise UploadFailed(f"máy chủ FTP {where} không nhận TLS (AUTH TLS); chỉ dùng FTP_TLS=0 trên đường truyền tin cậy") from None
            raise UploadFailed(f"máy chủ FTP {where} từ chối: {error}") from None
        except (OSError, EOFError, ftplib.Error) as error:
            raise UploadFailed(f"không kết nối được tới máy chủ FTP {where} ({_reason(error)})") from None
        try:
            self.ftp.cwd(env["TARGET_DIR"])
        except ftplib.error_perm as error:
            raise UploadFailed(f"máy chủ FTP {where}: không vào được thư mục FTP_TARGET_DIR ({error})") from None
        self.folders = set()

    def read(self, name):
        buffer = io.BytesIO()
        try:
            self.ftp.retrbinary(f"RETR {name}", buffer.write)
        except ftplib.error_perm:
            return None
        return buffer.getvalue()

    def _folder(self, path):
        parent = PurePosixPath(path).parent
        missing = []
        while str(parent) not in (".", "") and str(parent) not in self.folders:
            missing.append(str(parent))
            parent = parent.parent
        for folder in reversed(missing):
            try:
                self.ftp.mkd(folder)
            except ftplib.error_perm:
                pass  # there already
            self.folders.add(folder)

    def write(self, path, handle):
        self._folder(path)
        temporary = _temporary(path)
        self.ftp.storbinary(f"STOR {temporary}", handle)
        try:
            self.ftp.rename(temporary, path)
        except ftplib.error_perm:  # servers (IIS) that do not rename over a file
            self.ftp.delete(path)
            self.ftp.rename(temporary, path)

    def delete(self, path):
        try:
            self.ftp.delete(path)
        except ftplib.error_perm:
            pass  # already gone

    def close(self):
        try:
            self.ftp.quit()
        except (OSError, EOFError, ftplib.Error):
            self.ftp.close()


class _SessionReusingFTP(ftplib.FTP_TLS):
    """Data connections resume the control connection's TLS session: vsftpd (require_ssl_reuse) and
    other servers refuse a data connection that does not, and the stock ftplib does not."""

    def ntransfercmd(self, cmd, rest=None):
        connection, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        if self._prot_p:
            connection = self.context.wrap_socket(connection, server_hostname=self.host, session=self.sock.session)
        return connection, size


class SftpHost:
    def __init__(self, env):
        import asyncssh  # noqa: PLC0415 - only SFTP needs it

        self.asyncssh = asyncssh
        self.folders = set()
        self.loop = asyncio.new_event_loop()
        host, port = env["HOST"], int(env.get("PORT") or 22)
        where = f"{host}:{port}"
        known_hosts = env.get("KNOWN_HOSTS") or os.path.expanduser("~/.ssh/known_hosts")
        options = {"username": env["USER"], "known_hosts": known_hosts, "agent_path": None, "connect_timeout": 60}
        if env.get("KEY"):
            options["client_keys"] = [env["KEY"]]
            options["password"] = env.get("PASSWORD") or None
        else:
            options["client_keys"] = None
            options["password"] = env["PASSWORD"]
        try:
            self.connection = self._run(asyncssh.connect(host, port, **options))
            self.sftp = self._run(self.connection.start_sftp_client())
            self._run(self.sftp.chdir(env["TARGET_DIR"]))
        except asyncssh.HostKeyNotVerifiable:
            raise UploadFailed(f"khoá của máy chủ SFTP {where} không có trong {known_hosts}: thêm nó (ssh-keyscan) sau khi "
                               "so dấu vân tay với người quản trị máy chủ") from None
        except asyncssh.PermissionDenied:
            raise UploadFailed(f"máy chủ SFTP {where} từ chối đăng nhập: sai SFTP_USER, SFTP_PASSWORD hoặc SFTP_KEY") from None
        except asyncssh.SFTPError as error:
            raise UploadFailed(f"máy chủ SFTP {where}: không vào được thư mục SFTP_TARGET_DIR ({error.reason})") from None
        except (OSError, asyncssh.Error) as error:
            raise UploadFailed(f"không kết nối được tới máy chủ SFTP {where} ({_reason(error)})") from None

    def _run(self, awaitable):
        return self.loop.run_until_complete(awaitable)

    def read(self, name):
        async def read():
            try:
                async with self.sftp.open(name, "rb") as handle:
                    return await handle.read()
            except self.asyncssh.SFTPNoSuchFile:
                return None
        return self._run(read())

    def write(self, path, handle):
        async def write():
            parent = str(PurePosixPath(path).parent)
            if parent != "." and parent not in self.folders:
                await self.sftp.makedirs(parent, exist_ok=True)
                self.folders.add(parent)
            temporary = _temporary(path)
            async with self.sftp.open(temporary, "wb") as remote:
                for block in iter(lambda: handle.read(1 << 16), b""):
                    await remote.write(block)
            try:
                await self.sftp.posix_rename(temporary, path)
            except self.asyncssh.SFTPOpUnsupported:  # servers without OpenSSH's extension
                if await self.sftp.exists(path):
                    await self.sftp.remove(path)
                await self.sftp.rename(temporary, path)
        self._run(write())

    def delete(self, path):
        async def delete():
            try:
                await self.sftp.remove(path)
            except self.asyncssh.SFTPNoSuchFile:
                pass
        self._run(delete())

    def close(self):
        self.sftp.exit()
        self.connection.close()
        self._run(self.connection.wait_closed())
        self.loop.close()


def _reason(error) -> str:
    if isinstance(error, socket.gaierror):
        return "không tìm thấy tên máy chủ"
    if isinstance(error, (TimeoutError, socket.timeout)):
        return "hết thời gian chờ"
    if isinstance(error, ConnectionRefusedError):
        return "máy chủ không nhận kết nối ở cổng này"
    return getattr(error, "strerror", None) or getattr(error, "reason", None) or type(error).__name__


def settings(protocol: str) -> dict:
    prefix = protocol.upper() + "_"
    env = {key[len(prefix):]: value for key, value in os.environ.items() if key.startswith(prefix)}
    needed = ["HOST", "USER", "TARGET_DIR"] + ([] if protocol == "sftp" and env.get("KEY") else ["PASSWORD"])
    missing = [prefix + key for key in needed if not env.get(key)]
    if missing:
        raise UploadFailed(f"thiếu biến môi trường {', '.join(missing)} (xem docs/may-chu.md)")
    return env


def _inside(path: str) -> bool:
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(part not in ("", ".", "..") for part in parts)


def _transfer_errors() -> tuple:
    """What a lost connection raises mid-run, for one line instead of a traceback."""
    asyncssh = sys.modules.get("asyncssh")
    return (OSError, EOFError, ftplib.Error) + ((asyncssh.Error,) if asyncssh else ())


def save(host, uploaded: dict):
    text = json.dumps({"version": 1, "files": dict(sorted(uploaded.items()))}, indent=0).encode()
    host.write(MANIFEST, io.BytesIO(text))


def upload(host, output: Path, say=print) -> tuple:
    """Send what changed, delete what this tool sent before and the build no longer makes."""
    raw = host.read(MANIFEST)
    try:
        uploaded = json.loads(raw)["files"] if raw else {}
        # Only plain paths inside the site's folder: a list changed on the host must not delete elsewhere.
        if not all(isinstance(path, str) and isinstance(digest, str) and _inside(path) for path, digest in uploaded.items()):
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise UploadFailed(f"danh sách {MANIFEST} trên máy chủ bị hỏng: xoá nó để gửi lại toàn bộ") from None
    local = local_files(output)
    sends, deletions = plan(local, uploaded)
    for number, path in enumerate(sends, 1):
        with open(output / path, "rb") as handle:
            host.write(path, handle)
        uploaded[path] = local[path]
        say(f"  gửi {path}")
        if number % SAVE_EVERY == 0:
            save(host, uploaded)
    if sends:
        save(host, uploaded)
    for path in deletions:
        host.delete(path)
        del uploaded[path]
        say(f"  xoá {path}")
    if deletions:
        save(host, uploaded)
    return len(sends), len(deletions)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Đưa output/ lên máy chủ FTP(S) hoặc SFTP: chỉ tệp đã đổi.")
    parser.add_argument("protocol", choices=("ftp", "sftp"))
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    try:
        if not (args.output / "index.html").is_file():
            raise UploadFailed(f"{args.output} chưa có trang web đã dựng: chạy make publish trước")
        env = settings(args.protocol)
        host = (FtpHost if args.protocol == "ftp" else SftpHost)(env)
        try:
            sent, deleted = upload(host, args.output)
        finally:
            host.close()
    except UploadFailed as error:
        print(f"tai-len: {error}", file=sys.stderr)
        return 1
    except _transfer_errors() as error:
        print(f"tai-len: mất kết nối với máy chủ giữa chừng ({_reason(error)}); chạy lại để gửi nốt", file=sys.stderr)
        return 1
    print(f"tai-len: đã gửi {sent} tệp, xoá {deleted} tệp trên {env['HOST']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
