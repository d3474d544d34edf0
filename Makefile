# Targets follow pelican-quickstart's names; `make help` lists them.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python

.PHONY: install install-dev browser web-servers test bench bench-build bench-search bench-import bench-photos \
        standards-tools lighthouse new-site test-fast

# The everyday targets (html, check, newpost, devserver, publish, the uploads, import…) are the ones
# every site has: tools/site.mk. This file adds what the product's own checkout needs: install, tests,
# benchmarks, and `make new-site`.
include $(dir $(lastword $(MAKEFILE_LIST)))tools/site.mk

help::
	@echo ''
	@echo 'The product (trangtin) checkout:'
	@echo '   make new-site DIR=.. NAME=".." SHORTNAME=".." SITEURL=https://.. CATEGORIES="A;B;C"  a site for another organisation'
	@echo '   make install            create .venv and install the pinned requirements'
	@echo '   make test               install test needs (Chromium included) and run all tests'
	@echo '   make test-fast          the unit tests alone (under 30 s)'
	@echo '   make lighthouse         Lighthouse mobile scores of output/ (home, an article, a category)'
	@echo '   make bench              every benchmark below, one after the other'
	@echo '   make bench-build        builds against stock Pelican (1,000 to 50,000 news): cold, no-change, one edit'
	@echo '   make bench-build BENCH_SIZES=200 BENCH_RUNS=1   quick smoke run of the build benchmark'
	@echo '   make bench-search       search index size and speed (1,000 and 10,000 news, Chromium)'
	@echo '   make bench-photos       photo weight in Chromium, 200-photo processing vs pelican-image-process'
	@echo '   make bench-import       benchmark the importer (1,000 WordPress posts, 1,000 legacy pages)'

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

# Debian's Java runs the Nu Html Checker.
standards-tools: node_modules/.installed
	@command -v java >/dev/null 2>&1 || { \
	  echo 'Installing Java (apt-get)'; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless; }

# Lighthouse is a devDependency: only `make lighthouse` installs it (about 140 MB the tests never need).
node_modules/.installed-lighthouse: package.json package-lock.json node_modules/.installed
	npm ci --include=dev --ignore-scripts --no-audit --no-fund
	touch node_modules/.installed $@

# Lighthouse (mobile) on the home, an article and a category of output/: measured, not asserted.
lighthouse: html browser node_modules/.installed-lighthouse
	nice -n 10 "$(PYTHON)" tools/lighthouse.py "$(OUTPUTDIR)" $(LIGHTHOUSE_PAGES)

# The whole suite; screenshots of the browser tests go to $(TEST_ARTIFACTS) when it is set (CI uploads
# that folder), else to a temporary folder: the tests write nothing into the checkout.
# Two worker processes (the machines have two cores); a file's tests stay together, so its shared builds are
# made once. `make test PYTEST_WORKERS=0` runs them in one process.
PYTEST_WORKERS ?= 2
test: install-dev browser web-servers standards-tools cms-tools
	"$(PYTHON)" -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# The unit tests alone (pure functions, no build, no browser): under 30 seconds, for every save.
test-fast: install-dev
	"$(PYTHON)" -m pytest tests/unit -q -m "not slow"

# `make bench` runs every benchmark, one after the other (never two at once: they share the cores).
bench: bench-build bench-search bench-photos bench-import

bench-build: install-dev
	"$(PYTHON)" tools/bench.py

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

# make new-site DIR=../doan-truong NAME="Đoàn trường THPT …" SHORTNAME="Đoàn trường" SITEURL=https://… CATEGORIES="A;B;C"
# A site of its own for another organisation: no product code and none of this site's content in it; it
# installs this product (pinned) and includes its everyday targets. Asks for what is missing when run by hand.
override NAME := $(value NAME)
override SHORTNAME := $(value SHORTNAME)
override CATEGORIES := $(value CATEGORIES)
export NAME SHORTNAME CATEGORIES SITEURL
new-site: install
	@$(TOOL).new_site "$(DIR)"
