"""`make devserver` (tools/devserver.py): an open page reloads itself with the new text after an
edit; a template error or a broken photo is reported and the server waits for the next save; the files
it writes are the ones `make html` writes (the reload script is only added while serving)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import LoggedProcess, english, project_copy

ARTICLE = "2022/hien-mau-tinh-nguyen.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Devserver(LoggedProcess):
    def __init__(self, project: Path, output: Path):
        self.port = free_port()
        super().__init__([sys.executable, str(project / "tools" / "devserver.py"), str(project / "content"), str(output),
                          "-s", str(project / "pelicanconf.py"), "--port", str(self.port)], cwd=project)

    def wait_for(self, text, count=1, timeout=120):
        self.wait_for_line(text, count, timeout)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


BUILT = "devserver: đã dựng xong"
FAILED = "devserver: bản dựng lỗi"
WARM = "devserver: sẵn sàng dựng nhanh"


def test_open_page_reloads_itself_with_the_new_text_after_an_edit(project, tmp_path, page):
    server = Devserver(project, tmp_path / "site" / "output")
    try:
        server.wait_for(BUILT)
        server.wait_for(WARM)  # the site kept in memory: a body edit is rendered in seconds
        url = f"http://127.0.0.1:{server.port}/2022/04/ngay-hoi-hien-mau-tinh-nguyen.html"
        article = project / "content" / ARTICLE
        assert (tmp_path / "site/output/2022/04/ngay-hoi-hien-mau-tinh-nguyen.html").is_file(), server.log
        page.goto(url)
        assert "Câu mới viết thêm" not in page.inner_text("body")
        page.evaluate("window.__notReloaded = true")
        article.write_text(article.read_text(encoding="utf-8") + "\nCâu mới viết thêm trong lúc xem trước.\n",
                           encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('Câu mới viết thêm')", timeout=120_000)
        assert page.evaluate("window.__notReloaded === undefined"), "the text came without a reload?"
        # A body edit is a quick rebuild: the page first, then the search index.
        server.wait_for("chỉ mục tìm kiếm đã được cập nhật")
        assert "thay đổi này cần dựng lại toàn bộ" not in server.log

        # A template error: reported, the server keeps serving the last good preview, and waits.
        template = project / "theme" / "templates" / "article.html"
        good = template.read_text(encoding="utf-8")
        template.write_text(good.replace("{{ article.content|safe }}", "{{ article.content|safe }}{{ 1 / 0 }}"),
                            encoding="utf-8")
        server.wait_for(FAILED)
        time.sleep(3)  # a spinning server would rebuild (and fail) again in this time
        assert server.log.count(FAILED) == 1, server.log
        with urllib.request.urlopen(url, timeout=10) as response:
            assert "Câu mới viết thêm" in response.read().decode("utf-8")
        template.write_text(good.replace("{{ article.content|safe }}", "{{ article.content|safe }}<p>Mẫu đã sửa lại</p>"),
                            encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('Mẫu đã sửa lại')", timeout=120_000)
        assert server.process.poll() is None
    finally:
        server.stop()
    # The files themselves are what a plain build writes: nothing of the reload script is in them.
    output = tmp_path / "site" / "output"
    assert not any(b"data-devserver" in path.read_bytes() for path in output.rglob("*.html"))


def test_a_broken_photo_is_reported_and_the_preview_waits(project, tmp_path):
    output = tmp_path / "site" / "output"
    server = Devserver(project, output)
    try:
        server.wait_for(BUILT)
        images = project / "content" / "images"
        images.mkdir(exist_ok=True)
        (images / "hong.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
        article = project / "content" / ARTICLE
        article.write_text(article.read_text(encoding="utf-8") + '\n![Ảnh hỏng]({static}/images/hong.jpg "Ảnh hỏng")\n',
                           encoding="utf-8")
        server.wait_for(FAILED)
        assert "hong.jpg" in server.log
        assert server.process.poll() is None
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/", timeout=10) as response:
            assert response.status == 200
        (images / "hong.jpg").unlink()
        from PIL import Image  # noqa: PLC0415

        Image.new("RGB", (800, 600), (200, 40, 40)).save(images / "hong.jpg", "JPEG")
        server.wait_for(BUILT, count=2)
    finally:
        server.stop()


RENAMED = "2022/xuan-tinh-nguyen.md"


def test_the_open_tab_follows_an_article_renamed_by_a_title_change_and_every_line_is_vietnamese(project, tmp_path, page):
    import signal  # noqa: PLC0415
    import struct  # noqa: PLC0415

    server = Devserver(project, tmp_path / "site" / "output")
    try:
        server.wait_for(WARM)
        local = f"http://localhost:{server.port}/"
        assert f"devserver: bản nháp (chỉ có trong bản xem trước): {local}ban-nhap/ban-nhap-ke-hoach-mua-he-xanh-2022.html" \
            in server.log.splitlines()
        page.goto(f"http://127.0.0.1:{server.port}/2022/01/xuan-tinh-nguyen-nam-2022.html")
        article = project / "content" / RENAMED
        text = article.read_text(encoding="utf-8")
        assert text.startswith("Title: Xuân tình nguyện năm 2022\n") and "\nSlug:" not in text
        article.write_text(text.replace("Title: Xuân tình nguyện năm 2022\n", "Title: Xuân tình nguyện 2022 ấm áp\n", 1),
                           encoding="utf-8")
        new = "2022/01/xuan-tinh-nguyen-2022-am-ap.html"
        page.wait_for_url(f"**/{new}", timeout=120_000)
        assert page.text_content("h1.article-title").strip() == "Xuân tình nguyện 2022 ấm áp"
        lines = server.log.splitlines()
        assert f"devserver: bài vừa lưu content/{RENAMED}: {local}{new}" in lines
        assert (f"devserver: bài đã chuyển địa chỉ: {local}2022/01/xuan-tinh-nguyen-nam-2022.html → {local}{new} "
                "(trang đang mở sẽ theo sang).") in lines
        # Any other missing page: a Vietnamese page (404) that keeps asking for the next build.
        response = page.goto(f"http://127.0.0.1:{server.port}/2022/01/khong-co.html")
        assert response.status == 404
        assert page.text_content("h1") == "Không có trang /2022/01/khong-co.html trong bản xem trước"
        assert page.locator("script[data-devserver]").count() == 1
        # A page closed while loading (a reload): the connection is reset, nothing is printed.
        with socket.create_connection(("127.0.0.1", server.port)) as client:
            client.sendall(f"GET /{new} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(1)
        os.killpg(server.process.pid, signal.SIGINT)  # Ctrl-C in the editor's terminal
        server.process.wait(30)
        server.wait_for("devserver: đã dừng xem trước (Ctrl-C).")
    finally:
        server.stop()
    assert "Traceback" not in server.log and "Error" not in server.log, server.log
    assert english(server.log) == [], server.log
