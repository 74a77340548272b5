# Two commands for a fresh clone: `make html` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every Sphinx build goes through tools/sphinx_command.py, which adds the strict options
# (-W --keep-going -n), HANDBOOK_LANGUAGE and a doctree folder per language.
SPHINX := $(BIN)/python tools/sphinx_command.py
SPHINXOPTS ?= -j auto
BUILDDIR := build

.PHONY: html test clean venv linkcheck lint live new-recipe workshop workshop-recipes gettext recipe-diff review-due

venv: $(STAMP)

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The languages of the registry in pyproject.toml ([tool.handbook.languages]).
LANGUAGES := $(shell $(PYTHON) tools/languages.py codes)
TRANSLATIONS := $(shell $(PYTHON) tools/languages.py translations)
SOURCE_LANGUAGE := $(shell $(PYTHON) tools/languages.py source)

# Every language into build/html/<code>/; build/html/index.html sends readers to the source
# language, and build/html/404.html (which GitHub Pages shows for any missing address)
# offers every language.
html: $(STAMP)
	@for lang in $(LANGUAGES); do \
	  echo "== $$lang"; \
	  $(SPHINX) html --language $$lang --out $(BUILDDIR)/html/$$lang --doctrees $(BUILDDIR)/doctrees/$$lang -- $(SPHINXOPTS) || exit 1; \
	done
	$(BIN)/python tools/root_pages.py $(BUILDDIR)/html

# Refresh the translation catalogues after the Finnish text changed.
gettext: $(STAMP)
	$(SPHINX) gettext --out $(BUILDDIR)/gettext --doctrees $(BUILDDIR)/doctrees/gettext
	$(BIN)/sphinx-intl update -p $(BUILDDIR)/gettext -d locales $(foreach lang,$(TRANSLATIONS),-l $(lang))

# Catalogues are compiled once up front, so parallel test workers never rewrite them.
test: $(STAMP)
	$(BIN)/sphinx-intl build -d locales >/dev/null
	$(BIN)/python -m pytest

clean:
	rm -rf $(BUILDDIR)

# External links need the internet; the test suite never does.
linkcheck: $(STAMP)
	$(SPHINX) linkcheck --out $(BUILDDIR)/linkcheck --doctrees $(BUILDDIR)/doctrees/linkcheck

# The same checks as pre-commit and CI: ruff and the MyST page lint.
lint: $(STAMP)
	$(BIN)/pre-commit run --all-files

# Live preview while writing: rebuilds on save, serves on http://127.0.0.1:8000
live: $(STAMP)
	$(BIN)/sphinx-autobuild -b html -n -d $(BUILDDIR)/live-doctrees --watch _ext --ignore "*/.venv/*" . $(BUILDDIR)/live

# Pages whose review is due (front matter `review-by`); FAIL=1 makes a due page an error.
review-due: $(STAMP)
	$(BIN)/python tools/review_due.py $(if $(FAIL),--fail)

# A new recipe page from the template: make new-recipe TITLE="Otsikko" [ID=tunniste]
new-recipe: $(STAMP)
	@test -n "$(TITLE)" || { echo 'usage: make new-recipe TITLE="Reseptin otsikko" [ID=tunniste]'; exit 2; }
	$(BIN)/python tools/new_recipe.py "$(TITLE)" $(if $(ID),--id "$(ID)")

# The workshop edition (A4 PDF) in build/workshop/<lang>/; -recipes is the recipes-only variant.
# make workshop LANG=sv builds the Swedish edition (a code of the registry; the source
# language, Finnish, by default).
# LANG given on the command line names the edition, not a locale: make would export it
# to every command, and Sphinx stops on the unknown locale "sv". So it is not exported.
ifeq ($(origin LANG),command line)
unexport LANG
endif
WORKSHOP_LANG := $(if $(filter $(LANGUAGES),$(LANG)),$(LANG),$(SOURCE_LANGUAGE))

# The builder reads the language's environment in build/doctrees/<lang>, shared with `make html`.
workshop: $(STAMP)
	$(SPHINX) workshop --language $(WORKSHOP_LANG) --out $(BUILDDIR)/workshop/$(WORKSHOP_LANG) --doctrees $(BUILDDIR)/doctrees/$(WORKSHOP_LANG) -- $(SPHINXOPTS)

workshop-recipes: $(STAMP)
	$(SPHINX) workshop --language $(WORKSHOP_LANG) --out $(BUILDDIR)/workshop/$(WORKSHOP_LANG) --doctrees $(BUILDDIR)/doctrees/$(WORKSHOP_LANG) -- $(SPHINXOPTS) -D recipes_workshop_variant=recipes

# What this branch does to the recipes, and the ID stability rules (CI runs it on pull
# requests): make recipe-diff [BASE=<git ref>] [FORMAT=markdown]; BASE defaults to the
# merge base with main.
recipe-diff: $(STAMP)
	$(BIN)/python -m tools.recipe_review $(if $(BASE),--base "$(BASE)") $(if $(FORMAT),--format "$(FORMAT)")
