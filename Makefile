# Two commands do all set-up on a fresh machine with Python 3.11 and pip:
#   make demo   installs newsevents in .venv and codes the bundled sample articles
#   make test   installs newsevents (and a Java runtime for the Spark tests) and runs every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,spark]"
	touch $@

demo: install
	$(BIN)/newsevents demo

test: install
	bash .ci/install-java.sh
	$(BIN)/python -m pytest -q -p no:cacheprovider
