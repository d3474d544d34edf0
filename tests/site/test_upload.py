"""`make ftp_upload` / `make sftp_upload` (tools/upload.py) against real servers on 127.0.0.1: pyftpdlib
with explicit TLS (a self-signed certificate made here, trusted through FTP_CA_FILE) and asyncssh's SFTP
server (a host key made here, trusted through SFTP_KNOWN_HOSTS). A built fixture site is uploaded, then
edited, rebuilt and uploaded again: the server's tree always equals output/, only the changed files are
sent, in the order that never shows a broken page."""

import asyncio
import datetime
import ipaddress
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import asyncssh
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

with warnings.catch_warnings():  # pyftpdlib is built on asyncore/asynchat (deprecated, still in 3.11)
    warnings.simplefilter("ignore", DeprecationWarning)
    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
    from pyftpdlib.ioloop import IOLoop
    from pyftpdlib.servers import FTPServer

from conftest import FIXTURES, ROOT, SEARCH, build

from trangtin.tools import upload  # noqa: E402

USER, PASSWORD = "tk-doantruong-ftp", "Mat-khau-rat-bi-mat-2026"
EDITED = "2022/hien-mau-tinh-nguyen.md"
DELETED = "2022/giai-bong-da-thanh-nien.md"


def tree(folder: Path) -> dict:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def served(root: Path) -> dict:
    """The site as the host holds it: the tool's own list left out."""
    return {path: data for path, data in tree(root).items() if path != upload.MANIFEST and path != "cong-thong-tin-cu.asp"}


UPLOADED = {**SEARCH, "ASSETS_PRECOMPRESS": False}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Builds of one site: as first published, the same again (as a fresh CI checkout builds it), after
    one edited article, after one deleted.
    Without the .gz/.br copies, to keep the test short: tests/unit/test_upload_plan.py orders them. With
    search: Pagefind's parts, named after their bytes, are what an upload must replace in order."""
    root = tmp_path_factory.mktemp("upload")
    content = root / "content"
    shutil.copytree(FIXTURES / "basic", content)
    first = build(content, root / "first", UPLOADED, fatal="errors").output
    again = build(content, root / "again", UPLOADED, fatal="errors").output
    article = content / EDITED
    article.write_text(article.read_text(encoding="utf-8") + "\nThêm một đoạn: 120 đoàn viên đã hiến máu.\n", encoding="utf-8")
    edited = build(content, root / "edited", UPLOADED, fatal="errors").output
    (content / DELETED).unlink()
    deleted = build(content, root / "deleted", UPLOADED, fatal="errors").output
    return first, edited, deleted, again


def run(protocol: str, output: Path, env: dict, popen=False):
    command = [sys.executable, str(ROOT / "tools" / "upload.py"), protocol, str(output)]
    full_env = {key: value for key, value in os.environ.items() if not key.startswith(("FTP_", "SFTP_"))} | env
    if popen:
        return subprocess.Popen(command, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, env=full_env, capture_output=True, text=True, timeout=120)


# --- FTPS: pyftpdlib, TLS required on the control and data connections ---

def self_signed(folder: Path) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    pem = folder / "ftp.pem"
    pem.write_bytes(certificate.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return pem


class FtpsServer:
    """Records every file the server receives, under its final name; can kill the uploader after n."""

    def __init__(self, root: Path, certificate: Path):
        self.received, self.kill_after, self.victim = [], None, None
        owner = self

        class Handler(TLS_FTPHandler):
            certfile = str(certificate)
            tls_control_required = True
            tls_data_required = True
            auth_failed_timeout = 0.1  # pyftpdlib waits 3 s after a wrong password

            def on_file_received(self, file):
                name = Path(file).relative_to(root).as_posix().replace(upload.TEMPORARY_PREFIX, "")
                owner.received.append(name)
                if owner.kill_after and len(owner.received) >= owner.kill_after and owner.victim:
                    os.kill(owner.victim.pid, signal.SIGKILL)
                    owner.kill_after = None

        authorizer = DummyAuthorizer()
        authorizer.add_user(USER, PASSWORD, str(root), perm="elradfmwMT")
        Handler.authorizer = authorizer
        logging.getLogger("pyftpdlib").setLevel(logging.WARNING)
        self.server = FTPServer(("127.0.0.1", 0), Handler, ioloop=IOLoop())  # not the shared default loop
        self.port = self.server.socket.getsockname()[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"handle_exit": False}, daemon=True).start()

    def close(self):
        self.server.close_all()


