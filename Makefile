# Two commands for a new user (see README): `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint eval schema clean

setup: $(STAMP)

# Reproducible install: pip upgraded first (the machine's pip 23 mis-resolves some packages),
# then every dependency from the hash-pinned lock, then this package without dependencies.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pressfacts run corpus/ --out out/

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests scripts
	$(BIN)/ruff format --check pipeline tests scripts
	$(BIN)/mypy

# Extraction quality against the committed floors: corpus/ always, ../shared's sets when present.
eval: $(STAMP)
	$(BIN)/pressfacts eval corpus --baseline tests/eval-baseline.json
	if [ -d ../shared/eval/dev ]; then \
	  $(BIN)/pressfacts eval ../shared/eval/dev --baseline tests/eval-baseline.json; fi
	if [ -f ../shared/eval/newsquant/NewsQuant.dev.json ]; then \
	  $(BIN)/pressfacts eval ../shared/eval/newsquant/NewsQuant.dev.json --baseline tests/eval-baseline.json; fi

schema: $(STAMP)
	$(BIN)/pressfacts schema --out schemas/extraction.schema.json

clean:
	rm -rf $(VENV) out
