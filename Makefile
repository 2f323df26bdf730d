# Two commands a new user needs (each sets up its own virtual environment):
#   make docs   build example_docs to HTML (English and Indonesian)
#   make test   run the whole test suite (newest Sphinx), then the core suite on Sphinx 7.4 and 8.2

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SPHINXOPTS ?=
OLDER_SPHINX ?= 7.4 8.2

.PHONY: docs test test-matrix messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

docs: $(BIN)/.installed
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) example_docs example_docs/_build/html
	$(BIN)/sphinx-build -b html -D language=id $(SPHINXOPTS) example_docs example_docs/_build/html-id
	@echo "English: example_docs/_build/html/index.html"
	@echo "Indonesian: example_docs/_build/html-id/index.html"

test: $(BIN)/.installed
	$(BIN)/python -m pytest
	$(MAKE) test-matrix

# The core suite (no browser, no whole-project builds) on each older supported Sphinx.
test-matrix:
	@set -e; for version in $(OLDER_SPHINX); do \
		venv=.venv-sphinx$$version; \
		if [ ! -x $$venv/bin/python ]; then \
			$(PYTHON) -m venv $$venv; \
			$$venv/bin/python -m pip install -q --upgrade pip; \
		fi; \
		$$venv/bin/python -m pip install -q -e ".[test]" "sphinx==$$version.*"; \
		echo "== Sphinx $$version"; \
		$$venv/bin/python -m pytest -q -m "not browser and not slow"; \
	done

messages: $(BIN)/.installed
	$(BIN)/python tools/messages.py update

clean:
	rm -rf example_docs/_build .pytest_cache test-artifacts