@pytest.fixture(scope="module")
def ftps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ftps")
    (folder / "www").mkdir()
    certificate = self_signed(folder)
    server = FtpsServer(folder / "www", certificate)
    env = {"FTP_HOST": "127.0.0.1", "FTP_PORT": str(server.port), "FTP_USER": USER, "FTP_PASSWORD": PASSWORD,
           "FTP_TARGET_DIR": "/", "FTP_CA_FILE": str(certificate)}
    yield server, folder / "www", env
    server.close()


def phases(paths, uploaded_before):
    return [upload.phase(path, path not in uploaded_before) for path in paths]


def test_ftps_uploads_only_what_changed_in_an_order_that_never_breaks_a_page(sites, ftps):
    first, edited, deleted, again = sites
    server, www, env = ftps
    (www / "cong-thong-tin-cu.asp").write_text("cổng cũ", encoding="utf-8")  # an old portal shares the folder
    logs = []

    result = run("ftp", first, env)
    logs.append(result.stdout + result.stderr)
    assert result.returncode == 0, result.stderr
    assert served(www) == tree(first)
    assert sorted(path for path in server.received if path != upload.MANIFEST) == sorted(tree(first))
    assert server.received[-1] == upload.MANIFEST
    assert result.stdout.splitlines()[-1] == f"tai-len: đã gửi {len(tree(first))} tệp, xoá 0 tệp trên 127.0.0.1"

    server.received.clear()
    result = run("ftp", again, env)  # the same site built again elsewhere: new times, the same bytes
    logs.append(result.stdout + result.stderr)
    assert (result.returncode, server.received) == (0, [])
    assert result.stdout == "tai-len: đã gửi 0 tệp, xoá 0 tệp trên 127.0.0.1\n"

    changed = sorted(path for path, data in tree(edited).items() if tree(first).get(path) != data)
    replaced = set(tree(first)) - set(tree(edited))  # Pagefind's parts are named after their bytes
    assert 3 < len(changed) < len(tree(edited)) / 2 and replaced
    result = run("ftp", edited, env)
    logs.append(result.stdout + result.stderr)
    assert result.returncode == 0, result.stderr
    files_sent = [path for path in server.received if path != upload.MANIFEST]
    assert sorted(files_sent) == changed and served(www) == tree(edited)
    order = phases(files_sent, tree(first))
    assert order == sorted(order) and order[-1] == 3  # Pagefind's entry last: its new index was there before
    assert result.stdout.splitlines()[-1] == f"tai-len: đã gửi {len(changed)} tệp, xoá {len(replaced)} tệp trên 127.0.0.1"

    server.received.clear()
    result = run("ftp", deleted, env)
    logs.append(result.stdout + result.stderr)
    gone = sorted(set(tree(edited)) - set(tree(deleted)))
    assert gone and all(f"  xoá {path}" in result.stdout.splitlines() for path in gone)
    assert served(www) == tree(deleted)
    assert (www / "cong-thong-tin-cu.asp").read_text(encoding="utf-8") == "cổng cũ"  # not ours: never deleted
    # Deletions come after every upload.
    lines = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    assert lines.index(f"  xoá {gone[0]}") > max(i for i, line in enumerate(lines) if line.startswith("  gửi"))

    everything = "".join(logs) + "".join(data.decode("utf-8", "replace") for data in tree(www).values())
    assert PASSWORD not in everything and USER not in everything


