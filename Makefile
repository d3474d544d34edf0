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

.PHONY: help install install-dev browser html clean regenerate serve devserver publish \
        rsync_upload github test check bench newpost standards-tools lighthouse

help:
	@echo 'Makefile for the Đoàn Khối news site'
	@echo ''
	@echo 'Usage:'
	@echo '   make install            create .venv and install the pinned requirements'
	@echo '   make html               (re)build content/ into output/'
	@echo '   make clean              remove output/ and caches'
	@echo '   make regenerate         rebuild on every change'
	@echo '   make serve [PORT=8000]  serve output/ at http://localhost:8000'
	@echo '   make devserver          rebuild on change and serve'
	@echo '   make publish            build for publishing with publishconf.py'
	@echo '   make rsync_upload       publish, then upload output/ with rsync over SSH'
	@echo '   make github             publish, then push output/ to the gh-pages branch'
	@echo '   make check              check every article and report mistakes'
	@echo '   make newpost TITLE=".." CATEGORY=".."  start a new article'
	@echo '   make test               install test needs (Chromium included) and run all tests'
	@echo '   make lighthouse         Lighthouse mobile scores of output/ (home, an article, a category)'
	@echo '   make bench              benchmark against stock Pelican (1,000 and 10,000 news)'
	@echo '   make bench BENCH_SIZES=200 BENCH_RUNS=1   quick smoke run of the benchmark'

$(BIN)/activate:
	$(PY) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Debian's chromium: Playwright drives it through its system executable.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo 'Installing Debian chromium (apt-get)'; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

# Safe builds: into a temporary folder, swapped in for output/ only when the build succeeded.
# The content_checks plugin stops a build on any content error, so nothing broken is published.
html: install
	$(PYTHON) $(BASEDIR)/tools/safe_build.py $(INPUTDIR) $(OUTPUTDIR) -s $(CONFFILE) -- $(PELICANOPTS)

clean:
	rm -rf $(OUTPUTDIR) $(BASEDIR)/cache $(BASEDIR)/__pycache__

regenerate: install
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

serve: install
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) $(PELICANOPTS)

devserver: install
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) $(PELICANOPTS)

publish: install
	$(PYTHON) $(BASEDIR)/tools/safe_build.py $(INPUTDIR) $(OUTPUTDIR) -s $(PUBLISHCONF) -- $(PELICANOPTS)

# Check every article (the same checks run on each build); errors exit non-zero, warnings do not.
check: install
	PYTHONPATH=$(BASEDIR)/plugins $(PYTHON) -m content_checks $(INPUTDIR) -s $(CONFFILE) $(CHECKOPTS)

# make newpost TITLE="Tiêu đề" CATEGORY="Tin hoạt động": exported, so quotes in a title stay intact.
export TITLE CATEGORY
newpost: install
	@$(PYTHON) $(BASEDIR)/tools/newpost.py --content $(INPUTDIR) -s $(CONFFILE)

rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete \
	  "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

github: publish
	$(BIN)/ghp-import -m "Generate Pelican site" -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)"
	git push origin $(GITHUB_PAGES_BRANCH)

# The standards checks (tests/site/test_nu_checker.py, tests/browser/test_standards_browser.py):
# Node and npm install the pinned vnu-jar and axe-core (package-lock.json, no install scripts: vnu-jar's
# would download a Java), and Debian's Java runs the Nu Html Checker.
node_modules/.installed: package.json package-lock.json
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
	  echo 'Installing Node, npm and Java (apt-get)'; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm default-jre-headless; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

standards-tools: node_modules/.installed

# Lighthouse (mobile) on the home, an article and a category of output/: measured, not asserted.
lighthouse: html browser standards-tools
	nice -n 10 $(PYTHON) tools/lighthouse.py $(OUTPUTDIR) $(LIGHTHOUSE_PAGES)

test: install-dev browser standards-tools
	$(PYTHON) -m pytest

bench: install-dev
	$(PYTHON) tools/bench.py
