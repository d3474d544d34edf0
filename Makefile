# Targets follow pelican-quickstart's names; `make help` lists them.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
PYTHON := $(BIN)/python

BASEDIR := $(CURDIR)
INPUTDIR := $(BASEDIR)/content
OUTPUTDIR := $(BASEDIR)/output
CONFFILE := $(BASEDIR)/pelicanconf.py
PUBLISHCONF := $(BASEDIR)/publishconf.py
PORT ?= 8000

SSH_HOST ?= localhost
SSH_PORT ?= 22
SSH_USER ?= root
SSH_TARGET_DIR ?= /var/www/doankhoi
GITHUB_PAGES_BRANCH ?= gh-pages

PELICANOPTS ?=

.PHONY: help install install-dev browser web-servers test-fast html clean regenerate serve devserver publish \
        rsync_upload ftp_upload sftp_upload github test check bench bench-build bench-search newpost newdoc import bench-import clean-photos bench-photos \
        standards-tools lighthouse

help:
	@echo 'Makefile for the Đoàn Khối news site'
	@echo ''
	@echo 'Usage:'
	@echo '   make install            create .venv and install the pinned requirements'
	@echo '   make html               (re)build content/ into output/'
	@echo '   make clean              remove output/ and caches (keeps the photo cache)'
	@echo '   make clean-photos       empty the photo cache (every photo is remade by the next build)'
	@echo '   make regenerate         rebuild on every change'
	@echo '   make serve [PORT=8000]  serve output/ at http://localhost:8000'
	@echo '   make devserver          rebuild on change and serve'
	@echo '   make publish            build for publishing with publishconf.py'
	@echo '   make rsync_upload       publish, then upload output/ with rsync over SSH'
	@echo '   make ftp_upload         publish, then send what changed by FTP over TLS (FTP_HOST, FTP_USER, ...)'
	@echo '   make sftp_upload        publish, then send what changed by SFTP (SFTP_HOST, SFTP_USER, ...)'
	@echo '   make github             publish, then push output/ to the gh-pages branch'
	@echo '   make check              check every article and report mistakes'
	@echo '   make newpost TITLE=".." CATEGORY=".."  start a new article'
	@echo '   make newdoc SOKYHIEU=".." LOAI=".."     start a new document (Văn bản)'
	@echo '   make import FROM=PATH [UPLOADS=DIR] [CONTENT=DIR] [REPORT=FILE]  import old news (WordPress .xml or saved portal pages)'
	@echo '   make import FROM=file.docx [CATEGORY=".."] [PUBLISH=1]  a Word file (or a folder of them) as a draft article'
	@echo '   make bench-import       benchmark the importer (1,000 WordPress posts, 1,000 legacy pages)'
	@echo '   make test               install test needs (Chromium included) and run all tests'
	@echo '   make test-fast          the unit tests alone (under 30 s)'
	@echo '   make lighthouse         Lighthouse mobile scores of output/ (home, an article, a category)'
	@echo '   make bench              every benchmark below, one after the other'
	@echo '   make bench-build        builds against stock Pelican (1,000 to 50,000 news): cold, no-change, one edit'
	@echo '   make bench-build BENCH_SIZES=200 BENCH_RUNS=1   quick smoke run of the build benchmark'
	@echo '   make bench-search       search index size and speed (1,000 and 10,000 news, Chromium)'
	@echo '   make bench-photos       photo weight in Chromium, 200-photo processing vs pelican-image-process'

$(BIN)/activate:
	$(PY) -m venv "$(VENV)"

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	"$(PYTHON)" -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	"$(PYTHON)" -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Debian's chromium: Playwright drives it through its system executable.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo 'Installing Debian chromium (apt-get)'; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