def test_ftps_run_cut_off_in_the_middle_is_completed_by_the_next(sites, ftps):
    first = sites[0]
    server, www, env = ftps
    (www / "lan-hai").mkdir()
    env = env | {"FTP_TARGET_DIR": "/lan-hai"}
    server.received.clear()
    server.kill_after = upload.SAVE_EVERY + 20
    server.victim = run("ftp", first, env, popen=True)
    assert server.victim.wait(60) == -signal.SIGKILL
    assert 0 < len(served(www / "lan-hai")) < len(tree(first))
    server.received.clear()
    result = run("ftp", first, env)
    assert result.returncode == 0, result.stderr
    assert served(www / "lan-hai") == tree(first)
    # What the first run had saved in its list is not sent again.
    assert len([path for path in server.received if not path.endswith(upload.MANIFEST)]) == len(tree(first)) - upload.SAVE_EVERY


def test_ftps_refuses_a_certificate_it_cannot_verify(sites, ftps):
    server, _www, env = ftps
    result = run("ftp", sites[0], {key: value for key, value in env.items() if key != "FTP_CA_FILE"})
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (f"tai-len: chứng chỉ TLS của máy chủ FTP 127.0.0.1:{server.port} không đáng tin (self-signed "
                             "certificate): kiểm tra FTP_HOST, hoặc đặt FTP_CA_FILE cho chứng chỉ riêng\n")


def test_wrong_password_or_no_server_is_one_line_and_a_failure(sites, ftps):
    server, _www, env = ftps
    result = run("ftp", sites[0], env | {"FTP_PASSWORD": "sai-mat-khau"})
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"tai-len: máy chủ FTP 127.0.0.1:{server.port} từ chối đăng nhập: sai FTP_USER hoặc FTP_PASSWORD\n"
    closed = free_port()
    result = run("ftp", sites[0], env | {"FTP_PORT": str(closed)})
    assert result.returncode == 1
    assert result.stderr == f"tai-len: không kết nối được tới máy chủ FTP 127.0.0.1:{closed} (máy chủ không nhận kết nối ở cổng này)\n"
    result = run("ftp", sites[0], {key: value for key, value in env.items() if key != "FTP_PASSWORD"})
    assert (result.returncode, result.stderr) == (1, "tai-len: thiếu biến môi trường FTP_PASSWORD (xem docs/may-chu.md)\n")
    assert "sai-mat-khau" not in result.stderr + result.stdout


def test_plain_ftp_only_when_asked_and_a_server_without_tls_is_named(sites, tmp_path):
    """FTP_TLS=0 for a server that has no TLS; without it the tool refuses to send the password in clear."""
    (tmp_path / "www").mkdir()
    authorizer = DummyAuthorizer()
    authorizer.add_user(USER, PASSWORD, str(tmp_path / "www"), perm="elradfmwMT")
    handler = type("PlainHandler", (FTPHandler,), {"authorizer": authorizer})
    server = FTPServer(("127.0.0.1", 0), handler, ioloop=IOLoop())
    port = server.socket.getsockname()[1]
    threading.Thread(target=server.serve_forever, kwargs={"handle_exit": False}, daemon=True).start()
    try:
        env = {"FTP_HOST": "127.0.0.1", "FTP_PORT": str(port), "FTP_USER": USER, "FTP_PASSWORD": PASSWORD, "FTP_TARGET_DIR": "/"}
        result = run("ftp", sites[0], env)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (f"tai-len: máy chủ FTP 127.0.0.1:{port} không nhận TLS (AUTH TLS); chỉ dùng FTP_TLS=0 "
                                 "trên đường truyền tin cậy\n")
        assert list((tmp_path / "www").iterdir()) == []
        result = run("ftp", sites[0], env | {"FTP_TLS": "0"})
        assert result.returncode == 0, result.stderr
        assert served(tmp_path / "www") == tree(sites[0])
    finally:
        server.close_all()


def free_port() -> int:
    import socket  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- SFTP: asyncssh's server, password login, the host key known beforehand ---

