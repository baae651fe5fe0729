# One command each: `make serve` (set up, then serve the site from seeds/) and
# `make test` (set up, then run every test). Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: serve build check test lint setup setup-test chromium zensical messages clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.site: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.site

# Zensical (tests/test_engines.py) gets a venv of its own, so its dependencies never meet
# MkDocs'. 0.0.73: later releases need zensical-ui versions the package index does not have.
ZENSICAL_VENV ?= .venv-zensical
ZENSICAL_VERSION ?= 0.0.73

$(ZENSICAL_VENV)/bin/zensical:
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install -q "zensical==$(ZENSICAL_VERSION)" \
		|| { rm -rf $(ZENSICAL_VENV); echo "zensical could not be installed; its test will be skipped"; }

zensical: $(ZENSICAL_VENV)/bin/zensical

# Bytecode for the package, as pip writes it for an installed one: an editable install has
# none, and where PYTHONDONTWRITEBYTECODE is set every run compiled all its modules again
# (0.1 s of each build and check). Up-to-date files are left as they are.
setup: $(VENV)/.site
	@$(BIN)/python -m compileall -q generator
setup-test: $(VENV)/.test

serve: setup
	$(BIN)/mkdocs serve

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/python -m generator check

# After changing a message in the code: the English template, and every catalog brought up to
# date with it (new messages empty, for translators; `make messages LANGUAGE=xx` starts a new one).
messages: setup
	$(BIN)/python -m generator.translation.template $(LANGUAGE)

chromium:
	@command -v /usr/bin/chromium >/dev/null 2>&1 || scripts/install-chromium

test: setup-test chromium zensical lint
	$(BIN)/python -m pytest

lint: setup-test
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/zizmor --offline --no-progress .github/workflows

clean:
	rm -rf site .pytest_cache
