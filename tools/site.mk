# The everyday targets of a site, shared by the product's checkout (its Makefile includes this file) and
# by every site made with `make new-site` (its Makefile includes the installed product's copy): an
# upgrade of the product brings new and fixed targets without changing any file of the site.
# The including Makefile defines PYTHON (the site's environment) and an `install` target.
BASEDIR ?= $(CURDIR)
INPUTDIR ?= $(BASEDIR)/content
OUTPUTDIR ?= $(BASEDIR)/output
CONFFILE ?= $(BASEDIR)/pelicanconf.py
PUBLISHCONF ?= $(BASEDIR)/publishconf.py
PORT ?= 8000
PELICANOPTS ?=
CHECKOPTS ?=
SSH_HOST ?= localhost
SSH_PORT ?= 22
SSH_USER ?= root
SSH_TARGET_DIR ?= /var/www/trang-tin
GITHUB_PAGES_BRANCH ?= gh-pages
TOOL := "$(PYTHON)" -m trangtin.tools

.PHONY: help html clean clean-photos regenerate serve devserver publish check newpost newdoc import \
        rsync_upload ftp_upload sftp_upload github cms cms-tools

help::
	@echo 'Cách dùng (usage): make LỆNH'
	@echo '   make html               dựng content/ vào output/ (build)'
	@echo '   make check              kiểm tra mọi bài, báo lỗi kèm tệp và dòng'
	@echo '   make newpost TITLE=".." CATEGORY=".."  viết bài mới'
	@echo '   make newdoc SOKYHIEU=".." LOAI=".."     thêm văn bản mới'
	@echo '   make devserver [PORT=8000]  xem trước, tự dựng lại khi lưu tệp'
	@echo '   make cms [PORT=8000]    viết và đăng tin trên trình duyệt: http://localhost:8000/admin/'
	@echo '   make cms-tools          cài trình soạn tin (Decap CMS) để trang có /admin/'
	@echo '   make serve [PORT=8000]  phục vụ output/ tại http://localhost:8000'
	@echo '   make publish            dựng bản đăng (publishconf.py, SITEURL)'
	@echo '   make rsync_upload       đăng rồi gửi output/ bằng rsync qua SSH'
	@echo '   make ftp_upload         đăng rồi gửi phần đã đổi qua FTP có TLS (FTP_HOST, FTP_USER, ...)'
	@echo '   make sftp_upload        đăng rồi gửi phần đã đổi qua SFTP (SFTP_HOST, SFTP_USER, ...)'
	@echo '   make github             đăng rồi đẩy output/ lên nhánh gh-pages'
	@echo '   make import FROM=PATH [UPLOADS=DIR] [CONTENT=DIR] [REPORT=FILE]  nhập tin cũ (WordPress .xml, trang cũ đã lưu)'
	@echo '   make import FROM=file.docx [CATEGORY=".."] [PUBLISH=1]  nhập một tệp Word thành bài nháp'
	@echo '   make clean              xoá output/ và bộ nhớ đệm (giữ ảnh đã xử lý)'
	@echo '   make clean-photos       xoá ảnh đã xử lý (bản dựng sau làm lại)'

# Safe builds: into a temporary folder, swapped in for output/ only when the build succeeded.
# The content_checks plugin stops a build on any content error, so nothing broken is published.
# Every path is quoted: a site in a folder whose name has a space works for every target.
# trangtin.tools.incremental_build: nothing is rebuilt when no input changed since the last build (a memo).
html: install
	@$(TOOL).incremental_build "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(CONFFILE)" -- $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)/cache" "$(BASEDIR)/__pycache__"

# The photo derivatives' cache (plugins/photos, PHOTOS_CACHE_PATH) survives `make clean` on purpose.
clean-photos:
	rm -rf "$(BASEDIR)/cache-photos"

# CONTENT_CHECKS_PREVIEW: the preview keeps building despite content errors (make html still stops).
regenerate: install
	"$(PYTHON)" -m pelican -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -e CONTENT_CHECKS_PREVIEW=true $(PELICANOPTS)

serve: install
	"$(PYTHON)" -m pelican -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) $(PELICANOPTS)

# The devserver serves output/, rebuilds on every change (CONTENT_CHECKS_PREVIEW too), and the open
# page reloads itself; the reload script is added while serving, never written into output/.
devserver: install
	@$(TOOL).devserver "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(CONFFILE)" --port $(PORT) -- $(PELICANOPTS)