class SftpServer:
    def __init__(self, root: Path):
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.key = asyncssh.generate_private_key("ssh-ed25519")

        class Logins(asyncssh.SSHServer):
            def begin_auth(self, username):
                return True

            def password_auth_supported(self):
                return True

            def validate_password(self, username, password):
                return (username, password) == (USER, PASSWORD)

        async def listen():
            return await asyncssh.listen("127.0.0.1", 0, server_host_keys=[self.key], server_factory=Logins,
                                         sftp_factory=lambda channel: asyncssh.SFTPServer(channel, chroot=str(root)))

        self.server = asyncio.run_coroutine_threadsafe(listen(), self.loop).result(30)
        self.port = self.server.get_port()

    def known_hosts(self, folder: Path, key=None) -> Path:
        path = folder / "known_hosts"
        path.write_text(f"[127.0.0.1]:{self.port} {(key or self.key).export_public_key().decode().strip()}\n")
        return path

    def close(self):
        self.server.close()
        asyncio.run_coroutine_threadsafe(self.server.wait_closed(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)


@pytest.fixture(scope="module")
def sftp(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sftp")
    (folder / "www" / "doantruong").mkdir(parents=True)
    server = SftpServer(folder / "www")
    env = {"SFTP_HOST": "127.0.0.1", "SFTP_PORT": str(server.port), "SFTP_USER": USER, "SFTP_PASSWORD": PASSWORD,
           "SFTP_TARGET_DIR": "/doantruong", "SFTP_KNOWN_HOSTS": str(server.known_hosts(folder))}
    yield server, folder, env
    server.close()


def test_sftp_uploads_only_what_changed_and_deletes_what_it_uploaded(sites, sftp):
    first, edited, deleted, again = sites
    _server, folder, env = sftp
    www = folder / "www" / "doantruong"
    result = run("sftp", first, env)
    assert result.returncode == 0, result.stderr
    assert served(www) == tree(first)
    result = run("sftp", again, env)
    assert result.stdout == "tai-len: đã gửi 0 tệp, xoá 0 tệp trên 127.0.0.1\n"
    result = run("sftp", edited, env)
    changed = [path for path, data in tree(edited).items() if tree(first).get(path) != data]
    replaced = set(tree(first)) - set(tree(edited))
    assert result.stdout.splitlines()[-1] == f"tai-len: đã gửi {len(changed)} tệp, xoá {len(replaced)} tệp trên 127.0.0.1"
    result = run("sftp", deleted, env)
    changed = [path for path, data in tree(deleted).items() if tree(edited).get(path) != data]
    gone = set(tree(edited)) - set(tree(deleted))
    assert result.stdout.splitlines()[-1] == f"tai-len: đã gửi {len(changed)} tệp, xoá {len(gone)} tệp trên 127.0.0.1"
    assert served(www) == tree(deleted)
    assert PASSWORD not in result.stdout + result.stderr


def test_sftp_refuses_an_unknown_host_key_and_a_wrong_password(sites, sftp, tmp_path):
    server, _folder, env = sftp
    other = server.known_hosts(tmp_path, asyncssh.generate_private_key("ssh-ed25519"))
    result = run("sftp", sites[0], env | {"SFTP_KNOWN_HOSTS": str(other)})
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (f"tai-len: khoá của máy chủ SFTP 127.0.0.1:{server.port} không có trong {other}: thêm nó "
                             "(ssh-keyscan) sau khi so dấu vân tay với người quản trị máy chủ\n")
    result = run("sftp", sites[0], env | {"SFTP_PASSWORD": "sai-mat-khau"})
    assert result.returncode == 1
    assert result.stderr == f"tai-len: máy chủ SFTP 127.0.0.1:{server.port} từ chối đăng nhập: sai SFTP_USER, SFTP_PASSWORD hoặc SFTP_KEY\n"


def test_a_list_on_the_host_naming_files_outside_the_site_stops_the_upload(sites, ftps):
    server, www, env = ftps
    (www / "lan-ba").mkdir()
    (www / "giu-lai.txt").write_text("không được xoá", encoding="utf-8")
    (www / "lan-ba" / upload.MANIFEST).write_text('{"version": 1, "files": {"../giu-lai.txt": "x"}}', encoding="utf-8")
    result = run("ftp", sites[0], env | {"FTP_TARGET_DIR": "/lan-ba"})
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "tai-len: danh sách .tai-len.json trên máy chủ bị hỏng: xoá nó để gửi lại toàn bộ\n"
    assert (www / "giu-lai.txt").is_file() and sorted(path.name for path in (www / "lan-ba").iterdir()) == [upload.MANIFEST]
