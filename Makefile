# Two commands for a fresh clone: `make html` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# VENV=<path> on the command line uses that environment as it is: nothing is installed into it.
SETUP := $(if $(filter command line,$(origin VENV)),,$(STAMP))
# Every Sphinx build goes through tools/sphinx_command.py, which adds the strict options
# (-W --keep-going -n), HANDBOOK_LANGUAGE and a doctree folder per language.
SPHINX := $(BIN)/python tools/sphinx_command.py
SPHINXOPTS ?= -j auto
BUILDDIR := build

.PHONY: html test clean venv linkcheck lint live new-recipe workshop workshop-recipes gettext recipe-diff review-due

venv: $(SETUP)

# The locked dependencies, then this checkout's extensions as a package (pyproject.toml,
# [tool.setuptools]), editable: _ext/ goes on the venv's path (a .pth file), so its packages
# win over the recipes/ page folder when the checkout is on the path too; tools/ is imported
# from the checkout (python -m tools.<name>).
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --config-settings editable_mode=compat -e .
	touch $@

# A venv shared by several checkouts holds the extensions of the last one installed: when they
# are not this checkout's, the step above runs again whatever the stamp says.
ifneq ($(SETUP),)
INSTALLED_HERE := $(shell $(BIN)/python -c "import pathlib, recipes; print(pathlib.Path(recipes.__file__).resolve().is_relative_to(pathlib.Path.cwd().resolve()))" 2>/dev/null)
ifneq ($(INSTALLED_HERE),True)
.PHONY: $(STAMP)
endif
endif

# The languages of the registry in pyproject.toml ([tool.handbook.languages]).
LANGUAGES := $(shell $(PYTHON) tools/languages.py codes)
TRANSLATIONS := $(shell $(PYTHON) tools/languages.py translations)
SOURCE_LANGUAGE := $(shell $(PYTHON) tools/languages.py source)

# Every language into build/html/<code>/; build/html/index.html sends readers to the source
# language, and build/html/404.html (which GitHub Pages shows for any missing address)
# offers every language.
html: $(SETUP)
	@for lang in $(LANGUAGES); do \
	  echo "== $$lang"; \
	  $(SPHINX) html --language $$lang --out $(BUILDDIR)/html/$$lang --doctrees $(BUILDDIR)/doctrees/$$lang -- $(SPHINXOPTS) || exit 1; \
	done
	$(BIN)/python -m tools.root_pages $(BUILDDIR)/html

# Refresh the translation catalogues after the Finnish text changed.
gettext: $(SETUP)
	$(SPHINX) gettext --out $(BUILDDIR)/gettext --doctrees $(BUILDDIR)/doctrees/gettext
	$(BIN)/sphinx-intl update -p $(BUILDDIR)/gettext -d locales $(foreach lang,$(TRANSLATIONS),-l $(lang))

# Catalogues are compiled once up front, so parallel test workers never rewrite them.
test: $(SETUP)
	$(BIN)/sphinx-intl build -d locales >/dev/null
	$(BIN)/python -m pytest

clean:
	rm -rf $(BUILDDIR)

# External links need the internet; the test suite never does.
linkcheck: $(SETUP)
	$(SPHINX) linkcheck --out $(BUILDDIR)/linkcheck --doctrees $(BUILDDIR)/doctrees/linkcheck

# The same checks as pre-commit and CI: ruff and the MyST page lint.
lint: $(SETUP)
	$(BIN)/pre-commit run --all-files

# Live preview while writing: the same strict build under sphinx-autobuild, rebuilt on save and
# served on http://127.0.0.1:8000 (a warning is shown and the last pages stay served).
live: $(SETUP)
	$(SPHINX) html --live --out $(BUILDDIR)/live --doctrees $(BUILDDIR)/live-doctrees -- --watch _ext --ignore "*/.venv/*"

# Pages whose review is due (front matter `review-by`); FAIL=1 makes a due page an error.
review-due: $(SETUP)
	$(BIN)/python tools/review_due.py $(if $(FAIL),--fail)

# A new recipe page from the template: make new-recipe TITLE="Otsikko" [ID=tunniste]
new-recipe: $(SETUP)
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
workshop: $(SETUP)
	$(SPHINX) workshop --language $(WORKSHOP_LANG) --out $(BUILDDIR)/workshop/$(WORKSHOP_LANG) --doctrees $(BUILDDIR)/doctrees/$(WORKSHOP_LANG) -- $(SPHINXOPTS)

workshop-recipes: $(SETUP)
	$(SPHINX) workshop --language $(WORKSHOP_LANG) --out $(BUILDDIR)/workshop/$(WORKSHOP_LANG) --doctrees $(BUILDDIR)/doctrees/$(WORKSHOP_LANG) -- $(SPHINXOPTS) -D recipes_workshop_variant=recipes

# What this branch does to the recipes, and the ID stability rules (CI runs it on pull
# requests): make recipe-diff [BASE=<git ref>] [FORMAT=markdown]; BASE defaults to the
# merge base with main.
recipe-diff: $(SETUP)
	$(BIN)/python -m tools.recipe_review $(if $(BASE),--base "$(BASE)") $(if $(FORMAT),--format "$(FORMAT)")