publish: install
	@$(TOOL).safe_build "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" -- $(PELICANOPTS)

# Check every article (the same checks run on each build); errors exit non-zero, warnings do not.
check: install
	@"$(PYTHON)" -m trangtin.content_checks "$(INPUTDIR)" -s "$(CONFFILE)" $(CHECKOPTS)

# make newpost TITLE="Tiêu đề" CATEGORY="Tin hoạt động": exported, so quotes in a title stay intact;
# taken with $(value ...), so a `$` in a title is kept instead of being expanded by make.
override TITLE := $(value TITLE)
override CATEGORY := $(value CATEGORY)
export TITLE CATEGORY
newpost: install
	@$(TOOL).newpost --content "$(INPUTDIR)" -s "$(CONFFILE)"

# make newdoc SOKYHIEU="15-KH/ĐTN" LOAI="Kế hoạch": a new document of the register (content/van-ban/);
# TRICHYEU="…" and COQUAN="…" fill Trích yếu and Cơ quan ban hành. Taken as TITLE above.
override SOKYHIEU := $(value SOKYHIEU)
override LOAI := $(value LOAI)
override TRICHYEU := $(value TRICHYEU)
override COQUAN := $(value COQUAN)
export SOKYHIEU LOAI TRICHYEU COQUAN
newdoc: install
	@$(TOOL).newdoc --content "$(INPUTDIR)"

rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete \
	  "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

# FTP(S) and SFTP hosts (trangtin.tools.upload): host, user, password and folder only from the environment
# (FTP_HOST, FTP_USER, FTP_PASSWORD, FTP_TARGET_DIR, …; SFTP_… the same), never on the command line.
# Only files whose bytes changed are sent; see the operators' guide (docs/may-chu.md).
ftp_upload: publish
	$(TOOL).upload ftp "$(OUTPUTDIR)"

sftp_upload: publish
	$(TOOL).upload sftp "$(OUTPUTDIR)"

github: publish
	"$(PYTHON)" -m ghp_import -m "Generate Pelican site" -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)"
	git push origin $(GITHUB_PAGES_BRANCH)

# make import FROM=export.xml UPLOADS=wp-content/uploads | FROM=mirror/ [CONTENT=content] [IMPORT_CONFIG=file.json]
# The report goes beside the content folder (bao-cao-nhap-tin.md in the site's folder), or to REPORT=file.
# Exit 0 when articles were imported, even with things to check in the report; 1 when nothing was.
# make import FROM=bai.docx (or a folder of .docx) [CATEGORY="Tin hoạt động"] [PUBLISH=1]: CATEGORY reaches
# the tool through the environment (exported above for newpost), so its quotes stay intact.
CONTENT ?= $(INPUTDIR)
import: install
	@test -n "$(FROM)" || { echo 'make import FROM=PATH [UPLOADS=DIR] [CONTENT=DIR] [REPORT=FILE] [CATEGORY=..] [PUBLISH=1]'; exit 2; }
	@$(TOOL).import_news "$(FROM)" --content "$(CONTENT)" -s "$(CONFFILE)" \
	  $(if $(UPLOADS),--uploads "$(UPLOADS)") $(if $(IMPORT_CONFIG),--config "$(IMPORT_CONFIG)") \
	  $(if $(filter 1,$(PUBLISH)),--publish) $(if $(REPORT),--report "$(REPORT)")

# Node and npm install the pinned packages of package-lock.json (no install scripts): Decap CMS and
# decap-server (the browser editor, /admin/ and make cms); in the product's checkout also the standards
# checks' vnu-jar and axe-core. `make html` without them builds the site without /admin/ and says so.
node_modules/.installed: package.json package-lock.json
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  echo 'Installing Node and npm (apt-get)'; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm; }
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund
	touch $@

cms-tools: node_modules/.installed

# make cms [PORT=8000] [CMS_PORT=8081]: the browser editor at http://localhost:8000/admin/ with a local
# backend (decap-server on 127.0.0.1, writing into INPUTDIR, no git needed) and the preview beside it.
CMS_PORT ?= 8081
cms: install cms-tools
	@$(TOOL).cms "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(CONFFILE)" --port $(PORT) --api-port $(CMS_PORT) -- $(PELICANOPTS)
