# `make generate` and `make test` bootstrap .venv/ from requirements.txt by themselves.
PYTHON ?= python3
# The oldest supported Python (generated/pyproject.toml's requires-python; README "Python").
MIN_PYTHON := 3.11
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: generate check test lint bench clean python-version

# Refuse an interpreter older than MIN_PYTHON, or none, before anything is created.
define check_python
	@found=$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2], sys.executable)' 2>/dev/null) \
	  || { echo "error: Python $(MIN_PYTHON) or newer is required: cannot run '$(PYTHON)' (set PYTHON=python$(MIN_PYTHON))" >&2; exit 1; }; \
	set -- $$found; \
	echo "$$1 $(MIN_PYTHON)" | awk '{ split($$1, f, "."); split($$2, m, "."); exit !(f[1] > m[1] || (f[1] == m[1] && f[2] >= m[2])) }' \
	  || { echo "error: Python $(MIN_PYTHON) or newer is required (found $$1 at $$2); run with PYTHON=python$(MIN_PYTHON)" >&2; exit 1; }
endef

## Check that $(PYTHON) is new enough (done anyway before .venv/ is created).
python-version:
	$(check_python)

$(READY): requirements.txt
	$(check_python)
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
	$(BIN)/mypy --strict generator generated tests bench examples

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