# Debian's nginx and Apache for tests/site/test_web_servers.py and tests/browser/test_servers_browser.py:
# the tests start them themselves on 127.0.0.1 (a free high port, a temporary folder), never as a service.
# A policy-rc.d (as in Debian's container images) keeps the packages from starting services on port 80;
# one made here is removed afterwards.
web-servers:
	@test -x /usr/sbin/nginx && test -x /usr/sbin/apache2 || { \
	  echo 'Installing Debian nginx and apache2 (apt-get)'; \
	  if [ ! -e /usr/sbin/policy-rc.d ]; then \
	    trap 'rm -f /usr/sbin/policy-rc.d' EXIT; printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; \
	  fi; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx apache2; }

# Safe builds: into a temporary folder, swapped in for output/ only when the build succeeded.
# The content_checks plugin stops a build on any content error, so nothing broken is published.
# Every path is quoted: a checkout in a folder whose name has a space works for every target.
# tools/incremental_build.py: nothing is rebuilt when no input changed since the last build (a memo).
html: install
	@"$(PYTHON)" "$(BASEDIR)/tools/incremental_build.py" "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(CONFFILE)" -- $(PELICANOPTS)

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

# tools/devserver.py: serves output/, rebuilds on every change (CONTENT_CHECKS_PREVIEW too), and the open
# page reloads itself; the reload script is added while serving, never written into output/.
devserver: install
	@"$(PYTHON)" "$(BASEDIR)/tools/devserver.py" "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(CONFFILE)" --port $(PORT) -- $(PELICANOPTS)

publish: install
	@"$(PYTHON)" "$(BASEDIR)/tools/safe_build.py" "$(INPUTDIR)" "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" -- $(PELICANOPTS)

# Check every article (the same checks run on each build); errors exit non-zero, warnings do not.
check: install
	@PYTHONPATH="$(BASEDIR)/plugins" "$(PYTHON)" -m content_checks "$(INPUTDIR)" -s "$(CONFFILE)" $(CHECKOPTS)

# make newpost TITLE="Tiêu đề" CATEGORY="Tin hoạt động": exported, so quotes in a title stay intact;
# taken with $(value ...), so a `$` in a title is kept instead of being expanded by make.
override TITLE := $(value TITLE)
override CATEGORY := $(value CATEGORY)
export TITLE CATEGORY
newpost: install
	@"$(PYTHON)" "$(BASEDIR)/tools/newpost.py" --content "$(INPUTDIR)" -s "$(CONFFILE)"

# make newdoc SOKYHIEU="15-KH/ĐTN" LOAI="Kế hoạch": a new document of the register (content/van-ban/);
# TRICHYEU="…" and COQUAN="…" fill Trích yếu and Cơ quan ban hành. Taken as TITLE above.
override SOKYHIEU := $(value SOKYHIEU)
override LOAI := $(value LOAI)
override TRICHYEU := $(value TRICHYEU)
override COQUAN := $(value COQUAN)
export SOKYHIEU LOAI TRICHYEU COQUAN
newdoc: install
	@"$(PYTHON)" "$(BASEDIR)/tools/newdoc.py" --content "$(INPUTDIR)"

rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete \
	  "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

# FTP(S) and SFTP hosts (tools/upload.py): host, user, password and folder only from the environment
# (FTP_HOST, FTP_USER, FTP_PASSWORD, FTP_TARGET_DIR, …; SFTP_… the same), never on the command line.
# Only files whose bytes changed are sent; see docs/may-chu.md.
ftp_upload: publish
	"$(PYTHON)" "$(BASEDIR)/tools/upload.py" ftp "$(OUTPUTDIR)"

sftp_upload: publish
	"$(PYTHON)" "$(BASEDIR)/tools/upload.py" sftp "$(OUTPUTDIR)"

github: publish
	"$(PYTHON)" -m ghp_import -m "Generate Pelican site" -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)"
	git push origin $(GITHUB_PAGES_BRANCH)

