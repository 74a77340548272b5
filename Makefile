# Two commands for a fresh clone: `make html` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPHINXBUILD := $(BIN)/sphinx-build
# Strict: warnings are errors, nitpicky references, all warnings shown before failing.
SPHINXOPTS ?= -W --keep-going -n -j auto
BUILDDIR := build

.PHONY: html test clean venv linkcheck lint live new-recipe workshop workshop-recipes gettext recipe-diff review-due

venv: $(STAMP)

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

LANGUAGES := fi sv en

# Every language into build/html/<code>/; build/html/index.html sends readers to fi/, and
# build/html/404.html (which GitHub Pages shows for any missing address) offers all three.
html: $(STAMP)
	@for lang in $(LANGUAGES); do \
	  echo "== $$lang"; \
	  HANDBOOK_LANGUAGE=$$lang $(SPHINXBUILD) -b html $(SPHINXOPTS) -d $(BUILDDIR)/doctrees/$$lang . $(BUILDDIR)/html/$$lang || exit 1; \
	done
	cp tools/root-index.html $(BUILDDIR)/html/index.html
	$(BIN)/python tools/root_404.py $(BUILDDIR)/html/404.html

# Refresh the translation catalogues after the Finnish text changed.
gettext: $(STAMP)
	$(SPHINXBUILD) -b gettext -d $(BUILDDIR)/doctrees/gettext . $(BUILDDIR)/gettext
	$(BIN)/sphinx-intl update -p $(BUILDDIR)/gettext -d locales $(foreach lang,$(filter-out fi,$(LANGUAGES)),-l $(lang))

# Catalogues are compiled once up front, so parallel test workers never rewrite them.
test: $(STAMP)
	$(BIN)/sphinx-intl build -d locales >/dev/null
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

# Pages whose review is due (front matter `review-by`); FAIL=1 makes a due page an error.
review-due: $(STAMP)
	$(BIN)/python tools/review_due.py $(if $(FAIL),--fail)

# A new recipe page from the template: make new-recipe TITLE="Otsikko" [ID=tunniste]
new-recipe: $(STAMP)
	@test -n "$(TITLE)" || { echo 'usage: make new-recipe TITLE="Reseptin otsikko" [ID=tunniste]'; exit 2; }
	$(BIN)/python tools/new_recipe.py "$(TITLE)" $(if $(ID),--id "$(ID)")

# The workshop edition (A4 PDF) in build/workshop/<lang>/; -recipes is the recipes-only variant.
# make workshop LANG=sv builds the Swedish edition (fi, sv or en; Finnish by default).
# LANG given on the command line names the edition, not a locale: make would export it
# to every command, and Sphinx stops on the unknown locale "sv". So it is not exported.
ifeq ($(origin LANG),command line)
unexport LANG
endif
WORKSHOP_LANG := $(if $(filter $(LANGUAGES),$(LANG)),$(LANG),fi)

workshop: $(STAMP)
	$(BIN)/python -m workshop --language $(WORKSHOP_LANG) --out $(BUILDDIR)/workshop/$(WORKSHOP_LANG)

workshop-recipes: $(STAMP)
	$(BIN)/python -m workshop --language $(WORKSHOP_LANG) --recipes-only --out $(BUILDDIR)/workshop/$(WORKSHOP_LANG)

# What this branch does to the recipes, and the ID stability rules (CI runs it on pull
# requests): make recipe-diff [BASE=<git ref>] [FORMAT=markdown]; BASE defaults to the
# merge base with main.
recipe-diff: $(STAMP)
	$(BIN)/python -m tools.recipe_review $(if $(BASE),--base "$(BASE)") $(if $(FORMAT),--format "$(FORMAT)")
