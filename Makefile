# One command each: `make serve` (set up, then serve the site from seeds/) and
# `make test` (set up, then run every test). Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: serve build check test setup setup-test chromium clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.site: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.site

setup: $(VENV)/.site
setup-test: $(VENV)/.test

serve: setup
	$(BIN)/mkdocs serve

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/python -m generator check

chromium:
	@command -v /usr/bin/chromium >/dev/null 2>&1 || scripts/install-chromium

test: setup-test chromium
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
