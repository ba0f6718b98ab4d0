# Two commands do all set-up on a fresh machine with Python 3.11 and pip:
#   make demo   installs newsevents in .venv and codes the bundled sample articles
#   make test   installs newsevents (and Java and PostgreSQL for the Spark and store tests), runs every test
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

# The Spark tests need Java and the PostgreSQL store tests a server: both are installed when
# missing, and a throwaway PostgreSQL cluster lives only for the test run.
test: install
	bash .ci/install-java.sh
	export NEWSEVENTS_PG_DIR="$${TMPDIR:-/tmp}/newsevents-pg-$$$$" && \
	url=$$(bash .ci/start-postgres.sh) && \
	  NEWSEVENTS_TEST_PG_URL="$$url" $(BIN)/python -m pytest -q -p no:cacheprovider; \
	  status=$$?; bash .ci/start-postgres.sh --stop; exit $$status
