# `make generate` and `make test` bootstrap .venv/ from requirements.txt by themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: generate check test lint bench clean

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## Regenerate every artifact under generated/ from spec/.
generate: $(READY)
	$(BIN)/python -m generator

## Fail with a diff if generated/ is stale.
check: $(READY)
	$(BIN)/python -m generator --check

## The whole suite: golden record, mypy --strict, ruff, runtime, contract, functional, client.
test: $(READY)
	$(BIN)/python -m pytest

## Benchmarks against reference tools; writes bench/RESULTS.md (several minutes).
bench: $(READY)
	PYTHONPATH=generated $(BIN)/python -m bench

lint: $(READY)
	$(BIN)/ruff check generator generated tests bench examples
	$(BIN)/mypy --strict generator generated tests examples

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
