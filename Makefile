# Two commands for a fresh clone: `make html` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPHINXBUILD := $(BIN)/sphinx-build
# Strict: warnings are errors, nitpicky references, all warnings shown before failing.
SPHINXOPTS ?= -W --keep-going -n -j auto
BUILDDIR := build

.PHONY: html test clean venv linkcheck lint

venv: $(STAMP)

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

html: $(STAMP)
	$(SPHINXBUILD) -b html $(SPHINXOPTS) -d $(BUILDDIR)/doctrees . $(BUILDDIR)/html

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(BUILDDIR)

# External links need the internet; the test suite never does.
linkcheck: $(STAMP)
	$(SPHINXBUILD) -b linkcheck -d $(BUILDDIR)/doctrees . $(BUILDDIR)/linkcheck

# The same checks as pre-commit and CI: ruff and the MyST page lint.
lint: $(STAMP)
	$(BIN)/pre-commit run --all-files
