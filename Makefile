# SafeNote: `make run` starts the app, `make test` runs every check. Both set up what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Debian packages (see ../shared/PLATFORM.md). To run: Python's venv and Qt's runtime
# libraries for the xcb (X11) and offscreen platforms.
RUN_PACKAGES := python3-venv libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 \
	libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0
# To test with real parts as well: an X server, D-Bus, a Secret Service keyring, the AT-SPI
# bus and its Python bindings, the age CLI, poppler (pdftotext), xclip, and the validators
# for the desktop entry and AppStream metainfo (packaging/linux).
TEST_PACKAGES := $(RUN_PACKAGES) xvfb xauth dbus gnome-keyring libsecret-tools at-spi2-core \
	python3-pyatspi age poppler-utils xclip desktop-file-utils appstream

.PHONY: help run test lint typecheck unit integration system-deps run-deps bench bundle clean \
	translations pseudo-translation

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

run: run-deps $(VENV)/.installed ## Set up what is missing and start SafeNote
	$(BIN)/safenote

test: system-deps $(VENV)/.installed-test ## Lint, type-check and run every test (unit, GUI, real parts)
	$(MAKE) --no-print-directory lint typecheck unit integration

lint: $(VENV)/.installed-test ## ruff check + ruff format --check
	$(BIN)/ruff check src tests bench scripts packaging
	$(BIN)/ruff format --check src tests bench scripts packaging

typecheck: $(VENV)/.installed-test ## mypy (strict on core/)
	$(BIN)/mypy

unit: $(VENV)/.installed-test ## Unit and GUI tests, offscreen
	env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
		$(BIN)/pytest -q -n auto --dist loadfile tests/unit tests/gui

integration: $(VENV)/.installed-test ## Tests with real parts: gnome-keyring, age, Xvfb, AT-SPI
	SAFENOTE_REAL_PARTS=1 scripts/with-real-parts.sh $(BIN)/pytest -q tests/integration

bench: $(VENV)/.installed-test ## Run the benchmarks (ratios against same-run baselines)
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

translations: $(VENV)/.installed-test ## Extract every tr() string into resources/translations/safenote.ts
	$(BIN)/pyside6-lupdate -no-obsolete -locations none src/safenote/gui/*.py \
		-ts resources/translations/safenote.ts

pseudo-translation: translations ## Build the en_XA pseudo-locale (accented, longer) to spot hard-coded or clipped text
	$(BIN)/python scripts/pseudo_translate.py

bundle: $(VENV)/.installed-test ## Build the app folder dist/safenote/ (PyInstaller) and a Linux tarball
	$(BIN)/python packaging/build_bundle.py --tarball

system-deps: ## Install the Debian packages the tests need (as root), or say how
	@scripts/system-deps.sh $(TEST_PACKAGES)

run-deps:
	@scripts/system-deps.sh $(RUN_PACKAGES)

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "SafeNote needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

clean: ## Remove build outputs (not your drafts)
	rm -rf build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
