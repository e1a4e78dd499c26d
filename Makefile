# Compound Desk: `make run` opens the window on a demo compound; `make test` runs every test headless.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo/compound.sqlite
UI_LANG ?= zh_CN
QM := resources/i18n/compound_desk_zh_CN.qm resources/i18n/compound_desk_en.qm

.PHONY: run test check lint bench screenshot translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

resources/i18n/%.qm: resources/i18n/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

$(DEMO_DB): | $(VENV)/.installed
	$(BIN)/compound-desk --db $(DEMO_DB) demo

run: $(VENV)/.installed $(QM) $(DEMO_DB)
	$(BIN)/compound-desk --db $(DEMO_DB) --lang $(UI_LANG)

test: $(VENV)/.installed-test $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desktop tests bench

check: lint test

bench: $(VENV)/.installed-test
	$(BIN)/python bench/roster_import.py --json
	$(BIN)/python bench/startup.py --json
	$(BIN)/python bench/ktt_import.py --json
	$(BIN)/python bench/chain_paste.py --json
	$(BIN)/python bench/allocate.py --json
	$(BIN)/python bench/labels.py --json
	$(BIN)/python bench/scan.py --json
	$(BIN)/python bench/scan_during_import.py --json
	$(BIN)/python bench/sync.py --json
	$(BIN)/python bench/gui_stalls.py --json

screenshot: $(VENV)/.installed $(QM) $(DEMO_DB)
	$(BIN)/compound-desk --db $(DEMO_DB) --lang $(UI_LANG) --screenshot roster.png --page roster

# After adding or changing a tr() string: refresh the catalogue, then translate what is new.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(find desktop/ui -name "*.py" | sort) -no-obsolete -ts resources/i18n/compound_desk_zh_CN.ts
	$(BIN)/pyside6-lupdate $$(find desktop/ui -name "*.py" | sort) -no-obsolete -pluralonly -target-language en -ts resources/i18n/compound_desk_en.ts

clean:
	rm -rf $(VENV) demo $(QM) .pytest_cache
