# Two commands a new user needs (each sets up its own virtual environments):
#   make docs   build example_docs to HTML (English and Indonesian); needs Python 3.11+ and pip
#   make test   lint, the whole suite on the newest Sphinx (Python 3.12/3.13), then the core suite
#               on the older supported Sphinx releases (Python 3.11)
# For contributors: make lint, make messages, make package (see "Contributing" in README.md).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SPHINXOPTS ?=
# The tested matrix (pyproject.toml states only the lower bound, sphinx>=7.4).
NEWEST_SPHINX ?= 9.1
OLDER_SPHINX ?= 7.4 8.2 9.0
# Interpreters by version, found on PATH or in pyenv (tools/find-python), never by machine path.
NEWEST_PYTHON ?= $(shell sh tools/find-python 3.13 3.12)
OLDER_PYTHON ?= $(shell sh tools/find-python 3.11)

.PHONY: docs test lint test-newest test-matrix package messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test,lint]"
	touch $@

docs: $(BIN)/.installed
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) example_docs example_docs/_build/html
	$(BIN)/sphinx-build -b html -D language=id $(SPHINXOPTS) example_docs example_docs/_build/html-id
	@echo "English: example_docs/_build/html/index.html"
	@echo "Indonesian: example_docs/_build/html-id/index.html"

test: $(BIN)/.installed
	$(MAKE) lint
	$(MAKE) test-newest
	$(MAKE) test-matrix

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Says what is missing and how to get it: $(call missing_python,VERSIONS,VARIABLE).
# In CI (CI=true) that is a failure, never a skip.
define missing_python
	@echo "*** make $@: no Python $(subst $(space), or ,$(1)) found: looked for $(subst $(space), and ,$(addprefix python,$(1))) on PATH and in pyenv's versions (pyenv root)."
	@echo "*** Install it, e.g. 'pyenv install $(firstword $(1))' or your system's python$(firstword $(1)) package, or name one: make test $(2)=/path/to/python$(firstword $(1))"
endef
space := $(subst ,, )

# The whole suite (browser and slow tests too) on the newest Sphinx, which needs Python 3.12+.
test-newest: $(BIN)/.installed
ifeq ($(NEWEST_PYTHON),)
	$(call missing_python,3.13 3.12,NEWEST_PYTHON)
	@if [ "$$CI" = true ]; then exit 1; fi
	@echo "*** Not in CI: running the whole suite with $(PYTHON) and the newest Sphinx it can install."
	$(BIN)/python -m pytest
else
	sh tools/make-venv .venv-sphinx$(NEWEST_SPHINX) "$(NEWEST_PYTHON)" -e ".[test]" "sphinx==$(NEWEST_SPHINX).*"
	@echo "== Sphinx $(NEWEST_SPHINX), $$(.venv-sphinx$(NEWEST_SPHINX)/bin/python --version): whole suite"
	.venv-sphinx$(NEWEST_SPHINX)/bin/python -m pytest
endif

# The core suite (no browser, no whole-project builds) on each older supported Sphinx.
test-matrix:
ifeq ($(OLDER_PYTHON),)
	$(call missing_python,3.11,OLDER_PYTHON)
	@if [ "$$CI" = true ]; then exit 1; fi
	@echo "*** Not in CI: skipping the older Sphinx releases."
else
	@set -e; for version in $(OLDER_SPHINX); do \
		sh tools/make-venv .venv-sphinx$$version "$(OLDER_PYTHON)" -e ".[test]" "sphinx==$$version.*"; \
		echo "== Sphinx $$version, $$(.venv-sphinx$$version/bin/python --version): core suite"; \
		.venv-sphinx$$version/bin/python -m pytest -q -m "not browser and not slow"; \
	done
endif

# The release files: sdist and wheel built as PyPI would get them, checked by twine.
package: $(BIN)/.installed
	$(BIN)/python -m pytest -q tests/test_packaging.py

messages: $(BIN)/.installed
	$(BIN)/python tools/messages.py update
	$(BIN)/python tools/precompile.py

clean:
	rm -rf example_docs/_build .pytest_cache test-artifacts dist build