# The standards checks (tests/site/test_nu_checker.py, tests/browser/test_standards_browser.py):
# Node and npm install the pinned vnu-jar and axe-core (package-lock.json, no install scripts: vnu-jar's
# would download a Java), and Debian's Java runs the Nu Html Checker.
node_modules/.installed: package.json package-lock.json
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
	  echo 'Installing Node, npm and Java (apt-get)'; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm default-jre-headless; }
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund
	touch $@

standards-tools: node_modules/.installed

# Lighthouse is a devDependency: only `make lighthouse` installs it (about 140 MB the tests never need).
node_modules/.installed-lighthouse: package.json package-lock.json node_modules/.installed
	npm ci --include=dev --ignore-scripts --no-audit --no-fund
	touch node_modules/.installed $@

# Lighthouse (mobile) on the home, an article and a category of output/: measured, not asserted.
lighthouse: html browser node_modules/.installed-lighthouse
	nice -n 10 "$(PYTHON)" tools/lighthouse.py "$(OUTPUTDIR)" $(LIGHTHOUSE_PAGES)

# The whole suite (about 5 minutes on two cores); screenshots of the browser tests go to $(TEST_ARTIFACTS)
# when it is set (CI uploads that folder), else to a temporary folder: the tests write nothing here.
test: install-dev browser web-servers standards-tools
	"$(PYTHON)" -m pytest

# The unit tests alone (pure functions, no build, no browser): under 30 seconds, for every save.
test-fast: install-dev
	"$(PYTHON)" -m pytest tests/unit -q -m "not slow"

# `make bench` runs every benchmark, one after the other (never two at once: they share the cores).
bench: bench-build bench-search bench-photos bench-import

bench-build: install-dev
	"$(PYTHON)" tools/bench.py

# make import FROM=export.xml UPLOADS=wp-content/uploads | FROM=mirror/ [CONTENT=content] [IMPORT_CONFIG=file.json]
# The report goes beside the content folder (bao-cao-nhap-tin.md in the site's folder), or to REPORT=file.
# Exit 0 when articles were imported, even with things to check in the report; 1 when nothing was.
# make import FROM=bai.docx (or a folder of .docx) [CATEGORY="Tin hoạt động"] [PUBLISH=1]: CATEGORY reaches
# the tool through the environment (exported above for newpost), so its quotes stay intact.
CONTENT ?= $(INPUTDIR)
import: install
	@test -n "$(FROM)" || { echo 'make import FROM=PATH [UPLOADS=DIR] [CONTENT=DIR] [REPORT=FILE] [CATEGORY=..] [PUBLISH=1]'; exit 2; }
	@"$(PYTHON)" "$(BASEDIR)/tools/import_news.py" "$(FROM)" --content "$(CONTENT)" -s "$(CONFFILE)" \
	  $(if $(UPLOADS),--uploads "$(UPLOADS)") $(if $(IMPORT_CONFIG),--config "$(IMPORT_CONFIG)") \
	  $(if $(filter 1,$(PUBLISH)),--publish) $(if $(REPORT),--report "$(REPORT)")

bench-import: install-dev
	nice -n 10 "$(PYTHON)" tools/bench_import.py

# Search: index build time and size, first-query bytes and typing-to-results time in Chromium.
bench-search: install-dev browser
	"$(PYTHON)" tools/bench_search.py

# Photo benchmark: pelican-image-process (for comparison) lives in its own venv, pinned separately.
BENCH_PHOTOS_VENV ?= $(BASEDIR)/.venv-bench-photos
$(BENCH_PHOTOS_VENV)/.installed: requirements-bench-photos.txt
	$(PY) -m venv $(BENCH_PHOTOS_VENV)
	$(BENCH_PHOTOS_VENV)/bin/pip install --disable-pip-version-check -q -r requirements-bench-photos.txt
	touch $@

bench-photos: install-dev browser $(BENCH_PHOTOS_VENV)/.installed
	nice -n 10 "$(PYTHON)" tools/bench_photos.py --other-python $(BENCH_PHOTOS_VENV)/bin/python $(BENCH_PHOTOS_OPTS)
