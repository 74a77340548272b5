# Two commands for a fresh clone: `make html` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPHINXBUILD := $(BIN)/sphinx-build
# Strict: warnings are errors, nitpicky references, all warnings shown before failing.
SPHINXOPTS ?= -W --keep-going -n -j auto
BUILDDIR := build

.PHONY: html test clean venv linkcheck lint live new-recipe workshop workshop-recipes

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

# Live preview while writing: rebuilds on save, serves on http://127.0.0.1:8000
live: $(STAMP)
	$(BIN)/sphinx-autobuild -b html -n -d $(BUILDDIR)/live-doctrees --watch _ext --ignore "*/.venv/*" . $(BUILDDIR)/live

# A new recipe page from the template: make new-recipe TITLE="Otsikko" [ID=tunniste]
new-recipe: $(STAMP)
	@test -n "$(TITLE)" || { echo 'usage: make new-recipe TITLE="Reseptin otsikko" [ID=tunniste]'; exit 2; }
	$(BIN)/python tools/new_recipe.py "$(TITLE)" $(if $(ID),--id "$(ID)")

# The workshop edition (A4 PDF) in build/workshop/; -recipes is the recipes-only variant.
workshop: $(STAMP)
	$(BIN)/python -m workshop --out $(BUILDDIR)/workshop

workshop-recipes: $(STAMP)
	$(BIN)/python -m workshop --recipes-only --out $(BUILDDIR)/workshop
